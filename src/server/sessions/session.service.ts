import { randomBytes } from 'node:crypto';
import { programmeScope } from '../../core/access/policies.js';
import type { Principal } from '../../core/access/roles.js';
import { buildCalendar } from '../../core/sessions/ical.js';
import { planReschedule, type SchedulableSession } from '../../core/sessions/rescheduling.js';
import {
  attachmentContentTypes,
  attachmentMaxBytes,
  type AttendanceCounts,
  type CalendarFeed,
  type CreateSessionInput,
  type Evaluation,
  type ReschedulePlanView,
  type RescheduleInput,
  type ReschedulePreviewInput,
  type EvaluationInput,
  type SaveAttendanceInput,
  type SessionDetail,
  type SessionListQuery,
  type SessionReport,
  type SessionStatusChange,
  type SessionSummary,
  type UpdateSessionInput,
} from '../../core/sessions/session.schema.js';
import { canManageSessions, canReadSession, canRecordSession, canSeeAttendeeNames, canSubscribeToProgramme, representedCooperatives, type SessionPlace } from '../../core/sessions/sessions.policies.js';
import type { Issue } from '../../core/shared/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { AppError, forbidden, notFound, validationFailed } from '../http/errors.js';
import * as repo from './session.repository.js';

/**
 * Sessions: planning, status changes (held, cancelled, postponed to a new linked session), attendance, report,
 * attachments, evaluations, and the iCalendar feeds. A session the requester may not read is 404; a session they
 * read but may not change is 403. Every change is audited as entity type `session`.
 */

type Place = SessionPlace & { row: repo.SessionSummaryRow };

export function presentSummary(row: repo.SessionSummaryRow): SessionSummary {
  return {
    id: row.id,
    programmeId: row.programmeId,
    programmeCode: row.programmeCode,
    kind: row.kind,
    title: row.title,
    moduleCode: row.moduleCode,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    place: row.place,
    provinceCode: row.provinceCode,
    channel: row.channel,
    facilitator: row.facilitatorId && row.facilitatorName ? { id: row.facilitatorId, name: row.facilitatorName } : null,
    status: row.status,
    postponedToId: row.postponedToId,
    dependsOnId: row.dependsOnId,
    cooperativeCount: row.cooperativeCount,
    version: row.version,
  };
}

async function visibleSession(db: Db, principal: Principal, sessionId: string): Promise<Place> {
  const row = await repo.findSessionSummary(db, sessionId);
  if (!row) throw notFound();
  const place = { programmeId: row.programmeId, facilitatorId: row.facilitatorId, cooperativeIds: await repo.listSessionCooperativeIds(db, sessionId), row };
  if (!canReadSession(principal, place)) throw notFound();
  return place;
}

const staleVersion = (currentVersion: number) => new AppError('conflict', { reason: 'stale_version', currentVersion }, [{ path: ['version'], key: 'stale_version' }]);
const statusConflict = (status: string) => new AppError('conflict', { reason: 'status', status }, [{ path: ['status'], key: 'session_status_final', params: { status } }]);

async function checkReferences(db: Db, programmeId: string, input: { facilitatorId: string | null; provinceCode: string | null; cooperativeIds: string[]; dependsOnId: string | null }, selfId?: string) {
  const issues: Issue[] = [];
  if (input.facilitatorId && !(await repo.userExists(db, input.facilitatorId))) issues.push({ path: ['facilitatorId'], key: 'session_facilitator_unknown' });
  if (input.provinceCode && !(await repo.provinceExists(db, input.provinceCode))) issues.push({ path: ['provinceCode'], key: 'province_unknown' });
  const enrolled = new Set(await repo.findEnrolledCooperatives(db, programmeId, input.cooperativeIds));
  input.cooperativeIds.forEach((id, index) => {
    if (!enrolled.has(id)) issues.push({ path: ['cooperativeIds', index], key: 'session_cooperative_not_enrolled' });
  });
  if (input.dependsOnId) {
    const other = await repo.findSessionSummary(db, input.dependsOnId);
    if (!other || other.programmeId !== programmeId || other.id === selfId) issues.push({ path: ['dependsOnId'], key: 'session_dependency_invalid' });
  }
  if (issues.length > 0) throw validationFailed(issues);
}

