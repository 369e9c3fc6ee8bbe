import { sql, type Expression, type SqlBool } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { ProgrammeScope } from '../../core/access/policies.js';
import type { ProgrammeInput } from '../../core/programmes/programme.schema.js';
import type { Db } from '../db/database.js';

const programmeColumns = [
  'programmes.id',
  'programmes.code',
  'programmes.nameFr',
  'programmes.nameAr',
  'programmes.nameEn',
  'programmes.descriptionFr',
  'programmes.descriptionAr',
  'programmes.descriptionEn',
  'programmes.operatorId',
  'programmes.status',
  'programmes.startDate',
  'programmes.durationMonths',
  'programmes.targetCooperatives',
  'programmes.budgetMad',
  'programmes.regionCodes',
  'programmes.provinceCodes',
  'programmes.cadences',
  'programmes.eligibility',
  'programmes.frameworkId',
  'programmes.isDemo',
  'programmes.createdAt',
  'programmes.updatedAt',
  'programmes.version',
] as const;

/** Programmes a scope may see: all, or those its grants name and those its cooperatives are enrolled in. */
function scoped(db: Db, scope: ProgrammeScope) {
  const query = db.selectFrom('programmes');
  if (scope.kind === 'all') return query;
  return query.where((eb) => {
    const visible: Expression<SqlBool>[] = [];
    if (scope.programmeIds.length > 0) visible.push(eb('programmes.id', 'in', scope.programmeIds));
    if (scope.cooperativeIds.length > 0) {
      visible.push(
        eb.exists(
          eb
            .selectFrom('enrolments')
            .select(sql`1`.as('one'))
            .whereRef('enrolments.programmeId', '=', 'programmes.id')
            .where('enrolments.cooperativeId', 'in', scope.cooperativeIds),
        ),
      );
    }
    return visible.length > 0 ? eb.or(visible) : sql<SqlBool>`false`;
  });
}

function withSummary(db: Db, scope: ProgrammeScope) {
  return scoped(db, scope).select((eb) => [
    ...programmeColumns,
    jsonObjectFrom(
      eb
        .selectFrom('organisations')
        .select(['organisations.id', 'organisations.nameFr', 'organisations.nameAr', 'organisations.nameEn', 'organisations.acronym', 'organisations.kind'])
        .whereRef('organisations.id', '=', 'programmes.operatorId'),
    ).as('operator'),
    jsonObjectFrom(
      eb
        .selectFrom('enrolments')
        .select([
          sql<number>`count(*) filter (where status = 'candidate')::int`.as('candidate'),
          sql<number>`count(*) filter (where status = 'enrolled')::int`.as('enrolled'),
          sql<number>`count(*) filter (where status = 'withdrawn')::int`.as('withdrawn'),
          sql<number>`count(*) filter (where status = 'completed')::int`.as('completed'),
        ])
        .whereRef('enrolments.programmeId', '=', 'programmes.id'),
    ).as('counts'),
  ]);
}

export async function listProgrammeRows(db: Db, scope: ProgrammeScope) {
  return withSummary(db, scope)
    .orderBy(sql`case programmes.status when 'active' then 0 when 'draft' then 1 else 2 end`)
    .orderBy('programmes.startDate', (ob) => ob.desc().nullsLast())
    .orderBy('programmes.nameFr')
    .execute();
}

/** One programme with its organisations, phases and team, if the scope may see it. */
export async function findProgrammeRow(db: Db, scope: ProgrammeScope, id: string) {
  return withSummary(db, scope)
    .select((eb) => [
      jsonArrayFrom(
        eb
          .selectFrom('programmeOrganisations')
          .innerJoin('organisations', 'organisations.id', 'programmeOrganisations.organisationId')
          .select([
            'programmeOrganisations.organisationId',
            'programmeOrganisations.role',
            'programmeOrganisations.contributionMad',
            'organisations.nameFr',
            'organisations.nameAr',
            'organisations.nameEn',
            'organisations.acronym',
            'organisations.kind',
          ])
          .whereRef('programmeOrganisations.programmeId', '=', 'programmes.id')
          .orderBy('programmeOrganisations.role')
          .orderBy('organisations.nameFr'),
      ).as('organisations'),
      jsonArrayFrom(
        eb
          .selectFrom('programmePhases')
          .select(['programmePhases.id', 'programmePhases.kind', 'programmePhases.label', 'programmePhases.startsOn', 'programmePhases.endsOn'])
          .whereRef('programmePhases.programmeId', '=', 'programmes.id')
          .orderBy('programmePhases.position')
          .orderBy('programmePhases.startsOn'),
      ).as('phases'),
      jsonArrayFrom(
        eb
          .selectFrom('programmeTeam')
          .innerJoin('users', 'users.id', 'programmeTeam.userId')
          .select(['programmeTeam.userId', 'users.displayName', 'programmeTeam.teamRole'])
          .whereRef('programmeTeam.programmeId', '=', 'programmes.id')
          .orderBy('programmeTeam.createdAt')
          .orderBy('users.displayName'),
      ).as('team'),
    ])
    .where('programmes.id', '=', id)
    .executeTakeFirst();
}

