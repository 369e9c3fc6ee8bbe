import type { DiagnosticScores } from '../../core/diagnostics/diagnostic.schema.js';
import type { FrameworkDefinition } from '../../core/diagnostics/framework.schema.js';
import type { Db } from '../db/database.js';
import { planColumns } from './action-plans.repository.js';

/**
 * What the action plan document reads beyond the plan screen: the plan with its
 * programme, operator and cooperative, the diagnostic it was drafted from and
 * the signatories. Its actions are read by `listPlanActions`, as on the screen.
 */

/** The plan with its programme, operator, cooperative and the name of who accepted it. */
export async function findDocumentPlan(db: Db, actionPlanId: string) {
  return db
    .selectFrom('actionPlans')
    .innerJoin('programmes', 'programmes.id', 'actionPlans.programmeId')
    .innerJoin('cooperatives', 'cooperatives.id', 'actionPlans.cooperativeId')
    .leftJoin('organisations as operator', 'operator.id', 'programmes.operatorId')
    .leftJoin('users as acceptor', 'acceptor.id', 'actionPlans.acceptedBy')
    .select([
      ...planColumns,
      'acceptor.displayName as acceptedByName',
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
export type DocumentPlanRow = NonNullable<Awaited<ReturnType<typeof findDocumentPlan>>>;

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
