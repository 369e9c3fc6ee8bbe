import { programmeScope } from '../../core/access/policies.js';
import type { Locale, Principal } from '../../core/access/roles.js';
import { attainment, driftDays, isOverdue, latestValue, moroccanToday, settleCompletion, summarisePlan } from '../../core/action-plans/action-plan.rules.js';
import {
  actionInputSchema,
  actionPlanListSchema,
  actionPlanSchema,
  type AcceptPlanInput,
  type ActionCreate,
  type ActionInput,
  type ActionPlanList,
  type ActionPlanView,
  type ActionUpdate,
  type CooperativeActionPlan,
  type IndicatorInput,
  type IndicatorUpdate,
  type MeasurementInput,
} from '../../core/action-plans/action-plan.schema.js';
import {
  canAcceptActionPlan,
  canEditActionPlan,
  canListActionPlans,
  canReadActionPlan,
  canRecordPaperAcceptance,
  canSeeActionPlanPersonalData,
} from '../../core/action-plans/action-plans.policies.js';
import { assignPeople, draftActions, draftingWindow, needKeyOf } from '../../core/action-plans/drafting.js';
import { canManageProgramme, canReadCooperative } from '../../core/access/policies.js';
import type { LocalizedText } from '../../core/diagnostics/framework.schema.js';
import { programmeEndDate } from '../../core/programmes/calendar.js';
import { toIssues, type Issue } from '../../core/shared/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { AppError, forbidden, notFound, validationFailed } from '../http/errors.js';
import {
  actionHasHistory,
  agreeDueDates,
  deleteActionRow,
  deleteIndicatorRow,
  deleteMeasurementRow,
  deletePlanRow,
  existingOrganisations,
  findDiagnosticScores,
  findEnrolmentOf,
  findIndicator,
  findMeasurement,
  findPlan,
  findPlanHeader,
  findPlanOf,
  findProgrammeCalendar,
  findUserName,
  findValidatedBaseline,
  indicatorHasFollowUpValues,
  insertAction,
  insertIndicators,
  insertMeasurement,
  insertPlan,
  isActiveUser,
  isAnyEnrolled,
  isMemberOf,
  isRepresentativeOf,
  listCooperativeMembers,
  listCooperativePlans,
  listDirectory,
  listPlanActions,
  listProgrammePlans,
  listProgrammeTeam,
  listStakeholders,
  lockAction,
  lockPlan,
  nextActionPosition,
  nextIndicatorPosition,
  planHasHistory,
  replaceStakeholders,
  setAcceptance,
  touchPlan,
  updateActionRow,
  updateIndicatorRow,
  type ActionValues,
  type LockedAction,
  type PlanActionRow,
  type PlanRow,
  type ProgrammeCalendarRow,
} from './action-plans.repository.js';

/**
 * Action plans per cooperative: drafted from the validated baseline, edited
 * by the programme team, accepted by the cooperative's representative (or
 * recorded from a signed paper by the team), then followed. Every function
 * checks access first: a plan out of sight is "not found", a plan seen but
 * not editable is "forbidden".
 */

const staleAction = (currentVersion: number) => new AppError('conflict', { reason: 'stale_version', currentVersion }, [{ path: ['version'], key: 'action_plan_stale' }]);
const stalePlan = (currentRevision: number) => new AppError('conflict', { reason: 'stale_revision', currentRevision }, [{ path: ['revision'], key: 'action_plan_stale' }]);
const refusal = (key: string, params: Record<string, unknown> = {}, path: string[] = []) => new AppError('conflict', { reason: key, ...params }, [{ path, key, ...(Object.keys(params).length > 0 ? { params } : {}) }]);

/* ---------- Access ---------- */

/** The plan, if the person may read it; else "not found", as if it did not exist. */
async function readablePlan(db: Db, principal: Principal, planId: string): Promise<PlanRow> {
  const plan = await findPlan(db, planId);
  if (!plan || !canReadActionPlan(principal, plan.programmeId, plan.cooperativeId)) throw notFound();
  return plan;
}

async function editablePlan(db: Db, principal: Principal, planId: string): Promise<PlanRow> {
  const plan = await readablePlan(db, principal, planId);
  if (!canEditActionPlan(principal, plan.programmeId)) throw forbidden();
  return plan;
}

