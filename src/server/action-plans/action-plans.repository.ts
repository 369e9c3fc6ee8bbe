import { sql } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import type { DiagnosticScores } from '../../core/diagnostics/diagnostic.schema.js';
import type { FrameworkDefinition } from '../../core/diagnostics/framework.schema.js';
import type { ActionStatus, ExecutorKind, FinancingSource, IndicatorKind } from '../../core/action-plans/action-plan.schema.js';
import type { Db } from '../db/database.js';

/**
 * Action plans, their actions, stakeholders, indicators and measurements.
 * Every query of a plan's parts names the plan too, so that an id of another
 * plan finds nothing.
 */

/* ---------- Programmes, enrolments and what a draft starts from ---------- */

export async function findProgrammeCalendar(db: Db, programmeId: string) {
  return db
    .selectFrom('programmes')
    .select((eb) => [
      'programmes.id',
      'programmes.code',
      'programmes.nameFr',
      'programmes.nameAr',
      'programmes.nameEn',
      'programmes.startDate',
      'programmes.durationMonths',
      jsonArrayFrom(
        eb
          .selectFrom('programmePhases')
          .select(['programmePhases.kind', 'programmePhases.startsOn', 'programmePhases.endsOn'])
          .whereRef('programmePhases.programmeId', '=', 'programmes.id')
          .orderBy('programmePhases.startsOn'),
      ).as('phases'),
    ])
    .where('programmes.id', '=', programmeId)
    .executeTakeFirst();
}
export type ProgrammeCalendarRow = NonNullable<Awaited<ReturnType<typeof findProgrammeCalendar>>>;

export async function findEnrolmentOf(db: Db, programmeId: string, cooperativeId: string) {
  return db
    .selectFrom('enrolments')
    .innerJoin('cooperatives', 'cooperatives.id', 'enrolments.cooperativeId')
    .select(['enrolments.id', 'enrolments.status', 'enrolments.consultantId', 'cooperatives.regionCode'])
    .where('enrolments.programmeId', '=', programmeId)
    .where('enrolments.cooperativeId', '=', cooperativeId)
    .executeTakeFirst();
}

/** Whether any of these cooperatives is enrolled (in any status) in the programme. */
export async function isAnyEnrolled(db: Db, programmeId: string, cooperativeIds: readonly string[]): Promise<boolean> {
  if (cooperativeIds.length === 0) return false;
  const row = await db.selectFrom('enrolments').select('id').where('programmeId', '=', programmeId).where('cooperativeId', 'in', [...cooperativeIds]).executeTakeFirst();
  return row !== undefined;
}

/** The cooperative's latest validated baseline in the programme, with its scores and framework. */
export async function findValidatedBaseline(db: Db, programmeId: string, cooperativeId: string) {
  return db
    .selectFrom('diagnostics')
    .innerJoin('diagnosticFrameworks', 'diagnosticFrameworks.id', 'diagnostics.frameworkId')
    .select(['diagnostics.id', 'diagnostics.scores', 'diagnosticFrameworks.definition'])
    .where('diagnostics.programmeId', '=', programmeId)
    .where('diagnostics.cooperativeId', '=', cooperativeId)
    .where('diagnostics.kind', '=', 'baseline')
    .where('diagnostics.status', '=', 'validated')
    .orderBy('diagnostics.validatedAt', 'desc')
    .orderBy('diagnostics.id')
    .executeTakeFirst() as Promise<{ id: string; scores: DiagnosticScores | null; definition: FrameworkDefinition } | undefined>;
}

export async function findDiagnosticScores(db: Db, diagnosticId: string) {
  const row = await db.selectFrom('diagnostics').select('scores').where('id', '=', diagnosticId).executeTakeFirst();
  return (row?.scores ?? null) as DiagnosticScores | null;
}

export async function listCooperativeMembers(db: Db, cooperativeId: string) {
  return db.selectFrom('cooperativeMembers').select(['id', 'fullName', 'role']).where('cooperativeId', '=', cooperativeId).orderBy('createdAt').orderBy('id').execute();
}

