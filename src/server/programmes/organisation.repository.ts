import { sql } from 'kysely';
import type { OrganisationInput, OrganisationListQuery } from '../../core/programmes/organisation.schema.js';
import type { Db } from '../db/database.js';

const organisationColumns = [
  'organisations.id',
  'organisations.nameFr',
  'organisations.nameAr',
  'organisations.nameEn',
  'organisations.acronym',
  'organisations.kind',
  'organisations.email',
  'organisations.phone',
  'organisations.website',
  'organisations.regionCode',
  'organisations.notes',
  'organisations.isDemo',
  'organisations.createdAt',
  'organisations.updatedAt',
  'organisations.version',
] as const;

function withProgrammeCount(db: Db) {
  return db.selectFrom('organisations').select([
    ...organisationColumns,
    sql<number>`(
      select count(*) from programmes p
      where p.operator_id = organisations.id
         or exists (select 1 from programme_organisations po where po.programme_id = p.id and po.organisation_id = organisations.id)
    )`.as('programmeCount'),
  ]);
}

/** The directory (a few hundred organisations at most), by kind; the service filters by name. */
export async function listOrganisations(db: Db, query: Pick<OrganisationListQuery, 'kind'>) {
  let select = withProgrammeCount(db);
  if (query.kind) select = select.where('organisations.kind', '=', query.kind);
  return select.orderBy('organisations.nameFr').execute();
}

export async function findOrganisation(db: Db, id: string) {
  return withProgrammeCount(db).where('organisations.id', '=', id).executeTakeFirst();
}

export async function lockOrganisation(db: Db, id: string) {
  return db.selectFrom('organisations').select(organisationColumns).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function insertOrganisation(db: Db, input: OrganisationInput, extra: { isDemo?: boolean } = {}) {
  return db.insertInto('organisations').values({ ...input, ...extra }).returning('id').executeTakeFirstOrThrow();
}

export async function updateOrganisationRow(db: Db, id: string, input: OrganisationInput) {
  return db
    .updateTable('organisations')
    .set((eb) => ({ ...input, updatedAt: new Date().toISOString(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Which of `ids` exist. */
export async function existingOrganisationIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('organisations').select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((row) => row.id));
}
