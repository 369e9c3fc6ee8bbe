import type { Readable } from 'node:stream';
import { canSeePersonalData, hasRole, registryScope } from '../../core/access/policies.js';
import type { Principal } from '../../core/access/roles.js';
import { exportColumnsFor } from '../../core/registry/import/export-columns.js';
import type { Db } from '../db/database.js';
import { forbidden } from '../http/errors.js';
import { selectCooperativesForExport, type ExportFilters } from './export.repository.js';
import { writeCsv, writeXlsx, type ExportBatches } from './export.writer.js';

export const exportFormats = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

const contentTypes: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export interface ExportFile {
  fileName: string;
  contentType: string;
  stream: Readable;
}

/**
 * The registry as a spreadsheet, with the filters of the list and the
 * reader's scope: a representative gets their cooperatives only, and a
 * funder's file has no personal column at all (law 09-08).
 */
export function exportCooperatives(db: Db, principal: Principal, format: ExportFormat, filters: ExportFilters): ExportFile {
  const scope = registryScope(principal);
  if (scope.kind === 'none') throw forbidden();
  const mayHoldPersonalData = hasRole(principal, 'admin', 'programme_manager', 'consultant', 'cooperative_representative');
  const columns = exportColumnsFor(mayHoldPersonalData);
  const batches: ExportBatches = (async function* () {
    for await (const rows of selectCooperativesForExport(db, scope, filters)) {
      // A person may see personal data of some cooperatives only (a funder who also represents one).
      yield rows.map((record) => ({ record, showPersonal: canSeePersonalData(principal, record.id) }));
    }
  })();
  const stream = format === 'csv' ? writeCsv(columns, batches) : writeXlsx(columns, batches);
  const date = new Date().toISOString().slice(0, 10);
  return { fileName: `cooperatives-${date}.${format}`, contentType: contentTypes[format], stream };
}
