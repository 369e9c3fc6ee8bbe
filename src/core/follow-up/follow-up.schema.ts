import { z } from 'zod';

/**
 * Follow-ups of action plans: what a consultant (or the cooperative's representative) records after a call, a video
 * meeting, messages or a visit — per action its status, progress, blockers, support asked for and next steps, and
 * new values of its indicators. Requests and responses of the follow-up API; the web forms use the same schemas.
 */

export const followUpChannels = ['phone', 'video', 'messaging', 'visit'] as const;
export type FollowUpChannel = (typeof followUpChannels)[number];
export const actionStatuses = ['planned', 'in_progress', 'done', 'blocked', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const followUpStatuses = ['reported', 'confirmed'] as const;
export type FollowUpStatus = (typeof followUpStatuses)[number];
/** Planned sessions a follow-up can hold. */
export const followUpSessionKinds = ['remote_follow_up', 'coaching'] as const;

const day = z.iso.date();
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

export const actionUpdateInputSchema = z.object({
  actionId: z.uuid(),
  status: z.enum(actionStatuses),
  progress: z.number().int().min(0).max(100),
  blockers: optionalText(2000),
  supportRequested: optionalText(2000),
  nextSteps: optionalText(2000),
});
export type ActionUpdateInput = z.infer<typeof actionUpdateInputSchema>;

export const measurementInputSchema = z.object({
  indicatorId: z.uuid(),
  value: z.number().min(-1e12).max(1e12),
});
export type MeasurementInput = z.infer<typeof measurementInputSchema>;

const unique = <T>(items: readonly T[], key: (item: T) => string) => new Set(items.map(key)).size === items.length;

/** What one follow-up says: when, how, by whom, per action, per indicator. Shared by recording and confirming. */
const followUpContent = z.object({
  heldOn: day,
  channel: z.enum(followUpChannels),
  /** Who held it (a member of the programme's team); the requester when left out. */
  conductedBy: z.uuid().nullish().transform((value) => value ?? null),
  summary: optionalText(4000),
  actions: z
    .array(actionUpdateInputSchema)
    .max(200)
    .refine((items) => unique(items, (item) => item.actionId), { params: { key: 'follow_up_action_repeated' } }),
  measurements: z
    .array(measurementInputSchema)
    .max(400)
    .default([])
    .refine((items) => unique(items, (item) => item.indicatorId), { params: { key: 'follow_up_indicator_repeated' } }),
});

export const recordFollowUpSchema = followUpContent
  .extend({
    programmeId: z.uuid(),
    cooperativeId: z.uuid(),
    /** The planned remote follow-up or coaching visit this one holds, if any. */
    sessionId: z.uuid().nullish().transform((value) => value ?? null),
  })
  .refine((value) => value.actions.length > 0 || value.measurements.length > 0 || Boolean(value.summary), { path: ['actions'], params: { key: 'follow_up_empty' } });
export type RecordFollowUpInput = z.infer<typeof recordFollowUpSchema>;
export type RecordFollowUpDraft = z.input<typeof recordFollowUpSchema>;

/** The consultant's confirmation of a representative's report, with their corrections: it replaces what was reported. */
export const confirmFollowUpSchema = followUpContent.extend({ version: z.number().int().min(1) });
export type ConfirmFollowUpInput = z.infer<typeof confirmFollowUpSchema>;
export type ConfirmFollowUpDraft = z.input<typeof confirmFollowUpSchema>;

const person = z.object({ id: z.uuid(), name: z.string() });
const cooperativeRef = z.object({ id: z.uuid(), nameFr: z.string().nullable(), nameAr: z.string().nullable() });
const programmeRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });

export const contextIndicatorSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['monitoring', 'performance']),
  label: z.string(),
  unit: z.string(),
  baseline: z.number().nullable(),
  target: z.number(),
  targetDate: day.nullable(),
  latest: z.object({ value: z.number(), measuredOn: day }).nullable(),
});
export type ContextIndicator = z.infer<typeof contextIndicatorSchema>;

export const contextActionSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(actionStatuses),
  progress: z.number().int(),
  startsOn: day,
  dueOn: day,
  agreedDueOn: day.nullable(),
  indicators: z.array(contextIndicatorSchema),
});
export type ContextAction = z.infer<typeof contextActionSchema>;

