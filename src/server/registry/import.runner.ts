import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Principal } from '../../core/access/roles.js';
import { deriveCooperativeColumns, type DerivedCooperativeColumns } from '../../core/registry/cooperative.rules.js';
import type { CooperativeInput } from '../../core/registry/cooperative.schema.js';
import { DuplicateFinder, type FileRowKeys, type RegistryKeys } from '../../core/registry/import/duplicates.js';
import type { ImportCommitRequest, ImportFailure } from '../../core/registry/import/import.schema.js';
import type { ColumnMapping } from '../../core/registry/import/mapping.js';
import { ImportPlanner, type DuplicateAction, type ImportCounts, type ValidRow } from '../../core/registry/import/plan.js';
import { convertRow, cooperativeFields, mapColumns, type ConvertedRow, type MappedColumns } from '../../core/registry/import/rows.js';
import type { ImportTable, TableRow } from '../../core/registry/import/table.js';
import type { Db } from '../db/database.js';
import {
  findCooperativesByName,
  findCooperativesByNumber,
  finishImport,
  insertImportedCooperatives,
  lockRegistryForImport,
  prepareRecords,
  updateImportedCooperatives,
  type PreparedRecords,
  type RegistryMatchRow,
} from './import.repository.js';

/**
 * Running a committed import: the rows read, checked, matched with the
 * registry and written in batches, in one transaction, while its progress
 * stays in memory for GET /api/imports/:id.
 */

/** Rows per statement when writing, and per turn of the event loop when checking. */
const batchSize = 2_000;
/** Keys per query when looking for duplicates in the registry. */
const lookupSize = 10_000;

/** Where a background import reports what went wrong: the request's logger, or the console for scripts. */
export interface ErrorLog {
  error(details: object, message: string): void;
}
export const consoleLog: ErrorLog = { error: (details, message) => console.error(message, details) };

/** What an import leaves in `imports.summary`: the counts, the rows in the file, and why it failed if it did. */
export type ImportSummary = ImportCounts & { total: number; failure: ImportFailure | null };

export interface RunningImport {
  createdBy: string;
  fileName: string;
  createdAt: string;
  progress: { processed: number; total: number };
  done: Promise<void>;
}

/**
 * Imports being run by this process. Their progress lives here rather than
 * in the database: on PGlite the import's transaction holds the only
 * connection until it ends.
 */
const runningImports = new Map<string, RunningImport>();

export function findRunningImport(importId: string): RunningImport | undefined {
  return runningImports.get(importId);
}

/** Lets a server close only once the imports it started have ended. */
export async function waitForRunningImports(): Promise<void> {
  await Promise.allSettled([...runningImports.values()].map((running) => running.done));
}

export interface ImportRun {
  db: Db;
  principal: Principal;
  record: { id: string; createdBy: string; fileName: string; createdAt: string };
  table: ImportTable;
  request: ImportCommitRequest;
  log: ErrorLog;
}

/** Past this many written rows, the planner's statistics are refreshed after the import. */
const refreshStatisticsAfter = 1_000;

/**
 * A large import changes what the planner knows of the registry, and PGlite
 * runs no autovacuum at all. Vacuuming and analysing at once keeps the list
 * fast (after a 100,000-row import on PGlite: 205 ms for the first page
 * before, 7 ms after) and lets PostgreSQL count from the index alone.
 */
async function refreshRegistryStatistics(db: Db, log: ErrorLog, importId: string): Promise<void> {
  await sql`vacuum analyze cooperatives`.execute(db).catch((error: unknown) => log.error({ err: error, importId }, 'registry statistics not refreshed'));
}

/** Starts an import in the background; `done` settles once it has completed or failed, its status saved. */
export function startImportRun(run: ImportRun): RunningImport {
  const running: RunningImport = {
    createdBy: run.record.createdBy,
    fileName: run.record.fileName,
    createdAt: run.record.createdAt,
    progress: { processed: 0, total: run.table.rows.length },
    done: Promise.resolve(),
  };
  runningImports.set(run.record.id, running);
  running.done = executeImport(run, running).finally(() => runningImports.delete(run.record.id));
  return running;
}

/**
 * Region, search text and name key of each record, worked out once: they
 * serve to find duplicates and are written with the record. A merged record
 * is a new object, so it is worked out afresh.
 */
