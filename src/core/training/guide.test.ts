import { describe, expect, it } from 'vitest';
import { defaultFrameworkDefinition } from '../diagnostics/default-framework.js';
import { defaultCatalogue } from './default-catalogue.js';
import { buildTrainingGuide, buildTrainingPath, planCooperativeIds, type GuideSource } from './guide.js';
import type { PlanResult, PlanStatus } from './plan.schema.js';

const tarfaya = '11.537';
const boujdour = '11.121';
const generatedAt = new Date('2027-01-15T10:00:00Z');

const catalogue = defaultCatalogue.map((module, index) => ({ id: `module-${index}`, code: module.code, definition: module.definition }));
const idOf = (code: string) => catalogue.find((module) => module.code === code)!.id;
const accounting = idOf('FIN-ACCOUNTING');
const budget = idOf('FIN-BUDGET');
const compliance = idOf('LEG-COMPLIANCE');

const result: PlanResult = {
  modules: [
    {
      moduleId: accounting,
      code: 'FIN-ACCOUNTING',
      groups: [
        { moduleId: accounting, number: 1, hubProvinceCode: tarfaya, place: 'Tarfaya', trainerId: 'trainer-1', cooperativeIds: ['tah', 'akhfennir'], sessions: [{ date: '2027-01-04', hours: 6 }] },
        { moduleId: accounting, number: 2, hubProvinceCode: boujdour, place: 'Salle de la commune', trainerId: 'gone', cooperativeIds: ['boujdour'], sessions: [{ date: '2027-01-11', hours: 6 }, { date: '2027-01-12', hours: 2 }] },
      ],
    },
    { moduleId: budget, code: 'FIN-BUDGET', groups: [] },
  ],
  coaching: [{ cooperativeId: 'boujdour', moduleId: compliance, needKeys: ['legal.legal_statutes', 'legal'], priority: 40 }],
  workshops: [
    { provinceCode: tarfaya, place: 'Tarfaya', date: '2027-04-05', trainerId: 'trainer-1', cooperativeIds: ['tah', 'akhfennir'] },
    { provinceCode: tarfaya, place: 'Tarfaya', date: '2027-03-01', trainerId: null, cooperativeIds: ['tah', 'akhfennir'] },
  ],
  coverage: [
    { cooperativeId: 'tah', needKey: 'finance.fin_bookkeeping', domainKey: 'finance', questionKey: 'fin_bookkeeping', priority: 50, status: 'group', moduleId: accounting, groupNumber: 1 },
    { cooperativeId: 'akhfennir', needKey: 'finance.fin_bookkeeping', domainKey: 'finance', questionKey: 'fin_bookkeeping', priority: 45, status: 'group', moduleId: accounting, groupNumber: 1 },
    { cooperativeId: 'boujdour', needKey: 'finance.fin_bookkeeping', domainKey: 'finance', questionKey: 'fin_bookkeeping', priority: 60, status: 'group', moduleId: accounting, groupNumber: 2 },
    { cooperativeId: 'tah', needKey: 'finance.fin_budget', domainKey: 'finance', questionKey: 'fin_budget', priority: 20, status: 'unanswered', reason: 'too_few_within_reach' },
    { cooperativeId: 'akhfennir', needKey: 'finance.fin_budget', domainKey: 'finance', questionKey: 'fin_budget', priority: 20, status: 'unanswered', reason: 'too_few_within_reach' },
    { cooperativeId: 'boujdour', needKey: 'finance.fin_budget', domainKey: 'finance', questionKey: 'fin_budget', priority: 12.34, status: 'unanswered', reason: 'calendar_exhausted' },
    { cooperativeId: 'boujdour', needKey: 'legal.legal_statutes', domainKey: 'legal', questionKey: 'legal_statutes', priority: 40, status: 'coaching', moduleId: compliance },
    { cooperativeId: 'boujdour', needKey: 'legal', domainKey: 'legal', questionKey: null, priority: 30, status: 'coaching', moduleId: compliance },
  ],
  summary: { objective: 100, needs: 8, answeredByGroups: 3, answeredByCoaching: 2, unanswered: 3, groups: 2, sessions: 3 },
};