export const dueSessionSchema = z.object({ id: z.uuid(), kind: z.enum(followUpSessionKinds), startsAt: z.string(), channel: z.string().nullable(), title: z.string() });

/** What the form needs to record a follow-up of one cooperative: its actions and indicators as they stand, the sessions it can hold. */
export const followUpContextSchema = z.object({
  programme: programmeRef,
  cooperative: cooperativeRef,
  actionPlanId: z.uuid().nullable(),
  actions: z.array(contextActionSchema),
  dueSessions: z.array(dueSessionSchema),
  team: z.array(person),
  /** `confirmed` when the team records; `reported` when the representative does (the consultant confirms it later). */
  recordsAs: z.enum(followUpStatuses),
  today: day,
});
export type FollowUpContext = z.infer<typeof followUpContextSchema>;

export const followUpActionUpdateSchema = z.object({
  actionId: z.uuid(),
  title: z.string(),
  status: z.enum(actionStatuses),
  progress: z.number().int(),
  blockers: z.string().nullable(),
  supportRequested: z.string().nullable(),
  nextSteps: z.string().nullable(),
});

export const followUpMeasurementSchema = z.object({ indicatorId: z.uuid(), actionId: z.uuid(), label: z.string(), unit: z.string(), value: z.number() });

export const followUpSummarySchema = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  cooperativeId: z.uuid(),
  sessionId: z.uuid().nullable(),
  heldOn: day,
  channel: z.enum(followUpChannels),
  status: z.enum(followUpStatuses),
  reportedByRole: z.enum(['consultant', 'representative']),
  conductedBy: person.nullable(),
  summary: z.string().nullable(),
  actionCount: z.number().int(),
  measurementCount: z.number().int(),
  version: z.number().int(),
});
export type FollowUpSummary = z.infer<typeof followUpSummarySchema>;

export const followUpDetailSchema = followUpSummarySchema.extend({
  programme: programmeRef,
  cooperative: cooperativeRef,
  reportedBy: person.nullable(),
  confirmedBy: person.nullable(),
  confirmedAt: z.string().nullable(),
  createdAt: z.string(),
  actions: z.array(followUpActionUpdateSchema),
  measurements: z.array(followUpMeasurementSchema),
  permissions: z.object({ confirm: z.boolean() }),
});
export type FollowUpDetail = z.infer<typeof followUpDetailSchema>;

export const followUpHistorySchema = z.object({
  items: z.array(followUpSummarySchema),
  permissions: z.object({ record: z.boolean(), recordsAs: z.enum(followUpStatuses).nullable() }),
});
export type FollowUpHistory = z.infer<typeof followUpHistorySchema>;

export const cooperativeQuerySchema = z.object({ programmeId: z.uuid(), cooperativeId: z.uuid() });

/* ---------- Lists: due this week, overdue, to confirm ---------- */

export const listFilterSchema = z.object({
  programmeId: z.uuid().optional(),
  /** The follow-ups a consultant runs (the session's facilitator, else the cooperative's consultant). */
  consultantId: z.uuid().optional(),
});

export const dueListQuerySchema = listFilterSchema.extend({
  scope: z.enum(['week', 'overdue']),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});
export type DueListQuery = z.infer<typeof dueListQuerySchema>;

export const dueItemSchema = z.object({
  sessionId: z.uuid(),
  programmeId: z.uuid(),
  programmeName: z.string(),
  cooperativeId: z.uuid(),
  cooperativeNameFr: z.string().nullable(),
  cooperativeNameAr: z.string().nullable(),
  provinceCode: z.string().nullable(),
  kind: z.enum(followUpSessionKinds),
  channel: z.string().nullable(),
  startsAt: z.string(),
  /** The Moroccan calendar day it was planned for. */
  plannedOn: day,
  /** Whole days between the planned day and today (0 when not late). */
  daysLate: z.number().int(),
  consultant: person.nullable(),
});
export type DueItem = z.infer<typeof dueItemSchema>;

export const dueListSchema = z.object({ items: z.array(dueItemSchema), total: z.number().int(), today: day });
export type DueList = z.infer<typeof dueListSchema>;

