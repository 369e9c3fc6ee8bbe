import type { AnswerValue, DiagnosticStatus, ScoringAnswer } from './diagnostic.schema.js';
import type { FrameworkDefinition, Question } from './framework.schema.js';

/**
 * Rules of filling a diagnostic, with no I/O: which answer fits which
 * question, which questions must be answered before submitting, and which
 * workflow step may follow which.
 */

/** Why an answer's value does not fit its question (a translation key), or null when it fits. */
export type AnswerIssueKey = 'answer_wrong_type' | 'answer_level_out_of_range' | 'answer_option_unknown' | 'answer_options_repeated' | 'not_applicable_not_allowed';

/** Whether a question counts in the scores: text questions and weight-0 questions are asked, never scored. */
export function isScoredQuestion(question: Question): boolean {
  return question.type !== 'text' && question.weight > 0;
}

/**
 * Checks a value against its question: maturity 1–4 (whole number), yes/no a
 * boolean, number a finite number, single choice one of its options, multiple
 * choice distinct options, text a string. `null` (not answered yet) always fits.
 */
export function answerValueIssue(question: Question, value: AnswerValue | null): AnswerIssueKey | null {
  if (value === null) return null;
  switch (question.type) {
    case 'maturity':
      if (typeof value !== 'number') return 'answer_wrong_type';
      return Number.isInteger(value) && value >= 1 && value <= 4 ? null : 'answer_level_out_of_range';
    case 'yes_no':
      return typeof value === 'boolean' ? null : 'answer_wrong_type';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'answer_wrong_type';
    case 'single_choice':
      if (typeof value !== 'string') return 'answer_wrong_type';
      return (question.options ?? []).some((option) => option.value === value) ? null : 'answer_option_unknown';
    case 'multiple_choice': {
      if (!Array.isArray(value)) return 'answer_wrong_type';
      const known = new Set((question.options ?? []).map((option) => option.value));
      if (value.some((chosen) => !known.has(chosen))) return 'answer_option_unknown';
      return new Set(value).size === value.length ? null : 'answer_options_repeated';
    }
    case 'text':
      return typeof value === 'string' ? null : 'answer_wrong_type';
  }
}

/** An answer to save, as the client sends it. */
export interface AnswerDraft {
  questionKey: string;
  value: AnswerValue | null;
  notApplicable: boolean;
  note?: string | null;
}

export interface AnswerDraftIssue {
  /** Index of the answer in the batch. */
  index: number;
  field: 'questionKey' | 'value' | 'notApplicable';
  key: AnswerIssueKey | 'question_unknown' | 'question_repeated';
}

/** Every question of a definition by key, with its domain. */
export function questionsByKey(definition: FrameworkDefinition): Map<string, { question: Question; domainKey: string }> {
  const result = new Map<string, { question: Question; domainKey: string }>();
  for (const domain of definition.domains) {
    for (const question of domain.questions) result.set(question.key, { question, domainKey: domain.key });
  }
  return result;
}

/** Checks a batch of answers against the framework: unknown or repeated keys, values that do not fit, "not applicable" where not allowed. */
export function checkAnswerDrafts(definition: FrameworkDefinition, drafts: readonly AnswerDraft[]): AnswerDraftIssue[] {
  const questions = questionsByKey(definition);
  const seen = new Set<string>();
  const issues: AnswerDraftIssue[] = [];
  drafts.forEach((draft, index) => {
    const entry = questions.get(draft.questionKey);
    if (!entry) {
      issues.push({ index, field: 'questionKey', key: 'question_unknown' });
      return;
    }
    if (seen.has(draft.questionKey)) issues.push({ index, field: 'questionKey', key: 'question_repeated' });
    seen.add(draft.questionKey);
    if (draft.notApplicable && !entry.question.allowNotApplicable) issues.push({ index, field: 'notApplicable', key: 'not_applicable_not_allowed' });
    const valueIssue = answerValueIssue(entry.question, normaliseAnswerValue(draft.value));
    if (valueIssue) issues.push({ index, field: 'value', key: valueIssue });
  });
  return issues;
}

/** A blank text is no answer; everything else is kept as sent. */
export function normaliseAnswerValue(value: AnswerValue | null | undefined): AnswerValue | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && value.trim() === '') return null;
  return value;
}

/** Whether an answer settles its question: a fitting value, or "not applicable" where allowed. */
export function isSettled(question: Question, answer: ScoringAnswer | undefined): boolean {
  if (!answer) return false;
  if (answer.notApplicable && question.allowNotApplicable) return true;
  return answer.value !== null && answerValueIssue(question, answer.value) === null;
}

export interface Completion {
  /** Scored questions settled (answered or not applicable). */
  settled: number;
  /** Scored questions in all. */
  total: number;
  /** Keys of the scored questions still to answer, in the framework's order. */
  missing: string[];
}

/** What is left before a diagnostic may be submitted: every scored question answered or marked not applicable. */
export function completionOf(definition: FrameworkDefinition, answers: ReadonlyMap<string, ScoringAnswer>): Completion {
  const missing: string[] = [];
  let total = 0;
  for (const domain of definition.domains) {
    for (const question of domain.questions) {
      if (!isScoredQuestion(question)) continue;
      total += 1;
      if (!isSettled(question, answers.get(question.key))) missing.push(question.key);
    }
  }
  return { settled: total - missing.length, total, missing };
}

/* ---------- Workflow ---------- */

export type DiagnosticAction = 'save' | 'submit' | 'validate' | 'return';

/** Which statuses each action starts from, and where it leads. */
const transitions: Record<DiagnosticAction, { from: readonly DiagnosticStatus[]; to: DiagnosticStatus }> = {
  save: { from: ['draft', 'returned'], to: 'draft' },
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  validate: { from: ['submitted'], to: 'validated' },
  return: { from: ['submitted'], to: 'returned' },
};

/** Whether an action may be taken on a diagnostic in this status. */
export function canTransition(status: DiagnosticStatus, action: DiagnosticAction): boolean {
  return transitions[action].from.includes(status);
}

/** The status after an action; saving keeps a returned diagnostic "returned" so the manager's comment stays in view. */
export function nextStatus(status: DiagnosticStatus, action: DiagnosticAction): DiagnosticStatus {
  if (!canTransition(status, action)) throw new Error(`cannot ${action} a ${status} diagnostic`);
  return action === 'save' ? status : transitions[action].to;
}

/** Answers and SWOT may change only while the diagnostic is a draft or sent back. */
export function isEditableStatus(status: DiagnosticStatus): boolean {
  return canTransition(status, 'save');
}
