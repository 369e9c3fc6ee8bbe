import { getProvince, getRegion, provinces, regions } from '../../core/territories/territories.js';

/**
 * Morocco's regions and provinces come with the shared reference data (the
 * same module the server validates with), so lists and names need no request.
 */
function pick(name: { fr: string; ar: string }, locale: string): string {
  return locale === 'ar' ? name.ar : name.fr;
}

export function provinceName(code: string | null | undefined, locale: string): string {
  const province = code ? getProvince(code) : undefined;
  return province ? pick(province.name, locale) : (code ?? '');
}

export function regionName(code: string | null | undefined, locale: string): string {
  const region = code ? getRegion(code) : undefined;
  return region ? pick(region.name, locale) : (code ?? '');
}

const collator = (locale: string) => new Intl.Collator(locale === 'ar' ? 'ar' : 'fr', { sensitivity: 'base' });

export function regionOptions(locale: string) {
  const compare = collator(locale);
  return regions
    .map((region) => ({ value: region.code, label: pick(region.name, locale) }))
    .sort((a, b) => compare.compare(a.label, b.label));
}

export function provinceOptions(locale: string, regionCode?: string | null) {
  const compare = collator(locale);
  return provinces
    .filter((province) => !regionCode || province.regionCode === regionCode)
    .map((province) => ({ value: province.code, label: pick(province.name, locale) }))
    .sort((a, b) => compare.compare(a.label, b.label));
}

/** Provinces grouped under their region, for a select. */
export function provincesByRegion(locale: string) {
  return regionOptions(locale).map((region) => ({ group: region.label, items: provinceOptions(locale, region.value) }));
}
