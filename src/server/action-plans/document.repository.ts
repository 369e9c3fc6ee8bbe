import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { DiagnosticScores } from '../../core/diagnostics/diagnostic.schema.js';
import type { FrameworkDefinition } from '../../core/diagnostics/framework.schema.js';
import type { SectorCode } from '../../core/registry/sectors.js';
import type { Db } from '../db/database.js';
import type { ActionStatus } from '../db/schema.js';

/** What the action plan document reads: the plan with its programme and cooperative, its actions, and the diagnostic it was drafted from. */

export interface DocumentPlanRow {
  id: string;
  programmeId: string;
  cooperativeId: string;
  status: 'draft' | 'agreed';
  revision: number;
  diagnosticId: string | null;
  updatedAt: string;
  acceptedAt: string | null;
  acceptedBy: string | null;
  acceptedByName: string | null;
  acceptanceNote: string | null;
  programmeCode: string;
  programmeNameFr: string;
  programmeNameAr: string | null;
  programmeNameEn: string | null;
  operatorNameFr: string | null;
  operatorNameAr: string | null;
  operatorNameEn: string | null;
  cooperativeNameFr: string | null;
  cooperativeNameAr: string | null;
  registrationNumber: string | null;
  provinceCode: string;
  sector: SectorCode;
  valueChain: string | null;
  presidentName: string | null;
}

export async function findDocumentPlan(db: Db, actionPlanId: string): Promise<DocumentPlanRow | undefined> {
  return db
    .selectFrom('actionPlans')
    .innerJoin('programmes', 'programmes.id', 'actionPlans.programmeId')
    .innerJoin('cooperatives', 'cooperatives.id', 'actionPlans.cooperativeId')
    .leftJoin('organisations as operator', 'operator.id', 'programmes.operatorId')
    .leftJoin('users as acceptor', 'acceptor.id', 'actionPlans.acceptedBy')
    .select([
      'actionPlans.id',
      'actionPlans.programmeId',
      'actionPlans.cooperativeId',
      'actionPlans.status',
      'actionPlans.revision',
      'actionPlans.diagnosticId',
      'actionPlans.updatedAt',
      'actionPlans.acceptedAt',
      'actionPlans.acceptedBy',
      'acceptor.displayName as acceptedByName',
      'actionPlans.acceptanceNote',
      'programmes.code as programmeCode',
      'programmes.nameFr as programmeNameFr',
      'programmes.nameAr as programmeNameAr',
      'programmes.nameEn as programmeNameEn',
      'operator.nameFr as operatorNameFr',
      'operator.nameAr as operatorNameAr',
      'operator.nameEn as operatorNameEn',
      'cooperatives.nameFr as cooperativeNameFr',
      'cooperatives.nameAr as cooperativeNameAr',
      'cooperatives.registrationNumber',
      'cooperatives.provinceCode',
      'cooperatives.sector',
      'cooperatives.valueChain',
      'cooperatives.presidentName',
    ])
    .where('actionPlans.id', '=', actionPlanId)
    .executeTakeFirst();
}

export interface DocumentActionRow {
  id: string;
  position: number;
  title: string;
  description: string | null;
  domainKey: string | null;
  needKeys: string[];
  templateCode: string | null;
  executorKind: 'member' | 'consultant' | 'organisation';
  executorLabel: string | null;
  memberName: string | null;
  memberRole: string | null;
  userName: string | null;
  organisationNameFr: string | null;
  organisationNameAr: string | null;
  organisationNameEn: string | null;
  startsOn: string;
  dueOn: string;
  agreedDueOn: string | null;
  status: ActionStatus;
  progress: number;
  doneOn: string | null;
  budgetMad: number | null;
  financingSource: 'programme' | 'own_funds' | 'partner' | 'loan' | null;
  stakeholders: Array<{ nameFr: string; nameAr: string | null; nameEn: string | null; acronym: string | null; role: string | null }>;
  indicators: Array<{
    kind: 'monitoring' | 'performance';
    label: string;
    unit: string;
    baseline: number | null;
    target: number;
    targetDate: string | null;
    measurements: Array<{ measuredOn: string; value: number; note: string | null }>;
  }>;
}

