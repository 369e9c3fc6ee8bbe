import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnswerValue, ScoringAnswer } from './diagnostic.schema.js';
import { frameworkDefinitionSchema, type FrameworkDefinition, type FrameworkDefinitionInput, type Question } from './framework.schema.js';
import { questionScore, scoreDiagnostic } from './scoring.js';

const text = (fr: string) => ({ fr, ar: fr, en: fr });
const levels = [text('Aucun'), text('Débutant'), text('Établi'), text('Maîtrisé')];
const maturityLabels = [text('Émergente'), text('En développement'), text('Structurée'), text('Autonome')];

function define(input: Omit<FrameworkDefinitionInput, 'maturityLabels'>): FrameworkDefinition {
  return frameworkDefinitionSchema.parse({ maturityLabels, ...input });
}

const answer = (value: AnswerValue | null, notApplicable = false): ScoringAnswer => ({ value, notApplicable });
const answersOf = (entries: Record<string, ScoringAnswer>) => new Map(Object.entries(entries));

const definition = define({
  domains: [
    {
      key: 'governance',
      label: text('Gouvernance'),
      weight: 2,
      needThreshold: 60,
      questions: [
        { key: 'general_assembly', type: 'maturity', text: text('AG'), levels, weight: 2 },
        { key: 'statutes_updated', type: 'yes_no', text: text('Statuts'), weight: 1 },
        { key: 'governance_notes', type: 'text', text: text('Notes') },
      ],
    },
    {
      key: 'finance',
      label: text('Finances'),
      weight: 1,
      needThreshold: 50,
      questions: [
        { key: 'months_of_cash', type: 'number', text: text('Trésorerie'), numberScale: { worst: 0, best: 6 } },
        {
          key: 'bookkeeping',
          type: 'single_choice',
          text: text('Comptabilité'),
          options: [
            { value: 'none', label: text('Aucune'), score: 0 },
            { value: 'notebook', label: text('Cahier'), score: 0.5 },
            { value: 'accountant', label: text('Comptable'), score: 1 },
          ],
        },
        {
          key: 'sales_channels',
          type: 'multiple_choice',
          text: text('Canaux'),
          options: [
            { value: 'local_market', label: text('Souk'), score: 0.4 },
            { value: 'wholesaler', label: text('Grossiste'), score: 0.4 },
            { value: 'online', label: text('En ligne'), score: 0.4 },
          ],
        },
        { key: 'debt_ratio_checked', type: 'yes_no', text: text('Dette'), yesIsGood: false, weight: 0 },
      ],
    },
  ],
});

describe('questionScore', () => {
  const question = (key: string) => definition.domains.flatMap((domain) => domain.questions).find((item) => item.key === key) as Question;

  it('maps maturity levels 1–4 onto 0, ⅓, ⅔ and 1', () => {
    expect([1, 2, 3, 4].map((level) => questionScore(question('general_assembly'), level))).toEqual([0, 1 / 3, 2 / 3, 1]);
  });

  it('scores yes/no by the good answer, numbers linearly and clamped, choices by their options', () => {
    expect(questionScore(question('statutes_updated'), true)).toBe(1);
    expect(questionScore(question('statutes_updated'), false)).toBe(0);
    expect(questionScore(question('months_of_cash'), 3)).toBe(0.5);
    expect(questionScore(question('months_of_cash'), 12)).toBe(1);
    expect(questionScore(question('months_of_cash'), -2)).toBe(0);
    expect(questionScore(question('bookkeeping'), 'notebook')).toBe(0.5);
    expect(questionScore(question('sales_channels'), ['local_market'])).toBeCloseTo(0.4);
    expect(questionScore(question('sales_channels'), ['local_market', 'wholesaler', 'online'])).toBe(1);
    expect(questionScore(question('sales_channels'), [])).toBe(0);
  });

  it('reads a scale whose best value is below its worst', () => {
    const reversed = { ...question('months_of_cash'), numberScale: { worst: 10, best: 0 } };
    expect(questionScore(reversed, 2)).toBeCloseTo(0.8);
  });

  it('does not score text, weight-0 questions or values that do not fit', () => {
    expect(questionScore(question('governance_notes'), 'Bien tenue')).toBeNull();
    expect(questionScore(question('debt_ratio_checked'), false)).toBeNull();
    expect(questionScore(question('general_assembly'), 5)).toBeNull();
    expect(questionScore(question('general_assembly'), '3')).toBeNull();
    expect(questionScore(question('bookkeeping'), 'excel')).toBeNull();
    expect(questionScore(question('sales_channels'), ['online', 'barter'])).toBeNull();
  });
});

