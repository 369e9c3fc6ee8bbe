import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messages } from '../i18n/messages.js';
import { legalForms, sectorCodes } from '../registry/sectors.js';
import { addMonths, describeEligibilityReason, evaluateEligibility, translatorFor, wholeMonthsBetween, type EligibilityCooperative } from './eligibility.js';
import { eligibilityRulesSchema, type EligibilityRules } from './programme-settings.schema.js';

const noRules = eligibilityRulesSchema.parse({});
const tarfaya = { regionCodes: ['11'], provinceCodes: ['11.537'] };

const young: EligibilityCooperative = {
  creationDate: '2025-06-01',
  regionCode: '11',
  provinceCode: '11.537',
  sector: 'fisheries',
  legalForm: 'cooperative',
  membersTotal: 12,
  membersWomen: 7,
  membersYoung: 4,
};

const rules = (overrides: Partial<EligibilityRules>): EligibilityRules => ({ ...noRules, ...overrides });

describe('evaluateEligibility', () => {
  it('accepts a cooperative that passes every rule, with no reasons', () => {
    const result = evaluateEligibility(young, rules({ maxAgeMonths: 24, sectors: ['fisheries'], minMembers: 7, minWomenSharePercent: 50 }), tarfaya, '2026-01-10');
    expect(result).toEqual({ eligible: true, reasons: [] });
  });

  it('gives every failed rule of a refusal, not only the first', () => {
    const old = { ...young, creationDate: '2019-03-15', provinceCode: '09.541', regionCode: '09', sector: 'argan' as const, membersTotal: 5, legalForm: 'union' as const };
    const result = evaluateEligibility(
      old,
      rules({ maxAgeMonths: 24, sectors: ['fisheries'], legalForms: ['cooperative'], minMembers: 7 }),
      tarfaya,
      '2026-01-10',
    );
    expect(result.eligible).toBe(false);
    expect(result.reasons.map((reason) => reason.rule)).toEqual(['max_age', 'territory', 'sector', 'legal_form', 'min_members']);
    expect(result.reasons[0]?.params).toMatchObject({ maxMonths: 24, ageMonths: 81 });
  });

  it('refuses on the day after the maximum age, not on the day itself', () => {
    const rule = rules({ maxAgeMonths: 24, withinTerritory: false });
    expect(evaluateEligibility({ ...young, creationDate: '2024-01-10' }, rule, tarfaya, '2026-01-10').eligible).toBe(true);
    expect(evaluateEligibility({ ...young, creationDate: '2024-01-09' }, rule, tarfaya, '2026-01-10').eligible).toBe(false);
  });

  it('says when the creation date or the members are unknown', () => {
    const unknown = { ...young, creationDate: null, membersTotal: null, membersWomen: null };
    const result = evaluateEligibility(unknown, rules({ maxAgeMonths: 48, minMembers: 7, minWomenSharePercent: 50 }), tarfaya, '2026-01-10');
    expect(result.reasons.map((reason) => reason.rule)).toEqual(['age_unknown', 'members_unknown', 'shares_unknown']);
  });

  it('accepts a women’s or a youth cooperative when the shares combine with “any”', () => {
    const youth = { ...young, membersWomen: 1, membersYoung: 10 };
    const either = rules({ minWomenSharePercent: 50, minYoungSharePercent: 50, sharesCombine: 'any' });
    expect(evaluateEligibility(youth, either, tarfaya, '2026-01-10').eligible).toBe(true);
    expect(evaluateEligibility(youth, { ...either, sharesCombine: 'all' }, tarfaya, '2026-01-10').reasons.map((r) => r.rule)).toEqual(['women_share']);
    const neither = { ...young, membersWomen: 1, membersYoung: 1 };
    expect(evaluateEligibility(neither, either, tarfaya, '2026-01-10').reasons.map((r) => r.rule)).toEqual(['women_share', 'young_share']);
  });

  it('refuses a cooperative already in another active programme only when the rule asks', () => {
    const context = { activeProgrammeNames: ['Mourafaka'] };
    expect(evaluateEligibility(young, noRules, tarfaya, '2026-01-10', context).eligible).toBe(true);
    const result = evaluateEligibility(young, rules({ excludeIfInActiveProgramme: true }), tarfaya, '2026-01-10', context);
    expect(result.reasons).toEqual([{ rule: 'in_active_programme', params: { programmes: ['Mourafaka'] } }]);
  });

  it('accepts any place when the programme has no territory', () => {
    expect(evaluateEligibility({ ...young, provinceCode: '09.541', regionCode: '09' }, noRules, { regionCodes: [], provinceCodes: [] }, '2026-01-10').eligible).toBe(true);
    expect(evaluateEligibility({ ...young, provinceCode: '09.541', regionCode: '09' }, noRules, { regionCodes: ['09'], provinceCodes: [] }, '2026-01-10').eligible).toBe(true);
  });

  const cooperativeArbitrary = fc
    .record({
      creationDate: fc.option(fc.date({ min: new Date('1990-01-01'), max: new Date('2026-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10))),
      place: fc.constantFrom(['11', '11.537'], ['11', '11.531'], ['09', '09.541'], ['01', '01.141']),
      sector: fc.constantFrom(...sectorCodes),
      legalForm: fc.constantFrom(...legalForms),
      membersTotal: fc.option(fc.integer({ min: 0, max: 300 })),
      women: fc.integer({ min: 0, max: 300 }),
      youngCount: fc.integer({ min: 0, max: 300 }),
    })
    .map(({ place, women, youngCount, ...rest }): EligibilityCooperative => ({
      ...rest,
      regionCode: place[0]!,
      provinceCode: place[1]!,
      membersWomen: rest.membersTotal === null ? null : Math.min(women, rest.membersTotal),
      membersYoung: rest.membersTotal === null ? null : Math.min(youngCount, rest.membersTotal),
    }));

  const rulesArbitrary = fc
    .record({
      maxAgeMonths: fc.option(fc.integer({ min: 1, max: 120 })),
      withinTerritory: fc.boolean(),
      sectors: fc.uniqueArray(fc.constantFrom(...sectorCodes), { maxLength: 4 }),
      legalForms: fc.uniqueArray(fc.constantFrom(...legalForms), { maxLength: 2 }),
      minMembers: fc.option(fc.integer({ min: 0, max: 100 })),
      minWomenSharePercent: fc.option(fc.integer({ min: 0, max: 100 })),
      minYoungSharePercent: fc.option(fc.integer({ min: 0, max: 100 })),
      excludeIfInActiveProgramme: fc.boolean(),
    })
    .map((partial): EligibilityRules => ({ ...noRules, ...partial, sharesCombine: 'all' }));

  const asOf = fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const context = fc.record({ activeProgrammeNames: fc.array(fc.constantFrom('A', 'B'), { maxLength: 2 }) });

  it('is eligible exactly when there is no reason', () => {
    fc.assert(
      fc.property(cooperativeArbitrary, rulesArbitrary, asOf, context, (cooperative, rule, day, ctx) => {
        const result = evaluateEligibility(cooperative, rule, tarfaya, day, ctx);
        expect(result.eligible).toBe(result.reasons.length === 0);
      }),
    );
  });

  it('never turns a refusal into an acceptance when a rule is added', () => {
    fc.assert(
      fc.property(cooperativeArbitrary, rulesArbitrary, rulesArbitrary, asOf, context, (cooperative, base, extra, day, ctx) => {
        const before = evaluateEligibility(cooperative, base, tarfaya, day, ctx);
        // Every rule of `base`, plus whatever `extra` sets that `base` leaves open.
        const stricter: EligibilityRules = {
          ...base,
          maxAgeMonths: base.maxAgeMonths ?? extra.maxAgeMonths,
          withinTerritory: base.withinTerritory || extra.withinTerritory,
          sectors: base.sectors.length > 0 ? base.sectors : extra.sectors,
          legalForms: base.legalForms.length > 0 ? base.legalForms : extra.legalForms,
          minMembers: base.minMembers ?? extra.minMembers,
          minWomenSharePercent: base.minWomenSharePercent ?? extra.minWomenSharePercent,
          minYoungSharePercent: base.minYoungSharePercent ?? extra.minYoungSharePercent,
          excludeIfInActiveProgramme: base.excludeIfInActiveProgramme || extra.excludeIfInActiveProgramme,
        };
        const after = evaluateEligibility(cooperative, stricter, tarfaya, day, ctx);
        if (!before.eligible) expect(after.eligible).toBe(false);
        for (const reason of before.reasons) expect(after.reasons).toContainEqual(reason);
      }),
    );
  });

  it('accepts everyone when no rule applies', () => {
    fc.assert(
      fc.property(cooperativeArbitrary, asOf, context, (cooperative, day, ctx) => {
        expect(evaluateEligibility(cooperative, { ...noRules, withinTerritory: false }, tarfaya, day, ctx)).toEqual({ eligible: true, reasons: [] });
      }),
    );
  });
});

describe('months', () => {
  it('clamps to the end of the month as PostgreSQL does', () => {
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2024-02-29', -24)).toBe('2022-02-28');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
  });

  it('counts whole months', () => {
    expect(wholeMonthsBetween('2024-01-10', '2026-01-10')).toBe(24);
    expect(wholeMonthsBetween('2024-01-11', '2026-01-10')).toBe(23);
    expect(wholeMonthsBetween('2026-01-10', '2026-01-10')).toBe(0);
  });
});

describe('reasons in words', () => {
  const refusal = evaluateEligibility(
    { ...young, creationDate: '2019-03-15', provinceCode: '09.541', regionCode: '09', sector: 'argan' },
    rules({ maxAgeMonths: 24, sectors: ['fisheries', 'agrifood'] }),
    tarfaya,
    '2026-01-10',
  );

  it('reads every reason in French, Arabic and English, with places and sectors named', () => {
    for (const locale of ['fr', 'ar', 'en'] as const) {
      const t = translatorFor(messages[locale]);
      const texts = refusal.reasons.map((reason) => describeEligibilityReason(reason, t, locale));
      for (const text of texts) {
        expect(text).not.toMatch(/\{\{|eligibility\.|sectors\./);
      }
      if (locale === 'fr') {
        expect(texts[0]).toContain('24');
        expect(texts[1]).toContain('Tarfaya');
        expect(texts[2]).toContain('Argan');
      }
      if (locale === 'ar') expect(texts[1]).toContain('طرفاية');
    }
  });
});
