import { foldText } from '../../shared/text.js';
import { cooperativeInputFields } from '../cooperative.schema.js';

/**
 * Which column of the file holds which field of a cooperative. The server
 * suggests a mapping from the headers, in French, English or Arabic; the
 * user corrects it in the preview.
 */

/** The fields of cooperativeInputSchema, and the region, which is only cross-checked with the province. */
export const importFields = [...cooperativeInputFields, 'regionCode'] as const;

export type ImportField = (typeof importFields)[number];

/** header → field, or null for a column the import leaves aside. */
export type ColumnMapping = Record<string, ImportField | null>;

/** Header texts that name a field, as people write them. */
const headerAliases: Record<ImportField, readonly string[]> = {
  registrationNumber: [
    'N° immatriculation',
    'N° d’immatriculation',
    'Numéro d’immatriculation',
    'Immatriculation',
    'N° registre',
    'Numéro de registre',
    'Registre des coopératives',
    'N° RC',
    'RC',
    'Matricule',
    'Registration number',
    'Registration no',
    'Reg no',
    'رقم التسجيل',
    'رقم القيد',
    'رقم التسجيل بالسجل',
  ],
  nameFr: [
    'Nom',
    'Nom (FR)',
    'Nom en français',
    'Nom français',
    'Nom (français)',
    'Nom de la coopérative',
    'Raison sociale',
    'Dénomination',
    'Coopérative',
    'Name',
    'Name (FR)',
    'Name (French)',
    'French name',
    'Cooperative name',
    'Cooperative',
  ],
  nameAr: [
    'Nom (AR)',
    'Nom arabe',
    'Nom en arabe',
    'Nom (arabe)',
    'Raison sociale (AR)',
    'Raison sociale en arabe',
    'Dénomination (AR)',
    'Dénomination en arabe',
    'Name (AR)',
    'Name (Arabic)',
    'Arabic name',
    'الاسم',
    'اسم التعاونية',
    'التسمية',
    'الاسم بالعربية',
  ],
  legalForm: ['Forme juridique', 'Forme', 'Type', 'Nature juridique', 'Legal form', 'Legal status', 'الشكل القانوني'],
  creationDate: [
    'Date de création',
    'Date création',
    'Créée le',
    'Date de constitution',
    'Date',
    'Created on',
    'Creation date',
    'Date created',
    'Date of creation',
    'Founded',
    'تاريخ التأسيس',
    'تاريخ الإحداث',
    'تاريخ الإنشاء',
  ],
  sector: ['Secteur', 'Secteur d’activité', 'Activité', 'Domaine d’activité', 'Sector', 'Activity', 'القطاع', 'قطاع النشاط', 'النشاط'],
  valueChain: ['Filière', 'Chaîne de valeur', 'Sous-secteur', 'Branche', 'Value chain', 'Sub-sector', 'السلسلة', 'سلسلة القيمة', 'الشعبة'],
  regionCode: ['Région', 'Code région', 'Region', 'Region code', 'الجهة'],
  provinceCode: [
    'Province',
    'Préfecture',
    'Province / préfecture',
    'Province ou préfecture',
    'Préfecture / province',
    'Préfecture ou province',
    'Code province',
    'Province code',
    'Prefecture',
    'الإقليم',
    'العمالة',
    'العمالة أو الإقليم',
    'الإقليم أو العمالة',
  ],
  commune: ['Commune', 'Commune rurale', 'Localité', 'Ville', 'Municipality', 'Town', 'City', 'الجماعة', 'الجماعة الترابية'],
  address: ['Adresse', 'Siège', 'Siège social', 'Adresse du siège', 'Address', 'Head office', 'العنوان', 'المقر'],
  latitude: ['Latitude', 'Lat', 'خط العرض'],
  longitude: ['Longitude', 'Long', 'Lon', 'Lng', 'خط الطول'],
  membersTotal: [
    'Nombre d’adhérents',
    'Nombre des adhérents',
    'Adhérents',
    'Nb adhérents',
    'Nbre adhérents',
    'Total adhérents',
    'Nombre de membres',
    'Membres',
    'Effectif',
    'Members',
    'Number of members',
    'Total members',
    'عدد المنخرطين',
    'عدد الأعضاء',
    'المنخرطون',
  ],
  membersWomen: [
    'dont femmes',
    'Femmes',
    'Nombre de femmes',
    'Adhérentes',
    'Nombre d’adhérentes',
    'of which women',
    'Women',
    'Women members',
    'Female members',
    'عدد النساء',
    'منها نساء',
    'النساء',
  ],
  membersYoung: [
    'dont jeunes',
    'dont jeunes (moins de 35 ans)',
    'Jeunes',
    'Nombre de jeunes',
    'of which young',
    'Young members',
    'Youth',
    'Young',
    'عدد الشباب',
    'منها شباب',
    'الشباب',
  ],
  capitalMad: ['Capital', 'Capital social', 'Capital (DH)', 'Capital (MAD)', 'Share capital', 'رأس المال', 'رأسمال'],
  presidentName: ['Président', 'Présidente', 'Président(e)', 'Nom du président', 'Nom du/de la président(e)', 'President', 'Chairperson', 'Chairman', 'الرئيس', 'الرئيسة', 'اسم الرئيس'],
  presidentPhone: [
    'Téléphone du président',
    'Téléphone président',
    'Téléphone président(e)',
    'Téléphone du/de la président(e)',
    'Tél président',
    'GSM président',
    'President phone',
    'هاتف الرئيس',
  ],
  managerName: ['Gestionnaire', 'Gérant', 'Gérante', 'Directeur', 'Directrice', 'Nom du gestionnaire', 'Manager', 'المسير', 'المدير'],
  managerPhone: [
    'Téléphone du gestionnaire',
    'Téléphone gestionnaire',
    'Téléphone du/de la gestionnaire',
    'Tél gestionnaire',
    'GSM gestionnaire',
    'Manager phone',
    'هاتف المسير',
  ],
  email: ['E-mail', 'Email', 'Courriel', 'Adresse e-mail', 'Adresse électronique', 'Mail', 'البريد الإلكتروني'],
  phone: ['Téléphone', 'Tél', 'Tel', 'GSM', 'Fixe', 'Phone', 'Telephone', 'Phone number', 'الهاتف', 'رقم الهاتف'],
  products: ['Produits', 'Produit', 'Produits principaux', 'Products', 'Main products', 'المنتجات', 'المنتوجات'],
  turnoverMad: ['Chiffre d’affaires', 'Chiffre d’affaires (DH)', 'CA', 'CA (DH)', 'Turnover', 'Revenue', 'Sales', 'رقم المعاملات'],
  turnoverYear: ['Année du chiffre d’affaires', 'Année du CA', 'Année CA', 'Exercice', 'Turnover year', 'Year', 'Année', 'سنة رقم المعاملات', 'السنة'],
  status: ['Statut', 'État', 'Situation', 'Status', 'State', 'الوضعية', 'الحالة'],
};

