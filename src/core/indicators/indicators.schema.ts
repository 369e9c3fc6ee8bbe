import { z } from 'zod';

/**
 * The programme's indicators as the API sends them, and the outcome figures
 * entered per cooperative. Shared by the server (validation, response
 * schemas, OpenAPI) and the web (types, form checks).
 */

export const breakdownDimensions = ['province', 'sector', 'sex'] as const;
export type BreakdownDimension = (typeof breakdownDimensions)[number];

export const indicatorsQuerySchema = z.object({
  by: z.enum(breakdownDimensions).optional(),
  /** Only the cooperatives of this province (code, e.g. 11.537) or this sector. */
  province: z.string().trim().regex(/^\d{2}\.\d{3}$/).optional(),
  sector: z.string().trim().min(1).max(60).optional(),
});
export type IndicatorsQuery = z.output<typeof indicatorsQuerySchema>;

export const outputIndicatorKeys = ['cooperatives_enrolled', 'cooperatives_diagnosed', 'trainings_held', 'training_hours', 'participants', 'workshops_held', 'follow_ups_held'] as const;
export const outcomeIndicatorKeys = ['actions_done', 'actions_on_time', 'action_indicators_reached', 'maturity_gain', 'turnover', 'jobs', 'members'] as const;
export const indicatorKeys = [...outputIndicatorKeys, ...outcomeIndicatorKeys] as const;
export type IndicatorKey = (typeof indicatorKeys)[number];

export const indicatorUnits = ['cooperatives', 'sessions', 'hours', 'people', 'follow_ups', 'actions', 'indicators', 'points', 'mad', 'jobs', 'members'] as const;
export type IndicatorUnit = (typeof indicatorUnits)[number];

/**
 * How an indicator is broken down "by sex": by the sex of the people counted
 * (participants, jobs, members), or, for what is counted per cooperative, by
 * the cooperative's membership — women's cooperatives (more women than men
 * among the members in the registry) against the others.
 */
export const sexBases = ['people', 'cooperatives'] as const;
export type SexBasis = (typeof sexBases)[number];

/** Groups of the sex breakdown: people's sex, or the cooperative's membership. */
export const peopleSexGroups = ['women', 'men', 'unspecified'] as const;
export const cooperativeSexGroups = ['women_cooperatives', 'other_cooperatives', 'unknown_membership'] as const;

const figure = z.number().nullable();

/** What one indicator holds, for the whole programme or one group of its breakdown. */
export const indicatorFiguresSchema = z.object({
  value: figure,
  /** What was planned, due or targeted; null when nothing is. */
  planned: figure,
  /** value ÷ planned (0.5 = 50 %); for turnover, jobs and members the change ÷ the baseline. */
  rate: figure,
  /** Cooperatives the figure is computed over, where it is not all of them (maturity, outcomes). */
  cooperatives: figure.optional(),
  /** Outcomes: the sum of the first and of the latest figures of those cooperatives. */
  baseline: figure.optional(),
  latest: figure.optional(),
  /** People counted by sex (participants), or the change by sex (jobs, members) where entered. */
  women: figure.optional(),
  men: figure.optional(),
  /** Actions done: of them, done on time; not done and past due. */
  overdue: figure.optional(),
  /** Maturity: cooperatives that moved up at least one maturity level. */
  levelGained: figure.optional(),
});
export type IndicatorFigures = z.output<typeof indicatorFiguresSchema>;

export const indicatorSchema = indicatorFiguresSchema.extend({
  key: z.enum(indicatorKeys),
  family: z.enum(['output', 'outcome']),
  unit: z.enum(indicatorUnits),
  sexBasis: z.enum(sexBases),
  /** One row per group of the dimension asked for (`by`); empty without it. */
  breakdown: z.array(indicatorFiguresSchema.extend({ group: z.string() })),
});
export type Indicator = z.output<typeof indicatorSchema>;

export const indicatorReportSchema = z.object({
  programmeId: z.uuid(),
  /** Today in Morocco: what "due" and "overdue" are measured against. */
  today: z.iso.date(),
  by: z.enum(breakdownDimensions).nullable(),
  filters: z.object({ province: z.string().nullable(), sector: z.string().nullable() }),
  indicators: z.array(indicatorSchema),
});
export type IndicatorReport = z.output<typeof indicatorReportSchema>;

// ---- Outcome figures entered per cooperative --------------------------------------

export const outcomeIndicators = ['turnover', 'jobs', 'members'] as const;
export type OutcomeIndicator = (typeof outcomeIndicators)[number];

const custom = (key: string) => ({ code: 'custom' as const, params: { key } });

/** One figure: a cooperative's turnover (MAD), jobs or members on a date; jobs and members may say how many are women and men. */
export const outcomeInputSchema = z
  .object({
    cooperativeId: z.uuid(),
    indicator: z.enum(outcomeIndicators),
    measuredOn: z.iso.date(),
    value: z.number().min(0).max(1_000_000_000_000),
    women: z.number().int().min(0).max(10_000_000).nullable().optional().transform((value) => value ?? null),
    men: z.number().int().min(0).max(10_000_000).nullable().optional().transform((value) => value ?? null),
  })
  .superRefine((input, context) => {
    // Zod runs this even when a field failed: nothing to compare then.
    if (typeof input.value !== 'number' || input.value < 0) return;
    if (input.indicator === 'turnover') {
      if (input.women !== null) context.addIssue({ ...custom('outcome_sex_not_applicable'), path: ['women'], message: 'turnover has no sex' });
      if (input.men !== null) context.addIssue({ ...custom('outcome_sex_not_applicable'), path: ['men'], message: 'turnover has no sex' });
      return;
    }
    if (!Number.isInteger(input.value)) context.addIssue({ ...custom('outcome_whole_number'), path: ['value'], message: 'a count of people is a whole number' });
    if ((input.women ?? 0) + (input.men ?? 0) > input.value) {
      context.addIssue({ ...custom('outcome_sex_exceeds_value'), path: [input.women !== null ? 'women' : 'men'], message: 'women and men add up to more than the total' });
    }
  });
export type OutcomeInput = z.output<typeof outcomeInputSchema>;
export type OutcomeInputDraft = z.input<typeof outcomeInputSchema>;

export const outcomeSchema = z.object({
  id: z.uuid(),
  cooperativeId: z.uuid(),
  cooperativeNameFr: z.string().nullable(),
  cooperativeNameAr: z.string().nullable(),
  provinceCode: z.string().nullable(),
  indicator: z.enum(outcomeIndicators),
  measuredOn: z.iso.date(),
  value: z.number(),
  women: z.number().nullable(),
  men: z.number().nullable(),
  recordedBy: z.string().nullable(),
  createdAt: z.string(),
});
export type Outcome = z.output<typeof outcomeSchema>;

export const outcomesQuerySchema = z.object({
  cooperativeId: z.uuid().optional(),
  indicator: z.enum(outcomeIndicators).optional(),
});
export type OutcomesQuery = z.output<typeof outcomesQuerySchema>;

export const outcomeListSchema = z.object({
  /** Whether the person asking may enter and delete figures. */
  canEdit: z.boolean(),
  items: z.array(outcomeSchema),
  /** The cooperatives figures may be entered for (enrolled or completed), for the form. */
  cooperatives: z.array(z.object({ id: z.uuid(), nameFr: z.string().nullable(), nameAr: z.string().nullable(), provinceCode: z.string().nullable() })),
});
export type OutcomeList = z.output<typeof outcomeListSchema>;
