import type { Need } from '../diagnostics/diagnostic.schema.js';
import { getProvince } from '../territories/territories.js';
import type { TrainingModuleDefinition } from './module.schema.js';
import { fromDayNumber, haversineKm, isoWeekday, monthIndex, monthStartDay, toDayNumber } from './plan-dates.js';

/**
 * Training plan generation: a pure, deterministic function from the
 * validated needs of a programme's cooperatives, the module catalogue, the
 * programme calendar, the trainers and the constraints, to a proposed plan.
 *
 * Objective (what the plan maximises, and what the exact solver of
 * test/plan-optimality.test.ts maximises on the same instance):
 *
 *   Σ priority of the needs answered by a group training
 *   − sessionCost × Σ sessions of the groups opened
 *
 * subject to: group sizes within [minGroupSize, maxGroupSize]; every member
 * of a group within maxDistanceKm of the group's hub province (centroid to
 * centroid); a cooperative at most once per module; a cooperative only in a
 * module that answers one of its needs. A need counts once however many
 * modules answer it. Individual coaching, workshops, dates and trainers come
 * after the grouping: coaching answers what no group could (not in the
 * objective), and scheduling drops, with a reason, a group no trainer can
 * take within the calendar. A trainer and a cooperative are never booked
 * twice on one day.
 *
 * The heuristic: modules by decreasing value still to answer; within a
 * module, repeatedly the hub province whose reachable cooperatives give the
 * best gain (the best number of groups k for that hub, each of at most
 * maxGroupSize of the most valuable, minus k groups' sessions), then the
 * leftovers into open groups within reach. Ties broken by codes and ids:
 * the same input gives the same plan.
 */

export type PlanNeed = Pick<Need, 'kind' | 'domainKey' | 'questionKey' | 'priority'>;

export interface PlanCooperative {
  id: string;
  provinceCode: string;
  /** The needs of its validated diagnostic (DiagnosticScores.needs). */
  needs: readonly PlanNeed[];
}

export interface PlanModule {
  id: string;
  code: string;
  definition: Pick<TrainingModuleDefinition, 'domainKeys' | 'needKeys' | 'durationHours' | 'format' | 'prerequisites'>;
}

export interface PlanCalendar {
  /** The training phase, YYYY-MM-DD, both days included. */
  trainingStart: string;
  trainingEnd: string;
  /** Practical workshops after the training phase (programme cadence), or none. */
  workshops: { perMonth: number; durationMonths: number } | null;
  /** Individual coaching per cooperative (programme cadence), or none. */
  coaching: { sessions: number; overMonths: number } | null;
}

export interface PlanTrainer {
  id: string;
  /** Provinces the trainer works in. */
  provinceCodes: readonly string[];
  /** Days off, YYYY-MM-DD, both ends included. */
  unavailable: ReadonlyArray<{ from: string; to: string }>;
}

export interface PlanConstraints {
  minGroupSize: number;
  maxGroupSize: number;
  /** Per trainer and calendar month. */
  maxSessionsPerMonth: number;
  /** Between a member's province centroid and the group's hub province centroid. */
  maxDistanceKm: number;
  /** ISO weekdays sessions may fall on (1 Monday … 7 Sunday). */
  weekdays: readonly number[];
  /** Hours of training in one session (one day). */
  hoursPerSession: number;
  /** Cost of one group session, in priority points (gap × weight). */
  sessionCost: number;
  /** Needs of lower priority are left out of the plan (reported as such). */
  minPriority: number;
}

export interface PlanInput {
  cooperatives: readonly PlanCooperative[];
  modules: readonly PlanModule[];
  calendar: PlanCalendar;
  trainers: readonly PlanTrainer[];
  constraints: PlanConstraints;
  /** Distance between two provinces in km; by default the haversine distance of their centroids. */
  distanceKm?: (fromProvinceCode: string, toProvinceCode: string) => number;
}

export interface PlannedSession {
  date: string;
  hours: number;
}

