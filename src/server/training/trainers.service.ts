import type { Locale, Principal } from '../../core/access/roles.js';
import { messages } from '../../core/i18n/messages.js';
import { sessionsOfPlan } from '../../core/training/plan-sessions.js';
import { canEditUnavailability, canManagePlans, canReadPlanDetail } from '../../core/training/plan.policies.js';
import { planResultSchema, type PlanSessionsResult, type PlanTrainerView, type Unavailability, type UnavailabilityInput } from '../../core/training/plan.schema.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { AppError, forbidden, notFound } from '../http/errors.js';
import { lockProgrammeSessions } from '../sessions/session.repository.js';
import { insertPlanSession, listPlanSessionKeys, listStillEnrolled } from './plan-sessions.repository.js';
import { findLabels, findPlan, lockPlan } from './plan.repository.js';
import { assertCanReadSummary } from './plan.service.js';
import { deleteUnavailability, findUnavailability, insertUnavailability, isProgrammeTrainer, listProgrammeTrainers, listUnavailability } from './trainers.repository.js';

/** The programme's trainers and their unavailability: for who reads the plan's detail. */
export async function listTrainers(db: Db, principal: Principal, programmeId: string): Promise<PlanTrainerView[]> {
  await assertCanReadSummary(db, principal, programmeId);
  if (!canReadPlanDetail(principal, programmeId)) throw forbidden();
  const trainers = await listProgrammeTrainers(db, programmeId);
  const unavailable = await listUnavailability(db, trainers.map((trainer) => trainer.userId));
  return trainers.map((trainer) => ({ ...trainer, unavailable: unavailable.get(trainer.userId) ?? [] }));
}

async function assertCanEdit(db: Db, principal: Principal, programmeId: string, trainerId: string): Promise<void> {
  await assertCanReadSummary(db, principal, programmeId);
  if (!canEditUnavailability(principal, programmeId, trainerId)) throw forbidden();
  if (!(await isProgrammeTrainer(db, programmeId, trainerId))) throw notFound();
}

export async function addUnavailability(db: Db, principal: Principal, programmeId: string, trainerId: string, input: UnavailabilityInput): Promise<Unavailability> {
  await assertCanEdit(db, principal, programmeId, trainerId);
  return db.transaction().execute(async (trx) => {
    const row = await insertUnavailability(trx, { userId: trainerId, startsOn: input.from, endsOn: input.to, reason: input.reason, createdBy: principal.userId });
    const created = { id: row.id, from: row.startsOn, to: row.endsOn, reason: row.reason };
    await recordAudit(trx, { actorId: principal.userId, action: 'create', entityType: 'trainer_unavailability', entityId: row.id, after: { userId: trainerId, ...created }, context: { programmeId } });
    return created;
  });
}

export async function removeUnavailability(db: Db, principal: Principal, programmeId: string, trainerId: string, id: string): Promise<void> {
  await assertCanEdit(db, principal, programmeId, trainerId);
  await db.transaction().execute(async (trx) => {
    const row = await findUnavailability(trx, id);
    if (!row || row.userId !== trainerId) throw notFound();
    await deleteUnavailability(trx, id);
    await recordAudit(trx, { actorId: principal.userId, action: 'delete', entityType: 'trainer_unavailability', entityId: id, before: { userId: trainerId, from: row.startsOn, to: row.endsOn, reason: row.reason }, context: { programmeId } });
  });
}

/**
 * Creates the sessions of an approved plan that do not exist yet: the
 * group trainings and the practical workshops, in the calendar of the
 * programme, with their cooperatives (those still enrolled) and trainer.
 * Titles are in the requester's language.
 */
export async function createPlanSessions(db: Db, principal: Principal, planId: string, locale: Locale): Promise<PlanSessionsResult> {
  const existing = await findPlan(db, planId);
  if (!existing) throw notFound();
  await assertCanReadSummary(db, principal, existing.programmeId);
  if (!canManagePlans(principal, existing.programmeId)) throw forbidden();
  return db.transaction().execute(async (trx) => {
    await lockProgrammeSessions(trx, existing.programmeId);
    const locked = await lockPlan(trx, planId);
    if (!locked) throw notFound();
    if (locked.status !== 'approved') throw new AppError('conflict', { reason: 'plan_not_approved', status: locked.status });
    return insertSessionsOfPlan(trx, { id: planId, programmeId: existing.programmeId, result: existing.result }, locale, principal.userId);
  });
}

/** Creates, inside the caller's transaction, the sessions of a plan version not created yet. */
export async function insertSessionsOfPlan(trx: Db, plan: { id: string; programmeId: string; result: unknown }, locale: Locale, createdBy: string | null): Promise<PlanSessionsResult> {
  const result = planResultSchema.parse(plan.result);
  const labels = await findLabels(trx, { cooperatives: [], modules: result.modules.map((planned) => planned.moduleId), users: [] });
  const modules = Object.fromEntries(labels.modules.map((row) => [row.id, { code: row.code, title: row.definition.title[locale] || row.definition.title.fr }]));
  const drafts = sessionsOfPlan(result, {
    modules,
    workshopTitle: (number, place) => messages[locale].trainers.workshopTitle.replace('{{number}}', String(number)).replace('{{place}}', place),
    startTime: '09:00',
    workshopHours: 4,
  });
  const done = await listPlanSessionKeys(trx, plan.id);
  const enrolled = await listStillEnrolled(trx, plan.programmeId, [...new Set(drafts.flatMap((draft) => draft.cooperativeIds))]);
  let created = 0;
  const audits = [];
  for (const draft of drafts) {
    if (done.has(draft.planKey)) continue;
    const { cooperativeIds, ...session } = draft;
    const id = await insertPlanSession(trx, {
      ...session,
      programmeId: plan.programmeId,
      planId: plan.id,
      createdBy,
      cooperativeIds: cooperativeIds.filter((cooperativeId) => enrolled.has(cooperativeId)),
    });
    audits.push({ actorId: createdBy, action: 'create' as const, entityType: 'session', entityId: id, after: { ...draft, planId: plan.id }, context: { programmeId: plan.programmeId, source: 'training_plan' } });
    created += 1;
  }
  if (audits.length > 0) await recordAudit(trx, ...audits);
  return { created, existing: done.size };
}
