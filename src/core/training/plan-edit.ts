import { planClashKinds, planConstraintsSchema, type PlanClash, type PlanClashKind, type PlanConstraintsValue, type PlanEdit, type PlanItemRef, type PlanResult } from './plan.schema.js';

/**
 * Editing a draft training plan, and finding what is wrong with a plan as
 * edited. Pure: the page runs the same functions as the server, so clashes
 * show as the manager edits, and the server's verdict is the same.
 */

export interface ClashContext {
  constraints: Pick<PlanConstraintsValue, 'minGroupSize' | 'maxGroupSize'>;
  /** The training phase group sessions must fall in; null to not check. */
  trainingPhase: { start: string; end: string } | null;
  /** Periods each trainer is unavailable, both ends included, by trainer id. */
  unavailable: Readonly<Record<string, ReadonlyArray<{ from: string; to: string }>>>;
}

export interface EditContext {
  /** Trainers who may be given a group or a workshop. */
  trainerIds: readonly string[];
  /** Session length used for sessions of a group (hours), from the plan's constraints. */
  hoursPerSession: number;
  /** Cost of one group session in priority points, from the plan's constraints (the summary's objective). */
  sessionCost: number;
}

export interface EditIssue {
  /** Index of the edit in the batch, then the field. */
  path: Array<string | number>;
  key: string;
  params?: Record<string, string | number>;
}

export type EditOutcome = { ok: true; result: PlanResult } | { ok: false; issues: EditIssue[] };

/** What a stored version keeps of how it was made (its `parameters`). */
export interface PlanParameters {
  constraints?: unknown;
  calendar?: unknown;
}

/** The version's constraints, the defaults standing in for what is missing or unreadable. */
function constraintsOf(parameters: PlanParameters): PlanConstraintsValue {
  const parsed = planConstraintsSchema.safeParse(parameters.constraints ?? {});
  return parsed.success ? parsed.data : planConstraintsSchema.parse({});
}

/** What the clash finder checks a stored version against: its group bounds, its training phase, its trainers' leave. */
export function planClashContext(parameters: PlanParameters, trainers: ReadonlyArray<{ userId: string; unavailable: ReadonlyArray<{ from: string; to: string }> }>): ClashContext {
  const calendar = (parameters.calendar ?? {}) as { trainingStart?: unknown; trainingEnd?: unknown };
  return {
    constraints: constraintsOf(parameters),
    trainingPhase: typeof calendar.trainingStart === 'string' && typeof calendar.trainingEnd === 'string' ? { start: calendar.trainingStart, end: calendar.trainingEnd } : null,
    unavailable: Object.fromEntries(trainers.map((trainer) => [trainer.userId, trainer.unavailable.map(({ from, to }) => ({ from, to }))])),
  };
}

/** What edits of a stored version may use: the trainers allowed, and its constraints for the summary. */
export function planEditContext(parameters: PlanParameters, trainerIds: readonly string[]): EditContext {
  const constraints = constraintsOf(parameters);
  return { trainerIds, hoursPerSession: constraints.hoursPerSession, sessionCost: constraints.sessionCost };
}

type PlannedGroup = PlanResult['modules'][number]['groups'][number];

const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Something that happens on one day: a session of a group, or a workshop. */
interface Occurrence {
  ref: PlanItemRef;
  /** Position of the item in the plan (modules and groups in order, then workshops): the order items are listed in. */
  rank: number;
  date: string;
  trainerId: string | null;
  cooperativeIds: readonly string[];
}

/** Every dated occurrence of the plan. Groups left empty hold no session, so they clash only by their size. */
function occurrencesOf(result: PlanResult): Occurrence[] {
  const occurrences: Occurrence[] = [];
  let rank = 0;
  for (const planned of result.modules)
    for (const group of planned.groups) {
      rank += 1;
      if (group.cooperativeIds.length === 0) continue;
      const ref: PlanItemRef = { kind: 'group', moduleId: planned.moduleId, groupNumber: group.number };
      for (const session of group.sessions) occurrences.push({ ref, rank, date: session.date, trainerId: group.trainerId, cooperativeIds: group.cooperativeIds });
    }
  result.workshops.forEach((workshop, workshopIndex) => {
    rank += 1;
    occurrences.push({ ref: { kind: 'workshop', workshopIndex }, rank, date: workshop.date, trainerId: workshop.trainerId, cooperativeIds: workshop.cooperativeIds });
  });
  return occurrences;
}