export async function listProgrammeTeam(db: Db, programmeId: string) {
  const rows = await db
    .selectFrom('programmeTeam')
    .innerJoin('users', 'users.id', 'programmeTeam.userId')
    .select(['programmeTeam.userId', 'users.displayName', 'programmeTeam.teamRole'])
    .where('programmeTeam.programmeId', '=', programmeId)
    .where('users.isActive', '=', true)
    .orderBy('users.displayName')
    .orderBy('programmeTeam.userId')
    .execute();
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.userId) && seen.add(row.userId));
}

export async function listDirectory(db: Db) {
  return db.selectFrom('organisations').select(['id', 'kind', 'regionCode', 'nameFr']).orderBy('nameFr').execute();
}

export async function existingOrganisations(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('organisations').select('id').where('id', 'in', [...ids]).execute();
  return new Set(rows.map((row) => row.id));
}

export async function isMemberOf(db: Db, cooperativeId: string, memberId: string): Promise<boolean> {
  return (await db.selectFrom('cooperativeMembers').select('id').where('id', '=', memberId).where('cooperativeId', '=', cooperativeId).executeTakeFirst()) !== undefined;
}

export async function isActiveUser(db: Db, userId: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('id', '=', userId).where('isActive', '=', true).executeTakeFirst()) !== undefined;
}

/* ---------- Plans ---------- */

/** A plan's own columns, as every reader of a plan selects them. */
export const planColumns = [
  'actionPlans.id',
  'actionPlans.programmeId',
  'actionPlans.cooperativeId',
  'actionPlans.status',
  'actionPlans.diagnosticId',
  'actionPlans.revision',
  'actionPlans.acceptedAt',
  'actionPlans.acceptedBy',
  'actionPlans.acceptanceNote',
  'actionPlans.createdBy',
  'actionPlans.createdAt',
  'actionPlans.updatedAt',
] as const;

export async function findPlan(db: Db, id: string) {
  return db.selectFrom('actionPlans').select(planColumns).where('id', '=', id).executeTakeFirst();
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

export async function findPlanOf(db: Db, programmeId: string, cooperativeId: string) {
  return db.selectFrom('actionPlans').select(planColumns).where('programmeId', '=', programmeId).where('cooperativeId', '=', cooperativeId).executeTakeFirst();
}

export async function lockPlan(db: Db, id: string) {
  return db.selectFrom('actionPlans').select(planColumns).where('id', '=', id).forUpdate().executeTakeFirst();
}

/** Every edit raises the plan's revision: an acceptance names the revision it was given on. */
export async function touchPlan(db: Db, id: string): Promise<number> {
  const row = await db
    .updateTable('actionPlans')
    .set((eb) => ({ revision: eb('revision', '+', 1), updatedAt: new Date().toISOString() }))
    .where('id', '=', id)
    .returning('revision')
    .executeTakeFirstOrThrow();
  return row.revision;
}

export async function insertPlan(db: Db, values: { programmeId: string; cooperativeId: string; diagnosticId: string | null; createdBy: string | null; createdAt?: string }) {
  return db
    .insertInto('actionPlans')
    .values({ ...values, ...(values.createdAt ? { updatedAt: values.createdAt } : {}) })
    .returning(['id', 'revision'])
    .executeTakeFirstOrThrow();
}

export async function setAcceptance(db: Db, id: string, values: { status: 'draft' | 'agreed'; acceptedAt: string | null; acceptedBy: string | null; acceptanceNote: string | null }) {
  await db
    .updateTable('actionPlans')
    .set((eb) => ({ ...values, revision: eb('revision', '+', 1), updatedAt: new Date().toISOString() }))
    .where('id', '=', id)
    .execute();
}

/** The agreed due dates become the current ones, as the plan is agreed. */
export async function agreeDueDates(db: Db, planId: string): Promise<void> {
  await db
    .updateTable('planActions')
    .set((eb) => ({ agreedDueOn: eb.ref('dueOn'), version: eb('version', '+', 1), updatedAt: new Date().toISOString() }))
    .where('actionPlanId', '=', planId)
    .execute();
}

export async function deletePlanRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('actionPlans').where('id', '=', id).execute();
}