describe('scoreDiagnostic', () => {
  it('scores domains as weighted means, the whole as a weighted mean of domains, and ranks the needs', () => {
    const scores = scoreDiagnostic(
      definition,
      answersOf({
        general_assembly: answer(2), // 33.33, weight 2
        statutes_updated: answer(true), // 100, weight 1
        governance_notes: answer('Assemblée tenue en retard'),
        months_of_cash: answer(1.5), // 25
        bookkeeping: answer('accountant'), // 100
        sales_channels: answer(null, true),
      }),
    );
    const governance = scores.domains[0]!;
    expect(governance).toMatchObject({ domainKey: 'governance', score: 55.56, answered: 2, applicable: 2, total: 2, isNeed: true });
    const finance = scores.domains[1]!;
    expect(finance).toMatchObject({ domainKey: 'finance', score: 62.5, answered: 2, applicable: 2, total: 3, isNeed: false });
    expect(scores.overall).toBe(57.87); // (2 × 55.56 + 62.5) / 3
    expect(scores.maturityLevel).toBe(3);
    expect({ answered: scores.answered, applicable: scores.applicable, total: scores.total }).toEqual({ answered: 4, applicable: 4, total: 5 });
    expect(scores.needs).toEqual([
      { kind: 'question', domainKey: 'governance', questionKey: 'general_assembly', score: 33.33, threshold: 60, gap: 26.67, weight: 4, priority: 106.68 },
      { kind: 'question', domainKey: 'finance', questionKey: 'months_of_cash', score: 25, threshold: 50, gap: 25, weight: 1, priority: 25 },
      { kind: 'domain', domainKey: 'governance', questionKey: null, score: 55.56, threshold: 60, gap: 4.44, weight: 2, priority: 8.88 },
    ]);
  });

  it('gives nothing but counts for an empty diagnostic', () => {
    const scores = scoreDiagnostic(definition, new Map());
    expect(scores.overall).toBeNull();
    expect(scores.maturityLevel).toBeNull();
    expect(scores.needs).toEqual([]);
    expect(scores.domains.map((domain) => domain.score)).toEqual([null, null]);
    expect(scores.total).toBe(5);
    expect(scores.applicable).toBe(5);
    expect(scores.answered).toBe(0);
  });

  it('ignores "not applicable" where the question forbids it, and values that do not fit', () => {
    const strict = define({
      domains: [{ key: 'legal', label: text('Juridique'), questions: [{ key: 'registered', type: 'yes_no', text: text('Immatriculée'), allowNotApplicable: false }, { key: 'audit', type: 'maturity', text: text('Audit'), levels }] }],
    });
    const scores = scoreDiagnostic(strict, answersOf({ registered: answer(false, true), audit: answer(7) }));
    expect(scores.domains[0]).toMatchObject({ score: 0, answered: 1, applicable: 2, total: 2 });
  });

  it('places the overall score on the four maturity levels at 25, 50 and 75', () => {
    const single = define({ domains: [{ key: 'technique', label: text('Technique'), questions: [{ key: 'capacity', type: 'number', text: text('Capacité'), numberScale: { worst: 0, best: 100 } }] }] });
    const levelAt = (value: number) => scoreDiagnostic(single, answersOf({ capacity: answer(value) })).maturityLevel;
    expect([0, 24.99, 25, 49.99, 50, 74.99, 75, 99.99, 100].map(levelAt)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 4]);
  });
});

/* ---------- Properties ---------- */

const keyArbitrary = fc.stringMatching(/^[a-z][a-z0-9_]{2,8}$/);

const questionArbitrary = (key: string) =>
  fc.oneof(
    fc.record({ type: fc.constant('maturity' as const), levels: fc.constant(levels) }),
    fc.record({ type: fc.constant('yes_no' as const), yesIsGood: fc.boolean() }),
    fc.record({ type: fc.constant('number' as const), numberScale: fc.record({ worst: fc.integer({ min: -50, max: 50 }), best: fc.integer({ min: 51, max: 500 }) }) }),
    fc.record({
      type: fc.constantFrom('single_choice' as const, 'multiple_choice' as const),
      options: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 2, maxLength: 4 }).map((scores) => scores.map((score, index) => ({ value: `option_${index}`, label: text(`Option ${index}`), score }))),
    }),
    fc.record({ type: fc.constant('text' as const) }),
  ).chain((shape) =>
    fc.record({ weight: fc.oneof(fc.constant(0), fc.double({ min: 0.1, max: 10, noNaN: true })), allowNotApplicable: fc.boolean() }).map((extra) => ({ key, text: text(key), ...shape, ...extra })),
  );