export class DerivedColumns {
  readonly #known = new Map<CooperativeInput, DerivedCooperativeColumns>();

  /** Forgets what a finished batch needed, so that a large file does not keep it all. */
  clear(): void {
    this.#known.clear();
  }

  of(input: CooperativeInput): DerivedCooperativeColumns {
    let derived = this.#known.get(input);
    if (!derived) {
      derived = deriveCooperativeColumns(input);
      this.#known.set(input, derived);
    }
    return derived;
  }
}

function convertRows(rows: readonly TableRow[], mapped: MappedColumns) {
  const valid: ValidRow[] = [];
  const invalid: ConvertedRow[] = [];
  for (const row of rows) {
    const converted = convertRow(row, mapped);
    if (converted.input) valid.push(converted as ValidRow);
    else invalid.push(converted);
  }
  return { valid, invalid };
}

/** Reads every row with the mapping, giving the event loop a turn between batches. */
export async function checkRows(table: ImportTable, mapping: ColumnMapping) {
  const mapped = mapColumns(table.headers, mapping);
  const valid: ValidRow[] = [];
  const invalid: ConvertedRow[] = [];
  for (let start = 0; start < table.rows.length; start += batchSize) {
    const batch = convertRows(table.rows.slice(start, start + batchSize), mapped);
    valid.push(...batch.valid);
    invalid.push(...batch.invalid);
    await nextTurn();
  }
  return { valid, invalid };
}

const recordName = (record: { nameFr: string | null; nameAr: string | null }) => record.nameFr ?? record.nameAr ?? '';

export function duplicateKeys(rows: readonly ValidRow[], derived: DerivedColumns): FileRowKeys[] {
  return rows.map((row) => ({
    line: row.line,
    registrationNumber: row.input.registrationNumber,
    provinceCode: row.input.provinceCode,
    nameKey: derived.of(row.input).nameKey,
    name: recordName(row.input),
  }));
}

/** The registry records any row may repeat, by number or by name in its province. */
export async function findRegistryMatches(db: Db, rows: readonly FileRowKeys[]): Promise<RegistryMatchRow[]> {
  const numbers = [...new Set(rows.flatMap((row) => (row.registrationNumber ? [row.registrationNumber] : [])))];
  const nameKeys = [...new Map(rows.filter((row) => row.nameKey !== '').map((row) => [`${row.provinceCode}|${row.nameKey}`, row])).values()];
  const found = new Map<string, RegistryMatchRow>();
  for (let start = 0; start < numbers.length; start += lookupSize) {
    for (const record of await findCooperativesByNumber(db, numbers.slice(start, start + lookupSize))) found.set(record.id, record);
  }
  for (let start = 0; start < nameKeys.length; start += lookupSize) {
    for (const record of await findCooperativesByName(db, nameKeys.slice(start, start + lookupSize))) found.set(record.id, record);
  }
  return [...found.values()];
}

export function registryKeys(record: RegistryMatchRow): RegistryKeys {
  return { id: record.id, registrationNumber: record.registrationNumber, provinceCode: record.provinceCode, nameKey: record.nameKey, name: recordName(record) };
}

function toInput(record: RegistryMatchRow): CooperativeInput {
  return Object.fromEntries(cooperativeFields.map((field) => [field, record[field]])) as CooperativeInput;
}

const noRows: ImportCounts = { created: 0, merged: 0, unchanged: 0, skipped: 0, invalid: 0 };

function refusal(total: number, invalid: number): ImportSummary {
  return { ...noRows, invalid, total, failure: { key: 'import_has_invalid_rows', params: { count: invalid } } };
}

/** Thrown inside the transaction to undo it when "all or nothing" meets a bad row. */
class ImportRefused extends Error {
  constructor(readonly summary: ImportSummary) {
    super('import refused');
  }
}

/**
 * Writes in batches, preparing the next batch while the database writes the
 * current one, so that Node.js and the database work at once.
 */