/* ---------- List, create, read, update ---------- */

export async function listSessionsFor(db: Db, principal: Principal, query: SessionListQuery): Promise<SessionSummary[]> {
  const scope = programmeScope(principal);
  return (await repo.listSessions(db, scope, query)).map(presentSummary);
}

export async function createSession(db: Db, principal: Principal, input: CreateSessionInput): Promise<SessionSummary> {
  if (!canManageSessions(principal, input.programmeId)) throw forbidden();
  return db.transaction().execute(async (trx) => {
    await checkReferences(trx, input.programmeId, input);
    const { cooperativeIds, ...values } = input;
    const created = await repo.insertSession(trx, { ...values, createdBy: principal.userId });
    await repo.replaceSessionCooperatives(trx, created.id, cooperativeIds);
    await recordAudit(trx, { actorId: principal.userId, action: 'create', entityType: 'session', entityId: created.id, after: { ...input }, context: { programmeId: input.programmeId } });
    return presentSummary((await repo.findSessionSummary(trx, created.id))!);
  });
}

function countsOf(rows: readonly { present: boolean; sex: string | null; ageGroup: string | null }[]): AttendanceCounts {
  const present = rows.filter((row) => row.present);
  return {
    total: rows.length,
    present: present.length,
    presentWomen: present.filter((row) => row.sex === 'female').length,
    presentMen: present.filter((row) => row.sex === 'male').length,
    presentYoung: present.filter((row) => row.ageGroup === 'under_35').length,
  };
}

export async function getSession(db: Db, principal: Principal, sessionId: string): Promise<SessionDetail> {
  const place = await visibleSession(db, principal, sessionId);
  const [cooperatives, attendance, attachments, evaluations] = await Promise.all([
    repo.listSessionCooperatives(db, sessionId),
    repo.listAttendance(db, sessionId),
    repo.listAttachments(db, sessionId),
    repo.listEvaluations(db, sessionId),
  ]);
  const record = canRecordSession(principal, place);
  const represented = representedCooperatives(principal, place);
  const namesFor = (cooperativeId: string) => canSeeAttendeeNames(principal, place, cooperativeId);
  const seeNames = record || represented.length > 0;
  const visibleRows = attendance.filter((row) => namesFor(row.cooperativeId));
  const listed = new Set(attendance.map((row) => row.memberId).filter(Boolean));
  const suggestionCooperatives = place.cooperativeIds.filter(namesFor);
  const members = seeNames ? await repo.listMembersOf(db, suggestionCooperatives) : [];
  const average = (values: Array<number | null>) => {
    const present = values.filter((value): value is number => value !== null);
    return present.length > 0 ? Math.round((present.reduce((sum, value) => sum + value, 0) / present.length) * 100) / 100 : null;
  };
  return {
    ...presentSummary(place.row),
    cooperatives,
    attendance: seeNames
      ? visibleRows.map((row) => ({
          id: row.id,
          cooperativeId: row.cooperativeId,
          memberId: row.memberId,
          fullName: row.fullName,
          sex: row.sex,
          ageGroup: row.ageGroup as never,
          present: row.present,
          confirmedByRepresentative: row.confirmedByRepresentative,
        }))
      : null,
    memberSuggestions: seeNames
      ? members.filter((member) => !listed.has(member.id)).map((member) => ({ cooperativeId: member.cooperativeId, memberId: member.id, fullName: member.fullName, sex: member.sex as never, ageGroup: member.ageGroup as never }))
      : null,
    attendanceCounts: countsOf(attendance),
    report: place.row.report,
    attachments,
    evaluationSummary: {
      count: evaluations.length,
      averageSatisfaction: average(evaluations.map((row) => row.satisfaction)),
      averageQuizBefore: average(evaluations.map((row) => row.quizBefore)),
      averageQuizAfter: average(evaluations.map((row) => row.quizAfter)),
    },
    permissions: { edit: canManageSessions(principal, place.programmeId), record, confirmAttendance: record || represented.length > 0, seeNames },
  };
}

