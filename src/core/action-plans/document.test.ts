import { describe, expect, it } from 'vitest';
import { defaultFrameworkDefinition } from '../diagnostics/default-framework.js';
import type { Need } from '../diagnostics/diagnostic.schema.js';
import { buildActionPlanDocument, inDocumentLanguage, layoutTimeline, leadingNeedsShown, type ActionPlanDocumentSource, type SourceAction } from './document.js';

const generatedAt = new Date('2027-03-10T10:00:00Z');

function action(overrides: Partial<SourceAction> = {}): SourceAction {
  return {
    position: 0,
    title: 'Tenir le journal de caisse',
    description: null,
    domainKey: 'finance',
    needKeys: ['finance.fin_bookkeeping'],
    executor: { kind: 'member', name: { fr: 'Fatima Zahra El Idrissi', ar: null, en: null }, memberRole: 'treasurer', label: null },
    startsOn: '2026-09-01',
    dueOn: '2026-12-15',
    agreedDueOn: '2026-12-15',
    status: 'in_progress',
    progress: 50,
    doneOn: null,
    budgetMad: 4500,
    financingSource: 'programme',
    stakeholders: [],
    indicators: [],
    ...overrides,
  };
}

const need = (questionKey: string | null, domainKey: string, priority: number): Need => ({
  kind: questionKey ? 'question' : 'domain',
  domainKey,
  questionKey,
  score: 20.4,
  threshold: 60,
  gap: 39.6,
  weight: 1,
  priority,
});

function source(overrides: Partial<ActionPlanDocumentSource> = {}): ActionPlanDocumentSource {
  return {
    programme: { code: 'INJAZ-LSH-18', name: { fr: 'Accompagnement de 18 coopératives', ar: 'مواكبة 18 تعاونية', en: null }, operator: { fr: 'Injaz Al Maghrib', ar: 'إنجاز المغرب', en: null } },
    cooperative: { nameFr: 'Coopérative Tah', nameAr: 'تعاونية الطاح', registrationNumber: 'LAA-007', provinceCode: '11.537', sector: 'fisheries', valueChain: 'Poisson séché' },
    plan: { status: 'draft', revision: 3, updatedAt: '2026-09-10T23:30:00Z', acceptedAt: null, acceptedByName: null, acceptedOnPaper: false, acceptanceNote: null },
    signatories: { representative: 'Mohamed Ould Ahmed', consultant: null },
    diagnostic: { validatedAt: '2026-08-28T11:00:00Z', needs: [need('fin_bookkeeping', 'finance', 80), need(null, 'governance', 10), need('legal_statutes', 'legal', 40)] },
    frameworks: [defaultFrameworkDefinition],
    actions: [action()],
    ...overrides,
  };
}