/** Whether the user holds a representative's grant for the cooperative (else an acceptance they recorded was given on paper). */
export async function isRepresentativeOf(db: Db, userId: string, cooperativeId: string): Promise<boolean> {
  const row = await db
    .selectFrom('roleGrants')
    .select('id')
    .where('userId', '=', userId)
    .where('role', '=', 'cooperative_representative')
    .where('cooperativeId', '=', cooperativeId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function findUserName(db: Db, userId: string) {
  return db.selectFrom('users').select(['id', 'displayName']).where('id', '=', userId).executeTakeFirst();
}

export async function findPlanHeader(db: Db, programmeId: string, cooperativeId: string) {
  return db
    .selectFrom('cooperatives')
    .innerJoin('programmes', (join) => join.on('programmes.id', '=', programmeId))
    .select(['cooperatives.nameFr', 'cooperatives.nameAr', 'cooperatives.registrationNumber', 'cooperatives.provinceCode', 'programmes.code', 'programmes.nameFr as programmeNameFr', 'programmes.nameAr as programmeNameAr', 'programmes.nameEn as programmeNameEn'])
    .where('cooperatives.id', '=', cooperativeId)
    .executeTakeFirstOrThrow();
}

/**
 * A programme's cooperatives (enrolled or completed, and any other that has a
 * plan) with their validated baseline and their plan's figures as of `today`.
 */
export async function listProgrammePlans(db: Db, programmeId: string, today: string, onlyCooperativeIds: readonly string[] | null) {
  let query = db
    .selectFrom('enrolments')
    .innerJoin('cooperatives', 'cooperatives.id', 'enrolments.cooperativeId')
    .leftJoin('actionPlans', (join) => join.onRef('actionPlans.programmeId', '=', 'enrolments.programmeId').onRef('actionPlans.cooperativeId', '=', 'enrolments.cooperativeId'))
    .select((eb) => [
      'enrolments.cooperativeId',
      'enrolments.status as enrolmentStatus',
      'cooperatives.nameFr',
      'cooperatives.nameAr',
      'cooperatives.provinceCode',
      eb
        .selectFrom('diagnostics')
        .select('diagnostics.id')
        .whereRef('diagnostics.enrolmentId', '=', 'enrolments.id')
        .where('diagnostics.kind', '=', 'baseline')
        .where('diagnostics.status', '=', 'validated')
        .orderBy('diagnostics.validatedAt', 'desc')
        .limit(1)
        .as('baselineId'),
      'actionPlans.id as planId',
      'actionPlans.status as planStatus',
      'actionPlans.revision',
      'actionPlans.acceptedAt',
      'actionPlans.updatedAt as planUpdatedAt',
      jsonObjectFrom(
        eb
        .selectFrom('planActions')
        .select([
          sql<number>`count(*) filter (where status <> 'cancelled')::int`.as('actions'),
          sql<number>`count(*) filter (where status = 'done')::int`.as('done'),
          sql<number>`count(*) filter (where status not in ('done', 'cancelled') and due_on < ${today})::int`.as('overdue'),
          sql<number>`coalesce(round(avg(progress) filter (where status <> 'cancelled'), 1), 0)::float8`.as('progress'),
          sql<number>`coalesce(sum(budget_mad) filter (where status <> 'cancelled'), 0)::float8`.as('budgetMad'),
        ])
        .whereRef('planActions.actionPlanId', '=', 'actionPlans.id'),
      ).as('figures'),
    ])
    .where('enrolments.programmeId', '=', programmeId)
    .where((eb) => eb.or([eb('enrolments.status', 'in', ['enrolled', 'completed']), eb('actionPlans.id', 'is not', null)]));
  if (onlyCooperativeIds) query = query.where('enrolments.cooperativeId', 'in', onlyCooperativeIds.length > 0 ? [...onlyCooperativeIds] : ['00000000-0000-0000-0000-000000000000']);
  return query.orderBy('enrolments.cooperativeNameKey').orderBy('enrolments.cooperativeId').execute();
}

/** The plans of one cooperative, in the programmes given (those the caller may read). */
export async function listCooperativePlans(db: Db, cooperativeId: string) {
  return db.selectFrom('actionPlans').select(['id', 'programmeId', 'status', 'acceptedAt']).where('cooperativeId', '=', cooperativeId).orderBy('createdAt').execute();
}

/* ---------- Actions ---------- */

/** A plan's actions with their executor, stakeholders, indicators and measurements, in their order. */
export async function listPlanActions(db: Db, planId: string) {
  return db
    .selectFrom('planActions')
    .leftJoin('cooperativeMembers', 'cooperativeMembers.id', 'planActions.executorMemberId')
    .leftJoin('users', 'users.id', 'planActions.executorUserId')
    .leftJoin('organisations', 'organisations.id', 'planActions.executorOrganisationId')
    .select((eb) => [
      'planActions.id',
      'planActions.position',
      'planActions.title',
      'planActions.description',
      'planActions.domainKey',
      'planActions.needKeys',
      'planActions.templateCode',
      'planActions.moduleCode',
      'planActions.executorKind',
      'planActions.executorMemberId',
      'planActions.executorUserId',
      'planActions.executorOrganisationId',
      'planActions.executorLabel',
      'planActions.startsOn',
      'planActions.dueOn',
      'planActions.agreedDueOn',
      'planActions.status',
      'planActions.progress',
      'planActions.doneOn',
      'planActions.budgetMad',
      'planActions.financingSource',
      'planActions.version',
      'cooperativeMembers.fullName as memberName',
      'cooperativeMembers.role as memberRole',
      'users.displayName as userName',
      'organisations.nameFr as organisationNameFr',
      'organisations.nameAr as organisationNameAr',
      'organisations.nameEn as organisationNameEn',
      'organisations.acronym as organisationAcronym',
      'organisations.kind as organisationKind',
      jsonArrayFrom(
        eb
          .selectFrom('actionStakeholders')
          .innerJoin('organisations as stakeholder', 'stakeholder.id', 'actionStakeholders.organisationId')
          .select(['actionStakeholders.organisationId', 'actionStakeholders.role', 'stakeholder.nameFr', 'stakeholder.nameAr', 'stakeholder.nameEn', 'stakeholder.acronym', 'stakeholder.kind'])
          .whereRef('actionStakeholders.actionId', '=', 'planActions.id')
          .orderBy('stakeholder.nameFr'),
      ).as('stakeholders'),
      jsonArrayFrom(
        eb
          .selectFrom('actionIndicators')
          .select((inner) => [
            'actionIndicators.id',
            'actionIndicators.kind',
            'actionIndicators.label',
            'actionIndicators.unit',
            'actionIndicators.baseline',
            'actionIndicators.target',
            'actionIndicators.targetDate',
            'actionIndicators.position',
            jsonArrayFrom(
              inner
                .selectFrom('indicatorMeasurements')
                .select(['indicatorMeasurements.id', 'indicatorMeasurements.measuredOn', 'indicatorMeasurements.value', 'indicatorMeasurements.note', 'indicatorMeasurements.followUpId'])
                .whereRef('indicatorMeasurements.indicatorId', '=', 'actionIndicators.id')
                .orderBy('indicatorMeasurements.measuredOn')
                .orderBy('indicatorMeasurements.createdAt'),
            ).as('measurements'),
          ])
          .whereRef('actionIndicators.actionId', '=', 'planActions.id')
          .orderBy('actionIndicators.position')
          .orderBy('actionIndicators.createdAt'),
      ).as('indicators'),
      eb
        .or([
          eb.exists(eb.selectFrom('followUpActionUpdates').select(sql`1`.as('one')).whereRef('followUpActionUpdates.actionId', '=', 'planActions.id')),
          eb.exists(eb.selectFrom('financingCommitments').select(sql`1`.as('one')).whereRef('financingCommitments.actionId', '=', 'planActions.id')),
        ])
        .as('hasHistory'),
    ])
    .where('planActions.actionPlanId', '=', planId)
    .orderBy('planActions.position')
    .orderBy('planActions.startsOn')
    .orderBy('planActions.id')
    .execute();
}
export type PlanActionRow = Awaited<ReturnType<typeof listPlanActions>>[number];

export interface ActionValues {
  title: string;
  description: string | null;
  domainKey: string | null;
  needKeys: string[];
  templateCode: string | null;
  moduleCode: string | null;
  executorKind: ExecutorKind;
  executorMemberId: string | null;
  executorUserId: string | null;
  executorOrganisationId: string | null;
  executorLabel: string | null;
  startsOn: string;
  dueOn: string;
  agreedDueOn?: string | null;
  status: ActionStatus;
  progress: number;
  doneOn: string | null;
  budgetMad: number | null;
  financingSource: FinancingSource | null;
}

export interface IndicatorValues {
  kind: IndicatorKind;
  label: string;
  unit: string;
  baseline: number | null;
  target: number;
  targetDate: string | null;
}

const actionColumns = [
  'id',
  'actionPlanId',
  'position',
  'title',
  'description',
  'domainKey',
  'needKeys',
  'templateCode',
  'moduleCode',
  'executorKind',
  'executorMemberId',
  'executorUserId',
  'executorOrganisationId',
  'executorLabel',
  'startsOn',
  'dueOn',
  'agreedDueOn',
  'status',
  'progress',
  'doneOn',
  'budgetMad',
  'financingSource',
  'version',
] as const;

export async function nextActionPosition(db: Db, planId: string): Promise<number> {
  const row = await db.selectFrom('planActions').select((eb) => eb.fn.max('position').as('last')).where('actionPlanId', '=', planId).executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

export async function insertAction(db: Db, planId: string, position: number, values: ActionValues, extra: { createdAt?: string } = {}) {
  const { needKeys, ...rest } = values;
  return db
    .insertInto('planActions')
    .values({ ...rest, needKeys: JSON.stringify(needKeys), actionPlanId: planId, position, ...(extra.createdAt ? { createdAt: extra.createdAt, updatedAt: extra.createdAt } : {}) })
    .returning(actionColumns)
    .executeTakeFirstOrThrow();
}

export async function lockAction(db: Db, planId: string, actionId: string) {
  return db.selectFrom('planActions').select(actionColumns).where('id', '=', actionId).where('actionPlanId', '=', planId).forUpdate().executeTakeFirst();
}
export type LockedAction = NonNullable<Awaited<ReturnType<typeof lockAction>>>;

export async function updateActionRow(db: Db, planId: string, actionId: string, values: ActionValues & { position: number }) {
  const { needKeys, ...rest } = values;
  return db
    .updateTable('planActions')
    .set((eb) => ({ ...rest, needKeys: JSON.stringify(needKeys), version: eb('version', '+', 1), updatedAt: new Date().toISOString() }))
    .where('id', '=', actionId)
    .where('actionPlanId', '=', planId)
    .returning(actionColumns)
    .executeTakeFirstOrThrow();
}

export async function deleteActionRow(db: Db, planId: string, actionId: string): Promise<void> {
  await db.deleteFrom('planActions').where('id', '=', actionId).where('actionPlanId', '=', planId).execute();
}

export async function actionHasHistory(db: Db, actionId: string): Promise<boolean> {
  const updates = await db.selectFrom('followUpActionUpdates').select('actionId').where('actionId', '=', actionId).executeTakeFirst();
  if (updates) return true;
  return (await db.selectFrom('financingCommitments').select('id').where('actionId', '=', actionId).executeTakeFirst()) !== undefined;
}

export async function planHasHistory(db: Db, planId: string): Promise<boolean> {
  const row = await db
    .selectFrom('planActions')
    .select('planActions.id')
    .where('planActions.actionPlanId', '=', planId)
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('followUpActionUpdates').select(sql`1`.as('one')).whereRef('followUpActionUpdates.actionId', '=', 'planActions.id')),
        eb.exists(eb.selectFrom('financingCommitments').select(sql`1`.as('one')).whereRef('financingCommitments.actionId', '=', 'planActions.id')),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

export async function replaceStakeholders(db: Db, actionId: string, stakeholders: ReadonlyArray<{ organisationId: string; role: string | null }>): Promise<void> {
  await db.deleteFrom('actionStakeholders').where('actionId', '=', actionId).execute();
  if (stakeholders.length > 0) await db.insertInto('actionStakeholders').values(stakeholders.map((stakeholder) => ({ actionId, ...stakeholder }))).execute();
}

export async function listStakeholders(db: Db, actionId: string) {
  return db.selectFrom('actionStakeholders').select(['organisationId', 'role']).where('actionId', '=', actionId).orderBy('organisationId').execute();
}

/* ---------- Indicators and measurements ---------- */

const indicatorColumns = ['actionIndicators.id', 'actionIndicators.actionId', 'actionIndicators.kind', 'actionIndicators.label', 'actionIndicators.unit', 'actionIndicators.baseline', 'actionIndicators.target', 'actionIndicators.targetDate', 'actionIndicators.position'] as const;

export async function insertIndicators(db: Db, actionId: string, indicators: readonly IndicatorValues[], firstPosition = 0) {
  if (indicators.length === 0) return [];
  return db
    .insertInto('actionIndicators')
    .values(indicators.map((indicator, index) => ({ ...indicator, actionId, position: firstPosition + index })))
    .returning(['id', 'actionId', 'kind', 'label', 'unit', 'baseline', 'target', 'targetDate', 'position'])
    .execute();
}

export async function nextIndicatorPosition(db: Db, actionId: string): Promise<number> {
  const row = await db.selectFrom('actionIndicators').select((eb) => eb.fn.max('position').as('last')).where('actionId', '=', actionId).executeTakeFirst();
  return row?.last === null || row?.last === undefined ? 0 : Number(row.last) + 1;
}

/** An indicator of an action of the plan, or nothing. */
export async function findIndicator(db: Db, planId: string, actionId: string, indicatorId: string) {
  return db
    .selectFrom('actionIndicators')
    .innerJoin('planActions', 'planActions.id', 'actionIndicators.actionId')
    .select(indicatorColumns)
    .where('actionIndicators.id', '=', indicatorId)
    .where('actionIndicators.actionId', '=', actionId)
    .where('planActions.actionPlanId', '=', planId)
    .executeTakeFirst();
}

export async function updateIndicatorRow(db: Db, indicatorId: string, values: Partial<IndicatorValues> & { position?: number }) {
  return db
    .updateTable('actionIndicators')
    .set(values)
    .where('id', '=', indicatorId)
    .returning(['id', 'actionId', 'kind', 'label', 'unit', 'baseline', 'target', 'targetDate', 'position'])
    .executeTakeFirstOrThrow();
}

export async function deleteIndicatorRow(db: Db, indicatorId: string): Promise<void> {
  await db.deleteFrom('actionIndicators').where('id', '=', indicatorId).execute();
}

export async function indicatorHasFollowUpValues(db: Db, indicatorId: string): Promise<boolean> {
  return (await db.selectFrom('indicatorMeasurements').select('id').where('indicatorId', '=', indicatorId).where('followUpId', 'is not', null).executeTakeFirst()) !== undefined;
}

export async function insertMeasurement(db: Db, values: { indicatorId: string; measuredOn: string; value: number; note: string | null; recordedBy: string | null; followUpId?: string | null; createdAt?: string }) {
  return db.insertInto('indicatorMeasurements').values(values).returning(['id', 'indicatorId', 'measuredOn', 'value', 'note', 'followUpId']).executeTakeFirstOrThrow();
}

export async function findMeasurement(db: Db, indicatorId: string, measurementId: string) {
  return db
    .selectFrom('indicatorMeasurements')
    .select(['id', 'indicatorId', 'measuredOn', 'value', 'note', 'followUpId'])
    .where('id', '=', measurementId)
    .where('indicatorId', '=', indicatorId)
    .executeTakeFirst();
}

export async function deleteMeasurementRow(db: Db, measurementId: string): Promise<void> {
  await db.deleteFrom('indicatorMeasurements').where('id', '=', measurementId).execute();
}
