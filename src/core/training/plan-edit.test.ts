import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyPlanEdits, findPlanClashes, mergePlanEdit, planClashContext, planEditContext, summarisePlan, type ClashContext, type EditContext } from './plan-edit.js';
import { generateTrainingPlan, moduleAnswersNeed, type PlanInput } from './plan-generation.js';
import { smallPlanInstance } from './plan-instances.js';
import type { PlanEdit, PlanResult } from './plan.schema.js';

const finance = 'module-fin';
const marketing = 'module-mkt';

/**
 * Two modules: finance in two groups (Tarfaya with trainer t1, Boujdour with t2),
 * marketing in one (t2); one workshop after the phase. No clash as it stands.
 */
function samplePlan(): PlanResult {
  const group = (moduleId: string, number: number, trainerId: string, cooperativeIds: string[], dates: string[]) => ({
    moduleId,
    number,
    hubProvinceCode: number === 1 ? '11.537' : '11.121',
    place: number === 1 ? 'Tarfaya' : 'Boujdour',
    trainerId,
    cooperativeIds,
    sessions: dates.map((date) => ({ date, hours: 6 })),
  });
  const need = (cooperativeId: string, domainKey: string, priority: number) => ({ cooperativeId, needKey: domainKey, domainKey, questionKey: null, priority });
  return {
    modules: [
      {
        moduleId: finance,
        code: 'FIN',
        groups: [group(finance, 1, 't1', ['c1', 'c2', 'c3'], ['2027-01-05', '2027-01-06']), group(finance, 2, 't2', ['c4', 'c5', 'c6'], ['2027-01-05', '2027-01-07'])],
      },
      { moduleId: marketing, code: 'MKT', groups: [group(marketing, 1, 't2', ['c1', 'c4', 'c5'], ['2027-01-12'])] },
    ],
    coaching: [{ cooperativeId: 'c2', moduleId: marketing, needKeys: ['marketing'], priority: 5 }],
    workshops: [{ provinceCode: '11.537', place: 'Tarfaya', date: '2027-04-05', trainerId: 't1', cooperativeIds: ['c1', 'c2', 'c3'] }],
    coverage: [
      { ...need('c1', 'finance', 50), status: 'group', moduleId: finance, groupNumber: 1 },
      { ...need('c1', 'marketing', 30), status: 'group', moduleId: marketing, groupNumber: 1 },
      { ...need('c2', 'finance', 40), status: 'group', moduleId: finance, groupNumber: 1 },
      { ...need('c2', 'marketing', 5), status: 'coaching', moduleId: marketing },
      { ...need('c3', 'finance', 20), status: 'group', moduleId: finance, groupNumber: 1 },
      { ...need('c4', 'finance', 10), status: 'group', moduleId: finance, groupNumber: 2 },
      { ...need('c4', 'marketing', 15), status: 'group', moduleId: marketing, groupNumber: 1 },
      { ...need('c5', 'finance', 12), status: 'group', moduleId: finance, groupNumber: 2 },
      { ...need('c5', 'marketing', 18), status: 'group', moduleId: marketing, groupNumber: 1 },
      { ...need('c6', 'finance', 25), status: 'group', moduleId: finance, groupNumber: 2 },
      { ...need('c6', 'legal', 3), status: 'unanswered', reason: 'below_min_priority' },
    ],
    // As the planner would state it with sessionCost 10: 220 − 10 × 5.
    summary: { objective: 170, needs: 11, answeredByGroups: 9, answeredByCoaching: 1, unanswered: 1, groups: 3, sessions: 5 },
  };
}

const editContext: EditContext = { trainerIds: ['t1', 't2', 't3'], hoursPerSession: 6, sessionCost: 10 };
const clashContext: ClashContext = { constraints: { minGroupSize: 2, maxGroupSize: 4 }, trainingPhase: { start: '2027-01-04', end: '2027-03-31' }, unavailable: {} };

function edited(edits: PlanEdit[], plan = samplePlan()): PlanResult {
  const outcome = applyPlanEdits(plan, edits, editContext);
  if (!outcome.ok) throw new Error(`edits refused: ${JSON.stringify(outcome.issues)}`);
  return outcome.result;
}

const groupRef = (moduleId: string, groupNumber: number) => ({ kind: 'group' as const, moduleId, groupNumber });
const move = (moduleId: string, cooperativeId: string, toGroupNumber: number): PlanEdit => ({ type: 'move_cooperative', moduleId, cooperativeId, toGroupNumber });