/** The distinct items of some occurrences, in plan order. */
function itemsOf(occurrences: readonly Occurrence[]): PlanItemRef[] {
  const byRank = new Map<number, PlanItemRef>();
  for (const occurrence of occurrences) byRank.set(occurrence.rank, occurrence.ref);
  return [...byRank.entries()].sort(([a], [b]) => a - b).map(([, ref]) => ref);
}

function collect(map: Map<string, Occurrence[]>, key: string, occurrence: Occurrence): void {
  const list = map.get(key);
  if (list) list.push(occurrence);
  else map.set(key, [occurrence]);
}

const blank = { date: null, trainerId: null, cooperativeId: null, size: null, bound: null } as const;
const separator = '\u0000';

/** Every clash of the plan, in a stable order: by kind, then day, person and item. */
export function findPlanClashes(result: PlanResult, context: ClashContext): PlanClash[] {
  const occurrences = occurrencesOf(result);
  const clashes: Array<PlanClash & { rank: number }> = [];

  const byTrainerDay = new Map<string, Occurrence[]>();
  const byCooperativeDay = new Map<string, Occurrence[]>();
  const unavailableByTrainerDay = new Map<string, Occurrence[]>();
  for (const occurrence of occurrences) {
    for (const cooperativeId of new Set(occurrence.cooperativeIds)) collect(byCooperativeDay, `${cooperativeId}${separator}${occurrence.date}`, occurrence);
    if (occurrence.trainerId === null) continue;
    const key = `${occurrence.trainerId}${separator}${occurrence.date}`;
    collect(byTrainerDay, key, occurrence);
    const periods = context.unavailable[occurrence.trainerId] ?? [];
    if (periods.some((period) => period.from <= occurrence.date && occurrence.date <= period.to)) collect(unavailableByTrainerDay, key, occurrence);
  }
  const split = (key: string) => key.split(separator) as [string, string];

  for (const [key, list] of byTrainerDay) {
    if (list.length < 2) continue;
    const [trainerId, date] = split(key);
    clashes.push({ ...blank, kind: 'trainer_double_booked', blocking: true, date, trainerId, items: itemsOf(list), rank: list[0]!.rank });
  }
  for (const [key, list] of byCooperativeDay) {
    if (list.length < 2) continue;
    const [cooperativeId, date] = split(key);
    clashes.push({ ...blank, kind: 'cooperative_double_booked', blocking: true, date, cooperativeId, items: itemsOf(list), rank: list[0]!.rank });
  }
  for (const [key, list] of unavailableByTrainerDay) {
    const [trainerId, date] = split(key);
    clashes.push({ ...blank, kind: 'trainer_unavailable', blocking: true, date, trainerId, items: itemsOf(list), rank: list[0]!.rank });
  }

  const phase = context.trainingPhase;
  const seenOutside = new Set<string>();
  for (const occurrence of occurrences) {
    if (phase === null || occurrence.ref.kind !== 'group') continue;
    if (occurrence.date >= phase.start && occurrence.date <= phase.end) continue;
    const key = `${occurrence.rank}${separator}${occurrence.date}`;
    if (seenOutside.has(key)) continue;
    seenOutside.add(key);
    clashes.push({ ...blank, kind: 'outside_training_phase', blocking: true, date: occurrence.date, items: [occurrence.ref], rank: occurrence.rank });
  }

  const { minGroupSize, maxGroupSize } = context.constraints;
  let rank = 0;
  for (const planned of result.modules)
    for (const group of planned.groups) {
      rank += 1;
      const size = group.cooperativeIds.length;
      const items: PlanItemRef[] = [{ kind: 'group', moduleId: planned.moduleId, groupNumber: group.number }];
      if (size < minGroupSize) clashes.push({ ...blank, kind: 'group_too_small', blocking: size === 0, size, bound: minGroupSize, items, rank });
      else if (size > maxGroupSize) clashes.push({ ...blank, kind: 'group_too_large', blocking: false, size, bound: maxGroupSize, items, rank });
    }

  const kindOrder = (kind: PlanClashKind) => planClashKinds.indexOf(kind);
  clashes.sort(
    (a, b) =>
      kindOrder(a.kind) - kindOrder(b.kind) ||
      compareText(a.date ?? '', b.date ?? '') ||
      compareText(a.trainerId ?? '', b.trainerId ?? '') ||
      compareText(a.cooperativeId ?? '', b.cooperativeId ?? '') ||
      a.rank - b.rank,
  );
  return clashes.map(({ rank: _rank, ...clash }) => clash);
}

