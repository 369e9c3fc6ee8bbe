import { answerValueIssue, isScoredQuestion } from './diagnostic.rules.js';
import type { AnswerValue, DiagnosticScores, DomainScore, Need, ScoringAnswer } from './diagnostic.schema.js';
import type { FrameworkDefinition, Question } from './framework.schema.js';

/**
 * Scores a diagnostic from its answers: a 0–100 score per domain, an overall
 * score and maturity level 1–4, and the needs (domains and questions under
 * their domain's threshold) ranked by gap × weight. Pure and deterministic:
 * the same definition and answers give the same scores, whatever the order
 * the answers come in.
 *
 * Left out of every score: text questions, weight-0 questions, unanswered
 * questions, "not applicable" answers (where the question allows them) and
 * values that do not fit their question (those are refused when saved).
 */

/** Scores are kept to two decimals, as the database stores them; rounding keeps every ordering. */
const round = (value: number) => Math.round(value * 100) / 100;
const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

/** A question's score in [0, 1], or null when the question is not scored or the value does not fit. */
export function questionScore(question: Question, value: AnswerValue | null): number | null {
  if (!isScoredQuestion(question) || value === null || answerValueIssue(question, value) !== null) return null;
  switch (question.type) {
    case 'maturity':
      return ((value as number) - 1) / 3;
    case 'yes_no':
      return value === (question.yesIsGood ?? true) ? 1 : 0;
    case 'number': {
      const scale = question.numberScale;
      if (!scale || scale.best === scale.worst) return null;
      return clamp01(((value as number) - scale.worst) / (scale.best - scale.worst));
    }
    case 'single_choice':
      return question.options?.find((option) => option.value === value)?.score ?? null;
    case 'multiple_choice': {
      const chosen = new Set(value as string[]);
      const sum = (question.options ?? []).filter((option) => chosen.has(option.value)).reduce((total, option) => total + option.score, 0);
      return Math.min(1, sum);
    }
    case 'text':
      return null;
  }
}

/** Whether an answer takes its question out of the counts: "not applicable", where the question allows it. */
function isNotApplicable(question: Question, answer: ScoringAnswer | undefined): boolean {
  return answer !== undefined && answer.notApplicable && question.allowNotApplicable;
}

function compareNeeds(a: Need, b: Need): number {
  if (b.priority !== a.priority) return b.priority - a.priority;
  if (b.gap !== a.gap) return b.gap - a.gap;
  const keyA = `${a.questionKey ?? a.domainKey}\u0000${a.kind}`;
  const keyB = `${b.questionKey ?? b.domainKey}\u0000${b.kind}`;
  return keyA < keyB ? -1 : keyA > keyB ? 1 : 0;
}

export function scoreDiagnostic(definition: FrameworkDefinition, answers: ReadonlyMap<string, ScoringAnswer>): DiagnosticScores {
  const domains: DomainScore[] = [];
  const needs: Need[] = [];
  for (const domain of definition.domains) {
    let weighted = 0;
    let weights = 0;
    let answered = 0;
    let applicable = 0;
    let total = 0;
    const questionNeeds: Need[] = [];
    for (const question of domain.questions) {
      if (!isScoredQuestion(question)) continue;
      total += 1;
      const answer = answers.get(question.key);
      if (isNotApplicable(question, answer)) continue;
      applicable += 1;
      const score = answer ? questionScore(question, answer.value) : null;
      if (score === null) continue;
      answered += 1;
      weighted += question.weight * score;
      weights += question.weight;
      const points = round(score * 100);
      if (points < domain.needThreshold) {
        const gap = round(domain.needThreshold - points);
        const weight = domain.weight * question.weight;
        questionNeeds.push({ kind: 'question', domainKey: domain.key, questionKey: question.key, score: points, threshold: domain.needThreshold, gap, weight, priority: round(gap * weight) });
      }
    }
    const score = weights > 0 ? round(Math.min(100, Math.max(0, (100 * weighted) / weights))) : null;
    const isNeed = score !== null && score < domain.needThreshold;
    domains.push({ domainKey: domain.key, score, threshold: domain.needThreshold, weight: domain.weight, answered, applicable, total, isNeed });
    if (isNeed) {
      const gap = round(domain.needThreshold - score);
      needs.push({ kind: 'domain', domainKey: domain.key, questionKey: null, score, threshold: domain.needThreshold, gap, weight: domain.weight, priority: round(gap * domain.weight) });
    }
    needs.push(...questionNeeds);
  }

  let weighted = 0;
  let weights = 0;
  for (const domain of domains) {
    if (domain.score === null) continue;
    weighted += domain.weight * domain.score;
    weights += domain.weight;
  }
  const overall = weights > 0 ? round(Math.min(100, Math.max(0, weighted / weights))) : null;
  const maturityLevel = overall === null ? null : Math.min(4, 1 + Math.floor(overall / 25));
  const sum = (pick: (domain: DomainScore) => number) => domains.reduce((total, domain) => total + pick(domain), 0);
  return {
    domains,
    overall,
    maturityLevel,
    needs: needs.sort(compareNeeds),
    answered: sum((domain) => domain.answered),
    applicable: sum((domain) => domain.applicable),
    total: sum((domain) => domain.total),
  };
}
