import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultFrameworkDefinition } from './default-framework.js';
import { frameworkDefinitionSchema, type FrameworkDefinition, type Question } from './framework.schema.js';
import { canonicalJson, cleanDefinition, copyFamily, copyNames, countQuestions, frameworkDefinitionIssues, planFrameworkEdit } from './framework.rules.js';
import { frameworkEditSchema } from './framework-edit.schema.js';

const text = (fr: string) => ({ fr, ar: `ع ${fr}`, en: `en ${fr}` });

function definitionWith(questions: Question[], weight = 1): FrameworkDefinition {
  return frameworkDefinitionSchema.parse({
    maturityLabels: [text('1'), text('2'), text('3'), text('4')],
    domains: [{ key: 'legal', label: text('Juridique'), weight, questions }],
  });
}

const yesNo = (key: string, weight = 1): Question => ({ key, type: 'yes_no', text: text(key), weight, allowNotApplicable: true });

describe('planFrameworkEdit', () => {
  it('edits a version nobody uses in place', () => {
    expect(planFrameworkEdit({ frozenAt: null }, 3)).toEqual({ kind: 'in_place' });
  });

  it('makes the version after the highest of the family when the edited one is frozen', () => {
    expect(planFrameworkEdit({ frozenAt: '2026-11-20T10:00:00.000Z' }, 1)).toEqual({ kind: 'new_version', version: 2 });
    // Editing an older frozen version still goes after the newest one.
    expect(planFrameworkEdit({ frozenAt: '2026-11-20T10:00:00.000Z' }, 4)).toEqual({ kind: 'new_version', version: 5 });
  });
});

describe('copies', () => {
  it('names a copy in each language, keeping missing names missing', () => {
    expect(copyNames({ nameFr: 'Grille A', nameAr: 'شبكة أ', nameEn: null })).toEqual({ nameFr: 'Copie de Grille A', nameAr: 'نسخة من شبكة أ', nameEn: null });
  });

  it('gives a copy a family that does not exist yet', () => {
    expect(copyFamily('taawon-default', ['taawon-default'])).toBe('taawon-default-copy');
    expect(copyFamily('taawon-default', ['taawon-default', 'taawon-default-copy'])).toBe('taawon-default-copy-2');
    expect(copyFamily('taawon-default-copy', ['taawon-default', 'taawon-default-copy', 'taawon-default-copy-2'])).toBe('taawon-default-copy-3');
  });

  it('never returns a taken family (property)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/), fc.array(fc.stringMatching(/^[a-z][a-z0-9-]{0,30}$/)), (family, taken) => {
        expect(taken).not.toContain(copyFamily(family, [...taken, family]));
      }),
    );
  });
});

describe('frameworkDefinitionIssues', () => {
  it('accepts the default framework', () => {
    expect(frameworkDefinitionIssues(defaultFrameworkDefinition)).toEqual([]);
  });

  it('names a domain that has nothing to score', () => {
    const definition = definitionWith([{ key: 'notes', type: 'text', text: text('Notes'), weight: 0, allowNotApplicable: true }, yesNo('unscored', 0)]);
    expect(frameworkDefinitionIssues(definition)).toEqual([{ path: ['domains', 0, 'questions'], key: 'domain_without_scored_question' }]);
  });

  it('names the option whose value repeats another', () => {
    const definition = definitionWith([
      {
        key: 'channel',
        type: 'single_choice',
        text: text('Canal'),
        weight: 1,
        allowNotApplicable: true,
        options: [
          { value: 'souk', score: 0, label: text('Souk') },
          { value: 'shop', score: 1, label: text('Boutique') },
          { value: 'souk', score: 0.5, label: text('Souk bis') },
        ],
      },
    ]);
    expect(frameworkDefinitionIssues(definition)).toEqual([{ path: ['domains', 0, 'questions', 0, 'options', 2, 'value'], key: 'duplicate_key' }]);
  });

  it('refuses a framework where no domain weighs', () => {
    expect(frameworkDefinitionIssues(definitionWith([yesNo('registered')], 0))).toEqual([{ path: ['domains', 0, 'weight'], key: 'no_weighted_domain' }]);
  });

  it('reaches the edit schema with the path under the definition', () => {
    const result = frameworkEditSchema.safeParse({ nameFr: 'Grille', definition: definitionWith([yesNo('unscored', 0)]) });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path)).toEqual([['definition', 'domains', 0, 'questions']]);
  });

  it('names the field of a maturity question without levels', () => {
    const result = frameworkEditSchema.safeParse({
      nameFr: 'Grille',
      definition: { maturityLabels: [text('1'), text('2'), text('3'), text('4')], domains: [{ key: 'legal', label: text('J'), questions: [{ key: 'statutes', type: 'maturity', text: text('Statuts') }] }] },
    });
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['definition.domains.0.questions.0.levels']);
  });
});

describe('cleanDefinition', () => {
  it('drops what a question’s type does not use and keeps the rest', () => {
    const definition = definitionWith([
      { ...yesNo('registered'), levels: [text('1'), text('2'), text('3'), text('4')], options: [{ value: 'opt_a', score: 0, label: text('a') }, { value: 'opt_b', score: 1, label: text('b') }] },
      { key: 'notes', type: 'text', text: text('Notes'), weight: 2, allowNotApplicable: true, reference: 'Loi 112-12' },
    ]);
    const [registered, notes] = cleanDefinition(definition).domains[0]!.questions;
    expect(registered).toEqual({ ...yesNo('registered'), yesIsGood: true });
    expect(notes).toEqual({ key: 'notes', type: 'text', text: text('Notes'), weight: 0, allowNotApplicable: true, reference: 'Loi 112-12' });
  });

  it('leaves the default framework as it is', () => {
    expect(cleanDefinition(defaultFrameworkDefinition)).toEqual(defaultFrameworkDefinition);
  });
});

describe('canonicalJson and countQuestions', () => {
  it('gives the same text whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: null }], e: undefined })).toBe('{"a":[{"c":null,"d":2}],"b":1}');
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (record) => {
        const reversed = Object.fromEntries(Object.entries(record).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(record));
        expect(JSON.parse(canonicalJson(record))).toEqual(JSON.parse(JSON.stringify(record)));
      }),
    );
  });

  it('counts the questions of every domain', () => {
    expect(countQuestions(defaultFrameworkDefinition)).toBe(defaultFrameworkDefinition.domains.reduce((sum, domain) => sum + domain.questions.length, 0));
    expect(countQuestions(defaultFrameworkDefinition)).toBeGreaterThanOrEqual(40);
  });
});
