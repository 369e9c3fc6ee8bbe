import { foldKey, foldText } from '../../shared/text.js';
import type { CooperativeStatus, LegalForm, SectorCode } from '../sectors.js';

/**
 * The words spreadsheets use for sectors, legal forms and statuses, in French,
 * English and Arabic. The first French word of each is the label the export
 * writes, so that an exported file reads back to the same codes.
 */

export const sectorNames: Record<SectorCode, readonly string[]> = {
  agriculture: ['Agriculture', 'Agricole', 'Agriculture et élevage', 'Apiculture', 'Farming', 'Agricultural', 'الفلاحة', 'فلاحة', 'الزراعة', 'فلاحي'],
  livestock: ['Élevage', 'Elevage', 'Élevage et apiculture', 'Livestock', 'Animal husbandry', 'تربية الماشية', 'تربية المواشي', 'الكسب', 'تربية الحيوانات'],
  fisheries: ['Pêche', 'Pêche maritime', 'Pêche artisanale', 'Aquaculture', 'Fisheries', 'Fishing', 'Fishery', 'الصيد البحري', 'الصيد', 'صيد'],
  handicrafts: ['Artisanat', 'Artisanat d’art', 'Artisanal', 'Handicrafts', 'Handicraft', 'Crafts', 'الصناعة التقليدية', 'الصناعة التقليدية والحرف', 'حرف'],
  argan: ['Argan', 'Arganier', 'Huile d’argan', 'Argan oil', 'الأركان', 'أركان', 'زيت الأركان'],
  aromatic_medicinal_plants: [
    'Plantes aromatiques et médicinales',
    'PAM',
    'Plantes aromatiques',
    'Plantes médicinales',
    'Aromatic and medicinal plants',
    'Medicinal and aromatic plants',
    'MAP',
    'النباتات العطرية والطبية',
    'النباتات الطبية والعطرية',
  ],
  agrifood: ['Agroalimentaire', 'Agro-alimentaire', 'Transformation agroalimentaire', 'Valorisation des produits agricoles', 'Agrifood', 'Agri-food', 'Food processing', 'الصناعات الغذائية', 'الصناعة الغذائية', 'تثمين المنتجات الفلاحية'],
  forestry: ['Forêts', 'Forêt', 'Forestier', 'Exploitation forestière', 'Forestry', 'Forest', 'الغابات', 'الغابة'],
  housing: ['Habitat', 'Logement', 'Housing', 'السكن', 'الإسكان'],
  services: ['Services', 'Service', 'الخدمات', 'خدمات'],
  transport: ['Transport', 'Transports', 'النقل'],
  consumption: ['Consommation', 'Coopérative de consommation', 'Consumption', 'Consumer', 'الاستهلاك'],
  tourism: ['Tourisme', 'Tourisme rural', 'Tourisme solidaire', 'Tourism', 'السياحة'],
  other: ['Autre', 'Autres', 'Divers', 'Other', 'Others', 'أخرى', 'أخرى متنوعة'],
};

export const legalFormNames: Record<LegalForm, readonly string[]> = {
  cooperative: ['Coopérative', 'Coop', 'Société coopérative', 'Cooperative', 'Co-operative', 'تعاونية'],
  union: ['Union', 'Union de coopératives', 'Union des coopératives', 'Union of cooperatives', 'اتحاد', 'اتحاد التعاونيات'],
};

export const statusNames: Record<CooperativeStatus, readonly string[]> = {
  active: ['Active', 'Actif', 'En activité', 'Fonctionnelle', 'Opérationnelle', 'نشيطة', 'نشيط', 'عاملة'],
  inactive: ['Inactive', 'Inactif', 'En veille', 'En sommeil', 'Non fonctionnelle', 'Dormant', 'غير نشيطة', 'متوقفة'],
  dissolved: ['Dissoute', 'Dissous', 'Dissolved', 'Liquidée', 'Radiée', 'منحلة', 'محلولة'],
};

function indexNames<Code extends string>(names: Record<Code, readonly string[]>): Map<string, Code> {
  const index = new Map<string, Code>();
  for (const [code, list] of Object.entries(names) as Array<[Code, readonly string[]]>) {
    index.set(foldKey(code), code);
    for (const name of list) index.set(foldKey(name), code);
  }
  return index;
}

const sectorsByKey = indexNames(sectorNames);
const legalFormsByKey = indexNames(legalFormNames);
const statusesByKey = indexNames(statusNames);

/** Leading words that say nothing about the sector: "Secteur de la pêche", "قطاع الصيد البحري". */
const sectorPrefixWords = new Set(['secteur', 'sector', 'filiere', 'de', 'du', 'des', 'la', 'le', 'l', 'd', 'قطاع']);

/**
 * A sector code from its name in French, English or Arabic, with or without
 * accents, or from its code itself. "Pêche", "peche", "Secteur de la pêche",
 * "الصيد البحري" → fisheries.
 */
export function findSector(text: string): SectorCode | undefined {
  const words = foldText(text).split(' ');
  for (let start = 0; start < words.length; start += 1) {
    const found = sectorsByKey.get(words.slice(start).join(''));
    if (found) return found;
    if (!sectorPrefixWords.has(words[start] ?? '')) return undefined;
  }
  return undefined;
}

export function findLegalForm(text: string): LegalForm | undefined {
  return legalFormsByKey.get(foldKey(text));
}

export function findStatus(text: string): CooperativeStatus | undefined {
  return statusesByKey.get(foldKey(text));
}

/** The French label the export writes, which findSector reads back. */
export function sectorLabel(code: SectorCode): string {
  return sectorNames[code][0] ?? code;
}

export function legalFormLabel(code: LegalForm): string {
  return legalFormNames[code][0] ?? code;
}

export function statusLabel(code: CooperativeStatus): string {
  return statusNames[code][0] ?? code;
}
