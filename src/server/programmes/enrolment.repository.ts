import { sql, type Expression, type ExpressionBuilder, type SqlBool } from 'kysely';
import { oldestCreationDate } from '../../core/programmes/eligibility.js';
import type { CandidateQuery, EnrolmentStatus } from '../../core/programmes/enrolment.schema.js';
import type { EligibilityRules } from '../../core/programmes/programme-settings.schema.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';
import { filterCooperatives } from '../registry/cooperative.repository.js';

type CooperativeRef = ExpressionBuilder<Database, 'cooperatives'>;

/**
 * The SQL twin of `evaluateEligibility`, used only to filter and page the
 * candidates by eligibility; the reasons always come from the pure function.
 * The HTTP tests check that both agree.
 */
function eligibilityPredicate(
  eb: CooperativeRef,
  rules: EligibilityRules,
  programme: { id: string; regionCodes: string[]; provinceCodes: string[] },
  asOf: string,
): Expression<SqlBool> {
  const conditions: Expression<SqlBool>[] = [];
  if (rules.maxAgeMonths !== null) {
    conditions.push(eb.and([eb('cooperatives.creationDate', 'is not', null), eb('cooperatives.creationDate', '>=', oldestCreationDate(asOf, rules.maxAgeMonths))]));
  }
  if (rules.withinTerritory) {
    if (programme.provinceCodes.length > 0) conditions.push(eb('cooperatives.provinceCode', 'in', programme.provinceCodes));
    else if (programme.regionCodes.length > 0) conditions.push(eb('cooperatives.regionCode', 'in', programme.regionCodes));
  }
  if (rules.sectors.length > 0) conditions.push(eb('cooperatives.sector', 'in', rules.sectors));
  if (rules.legalForms.length > 0) conditions.push(eb('cooperatives.legalForm', 'in', rules.legalForms));
  if (rules.minMembers !== null) {
    conditions.push(eb.and([eb('cooperatives.membersTotal', 'is not', null), eb('cooperatives.membersTotal', '>=', rules.minMembers)]));
  }
  const shareAtLeast = (column: 'members_women' | 'members_young', min: number) =>
    sql<SqlBool>`coalesce(cooperatives.members_total > 0 and cooperatives.${sql.raw(column)} is not null and round(cooperatives.${sql.raw(column)} * 1000.0 / cooperatives.members_total) / 10 >= ${min}, false)`;
  const shares: Expression<SqlBool>[] = [];
  if (rules.minWomenSharePercent !== null) shares.push(shareAtLeast('members_women', rules.minWomenSharePercent));
  if (rules.minYoungSharePercent !== null) shares.push(shareAtLeast('members_young', rules.minYoungSharePercent));
  if (shares.length > 0) conditions.push(rules.sharesCombine === 'any' ? eb.or(shares) : eb.and(shares));
  if (rules.excludeIfInActiveProgramme) {
    conditions.push(
      eb.not(
        eb.exists(
          eb
            .selectFrom('enrolments as other')
            .innerJoin('programmes as otherProgramme', 'otherProgramme.id', 'other.programmeId')
            .select(sql`1`.as('one'))
            .whereRef('other.cooperativeId', '=', 'cooperatives.id')
            .where('other.programmeId', '<>', programme.id)
            .where('other.status', '=', 'enrolled')
            .where('otherProgramme.status', '=', 'active'),
        ),
      ),
    );
  }
  return conditions.length > 0 ? eb.and(conditions) : sql<SqlBool>`true`;
}

