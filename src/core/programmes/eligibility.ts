import { z } from 'zod';
import type { LegalForm, SectorCode } from '../registry/sectors.js';
import { getProvince, getRegion } from '../territories/territories.js';
import type { EligibilityRules } from './programme-settings.schema.js';

/**
 * Eligibility of a cooperative for a programme: a pure function of the
 * cooperative, the programme's rules and territory, and the day of enrolment.
 * A refusal lists every rule that fails, as a code with its parameters; the
 * words come from the messages (`eligibility.reasons.<rule>`) in the reader's
 * language.
 */

export const eligibilityRuleCodes = [
  'max_age',
  'age_unknown',
  'territory',
  'sector',
  'legal_form',
  'min_members',
  'members_unknown',
  'women_share',
  'young_share',
  'shares_unknown',
  'in_active_programme',
] as const;
export type EligibilityRuleCode = (typeof eligibilityRuleCodes)[number];

export const eligibilityReasonSchema = z.object({
  rule: z.enum(eligibilityRuleCodes),
  params: z.record(z.string(), z.unknown()),
});
export type EligibilityReason = z.infer<typeof eligibilityReasonSchema>;

/** What the rules read of a cooperative (a registry row has all of it). */
export interface EligibilityCooperative {
  creationDate: string | null;
  regionCode: string;
  provinceCode: string;
  sector: SectorCode;
  legalForm: LegalForm;
  membersTotal: number | null;
  membersWomen: number | null;
  membersYoung: number | null;
}

export interface EligibilityResult {
  eligible: boolean;
  reasons: EligibilityReason[];
}

