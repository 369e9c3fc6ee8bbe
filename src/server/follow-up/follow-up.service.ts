import { programmeScope } from '../../core/access/policies.js';
import type { Locale, Principal } from '../../core/access/roles.js';
import { messages } from '../../core/i18n/messages.js';
import { addCounts, addDriftCounts, byWorstCompliance, daysBetween, doneOnAfter, driftDays, shouldApplyUpdate, summariseDrift, withRate, type ComplianceCounts, type DriftCounts } from '../../core/follow-up/compliance.js';
import { addDays, daysLate, moroccanDayOf, moroccanMidnight, moroccanToday } from '../../core/follow-up/dates.js';
import {
  canReadFollowUps,
  canRecordFollowUp,
  canScheduleFollowUps,
  canSeeFollowUpLists,
  canSeeProgrammeFollowUps,
  isProgrammeFunder,
  recordsAs,
} from '../../core/follow-up/follow-up.policies.js';
import type {
  ActionUpdateInput,
  Compliance,
  ConfirmFollowUpInput,
  Drift,
  DueList,
  DueListQuery,
  FollowUpContext,
  FollowUpDetail,
  FollowUpHistory,
  FollowUpSummary,
  MeasurementInput,
  RecordFollowUpInput,
  SchedulePreview,
  ToConfirmList,
} from '../../core/follow-up/follow-up.schema.js';
import { missingFollowUps, scheduleFollowUps } from '../../core/follow-up/schedule.js';
import { cadencesSchema } from '../../core/programmes/programme-settings.schema.js';
import { programmeName } from '../../core/programmes/programme.schema.js';
import { fromMoroccanWallClock } from '../../core/sessions/local-time.js';
import type { Issue } from '../../core/shared/errors.js';
import { recordAudit, type AuditEntry } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { AppError, forbidden, notFound, validationFailed } from '../http/errors.js';
import { listDueFollowUps } from './due.repository.js';
import * as repo from './follow-up.repository.js';

/**
 * Follow-ups: recording (the team: confirmed and applied at once; a representative: reported, applied when the team
 * confirms it), the cooperative's history, the lists (due this week, overdue, to confirm), compliance, deadline drift
 * and the schedule of remote follow-ups from the programme's cadence. A programme or cooperative the requester may
 * not see is 404; one they see but may not act on is 403. Every change is audited as entity type `follow_up`.
 */

/* ---------- Access ---------- */

/** Whether the programme is visible to the principal at all (staff grants, or a represented cooperative enrolled in it). */
async function isProgrammeVisible(db: Db, principal: Principal, programmeId: string): Promise<boolean> {
  const scope = programmeScope(principal);
  if (scope.kind === 'all' || scope.programmeIds.includes(programmeId)) return true;
  if (scope.cooperativeIds.length === 0) return false;
  const row = await db.selectFrom('enrolments').select('id').where('programmeId', '=', programmeId).where('cooperativeId', 'in', scope.cooperativeIds).executeTakeFirst();
  return row !== undefined;
}

/** The cooperative's enrolment in the programme, if the principal may read its follow-ups; 404 or 403 otherwise. */
async function readableCooperative(db: Db, principal: Principal, programmeId: string, cooperativeId: string) {
  const programme = await repo.findProgrammeRef(db, programmeId);
  if (!programme) throw notFound();
  if (!canReadFollowUps(principal, programmeId, cooperativeId)) {
    // The programme's funders know the programme; everyone else is not told it exists.
    if (isProgrammeFunder(principal, programmeId)) throw forbidden();
    throw notFound();
  }
  const enrolment = await repo.findEnrolledCooperative(db, programmeId, cooperativeId);
  if (!enrolment) throw notFound();
  return { programme, enrolment };
}