/** Words that add nothing to a header: "N° d’immatriculation" and "Immatriculation" say the same. */
const fillerWords = new Set(['n', 'nº', 'no', 'num', 'numero', 'number', 'de', 'd', 'du', 'des', 'la', 'le', 'les', 'l', 'en', 'the', 'of', 'dh', 'dhs', 'mad', 'e']);

/** One word as headers are compared: folded, without the Arabic article or a plural "s". */
function stem(word: string): string {
  if (/^ال\p{L}{2,}/u.test(word)) return word.slice(2);
  if (/^[a-z]{4,}s$/.test(word)) return word.slice(0, -1);
  return word;
}

function headerWords(header: string): string[] {
  return foldText(header)
    .split(' ')
    .filter((word) => word !== '' && !fillerWords.has(word))
    .map(stem);
}

const aliasIndex = new Map<string, ImportField>();
for (const field of importFields) {
  for (const alias of headerAliases[field]) {
    const key = headerWords(alias).join(' ');
    if (!aliasIndex.has(key)) aliasIndex.set(key, field);
  }
}

const words = (...list: string[]) => new Set(list.map((word) => stem(foldText(word))));
const phoneWords = words('telephone', 'tel', 'gsm', 'phone', 'mobile', 'portable', 'fixe', 'هاتف');
const presidentWords = words('president', 'presidente', 'chairman', 'chairperson', 'رئيس', 'رئيسه');
const managerWords = words('gestionnaire', 'gerant', 'gerante', 'manager', 'directeur', 'directrice', 'مسير', 'مدير');
const arabicWords = words('ar', 'arabe', 'arabic', 'عربيه', 'بالعربيه');
const yearWords = words('annee', 'year', 'exercice', 'سنه');

