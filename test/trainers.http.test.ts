import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PlanSessionsResult, PlanTrainerView, TrainingPlanView, Unavailability } from '../src/core/training/plan.schema.js';
import type { Db } from '../src/server/db/database.js';
import type { App } from '../src/server/http/types.js';
import { describeEachDatabase } from './support/database.js';
import { createTestProgramme, createTestUser } from './support/factories.js';
import { buildTestApp, signIn, type Agent } from './support/http.js';
import { enrolWithBaseline, scoresWith } from './support/plans.js';

const tarfaya = '11.537';
const constraints = { minGroupSize: 2, maxGroupSize: 10, maxDistanceKm: 50, maxSessionsPerMonth: 8, sessionCost: 1, weekdays: [1, 2, 3, 4, 5] };
type ErrorBody = { error: { code: string; issues?: Array<{ path: unknown[]; key: string }>; params?: Record<string, unknown> } };

describeEachDatabase('trainers’ unavailability and the sessions of a plan', (database) => {
  let app: App;
  let db: Db;
  let programmeId: string;
  let otherProgrammeId: string;
  let trainerId: string;
  let manager: Agent;
  let trainer: Agent;
  let funder: Agent;
  const cooperatives: string[] = [];

  beforeAll(async () => {
    db = database().db;
    app = await buildTestApp(database());
    programmeId = (await createTestProgramme(db)).id;
    otherProgrammeId = (await createTestProgramme(db)).id;
    // A training phase of one week: whichever days the trainer cannot take, the plan must avoid.
    await db.insertInto('programmePhases').values({ programmeId, kind: 'training', startsOn: '2027-01-04', endsOn: '2027-01-08' }).execute();
    const bookkeeping = scoresWith([{ domainKey: 'finance', questionKey: 'fin_bookkeeping', priority: 50 }]);
    for (const name of ['Coopérative Akhfennir', 'Coopérative Tah', 'Coopérative Tarfaya Mer']) cooperatives.push(await enrolWithBaseline(db, programmeId, tarfaya, name, bookkeeping));
    const trainerUser = await createTestUser(db, [{ role: 'consultant', programmeId }], { displayName: 'Formatrice Salma' });
    trainerId = trainerUser.id;
    await db.insertInto('programmeTeam').values({ programmeId, userId: trainerId, teamRole: 'trainer' }).execute();
    const managerUser = await createTestUser(db, [{ role: 'programme_manager', programmeId }]);
    const funderUser = await createTestUser(db, [{ role: 'funder', programmeId }]);
    manager = await signIn(app, managerUser.email, managerUser.password);
    trainer = await signIn(app, trainerUser.email, trainerUser.password);
    funder = await signIn(app, funderUser.email, funderUser.password);
  });

  afterAll(async () => {
    await app.close();
  });

  it('records a trainer’s unavailability, by the trainer or a manager, audited, and the plan avoids it and their other programme’s sessions', async () => {
    const own = await trainer.request({ method: 'POST', url: `/api/programmes/${programmeId}/trainers/${trainerId}/unavailability`, payload: { from: '2027-01-04', to: '2027-01-05', reason: 'Congé' } });
    expect(own.statusCode).toBe(201);
    expect(own.json<Unavailability>()).toMatchObject({ from: '2027-01-04', to: '2027-01-05', reason: 'Congé' });
    // The same trainer already leads a session of another programme on the 6th.
    await db
      .insertInto('programmeSessions')
      .values({ programmeId: otherProgrammeId, kind: 'training', title: 'Ailleurs', startsAt: '2027-01-06T08:00:00Z', endsAt: '2027-01-06T14:00:00Z', facilitatorId: trainerId })
      .execute();

    const listed = await manager.request({ method: 'GET', url: `/api/programmes/${programmeId}/trainers` });
    expect(listed.statusCode).toBe(200);
    expect(listed.json<PlanTrainerView[]>()).toEqual([{ userId: trainerId, displayName: 'Formatrice Salma', teamRole: 'trainer', unavailable: [expect.objectContaining({ from: '2027-01-04', to: '2027-01-05' })] }]);
    const audit = await db.selectFrom('auditLog').select('action').where('entityType', '=', 'trainer_unavailability').where('entityId', '=', own.json<Unavailability>().id).execute();
    expect(audit).toEqual([{ action: 'create' }]);

    const plan = (await manager.request({ method: 'POST', url: `/api/programmes/${programmeId}/plans`, payload: { constraints } })).json<TrainingPlanView>();
    const dates = plan.result!.modules.flatMap((planned) => planned.groups.flatMap((group) => group.sessions.map((session) => session.date)));
    expect(dates.length).toBeGreaterThan(0);
    for (const date of dates) expect(['2027-01-07', '2027-01-08']).toContain(date);
    expect(plan.trainers).toEqual([expect.objectContaining({ userId: trainerId, unavailable: [expect.objectContaining({ from: '2027-01-04' })] })]);
  });

  it('refuses a period that ends before it starts, naming the field, and strangers', async () => {
    const backwards = await manager.request({ method: 'POST', url: `/api/programmes/${programmeId}/trainers/${trainerId}/unavailability`, payload: { from: '2027-02-10', to: '2027-02-01' } });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json<ErrorBody>().error.issues).toContainEqual(expect.objectContaining({ path: ['to'], key: 'unavailability_order' }));
    expect((await funder.request({ method: 'POST', url: `/api/programmes/${programmeId}/trainers/${trainerId}/unavailability`, payload: { from: '2027-02-01', to: '2027-02-02' } })).statusCode).toBe(403);
    expect((await funder.request({ method: 'GET', url: `/api/programmes/${programmeId}/trainers` })).statusCode).toBe(403);
    const notATrainer = await createTestUser(db);
    expect((await manager.request({ method: 'POST', url: `/api/programmes/${programmeId}/trainers/${notATrainer.id}/unavailability`, payload: { from: '2027-02-01', to: '2027-02-02' } })).statusCode).toBe(404);
  });

  it('removes a period, audited', async () => {
    const created = (await manager.request({ method: 'POST', url: `/api/programmes/${programmeId}/trainers/${trainerId}/unavailability`, payload: { from: '2027-03-01', to: '2027-03-02' } })).json<Unavailability>();
    const removed = await trainer.request({ method: 'DELETE', url: `/api/programmes/${programmeId}/trainers/${trainerId}/unavailability/${created.id}` });
    expect(removed.statusCode).toBe(204);
    expect(await db.selectFrom('trainerUnavailability').select('id').where('id', '=', created.id).executeTakeFirst()).toBeUndefined();
    expect(await db.selectFrom('auditLog').select('action').where('entityId', '=', created.id).where('action', '=', 'delete').executeTakeFirst()).toBeDefined();
    expect((await trainer.request({ method: 'DELETE', url: `/api/programmes/${programmeId}/trainers/${trainerId}/unavailability/${created.id}` })).statusCode).toBe(404);
  });

  it('creates the sessions of the approved plan once, with its cooperatives and trainer', async () => {
    const plan = (await manager.request({ method: 'POST', url: `/api/programmes/${programmeId}/plans`, payload: { constraints } })).json<TrainingPlanView>();
    const refused = await manager.request({ method: 'POST', url: `/api/plans/${plan.id}/sessions` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().error.params).toMatchObject({ reason: 'plan_not_approved' });
    expect((await manager.request({ method: 'POST', url: `/api/plans/${plan.id}/approve` })).statusCode).toBe(200);
    expect((await trainer.request({ method: 'POST', url: `/api/plans/${plan.id}/sessions` })).statusCode).toBe(403);

    const first = await manager.request({ method: 'POST', url: `/api/plans/${plan.id}/sessions` });
    expect(first.statusCode).toBe(200);
    const expected = plan.result!.modules.reduce((sum, planned) => sum + planned.groups.reduce((count, group) => count + (group.cooperativeIds.length > 0 ? group.sessions.length : 0), 0), 0);
    expect(first.json<PlanSessionsResult>()).toEqual({ created: expected, existing: 0 });
    const sessions = await db.selectFrom('programmeSessions').select(['id', 'kind', 'facilitatorId', 'moduleCode', 'planKey', 'startsAt']).where('planId', '=', plan.id).execute();
    expect(sessions).toHaveLength(expected);
    expect(sessions.every((session) => session.kind === 'training' && session.facilitatorId === trainerId)).toBe(true);
    const members = await db.selectFrom('sessionCooperatives').select('cooperativeId').where('sessionId', '=', sessions[0]!.id).execute();
    expect(members.map((member) => member.cooperativeId).sort()).toEqual([...cooperatives].sort());

    expect((await manager.request({ method: 'POST', url: `/api/plans/${plan.id}/sessions` })).json<PlanSessionsResult>()).toEqual({ created: 0, existing: expected });
    expect((await manager.request({ method: 'GET', url: `/api/plans/${plan.id}` })).json<TrainingPlanView>().sessionsCreated).toBe(expected);

    // The cooperative's page offers its training path in the approved plan.
    const programmes = await manager.request({ method: 'GET', url: `/api/cooperatives/${cooperatives[0]}/programmes` });
    expect(programmes.json<{ items: Array<{ programmeId: string; approvedPlanId: string | null }> }>().items).toEqual([expect.objectContaining({ programmeId, approvedPlanId: plan.id })]);
  });
});