/** A valid framework with 1–4 domains of 1–5 questions of any type; `maturityOnly` for the level properties. */
const definitionArbitrary = (maturityOnly = false) =>
  fc
    .uniqueArray(keyArbitrary, { minLength: 2, maxLength: 24 })
    .chain((keys) => {
      const domainCount = Math.max(1, Math.min(4, Math.floor(keys.length / 2)));
      const groups: string[][] = Array.from({ length: domainCount }, () => []);
      keys.forEach((key, index) => groups[index % domainCount]!.push(key));
      return fc.tuple(
        ...groups.map((questionKeys, index) =>
          fc.record({
            key: fc.constant(`domain_${index}`),
            label: fc.constant(text(`Domaine ${index}`)),
            weight: fc.double({ min: 0.1, max: 10, noNaN: true }),
            needThreshold: fc.integer({ min: 1, max: 100 }),
            questions: fc.tuple(
              ...questionKeys.map((key) =>
                maturityOnly ? fc.record({ key: fc.constant(key), type: fc.constant('maturity' as const), text: fc.constant(text(key)), levels: fc.constant(levels), weight: fc.double({ min: 0.1, max: 10, noNaN: true }) }) : questionArbitrary(key),
              ),
            ),
          }),
        ),
      );
    })
    .map((domains) => define({ domains }));

const allQuestions = (framework: FrameworkDefinition) => framework.domains.flatMap((domain) => domain.questions);

/** A fitting value for a question, or null. */
const valueArbitrary = (question: Question): fc.Arbitrary<AnswerValue | null> => {
  switch (question.type) {
    case 'maturity':
      return fc.integer({ min: 1, max: 4 });
    case 'yes_no':
      return fc.boolean();
    case 'number':
      return fc.double({ min: -1000, max: 1000, noNaN: true });
    case 'single_choice':
      return fc.constantFrom(...question.options!.map((option) => option.value));
    case 'multiple_choice':
      return fc.subarray(question.options!.map((option) => option.value));
    case 'text':
      return fc.string({ maxLength: 20 });
  }
};

/** Random answers (some missing, some "not applicable", a few not fitting) for a framework. */
const scenarioArbitrary = (maturityOnly = false) =>
  definitionArbitrary(maturityOnly).chain((framework) =>
    fc
      .tuple(
        ...allQuestions(framework).map((question) =>
          fc.option(
            fc.oneof(
              { weight: 6, arbitrary: valueArbitrary(question).map((value) => answer(value)) },
              { weight: 2, arbitrary: fc.constant(answer(null, true)) },
              { weight: 1, arbitrary: fc.constantFrom<AnswerValue>(9, 'unknown', true, ['x']).map((value) => answer(value)) },
            ),
            { nil: undefined },
          ),
        ),
      )
      .map((answers) => {
        const entries = allQuestions(framework)
          .map((question, index) => [question.key, answers[index]] as const)
          .filter((entry): entry is readonly [string, ScoringAnswer] => entry[1] !== undefined);
        return { framework, entries };
      }),
  );