/** The plan's actions in order, each with its executor's name, its stakeholders and its indicators with their measurements. */
export async function listDocumentActions(db: Db, actionPlanId: string): Promise<DocumentActionRow[]> {
  const rows = await db
    .selectFrom('planActions')
    .leftJoin('cooperativeMembers as member', 'member.id', 'planActions.executorMemberId')
    .leftJoin('users as executor', 'executor.id', 'planActions.executorUserId')
    .leftJoin('organisations as organisation', 'organisation.id', 'planActions.executorOrganisationId')
    .select((eb) => [
      'planActions.id',
      'planActions.position',
      'planActions.title',
      'planActions.description',
      'planActions.domainKey',
      'planActions.needKeys',
      'planActions.templateCode',
      'planActions.executorKind',
      'planActions.executorLabel',
      'member.fullName as memberName',
      'member.role as memberRole',
      'executor.displayName as userName',
      'organisation.nameFr as organisationNameFr',
      'organisation.nameAr as organisationNameAr',
      'organisation.nameEn as organisationNameEn',
      'planActions.startsOn',
      'planActions.dueOn',
      'planActions.agreedDueOn',
      'planActions.status',
      'planActions.progress',
      'planActions.doneOn',
      'planActions.budgetMad',
      'planActions.financingSource',
      jsonArrayFrom(
        eb
          .selectFrom('actionStakeholders')
          .innerJoin('organisations', 'organisations.id', 'actionStakeholders.organisationId')
          .select(['organisations.nameFr', 'organisations.nameAr', 'organisations.nameEn', 'organisations.acronym', 'actionStakeholders.role'])
          .whereRef('actionStakeholders.actionId', '=', 'planActions.id')
          .orderBy('organisations.nameFr'),
      ).as('stakeholders'),
      jsonArrayFrom(
        eb
          .selectFrom('actionIndicators')
          .select((inner) => [
            'actionIndicators.kind',
            'actionIndicators.label',
            'actionIndicators.unit',
            'actionIndicators.baseline',
            'actionIndicators.target',
            'actionIndicators.targetDate',
            jsonArrayFrom(
              inner
                .selectFrom('indicatorMeasurements')
                .select(['indicatorMeasurements.measuredOn', 'indicatorMeasurements.value', 'indicatorMeasurements.note'])
                .whereRef('indicatorMeasurements.indicatorId', '=', 'actionIndicators.id')
                .orderBy('indicatorMeasurements.measuredOn')
                .orderBy('indicatorMeasurements.createdAt'),
            ).as('measurements'),
          ])
          .whereRef('actionIndicators.actionId', '=', 'planActions.id')
          .orderBy('actionIndicators.position')
          .orderBy('actionIndicators.createdAt'),
      ).as('indicators'),
    ])
    .where('planActions.actionPlanId', '=', actionPlanId)
    .orderBy('planActions.position')
    .orderBy('planActions.startsOn')
    .execute();
  // Inside JSON, numerics arrive as numbers already; a value typed as a string (some drivers) is read as one.
  return rows.map((row) => ({
    ...row,
    indicators: row.indicators.map((indicator) => ({
      ...indicator,
      baseline: indicator.baseline === null ? null : Number(indicator.baseline),
      target: Number(indicator.target),
      measurements: indicator.measurements.map((measurement) => ({ ...measurement, value: Number(measurement.value) })),
    })),
  }));
}

/** The diagnostic a plan was drafted from: when it was validated, its scores, and the framework that names its needs. */
export async function findDocumentDiagnostic(
  db: Db,
  diagnosticId: string,
  cooperativeId: string,
): Promise<{ validatedAt: string | null; scores: DiagnosticScores | null; definition: FrameworkDefinition } | undefined> {
  return db
    .selectFrom('diagnostics')
    .innerJoin('diagnosticFrameworks', 'diagnosticFrameworks.id', 'diagnostics.frameworkId')
    .select(['diagnostics.validatedAt', 'diagnostics.scores', 'diagnosticFrameworks.definition'])
    .where('diagnostics.id', '=', diagnosticId)
    .where('diagnostics.cooperativeId', '=', cooperativeId)
    .executeTakeFirst();
}

/** The names on the signature lines: the cooperative's representative (an account) and the consultant who follows it in the programme. */
export async function findDocumentSignatories(db: Db, programmeId: string, cooperativeId: string): Promise<{ representative: string | null; consultant: string | null }> {
  const [representative, consultant] = await Promise.all([
    db
      .selectFrom('roleGrants')
      .innerJoin('users', 'users.id', 'roleGrants.userId')
      .select('users.displayName')
      .where('roleGrants.role', '=', 'cooperative_representative')
      .where('roleGrants.cooperativeId', '=', cooperativeId)
      .where('users.isActive', '=', true)
      .orderBy('roleGrants.createdAt')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('enrolments')
      .innerJoin('users', 'users.id', 'enrolments.consultantId')
      .select('users.displayName')
      .where('enrolments.programmeId', '=', programmeId)
      .where('enrolments.cooperativeId', '=', cooperativeId)
      .executeTakeFirst(),
  ]);
  return { representative: representative?.displayName ?? null, consultant: consultant?.displayName ?? null };
}

/** Whether a user represents the cooperative: an acceptance recorded by someone else was given on paper. */
export async function isRepresentativeOf(db: Db, userId: string, cooperativeId: string): Promise<boolean> {
  const found = await db
    .selectFrom('roleGrants')
    .select('id')
    .where('userId', '=', userId)
    .where('role', '=', 'cooperative_representative')
    .where('cooperativeId', '=', cooperativeId)
    .executeTakeFirst();
  return found !== undefined;
}
