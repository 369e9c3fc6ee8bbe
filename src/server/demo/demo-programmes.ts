import type { Cadences, EligibilityRules, OrganisationKind, PhaseKindCode, TeamRole } from '../../core/programmes/programme-settings.schema.js';

/**
 * The set-up of both seed programmes as their articles describe them, and the
 * organisations around them. Dates are counted from the day the demo loads,
 * so that the demo always shows a programme under way: the Laâyoune one four
 * months in (diagnostic done, trainings ending), Mourafaka three months in.
 */

export interface DemoOrganisation {
  key: string;
  nameFr: string;
  nameAr: string;
  nameEn: string;
  acronym: string | null;
  kind: OrganisationKind;
  regionCode: string | null;
  website: string | null;
  notes: string | null;
}

export const demoOrganisations: DemoOrganisation[] = [
  {
    key: 'injaz',
    nameFr: 'Injaz Al Maghrib',
    nameAr: 'إنجاز المغرب',
    nameEn: 'Injaz Al Maghrib',
    acronym: null,
    kind: 'operator',
    regionCode: null,
    website: 'https://www.injazalmaghrib.ma',
    notes: 'Association reconnue d’utilité publique ; étude de diagnostic des organismes de l’ESS en 2019.',
  },
  {
    key: 'corporate',
    nameFr: 'Grande entreprise partenaire (mécénat du programme)',
    nameAr: 'المقاولة الشريكة (رعاية البرنامج)',
    nameEn: 'Corporate partner (programme sponsor)',
    acronym: null,
    kind: 'company',
    regionCode: null,
    website: null,
    notes: 'Partenaire financeur du programme des 18 coopératives (nom non public dans l’appel à consultation).',
  },
  {
    key: 'odco',
    nameFr: 'Office du Développement de la Coopération',
    nameAr: 'مكتب تنمية التعاون',
    nameEn: 'Cooperative Development Office',
    acronym: 'ODCO',
    kind: 'cooperatives_office',
    regionCode: null,
    website: 'https://www.odco.gov.ma',
    notes: 'Pilote le programme Mourafaka d’appui post-création ; tient le registre central des coopératives.',
  },
  {
    key: 'odco-laayoune',
    nameFr: 'ODCO — Délégation régionale de Laâyoune',
    nameAr: 'مكتب تنمية التعاون — المندوبية الجهوية بالعيون',
    nameEn: 'ODCO — Laâyoune regional delegation',
    acronym: 'ODCO',
    kind: 'cooperatives_office',
    regionCode: '11',
    website: null,
    notes: null,
  },
  {
    key: 'ministry-sse',
    nameFr: 'Ministère du Tourisme, de l’Artisanat et de l’Économie Sociale et Solidaire',
    nameAr: 'وزارة السياحة والصناعة التقليدية والاقتصاد الاجتماعي والتضامني',
    nameEn: 'Ministry of Tourism, Handicrafts and Social and Solidarity Economy',
    acronym: null,
    kind: 'public_agency',
    regionCode: null,
    website: null,
    notes: 'Signataire de la convention Mourafaka du 11 mai 2011.',
  },
  {
    key: 'ministry-finance',
    nameFr: 'Ministère de l’Économie et des Finances',
    nameAr: 'وزارة الاقتصاد والمالية',
    nameEn: 'Ministry of Economy and Finance',
    acronym: null,
    kind: 'public_agency',
    regionCode: null,
    website: null,
    notes: 'Signataire de la convention Mourafaka du 11 mai 2011.',
  },
  {
    key: 'chamber-crafts-sm',
    nameFr: 'Chambre d’Artisanat de la région Souss-Massa',
    nameAr: 'غرفة الصناعة التقليدية لجهة سوس ماسة',
    nameEn: 'Souss-Massa Chamber of Handicrafts',
    acronym: null,
    kind: 'chamber',
    regionCode: '09',
    website: null,
    notes: null,
  },
  {
    key: 'chamber-agri-sm',
    nameFr: 'Chambre d’Agriculture de la région Souss-Massa',
    nameAr: 'الغرفة الفلاحية لجهة سوس ماسة',
    nameEn: 'Souss-Massa Chamber of Agriculture',
    acronym: null,
    kind: 'chamber',
    regionCode: '09',
    website: null,
    notes: null,
  },
  {
    key: 'region-laayoune',
    nameFr: 'Conseil de la région Laâyoune-Sakia El Hamra',
    nameAr: 'مجلس جهة العيون الساقية الحمراء',
    nameEn: 'Laâyoune-Sakia El Hamra Regional Council',
    acronym: null,
    kind: 'local_authority',
    regionCode: '11',
    website: null,
    notes: null,
  },
  {
    key: 'cam',
    nameFr: 'Crédit Agricole du Maroc',
    nameAr: 'القرض الفلاحي للمغرب',
    nameEn: 'Crédit Agricole du Maroc',
    acronym: 'CAM',
    kind: 'bank',
    regionCode: null,
    website: null,
    notes: null,
  },
  {
    key: 'amana',
    nameFr: 'Al Amana Microfinance',
    nameAr: 'الأمانة للقروض الصغرى',
    nameEn: 'Al Amana Microfinance',
    acronym: null,
    kind: 'microfinance',
    regionCode: null,
    website: null,
    notes: null,
  },
  {
    key: 'consultancy',
    nameFr: 'Atlas Conseil & Développement (cabinet retenu)',
    nameAr: 'أطلس للاستشارة والتنمية (المكتب المختار)',
    nameEn: 'Atlas Consulting & Development (selected firm)',
    acronym: null,
    kind: 'consultancy',
    regionCode: null,
    website: null,
    notes: 'Cabinet fictif retenu après l’appel à consultation ; réalise les diagnostics, les formations et le suivi.',
  },
];

