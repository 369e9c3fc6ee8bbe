import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator, IndicatorReport, Outcome, OutcomeList } from '../src/core/indicators/indicators.schema.js';
import type { Db } from '../src/server/db/database.js';
import type { App } from '../src/server/http/types.js';
import { moroccanToday } from '../src/server/indicators/indicators.service.js';
import { describeEachDatabase } from './support/database.js';
import { createTestCooperative, createTestProgramme, createTestUser } from './support/factories.js';
import { anonymous, buildTestApp, signIn, type Agent } from './support/http.js';

const tarfaya = '11.537';
const laayoune = '11.321';
const dayMs = 86_400_000;
type ErrorBody = { error: { code: string; issues?: Array<{ path: unknown[]; key: string }>; params?: Record<string, unknown> } };

describeEachDatabase('programme indicators and outcome figures', (database) => {
  let app: App;
  let db: Db;
  let programmeId: string;
  let otherProgrammeId: string;
  let women: string;
  let mixed: string;
  let withdrawn: string;
  let manager: Agent;
  let consultant: Agent;
  let funder: Agent;
  let representative: Agent;
  let outsider: Agent;
  const { today } = moroccanToday();
  const day = (offset: number) => new Date(Date.parse(`${today}T00:00:00Z`) + offset * dayMs).toISOString().slice(0, 10);
  const at = (offset: number, hour: number) => new Date(Date.parse(`${day(offset)}T${String(hour).padStart(2, '0')}:00:00Z`)).toISOString();

  async function enrol(cooperativeId: string, status: 'enrolled' | 'withdrawn' = 'enrolled') {
    return (
      await db
        .insertInto('enrolments')
        .values({ programmeId, cooperativeId, status, candidateAt: day(-200), enrolledAt: day(-190), eligible: true })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }

  async function diagnostic(enrolmentId: string, cooperativeId: string, kind: 'baseline' | 'midline' | 'endline', status: 'validated' | 'draft', overallScore: number, maturityLevel: number) {
    const framework = await db.selectFrom('diagnosticFrameworks').select('id').where('isDefault', '=', true).executeTakeFirstOrThrow();
    await db.insertInto('diagnostics').values({ enrolmentId, programmeId, cooperativeId, frameworkId: framework.id, kind, status, overallScore, maturityLevel }).execute();
  }

  async function session(kind: 'training' | 'workshop' | 'remote_follow_up', status: 'planned' | 'held' | 'cancelled', offset: number, hours: number, cooperativeIds: string[]) {
    const row = await db
      .insertInto('programmeSessions')
      .values({ programmeId, kind, title: `${kind} ${offset}`, startsAt: at(offset, 8), endsAt: at(offset, 8 + hours), status })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('sessionCooperatives').values(cooperativeIds.map((cooperativeId) => ({ sessionId: row.id, cooperativeId }))).execute();
    return row.id;
  }

  async function action(planId: string, values: { status: 'planned' | 'done' | 'cancelled'; dueOn: string; agreedDueOn: string; doneOn?: string }) {
    return (
      await db
        .insertInto('planActions')
        .values({ actionPlanId: planId, title: 'Action', executorKind: 'consultant', startsOn: day(-150), ...values })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }

  async function indicator(actionId: string, baseline: number | null, target: number, values: number[]) {
    const row = await db.insertInto('actionIndicators').values({ actionId, kind: 'performance', label: 'Indicateur', unit: 'u', baseline, target }).returning('id').executeTakeFirstOrThrow();
    for (const [index, value] of values.entries()) await db.insertInto('indicatorMeasurements').values({ indicatorId: row.id, measuredOn: day(-60 + index * 20), value }).execute();
  }

  beforeAll(async () => {
    db = database().db;
    app = await buildTestApp(database());
    const programme = await createTestProgramme(db);
    programmeId = programme.id;
    await db.updateTable('programmes').set({ targetCooperatives: 4 }).where('id', '=', programmeId).execute();
    otherProgrammeId = (await createTestProgramme(db)).id;
    // A women's cooperative of Tarfaya, a mixed one of Laâyoune, and one that withdrew (left out of everything).
    women = (await createTestCooperative(db, { provinceCode: tarfaya, sector: 'fisheries', membersTotal: 12, membersWomen: 7 })).id;
    mixed = (await createTestCooperative(db, { provinceCode: laayoune, sector: 'agriculture', membersTotal: 10, membersWomen: 2 })).id;
    withdrawn = (await createTestCooperative(db, { provinceCode: tarfaya, sector: 'fisheries' })).id;
    const womenEnrolment = await enrol(women);
    const mixedEnrolment = await enrol(mixed);
    const withdrawnEnrolment = await enrol(withdrawn, 'withdrawn');

    // Baselines of both; a validated midline for the women's cooperative (+15 points, level 2 → 3); the other's endline is a draft.
    await diagnostic(womenEnrolment, women, 'baseline', 'validated', 40, 2);
    await diagnostic(womenEnrolment, women, 'midline', 'validated', 55, 3);
    await diagnostic(mixedEnrolment, mixed, 'baseline', 'validated', 50, 2);
    await diagnostic(mixedEnrolment, mixed, 'endline', 'draft', 90, 4);
    await diagnostic(withdrawnEnrolment, withdrawn, 'baseline', 'validated', 10, 1);

    // A training of 3 hours held with both; one still planned with the first; one cancelled; a workshop of 4 hours held with the second.
    const training = await session('training', 'held', -40, 3, [women, mixed]);
    await session('training', 'planned', 20, 3, [women]);
    await session('training', 'cancelled', -30, 3, [women, mixed]);
    const workshop = await session('workshop', 'held', -10, 4, [mixed]);
    await db
      .insertInto('sessionAttendance')
      .values([
        { sessionId: training, cooperativeId: women, fullName: 'Fatima Zahra', sex: 'female', present: true },
        { sessionId: training, cooperativeId: women, fullName: 'Aicha Bennani', sex: 'female', present: true },
        { sessionId: training, cooperativeId: women, fullName: 'Ali Ouhmad', sex: 'male', present: false },
        { sessionId: training, cooperativeId: mixed, fullName: 'Omar Salhi', sex: 'male', present: true },
        { sessionId: training, cooperativeId: mixed, fullName: 'Sans Sexe', sex: null, present: true },
        { sessionId: training, cooperativeId: withdrawn, fullName: 'Retirée', sex: 'female', present: true },
        // The same person at the workshop: one participant.
        { sessionId: workshop, cooperativeId: mixed, fullName: 'omar salhi', sex: 'male', present: true },
      ])
      .execute();

    // Follow-ups: two due for the first (one past, one today), one next month; one held and confirmed, one reported only.
    const dueFollowUp = await session('remote_follow_up', 'planned', -14, 1, [women]);
    await session('remote_follow_up', 'planned', 0, 1, [women]);
    await session('remote_follow_up', 'planned', 30, 1, [women]);
    await session('remote_follow_up', 'cancelled', -7, 1, [mixed]);
    await db
      .insertInto('followUps')
      .values([
        { programmeId, cooperativeId: women, sessionId: dueFollowUp, heldOn: day(-13), channel: 'phone', reportedByRole: 'consultant', status: 'confirmed' },
        { programmeId, cooperativeId: mixed, heldOn: day(-3), channel: 'phone', reportedByRole: 'representative', status: 'reported' },
      ])
      .execute();

    // The women's cooperative's agreed plan: done on time, done late, overdue, cancelled. The other's plan is a draft.
    const plan = (await db.insertInto('actionPlans').values({ programmeId, cooperativeId: women, status: 'agreed' }).returning('id').executeTakeFirstOrThrow()).id;
    const onTime = await action(plan, { status: 'done', dueOn: day(-20), agreedDueOn: day(-20), doneOn: day(-25) });
    const late = await action(plan, { status: 'done', dueOn: day(-5), agreedDueOn: day(-30), doneOn: day(-10) });
    const overdue = await action(plan, { status: 'planned', dueOn: day(-2), agreedDueOn: day(-2) });
    await action(plan, { status: 'cancelled', dueOn: day(-2), agreedDueOn: day(-2) });
    await indicator(onTime, 2, 10, [5, 12]);
    // A cost to bring down: reached at or below the target.
    await indicator(late, 20, 5, [9, 3]);
    await indicator(overdue, 0, 4, []);
    const draft = (await db.insertInto('actionPlans').values({ programmeId, cooperativeId: mixed, status: 'draft' }).returning('id').executeTakeFirstOrThrow()).id;
    await action(draft, { status: 'done', dueOn: day(-20), agreedDueOn: day(-20), doneOn: day(-25) });

    const managerUser = await createTestUser(db, [{ role: 'programme_manager', programmeId }]);
    const consultantUser = await createTestUser(db, [{ role: 'consultant', programmeId }]);
    const funderUser = await createTestUser(db, [{ role: 'funder', programmeId }]);
    const representativeUser = await createTestUser(db, [{ role: 'cooperative_representative', cooperativeId: women }]);
    const outsiderUser = await createTestUser(db, [{ role: 'programme_manager', programmeId: otherProgrammeId }]);
    manager = await signIn(app, managerUser.email, managerUser.password);
    consultant = await signIn(app, consultantUser.email, consultantUser.password);
    funder = await signIn(app, funderUser.email, funderUser.password);
    representative = await signIn(app, representativeUser.email, representativeUser.password);
    outsider = await signIn(app, outsiderUser.email, outsiderUser.password);
  });

  afterAll(async () => {
    await app.close();
  });

  const post = (agent: Agent, payload: Record<string, unknown>) => agent.request({ method: 'POST', url: `/api/programmes/${programmeId}/outcomes`, payload });
  const read = async (agent: Agent, query = '') => {
    const response = await agent.request({ method: 'GET', url: `/api/programmes/${programmeId}/indicators${query}` });
    expect(response.statusCode).toBe(200);
    return response.json<IndicatorReport>();
  };
  const pick = (report: IndicatorReport, key: Indicator['key']) => report.indicators.find((entry) => entry.key === key)!;

  describe('outcome figures', () => {
    it('are entered by the team, validated, audited, and refused twice on the same date', async () => {
      const first = await post(consultant, { cooperativeId: women, indicator: 'turnover', measuredOn: day(-180), value: 100_000 });
      expect(first.statusCode).toBe(201);
      expect(first.json<Outcome>()).toMatchObject({ cooperativeId: women, indicator: 'turnover', measuredOn: day(-180), value: 100_000, women: null, men: null });
      expect((await post(manager, { cooperativeId: women, indicator: 'turnover', measuredOn: day(-5), value: 130_000 })).statusCode).toBe(201);
      expect((await post(manager, { cooperativeId: women, indicator: 'jobs', measuredOn: day(-180), value: 4, women: 2, men: 2 })).statusCode).toBe(201);
      expect((await post(manager, { cooperativeId: women, indicator: 'jobs', measuredOn: day(-5), value: 7, women: 4, men: 3 })).statusCode).toBe(201);
      // One figure only: no change can be measured yet.
      expect((await post(manager, { cooperativeId: mixed, indicator: 'jobs', measuredOn: day(-5), value: 3 })).statusCode).toBe(201);
      expect((await post(manager, { cooperativeId: mixed, indicator: 'members', measuredOn: day(-150), value: 10, women: 2, men: 8 })).statusCode).toBe(201);
      expect((await post(manager, { cooperativeId: mixed, indicator: 'members', measuredOn: day(-1), value: 13 })).statusCode).toBe(201);

      const again = await post(manager, { cooperativeId: women, indicator: 'turnover', measuredOn: day(-5), value: 1 });
      expect(again.statusCode).toBe(409);
      expect(again.json<ErrorBody>().error.params).toMatchObject({ reason: 'outcome_exists' });

      const audit = await db.selectFrom('auditLog').select(['action', 'actorId', 'after']).where('entityType', '=', 'outcome_measurement').where('entityId', '=', first.json<Outcome>().id).execute();
      expect(audit).toEqual([expect.objectContaining({ action: 'create', after: expect.objectContaining({ value: 100_000, indicator: 'turnover' }) })]);
    });

    it('names what is wrong: more women and men than the total, a future date, a cooperative not in the programme', async () => {
      const tooMany = await post(manager, { cooperativeId: women, indicator: 'members', measuredOn: day(-1), value: 5, women: 4, men: 3 });
      expect(tooMany.statusCode).toBe(422);
      expect(tooMany.json<ErrorBody>().error.issues).toEqual([expect.objectContaining({ path: ['women'], key: 'outcome_sex_exceeds_value' })]);
      const future = await post(manager, { cooperativeId: withdrawn, indicator: 'jobs', measuredOn: day(2), value: 5 });
      expect(future.statusCode).toBe(422);
      expect(future.json<ErrorBody>().error.issues?.map((issue) => [issue.path[0], issue.key])).toEqual([
        ['cooperativeId', 'outcome_cooperative_not_enrolled'],
        ['measuredOn', 'outcome_date_future'],
      ]);
      expect(await db.selectFrom('outcomeMeasurements').select('id').where('cooperativeId', '=', withdrawn).execute()).toEqual([]);
    });

    it('are read by the team, the representative sees only their own cooperative’s, funders and outsiders none', async () => {
      const all = await manager.request({ method: 'GET', url: `/api/programmes/${programmeId}/outcomes` });
      expect(all.statusCode).toBe(200);
      const list = all.json<OutcomeList>();
      expect(list.canEdit).toBe(true);
      expect(list.items).toHaveLength(7);
      expect(list.cooperatives.map((row) => row.id).sort()).toEqual([women, mixed].sort());
      const own = await representative.request({ method: 'GET', url: `/api/programmes/${programmeId}/outcomes` });
      expect(own.statusCode).toBe(200);
      expect(own.json<OutcomeList>()).toMatchObject({ canEdit: false, cooperatives: [expect.objectContaining({ id: women })] });
      expect(own.json<OutcomeList>().items.every((item) => item.cooperativeId === women)).toBe(true);
      expect((await representative.request({ method: 'GET', url: `/api/programmes/${programmeId}/outcomes?cooperativeId=${mixed}` })).json<OutcomeList>().items).toEqual([]);
      expect((await post(representative, { cooperativeId: women, indicator: 'jobs', measuredOn: day(-1), value: 9 })).statusCode).toBe(403);
      expect((await funder.request({ method: 'GET', url: `/api/programmes/${programmeId}/outcomes` })).statusCode).toBe(403);
      expect((await outsider.request({ method: 'GET', url: `/api/programmes/${programmeId}/outcomes` })).statusCode).toBe(404);
      expect((await post(outsider, { cooperativeId: women, indicator: 'jobs', measuredOn: day(-1), value: 9 })).statusCode).toBe(404);
    });

    it('are deleted by the team, audited; a figure of another programme is not found', async () => {
      const created = (await post(manager, { cooperativeId: mixed, indicator: 'turnover', measuredOn: day(-2), value: 5 })).json<Outcome>();
      expect((await outsider.request({ method: 'DELETE', url: `/api/programmes/${otherProgrammeId}/outcomes/${created.id}` })).statusCode).toBe(404);
      expect((await consultant.request({ method: 'DELETE', url: `/api/programmes/${programmeId}/outcomes/${created.id}` })).statusCode).toBe(204);
      expect((await consultant.request({ method: 'DELETE', url: `/api/programmes/${programmeId}/outcomes/${created.id}` })).statusCode).toBe(404);
      const audit = await db.selectFrom('auditLog').select(['action', 'before']).where('entityId', '=', created.id).orderBy('occurredAt').execute();
      expect(audit.map((entry) => entry.action)).toEqual(['create', 'delete']);
      expect(audit[1]?.before).toMatchObject({ value: 5, indicator: 'turnover' });
    });
  });

  describe('indicators', () => {
    it('computes outputs and outcomes from the data, withdrawn cooperatives, cancelled sessions and draft plans left out', async () => {
      const report = await read(funder);
      expect(report).toMatchObject({ programmeId, today, by: null, filters: { province: null, sector: null } });
      const figures = (key: Indicator['key']) => {
        const { key: _key, family: _family, unit: _unit, sexBasis: _basis, breakdown: _breakdown, ...rest } = pick(report, key);
        return rest;
      };
      expect(figures('cooperatives_enrolled')).toEqual({ value: 2, planned: 4, rate: 0.5 });
      expect(figures('cooperatives_diagnosed')).toEqual({ value: 2, planned: 2, rate: 1 });
      expect(figures('trainings_held')).toEqual({ value: 1, planned: 2, rate: 0.5 });
      expect(figures('training_hours')).toEqual({ value: 7, planned: null, rate: null });
      expect(figures('participants')).toEqual({ value: 4, planned: null, rate: null, women: 2, men: 1 });
      expect(figures('workshops_held')).toEqual({ value: 1, planned: 1, rate: 1 });
      expect(figures('follow_ups_held')).toEqual({ value: 1, planned: 2, rate: 0.5 });
      expect(figures('actions_done')).toEqual({ value: 2, planned: 3, rate: 0.6667, overdue: 1 });
      expect(figures('actions_on_time')).toEqual({ value: 1, planned: 2, rate: 0.5 });
      expect(figures('action_indicators_reached')).toEqual({ value: 2, planned: 3, rate: 0.6667 });
      expect(figures('maturity_gain')).toEqual({ value: 15, planned: null, rate: 1, cooperatives: 1, levelGained: 1 });
      expect(figures('turnover')).toEqual({ value: 30_000, planned: null, rate: 0.3, cooperatives: 1, baseline: 100_000, latest: 130_000 });
      expect(figures('jobs')).toEqual({ value: 3, planned: null, rate: 0.75, cooperatives: 1, baseline: 4, latest: 7, women: 2, men: 1 });
      // Members: the latest figure does not split by sex, so no change by sex.
      expect(figures('members')).toEqual({ value: 3, planned: null, rate: 0.3, cooperatives: 1, baseline: 10, latest: 13, women: null, men: null });
      expect(JSON.stringify(report)).not.toMatch(/Fatima|Omar|Aicha|0661234567/);
    });

    it('breaks down by province (a training of two provinces counts in each) and filters by province', async () => {
      const report = await read(manager, '?by=province');
      const rows = (key: Indicator['key']) => pick(report, key).breakdown.map((row) => [row.group, row.value, row.planned]);
      expect(rows('cooperatives_enrolled')).toEqual([
        [laayoune, 1, null],
        [tarfaya, 1, null],
      ]);
      expect(rows('trainings_held')).toEqual([
        [laayoune, 1, 1],
        [tarfaya, 1, 2],
      ]);
      expect(pick(report, 'trainings_held').value).toBe(1);
      expect(rows('participants')).toEqual([
        [laayoune, 2, null],
        [tarfaya, 2, null],
      ]);
      expect(rows('follow_ups_held')).toEqual([
        [laayoune, 0, 0],
        [tarfaya, 1, 2],
      ]);

      const filtered = await read(consultant, `?province=${tarfaya}`);
      expect(filtered.filters).toEqual({ province: tarfaya, sector: null });
      expect(pick(filtered, 'cooperatives_enrolled')).toMatchObject({ value: 1, planned: null });
      expect(pick(filtered, 'workshops_held')).toMatchObject({ value: 0, planned: 0 });
      expect(pick(filtered, 'turnover')).toMatchObject({ value: 30_000 });
      expect(pick(filtered, 'members')).toMatchObject({ value: null, cooperatives: 0 });
      expect(pick(await read(manager, '?sector=agriculture&by=sector'), 'cooperatives_enrolled').breakdown).toEqual([expect.objectContaining({ group: 'agriculture', value: 1 })]);
    });

    it('breaks down by sex: people by their sex, cooperatives by their membership', async () => {
      const report = await read(funder, '?by=sex');
      const rows = (key: Indicator['key']) => pick(report, key).breakdown.map((row) => [row.group, row.value]);
      expect(rows('participants')).toEqual([
        ['women', 2],
        ['men', 1],
        ['unspecified', 1],
      ]);
      expect(rows('jobs')).toEqual([
        ['women', 2],
        ['men', 1],
        ['unspecified', 0],
      ]);
      expect(rows('cooperatives_diagnosed')).toEqual([
        ['women_cooperatives', 1],
        ['other_cooperatives', 1],
        ['unknown_membership', 0],
      ]);
      expect(rows('actions_done')).toEqual([
        ['women_cooperatives', 2],
        ['other_cooperatives', 0],
        ['unknown_membership', 0],
      ]);
    });

    it('answers 404 outside one’s programmes, 403 to a representative, 401 to nobody, 422 to a wrong dimension', async () => {
      expect((await outsider.request({ method: 'GET', url: `/api/programmes/${programmeId}/indicators` })).statusCode).toBe(404);
      expect((await representative.request({ method: 'GET', url: `/api/programmes/${programmeId}/indicators` })).statusCode).toBe(403);
      expect((await anonymous(app).request({ method: 'GET', url: `/api/programmes/${programmeId}/indicators` })).statusCode).toBe(401);
      expect((await manager.request({ method: 'GET', url: `/api/programmes/${programmeId}/indicators?by=commune` })).statusCode).toBe(422);
      expect((await manager.request({ method: 'GET', url: `/api/programmes/00000000-0000-4000-8000-000000000000/indicators` })).statusCode).toBe(404);
    });
  });
});
