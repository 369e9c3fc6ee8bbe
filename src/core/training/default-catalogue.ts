import type { LocalizedText } from '../diagnostics/framework.schema.js';
import { durationFromSequences } from './catalogue.rules.js';
import type { ModuleAudience, ModuleFormat, ModuleSequence, TrainingModuleDefinition } from './module.schema.js';

/**
 * The catalogue Taawon ships: modules answering the needs of the default
 * diagnostic framework's ten domains (at least two per domain), each keyed by
 * the framework's question keys so that the plan generator can match them to
 * a cooperative's ranked needs.
 *
 * Codes are stable: `ensureDefaultCatalogue` adds shipped modules that are
 * missing and refreshes those nobody edited; a module an admin changed keeps
 * the admin's text.
 */

export interface ShippedModule {
  code: string;
  definition: TrainingModuleDefinition;
}

const t = (fr: string, ar: string, en: string): LocalizedText => ({ fr, ar, en });
const seq = (minutes: number, title: LocalizedText, method: LocalizedText): ModuleSequence => ({ title, method, minutes });

interface Draft {
  title: LocalizedText;
  domainKeys: string[];
  needKeys: string[];
  format: ModuleFormat;
  audience: ModuleAudience[];
  prerequisites?: string[];
  objectives: LocalizedText[];
  sequences: ModuleSequence[];
  materials?: LocalizedText[];
}

function shipped(code: string, draft: Draft): ShippedModule {
  return {
    code,
    definition: {
      title: draft.title,
      domainKeys: draft.domainKeys,
      needKeys: draft.needKeys,
      objectives: draft.objectives,
      sequences: draft.sequences,
      durationHours: durationFromSequences(draft.sequences),
      format: draft.format,
      audience: draft.audience,
      prerequisites: draft.prerequisites ?? [],
      materials: draft.materials ?? [],
    },
  };
}

/* Methods used again and again. */
const lecture = t('Exposé interactif illustré d’exemples de coopératives de la région', 'عرض تفاعلي مدعم بأمثلة من تعاونيات الجهة', 'Interactive presentation illustrated with examples from cooperatives of the region');
const caseStudy = t('Étude de cas en petits groupes puis restitution', 'دراسة حالة في مجموعات صغيرة ثم عرض النتائج', 'Case study in small groups, then report-back');
const exercise = t('Exercice pratique sur les documents de la coopérative', 'تمرين تطبيقي على وثائق التعاونية', 'Hands-on exercise on the cooperative’s own documents');
const rolePlay = t('Jeu de rôle suivi d’un débriefing', 'لعب أدوار متبوع بمناقشة وتقييم', 'Role play followed by a debriefing');
const actionPlan = t('Travail individuel : chaque coopérative rédige ses trois prochaines actions', 'عمل فردي: تحرر كل تعاونية إجراءاتها الثلاثة المقبلة', 'Individual work: each cooperative writes down its next three actions');
const onSite = t('Accompagnement sur place, au local de la coopérative', 'مواكبة ميدانية بمقر التعاونية', 'On-site support at the cooperative’s premises');
const videoCall = t('Séance à distance par visioconférence ou WhatsApp, avec exercice à rendre', 'حصة عن بعد عبر المحادثة المرئية أو واتساب مع تمرين يُنجز', 'Remote session by video call or WhatsApp, with an exercise to hand in');

const law11212 = t('Texte de la loi 112-12 relative aux coopératives (modifiée par la loi 74-16)', 'نص القانون رقم 112.12 المتعلق بالتعاونيات (كما تم تغييره بالقانون 74.16)', 'Text of law 112-12 on cooperatives (as amended by law 74-16)');
const statutes = t('Statuts de la coopérative', 'النظام الأساسي للتعاونية', 'The cooperative’s statutes');
const flipchart = t('Tableau papier, marqueurs, fiches cartonnées', 'سبورة ورقية وأقلام وبطاقات', 'Flipchart, markers, cards');
const calculators = t('Calculatrices', 'آلات حاسبة', 'Calculators');
const smartphone = t('Un smartphone par groupe, connexion Internet', 'هاتف ذكي لكل مجموعة واتصال بالإنترنت', 'One smartphone per group, Internet connection');

