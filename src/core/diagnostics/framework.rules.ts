import type { Issue } from '../shared/errors.js';
import type { FrameworkDefinition, Question } from './framework.schema.js';

/**
 * Pure operations on diagnostic frameworks: what an edit does to a version,
 * what a copy is called, the checks that need the whole definition, and a
 * canonical form to fingerprint a definition.
 */

/** A version used by a diagnostic is frozen: an edit then makes the next version of the family. */
export type EditPlan = { kind: 'in_place' } | { kind: 'new_version'; version: number };

export function planFrameworkEdit(current: { frozenAt: string | null }, highestVersionInFamily: number): EditPlan {
  return current.frozenAt === null ? { kind: 'in_place' } : { kind: 'new_version', version: highestVersionInFamily + 1 };
}

const copyPrefixes = { fr: 'Copie de ', ar: 'نسخة من ', en: 'Copy of ' } as const;

/** The names of a copy: "Copie de …", "نسخة من …", "Copy of …". */
export function copyNames(names: { nameFr: string; nameAr: string | null; nameEn: string | null }) {
  return {
    nameFr: `${copyPrefixes.fr}${names.nameFr}`.slice(0, 200),
    nameAr: names.nameAr ? `${copyPrefixes.ar}${names.nameAr}`.slice(0, 200) : null,
    nameEn: names.nameEn ? `${copyPrefixes.en}${names.nameEn}`.slice(0, 200) : null,
  };
}

/** A new family for a copy, e.g. `taawon-default-copy`, then `-copy-2`…, never one that exists. */
export function copyFamily(family: string, existingFamilies: Iterable<string>): string {
  const taken = new Set(existingFamilies);
  const base = family.replace(/-copy(-\d+)?$/, '');
  for (let index = 1; ; index += 1) {
    const candidate = index === 1 ? `${base}-copy` : `${base}-copy-${index}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** Whether a question counts in the scores: text questions and zero weights never do. */
export function isScored(question: Pick<Question, 'type' | 'weight'>): boolean {
  return question.type !== 'text' && question.weight > 0;
}

export function countQuestions(definition: Pick<FrameworkDefinition, 'domains'>): number {
  return definition.domains.reduce((sum, domain) => sum + domain.questions.length, 0);
}

/**
 * Checks the schema cannot make question by question: every domain has
 * something to score (else its score is always empty), at least one domain
 * weighs in the overall score, option values are unique within a question.
 * Paths are relative to the definition.
 */
export function frameworkDefinitionIssues(definition: FrameworkDefinition): Issue[] {
  const issues: Issue[] = [];
  definition.domains.forEach((domain, d) => {
    if (!domain.questions.some(isScored)) issues.push({ path: ['domains', d, 'questions'], key: 'domain_without_scored_question' });
    domain.questions.forEach((question, q) => {
      const seen = new Set<string>();
      question.options?.forEach((option, o) => {
        if (seen.has(option.value)) issues.push({ path: ['domains', d, 'questions', q, 'options', o, 'value'], key: 'duplicate_key' });
        seen.add(option.value);
      });
    });
  });
  if (definition.domains.length > 0 && definition.domains.every((domain) => domain.weight === 0)) {
    issues.push({ path: ['domains', 0, 'weight'], key: 'no_weighted_domain' });
  }
  return issues;
}

/**
 * Drops what a question's type does not use (levels left over after a maturity
 * question became a yes/no one, say), so that a stored definition says only
 * what counts. Text questions weigh nothing.
 */
export function cleanDefinition(definition: FrameworkDefinition): FrameworkDefinition {
  return {
    ...definition,
    domains: definition.domains.map((domain) => ({ ...domain, questions: domain.questions.map(cleanQuestion) })),
  };
}

function cleanQuestion(question: Question): Question {
  const { levels, options, numberScale, yesIsGood, ...common } = question;
  const isChoice = question.type === 'single_choice' || question.type === 'multiple_choice';
  return {
    ...common,
    ...(question.type === 'text' ? { weight: 0 } : {}),
    ...(question.type === 'maturity' && levels ? { levels } : {}),
    ...(isChoice && options ? { options } : {}),
    ...(question.type === 'number' && numberScale ? { numberScale } : {}),
    ...(question.type === 'yes_no' ? { yesIsGood: yesIsGood ?? true } : {}),
  };
}

/** JSON with object keys sorted at every level: the same content always gives the same text (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
