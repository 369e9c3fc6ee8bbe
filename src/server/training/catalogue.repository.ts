import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { canonicalJson } from '../../core/diagnostics/framework.rules.js';
import type { ModuleListQuery } from '../../core/training/catalogue.schema.js';
import { defaultCatalogue, type ShippedModule } from '../../core/training/default-catalogue.js';
import type { TrainingModuleDefinition } from '../../core/training/module.schema.js';
import type { Db } from '../db/database.js';

const moduleColumns = ['id', 'code', 'definition', 'isDefault', 'sourceHash', 'archivedAt', 'createdAt', 'updatedAt', 'version'] as const;

export interface ModuleRow {
  id: string;
  code: string;
  definition: TrainingModuleDefinition;
  isDefault: boolean;
  sourceHash: string | null;
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The catalogue, filtered; ordered by code (the web groups by domain). */
export async function listModules(db: Db, query: ModuleListQuery): Promise<ModuleRow[]> {
  let select = db.selectFrom('trainingModules').select(moduleColumns).orderBy('code');
  if (!query.includeArchived) select = select.where('archivedAt', 'is', null);
  if (query.domain) select = select.where(sql<boolean>`definition -> 'domainKeys' @> ${JSON.stringify([query.domain])}::jsonb`);
  if (query.format) select = select.where(sql<boolean>`definition ->> 'format' = ${query.format}`);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
    select = select.where(
      sql<boolean>`(code ilike ${pattern} or definition -> 'title' ->> 'fr' ilike ${pattern} or definition -> 'title' ->> 'ar' ilike ${pattern} or definition -> 'title' ->> 'en' ilike ${pattern})`,
    );
  }
  return select.execute();
}

export async function findModule(db: Db, id: string): Promise<ModuleRow | undefined> {
  return db.selectFrom('trainingModules').select(moduleColumns).where('id', '=', id).executeTakeFirst();
}

export async function lockModule(db: Db, id: string): Promise<ModuleRow | undefined> {
  return db.selectFrom('trainingModules').select(moduleColumns).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findModuleByCode(db: Db, code: string): Promise<Pick<ModuleRow, 'id'> | undefined> {
  return db.selectFrom('trainingModules').select('id').where('code', '=', code).executeTakeFirst();
}

/** Every module's prerequisites by code, for the checks of a new or edited one. */
export async function prerequisiteGraph(db: Db): Promise<Map<string, string[]>> {
  const rows = await db.selectFrom('trainingModules').select(['code', sql<string[]>`coalesce(definition -> 'prerequisites', '[]'::jsonb)`.as('prerequisites')]).execute();
  return new Map(rows.map((row) => [row.code, row.prerequisites]));
}

/** Serialises writes to the catalogue (codes, prerequisites). */
export async function lockCatalogue(db: Db): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('training_modules'))`.execute(db);
}

export async function insertModule(db: Db, values: { code: string; definition: TrainingModuleDefinition; createdBy: string | null; isDefault?: boolean; sourceHash?: string | null }): Promise<ModuleRow> {
  return db
    .insertInto('trainingModules')
    .values({
      code: values.code,
      definition: JSON.stringify(values.definition),
      createdBy: values.createdBy,
      isDefault: values.isDefault ?? false,
      sourceHash: values.sourceHash ?? null,
    })
    .returning(moduleColumns)
    .executeTakeFirstOrThrow();
}

export async function updateModuleDefinition(db: Db, id: string, definition: TrainingModuleDefinition, sourceHash?: string | null): Promise<ModuleRow> {
  return db
    .updateTable('trainingModules')
    .set((eb) => ({
      definition: JSON.stringify(definition),
      ...(sourceHash === undefined ? {} : { sourceHash }),
      version: eb('version', '+', 1),
      updatedAt: sql<string>`greatest(now(), updated_at + interval '1 millisecond')`,
    }))
    .where('id', '=', id)
    .returning(moduleColumns)
    .executeTakeFirstOrThrow();
}

export async function setModuleArchived(db: Db, id: string, archived: boolean): Promise<ModuleRow> {
  return db
    .updateTable('trainingModules')
    .set((eb) => ({
      archivedAt: archived ? sql<string>`now()` : null,
      version: eb('version', '+', 1),
      updatedAt: sql<string>`greatest(now(), updated_at + interval '1 millisecond')`,
    }))
    .where('id', '=', id)
    .returning(moduleColumns)
    .executeTakeFirstOrThrow();
}

/* ---------- The shipped catalogue ---------- */

/** Fingerprint of a definition, whatever order jsonb gave its keys. */
export function moduleDefinitionHash(definition: TrainingModuleDefinition): string {
  return createHash('sha256').update(canonicalJson(definition)).digest('hex');
}

/**
 * Stores the shipped modules that are missing and refreshes the shipped ones
 * nobody edited (their content still matches the hash they were stored
 * with). A module an admin edited, or a code an admin already used, is left
 * alone. Idempotent; one cheap query when everything is in place.
 */
export async function ensureDefaultCatalogue(db: Db, catalogue: readonly ShippedModule[] = defaultCatalogue): Promise<{ added: string[]; refreshed: string[] }> {
  const wanted = catalogue.map((module) => ({ ...module, hash: moduleDefinitionHash(module.definition) }));
  const present = await db.selectFrom('trainingModules').select(['code', 'sourceHash']).where('code', 'in', wanted.map((module) => module.code)).execute();
  const hashes = new Map(present.map((row) => [row.code, row.sourceHash]));
  if (wanted.every((module) => hashes.get(module.code) === module.hash)) return { added: [], refreshed: [] };

  return db.transaction().execute(async (trx) => {
    await lockCatalogue(trx);
    const rows = await trx.selectFrom('trainingModules').select(moduleColumns).where('code', 'in', wanted.map((module) => module.code)).execute();
    const byCode = new Map(rows.map((row) => [row.code, row]));
    const added: string[] = [];
    const refreshed: string[] = [];
    for (const module of wanted) {
      const row = byCode.get(module.code);
      if (!row) {
        await insertModule(trx, { code: module.code, definition: module.definition, createdBy: null, isDefault: true, sourceHash: module.hash });
        added.push(module.code);
      } else if (row.isDefault && row.sourceHash && row.sourceHash !== module.hash && moduleDefinitionHash(row.definition) === row.sourceHash) {
        await updateModuleDefinition(trx, row.id, module.definition, module.hash);
        refreshed.push(module.code);
      }
    }
    return { added, refreshed };
  });
}
