import { cooperativeNameKey, deriveCooperativeColumns, type DerivedCooperativeColumns } from '../src/core/registry/cooperative.rules.js';
import type { CooperativeInput } from '../src/core/registry/cooperative.schema.js';
import type { CooperativeStatus, LegalForm, SectorCode } from '../src/core/registry/sectors.js';
import { provinces, type Province } from '../src/core/territories/territories.js';
import { Random, WeightedTable } from './random.js';
import {
  communePrefixes,
  communeStems,
  familyNames,
  kindAdjectives,
  menFirstNames,
  qualifiers,
  valueChains,
  womenFirstNames,
  type Pair,
  type ValueChain,
} from './wordlists.js';

/**
 * A national registry of cooperatives for the benchmarks: deterministic for a
 * seed, spread over the 75 prefectures and provinces and the sectors as set
 * out below (and in docs/benchmarks.md). Every row passes the registry's own
 * validation, and no two rows are duplicates by the registry's rules
 * (registration number; name key within a province).
 */

// ---- Assumptions -----------------------------------------------------------

/**
 * National share of each sector. The cooperatives office (ODCO) counts about
 * two thirds of cooperatives in agriculture in the wide sense; here that
 * family is split into agriculture, livestock, argan and aromatic plants.
 */
export const sectorShares: Readonly<Record<SectorCode, number>> = {
  agriculture: 0.585,
  handicrafts: 0.15,
  housing: 0.05,
  livestock: 0.04,
  argan: 0.035,
  aromatic_medicinal_plants: 0.025,
  agrifood: 0.025,
  services: 0.025,
  fisheries: 0.015,
  transport: 0.015,
  other: 0.013,
  forestry: 0.008,
  consumption: 0.007,
  tourism: 0.007,
};

/** The argan forest (Souss-Massa, Essaouira, Chichaoua, Sidi Ifni, Guelmim): argan cooperatives only there. */
export const arganProvinces = new Set(['09.001', '09.273', '09.163', '09.541', '09.581', '07.211', '07.161', '10.473', '10.261']);

/** Provinces on the Atlantic or the Mediterranean: fisheries cooperatives only there. */
export const coastalProvinces = new Set([
  '01.511', '01.573', '01.571', '01.227', '01.331', '01.051', '01.151', '02.381', '02.167', '02.113', '04.421', '04.441', '04.501',
  '04.281', '06.141', '06.371', '06.181', '06.111', '06.467', '07.211', '07.431', '09.001', '09.163', '09.581', '10.473', '10.521',
  '10.261', '11.321', '11.121', '11.537', '12.391', '12.066',
]);

/** Value chains that only grow in some regions (oases, desert); the others grow anywhere. */
const valueChainRegions: Readonly<Record<string, readonly string[]>> = {
  Phoeniciculture: ['08', '10', '11', '12', '09.551', '02.251'],
  'Rose à parfum': ['08'],
  'Élevage camelin': ['08', '10', '11', '12'],
  Safran: ['09', '08'],
  Câpres: ['07', '03', '05'],
};

/** Urban sectors are denser in the 13 prefectures, land sectors sparser. */
const prefectureTilt: Partial<Record<SectorCode, number>> = {
  housing: 4,
  services: 3,
  transport: 3,
  consumption: 3,
  agriculture: 0.3,
  livestock: 0.3,
  forestry: 0.1,
  aromatic_medicinal_plants: 0.3,
};

/** Regions where cooperatives are denser per inhabitant (south and oases). */
const regionDensity: Readonly<Record<string, number>> = { '08': 1.5, '09': 1.3, '10': 1.5, '11': 1.3, '12': 1.3 };

/**
 * Weight of a prefecture or province: the geometric mean of its 2024
 * population and its number of communes (a proxy for how rural it is:
 * Casablanca has 3.2 million people in 2 communes, Taroudannt 0.86 million in
 * 89), times the regional density above.
 */
export function provinceWeight(province: Province): number {
  return Math.sqrt(province.population2024 * province.communeCount) * (regionDensity[province.regionCode] ?? 1);
}