export type ProgrammeRow = NonNullable<Awaited<ReturnType<typeof findProgrammeRow>>>;

export async function lockProgramme(db: Db, id: string) {
  return db.selectFrom('programmes').select(programmeColumns).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findProgrammeByCode(db: Db, code: string, exceptId?: string) {
  let query = db.selectFrom('programmes').select('id').where(sql`lower(code)`, '=', code.toLowerCase());
  if (exceptId) query = query.where('id', '<>', exceptId);
  return query.executeTakeFirst();
}

function programmeValues(input: ProgrammeInput) {
  return {
    code: input.code,
    nameFr: input.nameFr,
    nameAr: input.nameAr,
    nameEn: input.nameEn,
    descriptionFr: input.descriptionFr,
    descriptionAr: input.descriptionAr,
    descriptionEn: input.descriptionEn,
    operatorId: input.operatorId,
    status: input.status,
    startDate: input.startDate,
    durationMonths: input.durationMonths,
    targetCooperatives: input.targetCooperatives,
    budgetMad: input.budgetMad,
    regionCodes: JSON.stringify(input.regionCodes),
    provinceCodes: JSON.stringify(input.provinceCodes),
    cadences: JSON.stringify(input.cadences),
    eligibility: JSON.stringify(input.eligibility),
    frameworkId: input.frameworkId,
  };
}

export async function insertProgramme(db: Db, input: ProgrammeInput, extra: { isDemo?: boolean } = {}) {
  return db
    .insertInto('programmes')
    .values({ ...programmeValues(input), ...extra })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateProgrammeRow(db: Db, id: string, input: ProgrammeInput) {
  await db
    .updateTable('programmes')
    .set((eb) => ({ ...programmeValues(input), updatedAt: new Date().toISOString(), version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Replaces the programme's organisations, phases and team with those of `input`. */
export async function replaceProgrammeChildren(db: Db, id: string, input: ProgrammeInput) {
  await db.deleteFrom('programmeOrganisations').where('programmeId', '=', id).execute();
  await db.deleteFrom('programmePhases').where('programmeId', '=', id).execute();
  await db.deleteFrom('programmeTeam').where('programmeId', '=', id).execute();
  if (input.organisations.length > 0) {
    await db
      .insertInto('programmeOrganisations')
      .values(input.organisations.map((organisation) => ({ programmeId: id, ...organisation })))
      .execute();
  }
  if (input.phases.length > 0) {
    await db
      .insertInto('programmePhases')
      .values(input.phases.map((phase, position) => ({ programmeId: id, ...phase, position })))
      .execute();
  }
  if (input.team.length > 0) {
    await db
      .insertInto('programmeTeam')
      .values(input.team.map((member) => ({ programmeId: id, userId: member.userId, teamRole: member.teamRole })))
      .execute();
  }
}

/** Active accounts among `ids`. */
export async function activeUserIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('users').select('id').where('id', 'in', ids).where('isActive', '=', true).execute();
  return new Set(rows.map((row) => row.id));
}

export async function frameworkExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('diagnosticFrameworks').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** The access grants of these people that name this programme or no programme at all. */
export async function programmeGrantsOf(db: Db, userIds: string[], programmeId: string) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('roleGrants')
    .select(['userId', 'role', 'programmeId'])
    .where('userId', 'in', userIds)
    .where('cooperativeId', 'is', null)
    .where((eb) => eb.or([eb('programmeId', 'is', null), eb('programmeId', '=', programmeId)]))
    .execute();
}

export async function insertProgrammeGrant(db: Db, userId: string, role: 'programme_manager' | 'consultant', programmeId: string) {
  return db.insertInto('roleGrants').values({ userId, role, programmeId, cooperativeId: null }).returningAll().executeTakeFirstOrThrow();
}

/** Staff accounts (anyone holding a role other than representative), searched by name or e-mail. */
export async function listStaff(db: Db, search: string | undefined) {
  let query = db
    .selectFrom('users')
    .select((eb) => [
      'users.id',
      'users.displayName',
      'users.email',
      eb
        .selectFrom('roleGrants')
        .select(sql<string[]>`coalesce(json_agg(distinct role_grants.role), '[]'::json)`.as('roles'))
        .whereRef('roleGrants.userId', '=', 'users.id')
        .where('roleGrants.role', '<>', 'cooperative_representative')
        .as('roles'),
    ])
    .where('users.isActive', '=', true)
    .where((eb) =>
      eb.exists(
        eb.selectFrom('roleGrants').select(sql`1`.as('one')).whereRef('roleGrants.userId', '=', 'users.id').where('roleGrants.role', '<>', 'cooperative_representative'),
      ),
    );
  if (search) {
    const pattern = `%${search.toLowerCase().replace(/[%_\\]/g, '\\$&')}%`;
    query = query.where((eb) => eb.or([eb(sql`lower(users.display_name)`, 'like', pattern), eb(sql`lower(users.email)`, 'like', pattern)]));
  }
  return query.orderBy('users.displayName').limit(50).execute();
}