export interface PlannedGroup {
  moduleId: string;
  /** 1-based, per module. */
  number: number;
  hubProvinceCode: string;
  /** Where the sessions take place: the hub province's name. */
  place: string;
  trainerId: string;
  cooperativeIds: string[];
  sessions: PlannedSession[];
}

export interface PlannedModule {
  moduleId: string;
  code: string;
  groups: PlannedGroup[];
}

export interface PlannedCoaching {
  cooperativeId: string;
  moduleId: string;
  /** Keys of the needs it answers (see needKey). */
  needKeys: string[];
  priority: number;
}

export interface PlannedWorkshop {
  provinceCode: string;
  place: string;
  date: string;
  /** Null when no trainer of the province is free that month. */
  trainerId: string | null;
  cooperativeIds: string[];
}

export const unansweredReasons = [
  'below_min_priority',
  'no_module',
  'too_few_within_reach',
  'coaching_exhausted',
  'trainer_unavailable',
  'calendar_exhausted',
] as const;
export type UnansweredReason = (typeof unansweredReasons)[number];

export type CoverageEntry = {
  cooperativeId: string;
  needKey: string;
  domainKey: string;
  questionKey: string | null;
  priority: number;
} & (
  | { status: 'group'; moduleId: string; groupNumber: number }
  | { status: 'coaching'; moduleId: string }
  | { status: 'unanswered'; reason: UnansweredReason }
);

export interface TrainingPlan {
  modules: PlannedModule[];
  coaching: PlannedCoaching[];
  workshops: PlannedWorkshop[];
  coverage: CoverageEntry[];
  summary: {
    objective: number;
    needs: number;
    answeredByGroups: number;
    answeredByCoaching: number;
    unanswered: number;
    groups: number;
    sessions: number;
  };
}

export const needKey = (need: Pick<PlanNeed, 'domainKey' | 'questionKey'>) => (need.questionKey === null ? need.domainKey : `${need.domainKey}.${need.questionKey}`);

/** Whether a module answers a need: by its question keys, or by domain when it lists none. */
export function moduleAnswersNeed(module: PlanModule['definition'], need: Pick<PlanNeed, 'domainKey' | 'questionKey'>): boolean {
  if (need.questionKey !== null && module.needKeys.includes(need.questionKey)) return true;
  return module.needKeys.length === 0 && module.domainKeys.includes(need.domainKey);
}

export function sessionsPerGroup(module: PlanModule['definition'], hoursPerSession: number): number {
  return Math.max(1, Math.ceil(module.durationHours / hoursPerSession - 1e-9));
}

export function provinceDistanceKm(fromProvinceCode: string, toProvinceCode: string): number {
  if (fromProvinceCode === toProvinceCode) return 0;
  const from = getProvince(fromProvinceCode);
  const to = getProvince(toProvinceCode);
  if (!from || !to) return Number.POSITIVE_INFINITY;
  return haversineKm(from.centroid, to.centroid);
}

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const placeOf = (provinceCode: string) => getProvince(provinceCode)?.name.fr ?? provinceCode;

/**
 * A domain's need (the domain as a whole under its threshold) is the sum of
 * its questions' needs, which the plan answers; modules name questions, so
 * none answers the domain itself. It counts as answered by the group or the
 * coaching of any module of the domain the cooperative takes; otherwise it
 * takes the reason of its questions. It adds nothing to the objective.
 * Mutates `coverage` and the coaching that answers it.
 */
