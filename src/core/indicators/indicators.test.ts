import { describe, expect, it } from 'vitest';
import { computeIndicators, cooperativeSexGroup, emptyGroupSums, emptyOutcomeSums, hasReachedTarget, rateOf, type GroupSums } from './indicators.js';
import { outcomeInputSchema, type Indicator } from './indicators.schema.js';

const sums = (overrides: Partial<GroupSums>): GroupSums => ({ ...emptyGroupSums(), ...overrides });
const find = (indicators: Indicator[], key: Indicator['key']) => indicators.find((indicator) => indicator.key === key)!;

describe('programme indicators', () => {
  const laayoune = sums({
    cooperatives: 10,
    diagnosed: 9,
    trainingsHeld: 3,
    trainingsScheduled: 4,
    trainingHours: 18,
    participantsWomen: 12,
    participantsMen: 5,
    participantsUnspecified: 1,
    followUpsHeld: 30,
    followUpsDue: 40,
    actionsCommitted: 50,
    actionsDone: 20,
    actionsOnTime: 15,
    actionsOverdue: 6,
    indicatorsTracked: 50,
    indicatorsReached: 10,
    maturityCompared: 4,
    maturityGainSum: 30,
    levelGained: 1,
    outcomes: {
      turnover: { ...emptyOutcomeSums(), cooperatives: 2, baseline: 200_000, latest: 250_000 },
      jobs: { cooperatives: 2, baseline: 10, latest: 16, sexCooperatives: 1, womenBaseline: 3, womenLatest: 7, menBaseline: 2, menLatest: 3 },
      members: emptyOutcomeSums(),
    },
  });
  const tarfaya = sums({ cooperatives: 8, diagnosed: 8, trainingsHeld: 2, trainingsScheduled: 2, followUpsHeld: 10, followUpsDue: 10, participantsWomen: 4 });
  // A training gathered cooperatives of both provinces: counted in each group, once in the total.
  const total = sums({
    ...laayoune,
    cooperatives: 18,
    diagnosed: 17,
    trainingsHeld: 4,
    trainingsScheduled: 5,
    followUpsHeld: 40,
    followUpsDue: 50,
    participantsWomen: 16,
  });

  it('computes each indicator with its planned counterpart and rate', () => {
    const indicators = computeIndicators({ by: null, targetCooperatives: 20, total, groups: [] });
    expect(find(indicators, 'cooperatives_enrolled')).toMatchObject({ value: 18, planned: 20, rate: 0.9, breakdown: [] });
    expect(find(indicators, 'cooperatives_diagnosed')).toMatchObject({ value: 17, planned: 18, rate: 0.9444 });
    expect(find(indicators, 'trainings_held')).toMatchObject({ value: 4, planned: 5, rate: 0.8 });
    expect(find(indicators, 'training_hours')).toMatchObject({ value: 18, planned: null, rate: null });
    expect(find(indicators, 'participants')).toMatchObject({ value: 22, women: 16, men: 5, sexBasis: 'people' });
    expect(find(indicators, 'follow_ups_held')).toMatchObject({ value: 40, planned: 50, rate: 0.8 });
    expect(find(indicators, 'actions_done')).toMatchObject({ value: 20, planned: 50, rate: 0.4, overdue: 6 });
    expect(find(indicators, 'actions_on_time')).toMatchObject({ value: 15, planned: 20, rate: 0.75 });
    expect(find(indicators, 'action_indicators_reached')).toMatchObject({ value: 10, planned: 50, rate: 0.2 });
    // 30 points over 4 cooperatives; one of the four moved up a level.
    expect(find(indicators, 'maturity_gain')).toMatchObject({ value: 7.5, rate: 0.25, cooperatives: 4, levelGained: 1 });
    expect(find(indicators, 'turnover')).toMatchObject({ value: 50_000, baseline: 200_000, latest: 250_000, rate: 0.25, cooperatives: 2 });
    expect(find(indicators, 'jobs')).toMatchObject({ value: 6, women: 4, men: 1, baseline: 10, latest: 16 });
    expect(find(indicators, 'members')).toMatchObject({ value: null, baseline: null, cooperatives: 0, women: null });
    expect(indicators.filter((indicator) => indicator.family === 'output').map((indicator) => indicator.key)).toEqual([
      'cooperatives_enrolled',
      'cooperatives_diagnosed',
      'trainings_held',
      'training_hours',
      'participants',
      'workshops_held',
      'follow_ups_held',
    ]);
  });

  it('breaks down by province, largest group first, without a target per group', () => {
    const indicators = computeIndicators({ by: 'province', targetCooperatives: 20, total, groups: [{ group: '11.537', sums: tarfaya }, { group: '11.321', sums: laayoune }] });
    const enrolled = find(indicators, 'cooperatives_enrolled');
    expect(enrolled.breakdown.map((row) => [row.group, row.value, row.planned])).toEqual([
      ['11.321', 10, null],
      ['11.537', 8, null],
    ]);
    expect(find(indicators, 'trainings_held').breakdown.map((row) => [row.group, row.value, row.rate])).toEqual([
      ['11.321', 3, 0.75],
      ['11.537', 2, 1],
    ]);
    // People are broken down by their cooperative's province too.
    expect(find(indicators, 'participants').breakdown.map((row) => row.value)).toEqual([18, 4]);
  });

  it('breaks down by sex: people by their own sex, cooperatives by their membership, every group shown', () => {
    const women = sums({ cooperatives: 3, diagnosed: 3, outcomes: { ...emptyGroupSums().outcomes, turnover: { ...emptyOutcomeSums(), cooperatives: 1, baseline: 100, latest: 150 } } });
    const indicators = computeIndicators({ by: 'sex', targetCooperatives: null, total, groups: [{ group: 'women_cooperatives', sums: women }] });
    expect(find(indicators, 'participants').breakdown.map((row) => [row.group, row.value])).toEqual([
      ['women', 16],
      ['men', 5],
      ['unspecified', 1],
    ]);
    expect(find(indicators, 'cooperatives_diagnosed').breakdown.map((row) => [row.group, row.value])).toEqual([
      ['women_cooperatives', 3],
      ['other_cooperatives', 0],
      ['unknown_membership', 0],
    ]);
    expect(find(indicators, 'turnover').breakdown[0]).toMatchObject({ group: 'women_cooperatives', value: 50, rate: 0.5 });
    // Jobs by sex add up to the total change: 4 women, 1 man, 1 not split.
    const jobs = find(indicators, 'jobs').breakdown;
    expect(jobs.map((row) => [row.group, row.value, row.baseline, row.latest])).toEqual([
      ['women', 4, 3, 7],
      ['men', 1, 2, 3],
      ['unspecified', 1, 5, 6],
    ]);
    expect(jobs.reduce((sum, row) => sum + (row.value ?? 0), 0)).toBe(find(indicators, 'jobs').value);
  });

  it('has no rate where nothing was planned, and no average over no cooperative', () => {
    expect(rateOf(3, 0)).toBeNull();
    expect(rateOf(null, 4)).toBeNull();
    const indicators = computeIndicators({ by: null, targetCooperatives: null, total: emptyGroupSums(), groups: [] });
    expect(find(indicators, 'cooperatives_enrolled')).toMatchObject({ value: 0, planned: null, rate: null });
    expect(find(indicators, 'maturity_gain')).toMatchObject({ value: null, rate: null, cooperatives: 0 });
    expect(find(indicators, 'turnover')).toMatchObject({ value: null, rate: null });
  });
});