async function lockedForChange(trx: Db, sessionId: string, version: number) {
  const locked = await repo.lockSession(trx, sessionId);
  if (!locked) throw notFound();
  if (locked.version !== version) throw staleVersion(locked.version);
  return locked;
}

export async function updateSessionFor(db: Db, principal: Principal, sessionId: string, input: UpdateSessionInput): Promise<SessionSummary> {
  const place = await visibleSession(db, principal, sessionId);
  if (!canManageSessions(principal, place.programmeId)) throw forbidden();
  return db.transaction().execute(async (trx) => {
    const before = await lockedForChange(trx, sessionId, input.version);
    await checkReferences(trx, place.programmeId, input, sessionId);
    const { cooperativeIds, version: _version, ...values } = input;
    await repo.updateSession(trx, sessionId, values);
    await repo.replaceSessionCooperatives(trx, sessionId, cooperativeIds);
    await recordAudit(trx, { actorId: principal.userId, action: 'update', entityType: 'session', entityId: sessionId, before: { ...before, cooperativeIds: place.cooperativeIds }, after: { ...input }, context: { programmeId: place.programmeId } });
    return presentSummary((await repo.findSessionSummary(trx, sessionId))!);
  });
}

/** Held or cancelled; postponed creates the session at its new date, linked by postponed_to_id. */
export async function changeStatus(db: Db, principal: Principal, sessionId: string, change: SessionStatusChange): Promise<SessionSummary> {
  const place = await visibleSession(db, principal, sessionId);
  if (!canManageSessions(principal, place.programmeId) && !(change.status === 'held' && canRecordSession(principal, place))) throw forbidden();
  return db.transaction().execute(async (trx) => {
    const before = await lockedForChange(trx, sessionId, change.version);
    if (before.status !== 'planned' && !(before.status === 'held' && change.status === 'held')) throw statusConflict(before.status);
    let postponedToId: string | null = null;
    if (change.status === 'postponed') {
      const created = await repo.insertSession(trx, {
        programmeId: before.programmeId,
        kind: before.kind,
        title: before.title,
        moduleCode: before.moduleCode,
        startsAt: change.startsAt,
        endsAt: change.endsAt,
        place: before.place,
        provinceCode: before.provinceCode,
        channel: before.channel,
        facilitatorId: before.facilitatorId,
        dependsOnId: before.dependsOnId,
        createdBy: principal.userId,
      });
      await repo.replaceSessionCooperatives(trx, created.id, place.cooperativeIds);
      postponedToId = created.id;
      await recordAudit(trx, { actorId: principal.userId, action: 'create', entityType: 'session', entityId: created.id, after: { postponedFromId: sessionId, startsAt: change.startsAt, endsAt: change.endsAt }, context: { programmeId: place.programmeId } });
    }
    await repo.updateSession(trx, sessionId, { status: change.status, ...(postponedToId ? { postponedToId } : {}) });
    await recordAudit(trx, {
      actorId: principal.userId,
      action: 'update',
      entityType: 'session',
      entityId: sessionId,
      before: { status: before.status },
      after: { ...change, postponedToId },
      context: { programmeId: place.programmeId },
    });
    return presentSummary((await repo.findSessionSummary(trx, sessionId))!);
  });
}

/* ---------- Rescheduling ---------- */

type PlanRow = Awaited<ReturnType<typeof repo.listProgrammeSessionsForPlan>>[number];

