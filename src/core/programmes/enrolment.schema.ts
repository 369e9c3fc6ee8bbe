import { z } from 'zod';
import { legalForms, sectorCodes } from '../registry/sectors.js';
import { eligibilityReasonSchema } from './eligibility.js';
import { programmeStatuses } from './programme.schema.js';

/** Enrolment of cooperatives in a programme: candidates, the bulk enrolment, status changes. */

export const enrolmentStatuses = ['candidate', 'enrolled', 'withdrawn', 'completed'] as const;
export type EnrolmentStatus = (typeof enrolmentStatuses)[number];

/** An override of a failed rule is written down and kept; this is its minimum length. */
export const overrideJustificationMinLength = 15;

export const candidateQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  regionCode: z.string().max(2).optional(),
  provinceCode: z.string().max(6).optional(),
  sector: z.enum(sectorCodes).optional(),
  creationYear: z.coerce.number().int().min(1900).max(2100).optional(),
  eligible: z.enum(['yes', 'no']).optional(),
  /** `none`: not in this programme yet. */
  enrolmentStatus: z.enum([...enrolmentStatuses, 'none']).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type CandidateQuery = z.infer<typeof candidateQuerySchema>;

const otherProgrammeSchema = z.object({
  programmeId: z.uuid(),
  code: z.string(),
  nameFr: z.string(),
  nameAr: z.string().nullable(),
  nameEn: z.string().nullable(),
  status: z.enum(enrolmentStatuses),
});

export const candidateSchema = z.object({
  cooperativeId: z.uuid(),
  registrationNumber: z.string().nullable(),
  nameFr: z.string().nullable(),
  nameAr: z.string().nullable(),
  legalForm: z.enum(legalForms),
  creationDate: z.string().nullable(),
  sector: z.enum(sectorCodes),
  regionCode: z.string(),
  provinceCode: z.string(),
  membersTotal: z.number().nullable(),
  membersWomen: z.number().nullable(),
  membersYoung: z.number().nullable(),
  eligible: z.boolean(),
  reasons: z.array(eligibilityReasonSchema),
  /** Its enrolment in this programme, if any. */
  enrolmentId: z.uuid().nullable(),
  enrolmentStatus: z.enum(enrolmentStatuses).nullable(),
  /** Its enrolments (candidate or enrolled) in other active programmes. */
  otherActiveProgrammes: z.array(otherProgrammeSchema),
});
export type Candidate = z.infer<typeof candidateSchema>;

export const candidatePageSchema = z.object({
  items: z.array(candidateSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** The day eligibility was evaluated on (the programme's start date if later than today). */
  asOf: z.string(),
});

export const bulkEnrolmentInputSchema = z.object({
  cooperativeIds: z.array(z.uuid()).min(1).max(500),
  status: z.enum(['candidate', 'enrolled']),
  /** Required when a cooperative fails a rule and is enrolled anyway; kept on the enrolment and in the audit log. */
  overrideJustification: z
    .string()
    .trim()
    .min(overrideJustificationMinLength)
    .max(2000)
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null))
    .transform((v) => v ?? null),
});
export type BulkEnrolmentInput = z.output<typeof bulkEnrolmentInputSchema>;

const enrolmentDiagnosticSchema = z.object({
  id: z.uuid(),
  status: z.enum(['draft', 'submitted', 'returned', 'validated']),
  overallScore: z.number().nullable(),
  maturityLevel: z.number().nullable(),
});

export const enrolmentSchema = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  cooperativeId: z.uuid(),
  cooperativeNameFr: z.string().nullable(),
  cooperativeNameAr: z.string().nullable(),
  provinceCode: z.string(),
  sector: z.enum(sectorCodes),
  status: z.enum(enrolmentStatuses),
  candidateAt: z.string(),
  enrolledAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  withdrawalReason: z.string().nullable(),
  completedAt: z.string().nullable(),
  eligible: z.boolean(),
  eligibilityReasons: z.array(eligibilityReasonSchema),
  overrideJustification: z.string().nullable(),
  consultantId: z.uuid().nullable(),
  consultantName: z.string().nullable(),
  baselineDiagnostic: enrolmentDiagnosticSchema.nullable(),
  /** The midline and endline diagnostics, once started. */
  followUpDiagnostics: z.array(enrolmentDiagnosticSchema.extend({ kind: z.enum(['midline', 'endline']) })),
  version: z.number(),
});
export type Enrolment = z.infer<typeof enrolmentSchema>;

export const bulkEnrolmentResultSchema = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  enrolments: z.array(enrolmentSchema),
});

export const enrolmentListQuerySchema = z.object({
  status: z.enum(enrolmentStatuses).optional(),
});

export const enrolmentUpdateSchema = z
  .object({
    status: z.enum(enrolmentStatuses).optional(),
    /** Why the cooperative leaves the programme; required to withdraw. */
    withdrawalReason: z.string().trim().min(3).max(2000).nullable().optional(),
    /** Required to enrol a cooperative that fails a rule. */
    overrideJustification: z.string().trim().min(overrideJustificationMinLength).max(2000).nullable().optional(),
    consultantId: z.uuid().nullable().optional(),
    version: z.number().int().optional(),
  })
  .superRefine((value, context) => {
    if (value.status === 'withdrawn' && !value.withdrawalReason) {
      context.addIssue({ code: 'custom', path: ['withdrawalReason'], params: { key: 'withdrawal_reason_required' }, message: 'withdrawal_reason_required' });
    }
  });
export type EnrolmentUpdate = z.output<typeof enrolmentUpdateSchema>;

export const cooperativeProgrammeSchema = z.object({
  enrolmentId: z.uuid(),
  programmeId: z.uuid(),
  code: z.string(),
  nameFr: z.string(),
  nameAr: z.string().nullable(),
  nameEn: z.string().nullable(),
  programmeStatus: z.enum(programmeStatuses),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  operatorName: z.string().nullable(),
  status: z.enum(enrolmentStatuses),
  candidateAt: z.string(),
  enrolledAt: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  /** Whether this enrolment is a current support: an active programme, candidate or enrolled. */
  isActiveSupport: z.boolean(),
  /** The programme's approved training plan, when the cooperative has a place in it. */
  approvedPlanId: z.uuid().nullable(),
});

export const cooperativeProgrammesSchema = z.object({
  items: z.array(cooperativeProgrammeSchema),
  /** More than one active programme supports it at once. */
  hasSeveralActiveProgrammes: z.boolean(),
});
export type CooperativeProgrammes = z.infer<typeof cooperativeProgrammesSchema>;