/** A programme and cooperative the person may see plans of; 404 otherwise (and for a programme that does not exist). */
async function assertCanReadCooperativePlan(db: Db, principal: Principal, programmeId: string, cooperativeId: string): Promise<ProgrammeCalendarRow> {
  const programme = await findProgrammeCalendar(db, programmeId);
  if (!programme || !canReadActionPlan(principal, programmeId, cooperativeId)) throw notFound();
  return programme;
}

/* ---------- Presenting ---------- */

function localized(row: { nameFr: string; nameAr: string | null; nameEn: string | null; acronym: string | null; kind: string }, id: string) {
  return { id, nameFr: row.nameFr, nameAr: row.nameAr, nameEn: row.nameEn, acronym: row.acronym, kind: row.kind };
}

function accompanimentOf(programme: ProgrammeCalendarRow): { startsOn: string; endsOn: string } | null {
  const phase = programme.phases.find((entry) => entry.kind === 'accompaniment') ?? programme.phases.find((entry) => entry.kind === 'follow_up');
  return phase ? { startsOn: phase.startsOn, endsOn: phase.endsOn } : null;
}

function programmeSpan(programme: ProgrammeCalendarRow): { startsOn: string; endsOn: string } | null {
  const end = programmeEndDate(programme.startDate, programme.durationMonths);
  return programme.startDate && end ? { startsOn: programme.startDate, endsOn: end } : null;
}

function presentAction(row: PlanActionRow, today: string, personal: boolean) {
  const executorName =
    row.executorKind === 'member' ? (personal ? row.memberName : null) : row.executorKind === 'consultant' ? row.userName : row.organisationNameFr;
  return {
    id: row.id,
    position: row.position,
    title: row.title,
    description: row.description,
    domainKey: row.domainKey,
    needKeys: row.needKeys,
    templateCode: row.templateCode,
    moduleCode: row.moduleCode,
    executor: {
      kind: row.executorKind,
      memberId: personal ? row.executorMemberId : null,
      userId: row.executorUserId,
      organisationId: row.executorOrganisationId,
      label: row.executorLabel,
      name: executorName ?? null,
      memberRole: row.executorKind === 'member' ? (row.memberRole ?? null) : null,
      organisation:
        row.executorOrganisationId && row.organisationNameFr
          ? localized({ nameFr: row.organisationNameFr, nameAr: row.organisationNameAr, nameEn: row.organisationNameEn, acronym: row.organisationAcronym, kind: row.organisationKind! }, row.executorOrganisationId)
          : null,
    },
    startsOn: row.startsOn,
    dueOn: row.dueOn,
    agreedDueOn: row.agreedDueOn,
    driftDays: driftDays(row),
    isOverdue: isOverdue(row, today),
    status: row.status,
    progress: row.progress,
    doneOn: row.doneOn,
    budgetMad: row.budgetMad === null ? null : Number(row.budgetMad),
    financingSource: row.financingSource,
    stakeholders: row.stakeholders.map((stakeholder) => ({ organisationId: stakeholder.organisationId, role: stakeholder.role, organisation: localized({ ...stakeholder, nameFr: stakeholder.nameFr ?? '', kind: stakeholder.kind ?? 'other' }, stakeholder.organisationId) })),
    indicators: row.indicators.map((indicator) => {
      const measurements = indicator.measurements.map((measurement) => ({
        id: measurement.id,
        measuredOn: measurement.measuredOn,
        value: Number(measurement.value),
        note: personal ? measurement.note : null,
        followUpId: measurement.followUpId,
      }));
      const latest = latestValue(measurements);
      const baseline = indicator.baseline === null ? null : Number(indicator.baseline);
      const target = Number(indicator.target);
      return { id: indicator.id, kind: indicator.kind, label: indicator.label, unit: indicator.unit, baseline, target, targetDate: indicator.targetDate, position: indicator.position, measurements, latest, attainment: attainment({ baseline, target }, latest) };
    }),
    hasHistory: Boolean(row.hasHistory),
    version: row.version,
  };
}

