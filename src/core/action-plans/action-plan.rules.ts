import type { ActionStatus, FinancingSource, PlanSummary } from './action-plan.schema.js';

/**
 * The arithmetic of an action plan, with no I/O: calendar days, what is
 * overdue, how far a due date drifted from the agreed one, what the plan adds
 * up to, how far an indicator got. Dates are calendar days (YYYY-MM-DD).
 */

const dayMs = 86_400_000;

export function toDayNumber(date: string): number {
  return Math.round(Date.parse(`${date}T00:00:00Z`) / dayMs);
}

export function fromDayNumber(days: number): string {
  return new Date(days * dayMs).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return fromDayNumber(toDayNumber(date) + days);
}

/** `to − from` in days. */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** Today in Morocco (Africa/Casablanca), whatever the server's or the browser's time zone. */
export function moroccanToday(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const found = Object.fromEntries(parts.map((part) => [part.type, part.value]));
  return `${found.year}-${found.month}-${found.day}`;
}

/** Still open (not done, not cancelled) after its due date. */
export function isOverdue(action: { status: ActionStatus; dueOn: string }, today: string): boolean {
  return action.status !== 'done' && action.status !== 'cancelled' && action.dueOn < today;
}

/** How many days the due date moved since the plan was agreed (positive: later); null before agreement. */
export function driftDays(action: { dueOn: string; agreedDueOn: string | null }): number | null {
  return action.agreedDueOn === null ? null : daysBetween(action.agreedDueOn, action.dueOn);
}

/**
 * Status, progress and completion day kept consistent: a done action is at
 * 100 % with the day it was done (today unless given); an action marked at
 * 100 % but not done stays as stated; any other status has no completion day.
 */
export function settleCompletion(
  value: { status: ActionStatus; progress: number; doneOn: string | null },
  today: string,
): { status: ActionStatus; progress: number; doneOn: string | null } {
  if (value.status === 'done') return { status: 'done', progress: 100, doneOn: value.doneOn ?? today };
  return { status: value.status, progress: value.progress, doneOn: null };
}

interface SummarisedAction {
  status: ActionStatus;
  progress: number;
  dueOn: string;
  budgetMad: number | null;
  financingSource: FinancingSource | null;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** What the plan adds up to; cancelled actions count for nothing. */
export function summarisePlan(actions: readonly SummarisedAction[], today: string): PlanSummary {
  const live = actions.filter((action) => action.status !== 'cancelled');
  const budgetBySource: Record<string, number> = {};
  let budgetMad = 0;
  for (const action of live) {
    if (action.budgetMad === null) continue;
    budgetMad += action.budgetMad;
    const source = action.financingSource ?? 'unspecified';
    budgetBySource[source] = (budgetBySource[source] ?? 0) + action.budgetMad;
  }
  return {
    actions: live.length,
    done: live.filter((action) => action.status === 'done').length,
    inProgress: live.filter((action) => action.status === 'in_progress').length,
    blocked: live.filter((action) => action.status === 'blocked').length,
    overdue: live.filter((action) => isOverdue(action, today)).length,
    progress: live.length === 0 ? 0 : round1(live.reduce((sum, action) => sum + action.progress, 0) / live.length),
    budgetMad,
    budgetBySource,
  };
}

/**
 * Share of the way from the baseline (0 when unknown) to the target that the
 * latest value covers, clamped to 0–1. Works for targets below the baseline
 * (fewer losses, fewer disputes) as well as above. Null without a value, or
 * when baseline and target are equal (nothing to cover).
 */
export function attainment(indicator: { baseline: number | null; target: number }, latest: number | null): number | null {
  if (latest === null) return null;
  const from = indicator.baseline ?? 0;
  const span = indicator.target - from;
  if (span === 0) return latest === indicator.target ? 1 : null;
  return Math.min(1, Math.max(0, Math.round(((latest - from) / span) * 1000) / 1000));
}

/** The latest measured value: by day, then by the order they were recorded. */
export function latestValue(measurements: ReadonlyArray<{ measuredOn: string; value: number }>): number | null {
  let best: { measuredOn: string; value: number } | null = null;
  for (const measurement of measurements) if (best === null || measurement.measuredOn >= best.measuredOn) best = measurement;
  return best?.value ?? null;
}
