import type { PlanInput, PlanModule, PlanNeed } from './plan-generation.js';

/**
 * Seeded synthetic planning instances, for the optimality tests and the
 * benchmark: the same seed gives the same instance on every machine.
 */

/** mulberry32, as bench/random.ts. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const domains = ['legal', 'governance', 'management', 'finance', 'marketing'] as const;

/**
 * A small instance: 8–15 cooperatives in 2–3 provinces of one area, 3–5
 * modules (some on a whole domain, some on named questions, one with a
 * prerequisite), trainers covering every province over a long phase, so that
 * the grouping alone decides the objective.
 */
export function smallPlanInstance(seed: number): PlanInput {
  const random = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  // Souss-Massa and neighbours: Agadir Ida-Outanane, Inezgane, Chtouka, Taroudannt, Tiznit, Essaouira, Guelmim.
  const area = ['09.001', '09.273', '09.163', '09.541', '09.581', '07.211', '10.261'];
  const provinceCount = int(2, 3);
  const provinces = area.slice(int(0, area.length - provinceCount)).slice(0, provinceCount);
  const cooperatives = Array.from({ length: int(8, 15) }, (_, index) => {
    const needs: PlanNeed[] = [];
    for (const domainKey of domains) {
      if (random() < 0.45) needs.push({ kind: 'domain', domainKey, questionKey: null, priority: Math.round(10 + 50 * random()) });
      for (let question = 1; question <= 2; question += 1)
        if (random() < 0.3) needs.push({ kind: 'question', domainKey, questionKey: `${domainKey}_q${question}`, priority: Math.round(5 + 40 * random()) });
    }
    return { id: `coop-${String(index).padStart(2, '0')}`, provinceCode: provinces[int(0, provinces.length - 1)]!, needs };
  });
  const modules: PlanModule[] = Array.from({ length: int(3, 5) }, (_, index) => {
    const domainKey = domains[(index + seed) % domains.length]!;
    const byQuestion = random() < 0.4;
    return {
      id: `module-${index}`,
      code: `MOD-${index}`,
      definition: {
        domainKeys: [domainKey],
        needKeys: byQuestion ? [`${domainKey}_q1`, `${domainKey}_q2`] : [],
        durationHours: [6, 12, 14][int(0, 2)]!,
        format: 'grouped_training',
        prerequisites: index > 0 && random() < 0.3 ? ['MOD-0'] : [],
      },
    };
  });
  return {
    cooperatives,
    modules,
    calendar: { trainingStart: '2027-01-04', trainingEnd: '2027-06-30', workshops: { perMonth: 1, durationMonths: 6 }, coaching: { sessions: 2, overMonths: 6 } },
    trainers: [
      { id: 'trainer-a', provinceCodes: area, unavailable: [{ from: '2027-02-01', to: '2027-02-14' }] },
      { id: 'trainer-b', provinceCodes: area, unavailable: [] },
    ],
    constraints: {
      minGroupSize: int(3, 4),
      maxGroupSize: int(5, 7),
      maxSessionsPerMonth: 12,
      maxDistanceKm: [80, 150, 250][int(0, 2)]!,
      weekdays: [1, 2, 3, 4, 5],
      hoursPerSession: 6,
      sessionCost: [15, 30, 45][int(0, 2)]!,
      minPriority: 8,
    },
  };
}
