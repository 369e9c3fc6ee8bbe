import { sql, type SelectQueryBuilder } from 'kysely';
import type { RegistryScope } from '../../core/access/policies.js';
import { deriveCooperativeColumns, searchTerms } from '../../core/registry/cooperative.rules.js';
import type { CooperativeInput, CooperativeListQuery } from '../../core/registry/cooperative.schema.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';

/** Columns a reader may receive; the presenter strips the personal ones where needed. */
export const cooperativeColumns = [
  'id',
  'registrationNumber',
  'nameFr',
  'nameAr',
  'legalForm',
  'creationDate',
  'sector',
  'valueChain',
  'regionCode',
  'provinceCode',
  'commune',
  'address',
  'latitude',
  'longitude',
  'membersTotal',
  'membersWomen',
  'membersYoung',
  'capitalMad',
  'presidentName',
  'presidentPhone',
  'managerName',
  'managerPhone',
  'email',
  'phone',
  'products',
  'turnoverMad',
  'turnoverYear',
  'status',
  'isDemo',
  'archivedAt',
  'createdAt',
  'updatedAt',
  'version',
] as const;

export const cooperativeListColumns = [
  'id',
  'registrationNumber',
  'nameFr',
  'nameAr',
  'legalForm',
  'creationDate',
  'sector',
  'valueChain',
  'regionCode',
  'provinceCode',
  'commune',
  'membersTotal',
  'membersWomen',
  'status',
  'archivedAt',
  'isDemo',
] as const;

type CooperativeQuery = SelectQueryBuilder<Database, 'cooperatives', object>;

/** Every filter of the list, with the caller's scope: a representative's list holds only their cooperatives. */
export function filterCooperatives(db: Db, scope: RegistryScope, filters: Omit<CooperativeListQuery, 'sort' | 'order' | 'page' | 'pageSize'>): CooperativeQuery {
  let query = db.selectFrom('cooperatives') as CooperativeQuery;
  if (scope.kind === 'none') return query.where(sql<boolean>`false`);
  if (scope.kind === 'cooperatives') query = query.where('cooperatives.id', 'in', scope.cooperativeIds);
  for (const term of searchTerms(filters.q)) {
    query = query.where('cooperatives.searchText', 'like', `%${term.replace(/[%_\\]/g, '\\$&')}%`);
  }
  if (filters.regionCode) query = query.where('cooperatives.regionCode', '=', filters.regionCode);
  if (filters.provinceCode) query = query.where('cooperatives.provinceCode', '=', filters.provinceCode);
  if (filters.sector) query = query.where('cooperatives.sector', '=', filters.sector);
  if (filters.creationYear) {
    query = query
      .where('cooperatives.creationDate', '>=', `${filters.creationYear}-01-01`)
      .where('cooperatives.creationDate', '<=', `${filters.creationYear}-12-31`);
  }
  const status = filters.status ?? 'current';
  if (status === 'archived') query = query.where('cooperatives.archivedAt', 'is not', null);
  else if (status !== 'all') {
    query = query.where('cooperatives.archivedAt', 'is', null);
    if (status !== 'current') query = query.where('cooperatives.status', '=', status);
  }
  return query;
}

const sortColumns = {
  name: 'cooperatives.nameKey',
  creationDate: 'cooperatives.creationDate',
  membersTotal: 'cooperatives.membersTotal',
  province: 'cooperatives.provinceCode',
  updatedAt: 'cooperatives.updatedAt',
  registrationNumber: 'cooperatives.registrationNumber',
} as const;

/** The list counts its matches up to this number; beyond, it says "more than 10,000". */
export const listCountLimit = 10_000;

type ListItem = Pick<CooperativeRow, (typeof cooperativeListColumns)[number]>;
type ListRow = { [K in keyof ListItem]: ListItem[K] | null } & { total: number | string };

const listedColumns = sql.join(cooperativeListColumns.map((column) => sql.ref(`cooperatives.${column}`)));

function pageOf(rows: readonly ListRow[]) {
  const total = Number(rows[0]?.total ?? 0);
  const items = rows
    .filter((row) => row.id !== null)
    .map((row) => Object.fromEntries(cooperativeListColumns.map((column) => [column, row[column]])) as ListItem);
  return { items, total: Math.min(total, listCountLimit), totalIsCapped: total > listCountLimit };
}

/**
 * One page of the registry and how many match, in one statement. A search
 * finds its matches once, through the trigram index, then counts and pages
 * them (left alone, the planner walks the whole name index looking for 25
 * matches). Counting stops past `listCountLimit`; a search that broad takes
 * its page from the name index instead.
 */
