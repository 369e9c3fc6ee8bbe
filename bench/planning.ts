import highsModule from 'highs';
import type { Need } from '../src/core/diagnostics/diagnostic.schema.js';
import { defaultFrameworkDefinition } from '../src/core/diagnostics/default-framework.js';
import { scoreDiagnostic } from '../src/core/diagnostics/scoring.js';
import { provinces, regions } from '../src/core/territories/territories.js';
import { generateTrainingPlan, type PlanCooperative, type PlanInput, type PlanModule, type TrainingPlan } from '../src/core/training/plan-generation.js';
import { smallPlanInstance } from '../src/core/training/plan-instances.js';
import { buildGroupingMilp } from '../src/core/training/plan-milp.js';
import { generateAnswers } from './diagnostics.js';
import { Random, WeightedTable } from './random.js';

// The package's types are read as CommonJS (its package.json says so) while Node loads build/highs.mjs,
// whose default export is the loader itself.
const loadHighs = ((highsModule as { default?: unknown }).default ?? highsModule) as typeof highsModule.default;

/**
 * Training plan generation (src/core/training/plan-generation.ts):
 *
 * (a) 5,000 cooperatives × 40 modules over Morocco's 75 provinces with 20
 *     trainers, timed against a single pass that reads every cooperative's
 *     needs once and buckets them by the modules answering them (the least
 *     any planner must do);
 * (b) the gap to the exact optimum (HiGHS MILP, plan-milp.ts) on the seeded
 *     small instances of the optimality test.
 */