function parseDate(value: string): { year: number; month: number; day: number } {
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `date` moved by `months` calendar months, the day clamped to the month's end (as PostgreSQL's `date - interval`). */
export function addMonths(date: string, months: number): string {
  const { year, month, day } = parseDate(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const targetDay = Math.min(day, daysInMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}

/** Whole months from `from` to `to`: the most months one can add to `from` without passing `to` (negative when `to` is earlier). */
export function wholeMonthsBetween(from: string, to: string): number {
  if (to < from) return -wholeMonthsBetween(to, from);
  const a = parseDate(from);
  const b = parseDate(to);
  const months = (b.year - a.year) * 12 + (b.month - a.month);
  return addMonths(from, months) > to ? months - 1 : months;
}

/** The oldest creation date a cooperative may have to pass `maxAgeMonths` on `asOf`. */
export function oldestCreationDate(asOf: string, maxAgeMonths: number): string {
  return addMonths(asOf, -maxAgeMonths);
}

function share(part: number | null, total: number | null): number | null {
  if (part === null || total === null || total <= 0) return null;
  // Integer arithmetic first, as the SQL filter does: the same rounding on both sides.
  return Math.round((part * 1000) / total) / 10;
}

/** Whether the cooperative is in the programme's territory; a programme without territory accepts any place. */
export function isWithinTerritory(cooperative: Pick<EligibilityCooperative, 'regionCode' | 'provinceCode'>, programme: { regionCodes: string[]; provinceCodes: string[] }): boolean {
  if (programme.provinceCodes.length > 0) return programme.provinceCodes.includes(cooperative.provinceCode);
  if (programme.regionCodes.length > 0) return programme.regionCodes.includes(cooperative.regionCode);
  return true;
}

export function evaluateEligibility(
  cooperative: EligibilityCooperative,
  rules: EligibilityRules,
  programme: { regionCodes: string[]; provinceCodes: string[] },
  asOf: string,
  context?: { activeProgrammeNames: string[] },
): EligibilityResult {
  const reasons: EligibilityReason[] = [];

  if (rules.maxAgeMonths !== null) {
    if (!cooperative.creationDate) {
      reasons.push({ rule: 'age_unknown', params: { maxMonths: rules.maxAgeMonths } });
    } else if (cooperative.creationDate < oldestCreationDate(asOf, rules.maxAgeMonths)) {
      reasons.push({
        rule: 'max_age',
        params: { maxMonths: rules.maxAgeMonths, ageMonths: wholeMonthsBetween(cooperative.creationDate, asOf), creationDate: cooperative.creationDate },
      });
    }
  }

  if (rules.withinTerritory && !isWithinTerritory(cooperative, programme)) {
    reasons.push({
      rule: 'territory',
      params: { regionCode: cooperative.regionCode, provinceCode: cooperative.provinceCode, regionCodes: programme.regionCodes, provinceCodes: programme.provinceCodes },
    });
  }

  if (rules.sectors.length > 0 && !rules.sectors.includes(cooperative.sector)) {
    reasons.push({ rule: 'sector', params: { sector: cooperative.sector, allowed: rules.sectors } });
  }

  if (rules.legalForms.length > 0 && !rules.legalForms.includes(cooperative.legalForm)) {
    reasons.push({ rule: 'legal_form', params: { legalForm: cooperative.legalForm, allowed: rules.legalForms } });
  }

  if (rules.minMembers !== null) {
    if (cooperative.membersTotal === null) reasons.push({ rule: 'members_unknown', params: { minMembers: rules.minMembers } });
    else if (cooperative.membersTotal < rules.minMembers) {
      reasons.push({ rule: 'min_members', params: { minMembers: rules.minMembers, members: cooperative.membersTotal } });
    }
  }

  const shareRules: Array<{ rule: 'women_share' | 'young_share'; min: number; value: number | null }> = [];
  if (rules.minWomenSharePercent !== null) {
    shareRules.push({ rule: 'women_share', min: rules.minWomenSharePercent, value: share(cooperative.membersWomen, cooperative.membersTotal) });
  }
  if (rules.minYoungSharePercent !== null) {
    shareRules.push({ rule: 'young_share', min: rules.minYoungSharePercent, value: share(cooperative.membersYoung, cooperative.membersTotal) });
  }
  const failedShares = shareRules.filter((item) => item.value === null || item.value < item.min);
  const sharesFail = rules.sharesCombine === 'any' && shareRules.length > 1 ? failedShares.length === shareRules.length : failedShares.length > 0;
  if (sharesFail) {
    const combine = rules.sharesCombine === 'any' && shareRules.length > 1 ? 'any' : 'all';
    for (const item of failedShares) {
      if (item.value === null) reasons.push({ rule: 'shares_unknown', params: { share: item.rule, minPercent: item.min, combine } });
      else reasons.push({ rule: item.rule, params: { minPercent: item.min, sharePercent: item.value, combine } });
    }
  }

  if (rules.excludeIfInActiveProgramme && context && context.activeProgrammeNames.length > 0) {
    reasons.push({ rule: 'in_active_programme', params: { programmes: context.activeProgrammeNames } });
  }

  return { eligible: reasons.length === 0, reasons };
}

/** Translates a key with parameters: i18next's `t` on the web, `translator(locale)` on the server. */
export type TranslateFn = (key: string, params?: Record<string, unknown>) => string;

function placeName(kind: 'region' | 'province', code: string, locale: string): string {
  const place = kind === 'region' ? getRegion(code) : getProvince(code);
  if (!place) return code;
  return locale === 'ar' ? place.name.ar : place.name.fr;
}

function listFormat(locale: string, items: string[], type: 'conjunction' | 'disjunction' = 'disjunction'): string {
  const tag = locale === 'ar' ? 'ar' : locale === 'en' ? 'en-GB' : 'fr';
  return new Intl.ListFormat(tag, { type, style: 'long' }).format(items);
}

function numberText(locale: string, value: unknown): string {
  const tag = locale === 'ar' ? 'ar-MA-u-nu-latn' : locale === 'en' ? 'en-GB' : 'fr-MA';
  return typeof value === 'number' ? new Intl.NumberFormat(tag, { maximumFractionDigits: 1 }).format(value) : String(value ?? '');
}

/** One reason in words, in `locale`, with names of places, sectors and forms translated. */
export function describeEligibilityReason(reason: EligibilityReason, t: TranslateFn, locale: string): string {
  const p = reason.params;
  const strings = (value: unknown) => (Array.isArray(value) ? value.map(String) : []);
  switch (reason.rule) {
    case 'max_age':
    case 'age_unknown':
      return t(`eligibility.reasons.${reason.rule}`, { max: numberText(locale, p.maxMonths), age: numberText(locale, p.ageMonths) });
    case 'territory': {
      const provinces = strings(p.provinceCodes);
      const area =
        provinces.length > 0
          ? provinces.map((code) => placeName('province', code, locale))
          : strings(p.regionCodes).map((code) => placeName('region', code, locale));
      return t('eligibility.reasons.territory', {
        place: placeName('province', String(p.provinceCode), locale),
        area: listFormat(locale, area),
      });
    }
    case 'sector':
      return t('eligibility.reasons.sector', {
        sector: t(`sectors.${String(p.sector)}`),
        allowed: listFormat(locale, strings(p.allowed).map((code) => t(`sectors.${code}`))),
      });
    case 'legal_form':
      return t('eligibility.reasons.legal_form', {
        legalForm: t(`legalForms.${String(p.legalForm)}`),
        allowed: listFormat(locale, strings(p.allowed).map((code) => t(`legalForms.${code}`))),
      });
    case 'min_members':
    case 'members_unknown':
      return t(`eligibility.reasons.${reason.rule}`, { min: numberText(locale, p.minMembers), members: numberText(locale, p.members) });
    case 'women_share':
    case 'young_share':
      return t(`eligibility.reasons.${reason.rule}`, { min: numberText(locale, p.minPercent), share: numberText(locale, p.sharePercent) });
    case 'shares_unknown':
      return t(`eligibility.reasons.shares_unknown_${p.share === 'young_share' ? 'young' : 'women'}`, { min: numberText(locale, p.minPercent) });
    case 'in_active_programme':
      return t('eligibility.reasons.in_active_programme', { programmes: listFormat(locale, strings(p.programmes), 'conjunction') });
  }
}

/** A small `t` over a message tree, for the server: `{{name}}` placeholders, no plurals. */
export function translatorFor(tree: unknown): TranslateFn {
  return (key, params = {}) => {
    const found = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), tree);
    if (typeof found !== 'string') return key;
    return found.replace(/\{\{\s*(\w+)\s*(?:,[^}]*)?\}\}/g, (_match, name: string) => String(params[name] ?? ''));
  };
}
