import type { CooperativeInputDraft } from '../../core/registry/cooperative.schema.js';

/**
 * Fictional but plausible records for the two seed programmes. Names, people
 * and phone numbers are invented; every record is marked as demo data.
 */

export const demoPassword = 'Demo-Taawon-2026';

export const demoUsers = [
  { email: 'admin@demo.taawon.ma', displayName: 'Samira Ouali (administratrice)', role: 'admin', programmes: null },
  { email: 'manager@demo.taawon.ma', displayName: 'Youssef Amrani (chef de programme)', role: 'programme_manager', programmes: ['INJAZ-LSH-18', 'MOURAFAKA-SM-T2'] },
  { email: 'consultant@demo.taawon.ma', displayName: 'Khadija Belhaj (consultante)', role: 'consultant', programmes: ['INJAZ-LSH-18', 'MOURAFAKA-SM-T2'] },
  { email: 'trainer@demo.taawon.ma', displayName: 'Hassan Lahlou (formateur)', role: 'consultant', programmes: ['INJAZ-LSH-18'] },
  { email: 'cooperative@demo.taawon.ma', displayName: 'Mbarka Ould Sidi (présidente de coopérative)', role: 'cooperative_representative', programmes: null },
  { email: 'funder@demo.taawon.ma', displayName: 'Observateur du partenaire', role: 'funder', programmes: ['INJAZ-LSH-18'] },
] as const;

export const demoProgrammes = [
  {
    code: 'INJAZ-LSH-18',
    nameFr: 'Formation et accompagnement de 18 coopératives — Laâyoune, Tarfaya, Boujdour',
    nameAr: 'تكوين ومواكبة 18 تعاونية — العيون، طرفاية، بوجدور',
    nameEn: 'Training and coaching of 18 cooperatives — Laâyoune, Tarfaya, Boujdour',
  },
  {
    code: 'MOURAFAKA-SM-T2',
    nameFr: 'Mourafaka, 2e tranche — appui post-création de 33 coopératives du Souss-Massa',
    nameAr: 'مرافقة، الشطر الثاني — دعم 33 تعاونية حديثة التأسيس بسوس ماسة',
    nameEn: 'Mourafaka, 2nd tranche — post-creation support of 33 Souss-Massa cooperatives',
  },
] as const;

type Seed = [nameFr: string, nameAr: string, provinceCode: string, commune: string, sector: CooperativeInputDraft['sector'], valueChain: string, products: string[]];

