import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDayNumber, isoWeekday } from './plan-dates.js';
import { generateTrainingPlan, needKey, provinceDistanceKm, type PlanInput } from './plan-generation.js';
import { smallPlanInstance } from './plan-instances.js';

const seeds = fc.integer({ min: 1, max: 1_000_000 });

/** A small instance with tighter trainers, so that scheduling limits bite too. */
function tightInstance(seed: number): PlanInput {
  const input = smallPlanInstance(seed);
  return {
    ...input,
    calendar: { ...input.calendar, trainingEnd: '2027-02-12', coaching: seed % 2 === 0 ? null : input.calendar.coaching },
    trainers: [{ id: 'trainer-a', provinceCodes: input.trainers[0]!.provinceCodes.slice(0, 4), unavailable: [{ from: '2027-01-18', to: '2027-01-22' }] }],
    constraints: { ...input.constraints, maxSessionsPerMonth: 4 + (seed % 5), weekdays: [2, 4] },
  };
}

const instances = fc.oneof(seeds.map(smallPlanInstance), seeds.map(tightInstance));

describe('generateTrainingPlan', () => {
  it('keeps group sizes within bounds, members within reach, one group per module per cooperative', () => {
    fc.assert(
      fc.property(instances, (input) => {
        const plan = generateTrainingPlan(input);
        const provinceOf = new Map(input.cooperatives.map((cooperative) => [cooperative.id, cooperative.provinceCode]));
        for (const planned of plan.modules) {
          const seen = new Set<string>();
          for (const group of planned.groups) {
            expect(group.cooperativeIds.length).toBeGreaterThanOrEqual(input.constraints.minGroupSize);
            expect(group.cooperativeIds.length).toBeLessThanOrEqual(input.constraints.maxGroupSize);
            for (const id of group.cooperativeIds) {
              expect(seen.has(id)).toBe(false);
              seen.add(id);
              expect(provinceDistanceKm(group.hubProvinceCode, provinceOf.get(id)!)).toBeLessThanOrEqual(input.constraints.maxDistanceKm);
            }
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('schedules within the phase, on allowed weekdays, one session a day and at most the monthly cap per trainer, prerequisites first', () => {
    fc.assert(
      fc.property(instances, (input) => {
        const plan = generateTrainingPlan(input);
        const start = toDayNumber(input.calendar.trainingStart);
        const end = toDayNumber(input.calendar.trainingEnd);
        const days = new Set<string>();
        const months = new Map<string, number>();
        const finished = new Map<string, number>(); // module:cooperative → last day
        for (const planned of plan.modules)
          for (const group of planned.groups) {
            const trainer = input.trainers.find((candidate) => candidate.id === group.trainerId)!;
            expect(trainer.provinceCodes).toContain(group.hubProvinceCode);
            for (const session of group.sessions) {
              const day = toDayNumber(session.date);
              expect(day).toBeGreaterThanOrEqual(start);
              expect(day).toBeLessThanOrEqual(end);
              expect(input.constraints.weekdays).toContain(isoWeekday(day));
              for (const range of trainer.unavailable) expect(day < toDayNumber(range.from) || day > toDayNumber(range.to)).toBe(true);
              const key = `${group.trainerId}:${session.date}`;
              expect(days.has(key)).toBe(false);
              days.add(key);
              const month = `${group.trainerId}:${session.date.slice(0, 7)}`;
              months.set(month, (months.get(month) ?? 0) + 1);
            }
            for (const id of group.cooperativeIds) finished.set(`${planned.code}:${id}`, toDayNumber(group.sessions.at(-1)!.date));
          }
        for (const count of months.values()) expect(count).toBeLessThanOrEqual(input.constraints.maxSessionsPerMonth);
        for (const planned of plan.modules) {
          const module = input.modules.find((candidate) => candidate.id === planned.moduleId)!;
          for (const group of planned.groups)
            for (const id of group.cooperativeIds)
              for (const prerequisite of module.definition.prerequisites) {
                const before = finished.get(`${prerequisite}:${id}`);
                if (before !== undefined) expect(toDayNumber(group.sessions[0]!.date)).toBeGreaterThan(before);
              }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('reports every need exactly once, answered by a group it is in or by coaching, or with a reason', () => {
    fc.assert(
      fc.property(instances, (input) => {
        const plan = generateTrainingPlan(input);
        const expected = input.cooperatives.flatMap((cooperative) => cooperative.needs.map((need) => `${cooperative.id}|${needKey(need)}`)).sort();
        expect(plan.coverage.map((entry) => `${entry.cooperativeId}|${entry.needKey}`).sort()).toEqual(expected);
        const coachingPerCooperative = new Map<string, number>();
        for (const coaching of plan.coaching) coachingPerCooperative.set(coaching.cooperativeId, (coachingPerCooperative.get(coaching.cooperativeId) ?? 0) + 1);
        for (const count of coachingPerCooperative.values()) expect(count).toBeLessThanOrEqual(input.calendar.coaching?.sessions ?? 0);
        for (const entry of plan.coverage) {
          if (entry.status === 'group') {
            const group = plan.modules.find((planned) => planned.moduleId === entry.moduleId)!.groups[entry.groupNumber - 1]!;
            expect(group.cooperativeIds).toContain(entry.cooperativeId);
          } else if (entry.status === 'coaching') {
            expect(plan.coaching.some((coaching) => coaching.cooperativeId === entry.cooperativeId && coaching.moduleId === entry.moduleId && coaching.needKeys.includes(entry.needKey))).toBe(true);
          } else if (entry.priority < input.constraints.minPriority) {
            expect(entry.reason).toBe('below_min_priority');
          }
        }
      }),
      { numRuns: 60 },
    );
  });

  it('gives the same plan for the same input', () => {
    fc.assert(
      fc.property(instances, (input) => {
        expect(generateTrainingPlan(structuredClone(input))).toEqual(generateTrainingPlan(input));
      }),
      { numRuns: 30 },
    );
  });

  it('places monthly workshops after the training phase, per hub province, following the cadence', () => {
    const input = smallPlanInstance(1_004);
    const plan = generateTrainingPlan(input);
    const hubs = new Set(plan.modules.flatMap((planned) => planned.groups.map((group) => group.hubProvinceCode)));
    expect(plan.workshops).toHaveLength(hubs.size * input.calendar.workshops!.durationMonths);
    for (const workshop of plan.workshops) {
      expect(workshop.date > input.calendar.trainingEnd).toBe(true);
      expect(workshop.date < '2028-01-01').toBe(true);
    }
  });

  it('says why a need is not answered: no module, or too few within reach without coaching', () => {
    const input: PlanInput = {
      ...smallPlanInstance(7),
      cooperatives: [
        { id: 'a', provinceCode: '09.001', needs: [{ kind: 'domain', domainKey: 'strategy', questionKey: null, priority: 40 }] },
        { id: 'b', provinceCode: '09.001', needs: [{ kind: 'domain', domainKey: 'finance', questionKey: null, priority: 40 }] },
      ],
      modules: [{ id: 'm', code: 'FIN', definition: { domainKeys: ['finance'], needKeys: [], durationHours: 6, format: 'grouped_training', prerequisites: [] } }],
    };
    const withoutCoaching = generateTrainingPlan({ ...input, calendar: { ...input.calendar, coaching: null } });
    expect(withoutCoaching.coverage.map((entry) => (entry.status === 'unanswered' ? entry.reason : entry.status))).toEqual(['no_module', 'too_few_within_reach']);
    const withCoaching = generateTrainingPlan(input);
    expect(withCoaching.coaching).toEqual([{ cooperativeId: 'b', moduleId: 'm', needKeys: ['finance'], priority: 40 }]);
  });
});
