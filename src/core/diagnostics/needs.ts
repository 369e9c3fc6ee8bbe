import type { DiagnosticScores } from './diagnostic.schema.js';

/**
 * A programme's constraints: the needs of every diagnosed cooperative added
 * up, per domain and per question — how many cooperatives have the need,
 * their share of the cooperatives diagnosed, the mean gap to the threshold
 * among those that have it, and the sum of their priorities (gap × weight),
 * by which they are ranked. A constraint shared by many cooperatives, or
 * deep in a few, comes first.
 */

export interface ConstraintAggregate {
  kind: 'domain' | 'question';
  domainKey: string;
  questionKey: string | null;
  /** Cooperatives with this need. */
  count: number;
  /** count ÷ cooperatives diagnosed, 0–1. */
  share: number;
  /** Mean of threshold − score among the cooperatives with the need, in points. */
  meanGap: number;
  /** Sum of the cooperatives' priorities (gap × weight): the ranking key. */
  priority: number;
}

export interface ProgrammeConstraints {
  /** Cooperatives whose diagnostic has scores. */
  cooperatives: number;
  /** Domains and questions together, ranked. */
  ranked: ConstraintAggregate[];
  domains: ConstraintAggregate[];
  questions: ConstraintAggregate[];
}

const round = (value: number, digits: number) => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/** Highest priority first; then the most widely shared; then by key, so that the order is stable. */
export function compareConstraints(a: ConstraintAggregate, b: ConstraintAggregate): number {
  return (
    b.priority - a.priority ||
    b.count - a.count ||
    a.domainKey.localeCompare(b.domainKey) ||
    (a.questionKey ?? '').localeCompare(b.questionKey ?? '')
  );
}

export function aggregateNeeds(scores: ReadonlyArray<DiagnosticScores | null>): ProgrammeConstraints {
  const diagnosed = scores.filter((entry): entry is DiagnosticScores => entry !== null);
  const totals = new Map<string, { kind: 'domain' | 'question'; domainKey: string; questionKey: string | null; count: number; gap: number; priority: number }>();
  for (const entry of diagnosed) {
    // A cooperative counts once per need, even if its scores were to list it twice.
    const seen = new Set<string>();
    for (const need of entry.needs) {
      const key = need.kind === 'domain' ? `d:${need.domainKey}` : `q:${need.questionKey ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const total = totals.get(key) ?? { kind: need.kind, domainKey: need.domainKey, questionKey: need.kind === 'domain' ? null : need.questionKey, count: 0, gap: 0, priority: 0 };
      total.count += 1;
      total.gap += need.gap;
      total.priority += need.priority;
      totals.set(key, total);
    }
  }
  const ranked = [...totals.values()]
    .map(
      (total): ConstraintAggregate => ({
        kind: total.kind,
        domainKey: total.domainKey,
        questionKey: total.questionKey,
        count: total.count,
        share: diagnosed.length === 0 ? 0 : round(total.count / diagnosed.length, 4),
        meanGap: round(total.gap / total.count, 1),
        priority: round(total.priority, 1),
      }),
    )
    .sort(compareConstraints);
  return {
    cooperatives: diagnosed.length,
    ranked,
    domains: ranked.filter((entry) => entry.kind === 'domain'),
    questions: ranked.filter((entry) => entry.kind === 'question'),
  };
}