/** Keyword rules for headers no alias names exactly, tried in this order. */
const keywordRules: Array<{ field: ImportField; when: (has: (set: Set<string>) => boolean) => boolean }> = [
  { field: 'presidentPhone', when: (has) => has(phoneWords) && has(presidentWords) },
  { field: 'managerPhone', when: (has) => has(phoneWords) && has(managerWords) },
  { field: 'phone', when: (has) => has(phoneWords) },
  { field: 'email', when: (has) => has(words('email', 'mail', 'courriel', 'بريد')) },
  { field: 'creationDate', when: (has) => has(words('date', 'تاريخ')) },
  { field: 'membersWomen', when: (has) => has(words('femme', 'women', 'female', 'adherente', 'نساء')) },
  { field: 'membersYoung', when: (has) => has(words('jeune', 'young', 'youth', 'شباب')) },
  { field: 'presidentName', when: (has) => has(presidentWords) },
  { field: 'managerName', when: (has) => has(managerWords) },
  { field: 'membersTotal', when: (has) => has(words('adherent', 'membre', 'member', 'effectif', 'منخرطين', 'اعضاء', 'منخرطون')) },
  { field: 'registrationNumber', when: (has) => has(words('immatriculation', 'registration', 'registre', 'matricule', 'rc', 'تسجيل', 'قيد')) },
  { field: 'turnoverYear', when: (has) => has(words('chiffre', 'affaire', 'ca', 'turnover', 'revenue', 'معاملات')) && has(yearWords) },
  { field: 'turnoverMad', when: (has) => has(words('chiffre', 'affaire', 'ca', 'turnover', 'revenue', 'معاملات')) },
  { field: 'capitalMad', when: (has) => has(words('capital', 'راسمال', 'راس')) },
  { field: 'provinceCode', when: (has) => has(words('province', 'prefecture', 'اقليم', 'عماله')) },
  { field: 'regionCode', when: (has) => has(words('region', 'جهه')) },
  { field: 'commune', when: (has) => has(words('commune', 'municipality', 'localite', 'ville', 'douar', 'جماعه')) },
  { field: 'address', when: (has) => has(words('adresse', 'address', 'siege', 'عنوان', 'مقر')) },
  { field: 'latitude', when: (has) => has(words('latitude', 'lat')) },
  { field: 'longitude', when: (has) => has(words('longitude', 'lng', 'lon')) },
  { field: 'legalForm', when: (has) => has(words('forme', 'juridique', 'legal', 'شكل')) },
  { field: 'valueChain', when: (has) => has(words('filiere', 'chain', 'chaine', 'branche', 'سلسله', 'شعبه')) },
  { field: 'sector', when: (has) => has(words('secteur', 'sector', 'activite', 'activity', 'قطاع', 'نشاط')) },
  { field: 'products', when: (has) => has(words('produit', 'product', 'منتجات', 'منتوجات')) },
  { field: 'status', when: (has) => has(words('statut', 'status', 'etat', 'situation', 'حاله', 'وضعيه')) },
  { field: 'creationDate', when: (has) => has(words('creation', 'cree', 'creee', 'created', 'founded', 'constitution', 'تاسيس')) },
  { field: 'nameAr', when: (has) => has(words('nom', 'name', 'raison', 'denomination', 'اسم', 'تسميه')) && has(arabicWords) },
  { field: 'nameFr', when: (has) => has(words('nom', 'name', 'raison', 'denomination', 'cooperative')) },
  { field: 'nameAr', when: (has) => has(words('اسم', 'تسميه', 'تعاونيه')) },
];

/** The field a header most likely names, and how sure: 2 for a known header, 1 for a keyword. */
export function guessField(header: string): { field: ImportField; certainty: 1 | 2 } | undefined {
  const headerKey = headerWords(header);
  const exact = aliasIndex.get(headerKey.join(' '));
  if (exact) return { field: exact, certainty: 2 };
  const present = new Set(headerKey);
  const has = (set: Set<string>) => [...set].some((word) => present.has(word));
  const rule = keywordRules.find((candidate) => candidate.when(has));
  return rule ? { field: rule.field, certainty: 1 } : undefined;
}

/**
 * header → field for every header; each field goes to one column only, the
 * best-named one, and the leftmost of equals. "Province" wins over
 * "Province (AR)", which is then left aside.
 */
export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const guesses = headers
    .map((header, index) => ({ header, index, guess: guessField(header) }))
    .filter((entry) => entry.guess !== undefined)
    .sort((a, b) => b.guess!.certainty - a.guess!.certainty || a.index - b.index);
  const taken = new Set<ImportField>();
  const mapping: ColumnMapping = Object.fromEntries(headers.map((header) => [header, null]));
  for (const { header, guess } of guesses) {
    if (!guess || taken.has(guess.field)) continue;
    taken.add(guess.field);
    mapping[header] = guess.field;
  }
  return mapping;
}

/** Fields a file must provide: a name in either language, the province and the sector. */
export function missingRequiredFields(mapping: ColumnMapping): ImportField[] {
  const mapped = new Set(Object.values(mapping));
  const missing: ImportField[] = [];
  if (!mapped.has('nameFr') && !mapped.has('nameAr')) missing.push('nameFr');
  if (!mapped.has('provinceCode')) missing.push('provinceCode');
  if (!mapped.has('sector')) missing.push('sector');
  return missing;
}