/** The programmes whose lists the principal sees: null means all. */
async function listScope(db: Db, principal: Principal, programmeId: string | undefined): Promise<string[] | null> {
  if (programmeId) {
    if (!(await repo.findProgrammeRef(db, programmeId)) || !(await isProgrammeVisible(db, principal, programmeId))) throw notFound();
    if (!canSeeFollowUpLists(principal) || !canSeeProgrammeFollowUps(principal, programmeId)) throw forbidden();
    return [programmeId];
  }
  if (!canSeeFollowUpLists(principal)) throw forbidden();
  const scope = programmeScope(principal);
  if (scope.kind === 'all') return null;
  return scope.programmeIds.filter((id) => canSeeProgrammeFollowUps(principal, id));
}

/* ---------- Presenting ---------- */

const person = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

/** The programme's name in the reader's language, French when it has none. */
function localProgrammeName(row: { programmeName: string; programmeNameAr: string | null; programmeNameEn: string | null }, locale: string): string {
  return programmeName({ nameFr: row.programmeName, nameAr: row.programmeNameAr, nameEn: row.programmeNameEn }, locale);
}

function presentSummary(row: repo.FollowUpSummaryRow): FollowUpSummary {
  return {
    id: row.id,
    programmeId: row.programmeId,
    cooperativeId: row.cooperativeId,
    sessionId: row.sessionId,
    heldOn: row.heldOn,
    channel: row.channel,
    status: row.status,
    reportedByRole: row.reportedByRole,
    conductedBy: person(row.conductedById, row.conductedByName),
    summary: row.summary,
    actionCount: row.actionCount,
    measurementCount: row.measurementCount,
    version: row.version,
  };
}

async function presentDetail(db: Db, principal: Principal, followUpId: string): Promise<FollowUpDetail> {
  const row = await repo.findFollowUp(db, followUpId);
  if (!row) throw notFound();
  const [actions, measurements] = await Promise.all([repo.listActionUpdates(db, followUpId), repo.listMeasurementsOf(db, followUpId)]);
  return {
    ...presentSummary(row),
    programme: { id: row.programmeId, code: row.programmeCode, name: localProgrammeName(row, principal.locale) },
    cooperative: { id: row.cooperativeId, nameFr: row.cooperativeNameFr, nameAr: row.cooperativeNameAr },
    reportedBy: person(row.reportedById, row.reportedByName),
    confirmedBy: person(row.confirmedById, row.confirmedByName),
    confirmedAt: row.confirmedAt,
    createdAt: row.createdAt,
    actions,
    measurements,
    permissions: { confirm: row.status === 'reported' && canRecordFollowUp(principal, row.programmeId) },
  };
}

/* ---------- Reading one cooperative ---------- */

export async function getContext(db: Db, principal: Principal, programmeId: string, cooperativeId: string): Promise<FollowUpContext> {
  const { programme, enrolment } = await readableCooperative(db, principal, programmeId, cooperativeId);
  const role = recordsAs(principal, programmeId, cooperativeId);
  if (!role) throw forbidden();
  const [{ plan, actions }, sessions, team] = await Promise.all([
    repo.findPlanWithActions(db, programmeId, cooperativeId),
    repo.listOpenSessionsOf(db, programmeId, cooperativeId),
    role === 'confirmed' ? repo.listTeam(db, programmeId) : Promise.resolve([]),
  ]);
  return {
    programme: { id: programme.id, code: programme.code, name: programme.nameFr },
    cooperative: { id: enrolment.id, nameFr: enrolment.nameFr, nameAr: enrolment.nameAr },
    actionPlanId: plan?.id ?? null,
    actions: actions.map((action) => ({
      id: action.id,
      title: action.title,
      status: action.status,
      progress: action.progress,
      startsOn: action.startsOn,
      dueOn: action.dueOn,
      agreedDueOn: action.agreedDueOn,
      indicators: action.indicators.map((indicator) => ({ ...indicator, latest: indicator.latest ? (typeof indicator.latest === 'string' ? JSON.parse(indicator.latest) : indicator.latest) : null })),
    })),
    dueSessions: sessions,
    team,
    recordsAs: role,
    today: moroccanToday(),
  };
}

