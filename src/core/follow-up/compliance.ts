/**
 * Compliance (follow-ups held against planned) and the drift of action deadlines: the arithmetic on counts the
 * database aggregates. Planned means due on or before today; held means a follow-up was recorded and confirmed
 * for it (or the session was marked held).
 */

export interface ComplianceCounts {
  planned: number;
  held: number;
  unplanned: number;
  late: number;
}

/** held / planned, rounded to three decimals; null when nothing was due yet. */
export function complianceRate(held: number, planned: number): number | null {
  if (planned <= 0) return null;
  return Math.round((Math.min(held, planned) / planned) * 1000) / 1000;
}

export function withRate<T extends ComplianceCounts>(counts: T): T & { rate: number | null } {
  return { ...counts, rate: complianceRate(counts.held, counts.planned) };
}

export function addCounts(rows: readonly ComplianceCounts[]): ComplianceCounts {
  return rows.reduce((sum, row) => ({ planned: sum.planned + row.planned, held: sum.held + row.held, unplanned: sum.unplanned + row.unplanned, late: sum.late + row.late }), {
    planned: 0,
    held: 0,
    unplanned: 0,
    late: 0,
  });
}

/** Worst first: the lowest rate, then the most late, then the name; rows with nothing due last. */
export function byWorstCompliance<T extends ComplianceCounts & { rate: number | null; name: string }>(a: T, b: T): number {
  if (a.rate === null || b.rate === null) return a.rate === b.rate ? a.name.localeCompare(b.name) : a.rate === null ? 1 : -1;
  return a.rate - b.rate || b.late - a.late || a.name.localeCompare(b.name);
}

const dayMs = 86_400_000;

/** Whole days from `from` to `to` (calendar days, YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/** How far a deadline moved from the agreed one, in days (null when the plan had no agreed date for it). */
export function driftDays(action: { dueOn: string; agreedDueOn: string | null }): number | null {
  return action.agreedDueOn ? daysBetween(action.agreedDueOn, action.dueOn) : null;
}

/** An action is late when its due date has passed and it is neither done nor cancelled. */
export function isLate(action: { dueOn: string; status: string }, today: string): boolean {
  return action.dueOn < today && action.status !== 'done' && action.status !== 'cancelled';
}

/** Done by its agreed date (or its due date when none was agreed). */
export function isDoneOnTime(action: { status: string; doneOn: string | null; dueOn: string; agreedDueOn: string | null }): boolean {
  return action.status === 'done' && action.doneOn !== null && action.doneOn <= (action.agreedDueOn ?? action.dueOn);
}

/** Sums the database returns per group of actions. */
export interface DriftCounts {
  actions: number;
  agreed: number;
  slipped: number;
  /** Sum of the drifts of the actions with an agreed date. */
  driftSum: number;
  maxDriftDays: number | null;
  late: number;
  done: number;
  doneOnTime: number;
}

export interface DriftSummary {
  actions: number;
  agreed: number;
  slipped: number;
  averageDriftDays: number | null;
  maxDriftDays: number | null;
  late: number;
  done: number;
  doneOnTime: number;
}

export function summariseDrift(counts: DriftCounts): DriftSummary {
  const { driftSum, ...rest } = counts;
  return { ...rest, averageDriftDays: counts.agreed > 0 ? Math.round((driftSum / counts.agreed) * 10) / 10 : null };
}

export function addDriftCounts(rows: readonly DriftCounts[]): DriftCounts {
  return rows.reduce<DriftCounts>(
    (sum, row) => ({
      actions: sum.actions + row.actions,
      agreed: sum.agreed + row.agreed,
      slipped: sum.slipped + row.slipped,
      driftSum: sum.driftSum + row.driftSum,
      maxDriftDays: row.maxDriftDays === null ? sum.maxDriftDays : sum.maxDriftDays === null ? row.maxDriftDays : Math.max(sum.maxDriftDays, row.maxDriftDays),
      late: sum.late + row.late,
      done: sum.done + row.done,
      doneOnTime: sum.doneOnTime + row.doneOnTime,
    }),
    { actions: 0, agreed: 0, slipped: 0, driftSum: 0, maxDriftDays: null, late: 0, done: 0, doneOnTime: 0 },
  );
}

/**
 * Whether a follow-up's updates still describe the actions: one held earlier than the latest follow-up already
 * applied to an action (a representative's old report confirmed late) is kept in the history but does not move
 * the action back.
 */
export function shouldApplyUpdate(heldOn: string, latestAppliedHeldOn: string | null): boolean {
  return latestAppliedHeldOn === null || heldOn >= latestAppliedHeldOn;
}

/** The `done_on` an update leaves on an action: kept when it was already done, the follow-up's day when it becomes done, cleared otherwise. */
export function doneOnAfter(update: { status: string }, action: { status: string; doneOn: string | null }, heldOn: string): string | null {
  if (update.status !== 'done') return null;
  return action.status === 'done' && action.doneOn ? action.doneOn : heldOn;
}
