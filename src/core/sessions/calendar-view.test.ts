import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, groupByDay, moroccanDay, shiftDay, startOfWeek, visibleDays } from './calendar-view.js';
import { buildCalendar } from './ical.js';

describe('session calendars', () => {
  it('counts days in Morocco, not in UTC', () => {
    // Casablanca is UTC+1 outside Ramadan: 23:30 UTC is already the next day there.
    expect(moroccanDay('2026-01-14T23:30:00Z')).toBe('2026-01-15');
    expect(moroccanDay('2026-01-14T22:30:00Z')).toBe('2026-01-14');
  });

  it('lays out a month in whole weeks starting on Monday', () => {
    const days = visibleDays('month', '2026-03-17');
    expect(days[0]).toBe('2026-02-23');
    expect(days.at(-1)).toBe('2026-04-05');
    expect(days.length % 7).toBe(0);
    expect(visibleDays('week', '2026-03-19')).toEqual(['2026-03-16', '2026-03-17', '2026-03-18', '2026-03-19', '2026-03-20', '2026-03-21', '2026-03-22']);
    expect(visibleDays('list', '2026-02-10')).toHaveLength(28);
    expect(shiftDay('month', '2026-01-31', 1)).toBe('2026-02-01');
    expect(shiftDay('week', '2026-03-19', -1)).toBe('2026-03-12');
  });

  it('always finds a Monday on or before the day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), (offset) => {
        const day = addDays('2024-01-01', offset);
        const monday = startOfWeek(day);
        return new Date(`${monday}T12:00:00Z`).getUTCDay() === 1 && monday <= day && addDays(monday, 6) >= day;
      }),
    );
  });

  it('groups sessions by Moroccan day', () => {
    const groups = groupByDay([{ startsAt: '2026-01-14T23:30:00Z' }, { startsAt: '2026-01-15T09:00:00Z' }, { startsAt: '2026-01-14T09:00:00Z' }]);
    expect([...groups.keys()]).toEqual(['2026-01-15', '2026-01-14']);
    expect(groups.get('2026-01-15')).toHaveLength(2);
  });

  it('writes iCalendar events in UTC, cancelled ones as such, escaping text', () => {
    const text = buildCalendar('Test', [
      { id: 'a', title: 'Formation, gouvernance', kind: 'training', status: 'cancelled', startsAt: '2026-03-02T09:00:00Z', endsAt: '2026-03-02T12:00:00Z', place: 'Tarfaya', programmeCode: 'P1', facilitatorName: 'Youssef', updatedAt: '2026-01-01T00:00:00Z' },
    ]);
    expect(text).toContain('UID:a@taawon.ma');
    expect(text).toContain('DTSTART:20260302T090000Z');
    expect(text).toContain('SUMMARY:Formation\\, gouvernance');
    expect(text).toContain('STATUS:CANCELLED');
  });
});
