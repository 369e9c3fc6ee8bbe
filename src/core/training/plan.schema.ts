import { z } from 'zod';
import { unansweredReasons } from './plan-generation.js';

/**
 * Training plans: what a manager asks for (the constraints), and what the
 * server keeps and shows (the planner's output, versioned per programme).
 * Shared by the server (validation, responses) and the web (the form).
 */

export const planStatuses = ['draft', 'approved', 'superseded'] as const;
export type PlanStatus = (typeof planStatuses)[number];

const isoWeekdaySchema = z.number().int().min(1).max(7);

export const planConstraintsSchema = z
  .object({
    minGroupSize: z.number().int().min(1).max(100).default(6),
    maxGroupSize: z.number().int().min(1).max(200).default(20),
    /** Per trainer and calendar month. */
    maxSessionsPerMonth: z.number().int().min(1).max(31).default(8),
    /** Between a member's province and the group's hub province, centroid to centroid. */
    maxDistanceKm: z.number().min(0).max(3000).default(250),
    weekdays: z
      .array(isoWeekdaySchema)
      .min(1)
      .max(7)
      .default([1, 2, 3, 4, 5])
      .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
    hoursPerSession: z.number().min(1).max(12).default(6),
    /** Cost of one group session, in priority points. */
    sessionCost: z.number().min(0).max(10_000).default(10),
    minPriority: z.number().min(0).max(10_000).default(0),
  })
  .superRefine((value, context) => {
    if (value.maxGroupSize < value.minGroupSize) context.addIssue({ code: 'custom', path: ['maxGroupSize'], message: 'plan_group_bounds', params: { key: 'plan_group_bounds' } });
  });
export type PlanConstraintsInput = z.input<typeof planConstraintsSchema>;
export type PlanConstraintsValue = z.output<typeof planConstraintsSchema>;

export const planGenerateSchema = z.object({ constraints: planConstraintsSchema.default(planConstraintsSchema.parse({})) });
export type PlanGenerate = z.output<typeof planGenerateSchema>;

const sessionSchema = z.object({ date: z.string(), hours: z.number() });

export const plannedGroupSchema = z.object({
  moduleId: z.string(),
  number: z.number().int(),
  hubProvinceCode: z.string(),
  place: z.string(),
  trainerId: z.string(),
  cooperativeIds: z.array(z.string()),
  sessions: z.array(sessionSchema),
});

const coverageBase = {
  cooperativeId: z.string(),
  needKey: z.string(),
  domainKey: z.string(),
  questionKey: z.string().nullable(),
  priority: z.number(),
};

export const coverageEntrySchema = z.discriminatedUnion('status', [
  z.object({ ...coverageBase, status: z.literal('group'), moduleId: z.string(), groupNumber: z.number().int() }),
  z.object({ ...coverageBase, status: z.literal('coaching'), moduleId: z.string() }),
  z.object({ ...coverageBase, status: z.literal('unanswered'), reason: z.enum(unansweredReasons) }),
]);

export const planSummarySchema = z.object({
  objective: z.number(),
  needs: z.number().int(),
  answeredByGroups: z.number().int(),
  answeredByCoaching: z.number().int(),
  unanswered: z.number().int(),
  groups: z.number().int(),
  sessions: z.number().int(),
});
export type PlanSummary = z.output<typeof planSummarySchema>;

export const planResultSchema = z.object({
  modules: z.array(z.object({ moduleId: z.string(), code: z.string(), groups: z.array(plannedGroupSchema) })),
  coaching: z.array(z.object({ cooperativeId: z.string(), moduleId: z.string(), needKeys: z.array(z.string()), priority: z.number() })),
  workshops: z.array(z.object({ provinceCode: z.string(), place: z.string(), date: z.string(), trainerId: z.string().nullable(), cooperativeIds: z.array(z.string()) })),
  coverage: z.array(coverageEntrySchema),
  summary: planSummarySchema,
});
export type PlanResult = z.output<typeof planResultSchema>;

/** Names the page needs to show a plan: cooperatives, modules and trainers it mentions. */
export const planLabelsSchema = z.object({
  cooperatives: z.record(z.string(), z.object({ name: z.string(), provinceCode: z.string().nullable() })),
  modules: z.record(z.string(), z.object({ code: z.string(), title: z.string() })),
  trainers: z.record(z.string(), z.string()),
});
export type PlanLabels = z.output<typeof planLabelsSchema>;

/** One version of a programme's plan, as listed (funders see no more than this). */
export const planVersionSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  version: z.number().int(),
  status: z.enum(planStatuses),
  summary: planSummarySchema,
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  approvedAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
});
export type PlanVersion = z.output<typeof planVersionSchema>;

/** A whole version: the constraints used and the planner's output; `result` and `labels` are null for who may read only the summary. */
export const trainingPlanSchema = planVersionSchema.extend({
  parameters: z.object({ constraints: z.record(z.string(), z.unknown()), calendar: z.record(z.string(), z.unknown()), trainers: z.number().int(), cooperatives: z.number().int(), modules: z.number().int() }),
  result: planResultSchema.nullable(),
  labels: planLabelsSchema.nullable(),
  canApprove: z.boolean(),
});
export type TrainingPlanView = z.output<typeof trainingPlanSchema>;