/** Share of cooperatives created each year grows by this rate (INDH from 2005, Plan Maroc Vert from 2008). */
const creationGrowth = 0.13;
const firstYear = 1990;
/** Fixed so that the data do not depend on the day the bench runs (must stay in the past). */
const lastDate = '2026-10-31';

// ---- The generator ---------------------------------------------------------

export interface GeneratedCooperative {
  /** What a person would type (the registry's input, validated). */
  input: CooperativeInput;
  /** What the database stores beside it. */
  derived: DerivedCooperativeColumns;
}

export interface GeneratorOptions {
  size: number;
  seed?: number;
}

interface ProvincePlan {
  province: Province;
  communes: string[];
  sectors: WeightedTable<SectorCode>;
}

function communesOf(province: Province, random: Random): string[] {
  const count = Math.max(2, Math.min(province.communeCount, communePrefixes.length * communeStems.length));
  const names = new Set<string>();
  while (names.size < count) names.add(`${random.pick(communePrefixes)} ${random.pick(communeStems)}`);
  return [...names];
}

function sectorWeightsOf(province: Province, base: Readonly<Record<SectorCode, number>>): Array<[SectorCode, number]> {
  return (Object.entries(base) as Array<[SectorCode, number]>).map(([sector, share]): [SectorCode, number] => {
    let weight = share;
    if (sector === 'argan' && !arganProvinces.has(province.code)) weight = 0;
    if (sector === 'fisheries' && !coastalProvinces.has(province.code)) weight = 0;
    if (province.kind === 'prefecture') weight *= prefectureTilt[sector] ?? 1;
    return [sector, weight];
  });
}

/**
 * The sector weights of each province, scaled (iterative proportional
 * fitting) so that the national shares come out as in `sectorShares` despite
 * the zones and the prefecture tilt.
 */
function calibratedSectorTables(shares: ReadonlyArray<readonly [Province, number]>): Map<string, WeightedTable<SectorCode>> {
  const base = { ...sectorShares };
  const total = shares.reduce((sum, [, weight]) => sum + weight, 0);
  for (let iteration = 0; iteration < 50; iteration += 1) {
    const expected: Partial<Record<SectorCode, number>> = {};
    for (const [province, weight] of shares) {
      const entries = sectorWeightsOf(province, base);
      const sum = entries.reduce((acc, [, value]) => acc + value, 0);
      for (const [sector, value] of entries) expected[sector] = (expected[sector] ?? 0) + (weight / total) * (value / sum);
    }
    for (const sector of Object.keys(base) as SectorCode[]) base[sector] *= sectorShares[sector] / (expected[sector] ?? sectorShares[sector]);
  }
  return new Map(shares.map(([province]) => [province.code, new WeightedTable(sectorWeightsOf(province, base))]));
}

function valueChainFits(chain: ValueChain, province: Province): boolean {
  const allowed = valueChainRegions[chain.name];
  return !allowed || allowed.includes(province.regionCode) || allowed.includes(province.code);
}

const yearTable = new WeightedTable(
  Array.from({ length: Number(lastDate.slice(0, 4)) - firstYear + 1 }, (_, index): [number, number] => {
    const year = firstYear + index;
    const partOfYear = year === Number(lastDate.slice(0, 4)) ? Number(lastDate.slice(5, 7)) / 12 : 1;
    return [year, Math.exp(creationGrowth * index) * partOfYear];
  }),
);

