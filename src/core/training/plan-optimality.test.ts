import highsModule from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateTrainingPlan } from './plan-generation.js';
import { smallPlanInstance } from './plan-instances.js';
import { buildGroupingMilp } from './plan-milp.js';

// The package's types are read as CommonJS (its package.json says so) while Node loads build/highs.mjs,
// whose default export is the loader itself.
const loadHighs = ((highsModule as { default?: unknown }).default ?? highsModule) as typeof highsModule.default;

/**
 * The heuristic against the exact optimum of the same grouping problem,
 * solved as a MILP by HiGHS (plan-milp.ts), on seeded small instances.
 */

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highs: Highs;
beforeAll(async () => {
  highs = await loadHighs();
});

const optimalitySeeds = Array.from({ length: 30 }, (_, index) => 1_000 + index);

describe('plan generation against the exact optimum (HiGHS)', () => {
  it.each(optimalitySeeds)('stays within 5% of the optimum on the small instance of seed %i', (seed) => {
    const input = smallPlanInstance(seed);
    const plan = generateTrainingPlan(input);
    const solution = highs.solve(buildGroupingMilp(input).lp, { output_flag: false, mip_rel_gap: 0 });
    expect(solution.Status).toBe('Optimal');
    const optimum = solution.ObjectiveValue;
    // The MILP is the same problem without the calendar: the heuristic can never beat it.
    expect(plan.summary.objective).toBeLessThanOrEqual(optimum + 1e-6);
    const gap = optimum <= 0 ? 0 : (optimum - plan.summary.objective) / optimum;
    expect(gap, `heuristic ${plan.summary.objective}, optimum ${optimum}`).toBeLessThanOrEqual(0.05);
  }, 30_000);
});
