import { z } from 'zod';
import { organisationKinds } from '../programmes/programme-settings.schema.js';
import { optionalText } from '../shared/schema-fields.js';

/**
 * A cooperative's action plan in one programme: the requests and answers of
 * its routes, shared by the server (validation, serialisation, OpenAPI) and
 * the web (forms, types). The tables are described in the migration
 * 2026-11-22T22-40-00; other capabilities (follow-up, financing, documents)
 * read them directly with the same meanings.
 */

export const actionPlanStatuses = ['draft', 'agreed'] as const;
export type ActionPlanStatus = (typeof actionPlanStatuses)[number];

export const actionStatuses = ['planned', 'in_progress', 'done', 'blocked', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export const executorKinds = ['member', 'consultant', 'organisation'] as const;
export type ExecutorKind = (typeof executorKinds)[number];

export const financingSources = ['programme', 'own_funds', 'partner', 'loan'] as const;
export type FinancingSource = (typeof financingSources)[number];

export const indicatorKinds = ['monitoring', 'performance'] as const;
export type IndicatorKind = (typeof indicatorKinds)[number];

export const draftLocales = ['fr', 'ar', 'en'] as const;

const day = z.iso.date();
const keyPattern = /^[a-z][a-z0-9_]{1,63}(\.[a-z][a-z0-9_]{1,63})?$/;
/** A need as the training plan names it: a domain key ("finance") or domain.question ("finance.fin_bookkeeping"). */
export const needKeySchema = z.string().regex(keyPattern);
const amount = z.number().min(0).max(1_000_000_000);
/** Indicator values: any measure, negative ones included (a deficit). */
const measure = z.number().min(-1_000_000_000_000).max(1_000_000_000_000);

/* ---------- Requests ---------- */

export const stakeholderInputSchema = z.object({
  organisationId: z.uuid(),
  /** What the organisation may bring (advice, credit, a market…). */
  role: optionalText(200),
});
export type StakeholderInput = z.output<typeof stakeholderInputSchema>;

export const indicatorInputSchema = z.object({
  kind: z.enum(indicatorKinds),
  label: z.string().trim().min(1).max(200),
  unit: z.string().trim().min(1).max(40),
  baseline: measure.nullable().optional().transform((value) => value ?? null),
  target: measure,
  targetDate: day.nullable().optional().transform((value) => value ?? null),
});
export type IndicatorInput = z.output<typeof indicatorInputSchema>;
export type IndicatorDraftInput = z.input<typeof indicatorInputSchema>;

export const indicatorUpdateSchema = indicatorInputSchema.partial().extend({ position: z.number().int().min(0).max(1000).optional() });
export type IndicatorUpdate = z.output<typeof indicatorUpdateSchema>;

/** The fields of an action, each checked alone; rules between them are in `actionInputSchema`. */
export const actionFieldsSchema = z.object({
  title: z.string().trim().min(1).max(200),
  description: optionalText(4000),
  domainKey: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/).nullable().optional().transform((value) => value ?? null),
  needKeys: z.array(needKeySchema).max(30).default([]),
  templateCode: z.string().max(64).nullable().optional().transform((value) => value ?? null),
  moduleCode: z.string().regex(/^[A-Z][A-Z0-9-]{1,31}$/).nullable().optional().transform((value) => value ?? null),
  executorKind: z.enum(executorKinds),
  /** The member of the cooperative who carries the action (executorKind member). */
  executorMemberId: z.uuid().nullable().optional().transform((value) => value ?? null),
  /** The consultant or trainer (executorKind consultant); null means the cooperative's consultant in the programme. */
  executorUserId: z.uuid().nullable().optional().transform((value) => value ?? null),
  /** The partner organisation (executorKind organisation). */
  executorOrganisationId: z.uuid().nullable().optional().transform((value) => value ?? null),
  /** A precision ("the board", "a packaging designer"), shown beside the executor. */
  executorLabel: optionalText(200),
  startsOn: day,
  dueOn: day,
  status: z.enum(actionStatuses).default('planned'),
  progress: z.number().int().min(0).max(100).default(0),
  doneOn: day.nullable().optional().transform((value) => value ?? null),
  budgetMad: amount.nullable().optional().transform((value) => value ?? null),
  financingSource: z.enum(financingSources).nullable().optional().transform((value) => value ?? null),
  stakeholders: z.array(stakeholderInputSchema).max(20).default([]),
});

type ActionFields = z.output<typeof actionFieldsSchema>;