function coverDomainNeeds(coverage: CoverageEntry[], modules: readonly PlanModule[], coaching: PlannedCoaching[]): void {
  const moduleIndex = new Map(modules.map((module, index) => [module.id, index]));
  const byCooperative = new Map<string, CoverageEntry[]>();
  for (const entry of coverage) (byCooperative.get(entry.cooperativeId) ?? byCooperative.set(entry.cooperativeId, []).get(entry.cooperativeId)!).push(entry);
  const coachingOf = new Map<string, PlannedCoaching[]>();
  for (const planned of coaching) (coachingOf.get(planned.cooperativeId) ?? coachingOf.set(planned.cooperativeId, []).get(planned.cooperativeId)!).push(planned);
  const domainsWithModules = new Set(modules.flatMap((module) => module.definition.domainKeys));
  coverage.forEach((entry, index) => {
    if (entry.questionKey !== null || entry.status !== 'unanswered' || entry.reason !== 'no_module') return;
    const base = { cooperativeId: entry.cooperativeId, needKey: entry.needKey, domainKey: entry.domainKey, questionKey: null, priority: entry.priority };
    const siblings = byCooperative.get(entry.cooperativeId) ?? [];
    const ofDomain = (moduleId: string) => modules[moduleIndex.get(moduleId)!]?.definition.domainKeys.includes(entry.domainKey) ?? false;
    const grouped = siblings.find((other) => other.status === 'group' && ofDomain(other.moduleId));
    if (grouped?.status === 'group') {
      coverage[index] = { ...base, status: 'group', moduleId: grouped.moduleId, groupNumber: grouped.groupNumber };
      return;
    }
    const coached = coachingOf.get(entry.cooperativeId)?.find((planned) => ofDomain(planned.moduleId));
    if (coached) {
      coverage[index] = { ...base, status: 'coaching', moduleId: coached.moduleId };
      coached.needKeys.push(entry.needKey);
      return;
    }
    const question = siblings.find((other) => other.questionKey !== null && other.domainKey === entry.domainKey && other.status === 'unanswered');
    if (question?.status === 'unanswered' && domainsWithModules.has(entry.domainKey)) coverage[index] = { ...base, status: 'unanswered', reason: question.reason };
  });
}

/** Flattened needs: one index per (cooperative, need), in input order. */
interface NeedTable {
  cooperative: Int32Array;
  priority: Float64Array;
  active: Uint8Array;
  /** Module indices answering each need. */
  modules: number[][];
  /** Need indices each module answers (active needs only). */
  byModule: number[][];
}

function buildNeedTable(cooperatives: readonly PlanCooperative[], modules: readonly PlanModule[], minPriority: number): NeedTable {
  const count = cooperatives.reduce((total, cooperative) => total + cooperative.needs.length, 0);
  const table: NeedTable = {
    cooperative: new Int32Array(count),
    priority: new Float64Array(count),
    active: new Uint8Array(count),
    modules: [],
    byModule: modules.map(() => []),
  };
  // Modules answering a domain as a whole, and those naming a question, looked up once.
  const byDomain = new Map<string, number[]>();
  const byQuestion = new Map<string, number[]>();
  modules.forEach((module, moduleIndex) => {
    const add = (map: Map<string, number[]>, key: string) => (map.get(key) ?? map.set(key, []).get(key)!).push(moduleIndex);
    if (module.definition.needKeys.length === 0) for (const domainKey of module.definition.domainKeys) add(byDomain, domainKey);
    for (const questionKey of new Set(module.definition.needKeys)) add(byQuestion, questionKey);
  });
  let index = 0;
  cooperatives.forEach((cooperative, cooperativeIndex) => {
    for (const need of cooperative.needs) {
      table.cooperative[index] = cooperativeIndex;
      table.priority[index] = need.priority;
      const isActive = need.priority >= minPriority;
      table.active[index] = isActive ? 1 : 0;
      const answering = [...(byDomain.get(need.domainKey) ?? []), ...(need.questionKey === null ? [] : (byQuestion.get(need.questionKey) ?? []))].sort((a, b) => a - b);
      table.modules.push(answering);
      if (isActive) for (const moduleIndex of answering) table.byModule[moduleIndex]!.push(index);
      index += 1;
    }
  });
  return table;
}

interface DraftGroup {
  moduleIndex: number;
  hub: number;
  members: number[];
}

