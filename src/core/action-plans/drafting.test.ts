import { describe, expect, it } from 'vitest';
import { defaultFrameworkDefinition as defaultFramework } from '../diagnostics/default-framework.js';
import { defaultCatalogue } from '../training/default-catalogue.js';
import { daysBetween } from './action-plan.rules.js';
import { actionPlanSchema, actionInputSchema } from './action-plan.schema.js';
import { assignPeople, chooseTemplates, draftActions, draftingWindow, needKeyOf, scheduleActions, type DraftingNeed } from './drafting.js';
import { actionTemplates } from './templates.js';

const question = (domainKey: string, questionKey: string, priority: number): DraftingNeed => ({ kind: 'question', domainKey, questionKey, priority });
const domain = (domainKey: string, priority: number): DraftingNeed => ({ kind: 'domain', domainKey, questionKey: null, priority });
const window = { from: '2027-03-01', to: '2027-08-31' };

describe('action templates', () => {
  const questions = defaultFramework.domains.flatMap((entry) => entry.questions.map((item) => ({ domainKey: entry.key, ...item })));

  it('answer every scored question of the default framework, with modules of the catalogue', () => {
    const scored = questions.filter((item) => item.type !== 'text' && item.weight > 0);
    const answered = new Set(actionTemplates.flatMap((template) => template.needKeys));
    expect(scored.filter((item) => !answered.has(item.key)).map((item) => item.key)).toEqual([]);
    const modules = new Set(defaultCatalogue.map((module) => module.code));
    for (const template of actionTemplates) if (template.moduleCode) expect(modules, template.code).toContain(template.moduleCode);
  });

  it('name real questions and domains, in three languages, with codes used once', () => {
    const keys = new Set(questions.map((item) => item.key));
    const domains = new Set(defaultFramework.domains.map((entry) => entry.key));
    expect(new Set(actionTemplates.map((template) => template.code)).size).toBe(actionTemplates.length);
    for (const template of actionTemplates) {
      expect(domains).toContain(template.domainKey);
      for (const key of template.needKeys) expect(keys, template.code).toContain(key);
      for (const text of [template.title, template.description, ...template.indicators.flatMap((indicator) => [indicator.label, indicator.unit])]) {
        expect(text.fr && text.ar && text.en, template.code).toBeTruthy();
        expect(text.ar, template.code).toMatch(/[\u0600-\u06FF%]/);
      }
      expect(template.indicators.map((indicator) => indicator.kind).sort()).toEqual(['monitoring', 'performance']);
    }
  });
});

describe('drafting from needs', () => {
  it('gives each leading need an action, one per template however many needs it answers, highest priority first', () => {
    const needs = [question('finance', 'fin_cash_control', 5), question('finance', 'fin_bookkeeping', 9), question('legal', 'legal_statutes', 7), domain('finance', 12)];
    const chosen = chooseTemplates(needs);
    expect(chosen.map((entry) => entry.template.code)).toEqual(['AP-FIN-BOOKS', 'AP-LEG-STATUTES']);
    expect(chosen[0]!.needKeys).toEqual(['finance.fin_bookkeeping', 'finance.fin_cash_control', 'finance']);
  });

  it('stops at the most pressing needs, and a domain alone gets its first action', () => {
    const needs = [question('marketing', 'mkt_pricing', 9), question('production', 'prod_stock', 8), question('strategy', 'strat_annual_plan', 1), domain('governance', 4)];
    const chosen = chooseTemplates(needs, { maxActions: 3 });
    expect(chosen.map((entry) => entry.template.code)).toEqual(['AP-MKT-PRICING', 'AP-PROD-STOCK', 'AP-STR-ANNUAL']);
    expect(chooseTemplates(needs, { maxActions: 4 }).map((entry) => entry.template.code)).toContain('AP-GOV-ASSEMBLY');
  });

  it('falls back to a domain action for a question no template knows', () => {
    const chosen = chooseTemplates([question('water', 'water_meter', 3)], { domainLabels: { water: { fr: 'Eau', ar: 'الماء', en: 'Water' } } });
    expect(chosen[0]!.template.code).toBe('AP-DOMAIN-WATER');
    expect(chosen[0]!.template.title.ar).toContain('الماء');
  });

  it('is deterministic whatever the order of the needs', () => {
    const needs = [question('finance', 'fin_budget', 4), question('marketing', 'mkt_packaging', 4), domain('marketing', 6), question('governance', 'gov_board', 2)];
    const once = draftActions(needs, { window, locale: 'fr' });
    expect(draftActions([...needs].reverse(), { window, locale: 'fr' })).toEqual(once);
    expect(once.map((action) => action.templateCode)).toEqual(['AP-FIN-BUDGET', 'AP-MKT-PACKAGING', 'AP-GOV-BOARD']);
  });

  it('writes in the language asked, with indicators dated from the action', () => {
    const [action] = draftActions([question('finance', 'fin_bank_account', 3)], { window, locale: 'ar' });
    expect(action!.title).toBe('فتح حساب بنكي باسم التعاونية');
    expect(action!.indicators.map((indicator) => indicator.kind)).toEqual(['monitoring', 'performance']);
    expect(action!.indicators[0]!.targetDate).toBe(action!.dueOn);
    expect(action!.indicators[1]!.targetDate > action!.dueOn).toBe(true);
    expect(action!.indicators[1]!.targetDate <= window.to).toBe(true);
  });

  it('makes actions the schema accepts', () => {
    const needs = defaultFramework.domains.flatMap((entry) => entry.questions.map((item, index) => question(entry.key, item.key, 10 - index)));
    const drafted = draftActions(needs, { window, locale: 'en', maxActions: 30 });
    expect(drafted.length).toBeGreaterThan(20);
    for (const action of drafted) {
      const parsed = actionInputSchema.safeParse({ ...action, executorKind: 'consultant', stakeholders: [] });
      expect(parsed.success, action.templateCode).toBe(true);
    }
    expect(actionPlanSchema).toBeDefined();
  });
});

