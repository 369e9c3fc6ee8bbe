import { getProvince } from '../territories/territories.js';
import { foldKey, foldText } from '../shared/text.js';
import type { CooperativeInput } from './cooperative.schema.js';

/** What the database stores beside the input: the region, the search text and the name key. */
export interface DerivedCooperativeColumns {
  regionCode: string;
  searchText: string;
  nameKey: string;
}

export function deriveCooperativeColumns(input: Pick<CooperativeInput, 'provinceCode' | 'nameFr' | 'nameAr' | 'registrationNumber'>): DerivedCooperativeColumns {
  const province = getProvince(input.provinceCode);
  if (!province) throw new Error(`Unknown province ${input.provinceCode}`);
  return {
    regionCode: province.regionCode,
    searchText: foldText([input.nameFr, input.nameAr, input.registrationNumber].filter(Boolean).join(' ')),
    nameKey: cooperativeNameKey(input),
  };
}

/**
 * The key two records of the same cooperative share whatever the spelling:
 * "Coopérative Al Amal" and "COOPERATIVE AL-AMAL" meet; the words that every
 * cooperative's name carries are dropped so that they do not make matches.
 */
export function cooperativeNameKey(input: Pick<CooperativeInput, 'nameFr' | 'nameAr'>): string {
  const name = input.nameFr ?? input.nameAr ?? '';
  const words = foldText(name)
    .split(' ')
    .filter((word) => !genericWords.has(word));
  return foldKey(words.join(' ')) || foldKey(name);
}

const genericWords = new Set(['cooperative', 'coop', 'union', 'des', 'de', 'du', 'la', 'le', 'les', 'l', 'd', 'تعاونيه', 'اتحاد']);

/** Search words of a query, folded the same way as the stored search text. */
export function searchTerms(query: string | undefined): string[] {
  if (!query) return [];
  return foldText(query).split(' ').filter((word) => word.length > 0).slice(0, 6);
}

/** The name to show: the one in the reader's language when there is one. */
export function displayName(cooperative: { nameFr: string | null; nameAr: string | null }, locale: string): string {
  if (locale === 'ar') return cooperative.nameAr ?? cooperative.nameFr ?? '';
  return cooperative.nameFr ?? cooperative.nameAr ?? '';
}
