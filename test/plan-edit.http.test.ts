import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PlanEdit, TrainingPlanView } from '../src/core/training/plan.schema.js';
import type { Db } from '../src/server/db/database.js';
import type { App } from '../src/server/http/types.js';
import { describeEachDatabase } from './support/database.js';
import { createTestProgramme, createTestUser } from './support/factories.js';
import { buildTestApp, signIn, type Agent } from './support/http.js';
import { enrolWithBaseline, scoresWith } from './support/plans.js';

const tarfaya = '11.537';

const bookkeeping = scoresWith([{ domainKey: 'finance', questionKey: 'fin_bookkeeping', priority: 50 }]);

/** Six cooperatives of Tarfaya, groups of two or three: the planner makes two groups of three for bookkeeping. */
const constraints = { minGroupSize: 2, maxGroupSize: 3, maxDistanceKm: 50, maxSessionsPerMonth: 8, sessionCost: 1 };

type ErrorJson = { error: { code: string; params?: Record<string, unknown>; issues?: Array<{ path: Array<string | number>; key: string; params?: Record<string, unknown> }> } };

describeEachDatabase('editing training plans', (database) => {
  let app: App;
  let db: Db;
  let programmeId: string;
  let trainerId: string;
  let otherTrainerId: string;
  let outsiderId: string;
  let manager: Agent;
  let consultant: Agent;
  let draft: TrainingPlanView;

  const accountingOf = (plan: TrainingPlanView) => plan.result!.modules.find((module) => module.code === 'FIN-ACCOUNTING')!;
  const put = (plan: Pick<TrainingPlanView, 'id'>, revision: number, edits: PlanEdit[], agent = manager) => agent.request({ method: 'PUT', url: `/api/plans/${plan.id}`, payload: { revision, edits } });
  const get = async (planId: string) => (await manager.request({ method: 'GET', url: `/api/plans/${planId}` })).json<TrainingPlanView>();

  beforeAll(async () => {
    db = database().db;
    app = await buildTestApp(database());
    programmeId = (await createTestProgramme(db)).id;
    await db.insertInto('programmePhases').values({ programmeId, kind: 'training', startsOn: '2027-01-04', endsOn: '2027-03-31' }).execute();
    for (const name of ['Akhfennir', 'Tah', 'Tarfaya Mer', 'Amgriou', 'Sidi Akhfennir', 'Khnifiss']) await enrolWithBaseline(db, programmeId, tarfaya, `Coopérative ${name}`, bookkeeping);
    const trainer = await createTestUser(db, [{ role: 'consultant', programmeId }], { displayName: 'Formatrice Salma' });
    const otherTrainer = await createTestUser(db, [{ role: 'consultant', programmeId }], { displayName: 'Formateur Youssef' });
    trainerId = trainer.id;
    otherTrainerId = otherTrainer.id;
    outsiderId = (await createTestUser(db, [], { displayName: 'Hors équipe' })).id;
    await db.insertInto('programmeTeam').values({ programmeId, userId: trainer.id, teamRole: 'trainer' }).execute();
    const managerUser = await createTestUser(db, [{ role: 'programme_manager', programmeId }]);
    manager = await signIn(app, managerUser.email, managerUser.password);
    consultant = await signIn(app, trainer.email, trainer.password);
    const generated = await manager.request({ method: 'POST', url: `/api/programmes/${programmeId}/plans`, payload: { constraints } });
    expect(generated.statusCode).toBe(201);
    draft = generated.json<TrainingPlanView>();
    // The second trainer joins the team after the plan was made: edits may still name them.
    await db.insertInto('programmeTeam').values({ programmeId, userId: otherTrainer.id, teamRole: 'trainer' }).execute();
  });

  afterAll(async () => {
    await app.close();
  });

  it('starts from a draft at revision 1, two groups and no clash; the trainers to choose from are the team’s as it is now', async () => {
    expect(draft).toMatchObject({ status: 'draft', revision: 1, basedOnId: null, editedAt: null, canEdit: true, clashes: [] });
    expect(accountingOf(draft).groups.map((group) => group.cooperativeIds.length)).toEqual([3, 3]);
    expect(draft.trainers!.map((trainer) => trainer.userId)).toEqual([trainerId]);
    expect((await get(draft.id)).trainers!.map((trainer) => trainer.userId).sort()).toEqual([trainerId, otherTrainerId].sort());
  });

  it('applies a batch of edits, raises the revision, stores and audits them', async () => {
    const accounting = accountingOf(draft);
    const [first, second] = accounting.groups;
    const moved = first!.cooperativeIds[0]!;
    const edits: PlanEdit[] = [
      { type: 'move_cooperative', moduleId: accounting.moduleId, cooperativeId: moved, toGroupNumber: second!.number },
      { type: 'set_place', moduleId: accounting.moduleId, groupNumber: first!.number, place: 'Tarfaya, salle communale' },
      { type: 'set_trainer', moduleId: accounting.moduleId, groupNumber: second!.number, trainerId: otherTrainerId },
    ];
    const response = await put(draft, 1, edits);
    expect(response.statusCode).toBe(200);
    const plan = response.json<TrainingPlanView>();
    expect(plan).toMatchObject({ id: draft.id, status: 'draft', revision: 2 });
    expect(plan.editedAt).not.toBeNull();
    const [afterFirst, afterSecond] = accountingOf(plan).groups;
    expect(afterFirst).toMatchObject({ place: 'Tarfaya, salle communale', cooperativeIds: first!.cooperativeIds.slice(1) });
    expect(afterSecond!.cooperativeIds).toHaveLength(4);
    expect(afterSecond).toMatchObject({ trainerId: otherTrainerId });
    expect(plan.result!.coverage.find((entry) => entry.cooperativeId === moved)).toMatchObject({ status: 'group', groupNumber: second!.number });
    // Four in a group of at most three: a warning, not a reason to refuse the edit.
    expect(plan.clashes).toEqual([expect.objectContaining({ kind: 'group_too_large', blocking: false, size: 4, bound: 3 })]);
    expect(plan.labels!.trainers[otherTrainerId]).toBe('Formateur Youssef');

    const again = await get(draft.id);
    expect(again.result).toEqual(plan.result);
    expect(again.revision).toBe(2);
    const stored = await db.selectFrom('trainingPlans').select(['revision', 'editedBy', 'groupsCount', 'sessionsCount']).where('id', '=', draft.id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ revision: 2, groupsCount: 2, sessionsCount: plan.summary.sessions });
    expect(stored.editedBy).not.toBeNull();
    const audit = await db.selectFrom('auditLog').select(['action', 'before', 'after', 'context']).where('entityType', '=', 'training_plan').where('entityId', '=', draft.id).execute();
    expect(audit).toEqual([expect.objectContaining({ action: 'update', before: expect.objectContaining({ revision: 1 }), after: expect.objectContaining({ revision: 2 }), context: expect.objectContaining({ transition: 'edit', edits }) })]);
    draft = plan;
  });

  it('refuses edits made from an older revision, naming the current one, and changes nothing', async () => {
    const accounting = accountingOf(draft);
    const response = await put(draft, 1, [{ type: 'set_place', moduleId: accounting.moduleId, groupNumber: 1, place: 'Ailleurs' }]);
    expect(response.statusCode).toBe(409);
    expect(response.json<ErrorJson>().error).toMatchObject({ code: 'conflict', params: { reason: 'plan_stale', revision: 2 }, issues: [{ path: ['revision'], key: 'plan_stale' }] });
    expect(await get(draft.id)).toMatchObject({ revision: 2, result: draft.result });
  });

  it('refuses a batch with an impossible edit, naming the edit and its field, all or nothing', async () => {
    const accounting = accountingOf(draft);
    const response = await put(draft, 2, [
      { type: 'set_place', moduleId: accounting.moduleId, groupNumber: 1, place: 'Ailleurs' },
      { type: 'set_trainer', moduleId: accounting.moduleId, groupNumber: 1, trainerId: outsiderId },
      { type: 'move_cooperative', moduleId: accounting.moduleId, cooperativeId: accounting.groups[0]!.cooperativeIds[0]!, toGroupNumber: 9 },
    ]);
    expect(response.statusCode).toBe(422);
    expect(response.json<ErrorJson>().error.issues).toEqual([
      { path: ['edits', 1, 'trainerId'], key: 'plan_edit_unknown_trainer' },
      { path: ['edits', 2, 'toGroupNumber'], key: 'plan_edit_unknown_group', params: { number: 9 } },
    ]);
    const malformed = await put(draft, 2, [{ type: 'set_session_date', moduleId: accounting.moduleId, groupNumber: 1, sessionIndex: 0, date: '31/01/2027' } as PlanEdit]);
    expect(malformed.statusCode).toBe(422);
    expect(malformed.json<ErrorJson>().error.issues![0]!.path).toEqual(['edits', 0, 'date']);
    expect(await get(draft.id)).toMatchObject({ revision: 2, result: draft.result });
  });

  it('lets only the programme’s managers edit', async () => {
    const response = await put(draft, 2, [{ type: 'set_place', moduleId: accountingOf(draft).moduleId, groupNumber: 1, place: 'Ailleurs' }], consultant);
    expect(response.statusCode).toBe(403);
  });

  it('refuses to approve a version with a blocking clash, then approves it once fixed', async () => {
    const accounting = accountingOf(draft);
    const [first, second] = accounting.groups;
    // Group 2 goes back to Salma, on the day she already teaches group 1.
    const clashing = await put(draft, 2, [
      { type: 'set_trainer', moduleId: accounting.moduleId, groupNumber: second!.number, trainerId },
      { type: 'set_session_date', moduleId: accounting.moduleId, groupNumber: second!.number, sessionIndex: 0, date: first!.sessions[0]!.date },
    ]);
    expect(clashing.statusCode).toBe(200);
    const withClash = clashing.json<TrainingPlanView>();
    expect(withClash.clashes!.filter((clash) => clash.blocking)).toEqual([
      expect.objectContaining({ kind: 'trainer_double_booked', trainerId, date: first!.sessions[0]!.date, items: [{ kind: 'group', moduleId: accounting.moduleId, groupNumber: 1 }, { kind: 'group', moduleId: accounting.moduleId, groupNumber: 2 }] }),
    ]);
    const refused = await manager.request({ method: 'POST', url: `/api/plans/${draft.id}/approve` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorJson>().error).toMatchObject({ params: { reason: 'plan_has_clashes', count: 1 }, issues: [{ key: 'plan_has_clashes', params: { count: 1 } }] });
    expect((await get(draft.id)).status).toBe('draft');

    // Salma on leave that day: the server reads her leave too.
    const leaveDay = first!.sessions[0]!.date;
    const leave = await db.insertInto('trainerUnavailability').values({ userId: trainerId, startsOn: leaveDay, endsOn: leaveDay, reason: 'Congé' }).returning('id').executeTakeFirstOrThrow();
    const onLeave = await get(draft.id);
    expect(onLeave.clashes!.filter((clash) => clash.blocking).map((clash) => clash.kind)).toEqual(['trainer_double_booked', 'trainer_unavailable']);
    expect((await manager.request({ method: 'POST', url: `/api/plans/${draft.id}/approve` })).json<ErrorJson>().error.params).toMatchObject({ count: 2 });
    await db.deleteFrom('trainerUnavailability').where('id', '=', leave.id).execute();

    const fixed = await put(withClash, 3, [{ type: 'set_trainer', moduleId: accounting.moduleId, groupNumber: second!.number, trainerId: otherTrainerId }]);
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json<TrainingPlanView>().clashes!.filter((clash) => clash.blocking)).toEqual([]);
    const approved = await manager.request({ method: 'POST', url: `/api/plans/${draft.id}/approve` });
    expect(approved.statusCode).toBe(200);
    expect(approved.json<TrainingPlanView>()).toMatchObject({ status: 'approved', revision: 4, canEdit: false });
    draft = approved.json<TrainingPlanView>();
  });

  it('refuses edits to a version that is no longer a draft', async () => {
    const response = await put(draft, 4, [{ type: 'set_place', moduleId: accountingOf(draft).moduleId, groupNumber: 1, place: 'Ailleurs' }]);
    expect(response.statusCode).toBe(409);
    expect(response.json<ErrorJson>().error).toMatchObject({ params: { reason: 'plan_not_draft', status: 'approved' }, issues: [{ key: 'plan_not_draft' }] });
  });

  it('copies a version into a new draft to edit, audited as a creation', async () => {
    const response = await manager.request({ method: 'POST', url: `/api/plans/${draft.id}/copy` });
    expect(response.statusCode).toBe(201);
    const copy = response.json<TrainingPlanView>();
    expect(copy).toMatchObject({ status: 'draft', version: draft.version + 1, revision: 1, basedOnId: draft.id, canEdit: true, parameters: draft.parameters, summary: draft.summary });
    expect(copy.id).not.toBe(draft.id);
    expect(copy.result).toEqual(draft.result);
    const audit = await db.selectFrom('auditLog').select(['action', 'context']).where('entityType', '=', 'training_plan').where('entityId', '=', copy.id).execute();
    expect(audit).toEqual([expect.objectContaining({ action: 'create', context: expect.objectContaining({ transition: 'copy', from: expect.objectContaining({ id: draft.id, status: 'approved' }) }) })]);

    const edited = await put(copy, 1, [{ type: 'set_place', moduleId: accountingOf(copy).moduleId, groupNumber: 1, place: 'Tarfaya, port' }]);
    expect(edited.statusCode).toBe(200);
    expect((await get(draft.id)).result).toEqual(draft.result);
    expect((await manager.request({ method: 'POST', url: `/api/plans/${draft.id}/copy` })).statusCode).toBe(201);
    expect((await consultant.request({ method: 'POST', url: `/api/plans/${draft.id}/copy` })).statusCode).toBe(403);
  });
});
