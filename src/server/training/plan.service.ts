import { programmeScope } from '../../core/access/policies.js';
import type { Locale, Principal } from '../../core/access/roles.js';
import { generateTrainingPlan, type PlanCooperative, type PlanModule } from '../../core/training/plan-generation.js';
import { planCalendarOf, planTrainersOf, trainerProvincesOf } from '../../core/training/plan-input.js';
import { canManagePlans, canReadPlanDetail, canReadPlanSummary } from '../../core/training/plan.policies.js';
import { findPlanClashes, planClashContext } from '../../core/training/plan-edit.js';
import {
  planResultSchema,
  trainingPlanSchema,
  type PlanTrainerView,
  type PlanConstraintsValue,
  type PlanLabels,
  type PlanResult,
  type PlanVersion,
  type TrainingPlanView,
} from '../../core/training/plan.schema.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { AppError, forbidden, notFound, validationFailed } from '../http/errors.js';
import { hasAnyEnrolment } from '../reports/needs.repository.js';
import { listBusyDays, listProgrammeTrainers, listUnavailability } from './trainers.repository.js';
import {
  countPlanSessions,
  findLabels,
  findPlan,
  findPlanProgramme,
  findTrainingPhase,
  insertPlan,
  listPlanModules,
  listPlannedCooperatives,
  listPlans,
  listPlanTrainers,
  listRegionProvinces,
  lockPlan,
  lockProgrammePlans,
  markApproved,
  nextPlanVersion,
  supersedeApproved,
  type FullPlanRow,
  type PlanRow,
} from './plan.repository.js';

/**
 * Who cannot read a programme's plans: 404 when the programme is out of
 * their sight, 403 when they see it (a representative of an enrolled
 * cooperative) but may not read its plans.
 */
export async function assertCanReadSummary(db: Db, principal: Principal, programmeId: string): Promise<void> {
  const exists = (await findPlanProgramme(db, programmeId)) !== undefined;
  if (canReadPlanSummary(principal, programmeId)) {
    if (!exists) throw notFound();
    return;
  }
  const scope = programmeScope(principal);
  const visible = scope.kind === 'all' || scope.programmeIds.includes(programmeId) || (await hasAnyEnrolment(db, programmeId, scope.cooperativeIds));
  if (!visible || !exists) throw notFound();
  throw forbidden();
}

function versionOf(row: PlanRow): PlanVersion {
  return {
    id: row.id,
    programmeId: row.programmeId,
    version: row.version,
    status: row.status,
    summary: {
      objective: row.objective,
      needs: row.needsCount,
      answeredByGroups: row.answeredByGroups,
      answeredByCoaching: row.answeredByCoaching,
      unanswered: row.unansweredCount,
      groups: row.groupsCount,
      sessions: row.sessionsCount,
    },
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    approvedAt: row.approvedAt,
    approvedBy: row.approvedBy,
    revision: row.revision,
    basedOnId: row.basedOnId,
    editedAt: row.editedAt,
  };
}

async function labelsOf(db: Db, result: PlanResult, locale: Locale): Promise<PlanLabels> {
  const cooperatives = new Set<string>();
  const modules = new Set<string>();
  const users = new Set<string>();
  for (const planned of result.modules) {
    modules.add(planned.moduleId);
    for (const group of planned.groups) {
      users.add(group.trainerId);
      for (const id of group.cooperativeIds) cooperatives.add(id);
    }
  }
  for (const entry of result.coaching) {
    cooperatives.add(entry.cooperativeId);
    modules.add(entry.moduleId);
  }
  for (const workshop of result.workshops) if (workshop.trainerId) users.add(workshop.trainerId);
  for (const entry of result.coverage) {
    cooperatives.add(entry.cooperativeId);
    if (entry.status !== 'unanswered') modules.add(entry.moduleId);
  }
  const found = await findLabels(db, { cooperatives: [...cooperatives], modules: [...modules], users: [...users] });
  return {
    cooperatives: Object.fromEntries(
      found.cooperatives.map((row) => [row.id, { name: (locale === 'ar' ? row.nameAr || row.nameFr : row.nameFr || row.nameAr) ?? row.id, provinceCode: row.provinceCode }]),
    ),
    modules: Object.fromEntries(found.modules.map((row) => [row.id, { code: row.code, title: row.definition.title[locale] || row.definition.title.fr }])),
    trainers: Object.fromEntries(found.users.map((row) => [row.id, row.displayName])),
  };
}

