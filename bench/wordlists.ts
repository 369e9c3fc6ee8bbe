import type { SectorCode } from '../src/core/registry/sectors.js';

/**
 * Word lists the generator composes cooperative names, communes and people from.
 * Each entry carries its French transliteration and its Arabic spelling.
 */

export type Pair = readonly [fr: string, ar: string];

/** The "name" part of a cooperative: a virtue, a place, a Tamazight word… */
export const qualifiers: readonly Pair[] = [
  ['Al Amal', 'الأمل'], ['Nour', 'نور'], ['Al Baraka', 'البركة'], ['Tifawin', 'تيفاوين'], ['Al Wafa', 'الوفاء'],
  ['Annahda', 'النهضة'], ['Al Fath', 'الفتح'], ['Tamount', 'تامونت'], ['Al Khair', 'الخير'], ['Assalam', 'السلام'],
  ['Al Falah', 'الفلاح'], ['Tawada', 'توادا'], ['Al Massira', 'المسيرة'], ['Ennajah', 'النجاح'], ['Tilila', 'تليلا'],
  ['Afoulki', 'أفولكي'], ['Tafsout', 'تافسوت'], ['Amalou', 'أمالو'], ['Al Ikhlass', 'الإخلاص'], ['Al Fajr', 'الفجر'],
  ['Assafaa', 'الصفاء'], ['Al Inbiaat', 'الانبعاث'], ['Attadamoun', 'التضامن'], ['Al Mostakbal', 'المستقبل'], ['Al Wahda', 'الوحدة'],
  ['Al Houda', 'الهدى'], ['Annour', 'النور'], ['Al Yasmine', 'الياسمين'], ['Al Kawtar', 'الكوثر'], ['Arrahma', 'الرحمة'],
  ['Assaada', 'السعادة'], ['Al Inmaa', 'الإنماء'], ['Al Majd', 'المجد'], ['Al Karama', 'الكرامة'], ['Tanmia', 'التنمية'],
  ['Al Wifaq', 'الوفاق'], ['Al Hilal', 'الهلال'], ['Anwar', 'أنوار'], ['Tighanimine', 'تيغانيمين'], ['Tiwizi', 'تيويزي'],
  ['Tamazirt', 'تمازيرت'], ['Afrah', 'أفراح'], ['Asmoun', 'أسمون'], ['Tamghart', 'تامغارت'], ['Anzar', 'أنزار'],
  ['Ighrem', 'إغرم'], ['Adrar', 'أدرار'], ['Tifaout', 'تيفاوت'], ['Al Oumnia', 'الأمنية'], ['Chorouk', 'الشروق'],
  ['Al Bachaer', 'البشائر'], ['Al Ghad', 'الغد'], ['Riad', 'رياض'], ['Al Azhar', 'الأزهار'], ['Zahra', 'الزهراء'],
  ['Al Jawda', 'الجودة'], ['Al Itqane', 'الإتقان'], ['Assanabil', 'السنابل'], ['Al Waha', 'الواحة'], ['Annakhil', 'النخيل'],
  ['Azzaitouna', 'الزيتونة'], ['Al Warda', 'الوردة'], ['Al Ibdaa', 'الإبداع'], ['Annassim', 'النسيم'], ['Al Bahja', 'البهجة'],
  ['Al Mouna', 'المنى'], ['Ennasr', 'النصر'], ['Al Intilaka', 'الانطلاقة'], ['Al Moubadara', 'المبادرة'], ['Annajma', 'النجمة'],
  ['Achifaa', 'الشفاء'], ['Al Hikma', 'الحكمة'], ['Tagmat', 'تاكمات'], ['Tanirt', 'تانيرت'], ['Tafoukt', 'تافوكت'],
  ['Amane', 'أمان'], ['Taznakht', 'تازناخت'], ['Al Anwar', 'الأنوار'], ['Al Mounia', 'المنية'], ['Al Ahd', 'العهد'],
];

/** Adjectives that say what kind of cooperative it is. */
export const kindAdjectives: Readonly<Partial<Record<SectorCode, readonly Pair[]>>> = {
  agriculture: [['Agricole', 'الفلاحية'], ['Féminine', 'النسوية']],
  livestock: [['Agricole', 'الفلاحية'], ['Pastorale', 'الرعوية']],
  fisheries: [['Maritime', 'البحرية']],
  handicrafts: [['Artisanale', 'الحرفية'], ['Féminine', 'النسوية']],
  argan: [['Féminine', 'النسوية']],
  aromatic_medicinal_plants: [['Féminine', 'النسوية'], ['Agricole', 'الفلاحية']],
  agrifood: [['Féminine', 'النسوية']],
  forestry: [['Forestière', 'الغابوية']],
  housing: [['d’Habitat', 'للسكنى']],
  tourism: [['Touristique', 'السياحية']],
};