export const defaultCatalogue: ShippedModule[] = [
  /* ---------- Legal ---------- */
  shipped('LEG-COMPLIANCE', {
    title: t('Conformité juridique de la coopérative (loi 112-12)', 'المطابقة القانونية للتعاونية (القانون 112.12)', 'Legal compliance of the cooperative (law 112-12)'),
    domainKeys: ['legal'],
    needKeys: ['legal_local_register', 'legal_statutes', 'legal_members_register', 'legal_capital'],
    format: 'grouped_training',
    audience: ['president', 'manager', 'secretary'],
    objectives: [
      t('Connaître les obligations légales d’une coopérative selon la loi 112-12', 'معرفة الالتزامات القانونية للتعاونية وفق القانون 112.12', 'Know a cooperative’s legal obligations under law 112-12'),
      t('Mettre les statuts et le registre des adhérents en conformité', 'ملاءمة النظام الأساسي وسجل المتعاونين مع القانون', 'Bring the statutes and the members’ register into compliance'),
      t('Savoir immatriculer la coopérative et déclarer les modifications', 'معرفة مسطرة تقييد التعاونية والتصريح بالتغييرات', 'Know how to register the cooperative and declare changes'),
    ],
    sequences: [
      seq(90, t('Les principes et obligations de la loi 112-12', 'مبادئ القانون 112.12 والتزاماته', 'Principles and obligations of law 112-12'), lecture),
      seq(90, t('Lecture critique des statuts', 'قراءة نقدية للنظام الأساسي', 'Critical reading of the statutes'), exercise),
      seq(60, t('Tenir le registre des adhérents et le capital social', 'مسك سجل المتعاونين ورأس المال', 'Keeping the members’ register and the share capital'), exercise),
      seq(60, t('Immatriculation au registre local et démarches auprès de l’ODCo', 'التقييد في السجل المحلي والإجراءات لدى مكتب تنمية التعاون', 'Registration in the local register and procedures with ODCo'), caseStudy),
      seq(30, t('Plan de mise en conformité', 'خطة الملاءمة القانونية', 'Compliance plan'), actionPlan),
    ],
    materials: [law11212, statutes, t('Modèle de registre des adhérents', 'نموذج سجل المتعاونين', 'Members’ register template')],
  }),
  shipped('LEG-ONSSA-AUTH', {
    title: t('Obtenir l’autorisation ou l’agrément sanitaire ONSSA', 'الحصول على الترخيص أو الاعتماد الصحي من المكتب الوطني للسلامة الصحية', 'Obtaining the ONSSA sanitary authorisation or approval'),
    domainKeys: ['legal', 'production'],
    needKeys: ['legal_sanitary_authorisation', 'prod_certifications'],
    format: 'individual_coaching',
    audience: ['president', 'manager'],
    prerequisites: ['PROD-HYGIENE'],
    objectives: [
      t('Distinguer autorisation et agrément sanitaires selon l’activité', 'التمييز بين الترخيص والاعتماد الصحيين حسب النشاط', 'Tell sanitary authorisation from approval according to the activity'),
      t('Constituer le dossier de demande auprès de l’ONSSA', 'إعداد ملف الطلب لدى المكتب الوطني للسلامة الصحية للمنتجات الغذائية', 'Prepare the application file for ONSSA'),
    ],
    sequences: [
      seq(60, t('Diagnostic du local et de l’activité au regard de la loi 28-07', 'تشخيص المقر والنشاط على ضوء القانون 28.07', 'Review of premises and activity under law 28-07'), onSite),
      seq(90, t('Constitution du dossier pièce par pièce', 'إعداد الملف وثيقة بوثيقة', 'Building the file document by document'), onSite),
      seq(60, t('Préparer la visite des inspecteurs', 'التحضير لزيارة المراقبين', 'Preparing for the inspectors’ visit'), rolePlay),
    ],
    materials: [t('Liste des pièces exigées par l’ONSSA', 'لائحة الوثائق المطلوبة من طرف المكتب الوطني للسلامة الصحية', 'List of documents required by ONSSA')],
  }),

  /* ---------- Governance ---------- */
  shipped('GOV-ORGANS', {
    title: t('Gouvernance et rôle des organes de la coopérative', 'الحكامة وأدوار أجهزة التعاونية', 'Governance and the role of the cooperative’s bodies'),
    domainKeys: ['governance'],
    needKeys: ['gov_board', 'gov_elections'],
    format: 'grouped_training',
    audience: ['president', 'treasurer', 'secretary', 'members'],
    objectives: [
      t('Connaître les attributions de l’assemblée générale, du conseil d’administration et du président', 'معرفة اختصاصات الجمع العام ومجلس الإدارة والرئيس', 'Know the powers of the general assembly, the board and the president'),
      t('Tenir des réunions du conseil régulières et en dresser procès-verbal', 'عقد اجتماعات منتظمة لمجلس الإدارة وتحرير محاضرها', 'Hold regular board meetings and minute them'),
      t('Organiser le renouvellement des mandats', 'تنظيم تجديد الولايات', 'Organise the renewal of mandates'),
    ],
    sequences: [
      seq(90, t('Qui décide quoi : les organes et leurs pouvoirs', 'من يقرر ماذا: الأجهزة وصلاحياتها', 'Who decides what: the bodies and their powers'), lecture),
      seq(60, t('Le conseil d’administration en pratique', 'مجلس الإدارة في الممارسة', 'The board in practice'), rolePlay),
      seq(60, t('Rédiger un procès-verbal de réunion', 'تحرير محضر اجتماع', 'Writing meeting minutes'), exercise),
      seq(60, t('Élections et durée des mandats', 'الانتخابات ومدة الولايات', 'Elections and terms of office'), caseStudy),
    ],
    materials: [law11212, statutes, t('Modèle de procès-verbal du conseil', 'نموذج محضر اجتماع مجلس الإدارة', 'Board minutes template')],
  }),
  shipped('GOV-AG-112-12', {
    title: t('Préparer et tenir l’assemblée générale selon la loi 112-12', 'التحضير للجمع العام وعقده وفق القانون 112.12', 'Preparing and holding the general assembly under law 112-12'),
    domainKeys: ['governance'],
    needKeys: ['gov_general_assembly', 'gov_assemblies_last_year', 'gov_months_since_assembly', 'gov_elections'],
    format: 'practical_workshop',
    audience: ['president', 'secretary', 'treasurer'],
    prerequisites: ['GOV-ORGANS'],
    objectives: [
      t('Convoquer l’assemblée générale dans les délais et les formes prévus', 'الدعوة إلى الجمع العام داخل الآجال ووفق الشكليات المقررة', 'Convene the general assembly within the legal time and form'),
      t('Préparer l’ordre du jour, les rapports et le quorum', 'إعداد جدول الأعمال والتقارير والتحقق من النصاب', 'Prepare the agenda, the reports and the quorum'),
      t('Rédiger le procès-verbal et déposer les documents', 'تحرير المحضر وإيداع الوثائق', 'Write the minutes and file the documents'),
    ],
    sequences: [
      seq(60, t('Calendrier : clôture de l’exercice et délai de six mois', 'الجدولة الزمنية: اختتام السنة المالية وأجل الستة أشهر', 'Timeline: closing of the year and the six-month limit'), lecture),
      seq(60, t('Convocation, ordre du jour et quorum', 'الدعوة وجدول الأعمال والنصاب القانوني', 'Notice, agenda and quorum'), exercise),
      seq(90, t('Simulation d’une assemblée générale ordinaire', 'محاكاة جمع عام عادي', 'Mock ordinary general assembly'), rolePlay),
      seq(60, t('Procès-verbal, feuille de présence et dépôt', 'المحضر ولائحة الحضور والإيداع', 'Minutes, attendance sheet and filing'), exercise),
    ],
    materials: [law11212, t('Modèles de convocation, d’ordre du jour et de procès-verbal d’AG', 'نماذج الدعوة وجدول الأعمال ومحضر الجمع العام', 'Templates of notice, agenda and general assembly minutes')],
  }),
  shipped('GOV-WOMEN-LEAD', {
    title: t('Leadership des femmes et des jeunes dans la coopérative', 'قيادة النساء والشباب داخل التعاونية', 'Women’s and youth leadership in the cooperative'),
    domainKeys: ['governance', 'human_capital'],
    needKeys: ['gov_women_youth_board', 'hc_inclusion'],
    format: 'grouped_training',
    audience: ['women', 'youth', 'members'],
    objectives: [
      t('Renforcer la confiance et la prise de parole en réunion', 'تعزيز الثقة بالنفس والقدرة على أخذ الكلمة في الاجتماعات', 'Build confidence and speaking up in meetings'),
      t('Préparer une candidature au conseil d’administration', 'التحضير للترشح لعضوية مجلس الإدارة', 'Prepare to stand for the board'),
    ],
    sequences: [
      seq(60, t('Femmes et jeunes dans les coopératives marocaines : témoignages', 'النساء والشباب في التعاونيات المغربية: شهادات', 'Women and youth in Moroccan cooperatives: testimonies'), lecture),
      seq(90, t('Prendre la parole et défendre une proposition', 'أخذ الكلمة والدفاع عن مقترح', 'Speaking up and defending a proposal'), rolePlay),
      seq(60, t('Les responsabilités d’un membre du conseil', 'مسؤوليات عضو مجلس الإدارة', 'The duties of a board member'), caseStudy),
      seq(30, t('Mon projet de responsabilité', 'مشروعي لتحمل المسؤولية', 'My leadership project'), actionPlan),
    ],
    materials: [flipchart],
  }),

  /* ---------- Management ---------- */
  shipped('MGT-PROCEDURES', {
    title: t('Organisation interne : rôles, procédures et classement', 'التنظيم الداخلي: الأدوار والمساطر والأرشفة', 'Internal organisation: roles, procedures and filing'),
    domainKeys: ['management'],
    needKeys: ['mgmt_roles', 'mgmt_procedures', 'mgmt_work_planning', 'mgmt_records'],
    format: 'practical_workshop',
    audience: ['manager', 'treasurer', 'secretary'],
    objectives: [
      t('Écrire les fiches de fonction des responsables et des membres actifs', 'تحرير بطاقات المهام للمسؤولين والأعضاء النشيطين', 'Write job descriptions for officers and active members'),
      t('Formaliser les procédures d’achat, de vente et de caisse', 'صياغة مساطر الشراء والبيع والصندوق', 'Formalise purchasing, sales and cash procedures'),
      t('Mettre en place un classement des documents', 'وضع نظام لترتيب الوثائق وحفظها', 'Set up a filing system for documents'),
    ],
    sequences: [
      seq(60, t('Qui fait quoi : la carte des rôles', 'من يقوم بماذا: خريطة الأدوار', 'Who does what: the map of roles'), caseStudy),
      seq(90, t('Rédiger trois procédures simples', 'تحرير ثلاث مساطر بسيطة', 'Writing three simple procedures'), exercise),
      seq(60, t('Planifier le travail de la semaine et du mois', 'تخطيط العمل الأسبوعي والشهري', 'Planning the week’s and month’s work'), exercise),
      seq(45, t('Classer et conserver les documents', 'ترتيب الوثائق وحفظها', 'Filing and keeping documents'), exercise),
    ],
    materials: [t('Classeurs, intercalaires et modèles de fiches', 'ملفات وفواصل ونماذج بطاقات', 'Binders, dividers and form templates')],
  }),
  shipped('MGT-STOCK', {
    title: t('Gestion des stocks', 'تدبير المخزون', 'Stock management'),
    domainKeys: ['management', 'production'],
    needKeys: ['prod_stock', 'mgmt_procedures'],
    format: 'practical_workshop',
    audience: ['manager', 'members'],
    objectives: [
      t('Tenir une fiche de stock des matières premières et des produits finis', 'مسك بطاقة مخزون المواد الأولية والمنتجات النهائية', 'Keep a stock card for raw materials and finished products'),
      t('Faire un inventaire et expliquer les écarts', 'إجراء جرد وتفسير الفوارق', 'Take an inventory and explain discrepancies'),
      t('Éviter les ruptures et les pertes (premier entré, premier sorti)', 'تفادي النفاد والضياع (ما يدخل أولا يخرج أولا)', 'Avoid shortages and losses (first in, first out)'),
    ],
    sequences: [
      seq(45, t('Pourquoi suivre les stocks : pertes et ruptures', 'لماذا تتبع المخزون: الضياع والنفاد', 'Why track stock: losses and shortages'), lecture),
      seq(90, t('La fiche de stock : entrées, sorties, solde', 'بطاقة المخزون: المداخيل والمخارج والرصيد', 'The stock card: in, out, balance'), exercise),
      seq(90, t('Inventaire au magasin de la coopérative', 'الجرد بمخزن التعاونية', 'Inventory in the cooperative’s store'), onSite),
      seq(45, t('Organisation du magasin et rotation des produits', 'تنظيم المخزن وتدوير المنتجات', 'Store layout and product rotation'), caseStudy),
    ],
    materials: [t('Fiches de stock imprimées', 'بطاقات مخزون مطبوعة', 'Printed stock cards'), calculators],
  }),

  /* ---------- Finance ---------- */
  shipped('FIN-ACCOUNTING', {
    title: t('Comptabilité simplifiée', 'المحاسبة المبسطة', 'Simplified bookkeeping'),
    domainKeys: ['finance'],
    needKeys: ['fin_bookkeeping', 'fin_cash_control', 'fin_bank_account'],
    format: 'grouped_training',
    audience: ['treasurer', 'manager'],
    objectives: [
      t('Tenir un journal de caisse et de banque', 'مسك دفتر الصندوق والبنك', 'Keep a cash and bank book'),
      t('Classer les pièces justificatives', 'ترتيب الوثائق المثبتة', 'File supporting documents'),
      t('Établir un compte de résultat simple en fin d’exercice', 'إعداد حساب نتائج مبسط في نهاية السنة المالية', 'Draw up a simple income statement at year end'),
    ],
    sequences: [
      seq(60, t('Pourquoi tenir une comptabilité : obligations et utilité', 'لماذا نمسك المحاسبة: الالتزامات والفائدة', 'Why keep accounts: obligations and usefulness'), lecture),
      seq(120, t('Le journal de caisse et de banque', 'دفتر الصندوق والبنك', 'The cash and bank book'), exercise),
      seq(60, t('Pièces justificatives et contrôle de la caisse', 'الوثائق المثبتة ومراقبة الصندوق', 'Supporting documents and cash control'), caseStudy),
      seq(90, t('Du journal au compte de résultat', 'من اليومية إلى حساب النتائج', 'From the book to the income statement'), exercise),
    ],
    materials: [t('Journal de caisse imprimé et modèle sur tableur', 'دفتر صندوق مطبوع ونموذج على جدول إلكتروني', 'Printed cash book and spreadsheet template'), calculators],
  }),
  shipped('FIN-BUDGET', {
    title: t('Budget prévisionnel et suivi de la trésorerie', 'الميزانية التقديرية وتتبع الخزينة', 'Budget and cash-flow monitoring'),
    domainKeys: ['finance'],
    needKeys: ['fin_budget', 'fin_cash_control'],
    format: 'grouped_training',
    audience: ['treasurer', 'manager', 'president'],
    prerequisites: ['FIN-ACCOUNTING'],
    objectives: [
      t('Établir le budget annuel de la coopérative', 'إعداد الميزانية السنوية للتعاونية', 'Draw up the cooperative’s annual budget'),
      t('Prévoir la trésorerie mois par mois', 'توقع الخزينة شهرا بشهر', 'Forecast cash month by month'),
    ],
    sequences: [
      seq(60, t('Les recettes et les dépenses prévisibles', 'المداخيل والنفقات المتوقعة', 'Expected income and expenses'), lecture),
      seq(90, t('Construire le budget de l’année', 'إعداد ميزانية السنة', 'Building the year’s budget'), exercise),
      seq(90, t('Le plan de trésorerie mensuel', 'مخطط الخزينة الشهري', 'The monthly cash plan'), exercise),
      seq(30, t('Comparer le prévu et le réalisé', 'مقارنة المتوقع بالمنجز', 'Comparing forecast and actual'), caseStudy),
    ],
    materials: [t('Modèle de budget sur tableur', 'نموذج ميزانية على جدول إلكتروني', 'Budget spreadsheet template'), calculators],
  }),
  shipped('FIN-COST-PRICE', {
    title: t('Calcul du prix de revient et fixation des prix', 'حساب سعر التكلفة وتحديد الأثمنة', 'Cost price calculation and pricing'),
    domainKeys: ['finance', 'marketing'],
    needKeys: ['mkt_pricing', 'fin_bookkeeping'],
    format: 'practical_workshop',
    audience: ['manager', 'treasurer'],
    prerequisites: ['FIN-ACCOUNTING'],
    objectives: [
      t('Calculer le prix de revient d’un produit', 'حساب سعر تكلفة منتوج', 'Calculate a product’s cost price'),
      t('Fixer un prix de vente qui couvre les coûts et tient compte du marché', 'تحديد ثمن بيع يغطي التكاليف ويراعي السوق', 'Set a selling price that covers costs and reflects the market'),
      t('Connaître son seuil de rentabilité', 'معرفة عتبة المردودية', 'Know the break-even point'),
    ],
    sequences: [
      seq(60, t('Charges directes, indirectes et main-d’œuvre', 'التكاليف المباشرة وغير المباشرة واليد العاملة', 'Direct and indirect costs, labour'), lecture),
      seq(120, t('Calculer le prix de revient d’un produit de la coopérative', 'حساب سعر تكلفة منتوج من منتوجات التعاونية', 'Costing one of the cooperative’s products'), exercise),
      seq(60, t('Du prix de revient au prix de vente', 'من سعر التكلفة إلى ثمن البيع', 'From cost price to selling price'), caseStudy),
      seq(30, t('Le seuil de rentabilité', 'عتبة المردودية', 'The break-even point'), exercise),
    ],
    materials: [t('Fiche de calcul du prix de revient', 'بطاقة حساب سعر التكلفة', 'Cost price worksheet'), calculators],
  }),
  shipped('FIN-FUNDING', {
    title: t('Accès au financement', 'الولوج إلى التمويل', 'Access to finance'),
    domainKeys: ['finance', 'strategy'],
    needKeys: ['fin_financing_sources', 'fin_bank_account', 'strat_environment'],
    format: 'grouped_training',
    audience: ['president', 'treasurer', 'manager'],
    prerequisites: ['FIN-BUDGET'],
    objectives: [
      t('Connaître les sources de financement des coopératives (INDH, programmes publics, banques, microcrédit)', 'معرفة مصادر تمويل التعاونيات (المبادرة الوطنية للتنمية البشرية، البرامج العمومية، الأبناك، القروض الصغرى)', 'Know the sources of finance for cooperatives (INDH, public programmes, banks, microcredit)'),
      t('Monter un dossier de demande de financement', 'إعداد ملف طلب التمويل', 'Put together a financing application'),
    ],
    sequences: [
      seq(90, t('Panorama des financements et de leurs conditions', 'نظرة شاملة على أنواع التمويل وشروطها', 'Overview of financing and its conditions'), lecture),
      seq(60, t('Subvention, prêt ou apport des membres : que choisir ?', 'دعم أو قرض أو مساهمة المتعاونين: ماذا نختار؟', 'Grant, loan or members’ contribution: which to choose?'), caseStudy),
      seq(120, t('Rédiger la fiche projet et le plan de financement', 'تحرير بطاقة المشروع ومخطط التمويل', 'Writing the project sheet and financing plan'), exercise),
    ],
    materials: [t('Fiches des programmes de financement en vigueur', 'بطاقات برامج التمويل الجاري بها العمل', 'Sheets on current financing programmes')],
  }),

  /* ---------- Production ---------- */
  shipped('PROD-HYGIENE', {
    title: t('Hygiène et qualité des produits (exigences ONSSA)', 'النظافة وجودة المنتجات (متطلبات المكتب الوطني للسلامة الصحية)', 'Hygiene and product quality (ONSSA requirements)'),
    domainKeys: ['production', 'legal'],
    needKeys: ['prod_hygiene', 'legal_sanitary_authorisation'],
    format: 'practical_workshop',
    audience: ['members', 'women', 'manager'],
    objectives: [
      t('Appliquer les bonnes pratiques d’hygiène à chaque étape', 'تطبيق الممارسات الجيدة للنظافة في كل مرحلة', 'Apply good hygiene practices at every step'),
      t('Tenir les registres de nettoyage et de traçabilité', 'مسك سجلات التنظيف والتتبع', 'Keep cleaning and traceability records'),
      t('Préparer le local aux exigences de l’ONSSA', 'ملاءمة المقر مع متطلبات المكتب الوطني للسلامة الصحية', 'Bring the premises up to ONSSA requirements'),
    ],
    sequences: [
      seq(60, t('Les dangers pour la santé du consommateur', 'المخاطر على صحة المستهلك', 'Hazards to the consumer’s health'), lecture),
      seq(90, t('Bonnes pratiques d’hygiène : personnel, local, matériel', 'الممارسات الجيدة للنظافة: العاملون والمقر والمعدات', 'Good hygiene practice: staff, premises, equipment'), onSite),
      seq(60, t('Traçabilité : du lot de matière première au produit vendu', 'التتبع: من دفعة المادة الأولية إلى المنتوج المبيع', 'Traceability: from raw material batch to product sold'), exercise),
      seq(30, t('Plan d’amélioration du local', 'خطة تحسين المقر', 'Premises improvement plan'), actionPlan),
    ],
    materials: [t('Affiches des règles d’hygiène', 'ملصقات قواعد النظافة', 'Hygiene rules posters'), t('Modèles de registres de nettoyage et de traçabilité', 'نماذج سجلات التنظيف والتتبع', 'Cleaning and traceability record templates')],
  }),
  shipped('PROD-PROCESS', {
    title: t('Maîtrise des procédés et entretien des équipements', 'التحكم في طرق الإنتاج وصيانة المعدات', 'Process control and equipment maintenance'),
    domainKeys: ['production'],
    needKeys: ['prod_process', 'prod_equipment'],
    format: 'practical_workshop',
    audience: ['members', 'manager'],
    objectives: [
      t('Écrire la fiche technique de chaque produit', 'تحرير البطاقة التقنية لكل منتوج', 'Write the technical sheet of each product'),
      t('Réduire les pertes et les défauts de fabrication', 'تقليص الضياع وعيوب التصنيع', 'Reduce losses and manufacturing defects'),
      t('Planifier l’entretien du matériel', 'برمجة صيانة المعدات', 'Plan equipment maintenance'),
    ],
    sequences: [
      seq(90, t('Observer la production et repérer les pertes', 'ملاحظة الإنتاج ورصد مواطن الضياع', 'Observing production and spotting losses'), onSite),
      seq(90, t('La fiche technique produit', 'البطاقة التقنية للمنتوج', 'The product technical sheet'), exercise),
      seq(60, t('Le calendrier d’entretien du matériel', 'جدول صيانة المعدات', 'The equipment maintenance schedule'), exercise),
    ],
    materials: [t('Modèle de fiche technique et de carnet d’entretien', 'نموذج البطاقة التقنية ودفتر الصيانة', 'Technical sheet and maintenance log templates')],
  }),
  shipped('PROD-LABELS', {
    title: t('Certifications et labels (SDOQ, bio)', 'الشهادات والعلامات (علامات التميز والمنشأ والجودة، المنتوج البيولوجي)', 'Certifications and labels (origin and quality signs, organic)'),
    domainKeys: ['production', 'marketing'],
    needKeys: ['prod_certifications', 'mkt_packaging'],
    format: 'individual_coaching',
    audience: ['president', 'manager'],
    prerequisites: ['PROD-HYGIENE'],
    objectives: [
      t('Identifier le label adapté aux produits de la coopérative', 'تحديد العلامة الملائمة لمنتجات التعاونية', 'Identify the label suited to the cooperative’s products'),
      t('Préparer les étapes de la certification', 'التحضير لمراحل الإشهاد', 'Prepare the certification steps'),
    ],
    sequences: [
      seq(60, t('Signes distinctifs d’origine et de qualité et certification biologique', 'علامات التميز والمنشأ والجودة والإشهاد البيولوجي', 'Origin and quality signs, organic certification'), onSite),
      seq(60, t('Écart entre la pratique actuelle et le cahier des charges', 'الفرق بين الممارسة الحالية ودفتر التحملات', 'Gap between current practice and the specification'), onSite),
      seq(60, t('Feuille de route de la certification', 'خارطة طريق الإشهاد', 'Certification roadmap'), actionPlan),
    ],
    materials: [t('Cahiers des charges des labels concernés', 'دفاتر تحملات العلامات المعنية', 'Specifications of the relevant labels')],
  }),

  /* ---------- Marketing ---------- */
  shipped('MKT-PROMOTION', {
    title: t('Marketing et promotion commerciale', 'التسويق والترويج التجاري', 'Marketing and sales promotion'),
    domainKeys: ['marketing'],
    needKeys: ['mkt_customers', 'mkt_main_channel', 'mkt_fairs_last_year'],
    format: 'grouped_training',
    audience: ['manager', 'president', 'members'],
    objectives: [
      t('Connaître ses clients et ses concurrents', 'معرفة الزبناء والمنافسين', 'Know customers and competitors'),
      t('Choisir ses canaux de vente', 'اختيار قنوات البيع', 'Choose sales channels'),
      t('Préparer une participation à une foire ou un salon', 'التحضير للمشاركة في معرض أو سوق', 'Prepare to take part in a fair or show'),
    ],
    sequences: [
      seq(60, t('Le client : qui achète, pourquoi, où', 'الزبون: من يشتري ولماذا وأين', 'The customer: who buys, why, where'), lecture),
      seq(60, t('Les canaux de vente : local, intermédiaires, grandes surfaces, en ligne', 'قنوات البيع: المحلي والوسطاء والأسواق الممتازة والبيع عبر الإنترنت', 'Sales channels: local, intermediaries, supermarkets, online'), caseStudy),
      seq(90, t('Présenter son produit en une minute', 'تقديم المنتوج في دقيقة واحدة', 'Pitching the product in one minute'), rolePlay),
      seq(60, t('Préparer un stand de foire', 'تحضير رواق في معرض', 'Preparing a fair stand'), exercise),
      seq(30, t('Plan de promotion de l’année', 'خطة الترويج السنوية', 'The year’s promotion plan'), actionPlan),
    ],
    materials: [t('Échantillons des produits de chaque coopérative', 'عينات من منتجات كل تعاونية', 'Product samples from each cooperative'), flipchart],
  }),
  shipped('MKT-PACKAGING', {
    title: t('Emballage, étiquetage et marque', 'التلفيف والتوسيم والعلامة التجارية', 'Packaging, labelling and branding'),
    domainKeys: ['marketing'],
    needKeys: ['mkt_packaging'],
    format: 'practical_workshop',
    audience: ['manager', 'members', 'women'],
    objectives: [
      t('Connaître les mentions obligatoires de l’étiquette', 'معرفة البيانات الإجبارية للملصق', 'Know the mandatory label information'),
      t('Choisir un emballage adapté au produit et au client', 'اختيار تلفيف ملائم للمنتوج وللزبون', 'Choose packaging suited to the product and the customer'),
      t('Protéger sa marque auprès de l’OMPIC', 'حماية العلامة التجارية لدى المكتب المغربي للملكية الصناعية والتجارية', 'Protect the brand with OMPIC'),
    ],
    sequences: [
      seq(60, t('Les mentions obligatoires et les erreurs fréquentes', 'البيانات الإجبارية والأخطاء الشائعة', 'Mandatory information and common mistakes'), lecture),
      seq(90, t('Analyse des emballages des participants', 'تحليل تلفيفات المشاركين', 'Review of participants’ packaging'), caseStudy),
      seq(60, t('Esquisser l’étiquette de son produit', 'رسم مسودة ملصق المنتوج', 'Sketching the product label'), exercise),
      seq(30, t('Dépôt de marque : démarches et coûts', 'إيداع العلامة: الإجراءات والتكاليف', 'Trademark filing: steps and costs'), lecture),
    ],
    materials: [t('Exemples d’emballages et d’étiquettes', 'أمثلة لتلفيفات وملصقات', 'Sample packaging and labels')],
  }),

  /* ---------- Strategy ---------- */
  shipped('STR-DEV-PLAN', {
    title: t('Élaborer le plan de développement de la coopérative', 'إعداد مخطط تنمية التعاونية', 'Drawing up the cooperative’s development plan'),
    domainKeys: ['strategy'],
    needKeys: ['strat_vision', 'strat_environment', 'strat_development_plan'],
    format: 'grouped_training',
    audience: ['president', 'manager', 'members'],
    objectives: [
      t('Formuler une vision partagée par les membres', 'صياغة رؤية يتقاسمها المتعاونون', 'Formulate a vision shared by the members'),
      t('Analyser forces, faiblesses, opportunités et menaces', 'تحليل نقاط القوة والضعف والفرص والتهديدات', 'Analyse strengths, weaknesses, opportunities and threats'),
      t('Fixer des objectifs à trois ans et les actions pour les atteindre', 'تحديد أهداف على مدى ثلاث سنوات والإجراءات الكفيلة بتحقيقها', 'Set three-year objectives and the actions to reach them'),
    ],
    sequences: [
      seq(60, t('Où voulons-nous être dans trois ans ?', 'أين نريد أن نكون بعد ثلاث سنوات؟', 'Where do we want to be in three years?'), caseStudy),
      seq(90, t('Analyse SWOT de la coopérative', 'تحليل نقاط القوة والضعف والفرص والتهديدات للتعاونية', 'SWOT analysis of the cooperative'), exercise),
      seq(90, t('Objectifs, actions, moyens et responsables', 'الأهداف والإجراءات والوسائل والمسؤولون', 'Objectives, actions, means and owners'), exercise),
      seq(60, t('Présenter le plan aux membres', 'عرض المخطط على المتعاونين', 'Presenting the plan to the members'), rolePlay),
    ],
    materials: [flipchart, t('Résultats du diagnostic de la coopérative', 'نتائج تشخيص التعاونية', 'The cooperative’s diagnostic results')],
  }),
  shipped('STR-ANNUAL-PLAN', {
    title: t('Plan d’action annuel et priorités', 'مخطط العمل السنوي والأولويات', 'Annual action plan and priorities'),
    domainKeys: ['strategy'],
    needKeys: ['strat_annual_plan', 'strat_priorities'],
    format: 'individual_coaching',
    audience: ['president', 'manager'],
    prerequisites: ['STR-DEV-PLAN'],
    objectives: [
      t('Traduire le plan de développement en actions de l’année', 'ترجمة مخطط التنمية إلى إجراءات سنوية', 'Turn the development plan into the year’s actions'),
      t('Faire adopter le plan d’action par l’assemblée générale', 'عرض مخطط العمل على الجمع العام للمصادقة عليه', 'Have the general assembly adopt the action plan'),
    ],
    sequences: [
      seq(60, t('Choisir les priorités de l’année', 'اختيار أولويات السنة', 'Choosing the year’s priorities'), onSite),
      seq(90, t('Rédiger le plan d’action : qui, quoi, quand, combien', 'تحرير مخطط العمل: من وماذا ومتى وبكم', 'Writing the action plan: who, what, when, how much'), onSite),
      seq(30, t('Suivi trimestriel du plan', 'التتبع الفصلي للمخطط', 'Quarterly follow-up of the plan'), videoCall),
    ],
    materials: [t('Modèle de plan d’action annuel', 'نموذج مخطط العمل السنوي', 'Annual action plan template')],
  }),

  /* ---------- Monitoring ---------- */
  shipped('MON-DASHBOARD', {
    title: t('Tableau de bord de suivi', 'لوحة القيادة للتتبع', 'Monitoring dashboard'),
    domainKeys: ['monitoring'],
    needKeys: ['mon_indicators', 'mon_data_use', 'mon_jobs'],
    format: 'practical_workshop',
    audience: ['manager', 'treasurer', 'president'],
    objectives: [
      t('Choisir cinq à dix indicateurs utiles', 'اختيار خمسة إلى عشرة مؤشرات مفيدة', 'Choose five to ten useful indicators'),
      t('Remplir le tableau de bord chaque mois', 'ملء لوحة القيادة كل شهر', 'Fill in the dashboard every month'),
      t('Prendre des décisions à partir des chiffres', 'اتخاذ القرارات بناء على الأرقام', 'Make decisions from the figures'),
    ],
    sequences: [
      seq(60, t('Qu’est-ce qu’un bon indicateur ?', 'ما هو المؤشر الجيد؟', 'What makes a good indicator?'), lecture),
      seq(90, t('Construire le tableau de bord de la coopérative', 'بناء لوحة قيادة التعاونية', 'Building the cooperative’s dashboard'), exercise),
      seq(60, t('Lire le tableau et décider', 'قراءة اللوحة واتخاذ القرار', 'Reading the dashboard and deciding'), caseStudy),
    ],
    materials: [t('Modèle de tableau de bord sur papier et sur tableur', 'نموذج لوحة القيادة على الورق وعلى جدول إلكتروني', 'Dashboard template on paper and spreadsheet')],
  }),
  shipped('MON-REPORTING', {
    title: t('Rendre compte : rapports d’activité et financier', 'تقديم الحساب: التقريران الأدبي والمالي', 'Accountability: activity and financial reports'),
    domainKeys: ['monitoring', 'communication'],
    needKeys: ['mon_reporting', 'com_member_information'],
    format: 'grouped_training',
    audience: ['president', 'treasurer', 'secretary'],
    prerequisites: ['FIN-ACCOUNTING'],
    objectives: [
      t('Rédiger le rapport moral et d’activité de l’année', 'تحرير التقرير الأدبي وتقرير الأنشطة السنوي', 'Write the year’s activity report'),
      t('Présenter le rapport financier de façon compréhensible par tous', 'تقديم التقرير المالي بطريقة يفهمها الجميع', 'Present the financial report so that everyone understands it'),
    ],
    sequences: [
      seq(60, t('À qui rendre compte, et de quoi', 'لمن نقدم الحساب وعن ماذا', 'To whom to report, and on what'), lecture),
      seq(90, t('Rédiger le rapport d’activité', 'تحرير تقرير الأنشطة', 'Writing the activity report'), exercise),
      seq(60, t('Présenter les comptes en assemblée', 'عرض الحسابات أمام الجمع العام', 'Presenting the accounts to the assembly'), rolePlay),
    ],
    materials: [t('Modèles de rapports d’activité et financier', 'نماذج التقريرين الأدبي والمالي', 'Activity and financial report templates')],
  }),

  /* ---------- Communication ---------- */
  shipped('COM-SOCIAL-MEDIA', {
    title: t('Communication et réseaux sociaux', 'التواصل ووسائل التواصل الاجتماعي', 'Communication and social media'),
    domainKeys: ['communication', 'marketing'],
    needKeys: ['com_visibility', 'mkt_customers'],
    format: 'grouped_training',
    audience: ['manager', 'youth', 'women'],
    prerequisites: ['HC-DIGITAL'],
    objectives: [
      t('Créer et animer une page professionnelle de la coopérative', 'إنشاء صفحة مهنية للتعاونية وتنشيطها', 'Create and run a professional page for the cooperative'),
      t('Prendre de bonnes photos de produits avec un téléphone', 'التقاط صور جيدة للمنتجات بالهاتف', 'Take good product photos with a phone'),
      t('Répondre aux clients via WhatsApp Business', 'الرد على الزبناء عبر واتساب للأعمال', 'Answer customers through WhatsApp Business'),
    ],
    sequences: [
      seq(45, t('Pourquoi et pour qui communiquer', 'لماذا ولمن نتواصل', 'Why and to whom to communicate'), lecture),
      seq(90, t('Photographier ses produits au téléphone', 'تصوير المنتجات بالهاتف', 'Photographing products with a phone'), exercise),
      seq(90, t('Créer la page et le compte WhatsApp Business', 'إنشاء الصفحة وحساب واتساب للأعمال', 'Setting up the page and the WhatsApp Business account'), exercise),
      seq(45, t('Calendrier de publication d’un mois', 'جدولة المنشورات لمدة شهر', 'A month’s posting calendar'), actionPlan),
    ],
    materials: [smartphone],
  }),
  shipped('COM-CONFLICTS', {
    title: t('Communication interne et gestion des conflits', 'التواصل الداخلي وتدبير النزاعات', 'Internal communication and conflict management'),
    domainKeys: ['communication'],
    needKeys: ['com_conflicts', 'com_member_information'],
    format: 'grouped_training',
    audience: ['president', 'members', 'women'],
    objectives: [
      t('Informer régulièrement tous les membres', 'إخبار جميع المتعاونين بانتظام', 'Keep all members regularly informed'),
      t('Reconnaître les sources de conflit et les prévenir', 'التعرف على أسباب النزاعات والوقاية منها', 'Recognise and prevent the sources of conflict'),
      t('Conduire une médiation entre membres', 'إدارة وساطة بين المتعاونين', 'Lead a mediation between members'),
    ],
    sequences: [
      seq(60, t('Les causes fréquentes de conflit dans les coopératives', 'الأسباب الشائعة للنزاعات داخل التعاونيات', 'Common causes of conflict in cooperatives'), caseStudy),
      seq(90, t('Écoute active et médiation', 'الإنصات الفعال والوساطة', 'Active listening and mediation'), rolePlay),
      seq(45, t('Le règlement intérieur comme outil de prévention', 'النظام الداخلي كأداة للوقاية', 'Internal rules as a prevention tool'), lecture),
      seq(45, t('Les moyens d’informer les membres', 'وسائل إخبار المتعاونين', 'Ways of informing members'), exercise),
    ],
    materials: [flipchart],
  }),
  shipped('COM-PARTNERS', {
    title: t('Travailler en réseau : unions et partenaires', 'العمل الشبكي: الاتحادات والشركاء', 'Networking: unions and partners'),
    domainKeys: ['communication'],
    needKeys: ['com_network', 'com_partners'],
    format: 'remote',
    audience: ['president', 'manager'],
    objectives: [
      t('Connaître les unions, fédérations et partenaires institutionnels', 'معرفة الاتحادات والجامعات والشركاء المؤسساتيين', 'Know the unions, federations and institutional partners'),
      t('Préparer une prise de contact avec un partenaire', 'التحضير للتواصل مع شريك', 'Prepare to approach a partner'),
    ],
    sequences: [
      seq(60, t('Le paysage des partenaires : ODCo, INDH, collectivités, unions', 'الشركاء: مكتب تنمية التعاون والمبادرة الوطنية للتنمية البشرية والجماعات الترابية والاتحادات', 'The partner landscape: ODCo, INDH, local authorities, unions'), videoCall),
      seq(60, t('Avantages et obligations d’une union de coopératives', 'مزايا الانخراط في اتحاد التعاونيات والتزاماته', 'Benefits and obligations of a union of cooperatives'), videoCall),
      seq(30, t('Préparer la présentation de la coopérative à un partenaire', 'التحضير لتقديم التعاونية لشريك', 'Preparing to present the cooperative to a partner'), videoCall),
    ],
    materials: [t('Annuaire des partenaires de la région', 'دليل شركاء الجهة', 'Directory of the region’s partners')],
  }),

  /* ---------- Human capital ---------- */
  shipped('HC-DIGITAL', {
    title: t('Outils numériques pour la coopérative', 'الأدوات الرقمية للتعاونية', 'Digital tools for the cooperative'),
    domainKeys: ['human_capital', 'management'],
    needKeys: ['hc_officer_skills', 'hc_skill_gaps', 'mgmt_records'],
    format: 'practical_workshop',
    audience: ['manager', 'secretary', 'youth'],
    objectives: [
      t('Utiliser le téléphone pour communiquer, partager et archiver des documents', 'استعمال الهاتف للتواصل وتبادل الوثائق وأرشفتها', 'Use the phone to communicate, share and archive documents'),
      t('Tenir un tableau simple sur tableur', 'مسك جدول بسيط على برنامج الجداول', 'Keep a simple spreadsheet'),
      t('Accomplir des démarches administratives en ligne', 'إنجاز الإجراءات الإدارية عبر الإنترنت', 'Carry out administrative procedures online'),
    ],
    sequences: [
      seq(60, t('Le téléphone comme outil de travail', 'الهاتف كأداة عمل', 'The phone as a work tool'), exercise),
      seq(90, t('Premiers pas sur tableur : listes et totaux', 'الخطوات الأولى في برنامج الجداول: اللوائح والمجاميع', 'First steps in a spreadsheet: lists and totals'), exercise),
      seq(60, t('Sauvegarder et partager les documents de la coopérative', 'حفظ وثائق التعاونية ومشاركتها', 'Saving and sharing the cooperative’s documents'), exercise),
      seq(30, t('Démarches en ligne utiles aux coopératives', 'الخدمات الإدارية الإلكترونية المفيدة للتعاونيات', 'Online services useful to cooperatives'), lecture),
    ],
    materials: [smartphone, t('Ordinateur portable avec un tableur', 'حاسوب محمول مزود ببرنامج جداول', 'Laptop with a spreadsheet program')],
  }),
  shipped('HC-LITERACY', {
    title: t('Alphabétisation fonctionnelle et calcul appliqué', 'محو الأمية الوظيفي والحساب التطبيقي', 'Functional literacy and applied numeracy'),
    domainKeys: ['human_capital'],
    needKeys: ['hc_literacy', 'hc_trainings_received'],
    format: 'grouped_training',
    audience: ['members', 'women'],
    objectives: [
      t('Lire et remplir les documents courants de la coopérative', 'قراءة وملء الوثائق المتداولة بالتعاونية', 'Read and fill in the cooperative’s everyday documents'),
      t('Faire les calculs du quotidien : poids, prix, recettes', 'إجراء الحسابات اليومية: الوزن والثمن والمداخيل', 'Do everyday sums: weight, price, takings'),
    ],
    sequences: [
      seq(90, t('Lire un bon de livraison et une facture', 'قراءة وصل التسليم والفاتورة', 'Reading a delivery note and an invoice'), exercise),
      seq(90, t('Calculs de poids, de prix et de recettes', 'حساب الأوزان والأثمنة والمداخيل', 'Weight, price and takings calculations'), exercise),
      seq(60, t('Orientation vers les programmes d’alphabétisation', 'التوجيه نحو برامج محو الأمية', 'Referral to literacy programmes'), lecture),
    ],
    materials: [t('Documents réels de la coopérative (bons, factures)', 'وثائق حقيقية للتعاونية (وصولات وفواتير)', 'Real documents of the cooperative (notes, invoices)'), calculators],
  }),
];

export const defaultModuleCodes: readonly string[] = defaultCatalogue.map((module) => module.code);
