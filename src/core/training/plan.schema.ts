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

/* ---------- Editing a draft ---------- */

const isoDateSchema = z.iso.date();

/**
 * One change to a draft plan. Groups are named by module and number; a
 * session by its position in the group (0-based). A cooperative moves only
 * between groups of the same module.
 */
export const planEditSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('move_cooperative'), moduleId: z.string().min(1), cooperativeId: z.string().min(1), toGroupNumber: z.number().int().min(1) }),
  z.object({ type: z.literal('set_trainer'), moduleId: z.string().min(1), groupNumber: z.number().int().min(1), trainerId: z.string().min(1) }),
  z.object({ type: z.literal('set_place'), moduleId: z.string().min(1), groupNumber: z.number().int().min(1), place: z.string().trim().min(1).max(200) }),
  z.object({ type: z.literal('set_session_date'), moduleId: z.string().min(1), groupNumber: z.number().int().min(1), sessionIndex: z.number().int().min(0), date: isoDateSchema }),
  z.object({ type: z.literal('set_workshop'), workshopIndex: z.number().int().min(0), date: isoDateSchema, trainerId: z.string().min(1).nullable() }),
]);
export type PlanEdit = z.output<typeof planEditSchema>;

/** A batch of edits, applied in order, all or nothing, from the revision the editor started from. */
export const planUpdateSchema = z.object({ revision: z.number().int().min(1), edits: z.array(planEditSchema).min(1).max(500) });
export type PlanUpdate = z.output<typeof planUpdateSchema>;

export const planClashKinds = ['trainer_double_booked', 'cooperative_double_booked', 'trainer_unavailable', 'group_too_small', 'group_too_large', 'outside_training_phase'] as const;
export type PlanClashKind = (typeof planClashKinds)[number];

/** Where a clash is: a group of a module, or a workshop (by index). */
export const planItemRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('group'), moduleId: z.string(), groupNumber: z.number().int() }),
  z.object({ kind: z.literal('workshop'), workshopIndex: z.number().int() }),
]);
export type PlanItemRef = z.output<typeof planItemRefSchema>;

/**
 * Something wrong with a plan as edited. `blocking` clashes (someone in two
 * places at once, a trainer on leave, a date outside the training phase)
 * forbid approval; group sizes outside the bounds are warnings.
 */
export const planClashSchema = z.object({
  kind: z.enum(planClashKinds),
  blocking: z.boolean(),
  /** The day, for clashes on a date. */
  date: z.string().nullable(),
  trainerId: z.string().nullable(),
  cooperativeId: z.string().nullable(),
  /** Group size, and the bound it breaks, for size clashes. */
  size: z.number().int().nullable(),
  bound: z.number().int().nullable(),
  items: z.array(planItemRefSchema),
});
export type PlanClash = z.output<typeof planClashSchema>;

/** A period a trainer cannot take sessions, both days included. */
export const unavailabilityInputSchema = z
  .object({ from: isoDateSchema, to: isoDateSchema, reason: z.string().trim().max(200).nullish().transform((value) => value || null) })
  .superRefine((value, context) => {
    if (value.to < value.from) context.addIssue({ code: 'custom', path: ['to'], message: 'unavailability_order', params: { key: 'unavailability_order' } });
  });
export type UnavailabilityInput = z.output<typeof unavailabilityInputSchema>;

export const unavailabilitySchema = z.object({ id: z.string(), from: z.string(), to: z.string(), reason: z.string().nullable() });
export type Unavailability = z.output<typeof unavailabilitySchema>;

/** A trainer of the programme's team, with the periods they are not available. */
export const planTrainerSchema = z.object({ userId: z.string(), displayName: z.string(), teamRole: z.string(), unavailable: z.array(unavailabilitySchema) });
export type PlanTrainerView = z.output<typeof planTrainerSchema>;

/** What creating the sessions of an approved plan did. */
export const planSessionsResultSchema = z.object({ created: z.number().int(), existing: z.number().int() });
export type PlanSessionsResult = z.output<typeof planSessionsResultSchema>;

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
  revision: z.number().int(),
  basedOnId: z.string().nullable(),
  editedAt: z.string().nullable(),
});
export type PlanVersion = z.output<typeof planVersionSchema>;

/** A whole version: the constraints used and the planner's output; `result` and `labels` are null for who may read only the summary. */
export const trainingPlanSchema = planVersionSchema.extend({
  parameters: z.object({ constraints: z.record(z.string(), z.unknown()), calendar: z.record(z.string(), z.unknown()), trainers: z.number().int(), cooperatives: z.number().int(), modules: z.number().int() }),
  result: planResultSchema.nullable(),
  labels: planLabelsSchema.nullable(),
  /** Clashes of the plan as stored (null with the result). */
  clashes: z.array(planClashSchema).nullable(),
  /** The programme's trainers, to choose from when editing (null with the result). */
  trainers: z.array(planTrainerSchema).nullable(),
  /** Sessions already created from this version. */
  sessionsCreated: z.number().int(),
  canApprove: z.boolean(),
  /** A draft the reader may edit. */
  canEdit: z.boolean(),
});
export type TrainingPlanView = z.output<typeof trainingPlanSchema>;