/**
 * The summary of a plan as edited from a plan whose summary is `saved`.
 * Groups and sessions count the groups left with members. Edits never change
 * which needs a group answers (a cooperative moves only within its module),
 * so the priority answered, the first term of the planner's objective, stays
 * as the planner counted it; only the sessions' cost follows the groups.
 */
export function summarisePlan(result: PlanResult, saved: PlanResult['summary'], sessionCost: number): PlanResult['summary'] {
  const held = result.modules.flatMap((planned) => planned.groups).filter((group) => group.cooperativeIds.length > 0);
  const sessions = held.reduce((total, group) => total + group.sessions.length, 0);
  const count = (status: PlanResult['coverage'][number]['status']) => result.coverage.filter((entry) => entry.status === status).length;
  return {
    objective: sessions === saved.sessions ? saved.objective : saved.objective - sessionCost * (sessions - saved.sessions),
    needs: result.coverage.length,
    answeredByGroups: count('group'),
    answeredByCoaching: count('coaching'),
    unanswered: count('unanswered'),
    groups: held.length,
    sessions,
  };
}

interface Refusal {
  field: string;
  key: string;
  params?: Record<string, string | number>;
}

const refuse = (field: string, key: string, params?: Record<string, string | number>): Refusal => ({ field, key, ...(params ? { params } : {}) });

/** Applies one edit to a plan being edited (mutated), or says which field is wrong. */
function applyEdit(plan: PlanResult, edit: PlanEdit, trainers: ReadonlySet<string>, memberOrder: (a: string, b: string) => number): Refusal | null {
  if (edit.type === 'set_workshop') {
    const workshop = plan.workshops[edit.workshopIndex];
    if (!workshop) return refuse('workshopIndex', 'plan_edit_unknown_workshop');
    if (edit.trainerId !== null && !trainers.has(edit.trainerId)) return refuse('trainerId', 'plan_edit_unknown_trainer');
    workshop.date = edit.date;
    workshop.trainerId = edit.trainerId;
    return null;
  }
  const planned = plan.modules.find((candidate) => candidate.moduleId === edit.moduleId);
  if (!planned) return refuse('moduleId', 'plan_edit_unknown_module');
  const groupField = edit.type === 'move_cooperative' ? 'toGroupNumber' : 'groupNumber';
  const groupNumber = edit.type === 'move_cooperative' ? edit.toGroupNumber : edit.groupNumber;
  const group: PlannedGroup | undefined = planned.groups.find((candidate) => candidate.number === groupNumber);
  if (!group) return refuse(groupField, 'plan_edit_unknown_group', { number: groupNumber });
  switch (edit.type) {
    case 'move_cooperative': {
      const from = planned.groups.find((candidate) => candidate.cooperativeIds.includes(edit.cooperativeId));
      if (!from) return refuse('cooperativeId', 'plan_edit_not_in_module');
      if (from === group) return refuse('toGroupNumber', 'plan_edit_same_group', { number: groupNumber });
      from.cooperativeIds = from.cooperativeIds.filter((id) => id !== edit.cooperativeId);
      group.cooperativeIds = [...group.cooperativeIds, edit.cooperativeId].sort(memberOrder);
      for (const entry of plan.coverage)
        if (entry.status === 'group' && entry.cooperativeId === edit.cooperativeId && entry.moduleId === edit.moduleId && entry.groupNumber === from.number) entry.groupNumber = group.number;
      return null;
    }
    case 'set_trainer':
      if (!trainers.has(edit.trainerId)) return refuse('trainerId', 'plan_edit_unknown_trainer');
      group.trainerId = edit.trainerId;
      return null;
    case 'set_place':
      group.place = edit.place;
      return null;
    case 'set_session_date': {
      const session = group.sessions[edit.sessionIndex];
      if (!session) return refuse('sessionIndex', 'plan_edit_unknown_session', { count: group.sessions.length });
      session.date = edit.date;
      return null;
    }
  }
}