describe('scheduling', () => {
  it('starts the first at once and spreads the others over the first half of the window', () => {
    const dates = scheduleActions([30, 60, 90], window);
    expect(dates[0]).toEqual({ startsOn: '2027-03-01', dueOn: '2027-03-30' });
    expect(dates.map((date) => date.startsOn)).toEqual(['2027-03-01', '2027-04-16', '2027-06-01']);
    for (const date of dates) expect(date.dueOn <= window.to).toBe(true);
  });

  it('cuts an action at the end of a short window, never before its start', () => {
    const dates = scheduleActions([180, 180], { from: '2027-01-01', to: '2027-01-10' });
    expect(dates).toEqual([
      { startsOn: '2027-01-01', dueOn: '2027-01-10' },
      { startsOn: '2027-01-06', dueOn: '2027-01-10' },
    ]);
    expect(scheduleActions([5], { from: '2027-01-01', to: '2027-01-01' })).toEqual([{ startsOn: '2027-01-01', dueOn: '2027-01-01' }]);
  });

  it('places the plan in the accompaniment, from today once it has begun', () => {
    const accompaniment = { startsOn: '2027-05-01', endsOn: '2027-11-30' };
    expect(draftingWindow({ accompaniment, programme: null }, '2027-03-10')).toEqual({ from: '2027-05-01', to: '2027-11-30' });
    expect(draftingWindow({ accompaniment, programme: null }, '2027-06-15')).toEqual({ from: '2027-06-15', to: '2027-11-30' });
    const late = draftingWindow({ accompaniment, programme: null }, '2027-11-20');
    expect(late.from).toBe('2027-11-20');
    expect(daysBetween(late.from, late.to)).toBe(89);
    expect(draftingWindow({ accompaniment: null, programme: null }, '2027-01-01')).toEqual({ from: '2027-01-01', to: '2027-06-29' });
  });
});

describe('assigning people', () => {
  const [books, packaging, fairs, onssa] = draftActions(
    [question('finance', 'fin_bookkeeping', 9), question('marketing', 'mkt_packaging', 8), question('marketing', 'mkt_fairs_last_year', 7), question('legal', 'legal_sanitary_authorisation', 6)],
    { window, locale: 'fr' },
  );
  const organisations = [
    { id: 'o-chamber-other', kind: 'chamber', regionCode: '09', nameFr: 'Chambre Souss' },
    { id: 'o-chamber-here', kind: 'chamber', regionCode: '11', nameFr: 'Chambre Laâyoune' },
    { id: 'o-agency', kind: 'public_agency', regionCode: null, nameFr: 'Agence nationale' },
    { id: 'o-buyer', kind: 'buyer', regionCode: null, nameFr: 'Centrale d’achat' },
  ];
  const people = { members: [{ id: 'm-president', role: 'president' }, { id: 'm-treasurer', role: 'treasurer' }], consultantId: 'u-consultant', organisations, regionCode: '11' };

  it('names the member of the office, the consultant, or the partner organisation', () => {
    const [a, b, c, d] = assignPeople([books!, packaging!, fairs!, onssa!], people);
    expect(a).toMatchObject({ executorKind: 'member', executorMemberId: 'm-treasurer' });
    expect(b).toMatchObject({ executorKind: 'organisation', executorOrganisationId: 'o-chamber-here', stakeholderIds: ['o-chamber-here', 'o-buyer'] });
    expect(c).toMatchObject({ executorKind: 'member', executorMemberId: 'm-president', stakeholderIds: ['o-chamber-here', 'o-agency'] });
    expect(d).toMatchObject({ executorKind: 'consultant', executorUserId: 'u-consultant' });
  });

  it('falls back to the president, then to the consultant', () => {
    expect(assignPeople([books!], { ...people, members: [{ id: 'm-president', role: 'president' }] })[0]).toMatchObject({ executorMemberId: 'm-president' });
    expect(assignPeople([books!], { ...people, members: [] })[0]).toMatchObject({ executorKind: 'consultant', executorUserId: 'u-consultant' });
    expect(assignPeople([packaging!], { ...people, organisations: [] })[0]).toMatchObject({ executorKind: 'consultant', stakeholderIds: [] });
  });

  it('keeps needs keyed like the training plan', () => {
    expect(needKeyOf({ domainKey: 'finance', questionKey: null })).toBe('finance');
    expect(needKeyOf({ domainKey: 'finance', questionKey: 'fin_budget' })).toBe('finance.fin_budget');
  });
});
