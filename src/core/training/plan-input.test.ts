import { describe, expect, it } from 'vitest';
import { planCalendarOf, planTrainersOf, trainerProvincesOf } from './plan-input.js';

describe('plan inputs', () => {
  it('takes the training phase and the cadences', () => {
    expect(
      planCalendarOf({ startsOn: '2027-01-04', endsOn: '2027-03-31' }, { workshops: { perMonth: 1, durationMonths: 3, startsAfterPhase: 'training' }, coaching: { sessions: 2, overMonths: 4 } }),
    ).toEqual({ trainingStart: '2027-01-04', trainingEnd: '2027-03-31', workshops: { perMonth: 1, durationMonths: 3 }, coaching: { sessions: 2, overMonths: 4 } });
    expect(planCalendarOf({ startsOn: '2027-01-04', endsOn: '2027-03-31' }, null)).toMatchObject({ workshops: null, coaching: null });
  });

  it('lets trainers cover the programme’s provinces and those of its cooperatives', () => {
    expect(trainerProvincesOf(['11.541'], ['11.541', '11.561'], [{ provinceCode: '12.111' }])).toEqual(['11.541', '11.561', '12.111']);
    expect(planTrainersOf(['b', 'a', 'b'], ['x'])).toEqual([
      { id: 'a', provinceCodes: ['x'], unavailable: [] },
      { id: 'b', provinceCodes: ['x'], unavailable: [] },
    ]);
  });
});