/** The people a plan names or may name as trainers: the programme's trainers and anyone the plan already names. */
export async function trainersOfPlan(db: Db, programmeId: string, result: PlanResult | null): Promise<PlanTrainerView[]> {
  const team = await listProgrammeTrainers(db, programmeId);
  const named = new Set<string>();
  for (const planned of result?.modules ?? []) for (const group of planned.groups) named.add(group.trainerId);
  for (const workshop of result?.workshops ?? []) if (workshop.trainerId) named.add(workshop.trainerId);
  for (const trainer of team) named.delete(trainer.userId);
  const others = named.size === 0 ? [] : (await findLabels(db, { cooperatives: [], modules: [], users: [...named] })).users;
  const people = [...team, ...others.map((user) => ({ userId: user.id, displayName: user.displayName, teamRole: 'former' }))];
  const unavailable = await listUnavailability(db, people.map((person) => person.userId));
  return people.map((person) => ({ ...person, unavailable: unavailable.get(person.userId) ?? [] }));
}

export async function present(db: Db, principal: Principal, row: FullPlanRow, locale: Locale): Promise<TrainingPlanView> {
  const whole = canReadPlanDetail(principal, row.programmeId);
  const result = whole ? planResultSchema.parse(row.result) : null;
  const trainers = result ? await trainersOfPlan(db, row.programmeId, result) : null;
  const clashes = result && trainers ? findPlanClashes(result, planClashContext(row.parameters, trainers)) : null;
  const manager = canManagePlans(principal, row.programmeId);
  return trainingPlanSchema.parse({
    ...versionOf(row),
    parameters: row.parameters,
    result,
    labels: result ? await labelsOf(db, result, locale) : null,
    clashes,
    trainers,
    sessionsCreated: await countPlanSessions(db, row.id),
    canApprove: manager && row.status === 'draft',
    canEdit: manager && row.status === 'draft',
  });
}

/**
 * Gathers the inputs of the programme's plan, runs the planner and stores a
 * new draft version, inside the caller's transaction.
 */
export async function insertGeneratedPlan(trx: Db, programmeId: string, constraints: PlanConstraintsValue, createdBy: string | null): Promise<FullPlanRow> {
  await lockProgrammePlans(trx, programmeId);
  const programme = await findPlanProgramme(trx, programmeId);
  if (!programme) throw notFound();
  const phase = await findTrainingPhase(trx, programmeId);
  if (!phase) throw validationFailed([{ path: ['programme', 'phases'], key: 'plan_no_training_phase' }]);
  const [cooperativeRows, moduleRows, trainerRows, regionProvinces] = await Promise.all([
    listPlannedCooperatives(trx, programmeId),
    listPlanModules(trx),
    listPlanTrainers(trx, programmeId),
    listRegionProvinces(trx, programme.regionCodes),
  ]);
  const cooperatives: PlanCooperative[] = cooperativeRows
    .filter((cooperative) => cooperative.provinceCode !== null)
    .map((cooperative) => ({ id: cooperative.cooperativeId, provinceCode: cooperative.provinceCode!, needs: cooperative.scores?.needs ?? [] }));
  const modules: PlanModule[] = moduleRows.map((module) => ({
    id: module.id,
    code: module.code,
    definition: {
      domainKeys: module.definition.domainKeys,
      needKeys: module.definition.needKeys ?? [],
      durationHours: module.definition.durationHours,
      format: module.definition.format,
      prerequisites: module.definition.prerequisites ?? [],
    },
  }));
  const calendar = planCalendarOf(phase, programme.cadences);
  const trainerIds = trainerRows.map((trainer) => trainer.userId);
  const [leave, busy] = await Promise.all([listUnavailability(trx, trainerIds), listBusyDays(trx, trainerIds, calendar.trainingStart, calendar.trainingEnd, programmeId)]);
  const trainers = planTrainersOf(trainerIds, trainerProvincesOf(programme.provinceCodes, regionProvinces, cooperatives)).map((trainer) => ({
    ...trainer,
    unavailable: [
      ...(leave.get(trainer.id) ?? []).map(({ from, to }) => ({ from, to })),
      ...(busy.get(trainer.id) ?? []).map((day) => ({ from: day, to: day })),
    ],
  }));
  const plan = generateTrainingPlan({ cooperatives, modules, calendar, trainers, constraints });
  const version = await nextPlanVersion(trx, programmeId);
  return insertPlan(trx, {
    programmeId,
    version,
    parameters: { constraints, calendar, trainers: trainers.length, cooperatives: cooperatives.length, modules: modules.length },
    result: plan as unknown as Record<string, unknown>,
    objective: plan.summary.objective,
    needsCount: plan.summary.needs,
    answeredByGroups: plan.summary.answeredByGroups,
    answeredByCoaching: plan.summary.answeredByCoaching,
    unansweredCount: plan.summary.unanswered,
    groupsCount: plan.summary.groups,
    sessionsCount: plan.summary.sessions,
    createdBy,
  });
}