async function present(db: Db, principal: Principal, plan: PlanRow): Promise<ActionPlanView> {
  const today = moroccanToday();
  const personal = canSeeActionPlanPersonalData(principal, plan.programmeId, plan.cooperativeId);
  const editor = canEditActionPlan(principal, plan.programmeId);
  const [programme, header, rows] = await Promise.all([findProgrammeCalendar(db, plan.programmeId), findPlanHeader(db, plan.programmeId, plan.cooperativeId), listPlanActions(db, plan.id)]);
  const actions = rows.map((row) => presentAction(row, today, personal));
  const scores = plan.diagnosticId ? await findDiagnosticScores(db, plan.diagnosticId) : null;
  const needs = (scores?.needs ?? []).map((need) => {
    const key = needKeyOf(need);
    return { needKey: key, kind: need.kind, domainKey: need.domainKey, questionKey: need.questionKey, priority: need.priority, actionCount: actions.filter((action) => action.status !== 'cancelled' && action.needKeys.includes(key)).length };
  });
  const span = (programme && (accompanimentOf(programme) ?? programmeSpan(programme))) ?? null;
  const dates = actions.flatMap((action) => [action.startsOn, action.dueOn]).sort();
  const calendar = { from: span?.startsOn ?? dates[0] ?? today, to: span?.endsOn ?? dates[dates.length - 1] ?? today };
  let acceptance: ActionPlanView['acceptance'] = null;
  if (plan.acceptedAt) {
    const by = plan.acceptedBy ? await findUserName(db, plan.acceptedBy) : undefined;
    const byRepresentative = plan.acceptedBy ? await isRepresentativeOf(db, plan.acceptedBy, plan.cooperativeId) : false;
    acceptance = { acceptedAt: plan.acceptedAt, acceptedBy: personal && by ? { id: by.id, displayName: by.displayName } : null, onPaper: !byRepresentative, note: personal ? plan.acceptanceNote : null };
  }
  let choices: ActionPlanView['choices'] = null;
  if (editor) {
    const [members, team, enrolment] = await Promise.all([listCooperativeMembers(db, plan.cooperativeId), listProgrammeTeam(db, plan.programmeId), findEnrolmentOf(db, plan.programmeId, plan.cooperativeId)]);
    choices = { members, team, consultantId: enrolment?.consultantId ?? null };
  }
  return actionPlanSchema.parse({
    id: plan.id,
    programmeId: plan.programmeId,
    cooperativeId: plan.cooperativeId,
    status: plan.status,
    revision: plan.revision,
    diagnosticId: plan.diagnosticId,
    programme: { code: header.code, nameFr: header.programmeNameFr, nameAr: header.programmeNameAr, nameEn: header.programmeNameEn },
    cooperative: { nameFr: header.nameFr, nameAr: header.nameAr, registrationNumber: header.registrationNumber, provinceCode: header.provinceCode },
    calendar,
    today,
    acceptance,
    summary: summarisePlan(actions, today),
    needs,
    actions,
    permissions: {
      edit: editor,
      accept: plan.status === 'draft' && canAcceptActionPlan(principal, plan.cooperativeId),
      recordPaperAcceptance: plan.status === 'draft' && canRecordPaperAcceptance(principal, plan.programmeId),
      reopen: plan.status === 'agreed' && editor,
      delete: plan.status === 'draft' && editor && !actions.some((action) => action.hasHistory),
      seePersonalData: personal,
      manageFinancing: canManageProgramme(principal, plan.programmeId),
    },
    choices,
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
  });
}

async function presentById(db: Db, principal: Principal, planId: string): Promise<ActionPlanView> {
  return present(db, principal, (await findPlan(db, planId))!);
}

/* ---------- Reading ---------- */

/**
 * The programme's enrolled cooperatives with their plan's figures. The team
 * and funders see every cooperative; a representative sees theirs only;
 * anyone else is told the programme does not exist.
 */
export async function listActionPlans(db: Db, principal: Principal, programmeId: string): Promise<ActionPlanList> {
  const programme = await findProgrammeCalendar(db, programmeId);
  if (!programme) throw notFound();
  let only: string[] | null = null;
  if (!canListActionPlans(principal, programmeId)) {
    const scope = programmeScope(principal);
    const own = scope.kind === 'some' ? scope.cooperativeIds : [];
    if (!(await isAnyEnrolled(db, programmeId, own))) throw notFound();
    only = own;
  }
  const today = moroccanToday();
  const rows = await listProgrammePlans(db, programmeId, today, only);
  return actionPlanListSchema.parse({
    today,
    canDraft: canEditActionPlan(principal, programmeId),
    items: rows.map((row) => ({
      cooperativeId: row.cooperativeId,
      nameFr: row.nameFr,
      nameAr: row.nameAr,
      provinceCode: row.provinceCode,
      enrolmentStatus: row.enrolmentStatus,
      baselineId: row.baselineId ?? null,
      plan: row.planId
        ? {
            id: row.planId,
            status: row.planStatus,
            revision: row.revision,
            acceptedAt: row.acceptedAt,
            actions: row.figures?.actions ?? 0,
            done: row.figures?.done ?? 0,
            overdue: row.figures?.overdue ?? 0,
            progress: Number(row.figures?.progress ?? 0),
            budgetMad: Number(row.figures?.budgetMad ?? 0),
            updatedAt: row.planUpdatedAt,
          }
        : null,
    })),
  });
}