const southSeeds: Seed[] = [
  ['Coopérative Al Amal des produits de la mer', 'تعاونية الأمل لمنتجات البحر', '11.321', 'Laâyoune', 'fisheries', 'Poisson séché', ['Poisson séché', 'Farine de poisson']],
  ['Coopérative Sakia El Hamra de lait de chamelle', 'تعاونية الساقية الحمراء لحليب النوق', '11.321', 'Laâyoune', 'livestock', 'Lait de chamelle', ['Lait de chamelle', 'Fromage de chamelle']],
  ['Coopérative Nisaa Al Janoub de tissage', 'تعاونية نساء الجنوب للنسيج', '11.321', 'Laâyoune', 'handicrafts', 'Tissage de khaïma', ['Tentes khaïma', 'Tapis']],
  ['Coopérative Tiznit Al Jadida de couscous', 'تعاونية النهضة للكسكس', '11.321', 'Foum El Oued', 'agrifood', 'Couscous et pâtes', ['Couscous', 'Seffa']],
  ['Coopérative Al Waha des plantes du désert', 'تعاونية الواحة لنباتات الصحراء', '11.321', 'Dcheira', 'aromatic_medicinal_plants', 'Plantes médicinales', ['Henné', 'Armoise']],
  ['Coopérative Al Massira de maroquinerie', 'تعاونية المسيرة للمصنوعات الجلدية', '11.321', 'El Marsa', 'handicrafts', 'Cuir', ['Sacs', 'Babouches']],
  ['Coopérative Akhfennir de pêche artisanale', 'تعاونية أخفنير للصيد التقليدي', '11.537', 'Akhfennir', 'fisheries', 'Pêche artisanale', ['Poulpe', 'Courbine']],
  ['Coopérative Al Bahr Al Azraq des algues', 'تعاونية البحر الأزرق للطحالب', '11.537', 'Akhfennir', 'fisheries', 'Algues marines', ['Algues séchées']],
  ['Coopérative Nour Akhfennir des femmes', 'تعاونية نور أخفنير النسائية', '11.537', 'Akhfennir', 'agrifood', 'Conserves de poisson', ['Thon à l’huile', 'Sardines']],
  ['Coopérative Tah des éleveurs de chameaux', 'تعاونية الطاح لمربي الإبل', '11.537', 'Tah', 'livestock', 'Élevage camelin', ['Viande cameline', 'Lait de chamelle']],
  ['Coopérative Al Khair de Tah', 'تعاونية الخير بالطاح', '11.537', 'Tah', 'handicrafts', 'Tannage et tissage', ['Coussins en cuir', 'Tapis']],
  ['Coopérative Rimal Tah du tourisme solidaire', 'تعاونية رمال الطاح للسياحة التضامنية', '11.537', 'Tah', 'tourism', 'Bivouacs', ['Accueil en bivouac', 'Randonnées']],
  ['Coopérative Boujdour Al Fath des produits halieutiques', 'تعاونية بوجدور الفتح للمنتجات البحرية', '11.121', 'Boujdour', 'fisheries', 'Poisson séché', ['Poisson séché', 'Poulpe séché']],
  ['Coopérative Al Ittihad des femmes de Boujdour', 'تعاونية الاتحاد لنساء بوجدور', '11.121', 'Boujdour', 'handicrafts', 'Couture traditionnelle', ['Melhfas', 'Broderie']],
  ['Coopérative Jil Al Moustaqbal de Boujdour', 'تعاونية جيل المستقبل ببوجدور', '11.121', 'Boujdour', 'services', 'Services numériques', ['Saisie', 'Impression']],
  ['Coopérative Lemsid des éleveurs', 'تعاونية لمسيد للكسابة', '11.121', 'Lamsid', 'livestock', 'Élevage caprin', ['Chevreaux', 'Lait de chèvre']],
  ['Coopérative Al Baraka de couscous d’orge', 'تعاونية البركة لكسكس الشعير', '11.121', 'Gueltat Zemmour', 'agrifood', 'Céréales', ['Couscous d’orge', 'Belboula']],
  ['Coopérative Nakhil Al Janoub de dattes', 'تعاونية نخيل الجنوب للتمور', '11.321', 'Laâyoune', 'agriculture', 'Dattes', ['Dattes', 'Pâte de dattes']],
];

