import type { ActionStatus } from './action-plan.schema.js';
import { addDays, daysBetween, driftDays, isOverdue, toDayNumber } from './action-plan.rules.js';

/**
 * The actions of a plan laid out on a time axis, as shares of its width
 * (0 at the start, 1 at the end), so that any drawing (web page, document)
 * only multiplies: one row per action, in start order; month (or quarter)
 * ticks; today's mark; the agreed due date when it moved.
 */

export interface TimelineAction {
  id: string;
  title: string;
  startsOn: string;
  dueOn: string;
  agreedDueOn: string | null;
  status: ActionStatus;
  progress: number;
}

export interface TimelineRow {
  id: string;
  title: string;
  status: ActionStatus;
  progress: number;
  /** Where the bar starts and how wide it is, 0–1 of the axis. */
  start: number;
  width: number;
  /** The agreed due date's place when the due date moved since, else null. */
  agreedEnd: number | null;
  driftDays: number | null;
  isOverdue: boolean;
}

export interface TimelineTick {
  date: string;
  offset: number;
}

export interface Timeline {
  from: string;
  to: string;
  ticks: TimelineTick[];
  /** Null when today is outside the axis. */
  today: number | null;
  rows: TimelineRow[];
}

/** The first day of each month (or of each quarter, on an axis longer than fourteen months) inside the axis. */
export function timelineTicks(from: string, to: string): TimelineTick[] {
  const span = daysBetween(from, to) + 1;
  const step = span > 430 ? 3 : 1;
  const ticks: TimelineTick[] = [];
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7)) - 1;
  if (from.slice(8) !== '01') month += 1;
  // Quarters start in January, April, July and October.
  if (step === 3) month += (3 - (month % 3)) % 3;
  for (;;) {
    year += Math.floor(month / 12);
    month %= 12;
    const date = `${year}-${String(month + 1).padStart(2, '0')}-01`;
    if (date > to) break;
    ticks.push({ date, offset: (toDayNumber(date) - toDayNumber(from)) / span });
    month += step;
  }
  return ticks;
}

/**
 * Lays out the actions between `range.from` and `range.to`, widened to every
 * action's dates so that no bar is cut. A bar covers its days whole: an action
 * of one day still has a width.
 */
export function layoutTimeline(actions: readonly TimelineAction[], range: { from: string; to: string }, today: string): Timeline {
  let from = range.from;
  let to = range.to < range.from ? range.from : range.to;
  for (const action of actions) {
    for (const date of [action.startsOn, action.dueOn, action.agreedDueOn]) {
      if (date === null) continue;
      if (date < from) from = date;
      if (date > to) to = date;
    }
  }
  const origin = toDayNumber(from);
  const span = toDayNumber(to) - origin + 1;
  const at = (date: string) => (toDayNumber(date) - origin) / span;
  const rows = [...actions]
    .sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.dueOn.localeCompare(b.dueOn) || a.id.localeCompare(b.id))
    .map((action): TimelineRow => {
      const drift = driftDays(action);
      return {
        id: action.id,
        title: action.title,
        status: action.status,
        progress: action.progress,
        start: at(action.startsOn),
        width: (daysBetween(action.startsOn, action.dueOn) + 1) / span,
        agreedEnd: drift ? at(addDays(action.agreedDueOn!, 1)) : null,
        driftDays: drift,
        isOverdue: isOverdue(action, today),
      };
    });
  const todayNumber = toDayNumber(today);
  return {
    from,
    to,
    ticks: timelineTicks(from, to),
    today: todayNumber < origin || todayNumber > toDayNumber(to) ? null : (todayNumber - origin) / span,
    rows,
  };
}