async function writeInBatches<T>(items: readonly T[], prepare: (batch: readonly T[]) => PreparedRecords, write: (records: PreparedRecords) => Promise<unknown>) {
  let next = items.length > 0 ? prepare(items.slice(0, batchSize)) : undefined;
  for (let start = 0; next; start += batchSize) {
    const writing = write(next);
    writing.catch(() => undefined); // awaited below; this only keeps a failure from counting as unhandled meanwhile
    await nextTurn();
    const following = start + batchSize < items.length ? prepare(items.slice(start + batchSize, start + 2 * batchSize)) : undefined;
    await writing;
    next = following;
  }
}

/**
 * The work of a commit, in one transaction, so that the registry never holds
 * half an import. The file goes through in batches: while the database writes
 * the new records of one batch, the next batch is read and checked; then its
 * duplicates are looked up in the registry and decided, and its new records
 * sent. Records the file changes after they are stored (registry records,
 * and records created earlier in this import that a later row merges into)
 * are updated at the end. In "all or nothing" mode a bad row stops the
 * writing; the rest of the file is still read to count its bad rows, then
 * everything written is undone.
 */
async function executeImport({ db, principal, record, table, request, log }: ImportRun, running: RunningImport): Promise<void> {
  const total = table.rows.length;
  const mapped = mapColumns(table.headers, request.mapping);
  const actionFor = (line: number): DuplicateAction => request.duplicateActions?.[String(line)] ?? request.duplicateAction;
  try {
    const summary = await db.transaction().execute(async (trx) => {
      await lockRegistryForImport(trx);
      const audit = { actorId: principal.userId, importId: record.id };
      const finder = new DuplicateFinder();
      const planner = new ImportPlanner({ actionFor, mapped });
      const derived = new DerivedColumns();
      const registry = new Map<string, CooperativeInput>();
      const createdIds = new Set<string>();
      let invalidCount = 0;
      let writing: Promise<unknown> = Promise.resolve();

      for (let start = 0; start < total; start += batchSize) {
        const { valid, invalid } = convertRows(table.rows.slice(start, start + batchSize), mapped);
        invalidCount += invalid.length;
        planner.addInvalid(invalid.length);
        if (request.mode === 'valid_rows' || invalidCount === 0) {
          const keys = duplicateKeys(valid, derived);
          await writing;
          // Records this import created are in the transaction's view of the registry; their rows are matched as rows of the file.
          const found = (await findRegistryMatches(trx, keys)).filter((match) => !createdIds.has(match.id));
          for (const match of found) registry.set(match.id, toInput(match));
          finder.addRegistry(found.map(registryKeys));
          valid.forEach((row, index) => planner.add(row, finder.match(keys[index]!), (id) => registry.get(id)));
          const creates = planner.takeCreates(randomUUID);
          for (const create of creates) createdIds.add(create.id);
          writing = insertImportedCooperatives(trx, prepareRecords(creates.map(({ id, input }) => ({ id, input, derived: derived.of(input) }))), audit);
          writing.catch(() => undefined); // awaited before the next query; this only keeps a failure from counting as unhandled meanwhile
        }
        derived.clear();
        running.progress.processed = Math.min(total, start + batchSize);
        await nextTurn();
      }
      await writing;
      if (request.mode === 'all_or_nothing' && invalidCount > 0) throw new ImportRefused(refusal(total, invalidCount));

      const plan = planner.finish();
      if (request.mode === 'all_or_nothing' && plan.issues.length > 0) throw new ImportRefused(refusal(total, plan.counts.invalid));
      await writeInBatches(
        plan.updates,
        (batch) => prepareRecords(batch.map(({ id, input }) => ({ id, input, derived: derived.of(input) }))),
        (records) => updateImportedCooperatives(trx, records, audit),
      );
      const result: ImportSummary = { ...plan.counts, total, failure: null };
      await finishImport(trx, record.id, 'completed', result);
      return result;
    });
    running.progress.processed = summary.total;
    if (summary.created + summary.merged >= refreshStatisticsAfter) await refreshRegistryStatistics(db, log, record.id);
  } catch (error) {
    const summary = error instanceof ImportRefused ? error.summary : { ...noRows, total, failure: { key: 'import_failed' } };
    if (!(error instanceof ImportRefused)) log.error({ err: error, importId: record.id }, 'import failed');
    await finishImport(db, record.id, 'failed', summary).catch((finishError: unknown) => log.error({ err: finishError, importId: record.id }, 'import status not saved'));
    running.progress.processed = total;
  }
}
