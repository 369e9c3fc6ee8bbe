import { expect, it } from 'vitest';
import { moroccanToday } from '../src/core/action-plans/action-plan.rules.js';
import { loadDemo } from '../src/server/demo/demo.js';
import { describeEachDatabase } from './support/database.js';

describeEachDatabase('demo action plans', (database) => {
  it('agrees a plan with every one of the 51 cooperatives, drafted from its baseline and under way', async () => {
    const db = database().db;
    const started = Date.now();
    await loadDemo(db);
    const elapsed = Date.now() - started;

    const plans = await db
      .selectFrom('actionPlans')
      .innerJoin('programmes', 'programmes.id', 'actionPlans.programmeId')
      .innerJoin('cooperatives', 'cooperatives.id', 'actionPlans.cooperativeId')
      .innerJoin('diagnostics', 'diagnostics.id', 'actionPlans.diagnosticId')
      .leftJoin('roleGrants', (join) => join.onRef('roleGrants.userId', '=', 'actionPlans.acceptedBy').onRef('roleGrants.cooperativeId', '=', 'actionPlans.cooperativeId'))
      .select(['actionPlans.id', 'programmes.code', 'cooperatives.registrationNumber', 'actionPlans.status', 'actionPlans.acceptedAt', 'actionPlans.acceptanceNote', 'diagnostics.status as diagnosticStatus', 'diagnostics.validatedAt', 'roleGrants.role as accepterRole'])
      .execute();
    expect(plans.filter((plan) => plan.code === 'INJAZ-LSH-18')).toHaveLength(18);
    expect(plans.filter((plan) => plan.code === 'MOURAFAKA-SM-T2')).toHaveLength(33);
    const today = moroccanToday();
    for (const plan of plans) {
      expect(plan).toMatchObject({ status: 'agreed', diagnosticStatus: 'validated' });
      expect(plan.acceptedAt! > plan.validatedAt!).toBe(true);
      expect(plan.acceptedAt!.slice(0, 10) <= today).toBe(true);
      expect(plan.acceptanceNote).toBeTruthy();
    }
    // The represented cooperative accepted in Taawon; the others' signed plans were recorded by the consultant.
    expect(plans.filter((plan) => plan.accepterRole === 'cooperative_representative').map((plan) => plan.registrationNumber)).toEqual(['LAA-007']);

    const actions = await db
      .selectFrom('planActions')
      .select(['actionPlanId', 'templateCode', 'status', 'progress', 'startsOn', 'dueOn', 'agreedDueOn', 'doneOn', 'executorKind', 'executorMemberId', 'budgetMad', 'financingSource', 'needKeys'])
      .execute();
    const perPlan = new Map<string, number>();
    for (const action of actions) perPlan.set(action.actionPlanId, (perPlan.get(action.actionPlanId) ?? 0) + 1);
    expect(perPlan.size).toBe(51);
    expect(Math.min(...perPlan.values())).toBeGreaterThanOrEqual(3);
    for (const action of actions) {
      expect(action.agreedDueOn).not.toBeNull();
      expect(action.dueOn >= action.startsOn).toBe(true);
      if (action.startsOn > today) expect(action).toMatchObject({ status: 'planned', progress: 0 });
      if (action.status === 'done') expect({ doneOn: action.doneOn! <= today && action.doneOn! >= action.startsOn, progress: action.progress }).toEqual({ doneOn: true, progress: 100 });
      if (action.templateCode) expect(action.needKeys.length).toBeGreaterThan(0);
    }
    const statuses = new Set(actions.map((action) => action.status));
    for (const status of ['planned', 'in_progress', 'done', 'blocked'] as const) expect(statuses).toContain(status);
    expect(actions.some((action) => action.dueOn !== action.agreedDueOn)).toBe(true);
    expect(actions.some((action) => action.templateCode === null)).toBe(true);
    expect(new Set(actions.map((action) => action.executorKind))).toEqual(new Set(['member', 'consultant', 'organisation']));
    expect(actions.filter((action) => action.financingSource === 'programme' && Number(action.budgetMad) > 0).length).toBeGreaterThan(20);

    const stakeholders = await db.selectFrom('actionStakeholders').select('organisationId').execute();
    expect(stakeholders.length).toBeGreaterThan(50);
    const indicators = await db.selectFrom('actionIndicators').select(['id', 'kind', 'baseline', 'target']).execute();
    expect(indicators.length).toBe(actions.length * 2 - actions.filter((action) => action.templateCode === null).length);
    // Baselines and outputs reached, recorded by the consultant; later values come with the follow-ups.
    const measurements = await db.selectFrom('indicatorMeasurements').select(['indicatorId', 'measuredOn']).where('followUpId', 'is', null).execute();
    expect(measurements.length).toBeGreaterThan(100);
    expect(measurements.every((measurement) => measurement.measuredOn <= today)).toBe(true);
    // A plan in Arabic or two, for cooperatives that work in Arabic.
    const titles = await db.selectFrom('planActions').select('title').execute();
    expect(titles.some((row) => /[\u0600-\u06FF]/.test(row.title))).toBe(true);
    expect(elapsed).toBeLessThan(60_000);
  });
});
