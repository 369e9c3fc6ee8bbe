import { canImportRegistry, hasRole } from '../../core/access/policies.js';
import type { Principal } from '../../core/access/roles.js';
import { findDuplicates, type DuplicateMatch } from '../../core/registry/import/duplicates.js';
import {
  previewListLimit,
  type ImportCommitRequest,
  type ImportDuplicate,
  type ImportMode,
  type ImportPreview,
  type ImportState,
  type ImportStatus,
  type ImportUpload,
} from '../../core/registry/import/import.schema.js';
import { missingRequiredFields, suggestMapping, type ColumnMapping } from '../../core/registry/import/mapping.js';
import type { DuplicateAction } from '../../core/registry/import/plan.js';
import type { RowIssue } from '../../core/registry/import/rows.js';
import { cellText } from '../../core/registry/import/values.js';
import type { Issue } from '../../core/shared/errors.js';
import type { Db } from '../db/database.js';
import { conflict, forbidden, notFound, validationFailed } from '../http/errors.js';
import { readImportFile, type ImportFile } from './import.reader.js';
import { claimImport, findImport, findImportContent, insertImport, type ImportRow } from './import.repository.js';
import {
  checkRows,
  consoleLog,
  DerivedColumns,
  duplicateKeys,
  findRegistryMatches,
  findRunningImport,
  registryKeys,
  startImportRun,
  type ErrorLog,
  type ImportRun,
  type ImportSummary,
  type RunningImport,
} from './import.runner.js';

const sampleSize = 10;

function assertCanImport(principal: Principal) {
  if (!canImportRegistry(principal)) throw forbidden();
}

/** An import is its creator's (and an admin's): anyone else is told it does not exist. */
function isOwnImport(principal: Principal, createdBy: string): boolean {
  return createdBy === principal.userId || hasRole(principal, 'admin');
}

async function ownImport(db: Db, principal: Principal, importId: string): Promise<ImportRow> {
  const record = await findImport(db, importId);
  if (!record || !isOwnImport(principal, record.createdBy)) throw notFound();
  return record;
}

function cleanFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop()?.trim() ?? '';
  return base.slice(-200) || 'import';
}

interface Upload {
  fileName: string;
  readContent: () => Promise<Uint8Array>;
}

async function storeUpload(db: Db, principal: Principal, upload: Upload) {
  const content = await upload.readContent();
  const file = await readImportFile(content);
  const fileName = cleanFileName(upload.fileName);
  const { id, createdAt } = await insertImport(db, { createdBy: principal.userId, fileName, content });
  return { record: { id, createdAt, createdBy: principal.userId, fileName }, file };
}

/**
 * Keeps an uploaded file and says what it holds: format, encoding, separator,
 * headers, the first rows and the mapping the server suggests. The content is
 * read only once access is granted.
 */
export async function uploadImport(db: Db, principal: Principal, upload: Upload): Promise<ImportUpload> {
  assertCanImport(principal);
  const { record, file } = await storeUpload(db, principal, upload);
  const { headers, rows } = file.table;
  return {
    id: record.id,
    fileName: record.fileName,
    format: file.format,
    encoding: file.encoding,
    delimiter: file.delimiter,
    headers,
    sampleRows: rows.slice(0, sampleSize).map((row) => headers.map((_, index) => cellText(row.cells[index]))),
    rowCount: rows.length,
    suggestedMapping: suggestMapping(headers),
  };
}

/** The mapping of every header (absent ones are left aside), refused if it names a column the file lacks or a field twice. */
function completeMapping(headers: readonly string[], mapping: ColumnMapping): ColumnMapping {
  const issues: Issue[] = [];
  for (const header of Object.keys(mapping)) {
    if (!headers.includes(header)) issues.push({ path: ['mapping', header], key: 'column_unknown', params: { column: header } });
  }
  const seen = new Set<string>();
  for (const header of headers) {
    const field = mapping[header];
    if (!field) continue;
    if (seen.has(field)) issues.push({ path: ['mapping', header], key: 'column_mapped_twice', params: { column: header, field } });
    seen.add(field);
  }
  if (issues.length > 0) throw validationFailed(issues);
  return Object.fromEntries(headers.map((header) => [header, mapping[header] ?? null]));
}

/** column_missing for each required field: `params.column` is the field, which the client names with `fields.<key>`. */
function missingColumnIssues(mapping: ColumnMapping): RowIssue[] {
  return missingRequiredFields(mapping).map((field) => ({ line: 1, column: null, field, key: 'column_missing', params: { column: field } }));
}

function presentDuplicate(match: DuplicateMatch): ImportDuplicate {
  return match.kind === 'registry'
    ? { ...match, key: 'duplicate_in_registry', params: { name: match.matchedName } }
    : { ...match, key: 'duplicate_in_file', params: { line: match.matchedLine } };
}

async function readStoredFile(db: Db, importId: string): Promise<ImportFile> {
  return readImportFile(await findImportContent(db, importId));
}

/**
 * What a commit would do: each bad row with its line, column and reason, and
 * each duplicate, in the file or in the registry, for the user to skip or merge.
 */