function sourceWith(status: PlanStatus = 'approved', overrides: Partial<GuideSource> = {}): GuideSource {
  return {
    programme: {
      code: 'INJAZ-LSH-18',
      name: { fr: 'Formation de 18 coopératives', ar: 'تكوين 18 تعاونية', en: 'Training of 18 cooperatives' },
      description: { fr: 'Deux phases : diagnostic puis formation.', ar: 'مرحلتان: التشخيص ثم التكوين.', en: null },
      operator: { fr: 'Injaz Al Maghrib', ar: 'إنجاز المغرب', en: null },
      regionCodes: ['11'],
      provinceCodes: [tarfaya, boujdour],
      startDate: '2026-07-25',
      durationMonths: 12,
      phases: [
        { kind: 'training', label: null, startsOn: '2026-09-23', endsOn: '2026-12-06' },
        { kind: 'diagnostic', label: 'Diagnostic participatif', startsOn: '2026-07-25', endsOn: '2026-09-22' },
      ],
      funders: [{ fr: 'Fondation partenaire', ar: 'المؤسسة الشريكة', en: null }],
    },
    plan: { version: 3, status, createdAt: '2027-01-02T09:00:00Z', approvedAt: status === 'draft' ? null : '2027-01-03T23:30:00Z', result },
    modules: catalogue,
    cooperatives: [
      { id: 'tah', nameFr: 'Coopérative Tah', nameAr: 'تعاونية الطاح', provinceCode: tarfaya },
      { id: 'akhfennir', nameFr: 'Coopérative Akhfennir', nameAr: 'تعاونية أخفنير', provinceCode: tarfaya },
      { id: 'boujdour', nameFr: 'Coopérative Boujdour', nameAr: null, provinceCode: boujdour },
    ],
    trainers: { 'trainer-1': 'Salma Idrissi' },
    frameworks: [defaultFrameworkDefinition],
    ...overrides,
  };
}