describe('rules shared with the SQL', () => {
  it('calls a cooperative a women’s cooperative when women are the majority of its members', () => {
    expect(cooperativeSexGroup(12, 7)).toBe('women_cooperatives');
    expect(cooperativeSexGroup(12, 6)).toBe('other_cooperatives');
    expect(cooperativeSexGroup(null, 3)).toBe('unknown_membership');
    expect(cooperativeSexGroup(0, 0)).toBe('unknown_membership');
  });

  it('reaches a target upwards, or downwards when the target is below the baseline', () => {
    expect(hasReachedTarget(10, 10, 2)).toBe(true);
    expect(hasReachedTarget(9, 10, 2)).toBe(false);
    expect(hasReachedTarget(3, 5, 20)).toBe(true);
    expect(hasReachedTarget(6, 5, 20)).toBe(false);
    expect(hasReachedTarget(null, 5, null)).toBe(false);
  });
});

describe('outcome figures', () => {
  const cooperativeId = '0b8f3f3e-6c1b-4a8e-9a51-3c2f4d5e6f70';
  const issues = (input: unknown) => {
    const result = outcomeInputSchema.safeParse(input);
    return result.success ? [] : result.error.issues.map((issue) => [issue.path.join('.'), (issue as { params?: { key?: string } }).params?.key ?? issue.code]);
  };

  it('accepts jobs split by sex within the total, and turnover without sex', () => {
    expect(issues({ cooperativeId, indicator: 'jobs', measuredOn: '2026-10-01', value: 12, women: 7, men: 5 })).toEqual([]);
    expect(issues({ cooperativeId, indicator: 'turnover', measuredOn: '2026-10-01', value: 125_000.5 })).toEqual([]);
    expect(outcomeInputSchema.parse({ cooperativeId, indicator: 'members', measuredOn: '2026-10-01', value: 3 })).toMatchObject({ women: null, men: null });
  });

  it('refuses women and men adding up to more than the total, sex on turnover, and part of a person', () => {
    expect(issues({ cooperativeId, indicator: 'jobs', measuredOn: '2026-10-01', value: 10, women: 7, men: 5 })).toEqual([['women', 'outcome_sex_exceeds_value']]);
    expect(issues({ cooperativeId, indicator: 'members', measuredOn: '2026-10-01', value: 4, men: 5 })).toEqual([['men', 'outcome_sex_exceeds_value']]);
    expect(issues({ cooperativeId, indicator: 'turnover', measuredOn: '2026-10-01', value: 10, women: 1 })).toEqual([['women', 'outcome_sex_not_applicable']]);
    expect(issues({ cooperativeId, indicator: 'jobs', measuredOn: '2026-10-01', value: 2.5 })).toEqual([['value', 'outcome_whole_number']]);
    expect(issues({ cooperativeId, indicator: 'jobs', measuredOn: '01/10/2026', value: -1 }).map(([path]) => path)).toEqual(['measuredOn', 'value']);
  });
});
