import { z } from 'zod';
import { answerValueSchema, diagnosticKinds, diagnosticScoresSchema, diagnosticStatuses, swotSchema } from './diagnostic.schema.js';
import { frameworkDefinitionSchema } from './framework.schema.js';

/**
 * Requests and responses of the diagnostic API: creating, reading, saving
 * drafts of answers, commenting, submitting, validating and returning. The
 * fill page uses the same schemas.
 */

export const createDiagnosticSchema = z.object({ kind: z.enum(diagnosticKinds) });
export type CreateDiagnosticInput = z.infer<typeof createDiagnosticSchema>;

export const answerInputSchema = z.object({
  questionKey: z.string().min(1).max(64),
  /** By question type (see answerValueSchema); null while not answered. */
  value: answerValueSchema.nullable(),
  notApplicable: z.boolean().default(false),
  note: z.string().trim().max(2000).nullable().optional(),
});
export type AnswerInput = z.infer<typeof answerInputSchema>;

export const saveAnswersSchema = z.object({
  answers: z.array(answerInputSchema).max(600),
  swot: swotSchema.optional(),
  /** The version the client edited: a save over someone else's newer save is refused (409). */
  version: z.number().int().min(1),
});
export type SaveAnswersInput = z.infer<typeof saveAnswersSchema>;

export const commentInputSchema = z.object({
  body: z.string().trim().min(1).max(4000),
  questionKey: z.string().min(1).max(64).nullable().optional(),
});
export type CommentInput = z.infer<typeof commentInputSchema>;

export const returnDiagnosticSchema = z.object({ comment: z.string().trim().min(1).max(4000) });
export type ReturnDiagnosticInput = z.infer<typeof returnDiagnosticSchema>;

const person = z.object({ id: z.string(), name: z.string() });

export const diagnosticSummarySchema = z.object({
  id: z.uuid(),
  enrolmentId: z.uuid(),
  programmeId: z.uuid(),
  cooperativeId: z.uuid(),
  frameworkId: z.uuid(),
  kind: z.enum(diagnosticKinds),
  status: z.enum(diagnosticStatuses),
  overallScore: z.number().nullable(),
  maturityLevel: z.number().int().nullable(),
  startedAt: z.string(),
  submittedAt: z.string().nullable(),
  submittedBy: person.nullable(),
  validatedAt: z.string().nullable(),
  validatedBy: person.nullable(),
  returnedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
});
export type DiagnosticSummary = z.infer<typeof diagnosticSummarySchema>;

export const answerSchema = z.object({
  questionKey: z.string(),
  value: answerValueSchema.nullable(),
  notApplicable: z.boolean(),
  note: z.string().nullable(),
  answeredBy: person.nullable(),
  answeredAt: z.string(),
});
export type Answer = z.infer<typeof answerSchema>;

export const commentSchema = z.object({
  id: z.uuid(),
  author: person.nullable(),
  kind: z.enum(['comment', 'return', 'validation']),
  questionKey: z.string().nullable(),
  body: z.string(),
  createdAt: z.string(),
});
export type DiagnosticComment = z.infer<typeof commentSchema>;

/** A day answers were saved on, and who saved them: the visits of the diagnostic. */
export const visitSchema = z.object({ day: z.string(), people: z.array(person) });
export type Visit = z.infer<typeof visitSchema>;

export const diagnosticPermissionsSchema = z.object({ edit: z.boolean(), submit: z.boolean(), validate: z.boolean(), comment: z.boolean() });
export type DiagnosticPermissions = z.infer<typeof diagnosticPermissionsSchema>;

export const diagnosticDetailSchema = z.object({
  diagnostic: diagnosticSummarySchema,
  cooperative: z.object({
    id: z.uuid(),
    nameFr: z.string().nullable(),
    nameAr: z.string().nullable(),
    provinceCode: z.string(),
    provinceNameFr: z.string().nullable(),
    provinceNameAr: z.string().nullable(),
  }),
  programme: z.object({ id: z.uuid(), code: z.string(), nameFr: z.string(), nameAr: z.string().nullable(), nameEn: z.string().nullable() }),
  framework: z.object({
    id: z.uuid(),
    family: z.string(),
    version: z.number().int(),
    nameFr: z.string(),
    nameAr: z.string().nullable(),
    nameEn: z.string().nullable(),
    definition: frameworkDefinitionSchema,
  }),
  answers: z.array(answerSchema),
  swot: swotSchema,
  comments: z.array(commentSchema),
  scores: diagnosticScoresSchema.nullable(),
  visits: z.array(visitSchema),
  can: diagnosticPermissionsSchema,
});
export type DiagnosticDetail = z.infer<typeof diagnosticDetailSchema>;

export const saveAnswersResultSchema = z.object({
  version: z.number().int(),
  updatedAt: z.string(),
  status: z.enum(diagnosticStatuses),
  scores: diagnosticScoresSchema.nullable(),
  /** Every answer after the save, with who answered each and when. */
  answers: z.array(answerSchema),
  swot: swotSchema,
  /** How many answers this save changed (0: nothing to save, the version stays). */
  changed: z.number().int(),
});
export type SaveAnswersResult = z.infer<typeof saveAnswersResultSchema>;
