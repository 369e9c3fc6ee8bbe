import { z } from 'zod';

/**
 * A diagnostic framework: domains, their questions, weights and need
 * thresholds, with every text in French, Arabic and English. The definition
 * is stored as one JSON document per version; a version used by a diagnostic
 * is frozen, and editing it makes the next version.
 *
 * Question keys are stable across versions: two versions' questions with the
 * same key and the same `meaningOf` signature mean the same thing and are
 * compared from baseline to endline (see comparison.ts).
 */

export const localizedTextSchema = z.object({
  fr: z.string().trim().min(1).max(2000),
  ar: z.string().trim().min(1).max(2000),
  en: z.string().trim().min(1).max(2000),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export const questionTypes = ['maturity', 'yes_no', 'number', 'single_choice', 'multiple_choice', 'text'] as const;
export type QuestionType = (typeof questionTypes)[number];

const key = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/);

export const choiceOptionSchema = z.object({
  value: key,
  label: localizedTextSchema,
  /** Contribution to the question's score, 0 (worst) to 1 (best). */
  score: z.number().min(0).max(1),
});
export type ChoiceOption = z.infer<typeof choiceOptionSchema>;

export const questionSchema = z
  .object({
    key,
    type: z.enum(questionTypes),
    text: localizedTextSchema,
    help: localizedTextSchema.optional(),
    /** Relative weight within its domain; 0 means asked but not scored. Text questions are never scored. */
    weight: z.number().min(0).max(10).default(1),
    /** Maturity scale: what levels 1, 2, 3 and 4 mean for this question (exactly four). */
    levels: z.array(localizedTextSchema).length(4).optional(),
    /** Single and multiple choice. A multiple-choice score is the sum of the chosen options' scores, capped at 1. */
    options: z.array(choiceOptionSchema).min(2).max(20).optional(),
    /** Number: the value scored 0 and the value scored 1 (linear between, clamped); `best` may be below `worst`. */
    numberScale: z.object({ worst: z.number(), best: z.number(), unit: localizedTextSchema.optional() }).optional(),
    /** Yes/no: whether "yes" is the good answer (default true). */
    yesIsGood: z.boolean().optional(),
    /** Whether "not applicable" may be answered; a not-applicable answer is left out of the scores. */
    allowNotApplicable: z.boolean().default(true),
    /** Where the question comes from, e.g. "Loi 112-12, art. 11". */
    reference: z.string().max(200).optional(),
  })
  .superRefine((question, context) => {
    const need = (present: boolean, path: string) => {
      if (!present) context.addIssue({ code: 'custom', path: [path], params: { key: 'required' }, message: 'required' });
    };
    if (question.type === 'maturity') need(question.levels !== undefined, 'levels');
    if (question.type === 'single_choice' || question.type === 'multiple_choice') need(question.options !== undefined, 'options');
    if (question.type === 'number') need(question.numberScale !== undefined && question.numberScale.worst !== question.numberScale.best, 'numberScale');
  });
export type Question = z.infer<typeof questionSchema>;

export const domainSchema = z.object({
  key,
  label: localizedTextSchema,
  description: localizedTextSchema.optional(),
  /** Weight of the domain in the overall score and in the ranking of needs. */
  weight: z.number().min(0).max(10).default(1),
  /** A domain (or one of its questions) scoring below this 0–100 threshold is a need. */
  needThreshold: z.number().min(0).max(100).default(60),
  questions: z.array(questionSchema).min(1).max(60),
});
export type Domain = z.infer<typeof domainSchema>;

export const frameworkDefinitionSchema = z
  .object({
    domains: z.array(domainSchema).min(1).max(30),
    /** Whether the diagnostic has a SWOT section (the "diagnostic stratégique"). */
    swot: z.boolean().default(true),
    /** Labels of the overall maturity levels 1 to 4. */
    maturityLabels: z.array(localizedTextSchema).length(4),
  })
  .superRefine((definition, context) => {
    const domainKeys = new Set<string>();
    const questionKeys = new Set<string>();
    definition.domains.forEach((domain, d) => {
      if (domainKeys.has(domain.key)) context.addIssue({ code: 'custom', path: ['domains', d, 'key'], params: { key: 'duplicate_key' }, message: 'duplicate_key' });
      domainKeys.add(domain.key);
      domain.questions.forEach((question, q) => {
        if (questionKeys.has(question.key)) {
          context.addIssue({ code: 'custom', path: ['domains', d, 'questions', q, 'key'], params: { key: 'duplicate_key' }, message: 'duplicate_key' });
        }
        questionKeys.add(question.key);
      });
    });
  });
export type FrameworkDefinition = z.output<typeof frameworkDefinitionSchema>;
export type FrameworkDefinitionInput = z.input<typeof frameworkDefinitionSchema>;

/** A stored framework version as the API returns it. */
export const frameworkSchema = z.object({
  id: z.uuid(),
  family: z.string(),
  version: z.number().int(),
  nameFr: z.string(),
  nameAr: z.string().nullable(),
  nameEn: z.string().nullable(),
  isDefault: z.boolean(),
  /** Set once a diagnostic uses this version: it can no longer change, edits make a new version. */
  frozenAt: z.string().nullable(),
  derivedFromId: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  definition: frameworkDefinitionSchema,
});
export type Framework = z.infer<typeof frameworkSchema>;

/** What makes two versions of a question comparable: same key, type, scale and options. */
export function meaningOf(question: Question): string {
  return JSON.stringify([
    question.type,
    question.type === 'number' ? [question.numberScale?.worst, question.numberScale?.best] : null,
    question.type === 'yes_no' ? (question.yesIsGood ?? true) : null,
    question.options?.map((option) => [option.value, option.score]) ?? null,
  ]);
}
