import type { DiagnosticScores, ScoringAnswer } from './diagnostic.schema.js';
import { meaningOf, type Domain, type FrameworkDefinition, type Question } from './framework.schema.js';
import { scoreDiagnostic } from './scoring.js';

/**
 * Baseline against endline. The two diagnostics may have been filled on two
 * versions of a framework; only the questions present in both, with the same
 * key and the same meaning (`meaningOf`: type, scale, options), are compared,
 * and both sides are scored on that common set with the same rules as any
 * diagnostic (`scoreDiagnostic`).
 *
 * Both sides are scored with one definition: the endline's (the newer
 * version) restricted to the common questions. Weights, thresholds and the
 * domain a question belongs to are then the same on both sides, so that a
 * delta shows a change in the answers, never a change in the framework.
 * Text questions are never scored and are neither compared nor left out.
 */

export interface ComparedSide {
  definition: FrameworkDefinition;
  answers: ReadonlyMap<string, ScoringAnswer>;
}

export const leftOutReasons = ['missing_in_baseline', 'missing_in_endline', 'meaning_changed'] as const;
export type LeftOutReason = (typeof leftOutReasons)[number];

export interface LeftOutQuestion {
  questionKey: string;
  /** The domain the question belongs to in the version that has it (the endline's when both do). */
  domainKey: string;
  reason: LeftOutReason;
}

export interface ComparedDomain {
  domainKey: string;
  threshold: number;
  weight: number;
  /** Questions of this domain in the common set. */
  questionCount: number;
  baseline: number | null;
  endline: number | null;
  /** Endline − baseline, in points; null when either side has no score. */
  delta: number | null;
}

export interface DiagnosticComparison {
  domains: ComparedDomain[];
  overall: { baseline: number | null; endline: number | null; delta: number | null };
  maturityLevel: { baseline: number | null; endline: number | null };
  /** Keys of the questions compared, in the endline's order. */
  compared: string[];
  leftOut: LeftOutQuestion[];
  /** The full scores of each side on the common set. */
  scores: { baseline: DiagnosticScores; endline: DiagnosticScores };
}

const roundDelta = (value: number) => Math.round(value * 10) / 10;

export function deltaOf(baseline: number | null, endline: number | null): number | null {
  return baseline === null || endline === null ? null : roundDelta(endline - baseline);
}

function questionsByKey(definition: FrameworkDefinition): Map<string, { domain: Domain; question: Question }> {
  const found = new Map<string, { domain: Domain; question: Question }>();
  for (const domain of definition.domains) {
    for (const question of domain.questions) if (question.type !== 'text') found.set(question.key, { domain, question });
  }
  return found;
}

/** The definition with only the given questions; domains left with none are dropped. */
export function restrictDefinition(definition: FrameworkDefinition, questionKeys: ReadonlySet<string>): FrameworkDefinition {
  return {
    ...definition,
    domains: definition.domains
      .map((domain) => ({ ...domain, questions: domain.questions.filter((question) => questionKeys.has(question.key)) }))
      .filter((domain) => domain.questions.length > 0),
  };
}

/** Which questions mean the same in both versions, and why the others are left out. */
export function commonQuestions(baseline: FrameworkDefinition, endline: FrameworkDefinition): { compared: string[]; leftOut: LeftOutQuestion[] } {
  const before = questionsByKey(baseline);
  const after = questionsByKey(endline);
  const compared: string[] = [];
  const leftOut: LeftOutQuestion[] = [];
  for (const [key, { domain, question }] of after) {
    const earlier = before.get(key);
    if (!earlier) leftOut.push({ questionKey: key, domainKey: domain.key, reason: 'missing_in_baseline' });
    else if (meaningOf(earlier.question) !== meaningOf(question)) leftOut.push({ questionKey: key, domainKey: domain.key, reason: 'meaning_changed' });
    else compared.push(key);
  }
  for (const [key, { domain }] of before) {
    if (!after.has(key)) leftOut.push({ questionKey: key, domainKey: domain.key, reason: 'missing_in_endline' });
  }
  return { compared, leftOut };
}

export function compareDiagnostics(baseline: ComparedSide, endline: ComparedSide): DiagnosticComparison {
  const { compared, leftOut } = commonQuestions(baseline.definition, endline.definition);
  const common = restrictDefinition(endline.definition, new Set(compared));
  const before = scoreDiagnostic(common, baseline.answers);
  const after = scoreDiagnostic(common, endline.answers);
  const beforeByDomain = new Map(before.domains.map((domain) => [domain.domainKey, domain]));
  const afterByDomain = new Map(after.domains.map((domain) => [domain.domainKey, domain]));
  const domains = common.domains.map((domain): ComparedDomain => {
    const baselineScore = beforeByDomain.get(domain.key)?.score ?? null;
    const endlineScore = afterByDomain.get(domain.key)?.score ?? null;
    return {
      domainKey: domain.key,
      threshold: domain.needThreshold,
      weight: domain.weight,
      questionCount: domain.questions.length,
      baseline: baselineScore,
      endline: endlineScore,
      delta: deltaOf(baselineScore, endlineScore),
    };
  });
  return {
    domains,
    overall: { baseline: before.overall, endline: after.overall, delta: deltaOf(before.overall, after.overall) },
    maturityLevel: { baseline: before.maturityLevel, endline: after.maturityLevel },
    compared,
    leftOut,
    scores: { baseline: before, endline: after },
  };
}

export interface ProgrammeComparison {
  cooperatives: number;
  domains: Array<{ domainKey: string; cooperatives: number; baseline: number | null; endline: number | null; delta: number | null }>;
  overall: { cooperatives: number; baseline: number | null; endline: number | null; delta: number | null };
}

const mean = (values: readonly number[]) => (values.length === 0 ? null : Math.round((values.reduce((sum, value) => sum + value, 0) / values.length) * 10) / 10);

/**
 * The programme's means of the common-set scores. A domain's means are taken
 * over the cooperatives that have a score on both sides for it, so that the
 * baseline and endline means are of the same cooperatives.
 */
export function summarizeComparisons(comparisons: readonly DiagnosticComparison[], domainOrder: readonly string[] = []): ProgrammeComparison {
  const pairs = new Map<string, { baseline: number[]; endline: number[] }>();
  for (const key of domainOrder) pairs.set(key, { baseline: [], endline: [] });
  const overall = { baseline: [] as number[], endline: [] as number[] };
  for (const comparison of comparisons) {
    for (const domain of comparison.domains) {
      const pair = pairs.get(domain.domainKey) ?? { baseline: [], endline: [] };
      pairs.set(domain.domainKey, pair);
      if (domain.baseline === null || domain.endline === null) continue;
      pair.baseline.push(domain.baseline);
      pair.endline.push(domain.endline);
    }
    if (comparison.overall.baseline !== null && comparison.overall.endline !== null) {
      overall.baseline.push(comparison.overall.baseline);
      overall.endline.push(comparison.overall.endline);
    }
  }
  const overallBaseline = mean(overall.baseline);
  const overallEndline = mean(overall.endline);
  return {
    cooperatives: comparisons.length,
    domains: [...pairs].map(([domainKey, pair]) => {
      const baseline = mean(pair.baseline);
      const endline = mean(pair.endline);
      return { domainKey, cooperatives: pair.baseline.length, baseline, endline, delta: deltaOf(baseline, endline) };
    }),
    overall: { cooperatives: overall.baseline.length, baseline: overallBaseline, endline: overallEndline, delta: deltaOf(overallBaseline, overallEndline) },
  };
}