function creationDateOf(random: Random): string {
  const year = yearTable.draw(random);
  const start = Date.UTC(year, 0, 1);
  const end = Math.min(Date.UTC(year, 11, 31), Date.parse(`${lastDate}T00:00:00Z`));
  return new Date(start + Math.floor(random.next() * ((end - start) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10);
}

/** Share of cooperatives whose members are all women, by sector. */
const womenOnly: Partial<Record<SectorCode, number>> = {
  argan: 0.9,
  handicrafts: 0.6,
  aromatic_medicinal_plants: 0.45,
  agrifood: 0.6,
  agriculture: 0.12,
  livestock: 0.08,
  services: 0.2,
};

/** Median number of members, by sector (the law 112-12 asks for 5 at least). */
const membersMedian: Partial<Record<SectorCode, number>> = { housing: 45, transport: 14, fisheries: 25, consumption: 30 };

function phoneOf(random: Random): string {
  return `0${random.pick(['6', '7'])}${String(random.int(0, 99_999_999)).padStart(8, '0')}`;
}

function nameOf(random: Random, sector: SectorCode, chain: ValueChain, commune: string, legalForm: LegalForm, attempt: number): { fr: string; ar: string } {
  const qualifier = random.pick(qualifiers);
  const adjective: Pair | undefined = random.chance(0.5) ? random.pick(kindAdjectives[sector] ?? [['', '']]) : undefined;
  const [phraseFr, phraseAr] = chain.phrase;
  const withPhrase = phraseFr !== '' && (adjective === undefined || random.chance(0.5));
  const withPlace = attempt > 0 || random.chance(0.3);
  const suffix = attempt > 2 ? ` ${attempt}` : '';
  if (legalForm === 'union') {
    const fr = `Union des coopératives ${phraseFr || 'd’habitat'} ${qualifier[0]}${withPlace ? ` ${commune}` : ''}${suffix}`;
    const ar = `اتحاد تعاونيات ${qualifier[1]} ${phraseAr || 'للسكنى'}${suffix}`;
    return { fr, ar };
  }
  const fr = ['Coopérative', adjective?.[0], qualifier[0], withPlace ? commune : undefined, withPhrase ? phraseFr : undefined].filter(Boolean).join(' ') + suffix;
  const ar = ['تعاونية', qualifier[1], adjective?.[1], withPhrase ? phraseAr : undefined].filter(Boolean).join(' ') + suffix;
  return { fr, ar };
}

export function generateRegistry({ size, seed = 20_261_122 }: GeneratorOptions): GeneratedCooperative[] {
  const random = new Random(seed);
  const sectorTables = calibratedSectorTables(provinces.map((province) => [province, provinceWeight(province)] as const));
  const plans: ProvincePlan[] = provinces.map((province) => ({
    province,
    communes: communesOf(province, random),
    sectors: sectorTables.get(province.code) as WeightedTable<SectorCode>,
  }));
  const provinceTable = new WeightedTable(plans.map((plan): [ProvincePlan, number] => [plan, provinceWeight(plan.province)]));

  const takenNames = new Set<string>();
  const rows: GeneratedCooperative[] = [];
  for (let index = 0; index < size; index += 1) {
    const plan = provinceTable.draw(random);
    const { province } = plan;
    const sector = plan.sectors.draw(random);
    const chains = valueChains[sector].filter((chain) => valueChainFits(chain, province));
    const chain = random.pick(chains.length > 0 ? chains : valueChains[sector]);
    const commune = random.pick(plan.communes);
    const legalForm: LegalForm = random.chance(0.01) ? 'union' : 'cooperative';

    let name = nameOf(random, sector, chain, commune, legalForm, 0);
    for (let attempt = 1; takenNames.has(`${province.code}|${cooperativeNameKey({ nameFr: name.fr, nameAr: name.ar })}`); attempt += 1) {
      name = nameOf(random, sector, chain, commune, legalForm, attempt);
    }
    takenNames.add(`${province.code}|${cooperativeNameKey({ nameFr: name.fr, nameAr: name.ar })}`);

    const creationDate = creationDateOf(random);
    const creationYear = Number(creationDate.slice(0, 4));
    const membersTotal =
      legalForm === 'union'
        ? random.int(2, 15)
        : Math.min(5000, 5 + Math.round(random.logNormal((membersMedian[sector] ?? 12) - 5, 0.8)));
    const allWomen = legalForm === 'cooperative' && random.chance(womenOnly[sector] ?? 0.05);
    const membersWomen = allWomen ? membersTotal : Math.round(membersTotal * random.next() * 0.35);
    const membersYoung = Math.round(membersTotal * (0.05 + random.next() * 0.45));
    const age = 2026 - creationYear;
    const status: CooperativeStatus = random.chance(Math.min(0.25, 0.01 + age * 0.006)) ? (random.chance(0.3) ? 'dissolved' : 'inactive') : 'active';
    const presidentIsWoman = allWomen || random.chance(0.15);
    const hasPresident = random.chance(0.75);
    const hasTurnover = random.chance(0.55);
    const products = chain.products.length === 0 ? [] : chain.products.slice(0, random.int(1, chain.products.length));

    const input: CooperativeInput = {
      registrationNumber: random.chance(0.02) ? null : `${creationYear}/${province.code.slice(3)}/${String(index + 1).padStart(6, '0')}`,
      nameFr: name.fr,
      nameAr: name.ar,
      legalForm,
      creationDate,
      sector,
      valueChain: chain.name,
      provinceCode: province.code,
      commune,
      address: random.chance(0.4) ? `Douar ${random.pick(communeStems)}, ${commune}` : null,
      latitude: round4(Math.min(36.4, Math.max(20.1, province.centroid.lat + random.normal() * 0.12))),
      longitude: round4(Math.min(-1, Math.max(-17.4, province.centroid.lon + random.normal() * 0.12))),
      membersTotal,
      membersWomen,
      membersYoung,
      capitalMad: membersTotal * random.pick([100, 200, 500, 1000, 2000]),
      presidentName: hasPresident ? `${random.pick(presidentIsWoman ? womenFirstNames : menFirstNames)} ${random.pick(familyNames)}` : null,
      presidentPhone: hasPresident ? phoneOf(random) : null,
      managerName: null,
      managerPhone: null,
      email: random.chance(0.15) ? `contact${index + 1}@coop-exemple.ma` : null,
      phone: random.chance(0.3) ? phoneOf(random) : null,
      products,
      turnoverMad: hasTurnover ? Math.round(random.logNormal(80_000, 1.2)) : null,
      turnoverYear: hasTurnover ? random.int(Math.max(creationYear, 2022), 2025) : null,
      status,
    };
    rows.push({ input, derived: deriveCooperativeColumns(input) });
  }
  return rows;
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

// ---- Distribution summary (for the docs) -----------------------------------

export interface RegistrySummary {
  size: number;
  bySector: Record<string, number>;
  byRegion: Record<string, number>;
  byDecade: Record<string, number>;
  topProvinces: Array<{ code: string; name: string; count: number }>;
  womenShare: number;
  medianMembers: number;
}

export function summarizeRegistry(rows: readonly GeneratedCooperative[]): RegistrySummary {
  const count = (key: (row: GeneratedCooperative) => string) => {
    const counts: Record<string, number> = {};
    for (const row of rows) counts[key(row)] = (counts[key(row)] ?? 0) + 1;
    return Object.fromEntries(Object.entries(counts).sort(([, a], [, b]) => b - a));
  };
  const byProvince = count((row) => row.input.provinceCode);
  const members = rows.map((row) => row.input.membersTotal ?? 0).sort((a, b) => a - b);
  const totalMembers = members.reduce((sum, value) => sum + value, 0);
  const women = rows.reduce((sum, row) => sum + (row.input.membersWomen ?? 0), 0);
  return {
    size: rows.length,
    bySector: count((row) => row.input.sector),
    byRegion: count((row) => row.derived.regionCode),
    byDecade: count((row) => `${(row.input.creationDate ?? '').slice(0, 3)}0s`),
    topProvinces: Object.entries(byProvince)
      .slice(0, 8)
      .map(([code, value]) => ({ code, name: provinces.find((p) => p.code === code)?.name.fr ?? code, count: value })),
    womenShare: totalMembers === 0 ? 0 : women / totalMembers,
    medianMembers: members[Math.floor(members.length / 2)] ?? 0,
  };
}
