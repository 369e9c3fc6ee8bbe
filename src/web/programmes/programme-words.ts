import type { TFunction } from 'i18next';
import { describeEligibilityReason, type EligibilityReason } from '../../core/programmes/eligibility.js';
import type { Cadences, EligibilityRules } from '../../core/programmes/programme-settings.schema.js';
import { programmeName } from '../../core/programmes/programme.schema.js';
import { intlLocale } from '../shared/i18n.js';
import { provinceName, regionName } from '../registry/territory-names.js';

export { programmeName };

function list(locale: string, items: string[], type: 'conjunction' | 'disjunction' = 'conjunction') {
  return new Intl.ListFormat(intlLocale(locale), { type, style: 'long' }).format(items);
}

function number(locale: string, value: number) {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 2 }).format(value);
}

/** The cadences in words: "Ateliers pratiques mensuels pendant 6 mois après les formations", … */
export function describeCadences(t: TFunction, cadences: Cadences, locale: string): string[] {
  const lines: string[] = [];
  if (cadences.workshops) {
    const { perMonth, durationMonths, startsAfterPhase } = cadences.workshops;
    const frequency = perMonth === 1 ? t('programmes.cadences.frequency.monthly') : t('programmes.cadences.frequency.perMonth', { count: number(locale, perMonth) });
    lines.push(
      startsAfterPhase === 'training'
        ? t('programmes.cadences.workshopsAfterTraining', { frequency, months: durationMonths })
        : t('programmes.cadences.workshops', { frequency, months: durationMonths, phase: t(`programmes.phaseKinds.${startsAfterPhase}`) }),
    );
  }
  if (cadences.remoteFollowUp) {
    const { perMonth } = cadences.remoteFollowUp;
    const frequency =
      perMonth === 2
        ? t('programmes.cadences.frequency.bimonthly')
        : perMonth === 1
          ? t('programmes.cadences.monthlyFollowUp')
          : perMonth < 1
            ? t('programmes.cadences.frequency.everyMonths', { months: number(locale, 1 / perMonth) })
            : t('programmes.cadences.frequency.perMonth', { count: number(locale, perMonth) });
    lines.push(t('programmes.cadences.remoteFollowUp', { frequency }));
  }
  if (cadences.coaching) {
    lines.push(t('programmes.cadences.coaching', { sessions: cadences.coaching.sessions, months: cadences.coaching.overMonths }));
  }
  return lines;
}

/** The eligibility rules in words, one line per rule that applies. */
export function describeRules(t: TFunction, rules: EligibilityRules, locale: string, hasTerritory: boolean): string[] {
  const lines: string[] = [];
  if (rules.maxAgeMonths !== null) lines.push(t('programmes.rules.maxAge', { months: rules.maxAgeMonths }));
  if (rules.withinTerritory && hasTerritory) lines.push(t('programmes.rules.territory'));
  if (rules.sectors.length > 0) lines.push(t('programmes.rules.sectors', { sectors: list(locale, rules.sectors.map((code) => t(`sectors.${code}`)), 'disjunction') }));
  if (rules.legalForms.length > 0) lines.push(t('programmes.rules.legalForms', { forms: list(locale, rules.legalForms.map((code) => t(`legalForms.${code}`)), 'disjunction') }));
  if (rules.minMembers !== null) lines.push(t('programmes.rules.minMembers', { count: rules.minMembers }));
  const women = rules.minWomenSharePercent !== null ? t('programmes.rules.womenShare', { percent: number(locale, rules.minWomenSharePercent) }) : null;
  const young = rules.minYoungSharePercent !== null ? t('programmes.rules.youngShare', { percent: number(locale, rules.minYoungSharePercent) }) : null;
  if (women && young && rules.sharesCombine === 'any') lines.push(t('programmes.rules.sharesAny', { women, young }));
  else {
    if (women) lines.push(women);
    if (young) lines.push(young);
  }
  if (rules.excludeIfInActiveProgramme) lines.push(t('programmes.rules.excludeActive'));
  return lines;
}

export function describeReason(t: TFunction, reason: EligibilityReason, locale: string): string {
  return describeEligibilityReason(reason, (key, params) => t(key, params ?? {}), locale);
}

/** "Tarfaya, Boujdour" or "Laâyoune-Sakia El Hamra" or "Tout le Maroc". */
export function describeTerritory(t: TFunction, programme: { regionCodes: string[]; provinceCodes: string[] }, locale: string): string {
  if (programme.provinceCodes.length > 0) return list(locale, programme.provinceCodes.map((code) => provinceName(code, locale)));
  if (programme.regionCodes.length > 0) return list(locale, programme.regionCodes.map((code) => regionName(code, locale)));
  return t('programmes.wholeCountry');
}

export const programmeStatusColors: Record<string, string> = { draft: 'gray', active: 'teal', closed: 'dark' };
export const enrolmentStatusColors: Record<string, string> = { candidate: 'blue', enrolled: 'teal', withdrawn: 'gray', completed: 'grape' };
export const diagnosticStatusColors: Record<string, string> = { draft: 'yellow', submitted: 'blue', returned: 'orange', validated: 'teal' };