export async function getActionPlan(db: Db, principal: Principal, planId: string): Promise<ActionPlanView> {
  return present(db, principal, await readablePlan(db, principal, planId));
}

export async function getActionPlanOf(db: Db, principal: Principal, programmeId: string, cooperativeId: string): Promise<ActionPlanView> {
  await assertCanReadCooperativePlan(db, principal, programmeId, cooperativeId);
  const plan = await findPlanOf(db, programmeId, cooperativeId);
  if (!plan) throw notFound();
  return present(db, principal, plan);
}

/** The cooperative's plans the person may read, across programmes (for the links on the cooperative's page). */
export async function listCooperativeActionPlans(db: Db, principal: Principal, cooperativeId: string): Promise<CooperativeActionPlan[]> {
  if (!canReadCooperative(principal, cooperativeId)) throw notFound();
  const plans = await listCooperativePlans(db, cooperativeId);
  return plans.filter((plan) => canReadActionPlan(principal, plan.programmeId, cooperativeId));
}

/* ---------- Drafting ---------- */

/**
 * Drafts the plan from the cooperative's validated baseline: the template
 * actions of its leading needs, spread over the accompaniment, with the
 * member of the right office, the consultant or a partner as executor, and
 * potential stakeholders from the directory.
 */
export async function draftActionPlan(db: Db, principal: Principal, programmeId: string, cooperativeId: string, input: { locale?: Locale | undefined }): Promise<ActionPlanView> {
  const programme = await assertCanReadCooperativePlan(db, principal, programmeId, cooperativeId);
  if (!canEditActionPlan(principal, programmeId)) throw forbidden();
  const enrolment = await findEnrolmentOf(db, programmeId, cooperativeId);
  if (!enrolment) throw notFound();
  const today = moroccanToday();
  const planId = await db.transaction().execute(async (trx) => {
    if (await findPlanOf(trx, programmeId, cooperativeId)) throw refusal('action_plan_exists');
    const baseline = await findValidatedBaseline(trx, programmeId, cooperativeId);
    if (!baseline) throw validationFailed([{ path: ['cooperativeId'], key: 'action_plan_no_validated_baseline' }]);
    const created = await insertDraftPlan(trx, {
      programmeId,
      cooperativeId,
      diagnostic: baseline,
      window: draftingWindow({ accompaniment: accompanimentOf(programme), programme: programmeSpan(programme) }, today),
      locale: input.locale ?? principal.locale,
      consultantId: enrolment.consultantId,
      regionCode: enrolment.regionCode,
      createdBy: principal.userId,
    });
    await recordAudit(trx, { actorId: principal.userId, action: 'create', entityType: 'action_plan', entityId: created.planId, after: { programmeId, cooperativeId, diagnosticId: baseline.id, actions: created.actions }, context: { programmeId, source: 'drafted' } });
    return created.planId;
  });
  return presentById(db, principal, planId);
}

/**
 * Inserts a drafted plan and its actions inside the caller's transaction (the
 * demo uses it too). Returns the plan's id and the actions as drafted.
 */