describe('scoreDiagnostic properties', () => {
  it('keeps every score within 0–100 and the level within 1–4', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), ({ framework, entries }) => {
        const scores = scoreDiagnostic(framework, new Map(entries));
        for (const domain of scores.domains) {
          if (domain.score !== null) expect(domain.score).toBeGreaterThanOrEqual(0);
          if (domain.score !== null) expect(domain.score).toBeLessThanOrEqual(100);
          expect(domain.answered).toBeLessThanOrEqual(domain.applicable);
          expect(domain.applicable).toBeLessThanOrEqual(domain.total);
        }
        if (scores.overall !== null) {
          expect(scores.overall).toBeGreaterThanOrEqual(0);
          expect(scores.overall).toBeLessThanOrEqual(100);
          expect([1, 2, 3, 4]).toContain(scores.maturityLevel);
        } else expect(scores.maturityLevel).toBeNull();
        for (const need of scores.needs) {
          expect(need.gap).toBeGreaterThan(0);
          expect(need.score).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('never lowers a domain score when one maturity answer goes up', () => {
    fc.assert(
      fc.property(scenarioArbitrary(true), fc.nat(), ({ framework, entries }, pick) => {
        const answers = new Map(entries);
        const questions = allQuestions(framework);
        const question = questions[pick % questions.length]!;
        const current = answers.get(question.key);
        const level = current && !current.notApplicable && typeof current.value === 'number' && current.value >= 1 && current.value <= 4 ? current.value : 1;
        fc.pre(level < 4);
        const before = scoreDiagnostic(framework, new Map([...answers, [question.key, answer(level)]]));
        const after = scoreDiagnostic(framework, new Map([...answers, [question.key, answer(level + 1)]]));
        const domainIndex = framework.domains.findIndex((domain) => domain.questions.some((item) => item.key === question.key));
        expect(after.domains[domainIndex]!.score!).toBeGreaterThanOrEqual(before.domains[domainIndex]!.score!);
        expect(after.overall!).toBeGreaterThanOrEqual(before.overall!);
      }),
    );
  });

  it('takes a question marked not applicable out of the counts', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), fc.nat(), ({ framework, entries }, pick) => {
        const candidates = allQuestions(framework).filter((question) => question.allowNotApplicable && question.type !== 'text' && question.weight > 0);
        fc.pre(candidates.length > 0);
        const question = candidates[pick % candidates.length]!;
        const answers = new Map(entries);
        const withValue = scoreDiagnostic(framework, new Map([...answers, [question.key, answer(null)]]));
        const marked = scoreDiagnostic(framework, new Map([...answers, [question.key, answer(null, true)]]));
        expect(marked.applicable).toBe(withValue.applicable - 1);
        expect(marked.answered).toBe(withValue.answered);
        expect(marked.total).toBe(withValue.total);
        const domainKey = framework.domains.find((domain) => domain.questions.includes(question))!.key;
        expect(marked.domains).toEqual(withValue.domains.map((domain) => (domain.domainKey === domainKey ? { ...domain, applicable: domain.applicable - 1 } : domain)));
        expect(marked.needs).toEqual(withValue.needs);
      }),
    );
  });

  it('finds no needs and level 4 when every answer is 4, every domain a need and level 1 when every answer is 1', () => {
    fc.assert(
      fc.property(definitionArbitrary(true), (framework) => {
        const all = (level: number) => new Map(allQuestions(framework).map((question) => [question.key, answer(level)]));
        const best = scoreDiagnostic(framework, all(4));
        expect(best.needs).toEqual([]);
        expect(best.maturityLevel).toBe(4);
        expect(best.overall).toBe(100);
        const worst = scoreDiagnostic(framework, all(1));
        expect(worst.maturityLevel).toBe(1);
        expect(worst.overall).toBe(0);
        expect(worst.domains.every((domain) => domain.isNeed)).toBe(true);
        expect(worst.needs.filter((need) => need.kind === 'domain')).toHaveLength(framework.domains.length);
        expect(worst.needs.filter((need) => need.kind === 'question')).toHaveLength(allQuestions(framework).length);
      }),
    );
  });

  it('does not depend on the order of the answers', () => {
    fc.assert(
      fc.property(
        scenarioArbitrary().chain((scenario) => fc.shuffledSubarray(scenario.entries, { minLength: scenario.entries.length }).map((shuffled) => ({ ...scenario, shuffled }))),
        ({ framework, entries, shuffled }) => {
          expect(scoreDiagnostic(framework, new Map(shuffled))).toEqual(scoreDiagnostic(framework, new Map(entries)));
        },
      ),
    );
  });

  it('ranks needs by priority, then gap, then key', () => {
    fc.assert(
      fc.property(scenarioArbitrary(), ({ framework, entries }) => {
        const { needs } = scoreDiagnostic(framework, new Map(entries));
        for (let index = 1; index < needs.length; index += 1) {
          const previous = needs[index - 1]!;
          const current = needs[index]!;
          expect(previous.priority).toBeGreaterThanOrEqual(current.priority);
          if (previous.priority === current.priority) expect(previous.gap).toBeGreaterThanOrEqual(current.gap);
        }
        for (const need of needs) expect(need.priority).toBeCloseTo(need.gap * need.weight, 1);
      }),
    );
  });
});