export async function listHistory(db: Db, principal: Principal, programmeId: string, cooperativeId: string): Promise<FollowUpHistory> {
  await readableCooperative(db, principal, programmeId, cooperativeId);
  const role = recordsAs(principal, programmeId, cooperativeId);
  const rows = await repo.listFollowUpsOf(db, programmeId, cooperativeId);
  return { items: rows.map(presentSummary), permissions: { record: role !== null, recordsAs: role } };
}

export async function getFollowUp(db: Db, principal: Principal, followUpId: string): Promise<FollowUpDetail> {
  const row = await repo.findFollowUp(db, followUpId);
  if (!row) throw notFound();
  await readableCooperative(db, principal, row.programmeId, row.cooperativeId);
  return presentDetail(db, principal, followUpId);
}

/* ---------- Recording and confirming ---------- */

interface Content {
  heldOn: string;
  channel: RecordFollowUpInput['channel'];
  conductedBy: string | null;
  summary: string | null;
  actions: ActionUpdateInput[];
  measurements: MeasurementInput[];
}

/** Checks what the follow-up names against the cooperative's plan and the programme's team; returns the plan id. */
async function checkContent(trx: Db, programmeId: string, cooperativeId: string, content: Content, options: { team: boolean; principal: Principal }): Promise<string | null> {
  const issues: Issue[] = [];
  if (content.heldOn > moroccanToday()) issues.push({ path: ['heldOn'], key: 'follow_up_in_future' });
  const plan = await trx.selectFrom('actionPlans').select('id').where('programmeId', '=', programmeId).where('cooperativeId', '=', cooperativeId).executeTakeFirst();
  if (!plan && content.actions.length > 0) issues.push({ path: ['actions'], key: 'follow_up_no_action_plan' });
  if (plan) {
    const known = new Set((await repo.lockActionsOfPlan(trx, plan.id, content.actions.map((action) => action.actionId), null)).map((row) => row.id));
    content.actions.forEach((action, index) => {
      if (!known.has(action.actionId)) issues.push({ path: ['actions', index, 'actionId'], key: 'follow_up_action_unknown' });
    });
  }
  if (!options.team && content.measurements.length > 0) issues.push({ path: ['measurements'], key: 'follow_up_measurements_by_team' });
  else if (content.measurements.length > 0) {
    const known = plan ? await repo.indicatorsOfPlan(trx, plan.id, content.measurements.map((measurement) => measurement.indicatorId)) : new Set<string>();
    content.measurements.forEach((measurement, index) => {
      if (!known.has(measurement.indicatorId)) issues.push({ path: ['measurements', index, 'indicatorId'], key: 'follow_up_indicator_unknown' });
    });
  }
  if (content.conductedBy && content.conductedBy !== options.principal.userId && !(options.team && (await repo.isTeamMember(trx, programmeId, content.conductedBy)))) {
    issues.push({ path: ['conductedBy'], key: 'follow_up_conductor_unknown' });
  }
  if (issues.length > 0) throw validationFailed(issues);
  return plan?.id ?? null;
}

/** A session the follow-up may hold: one of the programme's planned (or held) follow-ups of this cooperative that no follow-up holds. */
async function checkSession(trx: Db, programmeId: string, cooperativeId: string, sessionId: string, exceptFollowUpId: string | null) {
  const session = await repo.findSessionForFollowUp(trx, sessionId, cooperativeId);
  if (!session || session.programmeId !== programmeId || !session.includesCooperative || !['remote_follow_up', 'coaching'].includes(session.kind) || !['planned', 'held'].includes(session.status)) {
    throw validationFailed([{ path: ['sessionId'], key: 'follow_up_session_invalid' }]);
  }
  if (session.heldBy && session.heldBy !== exceptFollowUpId) throw new AppError('conflict', { reason: 'session_taken', followUpId: session.heldBy }, [{ path: ['sessionId'], key: 'follow_up_session_taken' }]);
}