export async function insertDraftPlan(
  trx: Db,
  values: {
    programmeId: string;
    cooperativeId: string;
    diagnostic: { id: string; scores: { needs: Array<{ kind: 'domain' | 'question'; domainKey: string; questionKey: string | null; priority: number }> } | null; definition: { domains: Array<{ key: string; label: LocalizedText }> } };
    window: { from: string; to: string };
    locale: Locale;
    consultantId: string | null;
    regionCode: string | null;
    createdBy: string | null;
    createdAt?: string;
  },
): Promise<{ planId: string; actions: Array<ActionValues & { id: string }> }> {
  const domainLabels = Object.fromEntries(values.diagnostic.definition.domains.map((domain) => [domain.key, domain.label]));
  const drafted = draftActions(values.diagnostic.scores?.needs ?? [], { window: values.window, locale: values.locale, domainLabels });
  const [members, organisations] = await Promise.all([listCooperativeMembers(trx, values.cooperativeId), listDirectory(trx)]);
  const assigned = assignPeople(drafted, { members, consultantId: values.consultantId, organisations, regionCode: values.regionCode });
  const plan = await insertPlan(trx, { programmeId: values.programmeId, cooperativeId: values.cooperativeId, diagnosticId: values.diagnostic.id, createdBy: values.createdBy, ...(values.createdAt ? { createdAt: values.createdAt } : {}) });
  const actions: Array<ActionValues & { id: string }> = [];
  for (const action of assigned) {
    const row: ActionValues = {
      title: action.title,
      description: action.description,
      domainKey: action.domainKey,
      needKeys: action.needKeys,
      templateCode: action.templateCode,
      moduleCode: action.moduleCode,
      executorKind: action.executorKind,
      executorMemberId: action.executorMemberId,
      executorUserId: action.executorUserId,
      executorOrganisationId: action.executorOrganisationId,
      executorLabel: null,
      startsOn: action.startsOn,
      dueOn: action.dueOn,
      status: 'planned',
      progress: 0,
      doneOn: null,
      budgetMad: action.budgetMad,
      financingSource: action.financingSource,
    };
    const inserted = await insertAction(trx, plan.id, action.position, row, values.createdAt ? { createdAt: values.createdAt } : {});
    await replaceStakeholders(trx, inserted.id, action.stakeholderIds.map((organisationId) => ({ organisationId, role: null })));
    await insertIndicators(trx, inserted.id, action.indicators);
    actions.push({ ...row, id: inserted.id });
  }
  return { planId: plan.id, actions };
}

/* ---------- Actions ---------- */

/** References an action names must exist: its member in the cooperative, its consultant, its organisations. */
async function checkReferences(db: Db, plan: PlanRow, action: Pick<ActionInput, 'executorKind' | 'executorMemberId' | 'executorUserId' | 'executorOrganisationId' | 'stakeholders'>): Promise<void> {
  const issues: Issue[] = [];
  if (action.executorKind === 'member' && action.executorMemberId && !(await isMemberOf(db, plan.cooperativeId, action.executorMemberId))) issues.push({ path: ['executorMemberId'], key: 'action_executor_member_unknown' });
  if (action.executorKind === 'consultant' && action.executorUserId && !(await isActiveUser(db, action.executorUserId))) issues.push({ path: ['executorUserId'], key: 'action_executor_user_unknown' });
  const organisationIds = [...(action.executorKind === 'organisation' && action.executorOrganisationId ? [action.executorOrganisationId] : []), ...action.stakeholders.map((stakeholder) => stakeholder.organisationId)];
  const found = await existingOrganisations(db, organisationIds);
  if (action.executorKind === 'organisation' && action.executorOrganisationId && !found.has(action.executorOrganisationId)) issues.push({ path: ['executorOrganisationId'], key: 'action_organisation_unknown' });
  if (action.stakeholders.some((stakeholder) => !found.has(stakeholder.organisationId))) issues.push({ path: ['stakeholders'], key: 'action_organisation_unknown' });
  if (issues.length > 0) throw validationFailed(issues);
}

/** Only the fields of the executor's kind are kept. */
function valuesOf(input: ActionInput, today: string): ActionValues {
  const settled = settleCompletion(input, today);
  return {
    title: input.title,
    description: input.description,
    domainKey: input.domainKey,
    needKeys: [...new Set(input.needKeys)],
    templateCode: input.templateCode,
    moduleCode: input.moduleCode,
    executorKind: input.executorKind,
    executorMemberId: input.executorKind === 'member' ? input.executorMemberId : null,
    executorUserId: input.executorKind === 'consultant' ? input.executorUserId : null,
    executorOrganisationId: input.executorKind === 'organisation' ? input.executorOrganisationId : null,
    executorLabel: input.executorLabel,
    startsOn: input.startsOn,
    dueOn: input.dueOn,
    ...settled,
    budgetMad: input.budgetMad,
    financingSource: input.financingSource,
  };
}

