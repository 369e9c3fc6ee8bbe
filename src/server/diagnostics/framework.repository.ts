import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { defaultFrameworkDefinition, defaultFrameworkFamily, defaultFrameworkNames } from '../../core/diagnostics/default-framework.js';
import type { FrameworkDefinition } from '../../core/diagnostics/framework.schema.js';
import { canonicalJson } from '../../core/diagnostics/framework.rules.js';
import type { Db } from '../db/database.js';

/** Columns a framework version leaves the server with (its definition included). */
const frameworkColumns = [
  'id',
  'family',
  'version',
  'nameFr',
  'nameAr',
  'nameEn',
  'isDefault',
  'frozenAt',
  'derivedFromId',
  'createdAt',
  'updatedAt',
  'definition',
] as const;

export interface FrameworkRow {
  id: string;
  family: string;
  version: number;
  nameFr: string;
  nameAr: string | null;
  nameEn: string | null;
  isDefault: boolean;
  frozenAt: string | null;
  derivedFromId: string | null;
  createdAt: string;
  updatedAt: string;
  definition: FrameworkDefinition;
}

export interface FrameworkValues {
  family: string;
  version: number;
  nameFr: string;
  nameAr: string | null;
  nameEn: string | null;
  definition: FrameworkDefinition;
  derivedFromId: string | null;
  createdBy: string | null;
  isDefault?: boolean;
  sourceHash?: string | null;
}

/** Every version, newest first within a family, with its question count and how many diagnostics use it. */
export async function listFrameworks(db: Db) {
  return db
    .selectFrom('diagnosticFrameworks as f')
    .select([
      'f.id',
      'f.family',
      'f.version',
      'f.nameFr',
      'f.nameAr',
      'f.nameEn',
      'f.isDefault',
      'f.frozenAt',
      'f.derivedFromId',
      'f.createdAt',
      'f.updatedAt',
      sql<number>`(select count(*)::int from jsonb_array_elements(f.definition -> 'domains') as domain, jsonb_array_elements(domain -> 'questions'))`.as('questionCount'),
      (eb) => eb.selectFrom('diagnostics as d').whereRef('d.frameworkId', '=', 'f.id').select(sql<number>`count(*)::int`.as('count')).as('usedBy'),
    ])
    .orderBy('f.family')
    .orderBy('f.version', 'desc')
    .execute()
    .then((rows) => rows.map((row) => ({ ...row, usedBy: row.usedBy ?? 0 })));
}

export async function findFramework(db: Db, id: string): Promise<FrameworkRow | undefined> {
  return db.selectFrom('diagnosticFrameworks').select(frameworkColumns).where('id', '=', id).executeTakeFirst();
}

