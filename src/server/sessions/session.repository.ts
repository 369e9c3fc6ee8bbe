import { sql } from 'kysely';
import type { SessionListQuery, SessionReport } from '../../core/sessions/session.schema.js';
import type { Db } from '../db/database.js';

/** SQL of sessions: the rows, their cooperatives, attendance, attachments, evaluations and calendar feeds. */

export type ListScope = { kind: 'all' } | { kind: 'some'; programmeIds: string[]; cooperativeIds: string[] };

function summaries(db: Db) {
  return db
    .selectFrom('programmeSessions as s')
    .innerJoin('programmes as p', 'p.id', 's.programmeId')
    .leftJoin('users as f', 'f.id', 's.facilitatorId')
    .selectAll('s')
    .select([
      'p.code as programmeCode',
      'f.displayName as facilitatorName',
      sql<number>`(select count(*)::int from session_cooperatives sc where sc.session_id = s.id)`.as('cooperativeCount'),
    ]);
}
export type SessionSummaryRow = NonNullable<Awaited<ReturnType<ReturnType<typeof summaries>['executeTakeFirst']>>>;

export async function listSessions(db: Db, scope: ListScope, filters: SessionListQuery & { ids?: string[] }, limit = 2000) {
  let query = summaries(db);
  if (scope.kind === 'some') {
    const { programmeIds, cooperativeIds } = scope;
    if (programmeIds.length === 0 && cooperativeIds.length === 0) return [];
    query = query.where((eb) =>
      eb.or([
        ...(programmeIds.length > 0 ? [eb('s.programmeId', 'in', programmeIds)] : []),
        ...(cooperativeIds.length > 0
          ? [eb.exists(eb.selectFrom('sessionCooperatives as sc').select('sc.sessionId').whereRef('sc.sessionId', '=', 's.id').where('sc.cooperativeId', 'in', cooperativeIds))]
          : []),
      ]),
    );
  }
  if (filters.programmeId) query = query.where('s.programmeId', '=', filters.programmeId);
  if (filters.from) query = query.where('s.endsAt', '>=', filters.from);
  if (filters.to) query = query.where('s.startsAt', '<', filters.to);
  if (filters.facilitatorId) query = query.where('s.facilitatorId', '=', filters.facilitatorId);
  if (filters.provinceCode) query = query.where('s.provinceCode', '=', filters.provinceCode);
  if (filters.kind) query = query.where('s.kind', '=', filters.kind);
  if (filters.status) query = query.where('s.status', '=', filters.status);
  if (filters.ids) query = query.where('s.id', 'in', filters.ids.length > 0 ? filters.ids : ['00000000-0000-0000-0000-000000000000']);
  return query.orderBy('s.startsAt').orderBy('s.id').limit(limit).execute();
}

export async function findSessionSummary(db: Db, sessionId: string) {
  return summaries(db).where('s.id', '=', sessionId).executeTakeFirst();
}

export async function lockSession(db: Db, sessionId: string) {
  return db.selectFrom('programmeSessions').selectAll().where('id', '=', sessionId).forUpdate().executeTakeFirst();
}

export async function listSessionCooperativeIds(db: Db, sessionId: string): Promise<string[]> {
  return (await db.selectFrom('sessionCooperatives').select('cooperativeId').where('sessionId', '=', sessionId).execute()).map((row) => row.cooperativeId);
}

export async function listSessionCooperatives(db: Db, sessionId: string) {
  return db
    .selectFrom('sessionCooperatives as sc')
    .innerJoin('cooperatives as c', 'c.id', 'sc.cooperativeId')
    .select(['c.id', 'c.nameFr', 'c.nameAr', 'c.provinceCode'])
    .where('sc.sessionId', '=', sessionId)
    .orderBy('c.nameFr')
    .execute();
}

export async function findEnrolledCooperatives(db: Db, programmeId: string, cooperativeIds: string[]): Promise<string[]> {
  if (cooperativeIds.length === 0) return [];
  const rows = await db.selectFrom('enrolments').select('cooperativeId').where('programmeId', '=', programmeId).where('cooperativeId', 'in', cooperativeIds).execute();
  return rows.map((row) => row.cooperativeId);
}

export async function userExists(db: Db, userId: string): Promise<boolean> {
  return (await db.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst()) !== undefined;
}

export async function provinceExists(db: Db, code: string): Promise<boolean> {
  return (await db.selectFrom('provinces').select('code').where('code', '=', code).executeTakeFirst()) !== undefined;
}

export interface SessionWrite {
  programmeId: string;
  kind: 'training' | 'workshop' | 'coaching' | 'remote_follow_up';
  title: string;
  moduleCode: string | null;
  startsAt: string;
  endsAt: string;
  place: string | null;
  provinceCode: string | null;
  channel: 'phone' | 'video' | 'messaging' | 'visit' | 'in_person' | null;
  facilitatorId: string | null;
  dependsOnId: string | null;
}