/** Rules between fields, each issue on the field to correct. */
export function checkAction(value: Pick<ActionFields, 'executorKind' | 'executorMemberId' | 'executorOrganisationId' | 'startsOn' | 'dueOn' | 'doneOn' | 'status' | 'stakeholders'>, context: z.RefinementCtx) {
  if (value.dueOn < value.startsOn) context.addIssue({ code: 'custom', path: ['dueOn'], params: { key: 'action_due_before_start' } });
  if (value.executorKind === 'member' && !value.executorMemberId) context.addIssue({ code: 'custom', path: ['executorMemberId'], params: { key: 'action_executor_member_required' } });
  if (value.executorKind === 'organisation' && !value.executorOrganisationId) context.addIssue({ code: 'custom', path: ['executorOrganisationId'], params: { key: 'action_executor_organisation_required' } });
  if (value.doneOn && value.status !== 'done') context.addIssue({ code: 'custom', path: ['doneOn'], params: { key: 'action_done_on_without_done' } });
  const ids = value.stakeholders.map((stakeholder) => stakeholder.organisationId);
  if (new Set(ids).size !== ids.length) context.addIssue({ code: 'custom', path: ['stakeholders'], params: { key: 'action_stakeholder_repeated' } });
}

export const actionInputSchema = actionFieldsSchema.superRefine(checkAction);
export type ActionInput = z.output<typeof actionInputSchema>;
export type ActionDraftInput = z.input<typeof actionInputSchema>;

/** A new action, with its indicators if any. */
export const actionCreateSchema = actionFieldsSchema
  .extend({ indicators: z.array(indicatorInputSchema).max(10).default([]) })
  .superRefine(checkAction);
export type ActionCreate = z.output<typeof actionCreateSchema>;

/**
 * A change to an action: only the fields sent change, and `version` names the
 * version it was made on (409 when someone saved the action since). The rules
 * between fields are checked on the action as it will be.
 */
export const actionUpdateSchema = actionFieldsSchema.partial().extend({
  // Without the defaults of a new action: a field not sent stays as it is.
  needKeys: z.array(needKeySchema).max(30).optional(),
  status: z.enum(actionStatuses).optional(),
  progress: z.number().int().min(0).max(100).optional(),
  stakeholders: z.array(stakeholderInputSchema).max(20).optional(),
  version: z.number().int().min(1),
  position: z.number().int().min(0).max(1000).optional(),
});
export type ActionUpdate = z.output<typeof actionUpdateSchema>;

export const measurementInputSchema = z.object({
  measuredOn: day,
  value: measure,
  note: optionalText(1000),
});
export type MeasurementInput = z.output<typeof measurementInputSchema>;

export const draftPlanInputSchema = z.object({
  /** The language of the drafted titles and descriptions; else the requester's. */
  locale: z.enum(draftLocales).optional(),
});

/**
 * The representative's acceptance, made on the revision they read. The
 * programme team may record an acceptance given on paper: it says when it
 * was signed and a note (who signed) is required.
 */
export const acceptPlanInputSchema = z.object({
  revision: z.number().int().min(1),
  note: optionalText(2000),
  /** Only for an acceptance given on paper, recorded by the team: the day it was signed. */
  signedOn: day.nullable().optional().transform((value) => value ?? null),
});
export type AcceptPlanInput = z.output<typeof acceptPlanInputSchema>;

export const reopenPlanInputSchema = z.object({ revision: z.number().int().min(1) });

/* ---------- Answers ---------- */

const organisationRefSchema = z.object({
  id: z.string(),
  nameFr: z.string(),
  nameAr: z.string().nullable(),
  nameEn: z.string().nullable(),
  acronym: z.string().nullable(),
  kind: z.enum(organisationKinds),
});
export type OrganisationRef = z.infer<typeof organisationRefSchema>;

export const measurementSchema = z.object({
  id: z.string(),
  measuredOn: z.string(),
  value: z.number(),
  /** Null for a funder: free text may name people. */
  note: z.string().nullable(),
  /** Set when the value came with a follow-up (engineer C's): deleted with it, not here. */
  followUpId: z.string().nullable(),
});
export type Measurement = z.infer<typeof measurementSchema>;

export const indicatorSchema = z.object({
  id: z.string(),
  kind: z.enum(indicatorKinds),
  label: z.string(),
  unit: z.string(),
  baseline: z.number().nullable(),
  target: z.number(),
  targetDate: z.string().nullable(),
  position: z.number().int(),
  /** Oldest first. */
  measurements: z.array(measurementSchema),
  latest: z.number().nullable(),
  /** Share of the way from baseline to target reached by the latest value, 0–1 (clamped); null without a value. */
  attainment: z.number().nullable(),
});
export type Indicator = z.infer<typeof indicatorSchema>;

export const executorSchema = z.object({
  kind: z.enum(executorKinds),
  memberId: z.string().nullable(),
  userId: z.string().nullable(),
  organisationId: z.string().nullable(),
  label: z.string().nullable(),
  /** The member's name (hidden from funders: null), the consultant's name, or the organisation's. */
  name: z.string().nullable(),
  /** The member's role in the cooperative (president, treasurer…), shown to everyone. */
  memberRole: z.string().nullable(),
  organisation: organisationRefSchema.nullable(),
});
export type Executor = z.infer<typeof executorSchema>;