function planView(rows: readonly PlanRow[], sessionId: string, input: ReschedulePreviewInput): ReschedulePlanView {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const sessions: SchedulableSession[] = rows.map((row) => ({ id: row.id, startsAt: row.startsAt, endsAt: row.endsAt, dependsOnId: row.dependsOnId, status: row.status }));
  const plan = planReschedule(sessions, { sessionId, startsAt: input.startsAt, endsAt: input.endsAt, shiftDependents: input.shiftDependents });
  const dependents = new Set<string>();
  const walk = (id: string) => rows.filter((row) => row.dependsOnId === id && row.id !== sessionId && !dependents.has(row.id)).forEach((row) => (dependents.add(row.id), walk(row.id)));
  walk(sessionId);
  return {
    shifts: plan.shifts.map((shift) => ({ ...shift, title: byId.get(shift.sessionId)!.title, version: byId.get(shift.sessionId)!.version })),
    conflicts: plan.conflicts.map((conflict) => ({ ...conflict, title: byId.get(conflict.sessionId)!.title, startsAt: byId.get(conflict.sessionId)!.startsAt })),
    dependentCount: dependents.size,
  };
}

async function movableSession(db: Db, principal: Principal, sessionId: string): Promise<Place> {
  const place = await visibleSession(db, principal, sessionId);
  if (!canManageSessions(principal, place.programmeId)) throw forbidden();
  return place;
}

/** What moving the session would move, changing nothing. */
export async function previewReschedule(db: Db, principal: Principal, sessionId: string, input: ReschedulePreviewInput): Promise<ReschedulePlanView> {
  const place = await movableSession(db, principal, sessionId);
  if (place.row.status !== 'planned') throw statusConflict(place.row.status);
  return planView(await repo.listProgrammeSessionsForPlan(db, place.programmeId), sessionId, input);
}

/**
 * Moves the session and the dependents the plan moves, all at once. The request names the version of every session
 * it expects to move (as previewed): if the plan now moves another set, or any of them changed, nothing moves (409).
 */
export async function reschedule(db: Db, principal: Principal, sessionId: string, input: RescheduleInput): Promise<ReschedulePlanView> {
  const place = await movableSession(db, principal, sessionId);
  return db.transaction().execute(async (trx) => {
    const rows = await repo.lockProgrammeSessions(trx, place.programmeId);
    const self = rows.find((row) => row.id === sessionId);
    if (!self) throw notFound();
    if (self.status !== 'planned') throw statusConflict(self.status);
    const view = planView(rows, sessionId, input);
    const expected = Object.keys(input.versions).sort();
    const moving = view.shifts.map((shift) => shift.sessionId).sort();
    const stale = view.shifts.filter((shift) => input.versions[shift.sessionId] !== shift.version);
    if (expected.join() !== moving.join() || stale.length > 0) {
      throw new AppError('conflict', { reason: 'stale_preview', plan: view }, [{ path: ['versions'], key: 'session_reschedule_stale' }]);
    }
    for (const shift of view.shifts) {
      await repo.updateSession(trx, shift.sessionId, { startsAt: shift.newStartsAt, endsAt: shift.newEndsAt });
      await recordAudit(trx, {
        actorId: principal.userId,
        action: 'update',
        entityType: 'session',
        entityId: shift.sessionId,
        before: { startsAt: shift.oldStartsAt, endsAt: shift.oldEndsAt },
        after: { startsAt: shift.newStartsAt, endsAt: shift.newEndsAt },
        context: { programmeId: place.programmeId, part: 'reschedule', movedSessionId: sessionId, shiftDependents: input.shiftDependents },
      });
    }
    return { ...view, shifts: view.shifts.map((shift) => ({ ...shift, version: shift.version + 1 })) };
  });
}

/* ---------- Attendance, report ---------- */

/**
 * The whole list at once. The team and facilitator replace every row; a representative replaces only their own
 * cooperative's rows (their rows are marked as confirmed by them).
 */