/** Groups every groupable module; mutates `covered` (need index → 1 when a group answers it). */
function formGroups(input: PlanInput, table: NeedTable, provinceCodes: readonly string[], cooperativeProvince: Int32Array, covered: Uint8Array): DraftGroup[] {
  const { modules, constraints } = input;
  const { minGroupSize, maxGroupSize } = constraints;
  const distance = input.distanceKm ?? provinceDistanceKm;
  const provinceCount = provinceCodes.length;
  // Provinces within reach of each hub, and hubs near each other (whose reaches overlap).
  const reach: number[][] = [];
  const nearHubs: number[][] = [];
  const distances: number[][] = [];
  for (let hub = 0; hub < provinceCount; hub += 1) {
    const row = provinceCodes.map((code) => distance(provinceCodes[hub]!, code));
    distances.push(row);
    reach.push(row.map((_, province) => province).filter((province) => row[province]! <= constraints.maxDistanceKm));
    nearHubs.push(row.map((_, province) => province).filter((province) => row[province]! <= 2 * constraints.maxDistanceKm));
  }
  const value = new Float64Array(input.cooperatives.length);
  const isCandidate = new Uint8Array(input.cooperatives.length);
  const remaining = new Set(modules.map((_, index) => index).filter((index) => modules[index]!.definition.format !== 'individual_coaching'));
  const groups: DraftGroup[] = [];

  const moduleValue = (moduleIndex: number) => {
    let total = 0;
    for (const need of table.byModule[moduleIndex]!) if (covered[need] === 0) total += table.priority[need]!;
    return total;
  };

  while (remaining.size > 0) {
    // The module with the most priority still to answer (lowest index on a tie).
    let moduleIndex = -1;
    let best = 0;
    for (const candidate of remaining) {
      const candidateValue = moduleValue(candidate);
      if (candidateValue > best || (candidateValue === best && moduleIndex !== -1 && candidate < moduleIndex)) {
        best = candidateValue;
        moduleIndex = candidate;
      }
    }
    if (moduleIndex === -1) break;
    remaining.delete(moduleIndex);
    const cost = constraints.sessionCost * sessionsPerGroup(modules[moduleIndex]!.definition, constraints.hoursPerSession);

    // Each candidate cooperative's value for this module.
    const candidates: number[] = [];
    for (const need of table.byModule[moduleIndex]!) {
      if (covered[need] !== 0) continue;
      const cooperative = table.cooperative[need]!;
      if (isCandidate[cooperative] === 0) {
        isCandidate[cooperative] = 1;
        candidates.push(cooperative);
      }
      value[cooperative] = value[cooperative]! + table.priority[need]!;
    }
    // Unassigned candidates per province, most valuable first.
    const waiting: number[][] = provinceCodes.map(() => []);
    for (const cooperative of candidates) waiting[cooperativeProvince[cooperative]!]!.push(cooperative);
    const byValue = (a: number, b: number) => value[b]! - value[a]! || a - b;
    for (const list of waiting) list.sort(byValue);
    const assigned = new Set<number>();

    interface Option {
      gain: number;
      groupCount: number;
      members: number[];
    }
    const optionAt = (hub: number): Option | null => {
      const reachable: number[] = [];
      for (const province of reach[hub]!) for (const cooperative of waiting[province]!) if (!assigned.has(cooperative)) reachable.push(cooperative);
      if (reachable.length < minGroupSize) return null;
      reachable.sort(byValue);
      const prefix = [0];
      for (const cooperative of reachable) prefix.push(prefix[prefix.length - 1]! + value[cooperative]!);
      let option: Option | null = null;
      for (let groupCount = 1; groupCount * minGroupSize <= reachable.length; groupCount += 1) {
        const taken = Math.min(reachable.length, groupCount * maxGroupSize);
        const gain = prefix[taken]! - groupCount * cost;
        if (gain > 1e-9 && (option === null || gain > option.gain + 1e-9)) option = { gain, groupCount, members: reachable.slice(0, taken) };
        if (taken === reachable.length) break;
      }
      return option;
    };
    const options = new Map<number, Option | null>();
    for (let hub = 0; hub < provinceCount; hub += 1) options.set(hub, optionAt(hub));
    const moduleGroups: DraftGroup[] = [];
    for (;;) {
      let hub = -1;
      for (const [candidate, option] of options) {
        if (option === null) continue;
        const current = hub === -1 ? null : options.get(hub)!;
        if (current === null || option.gain > current.gain + 1e-9 || (Math.abs(option.gain - current.gain) <= 1e-9 && candidate < hub)) hub = candidate;
      }
      if (hub === -1) break;
      const option = options.get(hub)!;
      // Nearest first, so that each group gathers neighbours; sizes balanced.
      const members = [...option.members].sort((a, b) => distances[hub]![cooperativeProvince[a]!]! - distances[hub]![cooperativeProvince[b]!]! || a - b);
      let start = 0;
      for (let group = 0; group < option.groupCount; group += 1) {
        const size = Math.floor((members.length - start) / (option.groupCount - group));
        moduleGroups.push({ moduleIndex, hub, members: members.slice(start, start + size) });
        start += size;
      }
      for (const cooperative of members) assigned.add(cooperative);
      for (const near of nearHubs[hub]!) options.set(near, optionAt(near));
    }
    // Leftovers join an open group of the module within reach, nearest hub first.
    for (const cooperative of candidates.slice().sort(byValue)) {
      if (assigned.has(cooperative)) continue;
      const province = cooperativeProvince[cooperative]!;
      let target: DraftGroup | null = null;
      for (const group of moduleGroups) {
        if (group.members.length >= maxGroupSize || distances[group.hub]![province]! > constraints.maxDistanceKm) continue;
        if (target === null || distances[group.hub]![province]! < distances[target.hub]![province]!) target = group;
      }
      if (target) {
        target.members.push(cooperative);
        assigned.add(cooperative);
      }
    }
    for (const group of moduleGroups) {
      group.members.sort((a, b) => a - b);
      const members = new Set(group.members);
      for (const need of table.byModule[moduleIndex]!) if (members.has(table.cooperative[need]!)) covered[need] = 1;
    }
    groups.push(...moduleGroups);
    for (const cooperative of candidates) {
      value[cooperative] = 0;
      isCandidate[cooperative] = 0;
    }
  }
  return groups;
}