export interface ValueChain {
  /** The filière as the registry stores it. */
  name: string;
  /** How it ends a French name ("du miel") and an Arabic one ("للعسل"). */
  phrase: Pair;
  products: readonly string[];
}

export const valueChains: Readonly<Record<SectorCode, readonly ValueChain[]>> = {
  agriculture: [
    { name: 'Oléiculture', phrase: ['des olives', 'للزيتون'], products: ['Huile d’olive', 'Olives de table'] },
    { name: 'Phoeniciculture', phrase: ['des dattes', 'للتمور'], products: ['Dattes Mejhoul', 'Dattes Boufeggous', 'Pâte de dattes'] },
    { name: 'Safran', phrase: ['du safran', 'للزعفران'], products: ['Safran', 'Bulbes de safran'] },
    { name: 'Amandiculture', phrase: ['des amandes', 'للوز'], products: ['Amandes', 'Amandes décortiquées'] },
    { name: 'Figue de Barbarie', phrase: ['du cactus', 'للصبار'], products: ['Figues de Barbarie', 'Huile de pépins de figue de Barbarie'] },
    { name: 'Apiculture', phrase: ['du miel', 'للعسل'], products: ['Miel d’euphorbe', 'Miel de thym', 'Miel d’oranger', 'Pollen'] },
    { name: 'Céréales', phrase: ['des céréales', 'للحبوب'], products: ['Blé dur', 'Orge', 'Semences'] },
    { name: 'Maraîchage', phrase: ['des légumes', 'للخضر'], products: ['Tomates', 'Pommes de terre', 'Oignons'] },
    { name: 'Agrumes', phrase: ['des agrumes', 'للحوامض'], products: ['Oranges', 'Clémentines'] },
    { name: 'Rose à parfum', phrase: ['de la rose', 'للورد'], products: ['Eau de rose', 'Boutons de rose séchés'] },
    { name: 'Câpres', phrase: ['des câpres', 'للكبار'], products: ['Câpres'] },
    { name: 'Arboriculture', phrase: ['des pommes', 'للتفاح'], products: ['Pommes', 'Cerises', 'Noix'] },
  ],
  livestock: [
    { name: 'Lait', phrase: ['du lait', 'للحليب'], products: ['Lait', 'Lben', 'Fromage frais'] },
    { name: 'Élevage ovin', phrase: ['de l’élevage', 'لتربية المواشي'], products: ['Agneaux', 'Laine'] },
    { name: 'Élevage caprin', phrase: ['des caprins', 'لتربية الماعز'], products: ['Chevreaux', 'Fromage de chèvre'] },
    { name: 'Élevage camelin', phrase: ['des camelins', 'لتربية الإبل'], products: ['Lait de chamelle'] },
    { name: 'Aviculture', phrase: ['avicole', 'لتربية الدواجن'], products: ['Poulet beldi', 'Œufs'] },
    { name: 'Cuniculture', phrase: ['des lapins', 'لتربية الأرانب'], products: ['Lapins'] },
  ],
  fisheries: [
    { name: 'Pêche artisanale', phrase: ['des pêcheurs', 'للصيد التقليدي'], products: ['Poulpe', 'Sardine', 'Calamar'] },
    { name: 'Algues', phrase: ['des algues', 'لجني الطحالب'], products: ['Algues rouges'] },
    { name: 'Aquaculture', phrase: ['aquacole', 'لتربية الأحياء المائية'], products: ['Huîtres', 'Moules'] },
  ],
  handicrafts: [
    { name: 'Tapis', phrase: ['du tapis', 'للزرابي'], products: ['Tapis', 'Hanbel'] },
    { name: 'Poterie', phrase: ['de la poterie', 'للفخار'], products: ['Poterie', 'Tajines'] },
    { name: 'Broderie', phrase: ['de la broderie', 'للطرز'], products: ['Broderie', 'Linge de maison'] },
    { name: 'Couture', phrase: ['de couture', 'للخياطة'], products: ['Caftans', 'Djellabas'] },
    { name: 'Vannerie', phrase: ['du doum', 'للدوم'], products: ['Paniers', 'Nattes'] },
    { name: 'Bois', phrase: ['du bois', 'للنجارة'], products: ['Coffrets en thuya', 'Meubles'] },
    { name: 'Cuir', phrase: ['du cuir', 'للجلد'], products: ['Babouches', 'Sacs en cuir'] },
    { name: 'Bijoux', phrase: ['des bijoux', 'للحلي'], products: ['Bijoux en argent'] },
    { name: 'Tissage', phrase: ['du tissage', 'للنسيج'], products: ['Couvertures', 'Burnous'] },
  ],
  argan: [
    { name: 'Huile d’argan', phrase: ['d’argan', 'لإنتاج زيت الأركان'], products: ['Huile d’argan alimentaire', 'Huile d’argan cosmétique', 'Amlou', 'Savon à l’argan'] },
  ],
  aromatic_medicinal_plants: [
    { name: 'Plantes aromatiques et médicinales', phrase: ['des plantes aromatiques', 'للنباتات العطرية والطبية'], products: ['Romarin', 'Thym', 'Armoise', 'Huiles essentielles'] },
    { name: 'Caroube', phrase: ['du caroube', 'للخروب'], products: ['Poudre de caroube'] },
    { name: 'Henné', phrase: ['du henné', 'للحناء'], products: ['Henné'] },
  ],
  agrifood: [
    { name: 'Couscous', phrase: ['du couscous', 'للكسكس'], products: ['Couscous', 'Berkoukes'] },
    { name: 'Transformation', phrase: ['de transformation', 'للتحويل الغذائي'], products: ['Confitures', 'Conserves'] },
    { name: 'Pâtisserie', phrase: ['de pâtisserie', 'للحلويات'], products: ['Gâteaux traditionnels', 'Chebakia'] },
    { name: 'Épices', phrase: ['des épices', 'للتوابل'], products: ['Ras el hanout', 'Cumin'] },
  ],
  forestry: [
    { name: 'Liège', phrase: ['du liège', 'للفلين'], products: ['Liège'] },
    { name: 'Champignons', phrase: ['des champignons', 'للفطر'], products: ['Truffes', 'Champignons séchés'] },
    { name: 'Bois de feu', phrase: ['forestière', 'الغابوية'], products: ['Bois de feu', 'Charbon'] },
  ],
  housing: [{ name: 'Habitat', phrase: ['', ''], products: [] }],
  services: [
    { name: 'Services', phrase: ['de services', 'للخدمات'], products: ['Nettoyage', 'Gardiennage', 'Restauration collective'] },
    { name: 'Préscolaire', phrase: ['d’enseignement préscolaire', 'للتعليم الأولي'], products: ['Préscolaire'] },
    { name: 'Informatique', phrase: ['d’informatique', 'للمعلوميات'], products: ['Saisie', 'Maintenance informatique'] },
  ],
  transport: [{ name: 'Transport', phrase: ['de transport', 'للنقل'], products: ['Transport de personnes', 'Transport de marchandises'] }],
  consumption: [{ name: 'Consommation', phrase: ['de consommation', 'للاستهلاك'], products: ['Épicerie'] }],
  tourism: [{ name: 'Tourisme rural', phrase: ['de tourisme rural', 'للسياحة القروية'], products: ['Gîte', 'Circuits'] }],
  other: [{ name: 'Multiservices', phrase: ['multiservices', 'متعددة الخدمات'], products: ['Services divers'] }],
};