describe('applyPlanEdits', () => {
  it('moves a cooperative between groups of a module, in the planner’s member order, and its coverage follows', () => {
    const plan = edited([move(finance, 'c1', 2)]);
    const [first, second] = plan.modules[0]!.groups;
    expect(first!.cooperativeIds).toEqual(['c2', 'c3']);
    expect(second!.cooperativeIds).toEqual(['c1', 'c4', 'c5', 'c6']);
    expect(plan.coverage.find((entry) => entry.cooperativeId === 'c1' && entry.needKey === 'finance')).toMatchObject({ status: 'group', moduleId: finance, groupNumber: 2 });
    // Its marketing group is another module's: untouched.
    expect(plan.coverage.find((entry) => entry.cooperativeId === 'c1' && entry.needKey === 'marketing')).toMatchObject({ moduleId: marketing, groupNumber: 1 });
    expect(plan.summary).toEqual(samplePlan().summary);
  });

  it('undoing a move gives back the plan as it was', () => {
    expect(edited([move(finance, 'c1', 2), move(finance, 'c1', 1)])).toEqual(samplePlan());
  });

  it('counts only groups left with members in the summary, and the objective loses their sessions’ cost', () => {
    const plan = edited([move(finance, 'c1', 2), move(finance, 'c2', 2), move(finance, 'c3', 2)]);
    expect(plan.modules[0]!.groups[0]!.cooperativeIds).toEqual([]);
    expect(plan.summary).toEqual({ objective: 220 - 10 * 3, needs: 11, answeredByGroups: 9, answeredByCoaching: 1, unanswered: 1, groups: 2, sessions: 3 });
    expect(plan.coverage.filter((entry) => entry.status === 'group' && entry.moduleId === finance).every((entry) => entry.status === 'group' && entry.groupNumber === 2)).toBe(true);
  });

  it('sets a group’s trainer, place and session dates, and a workshop’s date and trainer', () => {
    const plan = edited([
      { type: 'set_trainer', moduleId: finance, groupNumber: 2, trainerId: 't3' },
      { type: 'set_place', moduleId: finance, groupNumber: 2, place: 'Boujdour, maison des jeunes' },
      { type: 'set_session_date', moduleId: finance, groupNumber: 2, sessionIndex: 1, date: '2027-01-08' },
      { type: 'set_workshop', workshopIndex: 0, date: '2027-04-06', trainerId: null },
    ]);
    expect(plan.modules[0]!.groups[1]).toMatchObject({ trainerId: 't3', place: 'Boujdour, maison des jeunes', sessions: [{ date: '2027-01-05', hours: 6 }, { date: '2027-01-08', hours: 6 }] });
    expect(plan.workshops[0]).toMatchObject({ date: '2027-04-06', trainerId: null });
    expect(edited([{ type: 'set_workshop', workshopIndex: 0, date: '2027-04-07', trainerId: 't2' }]).workshops[0]).toMatchObject({ date: '2027-04-07', trainerId: 't2' });
  });

  it('refuses each impossible edit, naming its index and field', () => {
    const outcome = applyPlanEdits(
      samplePlan(),
      [
        { type: 'set_place', moduleId: 'module-none', groupNumber: 1, place: 'Ailleurs' },
        move(finance, 'c1', 3),
        move(finance, 'c9', 2),
        move(finance, 'c1', 1),
        { type: 'set_trainer', moduleId: finance, groupNumber: 1, trainerId: 'stranger' },
        { type: 'set_session_date', moduleId: finance, groupNumber: 1, sessionIndex: 2, date: '2027-01-20' },
        { type: 'set_workshop', workshopIndex: 1, date: '2027-04-06', trainerId: 't1' },
        { type: 'set_workshop', workshopIndex: 0, date: '2027-04-06', trainerId: 'stranger' },
        { type: 'set_trainer', moduleId: marketing, groupNumber: 2, trainerId: 't1' },
      ],
      editContext,
    );
    expect(outcome).toEqual({
      ok: false,
      issues: [
        { path: ['edits', 0, 'moduleId'], key: 'plan_edit_unknown_module' },
        { path: ['edits', 1, 'toGroupNumber'], key: 'plan_edit_unknown_group', params: { number: 3 } },
        { path: ['edits', 2, 'cooperativeId'], key: 'plan_edit_not_in_module' },
        { path: ['edits', 3, 'toGroupNumber'], key: 'plan_edit_same_group', params: { number: 1 } },
        { path: ['edits', 4, 'trainerId'], key: 'plan_edit_unknown_trainer' },
        { path: ['edits', 5, 'sessionIndex'], key: 'plan_edit_unknown_session', params: { count: 2 } },
        { path: ['edits', 6, 'workshopIndex'], key: 'plan_edit_unknown_workshop' },
        { path: ['edits', 7, 'trainerId'], key: 'plan_edit_unknown_trainer' },
        { path: ['edits', 8, 'groupNumber'], key: 'plan_edit_unknown_group', params: { number: 2 } },
      ],
    });
  });

  it('applies in order: a move is checked against the plan the earlier edits left', () => {
    // c1 is in group 2 once the first edit applied, so moving it "to 2" again is a no-op refused.
    const outcome = applyPlanEdits(samplePlan(), [move(finance, 'c1', 2), move(finance, 'c1', 2)], editContext);
    expect(outcome).toEqual({ ok: false, issues: [{ path: ['edits', 1, 'toGroupNumber'], key: 'plan_edit_same_group', params: { number: 2 } }] });
  });

  it('is all or nothing, and never changes its input', () => {
    const plan = samplePlan();
    const before = structuredClone(plan);
    const refused = applyPlanEdits(plan, [move(finance, 'c1', 2), { type: 'set_trainer', moduleId: finance, groupNumber: 1, trainerId: 'stranger' }], editContext);
    expect(refused.ok).toBe(false);
    expect('result' in refused).toBe(false);
    const accepted = applyPlanEdits(plan, [move(finance, 'c1', 2), { type: 'set_session_date', moduleId: finance, groupNumber: 1, sessionIndex: 0, date: '2027-02-01' }], editContext);
    expect(accepted.ok).toBe(true);
    expect(plan).toEqual(before);
  });
});

