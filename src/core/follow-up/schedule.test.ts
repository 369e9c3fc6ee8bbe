import { describe, expect, it } from 'vitest';
import { followUpWindow, missingFollowUps, roundPeriods, scheduleFollowUps } from './schedule.js';

const phases = [
  { kind: 'diagnostic', startsOn: '2027-01-04', endsOn: '2027-02-28' },
  { kind: 'accompaniment', startsOn: '2027-03-01', endsOn: '2027-05-31' },
  { kind: 'follow_up', startsOn: '2027-03-01', endsOn: '2027-06-30' },
];
const cooperatives = (count: number, consultantId: string | null = 'c0000000-0000-4000-8000-000000000001') =>
  Array.from({ length: count }, (_, index) => ({ cooperativeId: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`, consultantId }));
const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();

describe('follow-up schedule from the cadence', () => {
  it('spans the accompaniment and follow-up phases only', () => {
    expect(followUpWindow(phases)).toEqual({ from: '2027-03-01', to: '2027-06-30' });
    expect(followUpWindow([phases[0]!])).toBeNull();
  });

  it('cuts the window into perMonth rounds that tile it without gaps', () => {
    const periods = roundPeriods({ from: '2027-03-01', to: '2027-06-30' }, 2);
    expect(periods).toHaveLength(8);
    for (let index = 1; index < periods.length; index += 1) expect(periods[index]!.start).toBe(periods[index - 1]!.end);
    expect(periods.at(-1)!.end - periods[0]!.start).toBe(122);
  });

  it('gives every cooperative one follow-up per round, on weekdays, inside the window', () => {
    const scheduled = scheduleFollowUps({ phases, perMonth: 2, cooperatives: cooperatives(18) });
    expect(scheduled).toHaveLength(18 * 8);
    expect(scheduled.every((item) => weekday(item.date) !== 0 && weekday(item.date) !== 6)).toBe(true);
    expect(scheduled.every((item) => item.date >= '2027-03-01' && item.date <= '2027-06-30')).toBe(true);
    expect(scheduled.every((item) => item.date >= item.periodStart && item.date < item.periodEnd)).toBe(true);
    for (const cooperative of cooperatives(18)) {
      const rounds = scheduled.filter((item) => item.cooperativeId === cooperative.cooperativeId).map((item) => item.round);
      expect(rounds).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    }
  });

  it('spreads one consultant’s cooperatives over the days and the hours: never 18 calls one morning', () => {
    const scheduled = scheduleFollowUps({ phases, perMonth: 2, cooperatives: cooperatives(18) });
    const perDay = new Map<string, string[]>();
    for (const item of scheduled) perDay.set(`${item.consultantId} ${item.date}`, [...(perDay.get(`${item.consultantId} ${item.date}`) ?? []), item.time]);
    const busiest = Math.max(...[...perDay.values()].map((times) => times.length));
    expect(busiest).toBeLessThanOrEqual(2);
    // Two calls on a day are at different hours.
    for (const times of perDay.values()) expect(new Set(times).size).toBe(times.length);
  });

  it('spreads each consultant separately', () => {
    const scheduled = scheduleFollowUps({ phases, perMonth: 1, cooperatives: [...cooperatives(3, 'c1'), ...cooperatives(3, 'c2').map((item) => ({ ...item, cooperativeId: `x${item.cooperativeId}` }))] });
    const firstRound = scheduled.filter((item) => item.round === 0);
    expect(firstRound.filter((item) => item.consultantId === 'c1').map((item) => item.date)).toEqual(firstRound.filter((item) => item.consultantId === 'c2').map((item) => item.date));
    expect(new Set(firstRound.filter((item) => item.consultantId === 'c1').map((item) => item.date)).size).toBe(3);
  });

  it('gives nothing without a cadence or a phase', () => {
    expect(scheduleFollowUps({ phases, perMonth: null, cooperatives: cooperatives(3) })).toEqual([]);
    expect(scheduleFollowUps({ phases: [phases[0]!], perMonth: 2, cooperatives: cooperatives(3) })).toEqual([]);
  });

  it('is deterministic', () => {
    expect(scheduleFollowUps({ phases, perMonth: 2, cooperatives: cooperatives(7) })).toEqual(scheduleFollowUps({ phases, perMonth: 2, cooperatives: cooperatives(7) }));
  });
});

describe('missing follow-ups', () => {
  const scheduled = scheduleFollowUps({ phases, perMonth: 1, cooperatives: cooperatives(2) });

  it('are the rounds without any remote follow-up of the cooperative in their period', () => {
    const [first, second] = [scheduled[0]!, scheduled.find((item) => item.cooperativeId === scheduled[0]!.cooperativeId && item.round === 1)!];
    const existing = [{ cooperativeId: first.cooperativeId, date: first.periodStart }];
    const missing = missingFollowUps(scheduled, existing);
    expect(missing).toHaveLength(scheduled.length - 1);
    expect(missing).not.toContainEqual(first);
    expect(missing).toContainEqual(second);
  });

  it('are none once everything scheduled exists (a second generation creates nothing)', () => {
    expect(missingFollowUps(scheduled, scheduled.map((item) => ({ cooperativeId: item.cooperativeId, date: item.date })))).toEqual([]);
  });

  it('ignore sessions of other cooperatives or outside the period', () => {
    const first = scheduled[0]!;
    expect(missingFollowUps([first], [{ cooperativeId: 'other', date: first.date }, { cooperativeId: first.cooperativeId, date: first.periodEnd }])).toEqual([first]);
  });
});
