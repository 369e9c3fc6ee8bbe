import { fromMoroccanWallClock, toMoroccanWallClock } from '../sessions/local-time.js';
import { daysBetween } from './compliance.js';

/** Calendar days as users in Morocco live them: today there, the day an instant falls on there, midnight there. */

export function moroccanToday(now: Date = new Date()): string {
  return toMoroccanWallClock(now.toISOString()).date;
}

export function moroccanDayOf(instant: string): string {
  return toMoroccanWallClock(instant).date;
}

/** The instant at which `date` begins in Morocco. */
export function moroccanMidnight(date: string): string {
  return fromMoroccanWallClock(date, '00:00')!;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days a follow-up planned at `startsAt` is late today (0 when it is not). */
export function daysLate(startsAt: string, today: string): number {
  return Math.max(0, daysBetween(moroccanDayOf(startsAt), today));
}