export interface PlanningBenchResult {
  cooperatives: number;
  modules: number;
  provinces: number;
  trainers: number;
  needs: number;
  planMs: number;
  floorMs: number;
  ratio: number;
  rounds: number;
  plan: TrainingPlan['summary'] & { coachingEntries: number; workshops: number; unansweredByReason: Record<string, number> };
  optimality: { instances: number; meanGapPercent: number; maxGapPercent: number; exactOptimaMatched: number; meanSolveMs: number; meanPlanMs: number };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** The 40 modules: per domain of the default framework, one on the whole domain and three on its questions; four coaching-format. */
export function benchModules(): PlanModule[] {
  const modules: PlanModule[] = [];
  for (const domain of defaultFrameworkDefinition.domains) {
    const base = domain.key.toUpperCase().replace(/_/g, '-').slice(0, 10);
    modules.push({ id: `${base}-0`, code: `${base}-0`, definition: { domainKeys: [domain.key], needKeys: [], durationHours: 12, format: 'grouped_training', prerequisites: [] } });
    const questions = domain.questions.map((question) => question.key);
    for (let part = 1; part <= 3; part += 1) {
      const needKeys = questions.filter((_, index) => index % 3 === part - 1);
      const isCoaching = part === 3 && modules.length % 20 === 3;
      modules.push({
        id: `${base}-${part}`,
        code: `${base}-${part}`,
        definition: { domainKeys: [domain.key], needKeys: needKeys.length > 0 ? needKeys : questions.slice(0, 1), durationHours: part === 1 ? 6 : 9, format: isCoaching ? 'individual_coaching' : 'grouped_training', prerequisites: part === 2 ? [`${base}-0`] : [] },
      });
    }
  }
  return modules;
}

/** 5,000 cooperatives placed by province population, needs from scored random answers (as bench/diagnostics.ts). */
export function benchInstance(size: number, seed: number): PlanInput {
  const random = new Random(seed);
  const byPopulation = new WeightedTable(provinces.map((province) => [province.code, province.population2024] as const));
  const cooperatives: PlanCooperative[] = Array.from({ length: size }, (_, index) => {
    const scores = scoreDiagnostic(defaultFrameworkDefinition, generateAnswers(defaultFrameworkDefinition, random));
    return { id: `coop-${String(index).padStart(5, '0')}`, provinceCode: byPopulation.draw(random), needs: scores.needs as Need[] };
  });
  // 20 trainers: one per region, then a second one in the eight most populous regions.
  const byRegionSize = [...regions].sort((a, b) => b.population2024 - a.population2024);
  const trainers = [...regions, ...byRegionSize.slice(0, 8)].map((region, index) => ({
    id: `trainer-${String(index + 1).padStart(2, '0')}`,
    provinceCodes: region.provinceCodes,
    unavailable: index % 4 === 0 ? [{ from: '2027-08-01', to: '2027-08-31' }] : [],
  }));
  return {
    cooperatives,
    modules: benchModules(),
    calendar: { trainingStart: '2027-01-04', trainingEnd: '2027-12-24', workshops: { perMonth: 1, durationMonths: 6 }, coaching: { sessions: 4, overMonths: 6 } },
    trainers,
    constraints: { minGroupSize: 8, maxGroupSize: 20, maxSessionsPerMonth: 18, maxDistanceKm: 120, weekdays: [1, 2, 3, 4, 5, 6], hoursPerSession: 6, sessionCost: 60, minPriority: 10 },
  };
}

/**
 * The floor: every need of every cooperative read once and the cooperative
 * put in the bucket of each module answering it (answering modules looked up
 * in a map by domain and question, built once), nothing else.
 */
export function bucketNeedsByModule(input: PlanInput): number {
  const byKey = new Map<string, number[]>();
  input.modules.forEach((module, index) => {
    const keys = module.definition.needKeys.length === 0 ? module.definition.domainKeys.map((key) => `d:${key}`) : module.definition.needKeys.map((key) => `q:${key}`);
    for (const key of keys) (byKey.get(key) ?? byKey.set(key, []).get(key)!).push(index);
  });
  const buckets: number[][] = input.modules.map(() => []);
  let sum = 0;
  input.cooperatives.forEach((cooperative, cooperativeIndex) => {
    for (const need of cooperative.needs) {
      for (const moduleIndex of byKey.get(`d:${need.domainKey}`) ?? []) buckets[moduleIndex]!.push(cooperativeIndex);
      if (need.questionKey !== null) for (const moduleIndex of byKey.get(`q:${need.questionKey}`) ?? []) buckets[moduleIndex]!.push(cooperativeIndex);
      sum += need.priority;
    }
  });
  return sum + buckets.reduce((total, bucket) => total + bucket.length, 0);
}

export const optimalitySeeds = Array.from({ length: 30 }, (_, index) => 1_000 + index);

export async function benchPlanning(options: { cooperatives: number; seed: number; rounds: number }, log: (line: string) => void): Promise<PlanningBenchResult> {
  const input = benchInstance(options.cooperatives, options.seed);
  const needs = input.cooperatives.reduce((total, cooperative) => total + cooperative.needs.length, 0);
  const provinceCount = new Set(input.cooperatives.map((cooperative) => cooperative.provinceCode)).size;
  log(`  ${input.cooperatives.length} cooperatives in ${provinceCount} provinces, ${needs} needs, ${input.modules.length} modules, ${input.trainers.length} trainers`);
  // One warm-up each, then alternating rounds.
  let plan = generateTrainingPlan(input);
  bucketNeedsByModule(input);
  const planTimes: number[] = [];
  const floorTimes: number[] = [];
  for (let round = 0; round < options.rounds; round += 1) {
    let start = performance.now();
    plan = generateTrainingPlan(input);
    planTimes.push(performance.now() - start);
    start = performance.now();
    bucketNeedsByModule(input);
    floorTimes.push(performance.now() - start);
  }
  const planMs = median(planTimes);
  const floorMs = median(floorTimes);
  const unansweredByReason: Record<string, number> = {};
  for (const entry of plan.coverage) if (entry.status === 'unanswered') unansweredByReason[entry.reason] = (unansweredByReason[entry.reason] ?? 0) + 1;
  log(`  generateTrainingPlan ${planMs.toFixed(0)} ms | bucket needs by module ${floorMs.toFixed(1)} ms | ${(planMs / floorMs).toFixed(1)}×`);
  log(`  ${plan.summary.groups} groups, ${plan.summary.sessions} sessions, ${plan.coaching.length} coaching entries, ${plan.workshops.length} workshops; needs by group ${plan.summary.answeredByGroups}, by coaching ${plan.summary.answeredByCoaching}, unanswered ${JSON.stringify(unansweredByReason)}`);

  const highs = await loadHighs();
  const gaps: number[] = [];
  const solveTimes: number[] = [];
  const smallPlanTimes: number[] = [];
  let matched = 0;
  for (const seed of optimalitySeeds) {
    const small = smallPlanInstance(seed);
    let start = performance.now();
    const heuristic = generateTrainingPlan(small).summary.objective;
    smallPlanTimes.push(performance.now() - start);
    start = performance.now();
    const solution = highs.solve(buildGroupingMilp(small).lp, { output_flag: false, mip_rel_gap: 0 });
    solveTimes.push(performance.now() - start);
    if (solution.Status !== 'Optimal') throw new Error(`seed ${seed}: HiGHS ended with ${solution.Status}`);
    const optimum = solution.ObjectiveValue;
    const gap = optimum <= 0 ? 0 : (optimum - heuristic) / optimum;
    if (gap < 1e-9) matched += 1;
    gaps.push(gap * 100);
  }
  const mean = (values: readonly number[]) => values.reduce((total, value) => total + value, 0) / values.length;
  const optimality = {
    instances: optimalitySeeds.length,
    meanGapPercent: Math.round(mean(gaps) * 100) / 100,
    maxGapPercent: Math.round(Math.max(...gaps) * 100) / 100,
    exactOptimaMatched: matched,
    meanSolveMs: Math.round(mean(solveTimes) * 10) / 10,
    meanPlanMs: Math.round(mean(smallPlanTimes) * 100) / 100,
  };
  log(`  optimality on ${optimality.instances} small instances: mean gap ${optimality.meanGapPercent} %, max ${optimality.maxGapPercent} %, optimum matched ${matched}; HiGHS ${optimality.meanSolveMs} ms, heuristic ${optimality.meanPlanMs} ms per instance`);
  return {
    cooperatives: input.cooperatives.length,
    modules: input.modules.length,
    provinces: provinceCount,
    trainers: input.trainers.length,
    needs,
    planMs: Math.round(planMs),
    floorMs: Math.round(floorMs * 10) / 10,
    ratio: Math.round((planMs / floorMs) * 10) / 10,
    rounds: options.rounds,
    plan: { ...plan.summary, coachingEntries: plan.coaching.length, workshops: plan.workshops.length, unansweredByReason },
    optimality,
  };
}
