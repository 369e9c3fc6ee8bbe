import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonQuestions, compareDiagnostics, restrictDefinition, summarizeComparisons } from './comparison.js';
import type { ScoringAnswer } from './diagnostic.schema.js';
import { frameworkDefinitionSchema, type FrameworkDefinition, type FrameworkDefinitionInput } from './framework.schema.js';
import { scoreDiagnostic } from './scoring.js';

const text = (fr: string) => ({ fr, ar: `${fr} (ar)`, en: `${fr} (en)` });
const levels = [text('Aucun'), text('Partiel'), text('Établi'), text('Maîtrisé')];

function definition(overrides: (input: FrameworkDefinitionInput) => void = () => undefined): FrameworkDefinition {
  const input: FrameworkDefinitionInput = {
    maturityLabels: levels,
    domains: [
      {
        key: 'financial',
        label: text('Financier'),
        needThreshold: 60,
        questions: [
          { key: 'bookkeeping', type: 'maturity', text: text('Comptabilité'), levels },
          { key: 'bank_account', type: 'yes_no', text: text('Compte bancaire') },
          { key: 'turnover', type: 'number', text: text('Chiffre d’affaires'), numberScale: { worst: 0, best: 100_000 } },
        ],
      },
      {
        key: 'governance',
        label: text('Gouvernance'),
        weight: 2,
        questions: [
          { key: 'general_assembly', type: 'yes_no', text: text('Assemblée générale') },
          {
            key: 'board_meetings',
            type: 'single_choice',
            text: text('Réunions du conseil'),
            options: [
              { value: 'never', label: text('Jamais'), score: 0 },
              { value: 'yearly', label: text('Annuelles'), score: 0.5 },
              { value: 'quarterly', label: text('Trimestrielles'), score: 1 },
            ],
          },
          { key: 'remarks', type: 'text', text: text('Remarques') },
        ],
      },
    ],
  };
  overrides(input);
  return frameworkDefinitionSchema.parse(input);
}

const answer = (value: ScoringAnswer['value'], notApplicable = false): ScoringAnswer => ({ value, notApplicable });

const baselineAnswers = new Map<string, ScoringAnswer>([
  ['bookkeeping', answer(1)],
  ['bank_account', answer(false)],
  ['turnover', answer(20_000)],
  ['general_assembly', answer(true)],
  ['board_meetings', answer('never')],
  ['remarks', answer('Peu de réunions')],
]);
const endlineAnswers = new Map<string, ScoringAnswer>([
  ['bookkeeping', answer(4)],
  ['bank_account', answer(true)],
  ['turnover', answer(60_000)],
  ['general_assembly', answer(true)],
  ['board_meetings', answer('quarterly')],
]);