describe('the training guide', () => {
  it('opens on the programme, the version, its status and its approval day (in Morocco)', () => {
    const guide = buildTrainingGuide(sourceWith(), 'fr', generatedAt);
    expect(guide).toMatchObject({ kind: 'guide', lang: 'fr', dir: 'ltr', mark: null, path: null });
    expect(guide.cover).toEqual({
      title: 'Guide de formation',
      subject: 'Formation de 18 coopératives',
      otherName: 'تكوين 18 تعاونية',
      facts: [
        { label: 'Code', value: 'INJAZ-LSH-18' },
        { label: 'Version du plan', value: '3' },
        { label: 'Statut', value: 'Approuvé' },
        { label: 'Date', value: 'Approuvé le 4 janvier 2027' },
      ],
    });
    expect(guide.footer).toEqual({ text: 'Taawon — guide de formation', generated: 'Généré le 15 janvier 2027', pageNumber: 'Page {{page}} sur {{total}}' });
  });

  it('marks a draft and a superseded version', () => {
    const draft = buildTrainingGuide(sourceWith('draft'), 'fr', generatedAt);
    expect(draft.mark?.title).toBe('Brouillon — non approuvé');
    expect(draft.cover.facts.at(-1)).toEqual({ label: 'Date', value: 'Généré le 2 janvier 2027' });
    expect(buildTrainingGuide(sourceWith('superseded'), 'fr', generatedAt).mark?.title).toBe('Version remplacée');
    expect(buildTrainingGuide(sourceWith('draft'), 'ar', generatedAt).mark?.title).toBe('مسودة — غير مصادق عليها');
  });

  it('sums the programme up: operator, territory, period, funders, phases in order, the plan in figures', () => {
    const brief = buildTrainingGuide(sourceWith(), 'fr', generatedAt).brief!;
    expect(brief.description).toBe('Deux phases : diagnostic puis formation.');
    expect(brief.facts).toEqual([
      { label: 'Programme', value: 'Formation de 18 coopératives' },
      { label: 'Code', value: 'INJAZ-LSH-18' },
      { label: 'Opérateur', value: 'Injaz Al Maghrib' },
      { label: 'Territoire', value: 'Tarfaya et Boujdour' },
      { label: 'Période', value: 'du 25 juillet 2026 au 24 juillet 2027' },
      { label: 'Bailleurs', value: ['Fondation partenaire'] },
    ]);
    expect(brief.phases.table.rows).toEqual([
      ['Diagnostic participatif', '25 juillet 2026', '22 septembre 2026'],
      ['Formation', '23 septembre 2026', '6 décembre 2026'],
    ]);
    expect(brief.figures.facts.map((fact) => fact.value)).toEqual(['3', '8', '3', '2', '3', '2', '3', '2']);
  });

  it('counts, need by need, the cooperatives answered in a group, by coaching, or not and why', () => {
    const needs = buildTrainingGuide(sourceWith(), 'fr', generatedAt).needs!;
    // Domains in the framework's order: legal before finance.
    expect(needs.domains.map((domain) => domain.title)).toEqual(['Juridique', 'Financier et comptable']);
    const [legal, finance] = needs.domains;
    expect(legal!.table.rows.map((row) => row[0])).toEqual(['Le domaine dans son ensemble', 'Les statuts sont-ils conformes à la loi 112-12 telle que modifiée par la loi 74-16 ?']);
    expect(finance!.table.headers).toEqual(['Besoin', 'Coopératives', 'En groupe', 'En coaching', 'Sans réponse', 'Motifs']);
    expect(finance!.table.rows).toEqual([
      ['Comment la comptabilité est-elle tenue ?', '3', '3', '0', '0', []],
      ['La coopérative établit-elle un budget ?', '3', '0', '0', '3', ['Trop peu de coopératives à portée (2)', 'Calendrier saturé (1)']],
    ]);
  });

  it('details each module with a group or a coaching: objectives, outline, format, audience, prerequisites, materials, groups', () => {
    const modules = buildTrainingGuide(sourceWith(), 'fr', generatedAt).modules!;
    // FIN-BUDGET has no group and nobody coached on it: not in the guide.
    expect(modules.items.map((module) => module.code)).toEqual(['FIN-ACCOUNTING', 'LEG-COMPLIANCE']);
    const [module, coached] = modules.items;
    expect(module!.title).toBe('FIN-ACCOUNTING — Comptabilité simplifiée');
    expect(module!.facts).toEqual([
      { label: 'Format', value: 'Formation groupée' },
      { label: 'Durée totale', value: '5 h 30' },
      { label: 'Public', value: 'Trésorier(ère) et Gérant(e)' },
      { label: 'Prérequis', value: 'Aucun' },
    ]);
    expect(module!.objectives.items[0]).toBe('Tenir un journal de caisse et de banque');
    expect(module!.sequences.table.rows[1]).toEqual(['2. Le journal de caisse et de banque', '2 h', 'Exercice pratique sur les documents de la coopérative']);
    expect(module!.sequences.total).toBe('Durée des séquences : 5 h 30');
    expect(module!.materials.items).toContain('Calculatrices');
    expect(module!.groups.items[0]).toEqual({
      title: 'Groupe 1 — Tarfaya',
      facts: [
        { label: 'Calendrier', value: ['lundi 4 janvier 2027 (6 h)'] },
        { label: 'Lieu', value: 'Tarfaya' },
        { label: 'Formateur', value: 'Salma Idrissi' },
      ],
      participants: '2 coopératives participantes',
      cooperatives: ['Coopérative Akhfennir', 'Coopérative Tah'],
    });
    // An edited place is kept as typed; a trainer no longer known is to be named.
    expect(module!.groups.items[1]!.facts).toEqual([
      { label: 'Calendrier', value: ['lundi 11 janvier 2027 (6 h)', 'mardi 12 janvier 2027 (2 h)'] },
      { label: 'Lieu', value: 'Salle de la commune' },
      { label: 'Formateur', value: 'À désigner' },
    ]);
    expect(module!.groups.items[1]!.participants).toBe('1 coopérative participante');
    expect(coached!.groups.items).toEqual([]);
    expect(coached!.coached?.items).toEqual(['Coopérative Boujdour']);
    const withPrerequisite = buildTrainingGuide(
      sourceWith('approved', { plan: { version: 1, status: 'approved', createdAt: '2027-01-02T09:00:00Z', approvedAt: null, result: { ...result, coaching: [{ cooperativeId: 'tah', moduleId: budget, needKeys: ['finance.fin_budget'], priority: 20 }] } } }),
      'fr',
      generatedAt,
    ).modules!.items.find((item) => item.code === 'FIN-BUDGET')!;
    expect(withPrerequisite.facts.find((fact) => fact.label === 'Prérequis')!.value).toEqual(['FIN-ACCOUNTING — Comptabilité simplifiée']);
  });

  it('lists the coaching with its needs, and the workshops by date', () => {
    const guide = buildTrainingGuide(sourceWith(), 'fr', generatedAt);
    expect(guide.coaching!.table.rows).toEqual([
      ['Coopérative Boujdour', 'LEG-COMPLIANCE — Conformité juridique de la coopérative (loi 112-12)', ['Les statuts sont-ils conformes à la loi 112-12 telle que modifiée par la loi 74-16 ?', 'Juridique — Le domaine dans son ensemble']],
    ]);
    expect(guide.workshops!.table.rows).toEqual([
      ['lundi 1 mars 2027', 'Tarfaya', 'À désigner', '2'],
      ['lundi 5 avril 2027', 'Tarfaya', 'Salma Idrissi', '2'],
    ]);
  });

  it('ends with the path of every cooperative, by name, without the list of needs', () => {
    const annex = buildTrainingGuide(sourceWith(), 'fr', generatedAt).annex!;
    expect(annex.paths.map((path) => path.name)).toEqual(['Coopérative Akhfennir', 'Coopérative Boujdour', 'Coopérative Tah']);
    const boujdourPath = annex.paths[1]!;
    expect(boujdourPath.needs).toBeNull();
    expect(boujdourPath.provinceLine).toBe('Province : Boujdour');
    expect(boujdourPath.summary).toBe('4 besoins : 1 en groupe, 2 en coaching, 1 sans réponse');
    expect(boujdourPath.modules.table.rows).toEqual([
      [['FIN-ACCOUNTING — Comptabilité simplifiée', 'Groupe 2'], ['lundi 11 janvier 2027 (6 h)', 'mardi 12 janvier 2027 (2 h)'], 'Salle de la commune', 'À désigner'],
    ]);
    expect(boujdourPath.workshops.table.rows).toEqual([]);
    expect(boujdourPath.workshops.table.empty).toBe('Aucun atelier pratique n’est prévu dans ce plan.');
    expect(annex.paths[0]!.coaching).toBeNull();
  });

  it('speaks Arabic right to left, with Arabic names, province names and Western digits', () => {
    const guide = buildTrainingGuide(sourceWith(), 'ar', generatedAt);
    expect(guide).toMatchObject({ lang: 'ar', dir: 'rtl' });
    expect(guide.cover).toMatchObject({ title: 'دليل التكوين', subject: 'تكوين 18 تعاونية', otherName: 'Formation de 18 coopératives' });
    expect(guide.cover.facts.at(-1)!.value).toBe('صودق عليه بتاريخ 4 يناير 2027');
    const group = guide.modules!.items[0]!.groups.items[0]!;
    expect(group.title).toBe('المجموعة 1 — طرفاية');
    expect(group.facts[0]!.value).toEqual(['الاثنين، 4 يناير 2027 (6 س)']);
    expect(group.participants).toBe('تعاونيتان مشاركتان');
    // A cooperative without an Arabic name keeps its French one.
    expect(guide.annex!.paths.map((path) => path.name)).toContain('Coopérative Boujdour');
    expect(guide.needs!.domains[1]!.table.rows[1]![5]).toEqual(['عدد قليل من التعاونيات في المتناول (2)', 'الجدول الزمني ممتلئ (1)']);
    expect(JSON.stringify(guide)).not.toMatch(/[\u0660-\u0669]/);
  });

  it('speaks English too', () => {
    const guide = buildTrainingGuide(sourceWith(), 'en', generatedAt);
    expect(guide.cover.title).toBe('Training guide');
    expect(guide.modules!.items[0]!.groups.items[0]!.facts[0]!.value).toEqual(['Monday, 4 January 2027 (6 h)']);
  });
});

