import { z } from 'zod';
import { optionalText } from '../shared/schema-fields.js';

/**
 * Financing of a programme: its budget lines (per funder and category), the
 * commitments made on them (per cooperative and action) and the
 * disbursements paying them, with their documents. Requests and responses
 * of the financing API; the web forms use the same schemas. Amounts in MAD.
 */

export const budgetCategories = ['diagnostic', 'training', 'coaching', 'action_financing', 'other'] as const;
export type BudgetCategory = (typeof budgetCategories)[number];

export const financingSources = ['programme', 'own_funds', 'partner', 'loan'] as const;
export type FinancingSource = (typeof financingSources)[number];

/** The most a line, commitment or disbursement may hold: numeric(15, 2). */
export const maximumAmountMad = 9_999_999_999_999.99;

const hasCentimesAtMost = (value: number) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6;
const amount = (minimum: 'zero' | 'positive') =>
  (minimum === 'zero' ? z.number().min(0) : z.number().positive())
    .max(maximumAmountMad)
    .refine(hasCentimesAtMost, { params: { key: 'financing_amount_centimes' }, message: 'financing_amount_centimes' });

const isoDate = z.iso.date();

export const budgetLineInputSchema = z.object({
  funderId: z.uuid(),
  category: z.enum(budgetCategories),
  label: z.string().trim().min(1).max(200),
  amountMad: amount('zero'),
});
export type BudgetLineInput = z.infer<typeof budgetLineInputSchema>;

/** An edit names the version it was made against; fields left out keep their value. */
export const budgetLineUpdateSchema = budgetLineInputSchema.partial().extend({ version: z.number().int().min(1) });
export type BudgetLineUpdate = z.infer<typeof budgetLineUpdateSchema>;

export const commitmentInputSchema = z.object({
  budgetLineId: z.uuid(),
  /** The cooperative financed; taken from the action when only the action is given. */
  cooperativeId: z.uuid().nullable().optional().transform((value) => value ?? null),
  actionId: z.uuid().nullable().optional().transform((value) => value ?? null),
  amountMad: amount('positive'),
  committedOn: isoDate,
  reference: optionalText(100),
  note: optionalText(1000),
  /** The user saw that the amount goes over the line's balance and commits anyway. */
  confirmOverrun: z.boolean().default(false),
});
export type CommitmentInput = z.infer<typeof commitmentInputSchema>;
export type CommitmentDraft = z.input<typeof commitmentInputSchema>;

export const disbursementInputSchema = z.object({
  amountMad: amount('positive'),
  paidOn: isoDate,
  reference: optionalText(100),
  note: optionalText(1000),
});
export type DisbursementInput = z.infer<typeof disbursementInputSchema>;
export type DisbursementDraft = z.input<typeof disbursementInputSchema>;

export const financingQuerySchema = z.object({
  cooperativeId: z.uuid().optional(),
  budgetLineId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type FinancingQuery = z.infer<typeof financingQuerySchema>;

/** Documents: agreements, invoices, receipts, transfer orders — PDF, images and office files. */
export const financingDocumentTypes = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
  'application/msword',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
] as const;
export const financingDocumentMaxBytes = 10 * 1024 * 1024;
/** What the file picker offers. */
export const financingDocumentAccept = '.pdf,.jpg,.jpeg,.png,.webp,.heic,.doc,.docx,.xls,.xlsx,.odt,.ods';

/* ---------- Responses ---------- */

const balanceShape = {
  amountMad: z.number(),
  committedMad: z.number(),
  disbursedMad: z.number(),
  availableMad: z.number(),
  toDisburseMad: z.number(),
};
export const balanceSchema = z.object(balanceShape);

const organisationNameShape = { nameFr: z.string(), nameAr: z.string().nullable(), nameEn: z.string().nullable(), acronym: z.string().nullable() };

export const budgetLineSchema = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  funderId: z.uuid(),
  funder: z.object(organisationNameShape),
  category: z.enum(budgetCategories),
  label: z.string(),
  commitmentsCount: z.number().int(),
  version: z.number().int(),
  ...balanceShape,
});
export type BudgetLineView = z.infer<typeof budgetLineSchema>;

