import { describe, expect, it } from 'vitest';
import { defaultFrameworkDefinition, defaultFrameworkFamily, defaultFrameworkNames } from './default-framework.js';
import { frameworkDefinitionSchema, type LocalizedText } from './framework.schema.js';
import { frameworkDefinitionIssues } from './framework.rules.js';
import { frameworkEditSchema } from './framework-edit.schema.js';

const domainKeys = ['legal', 'governance', 'management', 'finance', 'production', 'marketing', 'strategy', 'monitoring', 'communication', 'human_capital'];

/** Every localized text in a value, wherever it sits. */
function localizedTexts(value: unknown): LocalizedText[] {
  if (Array.isArray(value)) return value.flatMap(localizedTexts);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (typeof record.fr === 'string' && typeof record.ar === 'string' && typeof record.en === 'string') return [record as unknown as LocalizedText];
  return Object.values(record).flatMap(localizedTexts);
}

describe('the default framework', () => {
  it('parses with the framework schema, unchanged', () => {
    const parsed = frameworkDefinitionSchema.parse(defaultFrameworkDefinition);
    expect(parsed).toEqual(defaultFrameworkDefinition);
    expect(frameworkDefinitionIssues(parsed)).toEqual([]);
    expect(frameworkEditSchema.safeParse({ ...defaultFrameworkNames, definition: defaultFrameworkDefinition }).success).toBe(true);
  });

  it('has the ten domains, each with four to six questions and something to score', () => {
    expect(defaultFrameworkFamily).toBe('taawon-default');
    expect(defaultFrameworkDefinition.domains.map((domain) => domain.key)).toEqual(domainKeys);
    for (const domain of defaultFrameworkDefinition.domains) {
      expect(domain.questions.length, domain.key).toBeGreaterThanOrEqual(4);
      expect(domain.questions.length, domain.key).toBeLessThanOrEqual(6);
      expect(domain.questions.filter((question) => question.type === 'maturity').length, domain.key).toBeGreaterThanOrEqual(2);
      expect(domain.needThreshold).toBeGreaterThanOrEqual(50);
      expect(domain.needThreshold).toBeLessThanOrEqual(65);
    }
  });

  it('uses every question type', () => {
    const types = new Set(defaultFrameworkDefinition.domains.flatMap((domain) => domain.questions.map((question) => question.type)));
    expect([...types].sort()).toEqual(['maturity', 'multiple_choice', 'number', 'single_choice', 'text', 'yes_no']);
  });

  it('weighs legal, governance and finance more than the others', () => {
    const weight = (key: string) => defaultFrameworkDefinition.domains.find((domain) => domain.key === key)!.weight;
    for (const heavy of ['legal', 'governance', 'finance']) {
      for (const other of ['management', 'production', 'strategy', 'monitoring', 'communication', 'human_capital']) expect(weight(heavy)).toBeGreaterThan(weight(other));
    }
  });

  it('has every text in French, Arabic and English, the Arabic in Arabic script', () => {
    const texts = localizedTexts(defaultFrameworkDefinition);
    expect(texts.length).toBeGreaterThan(200);
    for (const text of texts) {
      expect(text.fr.trim(), JSON.stringify(text)).not.toBe('');
      expect(text.en.trim(), JSON.stringify(text)).not.toBe('');
      expect(text.ar, JSON.stringify(text)).toMatch(/[\u0600-\u06FF]/);
    }
    expect(defaultFrameworkNames.nameAr).toMatch(/[\u0600-\u06FF]/);
  });

  it('grounds the legal questions in law 112-12 or the texts the activity requires', () => {
    const legal = defaultFrameworkDefinition.domains.find((domain) => domain.key === 'legal')!;
    for (const question of legal.questions) expect(question.reference, question.key).toMatch(/112-12|2-15-617|28-07/);
    const references = legal.questions.map((question) => question.reference).join(' ');
    expect(references).toContain('74-16');
    expect(references).toContain('1 000 DH');
  });

  it('describes four levels for every maturity question, and has the four overall maturity labels and a SWOT', () => {
    for (const question of defaultFrameworkDefinition.domains.flatMap((domain) => domain.questions)) {
      if (question.type === 'maturity') expect(question.levels, question.key).toHaveLength(4);
    }
    expect(defaultFrameworkDefinition.maturityLabels.map((label) => label.fr.split(' :')[0])).toEqual(['Émergente', 'En structuration', 'Structurée', 'Autonome']);
    expect(defaultFrameworkDefinition.swot).toBe(true);
  });

  it('keeps question keys unique across the framework', () => {
    const keys = defaultFrameworkDefinition.domains.flatMap((domain) => domain.questions.map((question) => question.key));
    expect(new Set(keys).size).toBe(keys.length);
  });
});
