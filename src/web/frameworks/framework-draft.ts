import type { Domain, Framework, FrameworkDefinition, Question, QuestionType } from '../../core/diagnostics/framework.schema.js';
import { emptyText, isEmptyText } from './framework-texts.js';

/**
 * The editor's working copy of a framework. Domains and questions carry a
 * `uid` so that the open panels follow them when they move; the shared
 * schema drops it when the draft is checked before saving.
 */
export type DraftQuestion = Question & { uid: string };
export type DraftDomain = Omit<Domain, 'questions'> & { uid: string; questions: DraftQuestion[] };
export interface FrameworkDraft {
  nameFr: string;
  nameAr: string;
  nameEn: string;
  definition: Omit<FrameworkDefinition, 'domains'> & { domains: DraftDomain[] };
}

export type Path = ReadonlyArray<string | number>;

let counter = 0;
export const newUid = () => `uid-${(counter += 1)}`;

export function draftOf(framework: Framework): FrameworkDraft {
  return {
    nameFr: framework.nameFr,
    nameAr: framework.nameAr ?? '',
    nameEn: framework.nameEn ?? '',
    definition: {
      ...framework.definition,
      domains: framework.definition.domains.map((domain) => ({
        ...domain,
        uid: newUid(),
        questions: domain.questions.map((question) => ({ ...question, uid: newUid() })),
      })),
    },
  };
}

export function getIn(target: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined), target);
}

/** A copy of `target` with `value` at `path` (removed when `value` is undefined); what is not on the path is shared. */
export function setIn<T>(target: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  if (Array.isArray(target)) {
    const copy = [...target];
    copy[head as number] = setIn(copy[head as number], rest, value);
    return copy as T;
  }
  const record = { ...((target ?? {}) as Record<string, unknown>) };
  if (rest.length === 0 && value === undefined) delete record[head as string];
  else record[head as string] = setIn(record[head as string], rest, value);
  return record as T;
}

/** Moves the item at `from` one step up or down. */
export function move<T>(items: readonly T[], from: number, step: -1 | 1): T[] {
  const to = from + step;
  if (to < 0 || to >= items.length) return [...items];
  const copy = [...items];
  [copy[from], copy[to]] = [copy[to]!, copy[from]!];
  return copy;
}

/** The first `prefix_n` not yet taken, within the key pattern's 64 characters. */
export function freeKey(prefix: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  const base = prefix.replace(/[^a-z0-9_]/g, '_').replace(/^[^a-z]+/, '').slice(0, 56) || 'item';
  for (let index = 1; ; index += 1) {
    const candidate = `${base}_${index}`;
    if (!used.has(candidate)) return candidate;
  }
}

export function allQuestionKeys(draft: FrameworkDraft): string[] {
  return draft.definition.domains.flatMap((domain) => domain.questions.map((question) => question.key));
}

/** Gives a question what its new type needs (four levels, two options, a scale), keeping what it had. */
export function withType(question: DraftQuestion, type: QuestionType): DraftQuestion {
  const next: DraftQuestion = { ...question, type };
  if (type === 'maturity' && !next.levels) next.levels = [emptyText(), emptyText(), emptyText(), emptyText()];
  if ((type === 'single_choice' || type === 'multiple_choice') && !next.options) {
    next.options = [
      { value: 'option_1', score: 0, label: emptyText() },
      { value: 'option_2', score: 1, label: emptyText() },
    ];
  }
  if (type === 'number' && !next.numberScale) next.numberScale = { worst: 0, best: 10 };
  if (type === 'text') next.weight = 0;
  else if (question.type === 'text' && next.weight === 0) next.weight = 1;
  return next;
}

export function newQuestion(key: string): DraftQuestion {
  return withType({ uid: newUid(), key, type: 'maturity', text: emptyText(), weight: 1, allowNotApplicable: false }, 'maturity');
}

export function newDomain(key: string, questionKey: string): DraftDomain {
  return { uid: newUid(), key, label: emptyText(), weight: 1, needThreshold: 60, questions: [newQuestion(questionKey)] };
}

/** What is sent: empty optional texts left out, empty names as none. */
export function inputOf(draft: FrameworkDraft) {
  return {
    nameFr: draft.nameFr,
    nameAr: draft.nameAr.trim() ? draft.nameAr : null,
    nameEn: draft.nameEn.trim() ? draft.nameEn : null,
    definition: {
      ...draft.definition,
      domains: draft.definition.domains.map(({ uid: _uid, ...domain }) => ({
        ...domain,
        description: isEmptyText(domain.description) ? undefined : domain.description,
        questions: domain.questions.map(({ uid: _questionUid, ...question }) => ({
          ...question,
          help: isEmptyText(question.help) ? undefined : question.help,
          ...(question.numberScale ? { numberScale: { ...question.numberScale, unit: isEmptyText(question.numberScale.unit) ? undefined : question.numberScale.unit } } : {}),
        })),
      })),
    },
  };
}