export async function listCooperatives(db: Db, scope: RegistryScope, query: CooperativeListQuery) {
  const filtered = filterCooperatives(db, scope, query);
  const sortColumn = sortColumns[query.sort];
  const direction = sql.raw(query.order === 'asc' ? 'asc nulls last' : 'desc nulls last');
  const offset = (query.page - 1) * query.pageSize;

  if (searchTerms(query.q).length > 0) {
    const matches = filtered.select(['cooperatives.id', sql.ref(sortColumn).as('sortKey')]).limit(listCountLimit + 1);
    const { rows } = await sql<ListRow>`
      with matches as materialized (${matches})
      select counted.total, ${listedColumns}
      from (select count(*) as total from matches) counted
      left join lateral (select id, sort_key from matches order by sort_key ${direction}, id limit ${query.pageSize} offset ${offset}) page on true
      left join cooperatives on cooperatives.id = page.id
      order by page.sort_key ${direction}, page.id`.execute(db);
    const page = pageOf(rows);
    if (!page.totalIsCapped) return page;
  }

  const items = filtered
    .select([...cooperativeListColumns.map((column) => `cooperatives.${column}` as const), sql.ref(sortColumn).as('sortKey')])
    .orderBy(sortColumn, (ob) => (query.order === 'asc' ? ob.asc().nullsLast() : ob.desc().nullsLast()))
    .orderBy('cooperatives.id')
    .limit(query.pageSize)
    .offset(offset);
  const counted = db
    .selectFrom(filtered.select(sql`1`.as('one')).limit(listCountLimit + 1).as('matching'))
    .select((eb) => eb.fn.countAll<number>().as('total'));
  const { rows } = await sql<ListRow>`
    select counted.total, page.*
    from (${counted}) counted
    left join lateral (${items}) page on true
    order by page.sort_key ${direction}, page.id`.execute(db);
  return pageOf(rows);
}

export async function findCooperative(db: Db, id: string) {
  return db
    .selectFrom('cooperatives')
    .select(cooperativeColumns)
    .where('id', '=', id)
    .executeTakeFirst();
}

export type CooperativeRow = NonNullable<Awaited<ReturnType<typeof findCooperative>>>;

export function toCooperativeValues(input: CooperativeInput) {
  return { ...input, ...deriveCooperativeColumns(input) };
}

export async function insertCooperative(db: Db, input: CooperativeInput, extra: { isDemo?: boolean } = {}) {
  return db
    .insertInto('cooperatives')
    .values({ ...toCooperativeValues(input), ...extra })
    .returning(cooperativeColumns)
    .executeTakeFirstOrThrow();
}

export async function updateCooperativeRow(db: Db, id: string, input: CooperativeInput) {
  return db
    .updateTable('cooperatives')
    .set((eb) => ({
      ...toCooperativeValues(input),
      updatedAt: new Date().toISOString(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .returning(cooperativeColumns)
    .executeTakeFirstOrThrow();
}

export async function setCooperativeArchived(db: Db, id: string, archived: boolean) {
  return db
    .updateTable('cooperatives')
    .set((eb) => ({
      archivedAt: archived ? new Date().toISOString() : null,
      updatedAt: new Date().toISOString(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .returning(cooperativeColumns)
    .executeTakeFirstOrThrow();
}

export async function lockCooperative(db: Db, id: string) {
  return db.selectFrom('cooperatives').select(cooperativeColumns).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findDuplicateCooperative(db: Db, input: { registrationNumber: string | null; nameKey: string; provinceCode: string }, exceptId?: string) {
  let query = db
    .selectFrom('cooperatives')
    .select(['id', 'registrationNumber', 'nameFr', 'nameAr', 'provinceCode'])
    .where((eb) =>
      eb.or([
        ...(input.registrationNumber ? [eb('registrationNumber', '=', input.registrationNumber)] : []),
        eb.and([eb('nameKey', '=', input.nameKey), eb('provinceCode', '=', input.provinceCode)]),
      ]),
    );
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

export async function listMembers(db: Db, cooperativeId: string) {
  return db
    .selectFrom('cooperativeMembers')
    .selectAll()
    .where('cooperativeId', '=', cooperativeId)
    .orderBy('role')
    .orderBy('fullName')
    .execute();
}

export async function summarizeMembers(db: Db, cooperativeId: string) {
  const rows = await db
    .selectFrom('cooperativeMembers')
    .select(['role', 'sex', (eb) => eb.fn.countAll<number>().as('count')])
    .where('cooperativeId', '=', cooperativeId)
    .groupBy(['role', 'sex'])
    .execute();
  const summary = { total: 0, women: 0, men: 0, byRole: {} as Record<string, number> };
  for (const row of rows) {
    const count = Number(row.count);
    summary.total += count;
    if (row.sex === 'female') summary.women += count;
    if (row.sex === 'male') summary.men += count;
    summary.byRole[row.role] = (summary.byRole[row.role] ?? 0) + count;
  }
  return summary;
}