/** Reads a version and locks it until the transaction ends, so that a diagnostic cannot freeze it halfway through an edit. */
export async function lockFramework(db: Db, id: string): Promise<FrameworkRow | undefined> {
  return db.selectFrom('diagnosticFrameworks').select(frameworkColumns).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Serialises the creation of versions in one family (two admins editing the same frozen version). */
export async function lockFamily(db: Db, family: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`diagnostic_frameworks:${family}`}))`.execute(db);
}

export async function highestVersion(db: Db, family: string): Promise<number> {
  const row = await db
    .selectFrom('diagnosticFrameworks')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('family', '=', family)
    .executeTakeFirst();
  return row?.version ?? 0;
}

export async function listFamilies(db: Db): Promise<string[]> {
  return (await db.selectFrom('diagnosticFrameworks').select('family').distinct().execute()).map((row) => row.family);
}

export async function insertFramework(db: Db, values: FrameworkValues): Promise<FrameworkRow> {
  return db
    .insertInto('diagnosticFrameworks')
    .values({
      family: values.family,
      version: values.version,
      nameFr: values.nameFr,
      nameAr: values.nameAr,
      nameEn: values.nameEn,
      definition: JSON.stringify(values.definition),
      derivedFromId: values.derivedFromId,
      createdBy: values.createdBy,
      isDefault: values.isDefault ?? false,
      sourceHash: values.sourceHash ?? null,
    })
    .returning(frameworkColumns)
    .executeTakeFirstOrThrow();
}

/**
 * Changes a version in place. The `frozen_at is null` condition is the last
 * line of defence: a frozen version is never changed, whoever calls this.
 */
export async function updateUnfrozenFramework(
  db: Db,
  id: string,
  values: Pick<FrameworkValues, 'nameFr' | 'nameAr' | 'nameEn' | 'definition'>,
): Promise<FrameworkRow | undefined> {
  return db
    .updateTable('diagnosticFrameworks')
    .set({
      nameFr: values.nameFr,
      nameAr: values.nameAr,
      nameEn: values.nameEn,
      definition: JSON.stringify(values.definition),
      updatedAt: sql<string>`greatest(now(), updated_at + interval '1 millisecond')`,
    })
    .where('id', '=', id)
    .where('frozenAt', 'is', null)
    .returning(frameworkColumns)
    .executeTakeFirst();
}

export async function findDefaultFramework(db: Db): Promise<FrameworkRow | undefined> {
  return db.selectFrom('diagnosticFrameworks').select(frameworkColumns).where('isDefault', '=', true).executeTakeFirst();
}

/** Makes one version the default (at most one is, a unique index makes sure). */
export async function setDefaultFramework(db: Db, id: string): Promise<FrameworkRow> {
  await db.updateTable('diagnosticFrameworks').set({ isDefault: false }).where('isDefault', '=', true).where('id', '<>', id).execute();
  return db.updateTable('diagnosticFrameworks').set({ isDefault: true }).where('id', '=', id).returning(frameworkColumns).executeTakeFirstOrThrow();
}

/* ---------- The shipped framework ---------- */

const shippedContent = { ...defaultFrameworkNames, definition: defaultFrameworkDefinition };

/** Fingerprint of a framework's names and definition, whatever order jsonb gave its keys. */
export function frameworkContentHash(content: { nameFr: string; nameAr: string | null; nameEn: string | null; definition: FrameworkDefinition }): string {
  const { nameFr, nameAr, nameEn, definition } = content;
  return createHash('sha256').update(canonicalJson({ nameFr, nameAr, nameEn, definition })).digest('hex');
}

let shippedHash: string | undefined;
function shippedFrameworkHash(): string {
  shippedHash ??= frameworkContentHash(shippedContent);
  return shippedHash;
}

/**
 * Returns the id of the default framework version, storing the shipped one
 * if this release's definition is not there yet. Idempotent, and one cheap
 * query when it is already there.
 *
 * When the shipped definition changes, a new version of `taawon-default` is
 * added (the older ones, perhaps frozen by diagnostics, never change). It
 * becomes the default only if the default was an unmodified shipped version
 * (or there was none): an admin's choice of another default is kept.
 */
export async function ensureDefaultFramework(db: Db, content: typeof shippedContent = shippedContent): Promise<string> {
  const hash = content === shippedContent ? shippedFrameworkHash() : frameworkContentHash(content);
  const present = await db
    .selectNoFrom((eb) => [
      eb.selectFrom('diagnosticFrameworks').select('id').where('family', '=', defaultFrameworkFamily).where('sourceHash', '=', hash).limit(1).as('shippedId'),
      eb.selectFrom('diagnosticFrameworks').select('id').where('isDefault', '=', true).limit(1).as('defaultId'),
    ])
    .executeTakeFirst();
  if (present?.shippedId && present.defaultId) return present.defaultId;

  return db.transaction().execute(async (trx) => {
    await lockFamily(trx, defaultFrameworkFamily);
    const current = await findDefaultFramework(trx);
    let shipped = await trx
      .selectFrom('diagnosticFrameworks')
      .select(frameworkColumns)
      .where('family', '=', defaultFrameworkFamily)
      .where('sourceHash', '=', hash)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    if (!shipped) {
      const latest = await trx
        .selectFrom('diagnosticFrameworks')
        .select(['id', 'version'])
        .where('family', '=', defaultFrameworkFamily)
        .orderBy('version', 'desc')
        .executeTakeFirst();
      shipped = await insertFramework(trx, {
        family: defaultFrameworkFamily,
        version: (latest?.version ?? 0) + 1,
        ...content,
        derivedFromId: latest?.id ?? null,
        createdBy: null,
        sourceHash: hash,
      });
    }
    if (current && !(await isUnmodifiedShippedVersion(trx, current.id))) return current.id;
    if (current?.id === shipped.id) return current.id;
    return (await setDefaultFramework(trx, shipped.id)).id;
  });
}

/** A version of `taawon-default` whose content is still what shipped (no admin edited it in place). */
async function isUnmodifiedShippedVersion(db: Db, id: string): Promise<boolean> {
  const row = await db.selectFrom('diagnosticFrameworks').select(['family', 'sourceHash', 'nameFr', 'nameAr', 'nameEn', 'definition']).where('id', '=', id).executeTakeFirst();
  if (!row || row.family !== defaultFrameworkFamily || !row.sourceHash) return false;
  return frameworkContentHash(row) === row.sourceHash;
}