/** Per trainer: busy days and sessions per month. */
class TrainerBook {
  readonly busy = new Set<number>();
  readonly perMonth = new Map<number, number>();
  load = 0;
  constructor(
    readonly trainer: PlanTrainer,
    readonly off: ReadonlyArray<readonly [number, number]>,
  ) {}

  isFree(day: number, maxPerMonth: number): boolean {
    if (this.busy.has(day)) return false;
    if ((this.perMonth.get(monthIndex(day)) ?? 0) >= maxPerMonth) return false;
    for (const [from, to] of this.off) if (day >= from && day <= to) return false;
    return true;
  }

  book(day: number): void {
    this.busy.add(day);
    const month = monthIndex(day);
    this.perMonth.set(month, (this.perMonth.get(month) ?? 0) + 1);
    this.load += 1;
  }
}

/** Modules in prerequisite order (by code among those ready), ignoring unknown codes and cycles. */
function prerequisiteOrder(modules: readonly PlanModule[]): number[] {
  const byCode = new Map(modules.map((module, index) => [module.code, index]));
  const order: number[] = [];
  const state = new Uint8Array(modules.length);
  const visit = (index: number) => {
    if (state[index] !== 0) return;
    state[index] = 1;
    const prerequisites = modules[index]!.definition.prerequisites.map((code) => byCode.get(code)).filter((value): value is number => value !== undefined);
    for (const prerequisite of prerequisites.sort((a, b) => compareText(modules[a]!.code, modules[b]!.code))) visit(prerequisite);
    state[index] = 2;
    order.push(index);
  };
  const byCodeOrder = modules.map((_, index) => index).sort((a, b) => compareText(modules[a]!.code, modules[b]!.code) || a - b);
  for (const index of byCodeOrder) visit(index);
  return order;
}