export interface DemoPhase {
  kind: PhaseKindCode;
  /** Days from the programme's start. */
  from: number;
  to: number;
}

export interface DemoProgrammeSetup {
  code: string;
  operator: string;
  funders: Array<[key: string, contributionMad: number | null]>;
  partners: string[];
  descriptionFr: string;
  descriptionAr: string;
  descriptionEn: string;
  /** Days before the demo loads. */
  startedDaysAgo: number;
  durationMonths: number;
  targetCooperatives: number;
  budgetMad: number;
  regionCodes: string[];
  provinceCodes: string[];
  phases: DemoPhase[];
  cadences: Cadences;
  eligibility: EligibilityRules;
  team: Array<[email: string, role: TeamRole]>;
}

const noRules: EligibilityRules = {
  maxAgeMonths: null,
  withinTerritory: true,
  sectors: [],
  legalForms: [],
  minMembers: null,
  minWomenSharePercent: null,
  minYoungSharePercent: null,
  sharesCombine: 'all',
  excludeIfInActiveProgramme: false,
};

export const demoProgrammeSetups: DemoProgrammeSetup[] = [
  {
    code: 'INJAZ-LSH-18',
    operator: 'injaz',
    funders: [['corporate', 1_200_000]],
    partners: ['odco-laayoune', 'region-laayoune', 'consultancy'],
    descriptionFr:
      'Programme de formation et d’accompagnement de 18 coopératives cibles des provinces de Laâyoune, Tarfaya (Akhfennir, Tah) et Boujdour, en deux phases : un diagnostic des besoins techniques, financiers et juridiques, puis un plan et un guide de formation adaptés ; un plan d’action par coopérative, des ateliers pratiques mensuels pendant six mois après les formations et un suivi bimensuel à distance.',
    descriptionAr:
      'برنامج لتكوين ومواكبة 18 تعاونية مستهدفة بأقاليم العيون وطرفاية (أخفنير، الطاح) وبوجدور، على مرحلتين: تشخيص الحاجيات التقنية والمالية والقانونية، ثم مخطط ودليل تكوين ملائمان؛ مع مخطط عمل لكل تعاونية، وورشات تطبيقية شهرية لمدة ستة أشهر بعد التكوينات، وتتبع عن بعد مرتين في الشهر.',
    descriptionEn:
      'Training and coaching of 18 target cooperatives in Laâyoune, Tarfaya (Akhfennir, Tah) and Boujdour, in two phases: a diagnostic of technical, financial and legal needs, then a training plan and guide fitted to them; an action plan per cooperative, monthly practical workshops for six months after the trainings and remote follow-up twice a month.',
    startedDaysAgo: 120,
    durationMonths: 12,
    targetCooperatives: 18,
    budgetMad: 1_200_000,
    regionCodes: ['11'],
    provinceCodes: ['11.321', '11.537', '11.121'],
    phases: [
      { kind: 'diagnostic', from: 0, to: 59 },
      { kind: 'training', from: 60, to: 134 },
      { kind: 'accompaniment', from: 135, to: 319 },
      { kind: 'follow_up', from: 135, to: 334 },
      { kind: 'closing', from: 335, to: 364 },
    ],
    cadences: { workshops: { perMonth: 1, durationMonths: 6, startsAfterPhase: 'training' }, remoteFollowUp: { perMonth: 2 }, coaching: null },
    eligibility: { ...noRules, withinTerritory: true },
    team: [
      ['manager@demo.taawon.ma', 'project_lead'],
      ['consultant@demo.taawon.ma', 'consultant'],
      ['trainer@demo.taawon.ma', 'trainer'],
    ],
  },
  {
    code: 'MOURAFAKA-SM-T2',
    operator: 'odco',
    funders: [
      ['ministry-sse', 935_000],
      ['ministry-finance', 467_500],
    ],
    partners: ['chamber-crafts-sm', 'chamber-agri-sm', 'consultancy'],
    descriptionFr:
      'Programme d’appui post-création des coopératives nouvellement créées (Mourafaka), 2e tranche : accompagnement de proximité de 33 coopératives du Souss-Massa pendant deux ans — diagnostic stratégique, formation groupée des gestionnaires, accompagnement individuel et financement d’actions — en gestion, gouvernance, marketing et commercialisation, techniques de production, planification stratégique, suivi et évaluation.',
    descriptionAr:
      'برنامج مرافقة التعاونيات حديثة التأسيس (مرافقة)، الشطر الثاني: مواكبة عن قرب لـ33 تعاونية بجهة سوس ماسة لمدة سنتين — تشخيص استراتيجي، وتكوين جماعي للمسيرين، ومواكبة فردية، وتمويل أنشطة — في التسيير والحكامة والتسويق والتقنيات الإنتاجية والتخطيط الاستراتيجي والتتبع والتقييم.',
    descriptionEn:
      'Post-creation support of newly created cooperatives (Mourafaka), 2nd tranche: close support of 33 Souss-Massa cooperatives for two years — strategic diagnostic, grouped training of managers, individual coaching and financing of actions — in management, governance, marketing and sales, production techniques, strategic planning, monitoring and evaluation.',
    startedDaysAgo: 90,
    durationMonths: 24,
    targetCooperatives: 33,
    budgetMad: 1_402_500,
    regionCodes: ['09'],
    provinceCodes: ['09.001', '09.273', '09.163', '09.541', '09.581', '09.551'],
    phases: [
      { kind: 'diagnostic', from: 0, to: 59 },
      { kind: 'training', from: 45, to: 164 },
      { kind: 'accompaniment', from: 60, to: 699 },
      { kind: 'follow_up', from: 60, to: 699 },
      { kind: 'closing', from: 700, to: 729 },
    ],
    cadences: { workshops: null, remoteFollowUp: { perMonth: 1 }, coaching: { sessions: 12, overMonths: 24 } },
    eligibility: { ...noRules, maxAgeMonths: 24, withinTerritory: true },
    team: [
      ['manager@demo.taawon.ma', 'project_lead'],
      ['consultant@demo.taawon.ma', 'coach'],
    ],
  },
];