const soussSeeds: Seed[] = [
  ['Coopérative Tifaout Argan', 'تعاونية تيفاوت للأركان', '09.001', 'Tamri', 'argan', 'Huile d’argan', ['Huile d’argan alimentaire', 'Amlou']],
  ['Coopérative Aghroud des pêcheurs', 'تعاونية أغروض للصيادين', '09.001', 'Aourir', 'fisheries', 'Pêche artisanale', ['Sardines', 'Anchois']],
  ['Coopérative Imouzzer miel de montagne', 'تعاونية إيموزار لعسل الجبل', '09.001', 'Imouzzer Ida Ou Tanane', 'agriculture', 'Apiculture', ['Miel de thym', 'Miel d’euphorbe']],
  ['Coopérative Tagadirt des plantes aromatiques', 'تعاونية تاكاديرت للنباتات العطرية', '09.001', 'Drarga', 'aromatic_medicinal_plants', 'Plantes aromatiques', ['Thym', 'Romarin']],
  ['Coopérative Numérique Souss Services', 'تعاونية سوس الرقمية للخدمات', '09.001', 'Agadir', 'services', 'Services numériques', ['Sites web', 'Photographie de produits']],
  ['Coopérative Inezgane Couture Moderne', 'تعاونية إنزكان للخياطة العصرية', '09.273', 'Inezgane', 'handicrafts', 'Couture', ['Caftans', 'Tenues professionnelles']],
  ['Coopérative Aït Melloul des produits du terroir', 'تعاونية أيت ملول للمنتجات المحلية', '09.273', 'Aït Melloul', 'agrifood', 'Produits du terroir', ['Amlou', 'Couscous']],
  ['Coopérative Lqliâa pâtisserie traditionnelle', 'تعاونية القليعة للحلويات التقليدية', '09.273', 'Lqliâa', 'agrifood', 'Pâtisserie', ['Gâteaux secs', 'Chebakia']],
  ['Coopérative Temsia Agri-Jeunes', 'تعاونية تمسية للشباب الفلاحي', '09.273', 'Temsia', 'agriculture', 'Maraîchage', ['Tomates', 'Poivrons']],
  ['Coopérative Dcheira recyclage', 'تعاونية الدشيرة لإعادة التدوير', '09.273', 'Dcheira El Jihadia', 'services', 'Recyclage', ['Plastique trié', 'Carton']],
  ['Coopérative Aït Baha figue de Barbarie', 'تعاونية أيت باها للصبار', '09.163', 'Aït Baha', 'agriculture', 'Cactus', ['Figues de Barbarie', 'Huile de pépins']],
  ['Coopérative Biougra lait et dérivés', 'تعاونية بيوكرى للحليب ومشتقاته', '09.163', 'Biougra', 'livestock', 'Lait', ['Lait', 'Lben', 'Beurre']],
  ['Coopérative Massa Tourisme Nature', 'تعاونية ماسة لسياحة الطبيعة', '09.163', 'Massa', 'tourism', 'Écotourisme', ['Observation des oiseaux', 'Gîte']],
  ['Coopérative Belfaa des primeurs', 'تعاونية بلفاع للبواكر', '09.163', 'Belfaa', 'agriculture', 'Primeurs', ['Haricots verts', 'Courgettes']],
  ['Coopérative Tanalt Argan des femmes', 'تعاونية تانالت النسائية للأركان', '09.163', 'Tanalt', 'argan', 'Huile d’argan', ['Huile d’argan cosmétique', 'Savon']],
  ['Coopérative Taliouine Safran d’or', 'تعاونية تالوين للزعفران الذهبي', '09.541', 'Taliouine', 'agriculture', 'Safran', ['Safran en filaments']],
  ['Coopérative Ouled Teima agrumes', 'تعاونية أولاد تايمة للحوامض', '09.541', 'Ouled Teima', 'agriculture', 'Agrumes', ['Oranges', 'Clémentines']],
  ['Coopérative Tiout palmeraie', 'تعاونية تيوت للواحات', '09.541', 'Tiout', 'agriculture', 'Dattes', ['Dattes', 'Henné']],
  ['Coopérative Igherm tapis de laine', 'تعاونية إغرم لزرابي الصوف', '09.541', 'Igherm', 'handicrafts', 'Tapis', ['Tapis de laine', 'Coussins']],
  ['Coopérative Aoulouz amandes', 'تعاونية أولوز للوز', '09.541', 'Aoulouz', 'agriculture', 'Amandes', ['Amandes', 'Amlou']],
  ['Coopérative Taroudannt cuir et dinanderie', 'تعاونية تارودانت للجلد والنحاس', '09.541', 'Taroudannt', 'handicrafts', 'Cuir et cuivre', ['Sacs', 'Plateaux en cuivre']],
  ['Coopérative Tiznit bijoux en argent', 'تعاونية تيزنيت للحلي الفضية', '09.581', 'Tiznit', 'handicrafts', 'Bijouterie', ['Bracelets', 'Fibules']],
  ['Coopérative Aglou pêche et algues', 'تعاونية أكلو للصيد والطحالب', '09.581', 'Aglou', 'fisheries', 'Algues', ['Algues séchées', 'Moules']],
  ['Coopérative Tafraout amandiers', 'تعاونية تافراوت للوز', '09.581', 'Tafraout', 'agriculture', 'Amandes', ['Amandes', 'Huile d’amande']],
  ['Coopérative Anzi élevage caprin', 'تعاونية أنزي لتربية الماعز', '09.581', 'Anzi', 'livestock', 'Élevage caprin', ['Chevreaux', 'Fromage de chèvre']],
  ['Coopérative Mirleft plantes médicinales', 'تعاونية ميرلفت للنباتات الطبية', '09.581', 'Mirleft', 'aromatic_medicinal_plants', 'Plantes médicinales', ['Origan', 'Lavande']],
  ['Coopérative Ouijjane couscous', 'تعاونية أوجان للكسكس', '09.581', 'Ouijjane', 'agrifood', 'Céréales', ['Couscous', 'Tchicha']],
  ['Coopérative Tata dattes Bouskri', 'تعاونية طاطا لتمور بوسكري', '09.551', 'Tata', 'agriculture', 'Dattes', ['Dattes Bouskri', 'Sirop de dattes']],
  ['Coopérative Akka henné', 'تعاونية أقا للحناء', '09.551', 'Akka', 'aromatic_medicinal_plants', 'Henné', ['Henné en poudre']],
  ['Coopérative Foum Zguid artisanat', 'تعاونية فم زكيد للصناعة التقليدية', '09.551', 'Foum Zguid', 'handicrafts', 'Vannerie', ['Paniers en palmier', 'Nattes']],
  ['Coopérative Issafen élevage ovin', 'تعاونية إسافن لتربية الأغنام', '09.551', 'Issafen', 'livestock', 'Élevage ovin', ['Agneaux', 'Laine']],
  ['Coopérative Tissint eaux et oasis', 'تعاونية تيسينت للواحات', '09.551', 'Tissint', 'tourism', 'Tourisme oasien', ['Gîte', 'Circuits']],
  ['Coopérative Agadir Melloul miel', 'تعاونية أكادير ملول للعسل', '09.541', 'Agadir Melloul', 'agriculture', 'Apiculture', ['Miel de jujubier']],
];

