import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { ActionStatus, FollowUpChannel } from '../../core/follow-up/follow-up.schema.js';
import type { Db } from '../db/database.js';

/** SQL of follow-ups: the cooperative's actions and indicators, the records and their updates, the lists and aggregates. */

const followUpKinds = ['remote_follow_up', 'coaching'] as const;

export async function findProgrammeRef(db: Db, programmeId: string) {
  return db.selectFrom('programmes').select(['id', 'code', 'nameFr', 'cadences']).where('id', '=', programmeId).executeTakeFirst();
}

export async function findEnrolledCooperative(db: Db, programmeId: string, cooperativeId: string) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('cooperatives as c', 'c.id', 'e.cooperativeId')
    .select(['c.id', 'c.nameFr', 'c.nameAr', 'e.status', 'e.consultantId'])
    .where('e.programmeId', '=', programmeId)
    .where('e.cooperativeId', '=', cooperativeId)
    .executeTakeFirst();
}

/** The cooperative's action plan in the programme: its actions in order, each with its indicators and their latest value. */
export async function findPlanWithActions(db: Db, programmeId: string, cooperativeId: string) {
  const plan = await db.selectFrom('actionPlans').select(['id', 'status']).where('programmeId', '=', programmeId).where('cooperativeId', '=', cooperativeId).executeTakeFirst();
  if (!plan) return { plan: null, actions: [] };
  const actions = await db
    .selectFrom('planActions as a')
    .select((eb) => [
      'a.id',
      'a.title',
      'a.status',
      'a.progress',
      'a.startsOn',
      'a.dueOn',
      'a.agreedDueOn',
      'a.doneOn',
      jsonArrayFrom(
        eb
          .selectFrom('actionIndicators as i')
          .select((inner) => [
            'i.id',
            'i.kind',
            'i.label',
            'i.unit',
            sql<number | null>`i.baseline::float8`.as('baseline'),
            sql<number>`i.target::float8`.as('target'),
            'i.targetDate',
            inner
              .selectFrom('indicatorMeasurements as m')
              .select(sql<string>`json_build_object('value', m.value::float8, 'measuredOn', m.measured_on)`.as('latest'))
              .whereRef('m.indicatorId', '=', 'i.id')
              .orderBy('m.measuredOn', 'desc')
              .orderBy('m.createdAt', 'desc')
              .limit(1)
              .as('latest'),
          ])
          .whereRef('i.actionId', '=', 'a.id')
          .orderBy('i.position')
          .orderBy('i.createdAt'),
      ).as('indicators'),
    ])
    .where('a.actionPlanId', '=', plan.id)
    .orderBy('a.position')
    .orderBy('a.startsOn')
    .execute();
  return { plan, actions };
}

/** Planned follow-up sessions of the cooperative no follow-up holds yet, earliest first. */
export async function listOpenSessionsOf(db: Db, programmeId: string, cooperativeId: string, limit = 20) {
  return db
    .selectFrom('programmeSessions as s')
    .innerJoin('sessionCooperatives as sc', 'sc.sessionId', 's.id')
    .select(['s.id', 's.kind', 's.startsAt', 's.channel', 's.title'])
    .where('s.programmeId', '=', programmeId)
    .where('sc.cooperativeId', '=', cooperativeId)
    .where('s.kind', 'in', [...followUpKinds])
    .where('s.status', '=', 'planned')
    .where((eb) => eb.not(eb.exists(eb.selectFrom('followUps as f').select(sql`1`.as('one')).whereRef('f.sessionId', '=', 's.id'))))
    .orderBy('s.startsAt')
    .limit(limit)
    .execute() as Promise<Array<{ id: string; kind: (typeof followUpKinds)[number]; startsAt: string; channel: string | null; title: string }>>;
}

export async function listTeam(db: Db, programmeId: string) {
  return db
    .selectFrom('programmeTeam as t')
    .innerJoin('users as u', 'u.id', 't.userId')
    .select(['u.id', 'u.displayName as name'])
    .distinct()
    .where('t.programmeId', '=', programmeId)
    .where('u.isActive', '=', true)
    .orderBy('u.displayName')
    .execute();
}