export async function addAction(db: Db, principal: Principal, planId: string, input: ActionCreate): Promise<ActionPlanView> {
  const plan = await editablePlan(db, principal, planId);
  const { indicators, ...fields } = input;
  await checkReferences(db, plan, fields);
  await db.transaction().execute(async (trx) => {
    if (!(await lockPlan(trx, planId))) throw notFound();
    const values = valuesOf(fields, moroccanToday());
    const action = await insertAction(trx, planId, await nextActionPosition(trx, planId), values);
    await replaceStakeholders(trx, action.id, fields.stakeholders);
    await insertIndicators(trx, action.id, indicators);
    await touchPlan(trx, planId);
    await recordAudit(trx, { actorId: principal.userId, action: 'create', entityType: 'plan_action', entityId: action.id, after: { ...action, stakeholders: fields.stakeholders, indicators }, context: { actionPlanId: planId, programmeId: plan.programmeId } });
  });
  return presentById(db, principal, planId);
}

function currentInput(locked: LockedAction, stakeholders: Array<{ organisationId: string; role: string | null }>) {
  const { id: _id, actionPlanId: _plan, position: _position, version: _version, agreedDueOn: _agreed, ...rest } = locked;
  return { ...rest, budgetMad: rest.budgetMad === null ? null : Number(rest.budgetMad), stakeholders };
}

/**
 * Changes the fields sent, on the version named; the action as it will be is
 * checked whole (dates in order, executor named). Marking it done sets its
 * progress to 100 % and its completion day.
 */
export async function updateAction(db: Db, principal: Principal, planId: string, actionId: string, update: ActionUpdate): Promise<ActionPlanView> {
  const plan = await editablePlan(db, principal, planId);
  await db.transaction().execute(async (trx) => {
    if (!(await lockPlan(trx, planId))) throw notFound();
    const locked = await lockAction(trx, planId, actionId);
    if (!locked) throw notFound();
    if (locked.version !== update.version) throw staleAction(locked.version);
    const { version: _version, position, ...changes } = update;
    const before = currentInput(locked, await listStakeholders(trx, actionId));
    const merged = Object.fromEntries(Object.entries({ ...before, ...changes }).filter(([, value]) => value !== undefined));
    // A new status without a completion day gets today's; a status other than done drops the old one.
    if (changes.status !== undefined && changes.status !== before.status && changes.doneOn === undefined) merged.doneOn = null;
    const parsed = actionInputSchema.safeParse(merged);
    if (!parsed.success) throw validationFailed(toIssues(parsed.error.issues));
    await checkReferences(trx, plan, parsed.data);
    const after = await updateActionRow(trx, planId, actionId, { ...valuesOf(parsed.data, moroccanToday()), position: position ?? locked.position });
    if (changes.stakeholders !== undefined) await replaceStakeholders(trx, actionId, parsed.data.stakeholders);
    await touchPlan(trx, planId);
    await recordAudit(trx, { actorId: principal.userId, action: 'update', entityType: 'plan_action', entityId: actionId, before: { ...locked, stakeholders: before.stakeholders }, after: { ...after, stakeholders: parsed.data.stakeholders }, context: { actionPlanId: planId, programmeId: plan.programmeId } });
  });
  return presentById(db, principal, planId);
}

/**
 * Deletes an action of a plan not agreed yet, or one added since the
 * agreement. An agreed action, or one that follow-ups or commitments refer
 * to, is cancelled instead, so that its history stays.
 */
export async function removeAction(db: Db, principal: Principal, planId: string, actionId: string): Promise<void> {
  const plan = await editablePlan(db, principal, planId);
  await db.transaction().execute(async (trx) => {
    if (!(await lockPlan(trx, planId))) throw notFound();
    const locked = await lockAction(trx, planId, actionId);
    if (!locked) throw notFound();
    if (locked.agreedDueOn !== null) throw refusal('action_agreed_cancel_instead');
    if (await actionHasHistory(trx, actionId)) throw refusal('action_has_history');
    await deleteActionRow(trx, planId, actionId);
    await touchPlan(trx, planId);
    await recordAudit(trx, { actorId: principal.userId, action: 'delete', entityType: 'plan_action', entityId: actionId, before: locked, context: { actionPlanId: planId, programmeId: plan.programmeId } });
  });
}

/* ---------- Indicators and measurements ---------- */

async function lockedActionOf(trx: Db, planId: string, actionId: string): Promise<LockedAction> {
  if (!(await lockPlan(trx, planId))) throw notFound();
  const action = await lockAction(trx, planId, actionId);
  if (!action) throw notFound();
  return action;
}

