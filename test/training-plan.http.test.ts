import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PlanVersion, TrainingPlanView } from '../src/core/training/plan.schema.js';
import type { Db } from '../src/server/db/database.js';
import type { App } from '../src/server/http/types.js';
import { describeEachDatabase } from './support/database.js';
import { createTestProgramme, createTestUser } from './support/factories.js';
import { buildTestApp, signIn, type Agent } from './support/http.js';
import { enrolWithBaseline, scoresWith } from './support/plans.js';

const tarfaya = '11.537';
const boujdour = '11.121';

const constraints = { minGroupSize: 2, maxGroupSize: 10, maxDistanceKm: 50, maxSessionsPerMonth: 8, sessionCost: 1 };

describeEachDatabase('training plans', (database) => {
  let app: App;
  let db: Db;
  let programmeId: string;
  let bareProgrammeId: string;
  let trainerId: string;
  let manager: Agent;
  let consultant: Agent;
  let funder: Agent;
  let representative: Agent;
  const cooperatives: Record<'a' | 'b' | 'c' | 'far', string> = { a: '', b: '', c: '', far: '' };

  beforeAll(async () => {
    db = database().db;
    app = await buildTestApp(database());
    programmeId = (await createTestProgramme(db)).id;
    bareProgrammeId = (await createTestProgramme(db)).id;
    await db.insertInto('programmePhases').values({ programmeId, kind: 'training', startsOn: '2027-01-04', endsOn: '2027-03-31' }).execute();
    const bookkeeping = scoresWith([{ domainKey: 'finance', questionKey: 'fin_bookkeeping', priority: 50 }]);
    cooperatives.a = await enrolWithBaseline(db, programmeId, tarfaya, 'Coopérative Akhfennir', bookkeeping);
    cooperatives.b = await enrolWithBaseline(db, programmeId, tarfaya, 'Coopérative Tah', bookkeeping);
    cooperatives.c = await enrolWithBaseline(db, programmeId, tarfaya, 'Coopérative Tarfaya Mer', bookkeeping);
    cooperatives.far = await enrolWithBaseline(db, programmeId, boujdour, 'Coopérative Boujdour', bookkeeping);
    const trainer = await createTestUser(db, [{ role: 'consultant', programmeId }], { displayName: 'Formatrice Salma' });
    trainerId = trainer.id;
    await db.insertInto('programmeTeam').values({ programmeId, userId: trainer.id, teamRole: 'trainer' }).execute();
    const managerUser = await createTestUser(db, [{ role: 'programme_manager', programmeId }, { role: 'programme_manager', programmeId: bareProgrammeId }]);
    const funderUser = await createTestUser(db, [{ role: 'funder', programmeId }]);
    const representativeUser = await createTestUser(db, [{ role: 'cooperative_representative', cooperativeId: cooperatives.a }]);
    manager = await signIn(app, managerUser.email, managerUser.password);
    consultant = await signIn(app, trainer.email, trainer.password);
    funder = await signIn(app, funderUser.email, funderUser.password);
    representative = await signIn(app, representativeUser.email, representativeUser.password);
  });

  afterAll(async () => {
    await app.close();
  });

  it('generates a draft from the validated needs, the catalogue, the phase and the team', async () => {
    const response = await manager.request({ method: 'POST', url: `/api/programmes/${programmeId}/plans`, payload: { constraints } });
    expect(response.statusCode).toBe(201);
    const plan = response.json<TrainingPlanView>();
    expect(plan).toMatchObject({ programmeId, version: 1, status: 'draft', canApprove: true });
    expect(plan.parameters).toMatchObject({ cooperatives: 4, trainers: 1, constraints: { minGroupSize: 2, weekdays: [1, 2, 3, 4, 5] } });
    const accounting = plan.result!.modules.find((module) => module.code === 'FIN-ACCOUNTING')!;
    expect(accounting.groups).toHaveLength(1);
    const [group] = accounting.groups;
    expect(group).toMatchObject({ hubProvinceCode: tarfaya, trainerId });
    expect([...group!.cooperativeIds].sort()).toEqual([cooperatives.a, cooperatives.b, cooperatives.c].sort());
    expect(group!.sessions[0]!.date >= '2027-01-04' && group!.sessions[0]!.date <= '2027-03-31').toBe(true);
    // The lone Boujdour cooperative: nobody within reach, and no coaching cadence.
    expect(plan.result!.coverage.find((entry) => entry.cooperativeId === cooperatives.far)).toMatchObject({ status: 'unanswered', reason: 'too_few_within_reach', needKey: 'finance.fin_bookkeeping' });
    expect(plan.summary).toMatchObject({ needs: 4, answeredByGroups: 3, unanswered: 1, groups: 1 });
    expect(plan.labels!.trainers[trainerId]).toBe('Formatrice Salma');
    expect(plan.labels!.cooperatives[cooperatives.a]!.name).toBe('Coopérative Akhfennir');
    expect(plan.labels!.modules[accounting.moduleId]!.code).toBe('FIN-ACCOUNTING');

    // Read back unchanged (no key renamed by the camel-case mapping).
    const again = await consultant.request({ method: 'GET', url: `/api/plans/${plan.id}` });
    expect(again.statusCode).toBe(200);
    expect(again.json<TrainingPlanView>().result).toEqual(plan.result);
    expect(again.json<TrainingPlanView>().canApprove).toBe(false);
  });

  it('refuses bad constraints, naming the field', async () => {
    const response = await manager.request({ method: 'POST', url: `/api/programmes/${programmeId}/plans`, payload: { constraints: { minGroupSize: 8, maxGroupSize: 4 } } });
    expect(response.statusCode).toBe(422);
    expect(response.json<{ error: { issues: Array<{ path: unknown[]; key: string }> } }>().error.issues).toContainEqual(expect.objectContaining({ path: ['constraints', 'maxGroupSize'], key: 'plan_group_bounds' }));
    const bare = await manager.request({ method: 'POST', url: `/api/programmes/${bareProgrammeId}/plans`, payload: { constraints } });
    expect(bare.statusCode).toBe(422);
    expect(bare.json<{ error: { issues: Array<{ key: string }> } }>().error.issues[0]!.key).toBe('plan_no_training_phase');
  });

  it('approves a draft, supersedes the version approved before, and audits both', async () => {
    const first = (await manager.request({ method: 'GET', url: `/api/programmes/${programmeId}/plans` })).json<PlanVersion[]>().at(-1)!;
    expect((await manager.request({ method: 'POST', url: `/api/plans/${first.id}/approve` })).json<TrainingPlanView>()).toMatchObject({ status: 'approved', canApprove: false });
    const second = (await manager.request({ method: 'POST', url: `/api/programmes/${programmeId}/plans`, payload: { constraints } })).json<TrainingPlanView>();
    expect(second.version).toBe(first.version + 1);
    expect((await manager.request({ method: 'POST', url: `/api/plans/${second.id}/approve` })).statusCode).toBe(200);
    const versions = (await manager.request({ method: 'GET', url: `/api/programmes/${programmeId}/plans` })).json<PlanVersion[]>();
    expect(versions.find((version) => version.id === first.id)!.status).toBe('superseded');
    expect(versions[0]).toMatchObject({ id: second.id, status: 'approved' });
    expect((await manager.request({ method: 'POST', url: `/api/plans/${first.id}/approve` })).statusCode).toBe(409);
    const audit = await db.selectFrom('auditLog').select(['entityId', 'after']).where('entityType', '=', 'training_plan').where('entityId', 'in', [first.id, second.id]).execute();
    expect(audit.length).toBeGreaterThanOrEqual(3);
  });

  it('shows funders the summary only, and keeps others out', async () => {
    const versions = await funder.request({ method: 'GET', url: `/api/programmes/${programmeId}/plans` });
    expect(versions.statusCode).toBe(200);
    const planId = versions.json<PlanVersion[]>()[0]!.id;
    const plan = await funder.request({ method: 'GET', url: `/api/plans/${planId}` });
    expect(plan.statusCode).toBe(200);
    expect(plan.json<TrainingPlanView>()).toMatchObject({ result: null, labels: null, canApprove: false });
    expect((await funder.request({ method: 'POST', url: `/api/programmes/${programmeId}/plans`, payload: { constraints } })).statusCode).toBe(403);
    expect((await consultant.request({ method: 'POST', url: `/api/programmes/${programmeId}/plans`, payload: { constraints } })).statusCode).toBe(403);
    expect((await consultant.request({ method: 'POST', url: `/api/plans/${planId}/approve` })).statusCode).toBe(403);
    expect((await representative.request({ method: 'GET', url: `/api/plans/${planId}` })).statusCode).toBe(403);
    expect((await funder.request({ method: 'GET', url: `/api/programmes/${bareProgrammeId}/plans` })).statusCode).toBe(404);
  });
});
