import { describe, expect, it } from 'vitest';
import {
  answerValueIssue,
  canTransition,
  checkAnswerDrafts,
  completionOf,
  isEditableStatus,
  nextStatus,
  normaliseAnswerValue,
} from './diagnostic.rules.js';
import { diagnosticStatuses } from './diagnostic.schema.js';
import { frameworkDefinitionSchema, type Question } from './framework.schema.js';

const text = (fr: string) => ({ fr, ar: fr, en: fr });
const levels = [text('1'), text('2'), text('3'), text('4')];
const definition = frameworkDefinitionSchema.parse({
  maturityLabels: levels,
  domains: [
    {
      key: 'legal',
      label: text('Juridique'),
      questions: [
        { key: 'registered', type: 'yes_no', text: text('Immatriculée'), allowNotApplicable: false },
        { key: 'general_assembly', type: 'maturity', text: text('AG'), levels },
        { key: 'comments', type: 'text', text: text('Remarques') },
        { key: 'observed_only', type: 'maturity', text: text('Observé'), levels, weight: 0 },
      ],
    },
    {
      key: 'marketing',
      label: text('Commercialisation'),
      questions: [
        {
          key: 'channels',
          type: 'multiple_choice',
          text: text('Canaux'),
          options: [
            { value: 'souk', label: text('Souk'), score: 0.5 },
            { value: 'online', label: text('En ligne'), score: 0.5 },
          ],
        },
        { key: 'stock_days', type: 'number', text: text('Jours de stock'), numberScale: { worst: 0, best: 30 } },
      ],
    },
  ],
});
const question = (key: string) => definition.domains.flatMap((domain) => domain.questions).find((item) => item.key === key) as Question;

describe('answerValueIssue', () => {
  it('accepts values that fit and null', () => {
    expect(answerValueIssue(question('general_assembly'), 3)).toBeNull();
    expect(answerValueIssue(question('registered'), false)).toBeNull();
    expect(answerValueIssue(question('channels'), ['online'])).toBeNull();
    expect(answerValueIssue(question('stock_days'), 12.5)).toBeNull();
    expect(answerValueIssue(question('comments'), 'RAS')).toBeNull();
    expect(answerValueIssue(question('general_assembly'), null)).toBeNull();
  });

  it('names what is wrong', () => {
    expect(answerValueIssue(question('general_assembly'), 5)).toBe('answer_level_out_of_range');
    expect(answerValueIssue(question('general_assembly'), 2.5)).toBe('answer_level_out_of_range');
    expect(answerValueIssue(question('general_assembly'), 'high')).toBe('answer_wrong_type');
    expect(answerValueIssue(question('registered'), 1)).toBe('answer_wrong_type');
    expect(answerValueIssue(question('channels'), ['souk', 'souk'])).toBe('answer_options_repeated');
    expect(answerValueIssue(question('channels'), ['barter'])).toBe('answer_option_unknown');
    expect(answerValueIssue(question('channels'), 'souk')).toBe('answer_wrong_type');
    expect(answerValueIssue(question('comments'), 3)).toBe('answer_wrong_type');
  });
});

describe('checkAnswerDrafts', () => {
  it('points at each bad answer of a batch by its index', () => {
    const issues = checkAnswerDrafts(definition, [
      { questionKey: 'general_assembly', value: 3, notApplicable: false },
      { questionKey: 'unknown_question', value: 3, notApplicable: false },
      { questionKey: 'general_assembly', value: 9, notApplicable: false },
      { questionKey: 'registered', value: null, notApplicable: true },
    ]);
    expect(issues).toEqual([
      { index: 1, field: 'questionKey', key: 'question_unknown' },
      { index: 2, field: 'questionKey', key: 'question_repeated' },
      { index: 2, field: 'value', key: 'answer_level_out_of_range' },
      { index: 3, field: 'notApplicable', key: 'not_applicable_not_allowed' },
    ]);
  });

  it('takes a blank text for no answer', () => {
    expect(normaliseAnswerValue('   ')).toBeNull();
    expect(normaliseAnswerValue(undefined)).toBeNull();
    expect(normaliseAnswerValue(0)).toBe(0);
  });
});

describe('completionOf', () => {
  it('asks for every scored question, answered or not applicable', () => {
    const empty = completionOf(definition, new Map());
    expect(empty).toEqual({ settled: 0, total: 4, missing: ['registered', 'general_assembly', 'channels', 'stock_days'] });
    const partly = completionOf(
      definition,
      new Map([
        ['registered', { value: null, notApplicable: true }], // not allowed: still missing
        ['general_assembly', { value: 2, notApplicable: false }],
        ['channels', { value: null, notApplicable: true }],
        ['stock_days', { value: 'many', notApplicable: false }],
      ]),
    );
    expect(partly).toEqual({ settled: 2, total: 4, missing: ['registered', 'stock_days'] });
  });
});

describe('workflow', () => {
  it('edits drafts and returned diagnostics, validates or returns submitted ones', () => {
    expect(diagnosticStatuses.filter(isEditableStatus)).toEqual(['draft', 'returned']);
    expect(nextStatus('draft', 'submit')).toBe('submitted');
    expect(nextStatus('returned', 'submit')).toBe('submitted');
    expect(nextStatus('submitted', 'validate')).toBe('validated');
    expect(nextStatus('submitted', 'return')).toBe('returned');
    expect(nextStatus('returned', 'save')).toBe('returned');
    expect(canTransition('validated', 'return')).toBe(false);
    expect(canTransition('draft', 'validate')).toBe(false);
    expect(() => nextStatus('validated', 'submit')).toThrow();
  });
});