export const funderTotalSchema = z.object({
  funderId: z.uuid(),
  ...organisationNameShape,
  /** The funder's contribution as the programme records it; null when not given or no longer a funder of it. */
  contributionMad: z.number().nullable(),
  /** False for an organisation a line still names after it was removed from the programme's funders. */
  isProgrammeFunder: z.boolean(),
  ...balanceShape,
});
export type FunderTotal = z.infer<typeof funderTotalSchema>;

export const categoryTotalSchema = z.object({ category: z.enum(budgetCategories), ...balanceShape });
export type CategoryTotal = z.infer<typeof categoryTotalSchema>;

export const financingDocumentSchema = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  uploadedAt: z.string(),
});
export type FinancingDocument = z.infer<typeof financingDocumentSchema>;

export const disbursementSchema = z.object({
  id: z.uuid(),
  commitmentId: z.uuid(),
  amountMad: z.number(),
  paidOn: z.string(),
  reference: z.string().nullable(),
  /** Null for funders: free text may name people. */
  note: z.string().nullable(),
  documents: z.array(financingDocumentSchema),
  createdAt: z.string(),
});
export type Disbursement = z.infer<typeof disbursementSchema>;

export const financedCooperativeSchema = z.object({ id: z.uuid(), nameFr: z.string().nullable(), nameAr: z.string().nullable(), registrationNumber: z.string().nullable() });
export type FinancedCooperative = z.infer<typeof financedCooperativeSchema>;

export const commitmentSchema = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  budgetLineId: z.uuid(),
  lineLabel: z.string(),
  funderId: z.uuid(),
  category: z.enum(budgetCategories),
  cooperative: financedCooperativeSchema.nullable(),
  action: z.object({ id: z.uuid(), title: z.string(), actionPlanId: z.uuid() }).nullable(),
  amountMad: z.number(),
  committedOn: z.string(),
  reference: z.string().nullable(),
  note: z.string().nullable(),
  overrunConfirmed: z.boolean(),
  disbursedMad: z.number(),
  /** Committed and not paid yet. */
  remainingMad: z.number(),
  disbursements: z.array(disbursementSchema),
  /** Empty for funders: documents may carry names and signatures. */
  documents: z.array(financingDocumentSchema),
  createdAt: z.string(),
});
export type Commitment = z.infer<typeof commitmentSchema>;

export const fundableActionSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.string(),
  budgetMad: z.number().nullable(),
  financingSource: z.enum(financingSources).nullable(),
  committedMad: z.number(),
  disbursedMad: z.number(),
});
export type FundableAction = z.infer<typeof fundableActionSchema>;

export const financingOverviewSchema = z.object({
  programmeId: z.uuid(),
  canManage: z.boolean(),
  lines: z.array(budgetLineSchema),
  funders: z.array(funderTotalSchema),
  categories: z.array(categoryTotalSchema),
  total: balanceSchema,
  /** Cooperatives with an action plan in the programme, to filter by and to commit for. */
  cooperatives: z.array(financedCooperativeSchema),
  /** The filtered cooperative's actions with what is committed on each; empty without a cooperative filter. */
  actions: z.array(fundableActionSchema),
  commitments: z.object({
    items: z.array(commitmentSchema),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
});
export type FinancingOverview = z.infer<typeof financingOverviewSchema>;

export const actionFinancingSchema = z.object({
  action: z.object({
    id: z.uuid(),
    title: z.string(),
    programmeId: z.uuid(),
    cooperativeId: z.uuid(),
    budgetMad: z.number().nullable(),
    financingSource: z.enum(financingSources).nullable(),
  }),
  canManage: z.boolean(),
  committedMad: z.number(),
  disbursedMad: z.number(),
  commitments: z.array(commitmentSchema),
  /** The programme's lines the action could draw on, action financing first; empty for a cooperative's representative. */
  lines: z.array(budgetLineSchema),
});
export type ActionFinancing = z.infer<typeof actionFinancingSchema>;