export async function previewImport(db: Db, principal: Principal, importId: string, requested: ColumnMapping): Promise<ImportPreview> {
  assertCanImport(principal);
  await ownImport(db, principal, importId);
  const { table } = await readStoredFile(db, importId);
  const mapping = completeMapping(table.headers, requested);
  const rowCount = table.rows.length;
  const missing = missingColumnIssues(mapping);
  if (missing.length > 0) return { rowCount, validCount: 0, invalidCount: rowCount, errors: missing, duplicates: [], duplicateCount: 0 };

  const { valid, invalid } = await checkRows(table, mapping);
  const keys = duplicateKeys(valid, new DerivedColumns());
  const duplicates = [...findDuplicates(keys, (await findRegistryMatches(db, keys)).map(registryKeys)).values()];
  return {
    rowCount,
    validCount: valid.length,
    invalidCount: invalid.length,
    errors: invalid.flatMap((row) => row.issues).slice(0, previewListLimit),
    duplicates: duplicates.slice(0, previewListLimit).map(presentDuplicate),
    duplicateCount: duplicates.length,
  };
}

/** Checks the mapping, marks the import as running (once only) and starts it. */
async function startImport(db: Db, principal: Principal, record: ImportRun['record'], file: ImportFile, request: ImportCommitRequest, log: ErrorLog): Promise<RunningImport> {
  const mapping = completeMapping(file.table.headers, request.mapping);
  const missing = missingColumnIssues(mapping);
  if (missing.length > 0) throw validationFailed(missing.map((issue) => ({ path: ['mapping', issue.field ?? ''], key: issue.key, params: issue.params })));
  if (!(await claimImport(db, record.id))) throw conflict({ reason: 'import_not_pending' });
  return startImportRun({ db, principal, record, table: file.table, request: { ...request, mapping }, log });
}

/**
 * Starts writing an import and returns at once: the work goes on in the
 * background and GET /api/imports/:id follows it. A file with bad rows in
 * "all or nothing" mode ends as failed with nothing written.
 */
export async function commitImport(
  db: Db,
  principal: Principal,
  importId: string,
  request: ImportCommitRequest,
  log: ErrorLog = consoleLog,
): Promise<{ id: string; status: ImportStatus }> {
  assertCanImport(principal);
  const record = await ownImport(db, principal, importId);
  const file = await readStoredFile(db, importId);
  await startImport(db, principal, record, file, request, log);
  return { id: importId, status: 'running' };
}

function presentStored(record: ImportRow): ImportState {
  const stored = record.summary as Partial<ImportSummary> | null;
  const summary = stored
    ? { created: stored.created ?? 0, merged: stored.merged ?? 0, unchanged: stored.unchanged ?? 0, skipped: stored.skipped ?? 0, invalid: stored.invalid ?? 0 }
    : null;
  const total = stored?.total ?? 0;
  const isFinished = record.status === 'completed' || record.status === 'failed';
  return {
    id: record.id,
    fileName: record.fileName,
    status: record.status as ImportStatus,
    progress: { processed: isFinished ? total : 0, total },
    summary,
    failure: stored?.failure ?? null,
    createdAt: record.createdAt,
    finishedAt: record.finishedAt,
  };
}

/** Status and progress of an import; a running one answers from memory, without waiting for the database. */
export async function getImportState(db: Db, principal: Principal, importId: string): Promise<ImportState> {
  assertCanImport(principal);
  const running = findRunningImport(importId);
  if (running) {
    if (!isOwnImport(principal, running.createdBy)) throw notFound();
    return {
      id: importId,
      fileName: running.fileName,
      status: 'running',
      progress: { ...running.progress },
      summary: null,
      failure: null,
      createdAt: running.createdAt,
      finishedAt: null,
    };
  }
  return presentStored(await ownImport(db, principal, importId));
}

export interface RunImportOptions {
  fileName: string;
  content: Uint8Array;
  /** Header → field; the suggested mapping when absent. */
  mapping?: ColumnMapping;
  mode: ImportMode;
  duplicateAction: DuplicateAction;
  duplicateActions?: Record<string, DuplicateAction>;
  log?: ErrorLog;
}

/**
 * Upload, commit and wait: the whole import as one call, for scripts and
 * benchmarks. It runs the same code as the HTTP routes, reading the file once.
 */
export async function runImport(db: Db, principal: Principal, options: RunImportOptions): Promise<ImportState> {
  assertCanImport(principal);
  const { record, file } = await storeUpload(db, principal, { fileName: options.fileName, readContent: async () => options.content });
  const request: ImportCommitRequest = {
    mapping: options.mapping ?? suggestMapping(file.table.headers),
    mode: options.mode,
    duplicateAction: options.duplicateAction,
    ...(options.duplicateActions ? { duplicateActions: options.duplicateActions } : {}),
  };
  const running = await startImport(db, principal, record, file, request, options.log ?? consoleLog);
  await running.done;
  return getImportState(db, principal, record.id);
}