/** One page of registry cooperatives (not archived) with their status in this programme. */
export async function listCandidateRows(
  db: Db,
  programme: { id: string; regionCodes: string[]; provinceCodes: string[] },
  rules: EligibilityRules,
  asOf: string,
  query: CandidateQuery,
) {
  let select = filterCooperatives(db, { kind: 'all' }, {
    q: query.q,
    regionCode: query.regionCode,
    provinceCode: query.provinceCode,
    sector: query.sector,
    creationYear: query.creationYear,
  }).leftJoin('enrolments', (join) => join.onRef('enrolments.cooperativeId', '=', 'cooperatives.id').on('enrolments.programmeId', '=', programme.id));
  if (query.enrolmentStatus === 'none') select = select.where('enrolments.id', 'is', null);
  else if (query.enrolmentStatus) select = select.where('enrolments.status', '=', query.enrolmentStatus);
  if (query.eligible) {
    select = select.where((eb) => {
      const predicate = sql<SqlBool>`coalesce(${eligibilityPredicate(eb as unknown as CooperativeRef, rules, programme, asOf)}, false)`;
      return query.eligible === 'yes' ? predicate : eb.not(predicate);
    });
  }
  const rows = await select
    .select([
      'cooperatives.id as cooperativeId',
      'cooperatives.registrationNumber',
      'cooperatives.nameFr',
      'cooperatives.nameAr',
      'cooperatives.legalForm',
      'cooperatives.creationDate',
      'cooperatives.sector',
      'cooperatives.regionCode',
      'cooperatives.provinceCode',
      'cooperatives.membersTotal',
      'cooperatives.membersWomen',
      'cooperatives.membersYoung',
      'enrolments.id as enrolmentId',
      'enrolments.status as enrolmentStatus',
      sql<number>`count(*) over ()`.as('total'),
    ])
    .orderBy('cooperatives.nameKey')
    .orderBy('cooperatives.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  let total = Number(rows[0]?.total ?? 0);
  if (rows.length === 0 && query.page > 1) {
    const counted = await select.select(sql<number>`count(*)`.as('total')).executeTakeFirst();
    total = Number(counted?.total ?? 0);
  }
  return { rows, total };
}

/** Enrolments (candidate or enrolled) of these cooperatives in active programmes other than `programmeId`. */
export async function otherActiveEnrolments(db: Db, cooperativeIds: string[], programmeId: string | null) {
  if (cooperativeIds.length === 0) return [];
  let query = db
    .selectFrom('enrolments')
    .innerJoin('programmes', 'programmes.id', 'enrolments.programmeId')
    .select(['enrolments.cooperativeId', 'programmes.id as programmeId', 'programmes.code', 'programmes.nameFr', 'programmes.nameAr', 'programmes.nameEn', 'enrolments.status'])
    .where('enrolments.cooperativeId', 'in', cooperativeIds)
    .where('programmes.status', '=', 'active')
    .where('enrolments.status', 'in', ['candidate', 'enrolled']);
  if (programmeId) query = query.where('programmes.id', '<>', programmeId);
  return query.orderBy('programmes.nameFr').execute();
}

export async function findCooperativesForEnrolment(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('cooperatives')
    .select([
      'id',
      'nameFr',
      'nameAr',
      'legalForm',
      'creationDate',
      'sector',
      'regionCode',
      'provinceCode',
      'membersTotal',
      'membersWomen',
      'membersYoung',
      'archivedAt',
    ])
    .where('id', 'in', ids)
    .execute();
}

const enrolmentColumns = [
  'enrolments.id',
  'enrolments.programmeId',
  'enrolments.cooperativeId',
  'enrolments.status',
  'enrolments.candidateAt',
  'enrolments.enrolledAt',
  'enrolments.withdrawnAt',
  'enrolments.withdrawalReason',
  'enrolments.completedAt',
  'enrolments.eligible',
  'enrolments.eligibilityReasons',
  'enrolments.overrideJustification',
  'enrolments.consultantId',
  'enrolments.version',
] as const;

export async function findEnrolmentsOf(db: Db, programmeId: string, cooperativeIds: string[]) {
  if (cooperativeIds.length === 0) return [];
  return db
    .selectFrom('enrolments')
    .select(enrolmentColumns)
    .where('programmeId', '=', programmeId)
    .where('cooperativeId', 'in', cooperativeIds)
    .forUpdate()
    .execute();
}

export async function lockEnrolment(db: Db, id: string) {
  return db.selectFrom('enrolments').select(enrolmentColumns).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findEnrolment(db: Db, id: string) {
  return db.selectFrom('enrolments').select(enrolmentColumns).where('id', '=', id).executeTakeFirst();
}

export type EnrolmentRow = NonNullable<Awaited<ReturnType<typeof findEnrolment>>>;

export interface EnrolmentValues {
  status: EnrolmentStatus;
  candidateAt: string;
  enrolledAt: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  completedAt: string | null;
  eligible: boolean;
  eligibilityReasons: unknown[];
  overrideJustification: string | null;
  consultantId: string | null;
}

export async function insertEnrolment(db: Db, values: EnrolmentValues & { programmeId: string; cooperativeId: string; createdBy: string }) {
  return db
    .insertInto('enrolments')
    .values({ ...values, eligibilityReasons: JSON.stringify(values.eligibilityReasons) })
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function updateEnrolmentRow(db: Db, id: string, values: Partial<EnrolmentValues>) {
  const { eligibilityReasons, ...rest } = values;
  await db
    .updateTable('enrolments')
    .set((eb) => ({
      ...rest,
      ...(eligibilityReasons ? { eligibilityReasons: JSON.stringify(eligibilityReasons) } : {}),
      updatedAt: new Date().toISOString(),
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

/** The midline and endline diagnostics of a programme's enrolments: all of them, or those of the enrolments named. */
export async function listFollowUpDiagnostics(db: Db, programmeId: string, enrolmentIds?: readonly string[]) {
  if (enrolmentIds?.length === 0) return [];
  let query = db
    .selectFrom('diagnostics')
    .select(['enrolmentId', 'id', 'kind', 'status', 'overallScore', 'maturityLevel'])
    .where('programmeId', '=', programmeId)
    .where('kind', 'in', ['midline', 'endline']);
  if (enrolmentIds) query = query.where('enrolmentId', 'in', enrolmentIds);
  return query.orderBy('kind').execute();
}

/** Enrolments of a programme as the programme page lists them, with the baseline diagnostic and the consultant. */
export async function listEnrolmentRows(db: Db, programmeId: string, filters: { status?: EnrolmentStatus; cooperativeIds?: string[]; ids?: string[] }) {
  let query = db
    .selectFrom('enrolments')
    .innerJoin('cooperatives', 'cooperatives.id', 'enrolments.cooperativeId')
    .leftJoin('users as consultant', 'consultant.id', 'enrolments.consultantId')
    .leftJoin('diagnostics as baseline', (join) => join.onRef('baseline.enrolmentId', '=', 'enrolments.id').on('baseline.kind', '=', 'baseline'))
    .select([
      ...enrolmentColumns,
      'cooperatives.nameFr as cooperativeNameFr',
      'cooperatives.nameAr as cooperativeNameAr',
      'cooperatives.provinceCode',
      'cooperatives.sector',
      'consultant.displayName as consultantName',
      'baseline.id as baselineId',
      'baseline.status as baselineStatus',
      'baseline.overallScore as baselineScore',
      'baseline.maturityLevel as baselineMaturityLevel',
    ])
    .where('enrolments.programmeId', '=', programmeId);
  if (filters.status) query = query.where('enrolments.status', '=', filters.status);
  if (filters.cooperativeIds) {
    if (filters.cooperativeIds.length === 0) return [];
    query = query.where('enrolments.cooperativeId', 'in', filters.cooperativeIds);
  }
  if (filters.ids) {
    if (filters.ids.length === 0) return [];
    query = query.where('enrolments.id', 'in', filters.ids);
  }
  return query
    .orderBy(sql`case enrolments.status when 'enrolled' then 0 when 'candidate' then 1 when 'completed' then 2 else 3 end`)
    .orderBy('cooperatives.nameKey')
    .execute();
}

/** Every enrolment of one cooperative, across programmes, newest programme first. */
export async function listCooperativeEnrolments(db: Db, cooperativeId: string) {
  return db
    .selectFrom('enrolments')
    .innerJoin('programmes', 'programmes.id', 'enrolments.programmeId')
    .leftJoin('organisations as operator', 'operator.id', 'programmes.operatorId')
    .leftJoin('trainingPlans as approvedPlan', (join) => join.onRef('approvedPlan.programmeId', '=', 'programmes.id').on('approvedPlan.status', '=', 'approved'))
    .select([
      'enrolments.id as enrolmentId',
      'approvedPlan.id as approvedPlanId',
      // Its place in the plan: the plan's coverage names every cooperative it planned for.
      sql<boolean>`coalesce(${sql.ref('approvedPlan.result')} -> 'coverage' @> jsonb_build_array(jsonb_build_object('cooperativeId', ${sql.ref('enrolments.cooperativeId')}::text)), false)`.as('inApprovedPlan'),
      'programmes.id as programmeId',
      'programmes.code',
      'programmes.nameFr',
      'programmes.nameAr',
      'programmes.nameEn',
      'programmes.status as programmeStatus',
      'programmes.startDate',
      'programmes.durationMonths',
      'operator.nameFr as operatorName',
      'enrolments.status',
      'enrolments.candidateAt',
      'enrolments.enrolledAt',
      'enrolments.withdrawnAt',
      'enrolments.completedAt',
    ])
    .where('enrolments.cooperativeId', '=', cooperativeId)
    .orderBy('programmes.startDate', (ob) => ob.desc().nullsLast())
    .orderBy('programmes.nameFr')
    .execute();
}

/** Whether this person holds a role that lets them follow cooperatives in this programme. */
export async function isProgrammeConsultant(db: Db, userId: string, programmeId: string): Promise<boolean> {
  const row = await db
    .selectFrom('roleGrants')
    .innerJoin('users', 'users.id', 'roleGrants.userId')
    .select('roleGrants.id')
    .where('roleGrants.userId', '=', userId)
    .where('users.isActive', '=', true)
    .where('roleGrants.role', 'in', ['admin', 'programme_manager', 'consultant'])
    .where('roleGrants.cooperativeId', 'is', null)
    .where((eb) => eb.or([eb('roleGrants.programmeId', 'is', null), eb('roleGrants.programmeId', '=', programmeId)]))
    .executeTakeFirst();
  return row !== undefined;
}
