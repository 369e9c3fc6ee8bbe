import type { Locale, Principal } from '../../core/access/roles.js';
import { applyPlanEdits, planEditContext } from '../../core/training/plan-edit.js';
import { canManagePlans } from '../../core/training/plan.policies.js';
import { planResultSchema, type PlanUpdate, type TrainingPlanView } from '../../core/training/plan.schema.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { AppError, forbidden, notFound, validationFailed } from '../http/errors.js';
import { insertPlan, findPlan, lockFullPlan, lockProgrammePlans, nextPlanVersion, updatePlanResult, type FullPlanRow } from './plan.repository.js';
import { assertCanReadSummary, present, trainersOfPlan } from './plan.service.js';

/**
 * Editing a programme's plan: a draft takes batches of edits from the
 * revision its editor started from; any version can be copied into a new
 * draft, which is how an approved plan gets changed.
 */

/** The version, if the principal may manage its programme's plans (404 and 403 as for reading). */
async function findManagedPlan(db: Db, principal: Principal, planId: string): Promise<FullPlanRow> {
  const row = await findPlan(db, planId);
  if (!row) throw notFound();
  await assertCanReadSummary(db, principal, row.programmeId);
  if (!canManagePlans(principal, row.programmeId)) throw forbidden();
  return row;
}

const summaryColumns = (summary: TrainingPlanView['summary']) => ({
  objective: summary.objective,
  needsCount: summary.needs,
  answeredByGroups: summary.answeredByGroups,
  answeredByCoaching: summary.answeredByCoaching,
  unansweredCount: summary.unanswered,
  groupsCount: summary.groups,
  sessionsCount: summary.sessions,
});

/** Applies a batch of edits to a draft, all or nothing, if nobody saved it since `update.revision`. */
export async function updatePlan(db: Db, principal: Principal, planId: string, update: PlanUpdate, locale: Locale): Promise<TrainingPlanView> {
  const existing = await findManagedPlan(db, principal, planId);
  const row = await db.transaction().execute(async (trx) => {
    await lockProgrammePlans(trx, existing.programmeId);
    const before = await lockFullPlan(trx, planId);
    if (!before) throw notFound();
    if (before.status !== 'draft') throw new AppError('conflict', { reason: 'plan_not_draft', status: before.status }, [{ path: ['status'], key: 'plan_not_draft', params: { status: before.status } }]);
    if (before.revision !== update.revision)
      throw new AppError('conflict', { reason: 'plan_stale', revision: before.revision }, [{ path: ['revision'], key: 'plan_stale', params: { revision: before.revision } }]);
    const result = planResultSchema.parse(before.result);
    const trainers = await trainersOfPlan(trx, before.programmeId, result);
    const outcome = applyPlanEdits(
      result,
      update.edits,
      planEditContext(
        before.parameters,
        trainers.map((trainer) => trainer.userId),
      ),
    );
    if (!outcome.ok) throw validationFailed(outcome.issues);
    const after = await updatePlanResult(trx, planId, { ...summaryColumns(outcome.result.summary), result: outcome.result as unknown as Record<string, unknown>, editedBy: principal.userId });
    await recordAudit(trx, {
      actorId: principal.userId,
      action: 'update',
      entityType: 'training_plan',
      entityId: planId,
      before: { revision: before.revision, summary: result.summary },
      after: { revision: after.revision, summary: outcome.result.summary },
      context: { transition: 'edit', programmeId: before.programmeId, version: before.version, edits: update.edits },
    });
    return after;
  });
  return present(db, principal, row, locale);
}

/** A new draft with the same parameters and result as a version, to be edited. */
export async function copyPlan(db: Db, principal: Principal, planId: string, locale: Locale): Promise<TrainingPlanView> {
  const existing = await findManagedPlan(db, principal, planId);
  const row = await db.transaction().execute(async (trx) => {
    await lockProgrammePlans(trx, existing.programmeId);
    const source = await findPlan(trx, planId);
    if (!source) throw notFound();
    const result = planResultSchema.parse(source.result);
    const version = await nextPlanVersion(trx, source.programmeId);
    const created = await insertPlan(trx, {
      programmeId: source.programmeId,
      version,
      basedOnId: source.id,
      parameters: source.parameters,
      result: result as unknown as Record<string, unknown>,
      ...summaryColumns(result.summary),
      createdBy: principal.userId,
    });
    await recordAudit(trx, {
      actorId: principal.userId,
      action: 'create',
      entityType: 'training_plan',
      entityId: created.id,
      after: { version: created.version, status: created.status, basedOnId: source.id },
      context: { transition: 'copy', programmeId: source.programmeId, from: { id: source.id, version: source.version, status: source.status } },
    });
    return created;
  });
  return present(db, principal, row, locale);
}