export async function insertSession(db: Db, values: SessionWrite & { createdBy: string }) {
  return db.insertInto('programmeSessions').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updateSession(db: Db, sessionId: string, values: Partial<SessionWrite> & { status?: 'planned' | 'held' | 'cancelled' | 'postponed'; postponedToId?: string | null; report?: string | null }) {
  await db
    .updateTable('programmeSessions')
    .set({ ...values, updatedAt: sql<string>`now()`, version: sql<number>`version + 1` })
    .where('id', '=', sessionId)
    .execute();
}

export async function replaceSessionCooperatives(db: Db, sessionId: string, cooperativeIds: string[]) {
  await db.deleteFrom('sessionCooperatives').where('sessionId', '=', sessionId).execute();
  if (cooperativeIds.length > 0) await db.insertInto('sessionCooperatives').values(cooperativeIds.map((cooperativeId) => ({ sessionId, cooperativeId }))).execute();
}

export async function listAttendance(db: Db, sessionId: string) {
  return db.selectFrom('sessionAttendance').selectAll().where('sessionId', '=', sessionId).orderBy('cooperativeId').orderBy('fullName').execute();
}

export async function replaceAttendance(
  db: Db,
  sessionId: string,
  cooperativeIds: string[],
  rows: Array<{ cooperativeId: string; memberId: string | null; fullName: string; sex: 'female' | 'male' | null; ageGroup: string | null; present: boolean; confirmedByRepresentative: boolean }>,
) {
  if (cooperativeIds.length === 0) return;
  await db.deleteFrom('sessionAttendance').where('sessionId', '=', sessionId).where('cooperativeId', 'in', cooperativeIds).execute();
  if (rows.length > 0) await db.insertInto('sessionAttendance').values(rows.map((row) => ({ ...row, sessionId }))).execute();
}

export async function listMembersOf(db: Db, cooperativeIds: string[]) {
  if (cooperativeIds.length === 0) return [];
  return db
    .selectFrom('cooperativeMembers')
    .select(['id', 'cooperativeId', 'fullName', 'sex', 'ageGroup'])
    .where('cooperativeId', 'in', cooperativeIds)
    .orderBy('fullName')
    .execute();
}

export async function listAttachments(db: Db, sessionId: string) {
  return db.selectFrom('sessionAttachments').select(['id', 'fileName', 'contentType', 'size', 'uploadedAt']).where('sessionId', '=', sessionId).orderBy('uploadedAt').execute();
}

export async function insertAttachment(db: Db, values: { sessionId: string; fileName: string; contentType: string; content: Uint8Array; size: number; uploadedBy: string }) {
  return db.insertInto('sessionAttachments').values(values).returning(['id', 'fileName', 'contentType', 'size', 'uploadedAt']).executeTakeFirstOrThrow();
}

export async function findAttachment(db: Db, sessionId: string, attachmentId: string) {
  return db.selectFrom('sessionAttachments').selectAll().where('sessionId', '=', sessionId).where('id', '=', attachmentId).executeTakeFirst();
}

export async function deleteAttachment(db: Db, attachmentId: string) {
  await db.deleteFrom('sessionAttachments').where('id', '=', attachmentId).execute();
}

export async function listEvaluations(db: Db, sessionId: string) {
  return db
    .selectFrom('sessionEvaluations')
    .select(['id', 'cooperativeId', 'satisfaction', 'comment', 'quizBefore', 'quizAfter', 'createdAt'])
    .where('sessionId', '=', sessionId)
    .orderBy('createdAt')
    .execute();
}

export async function insertEvaluation(db: Db, values: { sessionId: string; cooperativeId: string | null; satisfaction: number; comment: string | null; quizBefore: number | null; quizAfter: number | null; createdBy: string }) {
  return db.insertInto('sessionEvaluations').values(values).returning(['id', 'cooperativeId', 'satisfaction', 'comment', 'quizBefore', 'quizAfter', 'createdAt']).executeTakeFirstOrThrow();
}

export async function insertFeed(db: Db, values: { token: string; userId: string | null; programmeId: string | null; createdBy: string }) {
  await db.insertInto('calendarFeeds').values(values).execute();
}

export async function findFeed(db: Db, token: string) {
  return db.selectFrom('calendarFeeds').selectAll().where('token', '=', token).executeTakeFirst();
}

export async function revokeFeed(db: Db, token: string) {
  await db.updateTable('calendarFeeds').set({ revokedAt: sql<string>`now()` }).where('token', '=', token).execute();
}

/** Sessions of a person's feed: those they facilitate. */
export async function listFacilitatedSessionIds(db: Db, userId: string): Promise<string[]> {
  return (await db.selectFrom('programmeSessions').select('id').where('facilitatorId', '=', userId).execute()).map((row) => row.id);
}

export type SessionReportJson = SessionReport;

/** Every session of a programme, locked, for a rescheduling plan applied as previewed. */
export async function lockProgrammeSessions(db: Db, programmeId: string) {
  return db
    .selectFrom('programmeSessions')
    .select(['id', 'title', 'startsAt', 'endsAt', 'dependsOnId', 'status', 'version'])
    .where('programmeId', '=', programmeId)
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function listProgrammeSessionsForPlan(db: Db, programmeId: string) {
  return db.selectFrom('programmeSessions').select(['id', 'title', 'startsAt', 'endsAt', 'dependsOnId', 'status', 'version']).where('programmeId', '=', programmeId).execute();
}