export function generateTrainingPlan(input: PlanInput): TrainingPlan {
  const { cooperatives, modules, constraints, calendar } = input;
  if (constraints.minGroupSize < 1 || constraints.maxGroupSize < constraints.minGroupSize) throw new RangeError('group size bounds');
  const table = buildNeedTable(cooperatives, modules, constraints.minPriority);
  const provinceCodes = [...new Set(cooperatives.map((cooperative) => cooperative.provinceCode))].sort(compareText);
  const provinceIndex = new Map(provinceCodes.map((code, index) => [code, index]));
  const cooperativeProvince = Int32Array.from(cooperatives, (cooperative) => provinceIndex.get(cooperative.provinceCode)!);
  const needCount = table.priority.length;
  const covered = new Uint8Array(needCount);
  const drafts = formGroups(input, table, provinceCodes, cooperativeProvince, covered);

  // ---- Scheduling: dates and trainers, prerequisites first.
  const start = toDayNumber(calendar.trainingStart);
  const end = toDayNumber(calendar.trainingEnd);
  const weekdays = new Set(constraints.weekdays);
  const books = [...input.trainers]
    .sort((a, b) => compareText(a.id, b.id))
    .map((trainer) => new TrainerBook(trainer, trainer.unavailable.map((range) => [toDayNumber(range.from), toDayNumber(range.to)] as const)));
  const booksByProvince = new Map<string, TrainerBook[]>();
  for (const book of books) for (const code of new Set(book.trainer.provinceCodes)) (booksByProvince.get(code) ?? booksByProvince.set(code, []).get(code)!).push(book);
  const byModule = modules.map(() => [] as DraftGroup[]);
  for (const draft of drafts) byModule[draft.moduleIndex]!.push(draft);
  const moduleIndexByCode = new Map(modules.map((module, index) => [module.code, index]));
  /** Last session day of each cooperative in each module (prerequisites). */
  const finished = modules.map(() => new Map<number, number>());
  const dropped = new Map<string, UnansweredReason>(); // `${module}:${cooperative}` → reason
  const plannedModules: PlannedModule[] = modules.map((module) => ({ moduleId: module.id, code: module.code, groups: [] }));
  const groupOf = new Map<string, number>(); // `${module}:${cooperative}` → group number
  /** Days each cooperative already trains: a cooperative is never in two places on one day. */
  const cooperativeDays = cooperatives.map(() => new Set<number>());

  for (const moduleIndex of prerequisiteOrder(modules)) {
    const module = modules[moduleIndex]!;
    const sessionCount = sessionsPerGroup(module.definition, constraints.hoursPerSession);
    const prerequisites = module.definition.prerequisites.map((code) => moduleIndexByCode.get(code)).filter((value): value is number => value !== undefined);
    const drafts = byModule[moduleIndex]!.sort((a, b) => compareText(provinceCodes[a.hub]!, provinceCodes[b.hub]!) || a.members[0]! - b.members[0]!);
    for (const draft of drafts) {
      let earliest = start;
      for (const prerequisite of prerequisites) for (const member of draft.members) earliest = Math.max(earliest, (finished[prerequisite]!.get(member) ?? start - 1) + 1);
      const hubCode = provinceCodes[draft.hub]!;
      const candidates = booksByProvince.get(hubCode) ?? [];
      let chosen: { book: TrainerBook; days: number[] } | null = null;
      for (const book of candidates) {
        const days: number[] = [];
        const monthUse = new Map<number, number>();
        for (let day = earliest; day <= end && days.length < sessionCount; day += 1) {
          if (!weekdays.has(isoWeekday(day))) continue;
          const month = monthIndex(day);
          if ((book.perMonth.get(month) ?? 0) + (monthUse.get(month) ?? 0) >= constraints.maxSessionsPerMonth) continue;
          if (!book.isFree(day, constraints.maxSessionsPerMonth)) continue;
          if (draft.members.some((member) => cooperativeDays[member]!.has(day))) continue;
          days.push(day);
          monthUse.set(month, (monthUse.get(month) ?? 0) + 1);
        }
        if (days.length < sessionCount) continue;
        const last = days[days.length - 1]!;
        const current = chosen === null ? null : chosen.days[chosen.days.length - 1]!;
        if (chosen === null || last < current! || (last === current && book.load < chosen.book.load)) chosen = { book, days };
      }
      if (chosen === null) {
        const reason: UnansweredReason = candidates.length === 0 ? 'trainer_unavailable' : 'calendar_exhausted';
        for (const member of draft.members) dropped.set(`${moduleIndex}:${member}`, reason);
        continue;
      }
      for (const day of chosen.days) chosen.book.book(day);
      const groups = plannedModules[moduleIndex]!.groups;
      const number = groups.length + 1;
      groups.push({
        moduleId: module.id,
        number,
        hubProvinceCode: hubCode,
        place: placeOf(hubCode),
        trainerId: chosen.book.trainer.id,
        cooperativeIds: draft.members.map((member) => cooperatives[member]!.id),
        sessions: chosen.days.map((day, index) => ({
          date: fromDayNumber(day),
          hours: index < sessionCount - 1 ? constraints.hoursPerSession : module.definition.durationHours - constraints.hoursPerSession * (sessionCount - 1),
        })),
      });
      const last = chosen.days[chosen.days.length - 1]!;
      for (const member of draft.members) {
        for (const day of chosen.days) cooperativeDays[member]!.add(day);
        finished[moduleIndex]!.set(member, last);
        groupOf.set(`${moduleIndex}:${member}`, number);
      }
    }
  }

  // ---- Coverage by the groups kept, then individual coaching for the rest.
  const coverage: Array<CoverageEntry | undefined> = new Array(needCount);
  let objective = 0;
  const needsOf: PlanNeed[] = cooperatives.flatMap((cooperative) => cooperative.needs as PlanNeed[]);
  const describe = (need: number) => {
    const source = needsOf[need]!;
    return { cooperativeId: cooperatives[table.cooperative[need]!]!.id, needKey: needKey(source), domainKey: source.domainKey, questionKey: source.questionKey, priority: table.priority[need]! };
  };
  const pending = new Map<number, Map<number, number[]>>(); // cooperative → module → needs for coaching
  for (let need = 0; need < needCount; need += 1) {
    if (table.active[need] === 0) {
      coverage[need] = { ...describe(need), status: 'unanswered', reason: 'below_min_priority' };
      continue;
    }
    const cooperative = table.cooperative[need]!;
    const answering = table.modules[need]!;
    if (answering.length === 0) {
      coverage[need] = { ...describe(need), status: 'unanswered', reason: 'no_module' };
      continue;
    }
    const inGroup = answering.find((moduleIndex) => groupOf.has(`${moduleIndex}:${cooperative}`));
    if (inGroup !== undefined) {
      coverage[need] = { ...describe(need), status: 'group', moduleId: modules[inGroup]!.id, groupNumber: groupOf.get(`${inGroup}:${cooperative}`)! };
      objective += table.priority[need]!;
      continue;
    }
    // Coached by the first answering module (coaching-format modules first).
    const coachingModule = answering.find((moduleIndex) => modules[moduleIndex]!.definition.format === 'individual_coaching') ?? answering[0]!;
    const perModule = pending.get(cooperative) ?? pending.set(cooperative, new Map()).get(cooperative)!;
    (perModule.get(coachingModule) ?? perModule.set(coachingModule, []).get(coachingModule)!).push(need);
  }
  const coaching: PlannedCoaching[] = [];
  const coachingSessions = calendar.coaching?.sessions ?? 0;
  for (const cooperative of [...pending.keys()].sort((a, b) => a - b)) {
    const entries = [...pending.get(cooperative)!].map(([moduleIndex, needs]) => ({ moduleIndex, needs, priority: needs.reduce((total, need) => total + table.priority[need]!, 0) }));
    entries.sort((a, b) => b.priority - a.priority || a.moduleIndex - b.moduleIndex);
    entries.forEach((entry, rank) => {
      if (rank < coachingSessions) {
        coaching.push({
          cooperativeId: cooperatives[cooperative]!.id,
          moduleId: modules[entry.moduleIndex]!.id,
          needKeys: entry.needs.map((need) => needKey(needsOf[need]!)),
          priority: entry.priority,
        });
        for (const need of entry.needs) coverage[need] = { ...describe(need), status: 'coaching', moduleId: modules[entry.moduleIndex]!.id };
        return;
      }
      for (const need of entry.needs) {
        const droppedReason = table.modules[need]!.map((moduleIndex) => dropped.get(`${moduleIndex}:${cooperative}`)).find((reason) => reason !== undefined);
        const reason: UnansweredReason = droppedReason ?? (calendar.coaching === null ? 'too_few_within_reach' : 'coaching_exhausted');
        coverage[need] = { ...describe(need), status: 'unanswered', reason };
      }
    });
  }

  // ---- Monthly practical workshops after the training phase, per hub province.
  const workshops: PlannedWorkshop[] = [];
  if (calendar.workshops) {
    // Each cooperative joins the workshops of one hub: where it trained most (then the first by code).
    const trainedAt = new Map<string, Map<string, number>>();
    for (const planned of plannedModules)
      for (const group of planned.groups)
        for (const id of group.cooperativeIds) {
          const hubs = trainedAt.get(id) ?? trainedAt.set(id, new Map()).get(id)!;
          hubs.set(group.hubProvinceCode, (hubs.get(group.hubProvinceCode) ?? 0) + group.sessions.length);
        }
    const members = new Map<string, Set<string>>();
    for (const [id, hubs] of trainedAt) {
      const [hub] = [...hubs].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))[0]!;
      (members.get(hub) ?? members.set(hub, new Set()).get(hub)!).add(id);
    }
    const { perMonth, durationMonths } = calendar.workshops;
    const every = perMonth >= 1 ? 1 : Math.round(1 / perMonth);
    const perActiveMonth = Math.max(1, Math.round(perMonth));
    const firstMonth = monthIndex(end) + 1;
    for (const provinceCode of [...members.keys()].sort(compareText)) {
      const cooperativeIds = [...members.get(provinceCode)!].sort(compareText);
      for (let offset = 0; offset < durationMonths; offset += every) {
        const monthStart = monthStartDay(firstMonth + offset);
        const monthEnd = monthStartDay(firstMonth + offset + 1) - 1;
        for (let slot = 0; slot < perActiveMonth; slot += 1) {
          const from = monthStart + Math.floor((slot * (monthEnd - monthStart + 1)) / perActiveMonth);
          let placed: { day: number; book: TrainerBook | null } | null = null;
          for (let day = from; day <= monthEnd && placed === null; day += 1) {
            if (!weekdays.has(isoWeekday(day))) continue;
            const book = (booksByProvince.get(provinceCode) ?? []).find((candidate) => candidate.isFree(day, constraints.maxSessionsPerMonth));
            if (book) placed = { day, book };
          }
          if (placed === null) {
            let day = from;
            while (day < monthEnd && !weekdays.has(isoWeekday(day))) day += 1;
            placed = { day, book: null };
          }
          placed.book?.book(placed.day);
          workshops.push({ provinceCode, place: placeOf(provinceCode), date: fromDayNumber(placed.day), trainerId: placed.book?.trainer.id ?? null, cooperativeIds });
        }
      }
    }
  }

  const finalCoverage = coverage as CoverageEntry[];
  coverDomainNeeds(finalCoverage, modules, coaching);
  const groupCount = plannedModules.reduce((total, planned) => total + planned.groups.length, 0);
  const sessionCount = plannedModules.reduce((total, planned) => total + planned.groups.reduce((sum, group) => sum + group.sessions.length, 0), 0);
  objective -= constraints.sessionCost * sessionCount;
  return {
    modules: plannedModules,
    coaching,
    workshops,
    coverage: finalCoverage,
    summary: {
      objective,
      needs: needCount,
      answeredByGroups: finalCoverage.filter((entry) => entry.status === 'group').length,
      answeredByCoaching: finalCoverage.filter((entry) => entry.status === 'coaching').length,
      unanswered: finalCoverage.filter((entry) => entry.status === 'unanswered').length,
      groups: groupCount,
      sessions: sessionCount,
    },
  };
}