const firstNames = ['Fatima', 'Aicha', 'Khadija', 'Mbarka', 'Zineb', 'Hassan', 'Mohamed', 'Brahim', 'Lahcen', 'Naima', 'Rachid', 'Saida', 'Abdellah', 'Hafsa', 'Omar', 'Malika'];
const lastNames = ['Ait Ali', 'Ouhammou', 'El Alaoui', 'Boutaleb', 'Lamine', 'Ould Ahmed', 'Ahouari', 'Bensaid', 'Id Brahim', 'Amzil', 'Oubella', 'Sbai', 'Ait Ouzine', 'El Houssaini'];

/** A small deterministic generator, so the demo is the same on every machine. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

function person(next: () => number) {
  return `${pick(next, firstNames)} ${pick(next, lastNames)}`;
}

function phone(next: () => number) {
  return `06${String(Math.floor(next() * 1e8)).padStart(8, '0')}`;
}

function isoDate(year: number, next: () => number) {
  const month = 1 + Math.floor(next() * 12);
  const day = 1 + Math.floor(next() * 28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function build(seeds: Seed[], programme: string, prefix: string, years: (next: () => number) => string, seed: number) {
  const next = random(seed);
  return seeds.map(([nameFr, nameAr, provinceCode, commune, sector, valueChain, products], index) => {
    const membersTotal = 7 + Math.floor(next() * 30);
    const membersWomen = sector === 'handicrafts' || nameFr.includes('femmes') ? membersTotal : Math.floor(next() * membersTotal);
    const draft: CooperativeInputDraft = {
      registrationNumber: `${prefix}-${String(index + 1).padStart(3, '0')}`,
      nameFr,
      nameAr,
      legalForm: 'cooperative',
      creationDate: years(next),
      sector,
      valueChain,
      provinceCode,
      commune,
      membersTotal,
      membersWomen,
      membersYoung: Math.floor(next() * membersTotal * 0.6),
      capitalMad: 1000 * (2 + Math.floor(next() * 40)),
      presidentName: person(next),
      presidentPhone: phone(next),
      managerName: person(next),
      managerPhone: phone(next),
      products,
      turnoverMad: Math.round(next() * 600) * 1000,
      turnoverYear: 2025,
      status: 'active',
    };
    const members = [
      { fullName: draft.presidentName!, role: 'president' as const, sex: membersWomen === membersTotal || next() < 0.5 ? ('female' as const) : ('male' as const), ageGroup: '35_to_54' as const, phone: draft.presidentPhone },
      { fullName: person(next), role: 'treasurer' as const, sex: next() < 0.6 ? ('female' as const) : ('male' as const), ageGroup: 'under_35' as const, phone: phone(next) },
      { fullName: person(next), role: 'secretary' as const, sex: next() < 0.6 ? ('female' as const) : ('male' as const), ageGroup: '55_and_over' as const, phone: null },
    ];
    return { programme, draft, members };
  });
}

/** 18 cooperatives of the south, created over the past fifteen years. */
export const southCooperatives = build(southSeeds, 'INJAZ-LSH-18', 'LAA', (next) => isoDate(2010 + Math.floor(next() * 13), next), 18);

