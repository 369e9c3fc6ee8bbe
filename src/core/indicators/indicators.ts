import {
  cooperativeSexGroups,
  peopleSexGroups,
  type BreakdownDimension,
  type Indicator,
  type IndicatorFigures,
  type IndicatorKey,
  type IndicatorUnit,
  type OutcomeIndicator,
  type SexBasis,
} from './indicators.schema.js';

/**
 * The indicator arithmetic: from the sums the database aggregates per group
 * of cooperatives (see indicators.repository.ts) to the programme's
 * indicators, each with its planned counterpart, its rate and its breakdown.
 * Pure: no I/O, no clock.
 */

/** One outcome (turnover, jobs, members) over the cooperatives with at least two figures: first and latest, summed. */
export interface OutcomeSums {
  cooperatives: number;
  baseline: number;
  latest: number;
  /** Sums over the cooperatives whose first and latest figures both say how many are women and men. */
  sexCooperatives: number;
  womenBaseline: number;
  womenLatest: number;
  menBaseline: number;
  menLatest: number;
}

/** What the database sums for a group of cooperatives (or for all of them). */
export interface GroupSums {
  cooperatives: number;
  /** Cooperatives with a validated baseline diagnostic. */
  diagnosed: number;
  /** Cooperatives with a validated baseline and a later validated diagnostic (endline, else midline), both scored. */
  maturityCompared: number;
  /** Sum over them of the later overall score minus the baseline's. */
  maturityGainSum: number;
  /** Of them, those whose maturity level went up. */
  levelGained: number;
  /** Sessions of the group's cooperatives: held, and scheduled (held or still planned; not cancelled or postponed). */
  trainingsHeld: number;
  trainingsScheduled: number;
  workshopsHeld: number;
  workshopsScheduled: number;
  /** Hours of trainings and workshops held. */
  trainingHours: number;
  /** Distinct people present at a training or workshop held, by sex. */
  participantsWomen: number;
  participantsMen: number;
  participantsUnspecified: number;
  /** Confirmed follow-ups held up to today; follow-ups (remote or coaching) planned up to today. */
  followUpsHeld: number;
  followUpsDue: number;
  /** Actions of agreed plans, not cancelled; done; done by their agreed due date; not done and past due. */
  actionsCommitted: number;
  actionsDone: number;
  actionsOnTime: number;
  actionsOverdue: number;
  /** Performance and monitoring indicators of those actions; those whose latest measurement reached the target. */
  indicatorsTracked: number;
  indicatorsReached: number;
  outcomes: Record<OutcomeIndicator, OutcomeSums>;
}

export interface IndicatorInput {
  by: BreakdownDimension | null;
  /** The programme's target number of cooperatives. */
  targetCooperatives: number | null;
  /** The programme (within the filters), every cooperative counted once and every session once. */
  total: GroupSums;
  /**
   * The groups of the dimension asked for: provinces, sectors, or for "sex"
   * the cooperatives' membership (women's cooperatives, others, unknown).
   * A session whose cooperatives fall in several groups counts in each.
   */
  groups: ReadonlyArray<{ group: string; sums: GroupSums }>;
}

export function emptyOutcomeSums(): OutcomeSums {
  return { cooperatives: 0, baseline: 0, latest: 0, sexCooperatives: 0, womenBaseline: 0, womenLatest: 0, menBaseline: 0, menLatest: 0 };
}

export function emptyGroupSums(): GroupSums {
  return {
    cooperatives: 0,
    diagnosed: 0,
    maturityCompared: 0,
    maturityGainSum: 0,
    levelGained: 0,
    trainingsHeld: 0,
    trainingsScheduled: 0,
    workshopsHeld: 0,
    workshopsScheduled: 0,
    trainingHours: 0,
    participantsWomen: 0,
    participantsMen: 0,
    participantsUnspecified: 0,
    followUpsHeld: 0,
    followUpsDue: 0,
    actionsCommitted: 0,
    actionsDone: 0,
    actionsOnTime: 0,
    actionsOverdue: 0,
    indicatorsTracked: 0,
    indicatorsReached: 0,
    outcomes: { turnover: emptyOutcomeSums(), jobs: emptyOutcomeSums(), members: emptyOutcomeSums() },
  };
}