/** Gathers the inputs, runs the planner, stores a new draft version. */
export async function generatePlan(db: Db, principal: Principal, programmeId: string, constraints: PlanConstraintsValue, locale: Locale): Promise<TrainingPlanView> {
  await assertCanReadSummary(db, principal, programmeId);
  if (!canManagePlans(principal, programmeId)) throw forbidden();
  const row = await db.transaction().execute((trx) => insertGeneratedPlan(trx, programmeId, constraints, principal.userId));
  return present(db, principal, row, locale);
}

export async function listPlanVersions(db: Db, principal: Principal, programmeId: string): Promise<PlanVersion[]> {
  await assertCanReadSummary(db, principal, programmeId);
  return (await listPlans(db, programmeId)).map(versionOf);
}

export async function getPlan(db: Db, principal: Principal, planId: string, locale: Locale): Promise<TrainingPlanView> {
  const row = await findPlan(db, planId);
  if (!row) throw notFound();
  await assertCanReadSummary(db, principal, row.programmeId);
  return present(db, principal, row, locale);
}

/** Approves a draft; the version approved before it becomes superseded. */
export async function approvePlan(db: Db, principal: Principal, planId: string, locale: Locale): Promise<TrainingPlanView> {
  const existing = await findPlan(db, planId);
  if (!existing) throw notFound();
  await assertCanReadSummary(db, principal, existing.programmeId);
  if (!canManagePlans(principal, existing.programmeId)) throw forbidden();
  await db.transaction().execute(async (trx) => {
    await lockProgrammePlans(trx, existing.programmeId);
    const before = await lockPlan(trx, planId);
    if (!before) throw notFound();
    if (before.status !== 'draft') throw new AppError('conflict', { reason: 'plan_not_draft', status: before.status }, [{ path: ['status'], key: 'plan_not_draft', params: { status: before.status } }]);
    const whole = (await findPlan(trx, planId))!;
    const result = planResultSchema.parse(whole.result);
    const trainers = await trainersOfPlan(trx, whole.programmeId, result);
    const blocking = findPlanClashes(result, planClashContext(whole.parameters, trainers)).filter((clash) => clash.blocking);
    if (blocking.length > 0) throw new AppError('conflict', { reason: 'plan_has_clashes', count: blocking.length }, [{ path: ['clashes'], key: 'plan_has_clashes', params: { count: blocking.length } }]);
    const superseded = await supersedeApproved(trx, before.programmeId);
    const after = await markApproved(trx, planId, principal.userId);
    await recordAudit(
      trx,
      {
        actorId: principal.userId,
        action: 'update',
        entityType: 'training_plan',
        entityId: planId,
        before: { status: before.status },
        after: { status: after.status, approvedAt: after.approvedAt },
        context: { transition: 'approve', programmeId: before.programmeId, version: before.version, superseded },
      },
      ...superseded.map((id) => ({
        actorId: principal.userId,
        action: 'update' as const,
        entityType: 'training_plan',
        entityId: id,
        before: { status: 'approved' },
        after: { status: 'superseded' },
        context: { transition: 'supersede', by: planId },
      })),
    );
  });
  const row = await findPlan(db, planId);
  return present(db, principal, row!, locale);
}