/** Between about three and twenty months before the day the demo is loaded: before the programme's enrolment, three months ago. */
function recentDate(next: () => number) {
  const daysAgo = 100 + Math.floor(next() * 500);
  return new Date(Date.now() - daysAgo * 24 * 3600 * 1000).toISOString().slice(0, 10);
}

/** 33 cooperatives of Souss-Massa, all created less than two years before the programme starts (now). */
export const soussCooperatives = build(soussSeeds, 'MOURAFAKA-SM-T2', 'SM', recentDate, 33);

const soussRegistrySeeds: Seed[] = [
  ['Coopérative Tamaynoute argan', 'تعاونية تامينوت للأركان', '09.163', 'Aït Amira', 'argan', 'Huile d’argan', ['Huile d’argan', 'Savon']],
  ['Coopérative Al Fajr de Taroudannt', 'تعاونية الفجر بتارودانت', '09.541', 'Taroudannt', 'agriculture', 'Olives', ['Huile d’olive', 'Olives de table']],
  ['Coopérative Tighmert pêcheurs d’Imsouane', 'تعاونية تيغمرت لصيادي إمسوان', '09.001', 'Imsouane', 'fisheries', 'Pêche artisanale', ['Poulpe', 'Sardines']],
  ['Coopérative Amal Tiznit broderie', 'تعاونية أمل تيزنيت للطرز', '09.581', 'Tiznit', 'handicrafts', 'Broderie', ['Broderie', 'Linge de maison']],
  ['Coopérative Inezgane transport solidaire', 'تعاونية إنزكان للنقل التضامني', '09.273', 'Inezgane', 'transport', 'Transport', ['Transport de marchandises']],
  ['Coopérative Oasis Tata vannerie', 'تعاونية واحة طاطا للسلالة', '09.551', 'Tata', 'handicrafts', 'Vannerie', ['Paniers']],
];

/**
 * Older cooperatives of Souss-Massa in the registry but not in Mourafaka:
 * candidates a new programme for young cooperatives refuses for their age.
 */
export const soussRegistryCooperatives = build(soussRegistrySeeds, '', 'SMR', (next) => isoDate(2012 + Math.floor(next() * 10), next), 39);

/** The representative's cooperative, in the first programme. */
export const representedCooperativeNumber = 'LAA-007';
