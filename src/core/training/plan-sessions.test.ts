import { describe, expect, it } from 'vitest';
import { groupSessionKey, sessionsOfPlan, workshopSessionKey } from './plan-sessions.js';
import type { PlanResult } from './plan.schema.js';

const summary = { objective: 0, needs: 0, answeredByGroups: 0, answeredByCoaching: 0, unanswered: 0, groups: 0, sessions: 0 };
const result: PlanResult = {
  modules: [
    {
      moduleId: 'm1',
      code: 'FIN-ACCOUNTING',
      groups: [
        { moduleId: 'm1', number: 1, hubProvinceCode: '11.537', place: 'Tarfaya', trainerId: 't1', cooperativeIds: ['a', 'b'], sessions: [{ date: '2027-01-05', hours: 6 }, { date: '2027-01-06', hours: 3 }] },
        { moduleId: 'm1', number: 2, hubProvinceCode: '11.121', place: 'Boujdour', trainerId: 't1', cooperativeIds: [], sessions: [{ date: '2027-01-07', hours: 6 }] },
      ],
    },
  ],
  coaching: [],
  workshops: [
    { provinceCode: '11.537', place: 'Tarfaya', date: '2027-04-06', trainerId: null, cooperativeIds: ['a', 'b'] },
    { provinceCode: '11.537', place: 'Tarfaya', date: '2027-05-04', trainerId: 't1', cooperativeIds: ['a'] },
  ],
  coverage: [],
  summary,
};
const options = { modules: { m1: { code: 'FIN-ACCOUNTING', title: 'Comptabilité simplifiée' } }, workshopTitle: (n: number, place: string) => `Atelier ${n} — ${place}`, startTime: '09:00', workshopHours: 4 };

describe('the sessions of a plan', () => {
  it('gives one session per session of each group with cooperatives, and each workshop, at 9:00 in Morocco', () => {
    const drafts = sessionsOfPlan(result, options);
    expect(drafts.map((draft) => draft.planKey)).toEqual([groupSessionKey('m1', 1, 0), groupSessionKey('m1', 1, 1), workshopSessionKey(0), workshopSessionKey(1)]);
    expect(drafts[0]).toMatchObject({
      kind: 'training',
      title: 'Comptabilité simplifiée (1/2)',
      moduleCode: 'FIN-ACCOUNTING',
      // Morocco is UTC+1 outside Ramadan.
      startsAt: '2027-01-05T08:00:00.000Z',
      endsAt: '2027-01-05T14:00:00.000Z',
      place: 'Tarfaya',
      provinceCode: '11.537',
      facilitatorId: 't1',
      cooperativeIds: ['a', 'b'],
    });
    expect(drafts[1]!.endsAt).toBe('2027-01-06T11:00:00.000Z');
    expect(drafts[2]).toMatchObject({ kind: 'workshop', title: 'Atelier 1 — Tarfaya', facilitatorId: null, moduleCode: null, endsAt: '2027-04-06T12:00:00.000Z' });
    expect(drafts[3]!.title).toBe('Atelier 2 — Tarfaya');
  });

  it('keeps the same keys whatever else changes, so that creating twice creates nothing twice', () => {
    const moved: PlanResult = { ...result, workshops: result.workshops.map((workshop) => ({ ...workshop, date: '2027-06-01' })) };
    expect(sessionsOfPlan(moved, options).map((draft) => draft.planKey)).toEqual(sessionsOfPlan(result, options).map((draft) => draft.planKey));
  });
});