export async function saveAttendance(db: Db, principal: Principal, sessionId: string, input: SaveAttendanceInput): Promise<SessionDetail> {
  const place = await visibleSession(db, principal, sessionId);
  const record = canRecordSession(principal, place);
  const allowed = record ? place.cooperativeIds : representedCooperatives(principal, place);
  if (allowed.length === 0) throw forbidden();
  const issues: Issue[] = [];
  input.rows.forEach((row, index) => {
    if (!allowed.includes(row.cooperativeId)) issues.push({ path: ['rows', index, 'cooperativeId'], key: 'session_cooperative_not_participating' });
  });
  if (issues.length > 0) throw validationFailed(issues);
  await db.transaction().execute(async (trx) => {
    const session = await repo.lockSession(trx, sessionId);
    if (!session) throw notFound();
    const members = new Map((await repo.listMembersOf(trx, allowed)).map((member) => [member.id, member]));
    input.rows.forEach((row, index) => {
      if (row.memberId && members.get(row.memberId)?.cooperativeId !== row.cooperativeId) issues.push({ path: ['rows', index, 'memberId'], key: 'session_member_unknown' });
    });
    if (issues.length > 0) throw validationFailed(issues);
    const before = (await repo.listAttendance(trx, sessionId)).filter((row) => allowed.includes(row.cooperativeId));
    await repo.replaceAttendance(trx, sessionId, allowed, input.rows.map((row) => ({ ...row, confirmedByRepresentative: !record })));
    await recordAudit(trx, {
      actorId: principal.userId,
      action: 'update',
      entityType: 'session',
      entityId: sessionId,
      before: { attendance: countsOf(before) },
      after: { attendance: countsOf(input.rows) },
      context: { programmeId: place.programmeId, part: 'attendance' },
    });
  });
  return getSession(db, principal, sessionId);
}

export async function saveReport(db: Db, principal: Principal, sessionId: string, input: SessionReport & { version: number }): Promise<SessionDetail> {
  const place = await visibleSession(db, principal, sessionId);
  if (!canRecordSession(principal, place)) throw forbidden();
  await db.transaction().execute(async (trx) => {
    const before = await lockedForChange(trx, sessionId, input.version);
    const report = { done: input.done, decisions: input.decisions, nextSteps: input.nextSteps };
    await repo.updateSession(trx, sessionId, { report: JSON.stringify(report) });
    await recordAudit(trx, { actorId: principal.userId, action: 'update', entityType: 'session', entityId: sessionId, before: { report: before.report }, after: { report }, context: { programmeId: place.programmeId, part: 'report' } });
  });
  return getSession(db, principal, sessionId);
}

/* ---------- Attachments ---------- */

export async function addAttachment(db: Db, principal: Principal, sessionId: string, file: { fileName: string; contentType: string; content: Buffer; truncated: boolean }) {
  const place = await visibleSession(db, principal, sessionId);
  if (!canRecordSession(principal, place)) throw forbidden();
  if (!(attachmentContentTypes as readonly string[]).includes(file.contentType)) throw validationFailed([{ path: ['file'], key: 'attachment_type', params: { contentType: file.contentType } }]);
  if (file.truncated || file.content.length > attachmentMaxBytes) throw validationFailed([{ path: ['file'], key: 'attachment_too_large', params: { maximum: attachmentMaxBytes } }]);
  if (file.content.length === 0) throw validationFailed([{ path: ['file'], key: 'attachment_empty' }]);
  return db.transaction().execute(async (trx) => {
    const created = await repo.insertAttachment(trx, { sessionId, fileName: file.fileName.slice(0, 200), contentType: file.contentType, content: file.content, size: file.content.length, uploadedBy: principal.userId });
    await recordAudit(trx, { actorId: principal.userId, action: 'update', entityType: 'session', entityId: sessionId, after: { attachment: { id: created.id, fileName: created.fileName, size: created.size } }, context: { programmeId: place.programmeId, part: 'attachments' } });
    return created;
  });
}

export async function getAttachment(db: Db, principal: Principal, sessionId: string, attachmentId: string) {
  const place = await visibleSession(db, principal, sessionId);
  // A scanned attendance sheet carries names: only those who see names get the files.
  if (!canRecordSession(principal, place) && representedCooperatives(principal, place).length === 0) throw forbidden();
  const attachment = await repo.findAttachment(db, sessionId, attachmentId);
  if (!attachment) throw notFound();
  return attachment;
}