const round = (value: number, digits: number) => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/** value ÷ planned, to four decimals; null when nothing was planned. */
export function rateOf(value: number | null, planned: number | null): number | null {
  if (value === null || planned === null || planned <= 0) return null;
  return round(value / planned, 4);
}

const figures = (value: number | null, planned: number | null, extra: Partial<IndicatorFigures> = {}): IndicatorFigures => ({ value, planned, rate: rateOf(value, planned), ...extra });

interface Definition {
  key: IndicatorKey;
  family: 'output' | 'outcome';
  unit: IndicatorUnit;
  sexBasis: SexBasis;
  /** The figures of a group of cooperatives (or of the whole programme when `isTotal`). */
  of(sums: GroupSums, isTotal: boolean, targetCooperatives: number | null): IndicatorFigures;
  /** The rows "by sex" of an indicator counted on people. */
  bySex?(total: GroupSums): Array<{ group: string } & IndicatorFigures>;
}

/** Change of an outcome from the first figure to the latest; the rate is the change ÷ the first. */
function outcomeFigures(sums: OutcomeSums, withSex: boolean): IndicatorFigures {
  if (sums.cooperatives === 0) return { value: null, planned: null, rate: null, cooperatives: 0, baseline: null, latest: null, ...(withSex ? { women: null, men: null } : {}) };
  const change = round(sums.latest - sums.baseline, 2);
  const sex = withSex
    ? sums.sexCooperatives === 0
      ? { women: null, men: null }
      : { women: sums.womenLatest - sums.womenBaseline, men: sums.menLatest - sums.menBaseline }
    : {};
  return { value: change, planned: null, rate: rateOf(change, sums.baseline), cooperatives: sums.cooperatives, baseline: round(sums.baseline, 2), latest: round(sums.latest, 2), ...sex };
}

/** Women, men, and what is not split by sex: the rows of jobs or members "by sex". They add up to the total. */
function outcomeBySex(sums: OutcomeSums): Array<{ group: string } & IndicatorFigures> {
  const known = sums.sexCooperatives > 0;
  const row = (group: string, baseline: number, latest: number) => {
    const change = round(latest - baseline, 2);
    return { group, value: sums.cooperatives === 0 ? null : change, planned: null, rate: rateOf(change, baseline), baseline: round(baseline, 2), latest: round(latest, 2) };
  };
  return [
    row('women', known ? sums.womenBaseline : 0, known ? sums.womenLatest : 0),
    row('men', known ? sums.menBaseline : 0, known ? sums.menLatest : 0),
    row('unspecified', sums.baseline - sums.womenBaseline - sums.menBaseline, sums.latest - sums.womenLatest - sums.menLatest),
  ];
}

