import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromMoroccanWallClock, toMoroccanWallClock } from './local-time.js';

describe('Moroccan wall-clock time', () => {
  it('is UTC+1, and UTC+0 during Ramadan', () => {
    expect(fromMoroccanWallClock('2026-01-14', '09:00')).toBe('2026-01-14T08:00:00.000Z');
    expect(fromMoroccanWallClock('2026-03-02', '09:00')).toBe('2026-03-02T09:00:00.000Z');
    expect(toMoroccanWallClock('2026-01-14T23:30:00Z')).toEqual({ date: '2026-01-15', time: '00:30' });
    expect(fromMoroccanWallClock('2026-13-01', '09:00')).toBeNull();
  });

  it('round-trips every whole-minute instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.parse('2025-01-01T00:00:00Z') / 60_000, max: Date.parse('2028-12-31T00:00:00Z') / 60_000 }), (minutes) => {
        const instant = new Date(minutes * 60_000).toISOString();
        const { date, time } = toMoroccanWallClock(instant);
        const back = fromMoroccanWallClock(date, time)!;
        // Around a clock change an hour is ambiguous; the wall clock read back is always the same.
        expect(toMoroccanWallClock(back)).toEqual({ date, time });
      }),
    );
  });
});
