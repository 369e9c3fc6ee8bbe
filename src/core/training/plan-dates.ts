/**
 * Calendar arithmetic for plan generation on whole days: a date is the
 * number of days since 1970-01-01 (UTC), so that nothing depends on the
 * machine's time zone or clock.
 */

const millisecondsPerDay = 86_400_000;

export function toDayNumber(isoDate: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${isoDate}`);
  return Math.round(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / millisecondsPerDay);
}

export function fromDayNumber(day: number): string {
  return new Date(day * millisecondsPerDay).toISOString().slice(0, 10);
}

/** ISO weekday: 1 Monday … 7 Sunday (1970-01-01 was a Thursday). */
export function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Months since January 1970: the key of a day's calendar month. */
export function monthIndex(day: number): number {
  const date = new Date(day * millisecondsPerDay);
  return date.getUTCFullYear() * 12 + date.getUTCMonth() - 1970 * 12;
}

/** The first day of a month index. */
export function monthStartDay(month: number): number {
  const year = 1970 + Math.floor(month / 12);
  return Math.round(Date.UTC(year, month - (year - 1970) * 12, 1) / millisecondsPerDay);
}

const earthRadiusKm = 6371;
const radians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle distance between two points (haversine formula), in kilometres. */
export function haversineKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dLat = radians(b.lat - a.lat);
  const dLon = radians(b.lon - a.lon);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.lat)) * Math.cos(radians(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}