describe('findPlanClashes', () => {
  it('finds none in a plan where nobody is in two places', () => {
    expect(findPlanClashes(samplePlan(), clashContext)).toEqual([]);
  });

  it('finds a trainer given two groups on the same day, once per day, listing both', () => {
    const plan = edited([{ type: 'set_trainer', moduleId: finance, groupNumber: 2, trainerId: 't1' }]);
    expect(findPlanClashes(plan, clashContext)).toEqual([
      { kind: 'trainer_double_booked', blocking: true, date: '2027-01-05', trainerId: 't1', cooperativeId: null, size: null, bound: null, items: [groupRef(finance, 1), groupRef(finance, 2)] },
    ]);
  });

  it('finds two sessions of one group set on the same day: its trainer and its cooperatives cannot hold both', () => {
    const plan = edited([{ type: 'set_session_date', moduleId: finance, groupNumber: 1, sessionIndex: 1, date: '2027-01-05' }]);
    expect(findPlanClashes(plan, clashContext).map((clash) => [clash.kind, clash.trainerId ?? clash.cooperativeId, clash.items])).toEqual([
      ['trainer_double_booked', 't1', [groupRef(finance, 1)]],
      ['cooperative_double_booked', 'c1', [groupRef(finance, 1)]],
      ['cooperative_double_booked', 'c2', [groupRef(finance, 1)]],
      ['cooperative_double_booked', 'c3', [groupRef(finance, 1)]],
    ]);
  });

  it('finds a trainer facilitating a group session and a workshop on the same day', () => {
    const plan = edited([{ type: 'set_workshop', workshopIndex: 0, date: '2027-01-12', trainerId: 't2' }]);
    const clashes = findPlanClashes(plan, clashContext);
    expect(clashes.filter((clash) => clash.kind === 'trainer_double_booked')).toEqual([
      { kind: 'trainer_double_booked', blocking: true, date: '2027-01-12', trainerId: 't2', cooperativeId: null, size: null, bound: null, items: [groupRef(marketing, 1), { kind: 'workshop', workshopIndex: 0 }] },
    ]);
    // c1 is both in the marketing group and at its province's workshop that day.
    expect(clashes.filter((clash) => clash.kind === 'cooperative_double_booked').map((clash) => clash.cooperativeId)).toEqual(['c1']);
  });

  it('finds each cooperative expected in two groups on the same day, in order of cooperative', () => {
    const plan = edited([{ type: 'set_session_date', moduleId: marketing, groupNumber: 1, sessionIndex: 0, date: '2027-01-05' }]);
    const clashes = findPlanClashes(plan, clashContext);
    expect(clashes.map((clash) => [clash.kind, clash.trainerId ?? clash.cooperativeId])).toEqual([
      ['trainer_double_booked', 't2'],
      ['cooperative_double_booked', 'c1'],
      ['cooperative_double_booked', 'c4'],
      ['cooperative_double_booked', 'c5'],
    ]);
    expect(clashes[1]).toEqual({
      kind: 'cooperative_double_booked',
      blocking: true,
      date: '2027-01-05',
      trainerId: null,
      cooperativeId: 'c1',
      size: null,
      bound: null,
      items: [groupRef(finance, 1), groupRef(marketing, 1)],
    });
  });

  it('finds a trainer working on a day of leave, both ends of the period included, workshops too', () => {
    const context = { ...clashContext, unavailable: { t1: [{ from: '2027-01-06', to: '2027-01-06' }, { from: '2027-04-01', to: '2027-04-05' }], t2: [{ from: '2027-01-08', to: '2027-01-11' }] } };
    expect(findPlanClashes(samplePlan(), context)).toEqual([
      { kind: 'trainer_unavailable', blocking: true, date: '2027-01-06', trainerId: 't1', cooperativeId: null, size: null, bound: null, items: [groupRef(finance, 1)] },
      { kind: 'trainer_unavailable', blocking: true, date: '2027-04-05', trainerId: 't1', cooperativeId: null, size: null, bound: null, items: [{ kind: 'workshop', workshopIndex: 0 }] },
    ]);
  });

  it('finds group sessions outside the training phase, never workshops, and none without a phase', () => {
    const plan = edited([
      { type: 'set_session_date', moduleId: finance, groupNumber: 1, sessionIndex: 0, date: '2027-01-01' },
      { type: 'set_session_date', moduleId: finance, groupNumber: 1, sessionIndex: 1, date: '2027-04-01' },
      { type: 'set_session_date', moduleId: finance, groupNumber: 2, sessionIndex: 1, date: '2027-03-31' },
    ]);
    expect(findPlanClashes(plan, clashContext)).toEqual([
      { kind: 'outside_training_phase', blocking: true, date: '2027-01-01', trainerId: null, cooperativeId: null, size: null, bound: null, items: [groupRef(finance, 1)] },
      { kind: 'outside_training_phase', blocking: true, date: '2027-04-01', trainerId: null, cooperativeId: null, size: null, bound: null, items: [groupRef(finance, 1)] },
    ]);
    expect(findPlanClashes(plan, { ...clashContext, trainingPhase: null })).toEqual([]);
  });

  it('warns of groups too small or too large, and blocks on an empty group whose sessions no longer count', () => {
    const smallAndLarge = edited([move(finance, 'c1', 2), move(finance, 'c2', 2)]);
    expect(findPlanClashes(smallAndLarge, clashContext)).toEqual([
      { kind: 'group_too_small', blocking: false, date: null, trainerId: null, cooperativeId: null, size: 1, bound: 2, items: [groupRef(finance, 1)] },
      { kind: 'group_too_large', blocking: false, date: null, trainerId: null, cooperativeId: null, size: 5, bound: 4, items: [groupRef(finance, 2)] },
    ]);
    // Emptied, group 1 holds no session: the trainer t2 of group 2 on the same day as… nobody.
    const emptied = edited([move(finance, 'c1', 2), move(finance, 'c2', 2), move(finance, 'c3', 2), { type: 'set_trainer', moduleId: finance, groupNumber: 1, trainerId: 't2' }]);
    expect(findPlanClashes(emptied, clashContext).map((clash) => [clash.kind, clash.blocking, clash.size])).toEqual([
      ['group_too_small', true, 0],
      ['group_too_large', false, 6],
    ]);
  });

  it('lists every kind in a stable order, whatever order the plan’s items come in', () => {
    const plan = edited([
      { type: 'set_trainer', moduleId: finance, groupNumber: 2, trainerId: 't1' },
      { type: 'set_session_date', moduleId: marketing, groupNumber: 1, sessionIndex: 0, date: '2027-04-05' },
      move(finance, 'c1', 2),
      move(finance, 'c2', 2),
    ]);
    const context = { ...clashContext, unavailable: { t1: [{ from: '2027-01-07', to: '2027-01-07' }] } };
    const clashes = findPlanClashes(plan, context);
    expect(clashes.map((clash) => clash.kind)).toEqual([
      'trainer_double_booked',
      'cooperative_double_booked',
      'trainer_unavailable',
      'group_too_small',
      'group_too_large',
      'outside_training_phase',
    ]);
    expect(findPlanClashes(structuredClone(plan), context)).toEqual(clashes);
  });
});

