import { z } from 'zod';

/**
 * A diagnostic of one enrolled cooperative (baseline, midline or endline):
 * its answers, its SWOT, its workflow and its scores.
 */

export const diagnosticKinds = ['baseline', 'midline', 'endline'] as const;
export type DiagnosticKind = (typeof diagnosticKinds)[number];

export const diagnosticStatuses = ['draft', 'submitted', 'returned', 'validated'] as const;
export type DiagnosticStatus = (typeof diagnosticStatuses)[number];

/**
 * An answer's value, by question type: maturity 1–4 (number), yes/no (boolean),
 * number, single choice (option value), multiple choice (option values), text.
 */
export const answerValueSchema = z.union([z.number(), z.boolean(), z.string().max(4000), z.array(z.string().max(64)).max(20)]);
export type AnswerValue = z.infer<typeof answerValueSchema>;

/** An answer as scoring sees it. `notApplicable` answers are left out of the scores. */
export interface ScoringAnswer {
  value: AnswerValue | null;
  notApplicable: boolean;
}

export const swotSchema = z.object({
  strengths: z.array(z.string().trim().min(1).max(500)).max(30),
  weaknesses: z.array(z.string().trim().min(1).max(500)).max(30),
  opportunities: z.array(z.string().trim().min(1).max(500)).max(30),
  threats: z.array(z.string().trim().min(1).max(500)).max(30),
});
export type Swot = z.infer<typeof swotSchema>;

export const maturityLevels = [1, 2, 3, 4] as const;
export type MaturityLevel = (typeof maturityLevels)[number];

export const domainScoreSchema = z.object({
  domainKey: z.string(),
  /** 0–100, or null when no scored question of the domain has an applicable answer. */
  score: z.number().min(0).max(100).nullable(),
  threshold: z.number(),
  weight: z.number(),
  /** Scored questions answered (not applicable excluded), applicable, and in all. */
  answered: z.number().int(),
  applicable: z.number().int(),
  total: z.number().int(),
  isNeed: z.boolean(),
});
export type DomainScore = z.infer<typeof domainScoreSchema>;

export const needSchema = z.object({
  kind: z.enum(['domain', 'question']),
  domainKey: z.string(),
  questionKey: z.string().nullable(),
  score: z.number(),
  threshold: z.number(),
  /** threshold − score, in points (> 0). */
  gap: z.number(),
  weight: z.number(),
  /** gap × weight: the ranking key, highest first. */
  priority: z.number(),
});
export type Need = z.infer<typeof needSchema>;

export const diagnosticScoresSchema = z.object({
  domains: z.array(domainScoreSchema),
  /** Weighted mean of the domain scores that have one; null when none has. */
  overall: z.number().min(0).max(100).nullable(),
  maturityLevel: z.number().int().min(1).max(4).nullable(),
  /** Domains and questions under threshold, ranked by priority (gap × weight), highest first. */
  needs: z.array(needSchema),
  answered: z.number().int(),
  applicable: z.number().int(),
  total: z.number().int(),
});
export type DiagnosticScores = z.infer<typeof diagnosticScoresSchema>;