/** Applies a confirmed follow-up: action states (unless a later follow-up already spoke), indicator values, the session held. */
async function applyFollowUp(trx: Db, principal: Principal, followUp: { id: string; programmeId: string; sessionId: string | null; heldOn: string; summary: string | null }, planId: string | null, content: Content): Promise<AuditEntry[]> {
  const audits: AuditEntry[] = [];
  if (planId && content.actions.length > 0) {
    const rows = await repo.lockActionsOfPlan(trx, planId, content.actions.map((action) => action.actionId), followUp.id);
    for (const update of content.actions) {
      const row = rows.find((candidate) => candidate.id === update.actionId);
      if (!row || !shouldApplyUpdate(followUp.heldOn, row.latestAppliedHeldOn)) continue;
      const after = { status: update.status, progress: update.progress, doneOn: doneOnAfter(update, row, followUp.heldOn) };
      await repo.updateActionState(trx, row.id, after);
      audits.push({ actorId: principal.userId, action: 'update', entityType: 'plan_action', entityId: row.id, before: { status: row.status, progress: row.progress, doneOn: row.doneOn }, after, context: { programmeId: followUp.programmeId, followUpId: followUp.id } });
    }
  }
  await repo.replaceMeasurements(trx, followUp.id, followUp.heldOn, principal.userId, content.measurements);
  if (followUp.sessionId) {
    const nextSteps = content.actions.map((action) => action.nextSteps).filter(Boolean).join(' ');
    await repo.markSessionHeld(trx, followUp.sessionId, { done: followUp.summary ?? '', decisions: '', nextSteps });
    audits.push({ actorId: principal.userId, action: 'update', entityType: 'session', entityId: followUp.sessionId, after: { status: 'held', followUpId: followUp.id }, context: { programmeId: followUp.programmeId } });
  }
  return audits;
}

export async function recordFollowUp(db: Db, principal: Principal, input: RecordFollowUpInput): Promise<FollowUpDetail> {
  const { enrolment } = await readableCooperative(db, principal, input.programmeId, input.cooperativeId);
  const role = recordsAs(principal, input.programmeId, input.cooperativeId);
  if (!role) throw forbidden();
  if (enrolment.status !== 'enrolled') throw validationFailed([{ path: ['cooperativeId'], key: 'follow_up_not_enrolled' }]);
  const team = role === 'confirmed';
  const id = await db.transaction().execute(async (trx) => {
    const planId = await checkContent(trx, input.programmeId, input.cooperativeId, input, { team, principal });
    if (input.sessionId) await checkSession(trx, input.programmeId, input.cooperativeId, input.sessionId, null);
    const created = await repo.insertFollowUp(trx, {
      programmeId: input.programmeId,
      cooperativeId: input.cooperativeId,
      sessionId: input.sessionId,
      heldOn: input.heldOn,
      channel: input.channel,
      conductedBy: team ? (input.conductedBy ?? principal.userId) : null,
      reportedBy: principal.userId,
      reportedByRole: team ? 'consultant' : 'representative',
      status: role,
      confirmedBy: team ? principal.userId : null,
      summary: input.summary,
    });
    await repo.replaceActionUpdates(trx, created.id, input.actions);
    const applied = team ? await applyFollowUp(trx, principal, { id: created.id, programmeId: input.programmeId, sessionId: input.sessionId, heldOn: input.heldOn, summary: input.summary }, planId, input) : [];
    await recordAudit(trx, { actorId: principal.userId, action: 'create', entityType: 'follow_up', entityId: created.id, after: { ...input, status: role }, context: { programmeId: input.programmeId, cooperativeId: input.cooperativeId } }, ...applied);
    return created.id;
  });
  return presentDetail(db, principal, id);
}

