import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/server/db/database.js';
import type { App } from '../src/server/http/types.js';
import { listDueFollowUps } from '../src/server/follow-up/due.repository.js';
import { describeEachDatabase } from './support/database.js';
import { createTestEnrolment } from './support/diagnostic-factories.js';
import { createTestCooperative, createTestProgramme, createTestUser } from './support/factories.js';
import { anonymous, buildTestApp, signIn, type Agent } from './support/http.js';
import { dayFromToday, makeActionPlan, makeFollowUpSession, today } from './follow-up-fixtures.js';

describeEachDatabase('follow-ups over HTTP', (database) => {
  let app: App;
  let db: Db;
  let programmeId: string;
  let otherProgrammeId: string;
  let cooperativeId: string;
  let secondCooperativeId: string;
  let plan: Awaited<ReturnType<typeof makeActionPlan>>;
  const agents = {} as Record<'manager' | 'consultant' | 'otherConsultant' | 'representative' | 'otherRepresentative' | 'funder' | 'nobody', Agent>;
  const ids = {} as Record<'manager' | 'consultant' | 'otherConsultant' | 'representative', string>;

  const record = (agent: Agent, overrides: Record<string, unknown> = {}) =>
    agent.request({
      method: 'POST',
      url: '/api/follow-ups',
      payload: {
        programmeId,
        cooperativeId,
        heldOn: today(),
        channel: 'phone',
        summary: 'Appel avec la présidente.',
        actions: [
          { actionId: plan.actionIds[0], status: 'done', progress: 100, nextSteps: 'Montrer le cahier au prochain atelier.' },
          { actionId: plan.actionIds[1], status: 'blocked', progress: 40, blockers: 'La banque demande le PV de l’assemblée.', supportRequested: 'Lettre de l’ODCO' },
        ],
        measurements: [{ indicatorId: plan.indicatorIds[0], value: 9 }],
        ...overrides,
      },
    });
  const actionsOf = () => db.selectFrom('planActions').select(['id', 'status', 'progress', 'doneOn', 'version']).where('actionPlanId', '=', plan.planId).orderBy('position').execute();

  beforeAll(async () => {
    app = await buildTestApp(database());
    db = database().db;
    programmeId = (await createTestProgramme(db)).id;
    otherProgrammeId = (await createTestProgramme(db)).id;
    const cooperative = await createTestCooperative(db);
    const second = await createTestCooperative(db);
    const other = await createTestCooperative(db);
    cooperativeId = cooperative.id;
    secondCooperativeId = second.id;
    const users = {
      manager: await createTestUser(db, [{ role: 'programme_manager', programmeId }]),
      consultant: await createTestUser(db, [{ role: 'consultant', programmeId }], { displayName: 'Consultante Sud' }),
      otherConsultant: await createTestUser(db, [{ role: 'consultant', programmeId: otherProgrammeId }]),
      representative: await createTestUser(db, [{ role: 'cooperative_representative', cooperativeId }]),
      otherRepresentative: await createTestUser(db, [{ role: 'cooperative_representative', cooperativeId: other.id }]),
      funder: await createTestUser(db, [{ role: 'funder', programmeId }]),
    };
    for (const [name, user] of Object.entries(users)) {
      agents[name as keyof typeof agents] = await signIn(app, user.email, user.password);
      if (name in { manager: 1, consultant: 1, otherConsultant: 1, representative: 1 }) ids[name as keyof typeof ids] = user.id;
    }
    agents.nobody = anonymous(app);
    await db.insertInto('programmeTeam').values([
      { programmeId, userId: ids.manager, teamRole: 'project_lead' },
      { programmeId, userId: ids.consultant, teamRole: 'consultant' },
    ]).execute();
    for (const id of [cooperativeId, secondCooperativeId]) {
      await createTestEnrolment(db, programmeId, id);
      await db.updateTable('enrolments').set({ consultantId: ids.consultant }).where('cooperativeId', '=', id).execute();
    }
    await createTestEnrolment(db, otherProgrammeId, other.id);
    plan = await makeActionPlan(db, programmeId, cooperativeId);
  });

  afterAll(async () => {
    await app.close();
  });

  describe('the context of the form', () => {
    it('gives the actions with their indicators and latest values, and the planned follow-ups it can hold', async () => {
      const sessionId = await makeFollowUpSession(db, programmeId, cooperativeId, -3, ids.consultant);
      const response = await agents.consultant.request({ method: 'GET', url: `/api/follow-ups/context?programmeId=${programmeId}&cooperativeId=${cooperativeId}` });
      expect(response.statusCode).toBe(200);
      const context = response.json();
      expect(context.recordsAs).toBe('confirmed');
      expect(context.actions.map((action: { title: string }) => action.title)).toEqual(['Tenir un cahier de stock', 'Ouvrir un compte bancaire']);
      expect(context.actions[0].indicators[0]).toMatchObject({ label: 'Fiches de stock tenues', target: 12, baseline: 0, latest: { value: 2, measuredOn: dayFromToday(-40) } });
      expect(context.actions[0].indicators[1].latest).toBeNull();
      expect(context.dueSessions.map((session: { id: string }) => session.id)).toContain(sessionId);
      expect(context.team.map((member: { name: string }) => member.name)).toContain('Consultante Sud');
      const asRepresentative = await agents.representative.request({ method: 'GET', url: `/api/follow-ups/context?programmeId=${programmeId}&cooperativeId=${cooperativeId}` });
      expect(asRepresentative.json()).toMatchObject({ recordsAs: 'reported', team: [] });
    });

    it('is refused to those who may not record: 404 for outsiders, 403 for the programme’s funder', async () => {
      const url = `/api/follow-ups/context?programmeId=${programmeId}&cooperativeId=${cooperativeId}`;
      expect((await agents.otherRepresentative.request({ method: 'GET', url })).statusCode).toBe(404);
      expect((await agents.otherConsultant.request({ method: 'GET', url })).statusCode).toBe(404);
      expect((await agents.funder.request({ method: 'GET', url })).statusCode).toBe(403);
      expect((await agents.nobody.request({ method: 'GET', url })).statusCode).toBe(401);
      // The representative of one cooperative does not read another's.
      expect((await agents.representative.request({ method: 'GET', url: `/api/follow-ups/context?programmeId=${programmeId}&cooperativeId=${secondCooperativeId}` })).statusCode).toBe(404);
    });
  });

  describe('recording by the team', () => {
    it('confirms at once and applies to the actions, the indicators and the planned session, in one go, audited', async () => {
      const sessionId = await makeFollowUpSession(db, programmeId, cooperativeId, -2, ids.consultant);
      const before = await actionsOf();
      const response = await record(agents.consultant, { sessionId });
      expect(response.statusCode).toBe(201);
      const detail = response.json();
      expect(detail).toMatchObject({ status: 'confirmed', reportedByRole: 'consultant', sessionId, conductedBy: { id: ids.consultant }, actionCount: 2, measurementCount: 1, permissions: { confirm: false } });
      expect(detail.actions.map((action: { status: string }) => action.status)).toEqual(['done', 'blocked']);
      expect(detail.actions[1]).toMatchObject({ blockers: 'La banque demande le PV de l’assemblée.', supportRequested: 'Lettre de l’ODCO' });

      const after = await actionsOf();
      expect(after.map((action) => [action.status, action.progress, action.doneOn])).toEqual([
        ['done', 100, today()],
        ['blocked', 40, null],
      ]);
      expect(after[0]!.version).toBe(before[0]!.version + 1);
      const measurements = await db.selectFrom('indicatorMeasurements').select(['value', 'measuredOn', 'followUpId']).where('indicatorId', '=', plan.indicatorIds[0]).orderBy('measuredOn').execute();
      expect(measurements.at(-1)).toEqual({ value: 9, measuredOn: today(), followUpId: detail.id });
      const session = await db.selectFrom('programmeSessions').select(['status', 'report']).where('id', '=', sessionId).executeTakeFirstOrThrow();
      expect(session.status).toBe('held');
      expect(session.report?.done).toBe('Appel avec la présidente.');
      const audits = await db.selectFrom('auditLog').select(['entityType', 'entityId']).where(({ eb, or }) => or([eb('entityId', '=', detail.id), eb('entityId', 'in', plan.actionIds)])).execute();
      expect(audits.filter((row) => row.entityType === 'follow_up')).toHaveLength(1);
      expect(audits.filter((row) => row.entityType === 'plan_action')).toHaveLength(2);

      // The session is held by this follow-up: a second one for it is a conflict, and nothing of it is kept.
      const again = await record(agents.manager, { sessionId });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.issues[0]).toMatchObject({ path: ['sessionId'], key: 'follow_up_session_taken' });
      expect(await db.selectFrom('followUps').select('id').where('sessionId', '=', sessionId).execute()).toHaveLength(1);
    });

    it('names every wrong field and keeps nothing', async () => {
      const foreign = await makeActionPlan(db, programmeId, secondCooperativeId);
      const count = async () => (await db.selectFrom('followUps').select('id').execute()).length;
      const before = await count();
      const response = await record(agents.consultant, {
        heldOn: dayFromToday(2),
        actions: [{ actionId: foreign.actionIds[0], status: 'done', progress: 100 }],
        measurements: [{ indicatorId: foreign.indicatorIds[0], value: 3 }],
      });
      expect(response.statusCode).toBe(422);
      expect(response.json().error.issues).toEqual(
        expect.arrayContaining([
          { path: ['heldOn'], key: 'follow_up_in_future' },
          { path: ['actions', 0, 'actionId'], key: 'follow_up_action_unknown' },
          { path: ['measurements', 0, 'indicatorId'], key: 'follow_up_indicator_unknown' },
        ]),
      );
      const invalid = await record(agents.consultant, { channel: 'pigeon', actions: [{ actionId: plan.actionIds[0], status: 'done', progress: 140 }] });
      expect(invalid.statusCode).toBe(422);
      expect(invalid.json().error.issues.map((issue: { path: unknown[] }) => issue.path)).toEqual(expect.arrayContaining([['channel'], ['actions', 0, 'progress']]));
      const repeated = await record(agents.consultant, { actions: [{ actionId: plan.actionIds[0], status: 'done', progress: 100 }, { actionId: plan.actionIds[0], status: 'done', progress: 100 }] });
      expect(repeated.json().error.issues[0]).toMatchObject({ key: 'follow_up_action_repeated' });
      const otherSession = await makeFollowUpSession(db, programmeId, secondCooperativeId, -1);
      const wrongSession = await record(agents.consultant, { sessionId: otherSession });
      expect(wrongSession.json().error.issues[0]).toMatchObject({ path: ['sessionId'], key: 'follow_up_session_invalid' });
      expect(await count()).toBe(before);
    });
  });

  describe('reported by the representative, confirmed by the consultant', () => {
    it('changes nothing until confirmed, then applies the corrected version', async () => {
      await db.updateTable('planActions').set({ status: 'in_progress', progress: 20, doneOn: null }).where('actionPlanId', '=', plan.planId).execute();
      const sessionId = await makeFollowUpSession(db, programmeId, cooperativeId, -1, ids.consultant);
      const before = await actionsOf();
      const withValues = await record(agents.representative, { sessionId });
      expect(withValues.statusCode).toBe(422);
      expect(withValues.json().error.issues[0]).toMatchObject({ path: ['measurements'], key: 'follow_up_measurements_by_team' });

      const reported = await record(agents.representative, { sessionId, measurements: [], conductedBy: null });
      expect(reported.statusCode).toBe(201);
      const report = reported.json();
      expect(report).toMatchObject({ status: 'reported', reportedByRole: 'representative', reportedBy: { id: ids.representative }, conductedBy: null, permissions: { confirm: false } });
      expect(await actionsOf()).toEqual(before);
      expect((await db.selectFrom('programmeSessions').select('status').where('id', '=', sessionId).executeTakeFirstOrThrow()).status).toBe('planned');

      // It waits in the team's list "to confirm", and no longer in the due lists.
      const waiting = await agents.consultant.request({ method: 'GET', url: `/api/follow-ups/reported?programmeId=${programmeId}` });
      expect(waiting.json().items.map((item: { id: string }) => item.id)).toContain(report.id);
      const overdue = await agents.consultant.request({ method: 'GET', url: `/api/follow-ups/due?scope=overdue&programmeId=${programmeId}` });
      expect(overdue.json().items.map((item: { sessionId: string }) => item.sessionId)).not.toContain(sessionId);

      const asConsultant = await agents.consultant.request({ method: 'GET', url: `/api/follow-ups/${report.id}` });
      expect(asConsultant.json().permissions.confirm).toBe(true);
      const byRepresentative = await agents.representative.request({ method: 'POST', url: `/api/follow-ups/${report.id}/confirm`, payload: { version: report.version, heldOn: report.heldOn, channel: 'phone', actions: [] } });
      expect(byRepresentative.statusCode).toBe(403);
      const stale = await agents.consultant.request({ method: 'POST', url: `/api/follow-ups/${report.id}/confirm`, payload: { version: report.version + 5, heldOn: report.heldOn, channel: 'phone', actions: [] } });
      expect(stale.statusCode).toBe(409);

      const confirmed = await agents.consultant.request({
        method: 'POST',
        url: `/api/follow-ups/${report.id}/confirm`,
        payload: {
          version: report.version,
          heldOn: report.heldOn,
          channel: 'video',
          summary: 'Confirmé après appel.',
          actions: [{ actionId: plan.actionIds[0], status: 'in_progress', progress: 70, nextSteps: 'Compléter les fiches.' }],
          measurements: [{ indicatorId: plan.indicatorIds[1], value: 12 }],
        },
      });
      expect(confirmed.statusCode).toBe(200);
      expect(confirmed.json()).toMatchObject({ status: 'confirmed', channel: 'video', confirmedBy: { id: ids.consultant }, conductedBy: { id: ids.consultant }, actionCount: 1, measurementCount: 1 });
      const after = await actionsOf();
      expect(after.map((action) => [action.status, action.progress])).toEqual([
        ['in_progress', 70],
        ['in_progress', 20],
      ]);
      expect((await db.selectFrom('programmeSessions').select('status').where('id', '=', sessionId).executeTakeFirstOrThrow()).status).toBe('held');
      const twice = await agents.consultant.request({ method: 'POST', url: `/api/follow-ups/${report.id}/confirm`, payload: { version: confirmed.json().version, heldOn: report.heldOn, channel: 'phone', actions: [] } });
      expect(twice.statusCode).toBe(409);
    });

    it('an old report confirmed late does not move an action back', async () => {
      const old = await record(agents.representative, { heldOn: dayFromToday(-30), measurements: [], actions: [{ actionId: plan.actionIds[1], status: 'planned', progress: 5 }] });
      // Held today, the latest follow-up of that action: it applies.
      await record(agents.consultant, { measurements: [], actions: [{ actionId: plan.actionIds[1], status: 'in_progress', progress: 60 }] });
      expect((await actionsOf())[1]).toMatchObject({ status: 'in_progress', progress: 60 });
      const confirmed = await agents.manager.request({
        method: 'POST',
        url: `/api/follow-ups/${old.json().id}/confirm`,
        payload: { version: old.json().version, heldOn: dayFromToday(-30), channel: 'phone', actions: [{ actionId: plan.actionIds[1], status: 'planned', progress: 5 }] },
      });
      expect(confirmed.statusCode).toBe(200);
      expect((await actionsOf())[1]).toMatchObject({ status: 'in_progress', progress: 60 });
    });

    it('shows the cooperative’s history newest first, to the representative too', async () => {
      const response = await agents.representative.request({ method: 'GET', url: `/api/follow-ups?programmeId=${programmeId}&cooperativeId=${cooperativeId}` });
      expect(response.statusCode).toBe(200);
      const history = response.json();
      expect(history.permissions).toEqual({ record: true, recordsAs: 'reported' });
      const days = history.items.map((item: { heldOn: string }) => item.heldOn);
      expect(days).toEqual([...days].sort().reverse());
      expect(history.items.length).toBeGreaterThanOrEqual(3);
      expect((await agents.funder.request({ method: 'GET', url: `/api/follow-ups?programmeId=${programmeId}&cooperativeId=${cooperativeId}` })).statusCode).toBe(403);
    });
  });

  describe('lists', () => {
    it('overdue and this week, per programme and consultant, with days late', async () => {
      const late = await makeFollowUpSession(db, programmeId, secondCooperativeId, -9, null);
      const soon = await makeFollowUpSession(db, programmeId, secondCooperativeId, 0, ids.manager);
      const overdue = await agents.consultant.request({ method: 'GET', url: `/api/follow-ups/due?scope=overdue&programmeId=${programmeId}&consultantId=${ids.consultant}` });
      expect(overdue.statusCode).toBe(200);
      const item = overdue.json().items.find((row: { sessionId: string }) => row.sessionId === late);
      // No facilitator: the cooperative's consultant runs it.
      expect(item).toMatchObject({ cooperativeId: secondCooperativeId, daysLate: 9, plannedOn: dayFromToday(-9), consultant: { id: ids.consultant, name: 'Consultante Sud' }, kind: 'remote_follow_up' });
      const week = await agents.manager.request({ method: 'GET', url: `/api/follow-ups/due?scope=week&programmeId=${programmeId}` });
      expect(week.json().items.map((row: { sessionId: string }) => row.sessionId)).toContain(soon);
      expect(week.json().items.map((row: { sessionId: string }) => row.sessionId)).not.toContain(late);
      const mine = await agents.consultant.request({ method: 'GET', url: `/api/follow-ups/due?scope=week&consultantId=${ids.consultant}` });
      expect(mine.json().items.map((row: { sessionId: string }) => row.sessionId)).not.toContain(soon);

      // A withdrawn cooperative is no longer followed.
      await db.updateTable('enrolments').set({ status: 'withdrawn' }).where('programmeId', '=', programmeId).where('cooperativeId', '=', secondCooperativeId).execute();
      const afterWithdrawal = await listDueFollowUps(db, { scope: 'overdue', today: today(), programmeIds: [programmeId] });
      expect(afterWithdrawal.items.map((row) => row.sessionId)).not.toContain(late);
      await db.updateTable('enrolments').set({ status: 'enrolled' }).where('programmeId', '=', programmeId).where('cooperativeId', '=', secondCooperativeId).execute();
    });

    it('are the team’s: outsiders 404, representatives and funders 403', async () => {
      const url = `/api/follow-ups/due?scope=overdue&programmeId=${programmeId}`;
      expect((await agents.otherConsultant.request({ method: 'GET', url })).statusCode).toBe(404);
      expect((await agents.otherRepresentative.request({ method: 'GET', url })).statusCode).toBe(404);
      expect((await agents.representative.request({ method: 'GET', url })).statusCode).toBe(403);
      expect((await agents.funder.request({ method: 'GET', url })).statusCode).toBe(403);
      // Without a programme, a consultant sees only their programmes.
      const all = await agents.otherConsultant.request({ method: 'GET', url: '/api/follow-ups/due?scope=overdue' });
      expect(all.statusCode).toBe(200);
      expect(all.json().items.every((row: { programmeId: string }) => row.programmeId === otherProgrammeId)).toBe(true);
    });

    it('compliance counts held against planned per programme, consultant and cooperative', async () => {
      const response = await agents.manager.request({ method: 'GET', url: `/api/follow-ups/compliance?programmeId=${programmeId}` });
      expect(response.statusCode).toBe(200);
      const compliance = response.json();
      const sessions = await db
        .selectFrom('programmeSessions as s')
        .innerJoin('sessionCooperatives as sc', 'sc.sessionId', 's.id')
        .leftJoin('followUps as f', 'f.sessionId', 's.id')
        .select(['s.status', 's.startsAt', 'sc.cooperativeId', 'f.status as followUpStatus'])
        .where('s.programmeId', '=', programmeId)
        .execute();
      const due = sessions.filter((row) => Date.parse(row.startsAt) < Date.now() + 86_400_000 && row.startsAt.slice(0, 10) <= today());
      const held = due.filter((row) => row.status === 'held' || row.followUpStatus === 'confirmed');
      expect(compliance.programmes).toHaveLength(1);
      expect(compliance.programmes[0]).toMatchObject({ id: programmeId, planned: due.length, held: held.length });
      expect(compliance.total.rate).toBeCloseTo(held.length / due.length, 2);
      // Two follow-ups were recorded without a session.
      expect(compliance.total.unplanned).toBeGreaterThanOrEqual(2);
      expect(compliance.consultants.map((row: { id: string }) => row.id)).toContain(ids.consultant);
      const second = compliance.cooperatives.find((row: { id: string }) => row.id === secondCooperativeId);
      expect(second).toMatchObject({ late: 2, held: 0 });
      expect(compliance.cooperatives[0].id).toBe(secondCooperativeId);
    });

    it('drift is due minus agreed per action, with the late actions', async () => {
      await db.updateTable('planActions').set({ status: 'in_progress', dueOn: dayFromToday(-5), agreedDueOn: dayFromToday(-19) }).where('id', '=', plan.actionIds[0]).execute();
      const response = await agents.consultant.request({ method: 'GET', url: `/api/follow-ups/drift?programmeId=${programmeId}` });
      expect(response.statusCode).toBe(200);
      const drift = response.json();
      const mine = drift.cooperatives.find((row: { id: string }) => row.id === cooperativeId);
      expect(mine).toMatchObject({ actions: 2, agreed: 2, slipped: 1, averageDriftDays: 7, maxDriftDays: 14, late: 1 });
      expect(drift.lateActions.find((row: { actionId: string }) => row.actionId === plan.actionIds[0])).toMatchObject({ driftDays: 14, daysLate: 5 });
      expect(drift.total.actions).toBe(4);
    });
  });

  describe('schedule from the cadence', () => {
    it('previews, then creates only what is missing (a second call creates nothing)', async () => {
      const programme = (await createTestProgramme(db)).id;
      await db.updateTable('programmes').set({ cadences: JSON.stringify({ remoteFollowUp: { perMonth: 2 } }) }).where('id', '=', programme).execute();
      await db.insertInto('programmePhases').values({ programmeId: programme, kind: 'accompaniment', startsOn: '2027-03-01', endsOn: '2027-04-30' }).execute();
      const managerHere = await createTestUser(db, [{ role: 'programme_manager', programmeId: programme }]);
      const consultantHere = await createTestUser(db, [{ role: 'consultant', programmeId: programme }]);
      const manager = await signIn(app, managerHere.email, managerHere.password);
      const consultant = await signIn(app, consultantHere.email, consultantHere.password);
      const cooperatives = [await createTestCooperative(db), await createTestCooperative(db), await createTestCooperative(db)];
      for (const cooperative of cooperatives) {
        await createTestEnrolment(db, programme, cooperative.id);
        await db.updateTable('enrolments').set({ consultantId: consultantHere.id }).where('programmeId', '=', programme).where('cooperativeId', '=', cooperative.id).execute();
      }
      const preview = await consultant.request({ method: 'GET', url: `/api/programmes/${programme}/follow-up-schedule` });
      expect(preview.statusCode).toBe(200);
      expect(preview.json()).toMatchObject({ perMonth: 2, cooperatives: 3, planned: 12, existing: 0, missing: 12, blockedBy: null });
      expect((await consultant.request({ method: 'POST', url: `/api/programmes/${programme}/follow-up-schedule` })).statusCode).toBe(403);

      const created = await manager.request({ method: 'POST', url: `/api/programmes/${programme}/follow-up-schedule` });
      expect(created.json()).toEqual({ created: 12, existing: 0 });
      const sessions = await db.selectFrom('programmeSessions').select(['kind', 'facilitatorId', 'status', 'title']).where('programmeId', '=', programme).execute();
      expect(sessions).toHaveLength(12);
      expect(sessions.every((row) => row.kind === 'remote_follow_up' && row.facilitatorId === consultantHere.id && row.status === 'planned')).toBe(true);
      expect(await manager.request({ method: 'POST', url: `/api/programmes/${programme}/follow-up-schedule` }).then((response) => response.json())).toEqual({ created: 0, existing: 12 });
      expect((await consultant.request({ method: 'GET', url: `/api/programmes/${programme}/follow-up-schedule` })).json()).toMatchObject({ missing: 0, existing: 12 });
      expect((await agents.consultant.request({ method: 'GET', url: `/api/programmes/${programme}/follow-up-schedule` })).statusCode).toBe(404);
    });

    it('says why nothing can be scheduled', async () => {
      const programme = (await createTestProgramme(db)).id;
      const admin = await createTestUser(db, [{ role: 'admin' }]);
      const agent = await signIn(app, admin.email, admin.password);
      expect((await agent.request({ method: 'GET', url: `/api/programmes/${programme}/follow-up-schedule` })).json()).toMatchObject({ planned: 0, blockedBy: 'no_cadence' });
    });
  });
});