export const toConfirmItemSchema = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  programmeName: z.string(),
  cooperativeId: z.uuid(),
  cooperativeNameFr: z.string().nullable(),
  cooperativeNameAr: z.string().nullable(),
  heldOn: day,
  channel: z.enum(followUpChannels),
  reportedBy: person.nullable(),
  actionCount: z.number().int(),
  createdAt: z.string(),
});
export const toConfirmListSchema = z.object({ items: z.array(toConfirmItemSchema), total: z.number().int() });
export type ToConfirmList = z.infer<typeof toConfirmListSchema>;

/* ---------- Compliance and deadline drift ---------- */

export const complianceRowSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  nameAr: z.string().nullable().optional(),
  /** Follow-ups due on or before today. */
  planned: z.number().int(),
  /** Of those, the ones held. */
  held: z.number().int(),
  /** Held without a planned session. */
  unplanned: z.number().int(),
  late: z.number().int(),
  /** held / planned, 0–1; null when nothing was due yet. */
  rate: z.number().nullable(),
});
export type ComplianceRow = z.infer<typeof complianceRowSchema>;

export const complianceSchema = z.object({
  today: day,
  total: complianceRowSchema.omit({ id: true, name: true, nameAr: true }),
  programmes: z.array(complianceRowSchema),
  consultants: z.array(complianceRowSchema),
  /** Worst first, at most 100. */
  cooperatives: z.array(complianceRowSchema.extend({ programmeId: z.uuid() })),
  cooperativeCount: z.number().int(),
});
export type Compliance = z.infer<typeof complianceSchema>;

export const driftSummarySchema = z.object({
  actions: z.number().int(),
  /** Actions with an agreed due date (the plan was agreed). */
  agreed: z.number().int(),
  /** Actions whose due date moved later than agreed. */
  slipped: z.number().int(),
  /** Average of due − agreed due over the actions with an agreed date, in days (negative: brought forward). */
  averageDriftDays: z.number().nullable(),
  maxDriftDays: z.number().int().nullable(),
  /** Due date passed, not done or cancelled. */
  late: z.number().int(),
  done: z.number().int(),
  doneOnTime: z.number().int(),
});
export type DriftSummary = z.infer<typeof driftSummarySchema>;

export const lateActionSchema = z.object({
  actionId: z.uuid(),
  title: z.string(),
  programmeId: z.uuid(),
  cooperativeId: z.uuid(),
  cooperativeNameFr: z.string().nullable(),
  cooperativeNameAr: z.string().nullable(),
  actionPlanId: z.uuid(),
  status: z.enum(actionStatuses),
  progress: z.number().int(),
  dueOn: day,
  agreedDueOn: day.nullable(),
  driftDays: z.number().int().nullable(),
  daysLate: z.number().int(),
});

export const driftSchema = z.object({
  today: day,
  total: driftSummarySchema,
  programmes: z.array(driftSummarySchema.extend({ id: z.uuid(), name: z.string() })),
  /** Most drift first, at most 100. */
  cooperatives: z.array(driftSummarySchema.extend({ id: z.uuid(), name: z.string(), nameAr: z.string().nullable(), programmeId: z.uuid() })),
  /** Latest first, at most 100. */
  lateActions: z.array(lateActionSchema),
});
export type Drift = z.infer<typeof driftSchema>;

/* ---------- Schedule from the cadences ---------- */

export const scheduleItemSchema = z.object({ cooperativeId: z.uuid(), consultantId: z.uuid().nullable(), date: day, time: z.string(), round: z.number().int() });

export const schedulePreviewSchema = z.object({
  perMonth: z.number().nullable(),
  from: day.nullable(),
  to: day.nullable(),
  cooperatives: z.number().int(),
  planned: z.number().int(),
  existing: z.number().int(),
  missing: z.number().int(),
  /** The first missing ones, earliest first, at most 200. */
  items: z.array(scheduleItemSchema.extend({ cooperativeNameFr: z.string().nullable(), cooperativeNameAr: z.string().nullable() })),
  /** Why nothing can be scheduled, when so. */
  blockedBy: z.enum(['no_cadence', 'no_phase']).nullable(),
});
export type SchedulePreview = z.infer<typeof schedulePreviewSchema>;

export const scheduleResultSchema = z.object({ created: z.number().int(), existing: z.number().int() });
