import { moduleAnswersNeed, provinceDistanceKm, sessionsPerGroup, type PlanInput } from './plan-generation.js';

/**
 * The grouping problem of plan-generation.ts written as a mixed-integer
 * linear programme (CPLEX LP format, as the `highs` solver reads it), for
 * checking the heuristic against the exact optimum on small instances:
 *
 *   maximise   Σ_n priority_n · z_n − Σ_g sessionCost · sessions(module g) · y_g
 *   subject to minGroupSize · y_g ≤ Σ_c x_{c,g} ≤ maxGroupSize · y_g     every candidate group g
 *              Σ_{g of module m} x_{c,g} ≤ 1                              every cooperative c, module m
 *              z_n ≤ Σ_{g of a module answering n} x_{c(n),g}             every need n
 *              y_{m,p,k+1} ≤ y_{m,p,k}                                    (symmetry)
 *              x, y binary; 0 ≤ z ≤ 1
 *
 * Candidate groups g = (module m, hub province p, slot k): only the
 * cooperatives with a need m answers and within maxDistanceKm of p may be in
 * it, and a hub has as many slots as groups of minGroupSize its reachable
 * cooperatives could fill. Coaching-format modules are not grouped. Needs
 * below minPriority are left out, as the heuristic does.
 */
export function buildGroupingMilp(input: PlanInput): { lp: string; variables: number } {
  const { cooperatives, modules, constraints } = input;
  const distance = input.distanceKm ?? provinceDistanceKm;
  const provinces = [...new Set(cooperatives.map((cooperative) => cooperative.provinceCode))].sort();
  const objective: string[] = [];
  const rows: string[] = [];
  const binaries: string[] = [];
  const bounds: string[] = [];
  /** x variables per (cooperative, module). */
  const memberships = new Map<string, string[]>();

  modules.forEach((module, m) => {
    if (module.definition.format === 'individual_coaching') return;
    const cost = constraints.sessionCost * sessionsPerGroup(module.definition, constraints.hoursPerSession);
    const eligible = cooperatives
      .map((cooperative, c) => ({ cooperative, c }))
      .filter(({ cooperative }) => cooperative.needs.some((need) => need.priority >= constraints.minPriority && moduleAnswersNeed(module.definition, need)));
    provinces.forEach((hub, p) => {
      const reachable = eligible.filter(({ cooperative }) => distance(hub, cooperative.provinceCode) <= constraints.maxDistanceKm);
      const slots = Math.floor(reachable.length / constraints.minGroupSize);
      for (let k = 0; k < slots; k += 1) {
        const y = `y_${m}_${p}_${k}`;
        binaries.push(y);
        objective.push(`- ${cost} ${y}`);
        const members = reachable.map(({ c }) => `x_${c}_${m}_${p}_${k}`);
        binaries.push(...members);
        reachable.forEach(({ c }, index) => {
          const key = `${c}:${m}`;
          (memberships.get(key) ?? memberships.set(key, []).get(key)!).push(members[index]!);
        });
        rows.push(`max_${y}: ${members.join(' + ')} - ${constraints.maxGroupSize} ${y} <= 0`);
        rows.push(`min_${y}: ${members.join(' + ')} - ${constraints.minGroupSize} ${y} >= 0`);
        if (k > 0) rows.push(`sym_${y}: ${y} - y_${m}_${p}_${k - 1} <= 0`);
      }
    });
  });
  for (const [key, variables] of memberships) rows.push(`once_${key.replace(':', '_')}: ${variables.join(' + ')} <= 1`);
  let needIndex = 0;
  cooperatives.forEach((cooperative, c) => {
    for (const need of cooperative.needs) {
      const n = needIndex;
      needIndex += 1;
      if (need.priority < constraints.minPriority) continue;
      const answering = modules.flatMap((module, m) => (moduleAnswersNeed(module.definition, need) ? (memberships.get(`${c}:${m}`) ?? []) : []));
      if (answering.length === 0) continue;
      const z = `z_${n}`;
      objective.push(`+ ${need.priority} ${z}`);
      bounds.push(`0 <= ${z} <= 1`);
      rows.push(`cover_${n}: ${z} - ${answering.join(' - ')} <= 0`);
    }
  });
  // LP-format lines are kept short: one term per line is always accepted.
  const lp = ['Maximize', ` obj: ${objective.length === 0 ? '0 z_none' : objective.join('\n ')}`, 'Subject To', ...rows.map((row) => ` ${row}`), 'Bounds', ...bounds.map((bound) => ` ${bound}`), ...(objective.length === 0 ? [' z_none = 0'] : []), 'Binary', ...binaries.map((name) => ` ${name}`), 'End'].join('\n');
  return { lp, variables: binaries.length + bounds.length };
}
