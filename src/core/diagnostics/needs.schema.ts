import { z } from 'zod';
import { sectorCodes } from '../registry/sectors.js';
import { diagnosticKinds } from './diagnostic.schema.js';
import { leftOutReasons } from './comparison.js';

/**
 * Requests and answers of a programme's needs: the heat map of cooperatives
 * by domain, the ranked constraints, baseline against endline. Shared by the
 * routes (validation, serialisation, OpenAPI) and the web page.
 * Never any personal data: funders read these.
 */

const domainKey = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/);

export const heatmapSortSchema = z.union([z.enum(['name', 'overall']), domainKey]);

export const heatmapQuerySchema = z.object({
  kind: z.enum(diagnosticKinds).default('baseline'),
  /** Validated diagnostics only (the default), or every diagnostic that has scores. */
  status: z.enum(['validated', 'all']).default('validated'),
  province: z.string().regex(/^\d{2}\.\d{3}$/).optional(),
  sector: z.enum(sectorCodes).optional(),
  maturity: z.coerce.number().int().min(1).max(4).optional(),
  /** Only cooperatives for which this domain is a need. */
  needIn: domainKey.optional(),
  /** `name`, `overall`, or a domain key. */
  sort: heatmapSortSchema.default('name'),
  direction: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
  /** The language of the labels; else the Accept-Language header, else the person's saved choice. */
  locale: z.enum(['fr', 'ar', 'en']).optional(),
});
export type HeatmapQuery = z.infer<typeof heatmapQuerySchema>;
export type HeatmapQueryInput = z.input<typeof heatmapQuerySchema>;

export const needsDomainSchema = z.object({
  key: z.string(),
  /** In the requester's language. */
  label: z.string(),
  threshold: z.number(),
  weight: z.number(),
});

export const heatmapRowSchema = z.object({
  cooperativeId: z.string(),
  diagnosticId: z.string(),
  nameFr: z.string().nullable(),
  nameAr: z.string().nullable(),
  provinceCode: z.string(),
  sector: z.string(),
  status: z.string(),
  overall: z.number().nullable(),
  maturityLevel: z.number().nullable(),
  /** Score 0–100 per domain key; null where the domain has no score. */
  scores: z.record(z.string(), z.number().nullable()),
  /** Keys of the domains that are needs of this cooperative. */
  needs: z.array(z.string()),
});
export type HeatmapRow = z.infer<typeof heatmapRowSchema>;

export const heatmapSchema = z.object({
  kind: z.enum(diagnosticKinds),
  domains: z.array(needsDomainSchema.extend({ mean: z.number().nullable(), needCount: z.number().int() })),
  rows: z.array(heatmapRowSchema),
  /** Cooperatives matching the filters (all pages). */
  total: z.number().int(),
  /** Means over the cooperatives matching the filters. */
  overallMean: z.number().nullable(),
  /** Cooperatives per maturity level 1–4, over the cooperatives matching the filters. */
  maturityCounts: z.record(z.string(), z.number().int()),
  /** What the filters may choose from: provinces and sectors of the programme's diagnosed cooperatives. */
  facets: z.object({ provinces: z.array(z.string()), sectors: z.array(z.string()) }),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type Heatmap = z.infer<typeof heatmapSchema>;

export const constraintsQuerySchema = z.object({
  kind: z.enum(diagnosticKinds).default('baseline'),
  status: z.enum(['validated', 'all']).default('validated'),
  locale: z.enum(['fr', 'ar', 'en']).optional(),
});

export const comparisonQuerySchema = z.object({ locale: z.enum(['fr', 'ar', 'en']).optional() });
export type ConstraintsQuery = z.infer<typeof constraintsQuerySchema>;

export const constraintSchema = z.object({
  kind: z.enum(['domain', 'question']),
  domainKey: z.string(),
  questionKey: z.string().nullable(),
  domainLabel: z.string(),
  /** The question's text for a question, else null. */
  questionLabel: z.string().nullable(),
  count: z.number().int(),
  share: z.number(),
  meanGap: z.number(),
  priority: z.number(),
});
export type Constraint = z.infer<typeof constraintSchema>;

export const constraintsSchema = z.object({
  kind: z.enum(diagnosticKinds),
  cooperatives: z.number().int(),
  domains: z.array(constraintSchema),
  questions: z.array(constraintSchema),
});
export type Constraints = z.infer<typeof constraintsSchema>;

const sideScores = { baseline: z.number().nullable(), endline: z.number().nullable(), delta: z.number().nullable() };

export const leftOutSchema = z.object({
  questionKey: z.string(),
  domainKey: z.string(),
  label: z.string(),
  reason: z.enum(leftOutReasons),
});

export const cooperativeComparisonSchema = z.object({
  cooperativeId: z.string(),
  nameFr: z.string().nullable(),
  nameAr: z.string().nullable(),
  provinceCode: z.string(),
  baselineId: z.string(),
  endlineId: z.string(),
  domains: z.array(z.object({ domainKey: z.string(), ...sideScores })),
  overall: z.object(sideScores),
  maturityLevel: z.object({ baseline: z.number().nullable(), endline: z.number().nullable() }),
  comparedCount: z.number().int(),
  leftOut: z.array(leftOutSchema),
});
export type CooperativeComparison = z.infer<typeof cooperativeComparisonSchema>;

export const comparisonSchema = z.object({
  /** False when no cooperative has both a validated baseline and a validated endline: the page says so. */
  hasEndline: z.boolean(),
  /** Enrolled cooperatives with a validated baseline, and with a validated endline too. */
  baselines: z.number().int(),
  endlines: z.number().int(),
  domains: z.array(needsDomainSchema),
  programme: z.object({
    cooperatives: z.number().int(),
    domains: z.array(z.object({ domainKey: z.string(), cooperatives: z.number().int(), ...sideScores })),
    overall: z.object({ cooperatives: z.number().int(), ...sideScores }),
  }),
  cooperatives: z.array(cooperativeComparisonSchema),
});
export type Comparison = z.infer<typeof comparisonSchema>;
