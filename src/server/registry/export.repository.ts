import { sql } from 'kysely';
import type { RegistryScope } from '../../core/access/policies.js';
import type { CooperativeListQuery } from '../../core/registry/cooperative.schema.js';
import type { Db } from '../db/database.js';
import { cooperativeColumns, filterCooperatives } from './cooperative.repository.js';

export type ExportFilters = Omit<CooperativeListQuery, 'sort' | 'order' | 'page' | 'pageSize' | 'locale'>;

function exportQuery(db: Db, scope: RegistryScope, filters: ExportFilters, batchSize: number) {
  return filterCooperatives(db, scope, filters)
    .select([...cooperativeColumns.map((column) => `cooperatives.${column}` as const), 'cooperatives.nameKey'])
    .orderBy('cooperatives.nameKey')
    .orderBy('cooperatives.id')
    .limit(batchSize);
}

export type ExportRow = Awaited<ReturnType<ReturnType<typeof exportQuery>['execute']>>[number];

/**
 * Every record matching the list's filters, in batches, ordered by name.
 * Each batch starts after the last key of the one before, on the
 * (name_key, id) index, so that the 50th batch costs what the first did.
 */
export async function* selectCooperativesForExport(db: Db, scope: RegistryScope, filters: ExportFilters, batchSize = 2_000): AsyncGenerator<ExportRow[]> {
  let after: { nameKey: string; id: string } | undefined;
  for (;;) {
    let query = exportQuery(db, scope, filters, batchSize);
    if (after) query = query.where(sql<boolean>`(cooperatives.name_key, cooperatives.id) > (${after.nameKey}, ${after.id}::uuid)`);
    const rows = await query.execute();
    if (rows.length > 0) yield rows;
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return;
    after = { nameKey: last.nameKey, id: last.id };
  }
}