/**
 * Applies edits in order, all or nothing; coverage and summary follow the
 * moves. Every edit that cannot apply is reported (the later ones are checked
 * against the plan as the earlier valid ones left it); the input is never
 * changed.
 */
export function applyPlanEdits(result: PlanResult, edits: readonly PlanEdit[], context: EditContext): EditOutcome {
  const plan = structuredClone(result);
  const trainers = new Set(context.trainerIds);
  // Members keep the planner's order (that of the cooperatives, as the coverage lists them), so that a move undone restores the group exactly.
  const position = new Map<string, number>();
  for (const entry of plan.coverage) if (!position.has(entry.cooperativeId)) position.set(entry.cooperativeId, position.size);
  const memberOrder = (a: string, b: string) => (position.get(a) ?? Number.MAX_SAFE_INTEGER) - (position.get(b) ?? Number.MAX_SAFE_INTEGER) || compareText(a, b);
  const issues: EditIssue[] = [];
  edits.forEach((edit, index) => {
    const refusal = applyEdit(plan, edit, trainers, memberOrder);
    if (refusal) issues.push({ path: ['edits', index, refusal.field], key: refusal.key, ...(refusal.params ? { params: refusal.params } : {}) });
  });
  if (issues.length > 0) return { ok: false, issues };
  plan.summary = summarisePlan(plan, result.summary, context.sessionCost);
  return { ok: true, result: plan };
}

/** What an edit changes: two edits of the same target, the later one wins. Moves of different cooperatives do not depend on each other. */
function targetOf(edit: PlanEdit): string {
  switch (edit.type) {
    case 'move_cooperative':
      return `move:${edit.moduleId}:${edit.cooperativeId}`;
    case 'set_trainer':
      return `trainer:${edit.moduleId}:${edit.groupNumber}`;
    case 'set_place':
      return `place:${edit.moduleId}:${edit.groupNumber}`;
    case 'set_session_date':
      return `date:${edit.moduleId}:${edit.groupNumber}:${edit.sessionIndex}`;
    case 'set_workshop':
      return `workshop:${edit.workshopIndex}`;
  }
}

/** Whether an edit leaves the plan as it is. */
function changesNothing(result: PlanResult, edit: PlanEdit): boolean {
  if (edit.type === 'set_workshop') {
    const workshop = result.workshops[edit.workshopIndex];
    return workshop !== undefined && workshop.date === edit.date && workshop.trainerId === edit.trainerId;
  }
  const groups = result.modules.find((planned) => planned.moduleId === edit.moduleId)?.groups ?? [];
  switch (edit.type) {
    case 'move_cooperative':
      return groups.find((group) => group.cooperativeIds.includes(edit.cooperativeId))?.number === edit.toGroupNumber;
    case 'set_trainer':
      return groups.find((group) => group.number === edit.groupNumber)?.trainerId === edit.trainerId;
    case 'set_place':
      return groups.find((group) => group.number === edit.groupNumber)?.place === edit.place;
    case 'set_session_date':
      return groups.find((group) => group.number === edit.groupNumber)?.sessions[edit.sessionIndex]?.date === edit.date;
  }
}

/**
 * Adds an edit to a pending batch made on `saved`, keeping the batch as short
 * as what it changes: an edit replaces the earlier one of the same target,
 * and one that brings its target back to the saved plan drops out.
 */
export function mergePlanEdit(saved: PlanResult, edits: readonly PlanEdit[], edit: PlanEdit): PlanEdit[] {
  const target = targetOf(edit);
  const others = edits.filter((candidate) => targetOf(candidate) !== target);
  if (changesNothing(saved, edit)) return others;
  const index = edits.findIndex((candidate) => targetOf(candidate) === target);
  if (index === -1) return [...edits, edit];
  return edits.map((candidate, position) => (position === index ? edit : candidate));
}