export async function isTeamMember(db: Db, programmeId: string, userId: string): Promise<boolean> {
  return (await db.selectFrom('programmeTeam').select('userId').where('programmeId', '=', programmeId).where('userId', '=', userId).executeTakeFirst()) !== undefined;
}

/** The session a follow-up would hold, with whether the cooperative takes part and whether a follow-up already holds it. */
export async function findSessionForFollowUp(db: Db, sessionId: string, cooperativeId: string) {
  return db
    .selectFrom('programmeSessions as s')
    .select((eb) => [
      's.id',
      's.programmeId',
      's.kind',
      's.status',
      's.report',
      eb.exists(eb.selectFrom('sessionCooperatives as sc').select(sql`1`.as('one')).whereRef('sc.sessionId', '=', 's.id').where('sc.cooperativeId', '=', cooperativeId)).as('includesCooperative'),
      eb.selectFrom('followUps as f').select('f.id').whereRef('f.sessionId', '=', 's.id').limit(1).as('heldBy'),
    ])
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

export interface FollowUpWrite {
  programmeId: string;
  cooperativeId: string;
  sessionId: string | null;
  heldOn: string;
  channel: FollowUpChannel;
  conductedBy: string | null;
  reportedBy: string;
  reportedByRole: 'consultant' | 'representative';
  status: 'reported' | 'confirmed';
  confirmedBy: string | null;
  summary: string | null;
}

export async function insertFollowUp(db: Db, values: FollowUpWrite) {
  return db
    .insertInto('followUps')
    .values({ ...values, confirmedAt: values.status === 'confirmed' ? sql<string>`now()` : null })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

export async function lockFollowUp(db: Db, followUpId: string) {
  return db.selectFrom('followUps').selectAll().where('id', '=', followUpId).forUpdate().executeTakeFirst();
}

export async function confirmFollowUpRow(db: Db, followUpId: string, values: { heldOn: string; channel: FollowUpChannel; conductedBy: string | null; summary: string | null; confirmedBy: string }) {
  await db
    .updateTable('followUps')
    .set({ ...values, status: 'confirmed', confirmedAt: sql<string>`now()`, updatedAt: sql<string>`now()`, version: sql<number>`version + 1` })
    .where('id', '=', followUpId)
    .execute();
}

export interface ActionUpdateWrite {
  actionId: string;
  status: ActionStatus;
  progress: number;
  blockers: string | null;
  supportRequested: string | null;
  nextSteps: string | null;
}

export async function replaceActionUpdates(db: Db, followUpId: string, updates: readonly ActionUpdateWrite[]) {
  await db.deleteFrom('followUpActionUpdates').where('followUpId', '=', followUpId).execute();
  if (updates.length > 0) await db.insertInto('followUpActionUpdates').values(updates.map((update) => ({ ...update, followUpId }))).execute();
}

export async function replaceMeasurements(db: Db, followUpId: string, measuredOn: string, recordedBy: string, values: ReadonlyArray<{ indicatorId: string; value: number }>) {
  await db.deleteFrom('indicatorMeasurements').where('followUpId', '=', followUpId).execute();
  if (values.length > 0) {
    await db
      .insertInto('indicatorMeasurements')
      .values(values.map((value) => ({ indicatorId: value.indicatorId, value: value.value, measuredOn, followUpId, recordedBy })))
      .execute();
  }
}

/** The plan's actions among `actionIds`, locked for the update, with the day of the latest other confirmed follow-up applied to each. */
export async function lockActionsOfPlan(db: Db, actionPlanId: string, actionIds: readonly string[], exceptFollowUpId: string | null) {
  if (actionIds.length === 0) return [];
  return db
    .selectFrom('planActions as a')
    .select((eb) => [
      'a.id',
      'a.status',
      'a.progress',
      'a.doneOn',
      eb
        .selectFrom('followUpActionUpdates as u')
        .innerJoin('followUps as f', 'f.id', 'u.followUpId')
        .select((inner) => inner.fn.max('f.heldOn').as('heldOn'))
        .whereRef('u.actionId', '=', 'a.id')
        .where('f.status', '=', 'confirmed')
        .$if(exceptFollowUpId !== null, (query) => query.where('f.id', '<>', exceptFollowUpId!))
        .as('latestAppliedHeldOn'),
    ])
    .where('a.actionPlanId', '=', actionPlanId)
    .where('a.id', 'in', [...actionIds])
    .forUpdate()
    .execute();
}

export async function updateActionState(db: Db, actionId: string, values: { status: ActionStatus; progress: number; doneOn: string | null }) {
  await db
    .updateTable('planActions')
    .set({ ...values, updatedAt: sql<string>`now()`, version: sql<number>`version + 1` })
    .where('id', '=', actionId)
    .execute();
  // The plan changed: an acceptance or an edit made against the revision read before this follow-up must be refused.
  await db
    .updateTable('actionPlans')
    .set({ revision: sql<number>`revision + 1`, updatedAt: sql<string>`now()` })
    .where('id', '=', (eb) => eb.selectFrom('planActions').select('actionPlanId').where('id', '=', actionId))
    .execute();
}

/** Indicator ids among `indicatorIds` that belong to the plan's actions. */
export async function indicatorsOfPlan(db: Db, actionPlanId: string, indicatorIds: readonly string[]): Promise<Set<string>> {
  if (indicatorIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('actionIndicators as i')
    .innerJoin('planActions as a', 'a.id', 'i.actionId')
    .select('i.id')
    .where('a.actionPlanId', '=', actionPlanId)
    .where('i.id', 'in', [...indicatorIds])
    .execute();
  return new Set(rows.map((row) => row.id));
}

/** Marks the held session held (and gives it a report when it had none), keeping its version history. */
export async function markSessionHeld(db: Db, sessionId: string, report: { done: string; decisions: string; nextSteps: string }) {
  await db
    .updateTable('programmeSessions')
    .set({ status: 'held', report: sql<string>`coalesce(report, ${JSON.stringify(report)}::jsonb)`, updatedAt: sql<string>`now()`, version: sql<number>`version + 1` })
    .where('id', '=', sessionId)
    .where('status', '=', 'planned')
    .execute();
}

function followUpSummaries(db: Db) {
  return db
    .selectFrom('followUps as f')
    .leftJoin('users as cu', 'cu.id', 'f.conductedBy')
    .select([
      'f.id',
      'f.programmeId',
      'f.cooperativeId',
      'f.sessionId',
      'f.heldOn',
      'f.channel',
      'f.status',
      'f.reportedByRole',
      'f.summary',
      'f.version',
      'f.createdAt',
      'cu.id as conductedById',
      'cu.displayName as conductedByName',
      sql<number>`(select count(*)::int from follow_up_action_updates u where u.follow_up_id = f.id)`.as('actionCount'),
      sql<number>`(select count(*)::int from indicator_measurements m where m.follow_up_id = f.id)`.as('measurementCount'),
    ]);
}
export type FollowUpSummaryRow = NonNullable<Awaited<ReturnType<ReturnType<typeof followUpSummaries>['executeTakeFirst']>>>;

export async function listFollowUpsOf(db: Db, programmeId: string, cooperativeId: string, limit = 200) {
  return followUpSummaries(db).where('f.programmeId', '=', programmeId).where('f.cooperativeId', '=', cooperativeId).orderBy('f.heldOn', 'desc').orderBy('f.createdAt', 'desc').limit(limit).execute();
}

export async function findFollowUp(db: Db, followUpId: string) {
  return followUpSummaries(db)
    .innerJoin('programmes as p', 'p.id', 'f.programmeId')
    .innerJoin('cooperatives as c', 'c.id', 'f.cooperativeId')
    .leftJoin('users as ru', 'ru.id', 'f.reportedBy')
    .leftJoin('users as fu', 'fu.id', 'f.confirmedBy')
    .select([
      'p.code as programmeCode',
      'p.nameFr as programmeName',
        'p.nameAr as programmeNameAr',
        'p.nameEn as programmeNameEn',
      'c.nameFr as cooperativeNameFr',
      'c.nameAr as cooperativeNameAr',
      'ru.id as reportedById',
      'ru.displayName as reportedByName',
      'fu.id as confirmedById',
      'fu.displayName as confirmedByName',
      'f.confirmedAt',
    ])
    .where('f.id', '=', followUpId)
    .executeTakeFirst();
}

export async function listActionUpdates(db: Db, followUpId: string) {
  return db
    .selectFrom('followUpActionUpdates as u')
    .innerJoin('planActions as a', 'a.id', 'u.actionId')
    .select(['u.actionId', 'a.title', 'u.status', 'u.progress', 'u.blockers', 'u.supportRequested', 'u.nextSteps'])
    .where('u.followUpId', '=', followUpId)
    .orderBy('a.position')
    .orderBy('a.startsOn')
    .execute();
}

export async function listMeasurementsOf(db: Db, followUpId: string) {
  return db
    .selectFrom('indicatorMeasurements as m')
    .innerJoin('actionIndicators as i', 'i.id', 'm.indicatorId')
    .select(['m.indicatorId', 'i.actionId', 'i.label', 'i.unit', sql<number>`m.value::float8`.as('value')])
    .where('m.followUpId', '=', followUpId)
    .orderBy('i.position')
    .execute();
}

/** Follow-ups reported by representatives and not confirmed yet, oldest first. */
export async function listToConfirm(db: Db, filter: { programmeIds: string[] | null; consultantId: string | null; limit: number }) {
  let query = db
    .selectFrom('followUps as f')
    .innerJoin('programmes as p', 'p.id', 'f.programmeId')
    .innerJoin('cooperatives as c', 'c.id', 'f.cooperativeId')
    .leftJoin('users as ru', 'ru.id', 'f.reportedBy')
    .leftJoin('enrolments as e', (join) => join.onRef('e.programmeId', '=', 'f.programmeId').onRef('e.cooperativeId', '=', 'f.cooperativeId'))
    .where('f.status', '=', 'reported');
  if (filter.programmeIds) query = filter.programmeIds.length === 0 ? query.where(sql<boolean>`false`) : query.where('f.programmeId', 'in', filter.programmeIds);
  if (filter.consultantId) query = query.where('e.consultantId', '=', filter.consultantId);
  const [items, total] = await Promise.all([
    query
      .select([
        'f.id',
        'f.programmeId',
        'p.nameFr as programmeName',
        'p.nameAr as programmeNameAr',
        'p.nameEn as programmeNameEn',
        'f.cooperativeId',
        'c.nameFr as cooperativeNameFr',
        'c.nameAr as cooperativeNameAr',
        'f.heldOn',
        'f.channel',
        'ru.id as reportedById',
        'ru.displayName as reportedByName',
        'f.createdAt',
        sql<number>`(select count(*)::int from follow_up_action_updates u where u.follow_up_id = f.id)`.as('actionCount'),
      ])
      .orderBy('f.createdAt')
      .orderBy('f.id')
      .limit(filter.limit)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.count) };
}

export interface ComplianceFilter {
  programmeIds: string[] | null;
  consultantId: string | null;
  /** Midnight (instant) starting today and tomorrow in Morocco. */
  todayStartsAt: string;
  tomorrowStartsAt: string;
  today: string;
}

/**
 * Follow-ups due on or before today, held and late, and follow-ups held without a planned session, counted per
 * programme, cooperative and consultant (the session's facilitator, else the cooperative's consultant) in one pass.
 */
export async function complianceCounts(db: Db, filter: ComplianceFilter) {
  if (filter.programmeIds && filter.programmeIds.length === 0) return [];
  const programmes = filter.programmeIds ? sql`and s.programme_id in (${sql.join(filter.programmeIds)})` : sql``;
  const unplannedProgrammes = filter.programmeIds ? sql`and f.programme_id in (${sql.join(filter.programmeIds)})` : sql``;
  const consultant = filter.consultantId ? sql`where consultant_id = ${filter.consultantId}` : sql``;
  const result = await sql<{ programmeId: string; cooperativeId: string; consultantId: string | null; planned: number; held: number; late: number; unplanned: number }>`
    with due as (
      select s.programme_id, sc.cooperative_id, coalesce(s.facilitator_id, e.consultant_id) as consultant_id,
             (s.status = 'held' or f.status = 'confirmed') as held,
             (s.status = 'planned' and f.id is null and s.starts_at < ${filter.todayStartsAt}) as late,
             false as unplanned
        from programme_sessions s
        join session_cooperatives sc on sc.session_id = s.id
        left join enrolments e on e.programme_id = s.programme_id and e.cooperative_id = sc.cooperative_id
        left join follow_ups f on f.session_id = s.id
       where s.kind in ('remote_follow_up', 'coaching') and s.status in ('planned', 'held')
         and s.starts_at < ${filter.tomorrowStartsAt} ${programmes}
      union all
      select f.programme_id, f.cooperative_id, coalesce(f.conducted_by, e.consultant_id), true, false, true
        from follow_ups f
        left join enrolments e on e.programme_id = f.programme_id and e.cooperative_id = f.cooperative_id
       where f.session_id is null and f.status = 'confirmed' and f.held_on <= ${filter.today} ${unplannedProgrammes}
    )
    select programme_id, cooperative_id, consultant_id,
           (count(*) filter (where not unplanned))::int as planned,
           (count(*) filter (where held and not unplanned))::int as held,
           (count(*) filter (where late))::int as late,
           (count(*) filter (where unplanned))::int as unplanned
      from due ${consultant}
     group by programme_id, cooperative_id, consultant_id`.execute(db);
  return result.rows;
}

export async function namesOf(db: Db, ids: { programmes: string[]; cooperatives: string[]; users: string[] }) {
  const [programmes, cooperatives, users] = await Promise.all([
    ids.programmes.length > 0 ? db.selectFrom('programmes').select(['id', 'nameFr', 'code']).where('id', 'in', ids.programmes).execute() : [],
    ids.cooperatives.length > 0 ? db.selectFrom('cooperatives').select(['id', 'nameFr', 'nameAr']).where('id', 'in', ids.cooperatives).execute() : [],
    ids.users.length > 0 ? db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', ids.users).execute() : [],
  ]);
  return {
    programmes: new Map(programmes.map((row) => [row.id, row.nameFr])),
    cooperatives: new Map(cooperatives.map((row) => [row.id, { nameFr: row.nameFr, nameAr: row.nameAr }])),
    users: new Map(users.map((row) => [row.id, row.displayName])),
  };
}

/** The drift counts of the actions per programme and cooperative (see core/follow-up/compliance.ts). */
export async function driftCounts(db: Db, filter: { programmeIds: string[] | null; consultantId: string | null; today: string }) {
  if (filter.programmeIds && filter.programmeIds.length === 0) return [];
  const programmes = filter.programmeIds ? sql`and ap.programme_id in (${sql.join(filter.programmeIds)})` : sql``;
  const consultant = filter.consultantId ? sql`and e.consultant_id = ${filter.consultantId}` : sql``;
  const result = await sql<{ programmeId: string; cooperativeId: string; actions: number; agreed: number; slipped: number; driftSum: number; maxDriftDays: number | null; late: number; done: number; doneOnTime: number }>`
    select ap.programme_id, ap.cooperative_id,
           count(*)::int as actions,
           count(pa.agreed_due_on)::int as agreed,
           (count(*) filter (where pa.due_on > pa.agreed_due_on))::int as slipped,
           coalesce(sum(pa.due_on - pa.agreed_due_on), 0)::int as drift_sum,
           max(pa.due_on - pa.agreed_due_on)::int as max_drift_days,
           (count(*) filter (where pa.due_on < ${filter.today}::date and pa.status not in ('done', 'cancelled')))::int as late,
           (count(*) filter (where pa.status = 'done'))::int as done,
           (count(*) filter (where pa.status = 'done' and pa.done_on <= coalesce(pa.agreed_due_on, pa.due_on)))::int as done_on_time
      from plan_actions pa
      join action_plans ap on ap.id = pa.action_plan_id
      left join enrolments e on e.programme_id = ap.programme_id and e.cooperative_id = ap.cooperative_id
     where true ${programmes} ${consultant}
     group by ap.programme_id, ap.cooperative_id`.execute(db);
  return result.rows;
}

/** Actions past their due date, neither done nor cancelled, the longest overdue first. */
export async function listLateActions(db: Db, filter: { programmeIds: string[] | null; consultantId: string | null; today: string; limit: number }) {
  if (filter.programmeIds && filter.programmeIds.length === 0) return [];
  let query = db
    .selectFrom('planActions as pa')
    .innerJoin('actionPlans as ap', 'ap.id', 'pa.actionPlanId')
    .innerJoin('cooperatives as c', 'c.id', 'ap.cooperativeId')
    .leftJoin('enrolments as e', (join) => join.onRef('e.programmeId', '=', 'ap.programmeId').onRef('e.cooperativeId', '=', 'ap.cooperativeId'))
    .select([
      'pa.id as actionId',
      'pa.title',
      'ap.programmeId',
      'ap.cooperativeId',
      'c.nameFr as cooperativeNameFr',
      'c.nameAr as cooperativeNameAr',
      'ap.id as actionPlanId',
      'pa.status',
      'pa.progress',
      'pa.dueOn',
      'pa.agreedDueOn',
    ])
    .where('pa.dueOn', '<', filter.today)
    .where('pa.status', 'not in', ['done', 'cancelled']);
  if (filter.programmeIds) query = query.where('ap.programmeId', 'in', filter.programmeIds);
  if (filter.consultantId) query = query.where('e.consultantId', '=', filter.consultantId);
  return query.orderBy('pa.dueOn').orderBy('pa.id').limit(filter.limit).execute();
}

/* ---------- Schedule ---------- */

export async function listPhases(db: Db, programmeId: string) {
  return db.selectFrom('programmePhases').select(['kind', 'startsOn', 'endsOn']).where('programmeId', '=', programmeId).orderBy('position').execute();
}

export async function listEnrolledForSchedule(db: Db, programmeId: string) {
  return db
    .selectFrom('enrolments as e')
    .innerJoin('cooperatives as c', 'c.id', 'e.cooperativeId')
    .select(['e.cooperativeId', 'e.consultantId', 'c.nameFr', 'c.nameAr'])
    .where('e.programmeId', '=', programmeId)
    .where('e.status', '=', 'enrolled')
    .orderBy('e.provinceCode')
    .orderBy('e.cooperativeNameKey')
    .orderBy('e.cooperativeId')
    .execute();
}

/** Remote follow-ups already in the programme's calendar, per cooperative, as instants. */
export async function listRemoteFollowUpStarts(db: Db, programmeId: string) {
  return db
    .selectFrom('programmeSessions as s')
    .innerJoin('sessionCooperatives as sc', 'sc.sessionId', 's.id')
    .select(['sc.cooperativeId', 's.startsAt'])
    .where('s.programmeId', '=', programmeId)
    .where('s.kind', '=', 'remote_follow_up')
    .execute();
}

export async function insertFollowUpSessions(
  db: Db,
  rows: ReadonlyArray<{ programmeId: string; cooperativeId: string; title: string; startsAt: string; endsAt: string; facilitatorId: string | null; createdBy: string }>,
): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < rows.length; start += 500) {
    const chunk = rows.slice(start, start + 500).map((row) => ({ ...row, id: randomUUID() }));
    await db
      .insertInto('programmeSessions')
      .values(chunk.map(({ cooperativeId: _cooperativeId, ...row }) => ({ ...row, kind: 'remote_follow_up' as const, channel: 'phone' as const, moduleCode: null, place: null, provinceCode: null, dependsOnId: null })))
      .execute();
    await db
      .insertInto('sessionCooperatives')
      .values(chunk.map((row) => ({ sessionId: row.id, cooperativeId: row.cooperativeId })))
      .execute();
    ids.push(...chunk.map((row) => row.id));
  }
  return ids;
}

/** Serialises schedule generation per programme (two clicks create the missing follow-ups once). */
export async function lockProgrammeRow(db: Db, programmeId: string) {
  await db.selectFrom('programmes').select('id').where('id', '=', programmeId).forUpdate().execute();
}