/** The team confirms a representative's report, with its corrections; then it applies like a follow-up of their own. */
export async function confirmFollowUp(db: Db, principal: Principal, followUpId: string, input: ConfirmFollowUpInput): Promise<FollowUpDetail> {
  const existing = await repo.findFollowUp(db, followUpId);
  if (!existing) throw notFound();
  await readableCooperative(db, principal, existing.programmeId, existing.cooperativeId);
  if (!canRecordFollowUp(principal, existing.programmeId)) throw forbidden();
  await db.transaction().execute(async (trx) => {
    const before = await repo.lockFollowUp(trx, followUpId);
    if (!before) throw notFound();
    if (before.status === 'confirmed') throw new AppError('conflict', { reason: 'already_confirmed' }, [{ path: ['status'], key: 'follow_up_already_confirmed' }]);
    if (before.version !== input.version) throw new AppError('conflict', { reason: 'stale_version', currentVersion: before.version }, [{ path: ['version'], key: 'stale_version' }]);
    const planId = await checkContent(trx, before.programmeId, before.cooperativeId, input, { team: true, principal });
    if (before.sessionId) await checkSession(trx, before.programmeId, before.cooperativeId, before.sessionId, followUpId);
    const conductedBy = input.conductedBy ?? before.conductedBy ?? principal.userId;
    await repo.confirmFollowUpRow(trx, followUpId, { heldOn: input.heldOn, channel: input.channel, conductedBy, summary: input.summary, confirmedBy: principal.userId });
    const reported = await repo.listActionUpdates(trx, followUpId);
    await repo.replaceActionUpdates(trx, followUpId, input.actions);
    const applied = await applyFollowUp(trx, principal, { id: followUpId, programmeId: before.programmeId, sessionId: before.sessionId, heldOn: input.heldOn, summary: input.summary }, planId, input);
    await recordAudit(
      trx,
      {
        actorId: principal.userId,
        action: 'update',
        entityType: 'follow_up',
        entityId: followUpId,
        before: { status: before.status, heldOn: before.heldOn, channel: before.channel, summary: before.summary, actions: reported },
        after: { ...input, status: 'confirmed', conductedBy },
        context: { programmeId: before.programmeId, cooperativeId: before.cooperativeId },
      },
      ...applied,
    );
  });
  return presentDetail(db, principal, followUpId);
}

/* ---------- Lists ---------- */

export async function listDue(db: Db, principal: Principal, query: DueListQuery): Promise<DueList> {
  const programmeIds = await listScope(db, principal, query.programmeId);
  const today = moroccanToday();
  const { items, total } = await listDueFollowUps(db, { scope: query.scope, today, programmeIds, consultantId: query.consultantId ?? null, limit: query.limit, offset: query.offset });
  return {
    today,
    total,
    items: items.map((row) => ({
      sessionId: row.sessionId,
      programmeId: row.programmeId,
      programmeName: localProgrammeName(row, principal.locale),
      cooperativeId: row.cooperativeId,
      cooperativeNameFr: row.cooperativeNameFr,
      cooperativeNameAr: row.cooperativeNameAr,
      provinceCode: row.provinceCode,
      kind: row.kind,
      channel: row.channel,
      startsAt: row.startsAt,
      plannedOn: moroccanDayOf(row.startsAt),
      daysLate: daysLate(row.startsAt, today),
      consultant: person(row.consultantId, row.consultantName),
    })),
  };
}

export async function listReported(db: Db, principal: Principal, filter: { programmeId?: string | undefined; consultantId?: string | undefined }): Promise<ToConfirmList> {
  const programmeIds = await listScope(db, principal, filter.programmeId);
  const { items, total } = await repo.listToConfirm(db, { programmeIds, consultantId: filter.consultantId ?? null, limit: 200 });
  return {
    total,
    items: items.map(({ reportedById, reportedByName, programmeNameAr, programmeNameEn, ...row }) => ({
      ...row,
      programmeName: localProgrammeName({ programmeName: row.programmeName, programmeNameAr, programmeNameEn }, principal.locale),
      reportedBy: person(reportedById, reportedByName),
    })),
  };
}

function dayBounds(today: string) {
  return { today, todayStartsAt: moroccanMidnight(today), tomorrowStartsAt: moroccanMidnight(addDays(today, 1)) };
}