describe('compareDiagnostics', () => {
  it('compares every scored question when both sides use the same version', () => {
    const same = definition();
    const comparison = compareDiagnostics({ definition: same, answers: baselineAnswers }, { definition: same, answers: endlineAnswers });
    expect(comparison.compared).toEqual(['bookkeeping', 'bank_account', 'turnover', 'general_assembly', 'board_meetings']);
    expect(comparison.leftOut).toEqual([]);
    // Same version, every question kept: the scores are the diagnostic's own.
    expect(comparison.scores.baseline).toEqual(scoreDiagnostic(same, baselineAnswers));
    expect(comparison.scores.endline).toEqual(scoreDiagnostic(same, endlineAnswers));
  });

  it('gives the deltas per domain and overall, endline minus baseline', () => {
    const same = definition();
    const comparison = compareDiagnostics({ definition: same, answers: baselineAnswers }, { definition: same, answers: endlineAnswers });
    const financial = comparison.domains.find((domain) => domain.domainKey === 'financial');
    // Baseline: (0 + 0 + 0.2) / 3 = 6.67; endline: (1 + 1 + 0.6) / 3 = 86.67.
    expect(financial).toMatchObject({ baseline: 6.67, endline: 86.67, delta: 80, threshold: 60, questionCount: 3 });
    const governance = comparison.domains.find((domain) => domain.domainKey === 'governance');
    expect(governance).toMatchObject({ baseline: 50, endline: 100, delta: 50, weight: 2, questionCount: 2 });
    // Overall weighs governance twice: (6.67 + 2 × 50) / 3 = 35.56; (86.67 + 200) / 3 = 95.56.
    expect(comparison.overall).toEqual({ baseline: 35.56, endline: 95.56, delta: 60 });
    expect(comparison.maturityLevel).toEqual({ baseline: 2, endline: 4 });
  });

  it('leaves out a question whose meaning changed, and those missing in one version', () => {
    const before = definition();
    const after = definition((input) => {
      const financial = input.domains[0]!;
      // The turnover scale changed: 60,000 no longer means what it meant.
      financial.questions[2] = { ...financial.questions[2]!, numberScale: { worst: 0, best: 500_000 } };
      // A question dropped, another added.
      financial.questions.splice(1, 1);
      financial.questions.push({ key: 'cost_price', type: 'maturity', text: text('Prix de revient'), levels });
    });
    const comparison = compareDiagnostics({ definition: before, answers: baselineAnswers }, { definition: after, answers: endlineAnswers });
    expect(comparison.compared).toEqual(['bookkeeping', 'general_assembly', 'board_meetings']);
    expect(comparison.leftOut).toEqual(
      expect.arrayContaining([
        { questionKey: 'turnover', domainKey: 'financial', reason: 'meaning_changed' },
        { questionKey: 'cost_price', domainKey: 'financial', reason: 'missing_in_baseline' },
        { questionKey: 'bank_account', domainKey: 'financial', reason: 'missing_in_endline' },
      ]),
    );
    expect(comparison.leftOut).toHaveLength(3);
    // Financial is now compared on bookkeeping alone: 0 → 100.
    expect(comparison.domains.find((domain) => domain.domainKey === 'financial')).toMatchObject({ baseline: 0, endline: 100, delta: 100, questionCount: 1 });
  });

  it('treats changed options or a reversed yes/no as a changed meaning, and new wording as the same', () => {
    const before = definition();
    const after = definition((input) => {
      const governance = input.domains[1]!;
      governance.questions[0] = { ...governance.questions[0]!, yesIsGood: false };
      governance.questions[1] = { ...governance.questions[1]!, options: governance.questions[1]!.options!.map((option) => ({ ...option, score: option.value === 'yearly' ? 0.4 : option.score })) };
      input.domains[0]!.questions[0] = { ...input.domains[0]!.questions[0]!, text: text('Tenue de la comptabilité (nouvelle formulation)') };
    });
    const { compared, leftOut } = commonQuestions(before, after);
    expect(leftOut.map((entry) => [entry.questionKey, entry.reason])).toEqual([
      ['general_assembly', 'meaning_changed'],
      ['board_meetings', 'meaning_changed'],
    ]);
    expect(compared).toEqual(['bookkeeping', 'bank_account', 'turnover']);
  });

  it('scores both sides with the endline’s weights and thresholds, so that a delta is a change in the answers', () => {
    const before = definition((input) => {
      input.domains[1]!.weight = 1;
    });
    const after = definition();
    const comparison = compareDiagnostics({ definition: before, answers: baselineAnswers }, { definition: after, answers: baselineAnswers });
    expect(comparison.overall.delta).toBe(0);
    expect(comparison.domains.every((domain) => domain.delta === 0)).toBe(true);
  });

  it('has no scores when nothing is comparable', () => {
    const before = definition();
    const after = frameworkDefinitionSchema.parse({
      maturityLabels: levels,
      domains: [{ key: 'marketing', label: text('Marketing'), questions: [{ key: 'brand', type: 'yes_no', text: text('Marque') }] }],
    });
    const comparison = compareDiagnostics({ definition: before, answers: baselineAnswers }, { definition: after, answers: endlineAnswers });
    expect(comparison.compared).toEqual([]);
    expect(comparison.domains).toEqual([]);
    expect(comparison.overall).toEqual({ baseline: null, endline: null, delta: null });
  });

  it('the same answers on both sides always give zero deltas (property)', () => {
    const same = definition();
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        fc.integer({ min: 0, max: 200_000 }),
        fc.constantFrom('never', 'yearly', 'quarterly'),
        (level, bank, turnover, board) => {
          const answers = new Map<string, ScoringAnswer>([
            ['bookkeeping', answer(level)],
            ['bank_account', answer(bank)],
            ['turnover', answer(turnover)],
            ['board_meetings', answer(board)],
          ]);
          const comparison = compareDiagnostics({ definition: same, answers }, { definition: same, answers });
          return comparison.overall.delta === 0 && comparison.domains.every((domain) => domain.delta === null || domain.delta === 0);
        },
      ),
    );
  });
});

describe('restrictDefinition', () => {
  it('keeps the listed questions and drops the domains left empty', () => {
    const restricted = restrictDefinition(definition(), new Set(['bookkeeping']));
    expect(restricted.domains.map((domain) => [domain.key, domain.questions.map((question) => question.key)])).toEqual([['financial', ['bookkeeping']]]);
  });
});

describe('summarizeComparisons', () => {
  it('takes the programme means over the cooperatives with both scores', () => {
    const same = definition();
    const first = compareDiagnostics({ definition: same, answers: baselineAnswers }, { definition: same, answers: endlineAnswers });
    const second = compareDiagnostics({ definition: same, answers: endlineAnswers }, { definition: same, answers: endlineAnswers });
    const summary = summarizeComparisons([first, second], ['governance', 'financial']);
    expect(summary.cooperatives).toBe(2);
    expect(summary.domains.map((domain) => domain.domainKey)).toEqual(['governance', 'financial']);
    expect(summary.domains[0]).toEqual({ domainKey: 'governance', cooperatives: 2, baseline: 75, endline: 100, delta: 25 });
    expect(summary.overall).toMatchObject({ cooperatives: 2, baseline: 65.6, endline: 95.6, delta: 30 });
  });

  it('is empty without comparisons', () => {
    expect(summarizeComparisons([], ['financial'])).toEqual({
      cooperatives: 0,
      domains: [{ domainKey: 'financial', cooperatives: 0, baseline: null, endline: null, delta: null }],
      overall: { cooperatives: 0, baseline: null, endline: null, delta: null },
    });
  });
});