describe('mergePlanEdit', () => {
  const saved = samplePlan();
  const place = (groupNumber: number, value: string): PlanEdit => ({ type: 'set_place', moduleId: finance, groupNumber, place: value });

  it('keeps one edit per target, the latest, where the first one was', () => {
    let edits = mergePlanEdit(saved, [], place(1, 'Tarfaya, port'));
    edits = mergePlanEdit(saved, edits, move(finance, 'c1', 2));
    edits = mergePlanEdit(saved, edits, place(1, 'Tarfaya, salle communale'));
    edits = mergePlanEdit(saved, edits, place(2, 'Boujdour, port'));
    expect(edits).toEqual([place(1, 'Tarfaya, salle communale'), move(finance, 'c1', 2), place(2, 'Boujdour, port')]);
  });

  it('drops an edit that brings its target back to the saved plan', () => {
    let edits = mergePlanEdit(saved, [], move(finance, 'c1', 2));
    edits = mergePlanEdit(saved, edits, { type: 'set_workshop', workshopIndex: 0, date: '2027-04-06', trainerId: 't1' });
    expect(mergePlanEdit(saved, edits, move(finance, 'c1', 1))).toEqual([{ type: 'set_workshop', workshopIndex: 0, date: '2027-04-06', trainerId: 't1' }]);
    expect(mergePlanEdit(saved, edits, { type: 'set_workshop', workshopIndex: 0, date: '2027-04-05', trainerId: 't1' })).toEqual([move(finance, 'c1', 2)]);
    expect(mergePlanEdit(saved, [], { type: 'set_trainer', moduleId: finance, groupNumber: 1, trainerId: 't1' })).toEqual([]);
    expect(mergePlanEdit(saved, [], { type: 'set_session_date', moduleId: finance, groupNumber: 1, sessionIndex: 1, date: '2027-01-06' })).toEqual([]);
    expect(mergePlanEdit(saved, [], place(1, 'Tarfaya'))).toEqual([]);
  });

  it('gives, applied, the same plan as every edit in turn', () => {
    const steps: PlanEdit[] = [move(finance, 'c1', 2), place(1, 'Ailleurs'), move(finance, 'c1', 1), move(finance, 'c4', 1), place(1, 'Tarfaya, port')];
    const merged = steps.reduce<PlanEdit[]>((edits, edit) => mergePlanEdit(saved, edits, edit), []);
    expect(merged).toHaveLength(2);
    expect(edited(merged)).toEqual(edited(steps));
  });
});