const definitions: readonly Definition[] = [
  {
    key: 'cooperatives_enrolled',
    family: 'output',
    unit: 'cooperatives',
    sexBasis: 'cooperatives',
    of: (sums, isTotal, target) => figures(sums.cooperatives, isTotal ? target : null),
  },
  { key: 'cooperatives_diagnosed', family: 'output', unit: 'cooperatives', sexBasis: 'cooperatives', of: (sums) => figures(sums.diagnosed, sums.cooperatives) },
  { key: 'trainings_held', family: 'output', unit: 'sessions', sexBasis: 'cooperatives', of: (sums) => figures(sums.trainingsHeld, sums.trainingsScheduled) },
  { key: 'training_hours', family: 'output', unit: 'hours', sexBasis: 'cooperatives', of: (sums) => figures(round(sums.trainingHours, 1), null) },
  {
    key: 'participants',
    family: 'output',
    unit: 'people',
    sexBasis: 'people',
    of: (sums) => figures(sums.participantsWomen + sums.participantsMen + sums.participantsUnspecified, null, { women: sums.participantsWomen, men: sums.participantsMen }),
    bySex: (total) => [
      { group: 'women', ...figures(total.participantsWomen, null) },
      { group: 'men', ...figures(total.participantsMen, null) },
      { group: 'unspecified', ...figures(total.participantsUnspecified, null) },
    ],
  },
  { key: 'workshops_held', family: 'output', unit: 'sessions', sexBasis: 'cooperatives', of: (sums) => figures(sums.workshopsHeld, sums.workshopsScheduled) },
  { key: 'follow_ups_held', family: 'output', unit: 'follow_ups', sexBasis: 'cooperatives', of: (sums) => figures(sums.followUpsHeld, sums.followUpsDue) },
  {
    key: 'actions_done',
    family: 'outcome',
    unit: 'actions',
    sexBasis: 'cooperatives',
    of: (sums) => figures(sums.actionsDone, sums.actionsCommitted, { overdue: sums.actionsOverdue }),
  },
  { key: 'actions_on_time', family: 'outcome', unit: 'actions', sexBasis: 'cooperatives', of: (sums) => figures(sums.actionsOnTime, sums.actionsDone) },
  { key: 'action_indicators_reached', family: 'outcome', unit: 'indicators', sexBasis: 'cooperatives', of: (sums) => figures(sums.indicatorsReached, sums.indicatorsTracked) },
  {
    key: 'maturity_gain',
    family: 'outcome',
    unit: 'points',
    sexBasis: 'cooperatives',
    of: (sums) => ({
      value: sums.maturityCompared === 0 ? null : round(sums.maturityGainSum / sums.maturityCompared, 1),
      planned: null,
      // The share of the compared cooperatives that moved up a maturity level.
      rate: rateOf(sums.levelGained, sums.maturityCompared),
      cooperatives: sums.maturityCompared,
      levelGained: sums.levelGained,
    }),
  },
  { key: 'turnover', family: 'outcome', unit: 'mad', sexBasis: 'cooperatives', of: (sums) => outcomeFigures(sums.outcomes.turnover, false) },
  { key: 'jobs', family: 'outcome', unit: 'jobs', sexBasis: 'people', of: (sums) => outcomeFigures(sums.outcomes.jobs, true), bySex: (total) => outcomeBySex(total.outcomes.jobs) },
  { key: 'members', family: 'outcome', unit: 'members', sexBasis: 'people', of: (sums) => outcomeFigures(sums.outcomes.members, true), bySex: (total) => outcomeBySex(total.outcomes.members) },
];

/** Groups of a breakdown in display order: the sex groups in their fixed order, otherwise the largest groups first, then by code. */
export function orderGroups(by: BreakdownDimension, groups: IndicatorInput['groups']): IndicatorInput['groups'] {
  if (by === 'sex') {
    const present = new Map(groups.map((entry) => [entry.group, entry]));
    return cooperativeSexGroups.map((group) => present.get(group) ?? { group, sums: emptyGroupSums() });
  }
  return [...groups].sort((a, b) => b.sums.cooperatives - a.sums.cooperatives || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
}

/** The programme's indicators with their totals and, when a dimension is asked for, their breakdown. */
export function computeIndicators(input: IndicatorInput): Indicator[] {
  const groups = input.by ? orderGroups(input.by, input.groups) : [];
  return definitions.map((definition) => {
    let breakdown: Indicator['breakdown'] = [];
    if (input.by === 'sex' && definition.sexBasis === 'people' && definition.bySex) breakdown = definition.bySex(input.total);
    else if (input.by) breakdown = groups.map(({ group, sums }) => ({ group, ...definition.of(sums, false, null) }));
    return {
      key: definition.key,
      family: definition.family,
      unit: definition.unit,
      sexBasis: definition.sexBasis,
      ...definition.of(input.total, true, input.targetCooperatives),
      breakdown,
    };
  });
}

/** The sex groups an indicator is broken down into. */
export function sexGroupsOf(basis: SexBasis): readonly string[] {
  return basis === 'people' ? peopleSexGroups : cooperativeSexGroups;
}

/** Whether a cooperative is a women's cooperative, from the registry's members by sex: more women than men among its members. */
export function cooperativeSexGroup(membersTotal: number | null, membersWomen: number | null): (typeof cooperativeSexGroups)[number] {
  if (membersTotal === null || membersWomen === null || membersTotal <= 0) return 'unknown_membership';
  return membersWomen * 2 > membersTotal ? 'women_cooperatives' : 'other_cooperatives';
}

/** Whether an action's indicator reached its target: at or above it, or at or below it when the target is below the baseline (a cost, a delay). */
export function hasReachedTarget(latest: number | null, target: number, baseline: number | null): boolean {
  if (latest === null) return false;
  return baseline !== null && target < baseline ? latest <= target : latest >= target;
}

