import { describe, expect, it } from 'vitest';
import { defaultFrameworkDefinition } from '../diagnostics/default-framework.js';
import type { LocalizedText } from '../diagnostics/framework.schema.js';
import { durationFromSequences, prerequisiteProblems } from './catalogue.rules.js';
import { defaultCatalogue } from './default-catalogue.js';
import { moduleCodeSchema, trainingModuleDefinitionSchema } from './module.schema.js';

const domains = defaultFrameworkDefinition.domains;
const questionDomain = new Map(domains.flatMap((domain) => domain.questions.map((question) => [question.key, domain.key] as const)));
const arabic = /[\u0600-\u06FF]/;

function localizedTexts(value: unknown): LocalizedText[] {
  if (Array.isArray(value)) return value.flatMap(localizedTexts);
  if (value === null || typeof value !== 'object') return [];
  const record = value as Record<string, unknown>;
  if (typeof record.fr === 'string' && typeof record.ar === 'string' && typeof record.en === 'string') return [record as unknown as LocalizedText];
  return Object.values(record).flatMap(localizedTexts);
}

describe('the default catalogue', () => {
  it('parses with the module schema, unchanged, with unique codes', () => {
    for (const module of defaultCatalogue) {
      expect(moduleCodeSchema.safeParse(module.code).success, module.code).toBe(true);
      expect(trainingModuleDefinitionSchema.parse(module.definition), module.code).toEqual(module.definition);
    }
    expect(new Set(defaultCatalogue.map((module) => module.code)).size).toBe(defaultCatalogue.length);
    expect(defaultCatalogue.length).toBeGreaterThanOrEqual(20);
  });

  it('has at least two modules for each domain of the default framework, and only those domains', () => {
    for (const domain of domains) {
      expect(defaultCatalogue.filter((module) => module.definition.domainKeys.includes(domain.key)).length, domain.key).toBeGreaterThanOrEqual(2);
    }
    const known = new Set(domains.map((domain) => domain.key));
    for (const module of defaultCatalogue) for (const key of module.definition.domainKeys) expect(known.has(key), `${module.code} ${key}`).toBe(true);
  });

  it('answers needs that are real questions of the default framework, in the module’s domains', () => {
    for (const module of defaultCatalogue) {
      expect(module.definition.needKeys.length, module.code).toBeGreaterThan(0);
      for (const key of module.definition.needKeys) {
        expect(questionDomain.has(key), `${module.code} ${key}`).toBe(true);
        expect(module.definition.domainKeys, `${module.code} ${key}`).toContain(questionDomain.get(key));
      }
    }
  });

  it('covers every maturity question of the framework with at least one module', () => {
    const answered = new Set(defaultCatalogue.flatMap((module) => module.definition.needKeys));
    const maturity = domains.flatMap((domain) => domain.questions.filter((question) => question.type === 'maturity').map((question) => question.key));
    expect(maturity.filter((key) => !answered.has(key))).toEqual([]);
  });

  it('has prerequisites that exist and make no cycle', () => {
    const catalogue = new Map(defaultCatalogue.map((module) => [module.code, module.definition.prerequisites] as const));
    for (const module of defaultCatalogue) {
      expect(prerequisiteProblems(module.code, module.definition.prerequisites, catalogue), module.code).toEqual([]);
    }
  });

  it('has 2–4 objectives, 3–6 sequences and a duration made by the sequences', () => {
    for (const { code, definition } of defaultCatalogue) {
      expect(definition.objectives.length, code).toBeGreaterThanOrEqual(2);
      expect(definition.objectives.length, code).toBeLessThanOrEqual(4);
      expect(definition.sequences.length, code).toBeGreaterThanOrEqual(3);
      expect(definition.sequences.length, code).toBeLessThanOrEqual(6);
      expect(definition.durationHours, code).toBe(durationFromSequences(definition.sequences));
    }
  });

  it('uses every format, mostly grouped training', () => {
    const formats = defaultCatalogue.map((module) => module.definition.format);
    expect(new Set(formats)).toEqual(new Set(['grouped_training', 'practical_workshop', 'individual_coaching', 'remote']));
    expect(formats.filter((format) => format === 'grouped_training').length).toBeGreaterThanOrEqual(formats.filter((format) => format === 'remote').length);
  });

  it('includes the modules the programme asks for', () => {
    const titles = defaultCatalogue.map((module) => module.definition.title.fr.toLowerCase());
    for (const wanted of ['comptabilité simplifiée', 'assemblée générale', 'marketing et promotion', 'gestion des stocks', 'hygiène et qualité', 'plan de développement', 'outils numériques', 'prix de revient', 'financement', 'tableau de bord', 'réseaux sociaux', 'conflits', 'leadership des femmes', 'rôle des organes']) {
      expect(titles.some((title) => title.includes(wanted)), wanted).toBe(true);
    }
  });

  it('is written in French, Arabic and English throughout', () => {
    for (const module of defaultCatalogue) {
      for (const text of localizedTexts(module.definition)) {
        expect(text.fr.trim(), module.code).not.toBe('');
        expect(text.en.trim(), module.code).not.toBe('');
        expect(arabic.test(text.ar), `${module.code}: ${text.ar}`).toBe(true);
        expect(text.fr, module.code).not.toBe(text.en);
      }
    }
  });
});