describe('contexts of a stored version', () => {
  it('reads the constraints, the phase and the leave, defaults standing in for what is missing', () => {
    const parameters = { constraints: { minGroupSize: 4, maxGroupSize: 9, sessionCost: 3, hoursPerSession: 5 }, calendar: { trainingStart: '2027-01-04', trainingEnd: '2027-03-31' } };
    const trainers = [{ userId: 't1', unavailable: [{ id: 'u1', from: '2027-01-06', to: '2027-01-08', reason: 'Congé' }] }];
    expect(planClashContext(parameters, trainers)).toEqual({
      constraints: expect.objectContaining({ minGroupSize: 4, maxGroupSize: 9 }),
      trainingPhase: { start: '2027-01-04', end: '2027-03-31' },
      unavailable: { t1: [{ from: '2027-01-06', to: '2027-01-08' }] },
    });
    expect(planEditContext(parameters, ['t1'])).toEqual({ trainerIds: ['t1'], hoursPerSession: 5, sessionCost: 3 });
    expect(planClashContext({ constraints: {}, calendar: {} }, [])).toEqual({ constraints: expect.objectContaining({ minGroupSize: 6, maxGroupSize: 20 }), trainingPhase: null, unavailable: {} });
    expect(planEditContext({ constraints: { minGroupSize: 30, maxGroupSize: 2 } }, [])).toEqual({ trainerIds: [], hoursPerSession: 6, sessionCost: 10 });
  });
});