export async function addIndicator(db: Db, principal: Principal, planId: string, actionId: string, input: IndicatorInput): Promise<ActionPlanView> {
  const plan = await editablePlan(db, principal, planId);
  await db.transaction().execute(async (trx) => {
    await lockedActionOf(trx, planId, actionId);
    const [created] = await insertIndicators(trx, actionId, [input], await nextIndicatorPosition(trx, actionId));
    await touchPlan(trx, planId);
    await recordAudit(trx, { actorId: principal.userId, action: 'create', entityType: 'action_indicator', entityId: created!.id, after: created!, context: { actionPlanId: planId, actionId, programmeId: plan.programmeId } });
  });
  return presentById(db, principal, planId);
}

export async function updateIndicator(db: Db, principal: Principal, planId: string, actionId: string, indicatorId: string, input: IndicatorUpdate): Promise<ActionPlanView> {
  const plan = await editablePlan(db, principal, planId);
  await db.transaction().execute(async (trx) => {
    await lockedActionOf(trx, planId, actionId);
    const before = await findIndicator(trx, planId, actionId, indicatorId);
    if (!before) throw notFound();
    const changes = Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
    const after = Object.keys(changes).length > 0 ? await updateIndicatorRow(trx, indicatorId, changes) : before;
    await touchPlan(trx, planId);
    await recordAudit(trx, { actorId: principal.userId, action: 'update', entityType: 'action_indicator', entityId: indicatorId, before, after, context: { actionPlanId: planId, actionId, programmeId: plan.programmeId } });
  });
  return presentById(db, principal, planId);
}

/** An indicator whose values came with follow-ups keeps them: it cannot be deleted. */
export async function removeIndicator(db: Db, principal: Principal, planId: string, actionId: string, indicatorId: string): Promise<void> {
  const plan = await editablePlan(db, principal, planId);
  await db.transaction().execute(async (trx) => {
    await lockedActionOf(trx, planId, actionId);
    const before = await findIndicator(trx, planId, actionId, indicatorId);
    if (!before) throw notFound();
    if (await indicatorHasFollowUpValues(trx, indicatorId)) throw refusal('indicator_has_follow_up_values');
    await deleteIndicatorRow(trx, indicatorId);
    await touchPlan(trx, planId);
    await recordAudit(trx, { actorId: principal.userId, action: 'delete', entityType: 'action_indicator', entityId: indicatorId, before, context: { actionPlanId: planId, actionId, programmeId: plan.programmeId } });
  });
}

export async function addMeasurement(db: Db, principal: Principal, planId: string, actionId: string, indicatorId: string, input: MeasurementInput): Promise<ActionPlanView> {
  const plan = await editablePlan(db, principal, planId);
  if (input.measuredOn > moroccanToday()) throw validationFailed([{ path: ['measuredOn'], key: 'date_in_future' }]);
  await db.transaction().execute(async (trx) => {
    await lockedActionOf(trx, planId, actionId);
    if (!(await findIndicator(trx, planId, actionId, indicatorId))) throw notFound();
    const created = await insertMeasurement(trx, { indicatorId, measuredOn: input.measuredOn, value: input.value, note: input.note, recordedBy: principal.userId });
    await touchPlan(trx, planId);
    await recordAudit(trx, { actorId: principal.userId, action: 'create', entityType: 'indicator_measurement', entityId: created.id, after: created, context: { actionPlanId: planId, actionId, programmeId: plan.programmeId } });
  });
  return presentById(db, principal, planId);
}

/** A value recorded with a follow-up goes with the follow-up, not from here. */
export async function removeMeasurement(db: Db, principal: Principal, planId: string, actionId: string, indicatorId: string, measurementId: string): Promise<void> {
  const plan = await editablePlan(db, principal, planId);
  await db.transaction().execute(async (trx) => {
    await lockedActionOf(trx, planId, actionId);
    if (!(await findIndicator(trx, planId, actionId, indicatorId))) throw notFound();
    const before = await findMeasurement(trx, indicatorId, measurementId);
    if (!before) throw notFound();
    if (before.followUpId) throw refusal('measurement_from_follow_up');
    await deleteMeasurementRow(trx, measurementId);
    await touchPlan(trx, planId);
    await recordAudit(trx, { actorId: principal.userId, action: 'delete', entityType: 'indicator_measurement', entityId: measurementId, before, context: { actionPlanId: planId, actionId, programmeId: plan.programmeId } });
  });
}

/* ---------- Agreement ---------- */

