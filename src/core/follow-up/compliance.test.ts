import { describe, expect, it } from 'vitest';
import { addCounts, addDriftCounts, byWorstCompliance, complianceRate, daysBetween, doneOnAfter, driftDays, isDoneOnTime, isLate, shouldApplyUpdate, summariseDrift, withRate } from './compliance.js';
import { daysLate, moroccanToday } from './dates.js';

describe('compliance', () => {
  it('is held against planned, null when nothing was due', () => {
    expect(complianceRate(3, 4)).toBe(0.75);
    expect(complianceRate(2, 3)).toBe(0.667);
    expect(complianceRate(0, 0)).toBeNull();
    expect(complianceRate(5, 4)).toBe(1);
  });

  it('adds counts and sorts the worst first, nothing due last', () => {
    const rows = [
      { name: 'B', ...withRate({ planned: 4, held: 4, unplanned: 0, late: 0 }) },
      { name: 'A', ...withRate({ planned: 0, held: 0, unplanned: 1, late: 0 }) },
      { name: 'C', ...withRate({ planned: 4, held: 1, unplanned: 0, late: 3 }) },
      { name: 'D', ...withRate({ planned: 4, held: 1, unplanned: 0, late: 2 }) },
    ];
    expect(rows.sort(byWorstCompliance).map((row) => row.name)).toEqual(['C', 'D', 'B', 'A']);
    expect(addCounts(rows)).toEqual({ planned: 12, held: 6, unplanned: 1, late: 5 });
  });
});

describe('deadline drift', () => {
  it('is the due date minus the agreed one, in days', () => {
    expect(daysBetween('2027-01-30', '2027-02-02')).toBe(3);
    expect(driftDays({ dueOn: '2027-03-15', agreedDueOn: '2027-03-01' })).toBe(14);
    expect(driftDays({ dueOn: '2027-02-20', agreedDueOn: '2027-03-01' })).toBe(-9);
    expect(driftDays({ dueOn: '2027-03-15', agreedDueOn: null })).toBeNull();
  });

  it('calls late an action past due neither done nor cancelled', () => {
    expect(isLate({ dueOn: '2027-03-01', status: 'in_progress' }, '2027-03-02')).toBe(true);
    expect(isLate({ dueOn: '2027-03-01', status: 'blocked' }, '2027-03-01')).toBe(false);
    expect(isLate({ dueOn: '2027-03-01', status: 'done' }, '2027-04-01')).toBe(false);
    expect(isLate({ dueOn: '2027-03-01', status: 'cancelled' }, '2027-04-01')).toBe(false);
  });

  it('judges on time against the agreed date', () => {
    expect(isDoneOnTime({ status: 'done', doneOn: '2027-03-10', dueOn: '2027-03-20', agreedDueOn: '2027-03-05' })).toBe(false);
    expect(isDoneOnTime({ status: 'done', doneOn: '2027-03-05', dueOn: '2027-03-20', agreedDueOn: '2027-03-05' })).toBe(true);
    expect(isDoneOnTime({ status: 'done', doneOn: '2027-03-05', dueOn: '2027-03-20', agreedDueOn: null })).toBe(true);
  });

  it('summarises sums into averages and rolls groups up', () => {
    const a = { actions: 4, agreed: 4, slipped: 2, driftSum: 30, maxDriftDays: 20, late: 1, done: 1, doneOnTime: 1 };
    const b = { actions: 2, agreed: 0, slipped: 0, driftSum: 0, maxDriftDays: null, late: 0, done: 0, doneOnTime: 0 };
    expect(summariseDrift(a)).toEqual({ actions: 4, agreed: 4, slipped: 2, averageDriftDays: 7.5, maxDriftDays: 20, late: 1, done: 1, doneOnTime: 1 });
    expect(summariseDrift(b).averageDriftDays).toBeNull();
    expect(addDriftCounts([a, b, { ...a, maxDriftDays: 35 }])).toMatchObject({ actions: 10, agreed: 8, driftSum: 60, maxDriftDays: 35 });
    expect(addDriftCounts([])).toMatchObject({ actions: 0, maxDriftDays: null });
  });
});

describe('applying a follow-up to actions', () => {
  it('does not move an action back with an older follow-up', () => {
    expect(shouldApplyUpdate('2027-03-10', null)).toBe(true);
    expect(shouldApplyUpdate('2027-03-10', '2027-03-10')).toBe(true);
    expect(shouldApplyUpdate('2027-03-01', '2027-03-10')).toBe(false);
  });

  it('dates an action done on the follow-up’s day, keeps an earlier date, clears it when reopened', () => {
    expect(doneOnAfter({ status: 'done' }, { status: 'in_progress', doneOn: null }, '2027-03-10')).toBe('2027-03-10');
    expect(doneOnAfter({ status: 'done' }, { status: 'done', doneOn: '2027-03-02' }, '2027-03-10')).toBe('2027-03-02');
    expect(doneOnAfter({ status: 'in_progress' }, { status: 'done', doneOn: '2027-03-02' }, '2027-03-10')).toBeNull();
  });
});

describe('days in Morocco', () => {
  it('counts days late from the Moroccan day of the appointment', () => {
    // 23:30 UTC on 4 May is already the 5th in Morocco (UTC+1 outside Ramadan).
    expect(daysLate('2027-05-04T23:30:00.000Z', '2027-05-07')).toBe(2);
    expect(daysLate('2027-05-09T09:00:00.000Z', '2027-05-07')).toBe(0);
    expect(moroccanToday(new Date('2027-05-04T23:30:00.000Z'))).toBe('2027-05-05');
  });
});