describe('editing generated plans', () => {
  const seeds = fc.integer({ min: 1, max: 1_000_000 });

  /** The planner's objective, as documented, of a plan: priority of the needs a group's module answers, less the sessions of groups with members. */
  const objectiveOf = (input: PlanInput, plan: PlanResult) => {
    let answered = 0;
    for (const entry of plan.coverage) {
      if (entry.status !== 'group') continue;
      const module = input.modules.find((candidate) => candidate.id === entry.moduleId)!;
      if (moduleAnswersNeed(module.definition, entry)) answered += entry.priority;
    }
    const sessions = plan.modules.flatMap((planned) => planned.groups).filter((group) => group.cooperativeIds.length > 0).reduce((total, group) => total + group.sessions.length, 0);
    return answered - input.constraints.sessionCost * sessions;
  };

  it('recomputes the planner’s own summary, and finds in its plans no clash the planner avoids', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const input = smallPlanInstance(seed);
        const plan = generateTrainingPlan(input) as PlanResult;
        expect(summarisePlan(plan, plan.summary, input.constraints.sessionCost)).toEqual(plan.summary);
        expect(plan.summary.objective).toBeCloseTo(objectiveOf(input, plan), 6);
        const context: ClashContext = {
          constraints: input.constraints,
          trainingPhase: { start: input.calendar.trainingStart, end: input.calendar.trainingEnd },
          unavailable: Object.fromEntries(input.trainers.map((trainer) => [trainer.id, trainer.unavailable])),
        };
        // The planner books trainers and cooperatives alike: none is in two places on one day.
        expect(findPlanClashes(plan, context)).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps every cooperative in exactly one group per module, its coverage pointing at it, and a move undone restores the plan', () => {
    fc.assert(
      fc.property(seeds, fc.array(fc.nat(), { minLength: 1, maxLength: 8 }), (seed, picks) => {
        // Cooperatives listed against the order of their ids, as a programme lists them by name.
        const instance = smallPlanInstance(seed);
        const input = { ...instance, cooperatives: [...instance.cooperatives].reverse() };
        const plan = generateTrainingPlan(input) as PlanResult;
        const context = { trainerIds: input.trainers.map((trainer) => trainer.id), hoursPerSession: 6, sessionCost: input.constraints.sessionCost };
        const modules = plan.modules.filter((planned) => planned.groups.length >= 2);
        fc.pre(modules.length > 0);
        // Random valid moves, each to another group of its module.
        let current = plan;
        const edits: PlanEdit[] = [];
        for (const pick of picks) {
          const planned = current.modules.find((candidate) => candidate.moduleId === modules[pick % modules.length]!.moduleId)!;
          const members = planned.groups.flatMap((group) => group.cooperativeIds.map((id) => ({ id, number: group.number })));
          const member = members[pick % members.length]!;
          const targets = planned.groups.filter((group) => group.number !== member.number);
          const edit = move(planned.moduleId, member.id, targets[pick % targets.length]!.number);
          const outcome = applyPlanEdits(current, [edit], context);
          expect(outcome.ok).toBe(true);
          if (!outcome.ok) return;
          // Undone at once, the plan is as before.
          const undone = applyPlanEdits(outcome.result, [move(planned.moduleId, member.id, member.number)], context);
          expect(undone.ok && undone.result).toEqual(current);
          current = outcome.result;
          edits.push(edit);
        }
        // The batch at once gives the same plan as the edits one by one.
        const batch = applyPlanEdits(plan, edits, context);
        expect(batch.ok && batch.result).toEqual(current);
        for (const planned of current.modules) {
          const before = plan.modules.find((candidate) => candidate.moduleId === planned.moduleId)!;
          const members = planned.groups.flatMap((group) => group.cooperativeIds);
          expect(new Set(members).size).toBe(members.length);
          expect([...members].sort()).toEqual(before.groups.flatMap((group) => group.cooperativeIds).sort());
        }
        for (const entry of current.coverage) {
          if (entry.status !== 'group') continue;
          const group = current.modules.find((planned) => planned.moduleId === entry.moduleId)!.groups.find((candidate) => candidate.number === entry.groupNumber)!;
          expect(group.cooperativeIds).toContain(entry.cooperativeId);
        }
        expect(current.summary.answeredByGroups).toBe(plan.summary.answeredByGroups);
        expect(current.summary.objective).toBeCloseTo(objectiveOf(input, current), 6);
      }),
      { numRuns: 60 },
    );
  });
});
