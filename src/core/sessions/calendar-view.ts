import { sessionTimeZone } from './session.schema.js';

/**
 * Pure helpers of the session calendars: days are Moroccan days (Africa/Casablanca), whatever the browser's zone.
 */

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: sessionTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Moroccan calendar day (YYYY-MM-DD) of an instant. */
export function moroccanDay(instant: string | Date): string {
  return dayFormat.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/** Adds days to a YYYY-MM-DD day. */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Monday of the week of a day. */
export function startOfWeek(day: string): string {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

export type CalendarView = 'month' | 'week' | 'list';

/** The days a view shows around a day: a month grid (whole weeks, Monday first), a week, or the month as a list. */
export function visibleDays(view: CalendarView, day: string): string[] {
  if (view === 'week') return Array.from({ length: 7 }, (_, index) => addDays(startOfWeek(day), index));
  const first = `${day.slice(0, 8)}01`;
  const nextMonth = new Date(`${first}T12:00:00Z`);
  nextMonth.setUTCMonth(nextMonth.getUTCMonth() + 1);
  const last = addDays(nextMonth.toISOString().slice(0, 10), -1);
  const start = view === 'month' ? startOfWeek(first) : first;
  const end = view === 'month' ? addDays(startOfWeek(last), 6) : last;
  const days: string[] = [];
  for (let current = start; current <= end; current = addDays(current, 1)) days.push(current);
  return days;
}

/** Moves the view by one step (a month or a week). */
export function shiftDay(view: CalendarView, day: string, direction: 1 | -1): string {
  if (view === 'week') return addDays(day, 7 * direction);
  const date = new Date(`${day.slice(0, 8)}01T12:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + direction);
  return date.toISOString().slice(0, 10);
}

/** The UTC instants bounding Moroccan days [first, last]: a generous margin of a day each side, then filtered by day. */
export function rangeOf(days: readonly string[]): { from: string; to: string } {
  return { from: `${addDays(days[0]!, -1)}T00:00:00Z`, to: `${addDays(days[days.length - 1]!, 2)}T00:00:00Z` };
}

/** Groups sessions by their Moroccan start day. */
export function groupByDay<T extends { startsAt: string }>(sessions: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const session of sessions) {
    const day = moroccanDay(session.startsAt);
    groups.set(day, [...(groups.get(day) ?? []), session]);
  }
  return groups;
}