/**
 * The plan is agreed: by its cooperative's representative in Taawon, on the
 * revision they read; or by the programme team recording a plan signed on
 * paper (a note saying who signed is required, and the day it was signed
 * becomes the acceptance's date). Every action's agreed due date becomes its
 * current one, from which drift is measured.
 */
export async function acceptPlan(db: Db, principal: Principal, planId: string, input: AcceptPlanInput): Promise<ActionPlanView> {
  const plan = await readablePlan(db, principal, planId);
  const asRepresentative = canAcceptActionPlan(principal, plan.cooperativeId);
  if (!asRepresentative && !canRecordPaperAcceptance(principal, plan.programmeId)) throw forbidden();
  const today = moroccanToday();
  if (asRepresentative && input.signedOn) throw validationFailed([{ path: ['signedOn'], key: 'action_plan_signed_on_paper_only' }]);
  if (!asRepresentative) {
    const issues: Issue[] = [];
    if (!input.note) issues.push({ path: ['note'], key: 'action_plan_paper_note_required' });
    if (input.signedOn && input.signedOn > today) issues.push({ path: ['signedOn'], key: 'date_in_future' });
    if (issues.length > 0) throw validationFailed(issues);
  }
  await db.transaction().execute(async (trx) => {
    const locked = await lockPlan(trx, planId);
    if (!locked) throw notFound();
    if (locked.status === 'agreed') throw refusal('action_plan_already_agreed');
    if (locked.revision !== input.revision) throw stalePlan(locked.revision);
    const actions = await listPlanActions(trx, planId);
    if (!actions.some((action) => action.status !== 'cancelled')) throw validationFailed([{ path: [], key: 'action_plan_empty' }]);
    const acceptedAt = !asRepresentative && input.signedOn ? `${input.signedOn}T12:00:00.000Z` : new Date().toISOString();
    await agreeDueDates(trx, planId);
    await setAcceptance(trx, planId, { status: 'agreed', acceptedAt, acceptedBy: principal.userId, acceptanceNote: input.note });
    await recordAudit(trx, {
      actorId: principal.userId,
      action: 'update',
      entityType: 'action_plan',
      entityId: planId,
      before: { status: locked.status, revision: locked.revision },
      after: { status: 'agreed', acceptedAt, acceptedBy: principal.userId, acceptanceNote: input.note, agreedDueOn: Object.fromEntries(actions.map((action) => [action.id, action.dueOn])) },
      context: { event: 'accept', onPaper: !asRepresentative, programmeId: plan.programmeId },
    });
  });
  return presentById(db, principal, planId);
}

/** Back to draft, to revise the plan with the cooperative; it is accepted again afterwards. */
export async function reopenPlan(db: Db, principal: Principal, planId: string, revision: number): Promise<ActionPlanView> {
  const plan = await editablePlan(db, principal, planId);
  await db.transaction().execute(async (trx) => {
    const locked = await lockPlan(trx, planId);
    if (!locked) throw notFound();
    if (locked.status !== 'agreed') throw refusal('action_plan_not_agreed');
    if (locked.revision !== revision) throw stalePlan(locked.revision);
    await setAcceptance(trx, planId, { status: 'draft', acceptedAt: null, acceptedBy: null, acceptanceNote: null });
    await recordAudit(trx, {
      actorId: principal.userId,
      action: 'update',
      entityType: 'action_plan',
      entityId: planId,
      before: { status: locked.status, acceptedAt: locked.acceptedAt, acceptedBy: locked.acceptedBy, acceptanceNote: locked.acceptanceNote },
      after: { status: 'draft' },
      context: { event: 'reopen', programmeId: plan.programmeId },
    });
  });
  return presentById(db, principal, planId);
}

/** A draft nobody has followed or financed yet can be thrown away, to draft it again. */
export async function deletePlan(db: Db, principal: Principal, planId: string): Promise<void> {
  const plan = await editablePlan(db, principal, planId);
  await db.transaction().execute(async (trx) => {
    const locked = await lockPlan(trx, planId);
    if (!locked) throw notFound();
    if (locked.status !== 'draft') throw refusal('action_plan_delete_agreed');
    if (await planHasHistory(trx, planId)) throw refusal('action_has_history');
    await deletePlanRow(trx, planId);
    await recordAudit(trx, { actorId: principal.userId, action: 'delete', entityType: 'action_plan', entityId: planId, before: locked, context: { programmeId: plan.programmeId } });
  });
}