export async function removeAttachment(db: Db, principal: Principal, sessionId: string, attachmentId: string): Promise<void> {
  const place = await visibleSession(db, principal, sessionId);
  if (!canRecordSession(principal, place)) throw forbidden();
  await db.transaction().execute(async (trx) => {
    const attachment = await repo.findAttachment(trx, sessionId, attachmentId);
    if (!attachment) throw notFound();
    await repo.deleteAttachment(trx, attachmentId);
    await recordAudit(trx, { actorId: principal.userId, action: 'update', entityType: 'session', entityId: sessionId, before: { attachment: { id: attachment.id, fileName: attachment.fileName } }, context: { programmeId: place.programmeId, part: 'attachments' } });
  });
}

/* ---------- Evaluations ---------- */

export async function addEvaluation(db: Db, principal: Principal, sessionId: string, input: EvaluationInput): Promise<Evaluation> {
  const place = await visibleSession(db, principal, sessionId);
  if (!canRecordSession(principal, place)) throw forbidden();
  if (input.cooperativeId && !place.cooperativeIds.includes(input.cooperativeId)) throw validationFailed([{ path: ['cooperativeId'], key: 'session_cooperative_not_participating' }]);
  return db.transaction().execute(async (trx) => {
    const created = await repo.insertEvaluation(trx, { sessionId, ...input, createdBy: principal.userId });
    await recordAudit(trx, { actorId: principal.userId, action: 'update', entityType: 'session', entityId: sessionId, after: { evaluation: { ...input } }, context: { programmeId: place.programmeId, part: 'evaluations' } });
    return created;
  });
}

export async function listEvaluationsFor(db: Db, principal: Principal, sessionId: string): Promise<Evaluation[]> {
  await visibleSession(db, principal, sessionId);
  return repo.listEvaluations(db, sessionId);
}

/* ---------- Calendar feeds ---------- */

export async function createFeed(db: Db, principal: Principal, programmeId: string | null, baseUrl: string): Promise<CalendarFeed> {
  if (programmeId && !canSubscribeToProgramme(principal, programmeId)) throw forbidden();
  const token = randomBytes(24).toString('base64url');
  const userId = programmeId ? null : principal.userId;
  await db.transaction().execute(async (trx) => {
    await repo.insertFeed(trx, { token, userId, programmeId, createdBy: principal.userId });
    await recordAudit(trx, { actorId: principal.userId, action: 'grant', entityType: 'session', entityId: programmeId ?? principal.userId, after: { calendarFeed: { userId, programmeId } } });
  });
  return { token, url: `${baseUrl}/api/calendar/${token}.ics`, programmeId, userId };
}

export async function revokeFeedFor(db: Db, principal: Principal, token: string): Promise<void> {
  const feed = await repo.findFeed(db, token);
  if (!feed || feed.revokedAt) throw notFound();
  if (feed.createdBy !== principal.userId && !principal.grants.some((grant) => grant.role === 'admin')) throw notFound();
  await db.transaction().execute(async (trx) => {
    await repo.revokeFeed(trx, token);
    await recordAudit(trx, { actorId: principal.userId, action: 'revoke', entityType: 'session', entityId: feed.programmeId ?? feed.userId ?? token.slice(0, 8), before: { calendarFeed: { userId: feed.userId, programmeId: feed.programmeId } } });
  });
}

/** The public feed: no signed-in person; the token is the key. Unknown or revoked tokens are 404. */
export async function renderFeed(db: Db, token: string): Promise<string> {
  const feed = await repo.findFeed(db, token);
  if (!feed || feed.revokedAt) throw notFound();
  const rows = feed.programmeId
    ? await repo.listSessions(db, { kind: 'all' }, { programmeId: feed.programmeId })
    : await repo.listSessions(db, { kind: 'all' }, { ids: await repo.listFacilitatedSessionIds(db, feed.userId!) });
  return buildCalendar(
    'Taawon — sessions',
    rows.map((row) => ({ ...row, facilitatorName: row.facilitatorName ?? null })),
  );
}
