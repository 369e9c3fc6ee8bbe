import { sql, type RawBuilder } from 'kysely';
import type { DerivedCooperativeColumns } from '../../core/registry/cooperative.rules.js';
import type { CooperativeInput } from '../../core/registry/cooperative.schema.js';
import type { ImportStatus } from '../../core/registry/import/import.schema.js';
import type { Db } from '../db/database.js';
import { cooperativeColumns } from './cooperative.repository.js';

export async function insertImport(db: Db, values: { createdBy: string; fileName: string; content: Uint8Array }) {
  return db.insertInto('imports').values(values).returning(['id', 'createdAt']).executeTakeFirstOrThrow();
}

export async function findImport(db: Db, id: string) {
  return db
    .selectFrom('imports')
    .select(['id', 'createdBy', 'createdAt', 'fileName', 'status', 'summary', 'finishedAt'])
    .where('id', '=', id)
    .executeTakeFirst();
}

export type ImportRow = NonNullable<Awaited<ReturnType<typeof findImport>>>;

export async function findImportContent(db: Db, id: string): Promise<Uint8Array> {
  const row = await db.selectFrom('imports').select('content').where('id', '=', id).executeTakeFirstOrThrow();
  return row.content;
}

/** Marks an import as running unless it already runs or has completed: two commits of one file cannot both start. */
export async function claimImport(db: Db, id: string): Promise<boolean> {
  const claimed = await db
    .updateTable('imports')
    .set({ status: 'running', summary: null, finishedAt: null })
    .where('id', '=', id)
    .where('status', 'in', ['uploaded', 'failed'])
    .returning('id')
    .executeTakeFirst();
  return claimed !== undefined;
}

export async function finishImport(db: Db, id: string, status: Extract<ImportStatus, 'completed' | 'failed'>, summary: object) {
  await db
    .updateTable('imports')
    .set({ status, summary: JSON.stringify(summary), finishedAt: new Date().toISOString() })
    .where('id', '=', id)
    .execute();
}

/** Imports wait for each other, so that two files cannot both create the same cooperative. */
export async function lockRegistryForImport(db: Db) {
  await sql`select pg_advisory_xact_lock(hashtext('taawon.registry.import'))`.execute(db);
}

const registryMatchColumns = [...cooperativeColumns, 'nameKey'] as const;

/** Registry records holding one of these registration numbers. */
export async function findCooperativesByNumber(db: Db, numbers: readonly string[]) {
  if (numbers.length === 0) return [];
  return db
    .selectFrom('cooperatives')
    .select(registryMatchColumns)
    .where(sql<boolean>`registration_number = any(${numbers}::text[])`)
    .execute();
}

/** Registry records with one of these name keys in the same province. */
export async function findCooperativesByName(db: Db, keys: ReadonlyArray<{ provinceCode: string; nameKey: string }>) {
  if (keys.length === 0) return [];
  const pairs = JSON.stringify(keys.map((key) => ({ province_code: key.provinceCode, name_key: key.nameKey })));
  return db
    .selectFrom('cooperatives')
    .select(registryMatchColumns)
    .where(
      sql<boolean>`(province_code, name_key) in (select province_code, name_key from jsonb_to_recordset(${pairs}::jsonb) as wanted(province_code text, name_key text))`,
    )
    .execute();
}

export type RegistryMatchRow = Awaited<ReturnType<typeof findCooperativesByNumber>>[number];

const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** The columns an import writes, with their SQL types for jsonb_to_recordset. */
const writtenColumns = [
  ['registrationNumber', 'text'],
  ['nameFr', 'text'],
  ['nameAr', 'text'],
  ['searchText', 'text'],
  ['nameKey', 'text'],
  ['legalForm', 'text'],
  ['creationDate', 'date'],
  ['sector', 'text'],
  ['valueChain', 'text'],
  ['regionCode', 'text'],
  ['provinceCode', 'text'],
  ['commune', 'text'],
  ['address', 'text'],
  ['latitude', 'double precision'],
  ['longitude', 'double precision'],
  ['membersTotal', 'integer'],
  ['membersWomen', 'integer'],
  ['membersYoung', 'integer'],
  ['capitalMad', 'numeric'],
  ['presidentName', 'text'],
  ['presidentPhone', 'text'],
  ['managerName', 'text'],
  ['managerPhone', 'text'],
  ['email', 'text'],
  ['phone', 'text'],
  ['products', 'text[]'],
  ['turnoverMad', 'numeric'],
  ['turnoverYear', 'integer'],
  ['status', 'text'],
] as const;