export const planActionSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  title: z.string(),
  description: z.string().nullable(),
  domainKey: z.string().nullable(),
  needKeys: z.array(z.string()),
  templateCode: z.string().nullable(),
  moduleCode: z.string().nullable(),
  executor: executorSchema,
  startsOn: z.string(),
  dueOn: z.string(),
  agreedDueOn: z.string().nullable(),
  /** dueOn − agreedDueOn in days; null until the plan is agreed. */
  driftDays: z.number().int().nullable(),
  isOverdue: z.boolean(),
  status: z.enum(actionStatuses),
  progress: z.number().int(),
  doneOn: z.string().nullable(),
  budgetMad: z.number().nullable(),
  financingSource: z.enum(financingSources).nullable(),
  stakeholders: z.array(z.object({ organisationId: z.string(), role: z.string().nullable(), organisation: organisationRefSchema })),
  indicators: z.array(indicatorSchema),
  /** Follow-ups or commitments refer to it: it can be cancelled, not deleted. */
  hasHistory: z.boolean(),
  version: z.number().int(),
});
export type PlanAction = z.infer<typeof planActionSchema>;

export const planSummarySchema = z.object({
  /** Actions not cancelled. */
  actions: z.number().int(),
  done: z.number().int(),
  inProgress: z.number().int(),
  blocked: z.number().int(),
  overdue: z.number().int(),
  /** Mean progress of the actions not cancelled, 0–100. */
  progress: z.number(),
  budgetMad: z.number(),
  budgetBySource: z.record(z.string(), z.number()),
});
export type PlanSummary = z.infer<typeof planSummarySchema>;

export const planNeedSchema = z.object({
  needKey: z.string(),
  kind: z.enum(['domain', 'question']),
  domainKey: z.string(),
  questionKey: z.string().nullable(),
  priority: z.number(),
  /** Actions of the plan that answer it. */
  actionCount: z.number().int(),
});
export type PlanNeed = z.infer<typeof planNeedSchema>;

export const actionPlanSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  cooperativeId: z.string(),
  status: z.enum(actionPlanStatuses),
  revision: z.number().int(),
  diagnosticId: z.string().nullable(),
  programme: z.object({ code: z.string(), nameFr: z.string(), nameAr: z.string().nullable(), nameEn: z.string().nullable() }),
  cooperative: z.object({ nameFr: z.string().nullable(), nameAr: z.string().nullable(), registrationNumber: z.string().nullable(), provinceCode: z.string() }),
  /** The time axis of the timeline: the programme's accompaniment, widened to the actions. */
  calendar: z.object({ from: z.string(), to: z.string() }),
  /** Today in Morocco, for what is overdue. */
  today: z.string(),
  acceptance: z
    .object({
      acceptedAt: z.string(),
      /** Who accepted, or who recorded a paper acceptance; null for a funder. */
      acceptedBy: z.object({ id: z.string(), displayName: z.string() }).nullable(),
      /** Recorded by the team from a signed paper, not by the representative in Taawon. */
      onPaper: z.boolean(),
      note: z.string().nullable(),
    })
    .nullable(),
  summary: planSummarySchema,
  needs: z.array(planNeedSchema),
  actions: z.array(planActionSchema),
  permissions: z.object({
    edit: z.boolean(),
    accept: z.boolean(),
    recordPaperAcceptance: z.boolean(),
    reopen: z.boolean(),
    delete: z.boolean(),
    seePersonalData: z.boolean(),
    manageFinancing: z.boolean(),
  }),
  /** Who may be named as executor: for those who edit only. */
  choices: z
    .object({
      members: z.array(z.object({ id: z.string(), fullName: z.string(), role: z.string() })),
      team: z.array(z.object({ userId: z.string(), displayName: z.string(), teamRole: z.string() })),
      consultantId: z.string().nullable(),
    })
    .nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ActionPlanView = z.infer<typeof actionPlanSchema>;

export const actionPlanListItemSchema = z.object({
  cooperativeId: z.string(),
  nameFr: z.string().nullable(),
  nameAr: z.string().nullable(),
  provinceCode: z.string(),
  enrolmentStatus: z.string(),
  /** The validated baseline a plan is drafted from; null when there is none yet. */
  baselineId: z.string().nullable(),
  plan: z
    .object({
      id: z.string(),
      status: z.enum(actionPlanStatuses),
      revision: z.number().int(),
      acceptedAt: z.string().nullable(),
      actions: z.number().int(),
      done: z.number().int(),
      overdue: z.number().int(),
      progress: z.number(),
      budgetMad: z.number(),
      updatedAt: z.string(),
    })
    .nullable(),
});
export type ActionPlanListItem = z.infer<typeof actionPlanListItemSchema>;

export const actionPlanListSchema = z.object({
  items: z.array(actionPlanListItemSchema),
  /** Whether the caller may draft plans (the programme team). */
  canDraft: z.boolean(),
  today: z.string(),
});
export type ActionPlanList = z.infer<typeof actionPlanListSchema>;

/** A cooperative's plans across programmes, for the links on its page. */
export const cooperativeActionPlanSchema = z.object({
  id: z.string(),
  programmeId: z.string(),
  status: z.enum(actionPlanStatuses),
  acceptedAt: z.string().nullable(),
});
export type CooperativeActionPlan = z.infer<typeof cooperativeActionPlanSchema>;
