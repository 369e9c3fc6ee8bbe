import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiagnosticScores, Need } from './diagnostic.schema.js';
import { aggregateNeeds } from './needs.js';

const domainNeed = (domainKey: string, gap: number, weight = 1): Need => ({
  kind: 'domain',
  domainKey,
  questionKey: null,
  score: 60 - gap,
  threshold: 60,
  gap,
  weight,
  priority: gap * weight,
});
const questionNeed = (domainKey: string, questionKey: string, gap: number, weight = 1): Need => ({ ...domainNeed(domainKey, gap, weight), kind: 'question', questionKey });

const scoresWith = (needs: Need[]): DiagnosticScores => ({ domains: [], overall: 50, maturityLevel: 3, needs, answered: 0, applicable: 0, total: 0 });

describe('aggregateNeeds', () => {
  it('counts, shares, mean gaps and summed priorities, ranked by priority', () => {
    const result = aggregateNeeds([
      scoresWith([domainNeed('financial', 30), questionNeed('financial', 'bookkeeping', 60)]),
      scoresWith([domainNeed('financial', 10), domainNeed('legal', 50, 2)]),
      scoresWith([]),
      null,
    ]);
    expect(result.cooperatives).toBe(3);
    expect(result.domains).toEqual([
      { kind: 'domain', domainKey: 'legal', questionKey: null, count: 1, share: 0.3333, meanGap: 50, priority: 100 },
      { kind: 'domain', domainKey: 'financial', questionKey: null, count: 2, share: 0.6667, meanGap: 20, priority: 40 },
    ]);
    expect(result.questions).toEqual([{ kind: 'question', domainKey: 'financial', questionKey: 'bookkeeping', count: 1, share: 0.3333, meanGap: 60, priority: 60 }]);
    expect(result.ranked.map((entry) => entry.questionKey ?? entry.domainKey)).toEqual(['legal', 'bookkeeping', 'financial']);
  });

  it('breaks ties by the number of cooperatives, then by key', () => {
    const result = aggregateNeeds([scoresWith([domainNeed('b', 20), domainNeed('a', 40)]), scoresWith([domainNeed('b', 20)])]);
    expect(result.domains.map((entry) => entry.domainKey)).toEqual(['b', 'a']);
    const tied = aggregateNeeds([scoresWith([domainNeed('z', 10), domainNeed('m', 10)])]);
    expect(tied.domains.map((entry) => entry.domainKey)).toEqual(['m', 'z']);
  });

  it('is empty when nobody is diagnosed', () => {
    expect(aggregateNeeds([null])).toEqual({ cooperatives: 0, ranked: [], domains: [], questions: [] });
  });

  it('never counts a cooperative twice, and shares stay within 0–1 (property)', () => {
    const need = fc
      .tuple(fc.constantFrom('financial', 'legal', 'marketing'), fc.option(fc.constantFrom('q1', 'q2'), { nil: null }), fc.integer({ min: 1, max: 60 }))
      .map(([domainKey, questionKey, gap]) => (questionKey ? questionNeed(domainKey, `${domainKey}_${questionKey}`, gap) : domainNeed(domainKey, gap)));
    fc.assert(
      fc.property(fc.array(fc.array(need, { maxLength: 8 }), { maxLength: 30 }), (cooperatives) => {
        const result = aggregateNeeds(cooperatives.map(scoresWith));
        return result.ranked.every((entry, index) => {
          const next = result.ranked[index + 1];
          return entry.count <= cooperatives.length && entry.share > 0 && entry.share <= 1 && (next === undefined || next.priority <= entry.priority);
        });
      }),
    );
  });
});