const columns = [['id', 'uuid'] as const, ...writtenColumns].map(([name, type]) => ({ name: name as string, column: snake(name), type }));
const columnNames = columns.map(({ column }) => column);

/** The records of a batch as a table: each JSON array read by position into a typed column. */
const recordsTable = (json: string) => {
  const expressions = columns.map(({ column, type }, index) => {
    if (type === 'text') return `e->>${index} as ${column}`;
    if (type === 'text[]') return `array(select jsonb_array_elements_text(e->${index})) as ${column}`;
    return `(e->>${index})::${type} as ${column}`;
  });
  return sql`select ${sql.raw(expressions.join(', '))} from jsonb_array_elements(${json}::jsonb) as e`;
};

/** Records ready to travel to the database as one JSON parameter. */
export interface PreparedRecords {
  json: string;
  count: number;
}

interface RecordToWrite {
  id: string;
  input: CooperativeInput;
  derived: DerivedCooperativeColumns;
}

const derivedFields = new Set<string>(['regionCode', 'searchText', 'nameKey']);
const readers = columns.map(({ name }): ((record: RecordToWrite) => unknown) => {
  if (name === 'id') return (record) => record.id;
  if (derivedFields.has(name)) return (record) => record.derived[name as keyof DerivedCooperativeColumns];
  return (record) => record.input[name as keyof CooperativeInput];
});

/**
 * One JSON array per record, its values in the order of `columns`, the
 * derived columns (region, search text, name key) included: arrays rather
 * than objects, because over a large file the keys cost. Preparing is
 * apart from writing so that the next batch can be prepared while the
 * database writes this one.
 */
export function prepareRecords(records: readonly RecordToWrite[]): PreparedRecords {
  return { json: JSON.stringify(records.map((record) => readers.map((read) => read(record)))), count: records.length };
}

/** A record as the audit log keeps it: camelCase keys, as recordAudit writes them, without the derived search columns. */
function auditJson(alias: string): RawBuilder<unknown> {
  return sql.raw(`jsonb_build_object(${cooperativeColumns.map((column) => `'${column}', ${alias}.${snake(column)}`).join(', ')})`);
}

export interface ImportAuditContext {
  actorId: string;
  importId: string;
}

/**
 * Creates cooperatives, under the ids the import gave them, and their audit
 * entries in one statement: the records travel as one JSON parameter, and
 * the audit rows are written from what the insert returns. One round trip
 * per batch, whatever its size.
 */
export async function insertImportedCooperatives(db: Db, records: PreparedRecords, audit: ImportAuditContext): Promise<number> {
  if (records.count === 0) return 0;
  const result = await sql`
    with input as (
      ${recordsTable(records.json)}
    ), inserted as (
      insert into cooperatives (${sql.raw(columnNames.join(', '))})
      select ${sql.raw(columnNames.join(', '))} from input
      returning *
    )
    insert into audit_log (actor_id, action, entity_type, entity_id, after, context)
    select ${audit.actorId}::uuid, 'create', 'cooperative', inserted.id::text, ${auditJson('inserted')}, ${JSON.stringify({ importId: audit.importId })}::jsonb
    from inserted
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Updates cooperatives with merged values, bumping their version, and writes
 * an audit entry with the record before and after, in one statement: every
 * part of a statement sees the rows as they were when it began, so `before`
 * reads the old values.
 */
export async function updateImportedCooperatives(db: Db, records: PreparedRecords, audit: ImportAuditContext): Promise<number> {
  if (records.count === 0) return 0;
  const assignments = columnNames
    .filter((column) => column !== 'id')
    .map((column) => `${column} = input.${column}`)
    .join(', ');
  const result = await sql`
    with input as (
      ${recordsTable(records.json)}
    ), before as (
      select cooperatives.* from cooperatives join input on input.id = cooperatives.id
    ), updated as (
      update cooperatives set ${sql.raw(assignments)}, updated_at = now(), version = cooperatives.version + 1
      from input where cooperatives.id = input.id
      returning cooperatives.*
    )
    insert into audit_log (actor_id, action, entity_type, entity_id, before, after, context)
    select ${audit.actorId}::uuid, 'update', 'cooperative', updated.id::text, ${auditJson('before')}, ${auditJson('updated')}, ${JSON.stringify({ importId: audit.importId })}::jsonb
    from updated join before on before.id = updated.id
  `.execute(db);
  return Number(result.numAffectedRows ?? 0);
}
