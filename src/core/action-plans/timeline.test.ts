import { describe, expect, it } from 'vitest';
import { attainment, driftDays, isOverdue, latestValue, moroccanToday, settleCompletion, summarisePlan } from './action-plan.rules.js';
import { layoutTimeline, timelineTicks, type TimelineAction } from './timeline.js';

const action = (id: string, startsOn: string, dueOn: string, extra: Partial<TimelineAction> = {}): TimelineAction => ({ id, title: id, startsOn, dueOn, agreedDueOn: null, status: 'planned', progress: 0, ...extra });

describe('timeline', () => {
  it('lays actions out in start order, as shares of the axis, whole days included', () => {
    const timeline = layoutTimeline([action('b', '2027-01-11', '2027-01-20'), action('a', '2027-01-01', '2027-01-10')], { from: '2027-01-01', to: '2027-01-20' }, '2027-01-06');
    expect(timeline.rows.map((row) => [row.id, row.start, row.width])).toEqual([
      ['a', 0, 0.5],
      ['b', 0.5, 0.5],
    ]);
    expect(timeline.today).toBe(0.25);
  });

  it('widens the axis to the actions and marks a due date that moved since the agreement', () => {
    const moved = action('late', '2027-02-01', '2027-02-20', { agreedDueOn: '2027-02-10' });
    const timeline = layoutTimeline([moved], { from: '2027-02-05', to: '2027-02-10' }, '2027-03-01');
    expect([timeline.from, timeline.to]).toEqual(['2027-02-01', '2027-02-20']);
    const [row] = timeline.rows;
    expect(row!.driftDays).toBe(10);
    expect(row!.agreedEnd).toBeCloseTo(10 / 20);
    expect(row!.isOverdue).toBe(true);
    expect(timeline.today).toBeNull();
  });

  it('ticks months, or quarters on a long axis', () => {
    expect(timelineTicks('2027-01-15', '2027-04-01').map((tick) => tick.date)).toEqual(['2027-02-01', '2027-03-01', '2027-04-01']);
    expect(timelineTicks('2027-01-01', '2027-02-28')[0]).toEqual({ date: '2027-01-01', offset: 0 });
    expect(timelineTicks('2026-11-10', '2028-11-09').map((tick) => tick.date).slice(0, 3)).toEqual(['2027-01-01', '2027-04-01', '2027-07-01']);
    expect(timelineTicks('2027-12-05', '2028-02-10').map((tick) => tick.date)).toEqual(['2028-01-01', '2028-02-01']);
  });
});

describe('plan rules', () => {
  it('calls overdue what is still open after its due day', () => {
    expect(isOverdue({ status: 'in_progress', dueOn: '2027-01-09' }, '2027-01-10')).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueOn: '2027-01-10' }, '2027-01-10')).toBe(false);
    expect(isOverdue({ status: 'done', dueOn: '2027-01-01' }, '2027-01-10')).toBe(false);
    expect(isOverdue({ status: 'cancelled', dueOn: '2027-01-01' }, '2027-01-10')).toBe(false);
    expect(driftDays({ dueOn: '2027-01-01', agreedDueOn: '2027-01-11' })).toBe(-10);
    expect(driftDays({ dueOn: '2027-01-01', agreedDueOn: null })).toBeNull();
  });

  it('keeps status, progress and completion day consistent', () => {
    expect(settleCompletion({ status: 'done', progress: 40, doneOn: null }, '2027-05-05')).toEqual({ status: 'done', progress: 100, doneOn: '2027-05-05' });
    expect(settleCompletion({ status: 'done', progress: 40, doneOn: '2027-05-01' }, '2027-05-05').doneOn).toBe('2027-05-01');
    expect(settleCompletion({ status: 'blocked', progress: 40, doneOn: '2027-05-01' }, '2027-05-05')).toEqual({ status: 'blocked', progress: 40, doneOn: null });
  });

  it('adds the plan up without the cancelled actions', () => {
    const summary = summarisePlan(
      [
        { status: 'done', progress: 100, dueOn: '2027-01-01', budgetMad: 1000, financingSource: 'programme' },
        { status: 'in_progress', progress: 50, dueOn: '2027-01-01', budgetMad: 500, financingSource: 'programme' },
        { status: 'blocked', progress: 0, dueOn: '2027-12-01', budgetMad: 200, financingSource: null },
        { status: 'cancelled', progress: 0, dueOn: '2027-01-01', budgetMad: 9000, financingSource: 'loan' },
      ],
      '2027-06-01',
    );
    expect(summary).toEqual({ actions: 3, done: 1, inProgress: 1, blocked: 1, overdue: 1, progress: 50, budgetMad: 1700, budgetBySource: { programme: 1500, unspecified: 200 } });
  });

  it('measures how far an indicator got, up or down', () => {
    expect(attainment({ baseline: 0, target: 10 }, 5)).toBe(0.5);
    expect(attainment({ baseline: null, target: 4 }, 8)).toBe(1);
    expect(attainment({ baseline: 20, target: 5 }, 10)).toBeCloseTo(0.667);
    expect(attainment({ baseline: 3, target: 3 }, 3)).toBe(1);
    expect(attainment({ baseline: 0, target: 10 }, null)).toBeNull();
    expect(latestValue([{ measuredOn: '2027-03-01', value: 4 }, { measuredOn: '2027-01-01', value: 9 }])).toBe(4);
  });

  it('knows what day it is in Morocco', () => {
    expect(moroccanToday(new Date('2027-06-30T23:30:00Z'))).toBe('2027-07-01');
    expect(moroccanToday(new Date('2027-01-31T12:00:00Z'))).toBe('2027-01-31');
  });
});