export async function computeCompliance(db: Db, principal: Principal, filter: { programmeId?: string | undefined; consultantId?: string | undefined }): Promise<Compliance> {
  const programmeIds = await listScope(db, principal, filter.programmeId);
  const bounds = dayBounds(moroccanToday());
  const rows = await repo.complianceCounts(db, { ...bounds, programmeIds, consultantId: filter.consultantId ?? null });
  const group = (key: (row: (typeof rows)[number]) => string) => {
    const groups = new Map<string, ComplianceCounts[]>();
    for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
    return [...groups].map(([id, counts]) => ({ id, ...addCounts(counts) }));
  };
  const names = await repo.namesOf(db, {
    programmes: [...new Set(rows.map((row) => row.programmeId))],
    cooperatives: [],
    users: [...new Set(rows.map((row) => row.consultantId).filter((id): id is string => id !== null))],
  });
  const cooperatives = group((row) => `${row.programmeId}/${row.cooperativeId}`).map(({ id, ...counts }) => {
    const [programmeId, cooperativeId] = id.split('/') as [string, string];
    return { id: cooperativeId, programmeId, name: '', nameAr: null as string | null, ...withRate(counts) };
  });
  const worst = cooperatives.sort((a, b) => byWorstCompliance({ ...a, name: a.id }, { ...b, name: b.id })).slice(0, 100);
  const cooperativeNames = (await repo.namesOf(db, { programmes: [], cooperatives: worst.map((row) => row.id), users: [] })).cooperatives;
  return {
    today: bounds.today,
    total: withRate(addCounts(rows)),
    programmes: group((row) => row.programmeId)
      .map((row) => ({ ...withRate(row), name: names.programmes.get(row.id) ?? '' }))
      .sort(byWorstCompliance),
    consultants: group((row) => row.consultantId ?? '')
      .filter((row) => row.id !== '')
      .map((row) => ({ ...withRate(row), name: names.users.get(row.id) ?? '' }))
      .sort(byWorstCompliance),
    cooperatives: worst.map((row) => ({ ...row, name: cooperativeNames.get(row.id)?.nameFr ?? '', nameAr: cooperativeNames.get(row.id)?.nameAr ?? null })),
    cooperativeCount: cooperatives.length,
  };
}

export async function computeDrift(db: Db, principal: Principal, filter: { programmeId?: string | undefined; consultantId?: string | undefined }): Promise<Drift> {
  const programmeIds = await listScope(db, principal, filter.programmeId);
  const today = moroccanToday();
  const [rows, late] = await Promise.all([
    repo.driftCounts(db, { programmeIds, consultantId: filter.consultantId ?? null, today }),
    repo.listLateActions(db, { programmeIds, consultantId: filter.consultantId ?? null, today, limit: 100 }),
  ]);
  const byProgramme = new Map<string, DriftCounts[]>();
  for (const row of rows) byProgramme.set(row.programmeId, [...(byProgramme.get(row.programmeId) ?? []), row]);
  const worst = [...rows].sort((a, b) => b.slipped - a.slipped || b.late - a.late || b.driftSum - a.driftSum || a.cooperativeId.localeCompare(b.cooperativeId)).slice(0, 100);
  const names = await repo.namesOf(db, { programmes: [...byProgramme.keys()], cooperatives: worst.map((row) => row.cooperativeId), users: [] });
  return {
    today,
    total: summariseDrift(addDriftCounts(rows)),
    programmes: [...byProgramme].map(([id, counts]) => ({ id, name: names.programmes.get(id) ?? '', ...summariseDrift(addDriftCounts(counts)) })),
    cooperatives: worst.map(({ programmeId, cooperativeId, ...counts }) => ({
      id: cooperativeId,
      programmeId,
      name: names.cooperatives.get(cooperativeId)?.nameFr ?? '',
      nameAr: names.cooperatives.get(cooperativeId)?.nameAr ?? null,
      ...summariseDrift(counts),
    })),
    lateActions: late.map((row) => ({ ...row, driftDays: driftDays(row), daysLate: Math.max(0, daysBetween(row.dueOn, today)) })),
  };
}

/* ---------- Schedule from the cadence ---------- */