describe('the training path of a cooperative', () => {
  it('lists its needs by priority with their answer, its modules, its coaching and its workshops', () => {
    const path = buildTrainingPath(sourceWith('draft'), 'boujdour', 'fr', generatedAt)!;
    expect(path).toMatchObject({ kind: 'path', brief: null, needs: null, modules: null, annex: null });
    expect(path.mark?.title).toBe('Brouillon — non approuvé');
    expect(path.cover).toMatchObject({ title: 'Parcours de formation', subject: 'Coopérative Boujdour', otherName: null });
    expect(path.cover.facts.slice(0, 2)).toEqual([
      { label: 'Programme', value: 'Formation de 18 coopératives' },
      { label: 'Province', value: 'Boujdour' },
    ]);
    expect(path.path!.needs!.table.rows).toEqual([
      ['Financier et comptable', 'Comment la comptabilité est-elle tenue ?', '60', 'Formation groupée : FIN-ACCOUNTING, groupe 2'],
      ['Juridique', 'Les statuts sont-ils conformes à la loi 112-12 telle que modifiée par la loi 74-16 ?', '40', 'Coaching individuel : LEG-COMPLIANCE'],
      ['Juridique', 'Le domaine dans son ensemble', '30', 'Coaching individuel : LEG-COMPLIANCE'],
      ['Financier et comptable', 'La coopérative établit-elle un budget ?', '12,3', 'Sans réponse : Calendrier saturé'],
    ]);
    expect(path.path!.coaching!.table.rows).toHaveLength(1);
  });

  it('gives a cooperative its workshops, in Arabic with its Arabic name and the French one beside it', () => {
    const path = buildTrainingPath(sourceWith(), 'tah', 'ar', generatedAt)!;
    expect(path.cover).toMatchObject({ title: 'مسار التكوين', subject: 'تعاونية الطاح', otherName: 'Coopérative Tah' });
    expect(path.path!.workshops.table.rows).toEqual([
      ['الاثنين، 1 مارس 2027', 'طرفاية', 'سيُعيَّن لاحقًا'],
      ['الاثنين، 5 أبريل 2027', 'طرفاية', 'Salma Idrissi'],
    ]);
    expect(path.path!.summary).toBe('حاجتان: 1 في مجموعة، 0 بالمواكبة، 1 بدون استجابة');
  });

  it('knows only the cooperatives the plan names', () => {
    expect(planCooperativeIds(result).sort()).toEqual(['akhfennir', 'boujdour', 'tah']);
    expect(buildTrainingPath(sourceWith(), 'elsewhere', 'fr', generatedAt)).toBeUndefined();
  });
});
