import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { durationFromSequences, foldText, moveItem, prerequisiteProblems, sequenceMinutes } from './catalogue.rules.js';

describe('durationFromSequences', () => {
  it('rounds the sum up to the half hour', () => {
    expect(durationFromSequences([{ minutes: 60 }, { minutes: 30 }])).toBe(1.5);
    expect(durationFromSequences([{ minutes: 61 }])).toBe(1.5);
    expect(durationFromSequences([{ minutes: 5 }])).toBe(0.5);
    expect(durationFromSequences([])).toBe(0.5);
  });

  it('never falls short of the sequences and never adds more than half an hour', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 5, max: 600 }).map((minutes) => ({ minutes })), { minLength: 1, maxLength: 30 }), (sequences) => {
        const hours = durationFromSequences(sequences);
        const minutes = sequenceMinutes(sequences);
        expect(hours * 60).toBeGreaterThanOrEqual(minutes);
        expect(hours * 60 - minutes).toBeLessThan(30);
        expect((hours * 2) % 1).toBe(0);
      }),
    );
  });
});

describe('moveItem', () => {
  it('moves and keeps every item', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.nat(), fc.nat(), (items, from, to) => {
        expect(moveItem(items, from, to).sort()).toEqual([...items].sort());
      }),
    );
  });
});

describe('prerequisiteProblems', () => {
  const catalogue = new Map<string, string[]>([
    ['A', []],
    ['B', ['A']],
    ['C', ['B']],
  ]);
  it('accepts known prerequisites', () => expect(prerequisiteProblems('D', ['A', 'C'], catalogue)).toEqual([]));
  it('names unknown ones and cycles by index', () => {
    expect(prerequisiteProblems('A', ['X', 'A', 'C'], catalogue)).toEqual([
      { index: 0, key: 'unknown_prerequisite' },
      { index: 1, key: 'circular_prerequisite' },
      { index: 2, key: 'circular_prerequisite' },
    ]);
  });
});

describe('foldText', () => {
  it('ignores case and accents', () => expect(foldText('Comptabilité Simplifiée')).toBe('comptabilite simplifiee'));
});