async function planSchedule(db: Db, programmeId: string, cadences: unknown) {
  const perMonth = cadencesSchema.parse(cadences ?? {}).remoteFollowUp?.perMonth ?? null;
  const [phases, enrolled, existing] = await Promise.all([repo.listPhases(db, programmeId), repo.listEnrolledForSchedule(db, programmeId), repo.listRemoteFollowUpStarts(db, programmeId)]);
  const scheduled = scheduleFollowUps({ phases, perMonth, cooperatives: enrolled.map((row) => ({ cooperativeId: row.cooperativeId, consultantId: row.consultantId })) });
  const missing = missingFollowUps(scheduled, existing.map((row) => ({ cooperativeId: row.cooperativeId, date: moroccanDayOf(row.startsAt) })));
  const dates = scheduled.map((item) => item.date);
  const hasPhase = phases.some((phase) => phase.kind === 'accompaniment' || phase.kind === 'follow_up');
  return {
    perMonth,
    enrolled,
    scheduled,
    missing,
    from: dates[0] ?? null,
    to: dates.at(-1) ?? null,
    blockedBy: perMonth === null ? ('no_cadence' as const) : !hasPhase ? ('no_phase' as const) : null,
  };
}

async function schedulableProgramme(db: Db, principal: Principal, programmeId: string, manage: boolean) {
  const programme = await repo.findProgrammeRef(db, programmeId);
  if (!programme || !(await isProgrammeVisible(db, principal, programmeId))) throw notFound();
  if (!(manage ? canScheduleFollowUps(principal, programmeId) : canSeeProgrammeFollowUps(principal, programmeId))) throw forbidden();
  return programme;
}

export async function previewSchedule(db: Db, principal: Principal, programmeId: string): Promise<SchedulePreview> {
  const programme = await schedulableProgramme(db, principal, programmeId, false);
  const plan = await planSchedule(db, programmeId, programme.cadences);
  const names = new Map(plan.enrolled.map((row) => [row.cooperativeId, row]));
  return {
    perMonth: plan.perMonth,
    from: plan.from,
    to: plan.to,
    cooperatives: plan.enrolled.length,
    planned: plan.scheduled.length,
    existing: plan.scheduled.length - plan.missing.length,
    missing: plan.missing.length,
    items: plan.missing.slice(0, 200).map((item) => ({
      cooperativeId: item.cooperativeId,
      consultantId: item.consultantId,
      date: item.date,
      time: item.time,
      round: item.round,
      cooperativeNameFr: names.get(item.cooperativeId)?.nameFr ?? null,
      cooperativeNameAr: names.get(item.cooperativeId)?.nameAr ?? null,
    })),
    blockedBy: plan.blockedBy,
  };
}

/** Creates the missing remote follow-ups, 30 minutes each, by phone, with the cooperative's consultant; titles in the requester's language. */
export async function createSchedule(db: Db, principal: Principal, programmeId: string, locale: Locale): Promise<{ created: number; existing: number }> {
  await schedulableProgramme(db, principal, programmeId, true);
  return db.transaction().execute(async (trx) => {
    await repo.lockProgrammeRow(trx, programmeId);
    const programme = (await repo.findProgrammeRef(trx, programmeId))!;
    const plan = await planSchedule(trx, programmeId, programme.cadences);
    const title = messages[locale].followUp.sessionTitle;
    const ids = await repo.insertFollowUpSessions(
      trx,
      plan.missing.map((item) => {
        const startsAt = fromMoroccanWallClock(item.date, item.time)!;
        return { programmeId, cooperativeId: item.cooperativeId, title, startsAt, endsAt: new Date(Date.parse(startsAt) + 30 * 60_000).toISOString(), facilitatorId: item.consultantId, createdBy: principal.userId };
      }),
    );
    if (ids.length > 0) {
      await recordAudit(trx, {
        actorId: principal.userId,
        action: 'create',
        entityType: 'follow_up_schedule',
        entityId: programmeId,
        after: { created: ids.length, perMonth: plan.perMonth, from: plan.missing[0]?.date ?? null, to: plan.missing.at(-1)?.date ?? null },
        context: { programmeId, source: 'cadence' },
      });
    }
    return { created: ids.length, existing: plan.scheduled.length - plan.missing.length };
  });
}
