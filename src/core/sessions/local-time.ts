import { sessionTimeZone } from './session.schema.js';

/**
 * Wall-clock time in Morocco (Africa/Casablanca: UTC+1, UTC+0 during Ramadan) ↔ instants, for the session form.
 * The browser's own time zone plays no part.
 */

const parts = (instant: Date) => {
  const format = new Intl.DateTimeFormat('en-CA', { timeZone: sessionTimeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const found = Object.fromEntries(format.formatToParts(instant).map((part) => [part.type, part.value]));
  return { date: `${found.year}-${found.month}-${found.day}`, time: `${found.hour}:${found.minute}` };
};

/** The Moroccan date (YYYY-MM-DD) and time (HH:mm) of an instant. */
export function toMoroccanWallClock(instant: string): { date: string; time: string } {
  return parts(new Date(instant));
}

/** The instant (ISO, UTC) at which it is `time` on `date` in Morocco; null when either is malformed. */
export function fromMoroccanWallClock(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const asUtc = Date.parse(`${date}T${time}:00Z`);
  if (Number.isNaN(asUtc)) return null;
  let guess = asUtc;
  for (let step = 0; step < 2; step += 1) {
    const shown = parts(new Date(guess));
    guess += asUtc - Date.parse(`${shown.date}T${shown.time}:00Z`);
  }
  return new Date(guess).toISOString();
}