describe('the action plan document', () => {
  it('opens on the cooperative, its programme, registration number, province, sector and the plan’s status, in Morocco’s day', () => {
    const document = buildActionPlanDocument(source(), 'fr', generatedAt);
    expect(document).toMatchObject({ lang: 'fr', dir: 'ltr', title: 'Plan d’action — Coopérative Tah' });
    expect(document.cover).toEqual({
      title: 'Plan d’action',
      subject: 'Coopérative Tah',
      otherName: 'تعاونية الطاح',
      facts: [
        { label: 'Programme', value: 'Accompagnement de 18 coopératives' },
        { label: 'Opérateur', value: 'Injaz Al Maghrib' },
        { label: 'N° d’immatriculation', value: 'LAA-007' },
        { label: 'Province', value: 'Tarfaya' },
        { label: 'Secteur', value: 'Pêche — Poisson séché' },
        { label: 'Statut du plan', value: 'Projet' },
        { label: 'Révision', value: '3' },
        // 23:30 UTC is the next day in Morocco.
        { label: 'Dernière mise à jour', value: '11 septembre 2026' },
      ],
    });
    expect(document.footer).toEqual({ text: 'Taawon — plan d’action', generated: 'Généré le 10 mars 2027', pageNumber: 'Page {{page}} sur {{total}}' });
  });

  it('marks a draft on every page, and not an accepted plan', () => {
    expect(buildActionPlanDocument(source(), 'fr', generatedAt).mark?.title).toBe('Projet — non encore accepté');
    expect(buildActionPlanDocument(source(), 'ar', generatedAt).mark?.title).toBe('مشروع — لم تتم الموافقة عليه بعد');
    const agreed = source({ plan: { status: 'agreed', revision: 4, updatedAt: '2026-09-20T10:00:00Z', acceptedAt: '2026-09-20T10:00:00Z', acceptedByName: 'Mohamed Ould Ahmed', acceptedOnPaper: false, acceptanceNote: null } });
    expect(buildActionPlanDocument(agreed, 'fr', generatedAt).mark).toBeNull();
  });

  it('sums the plan up: actions by status, period, average progress without the cancelled, budget by source', () => {
    const actions = [
      action({ progress: 100, status: 'done', budgetMad: 4500, financingSource: 'programme' }),
      action({ position: 1, progress: 20, budgetMad: 10000.5, financingSource: 'own_funds', dueOn: '2027-05-31', agreedDueOn: null }),
      action({ position: 2, status: 'cancelled', progress: 0, budgetMad: 120000, financingSource: 'loan' }),
      action({ position: 3, status: 'planned', progress: 0, budgetMad: null, financingSource: null, indicators: [{ kind: 'monitoring', label: 'x', unit: 'u', baseline: null, target: 1, targetDate: null, measurements: [] }] }),
    ];
    const summary = buildActionPlanDocument(source({ actions }), 'fr', generatedAt).summary;
    expect(summary.facts).toEqual([
      { label: 'Actions', value: '4' },
      { label: 'Période', value: 'du 1 septembre 2026 au 31 mai 2027' },
      { label: 'Actions par statut', value: ['Prévue : 1', 'En cours : 1', 'Réalisée : 1', 'Annulée : 1'] },
      { label: 'Avancement moyen', value: '40\u00a0%' },
      { label: 'Budget total', value: '14.500,5 MAD' },
      { label: 'Budget par source de financement', value: ['Programme : 4.500 MAD', 'Fonds propres : 10.000,5 MAD'] },
      { label: 'Indicateurs', value: '1' },
    ]);
  });

  it('lists the diagnostic’s leading needs by priority with the actions answering them, and those beyond the leading ones that an action answers', () => {
    const many = Array.from({ length: leadingNeedsShown + 2 }, (_, index) => need(null, `domain_${index}`, 100 - index));
    const actions = [action({ needKeys: ['domain_9'] }), action({ position: 1, needKeys: ['legal.legal_statutes', 'domain_0'] })];
    const needs = buildActionPlanDocument(source({ diagnostic: { validatedAt: null, needs: many }, actions }), 'fr', generatedAt).needs;
    expect(needs.intro).toBe('Les besoins prioritaires révélés par le diagnostic de référence, et les actions qui y répondent.');
    expect(needs.table.rows.map((row) => row[0])).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '10']);
    expect(needs.table.rows[0]).toEqual(['1', 'domain_0', 'Le domaine dans son ensemble', '20 (60)', ['Action 2']]);
    expect(needs.table.rows[1]![4]).toBe('Aucune action');
    expect(needs.table.rows.at(-1)![4]).toEqual(['Action 1']);

    const ranked = buildActionPlanDocument(source(), 'fr', generatedAt).needs;
    expect(ranked.intro).toBe('Les besoins prioritaires révélés par le diagnostic de référence validé le 28 août 2026, et les actions qui y répondent.');
    expect(ranked.table.rows.map((row) => [row[1], row[2]])).toEqual([
      ['Financier et comptable', 'Comment la comptabilité est-elle tenue ?'],
      ['Juridique', 'Les statuts sont-ils conformes à la loi 112-12 telle que modifiée par la loi 74-16 ?'],
      ['Gouvernance', 'Le domaine dans son ensemble'],
    ]);
  });

  it('without a diagnostic, lists the needs the actions name', () => {
    const actions = [action({ needKeys: ['finance.fin_bookkeeping', 'governance'] }), action({ position: 1, needKeys: ['governance'] })];
    const needs = buildActionPlanDocument(source({ diagnostic: null, actions }), 'fr', generatedAt).needs;
    expect(needs.intro).toBe('Les besoins que les actions du plan déclarent traiter.');
    expect(needs.table.rows).toEqual([
      ['—', 'Financier et comptable', 'Comment la comptabilité est-elle tenue ?', '—', ['Action 1']],
      ['—', 'Gouvernance', 'Le domaine dans son ensemble', '—', ['Action 1', 'Action 2']],
    ]);
  });

  it('details each action in the plan’s order: needs, executor, dates, a moved due date, status, budget, stakeholders', () => {
    const actions = [
      action({
        position: 2,
        title: 'Réviser les statuts',
        description: '  Avec l’ODCO.  ',
        domainKey: 'legal',
        needKeys: ['legal.legal_statutes', 'legal'],
        executor: { kind: 'organisation', name: { fr: 'Office du développement de la coopération', ar: 'مكتب تنمية التعاون', en: null }, memberRole: null, label: null },
        startsOn: '2026-10-01',
        dueOn: '2027-03-31',
        agreedDueOn: '2027-01-31',
        status: 'blocked',
        progress: 30,
        budgetMad: null,
        financingSource: null,
        stakeholders: [
          { name: { fr: 'Office du développement de la coopération', ar: 'مكتب تنمية التعاون', en: null }, acronym: 'ODCO', role: 'Appui juridique' },
          { name: { fr: 'Commune de Tarfaya', ar: 'جماعة طرفاية', en: null }, acronym: null, role: null },
        ],
      }),
      action({ position: 0, executor: { kind: 'consultant', name: null, memberRole: null, label: null }, doneOn: '2026-12-10', status: 'done', progress: 100 }),
    ];
    const [first, second] = buildActionPlanDocument(source({ actions }), 'fr', generatedAt).actions.items;
    expect(first!.heading).toBe('1. Tenir le journal de caisse');
    expect(first!.facts).toContainEqual({ label: 'Responsable', value: 'À désigner — Consultant(e) du programme' });
    expect(first!.facts).toContainEqual({ label: 'Achevée le', value: '10 décembre 2026' });
    expect(second).toMatchObject({ number: '2', heading: '2. Réviser les statuts', description: 'Avec l’ODCO.', status: 'blocked', statusLabel: 'Bloquée' });
    expect(second!.facts).toEqual([
      { label: 'Domaine', value: 'Juridique' },
      { label: 'Besoins traités', value: ['Les statuts sont-ils conformes à la loi 112-12 telle que modifiée par la loi 74-16 ?', 'Juridique — Le domaine dans son ensemble'] },
      { label: 'Responsable', value: 'Office du développement de la coopération — Organisation partenaire' },
      { label: 'Calendrier', value: 'du 1 octobre 2026 au 31 mars 2027' },
      { label: 'Échéance convenue', value: '31 janvier 2027 (reportée au 31 mars 2027)' },
      { label: 'Statut', value: 'Bloquée' },
      { label: 'Avancement', value: '30\u00a0%' },
      { label: 'Budget', value: 'Sans budget' },
    ]);
    expect(second!.stakeholders.items).toEqual(['Office du développement de la coopération (ODCO) — Appui juridique', 'Commune de Tarfaya']);

    const arabic = buildActionPlanDocument(source({ actions }), 'ar', generatedAt).actions.items;
    expect(arabic[0]!.facts).toContainEqual({ label: 'الميزانية', value: '4.500 درهم' });
    expect(arabic[1]!.facts).toContainEqual({ label: 'المسؤول عن التنفيذ', value: 'مكتب تنمية التعاون — هيئة شريكة' });
    expect(arabic[1]!.stakeholders.items[1]).toBe('جماعة طرفاية');
    // A member is named with their office in the cooperative.
    expect(buildActionPlanDocument(source(), 'ar', generatedAt).actions.items[0]!.facts).toContainEqual({ label: 'المسؤول عن التنفيذ', value: 'Fatima Zahra El Idrissi — أمين(ة) المال' });
  });

  it('gives each indicator its baseline, target, latest value, share of the target reached and history, monitoring first', () => {
    const indicators: SourceAction['indicators'] = [
      {
        kind: 'performance',
        label: 'Chiffre d’affaires mensuel',
        unit: 'MAD',
        baseline: 3500,
        target: 12000,
        targetDate: '2027-09-30',
        measurements: [
          { measuredOn: '2027-02-03', value: 5100.5, note: null },
          { measuredOn: '2026-12-01', value: 3500, note: null },
          { measuredOn: '2027-03-02', value: 6800, note: 'Nouveau client' },
        ],
      },
      { kind: 'monitoring', label: 'Travaux réalisés', unit: '%', baseline: null, target: 100, targetDate: null, measurements: [] },
    ];
    const table = buildActionPlanDocument(source({ actions: [action({ indicators })] }), 'fr', generatedAt).actions.items[0]!.indicators.table;
    expect(table.headers).toEqual(['Indicateur', 'Situation de départ', 'Cible', 'Dernière mesure', 'Mesures']);
    expect(table.rows).toEqual([
      [['Travaux réalisés', 'Suivi (réalisation)', 'Unité : %'], '—', '100', 'Pas encore mesuré', []],
      [
        ['Chiffre d’affaires mensuel', 'Performance (résultat)', 'Unité : MAD'],
        '3.500',
        ['12.000', 'au 30 septembre 2027'],
        // (6800 − 3500) ÷ (12000 − 3500) = 38.8 %
        ['6.800', 'le 2 mars 2027', '39\u00a0% de l’objectif'],
        ['1 décembre 2026 : 3.500', '3 février 2027 : 5.100,5', '2 mars 2027 : 6.800 — Nouveau client'],
      ],
    ]);
  });

  it('lays the actions out month by month with today’s column, the delay past the agreed due date in its own colour', () => {
    const actions = [
      action({ startsOn: '2026-09-01', dueOn: '2026-12-15', agreedDueOn: '2026-10-31', status: 'done' }),
      action({ position: 1, startsOn: '2027-01-10', dueOn: '2027-03-05', agreedDueOn: null, status: 'planned' }),
    ];
    const timeline = buildActionPlanDocument(source({ actions }), 'fr', generatedAt).timeline!;
    expect(timeline.groups).toEqual([
      { label: '2026', span: 4 },
      { label: '2027', span: 3 },
    ]);
    expect(timeline.columns).toEqual(['sept.', 'oct.', 'nov.', 'déc.', 'jan.', 'fév.', 'mar.']);
    expect(timeline.current).toBe(6);
    expect(timeline.rows).toEqual([
      { label: '1', title: 'Tenir le journal de caisse', tone: 'done', cells: ['active', 'active', 'late', 'late', 'none', 'none', 'none'] },
      { label: '2', title: 'Tenir le journal de caisse', tone: 'planned', cells: ['none', 'none', 'none', 'none', 'active', 'active', 'active'] },
    ]);
    expect(timeline.legend).toEqual([
      { tone: 'planned', label: 'Prévue' },
      { tone: 'done', label: 'Réalisée' },
      { tone: 'late', label: 'Retard sur l’échéance convenue' },
    ]);
    expect(buildActionPlanDocument(source({ actions: [] }), 'fr', generatedAt).timeline).toBeNull();
  });

  it('numbers the months beyond a year, and counts quarters beyond two', () => {
    const long = layoutTimeline([{ startsOn: '2026-01-15', dueOn: '2027-06-30', agreedDueOn: null }], '2025-12-31');
    expect(long).toMatchObject({ byQuarter: false, current: null });
    expect(long.periods).toHaveLength(18);
    const labels = buildActionPlanDocument(source({ actions: [action({ startsOn: '2026-01-15', dueOn: '2027-06-30', agreedDueOn: null })] }), 'fr', generatedAt).timeline!.columns;
    expect(labels.slice(0, 3)).toEqual(['01', '02', '03']);

    const quarters = layoutTimeline([{ startsOn: '2026-02-01', dueOn: '2028-08-31', agreedDueOn: '2028-05-31' }], '2027-05-02');
    expect(quarters.byQuarter).toBe(true);
    expect(quarters.periods[0]).toEqual({ year: 2026, index: 0 });
    expect(quarters.periods).toHaveLength(11);
    expect(quarters.current).toBe(5);
    // The quarter holding the agreed due date stays planned; the next one is late.
    expect(quarters.cells[0]!.slice(-2)).toEqual(['active', 'late']);
  });

  it('closes on signature lines for a draft, and on who accepted it and when once accepted', () => {
    const draft = buildActionPlanDocument(source(), 'fr', generatedAt).acceptance;
    expect(draft.accepted).toBeNull();
    expect(draft.signatures?.blocks).toEqual([
      { title: 'Pour la coopérative', lines: [{ label: 'Nom', value: 'Mohamed Ould Ahmed' }, { label: 'Date', value: '' }, { label: 'Signature', value: '' }] },
      { title: 'Le consultant', lines: [{ label: 'Nom', value: '' }, { label: 'Date', value: '' }, { label: 'Signature', value: '' }] },
    ]);

    const accepted = (acceptedOnPaper: boolean, locale: 'fr' | 'ar' = 'fr') =>
      buildActionPlanDocument(
        source({ plan: { status: 'agreed', revision: 4, updatedAt: '2026-09-20T10:00:00Z', acceptedAt: '2026-09-20T10:00:00Z', acceptedByName: 'Youssef Amrani', acceptedOnPaper, acceptanceNote: ' Signé en AG. ' } }),
        locale,
        generatedAt,
      ).acceptance;
    expect(accepted(false)).toEqual({
      title: 'Acceptation du plan',
      accepted: { text: 'Plan accepté par Youssef Amrani le 20 septembre 2026.', note: { label: 'Observation', value: 'Signé en AG.' } },
      signatures: null,
    });
    expect(accepted(true).accepted?.text).toBe('Plan accepté le 20 septembre 2026 ; acceptation signée sur papier, enregistrée par Youssef Amrani.');
    expect(accepted(false, 'ar').accepted?.text).toBe('وافق على الخطة Youssef Amrani بتاريخ 20 شتنبر 2026.');
  });

  it('writes Arabic right to left with Western digits and Moroccan month names', () => {
    const document = buildActionPlanDocument(source(), 'ar', generatedAt);
    expect(document).toMatchObject({ dir: 'rtl', title: 'خطة العمل — تعاونية الطاح' });
    expect(document.cover.otherName).toBe('Coopérative Tah');
    expect(document.cover.facts).toContainEqual({ label: 'الإقليم', value: 'طرفاية' });
    expect(document.summary.facts).toContainEqual({ label: 'المدة', value: 'من 1 شتنبر 2026 إلى 15 دجنبر 2026' });
    expect(document.timeline!.columns).toEqual(['شتنبر', 'أكتوبر', 'نونبر', 'دجنبر']);
    expect(document.footer.generated).toBe('أُنشئ بتاريخ 10 مارس 2027');
  });
});

describe('a stored text in the document’s language', () => {
  const template = { fr: 'Établir le budget', ar: 'إعداد الميزانية', en: 'Draw up the budget' };

  it('is the template’s text in that language while it is still one of the template’s', () => {
    expect(inDocumentLanguage('Établir le budget', template, 'ar')).toBe('إعداد الميزانية');
    expect(inDocumentLanguage(' إعداد الميزانية ', template, 'fr')).toBe('Établir le budget');
  });

  it('is the text as typed once reworded, or without a template', () => {
    expect(inDocumentLanguage('Établir le budget 2027', template, 'ar')).toBe('Établir le budget 2027');
    expect(inDocumentLanguage('Établir le budget', undefined, 'ar')).toBe('Établir le budget');
  });
});