/** Communes are composed like many real ones: a prefix (saint, tribe, spring, market day) and a stem. */
export const communePrefixes: readonly string[] = [
  'Sidi', 'Aït', 'Oulad', 'Aïn', 'Bni', 'Tizi', 'Had', 'Sebt', 'Khemis', 'Tleta', 'Arbaa', 'Dar', 'Ras', 'Bir', 'Souk', 'Tnine',
];
export const communeStems: readonly string[] = [
  'Bouzid', 'Ahmed', 'Moussa', 'Ali', 'Brahim', 'Yahya', 'Amar', 'Smail', 'Aïssa', 'Hssain', 'Baha', 'Abdallah', 'Rahhal', 'Jaber',
  'Lahcen', 'Saïd', 'Youssef', 'Hammou', 'Ayad', 'Omar', 'Mansour', 'Ghiat', 'Yaacoub', 'Boubker', 'Driss', 'Kacem', 'Mimoun',
  'Bouchta', 'Tahar', 'Larbi', 'Messaoud', 'Allal',
];

export const womenFirstNames: readonly string[] = [
  'Fatima', 'Khadija', 'Aicha', 'Malika', 'Naima', 'Rachida', 'Zahra', 'Hafsa', 'Saida', 'Latifa', 'Meryem', 'Hanane', 'Samira', 'Itto', 'Touda', 'Fadma',
];
export const menFirstNames: readonly string[] = [
  'Mohamed', 'Ahmed', 'Brahim', 'Lahcen', 'Hassan', 'Mustapha', 'Abdellah', 'Youssef', 'Omar', 'Said', 'Hamid', 'Rachid', 'Driss', 'Khalid', 'Mbarek', 'Ali',
];
export const familyNames: readonly string[] = [
  'El Idrissi', 'Benali', 'Ait Ouaziz', 'Amrani', 'Bouzidi', 'El Fassi', 'Ouhammou', 'Lahlou', 'Tazi', 'Berrada', 'Ait Lahcen', 'Boutaleb',
  'Chraibi', 'El Alaoui', 'Haddaoui', 'Naciri', 'Oubella', 'Zerouali', 'Belkadi', 'Id Brahim',
];
