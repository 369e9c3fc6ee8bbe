import type { LocalizedText } from '../diagnostics/framework.schema.js';
import type { OrganisationKind } from '../programmes/programme-settings.schema.js';
import type { ExecutorKind, FinancingSource, IndicatorKind } from './action-plan.schema.js';

/**
 * The actions Taawon proposes for each need of the default diagnostic
 * framework: what the cooperative does (not only the training it follows),
 * who usually carries it, which organisations of the directory can help, how
 * long it takes, what it may cost and how its outputs (monitoring) and
 * outcomes (performance) are measured. Each is tied to the catalogue module
 * that prepares it (see default-catalogue.ts) and to the framework's
 * question keys whose need it answers (see default-framework.ts).
 *
 * Codes are stable: plans keep the code of the template an action came from.
 */

export type MemberRole = 'president' | 'treasurer' | 'secretary';

export interface TemplateIndicator {
  kind: IndicatorKind;
  label: LocalizedText;
  unit: LocalizedText;
  baseline: number | null;
  target: number;
}

export interface ActionTemplate {
  code: string;
  domainKey: string;
  /** Question keys of the default framework it answers; empty for a domain as a whole. */
  needKeys: string[];
  /** The catalogue module that prepares it. */
  moduleCode: string | null;
  title: LocalizedText;
  description: LocalizedText;
  executorKind: ExecutorKind;
  /** For a member: the office that usually carries it. */
  memberRole?: MemberRole;
  /** Kinds of organisations of the directory that may take part (the first is the executor of an organisation's action). */
  stakeholderKinds: OrganisationKind[];
  durationDays: number;
  budgetMad: number | null;
  financingSource: FinancingSource | null;
  indicators: TemplateIndicator[];
}

const t = (fr: string, ar: string, en: string): LocalizedText => ({ fr, ar, en });

export const units = {
  document: t('document', 'وثيقة', 'document'),
  percent: t('%', '%', '%'),
  count: t('nombre', 'عدد', 'number'),
  people: t('personnes', 'أشخاص', 'people'),
  dirhams: t('DH', 'درهم', 'MAD'),
  months: t('mois', 'أشهر', 'months'),
  meetings: t('réunions', 'اجتماعات', 'meetings'),
} as const;

const output = (label: LocalizedText, unit: LocalizedText, target: number, baseline: number | null = 0): TemplateIndicator => ({ kind: 'monitoring', label, unit, baseline, target });
const outcome = (label: LocalizedText, unit: LocalizedText, target: number, baseline: number | null = null): TemplateIndicator => ({ kind: 'performance', label, unit, baseline, target });

export const actionTemplates: ActionTemplate[] = [
  /* ---------- Legal ---------- */
  {
    code: 'AP-LEG-STATUTES',
    domainKey: 'legal',
    needKeys: ['legal_statutes', 'legal_local_register'],
    moduleCode: 'LEG-COMPLIANCE',
    title: t('Mettre les statuts en conformité avec la loi 112-12', 'ملاءمة النظام الأساسي مع القانون 112.12', 'Bring the statutes into line with law 112-12'),
    description: t(
      'Réviser les statuts avec le conseil d’administration, les faire adopter en assemblée générale et mettre à jour l’inscription au registre local des coopératives.',
      'مراجعة النظام الأساسي مع مجلس الإدارة، والمصادقة عليه في الجمع العام، وتحيين التقييد في السجل المحلي للتعاونيات.',
      'Revise the statutes with the board, have them adopted by the general assembly and update the entry in the local register of cooperatives.',
    ),
    executorKind: 'member',
    memberRole: 'president',
    stakeholderKinds: ['cooperatives_office', 'local_authority'],
    durationDays: 60,
    budgetMad: 2000,
    financingSource: 'own_funds',
    indicators: [
      output(t('Statuts révisés adoptés en assemblée générale', 'نظام أساسي معدل مصادق عليه في الجمع العام', 'Revised statutes adopted by the general assembly'), units.document, 1),
      outcome(t('Pièces du dossier juridique à jour', 'وثائق الملف القانوني المحينة', 'Legal file documents up to date'), units.percent, 100, 40),
    ],
  },
  {
    code: 'AP-LEG-REGISTERS',
    domainKey: 'legal',
    needKeys: ['legal_members_register', 'legal_capital'],
    moduleCode: 'LEG-COMPLIANCE',
    title: t('Tenir le registre des adhérents et libérer le capital', 'مسك سجل المتعاونين وتحرير رأس المال', 'Keep the members’ register and pay up the capital'),
    description: t(
      'Ouvrir ou compléter le registre des adhérents (entrées, sorties, parts souscrites) et collecter les parts non encore libérées.',
      'فتح سجل المتعاونين أو استكماله (الانخراطات والانسحابات والحصص المكتتبة) واستخلاص الحصص غير المحررة بعد.',
      'Open or complete the members’ register (admissions, departures, shares subscribed) and collect the shares not yet paid up.',
    ),
    executorKind: 'member',
    memberRole: 'secretary',
    stakeholderKinds: ['cooperatives_office'],
    durationDays: 45,
    budgetMad: null,
    financingSource: null,
    indicators: [
      output(t('Adhérents inscrits au registre', 'المتعاونون المقيدون في السجل', 'Members entered in the register'), units.percent, 100),
      outcome(t('Capital souscrit libéré', 'رأس المال المكتتب المحرر', 'Subscribed capital paid up'), units.percent, 100),
    ],
  },
  {
    code: 'AP-LEG-ONSSA',
    domainKey: 'legal',
    needKeys: ['legal_sanitary_authorisation'],
    moduleCode: 'LEG-ONSSA-AUTH',
    title: t('Obtenir l’autorisation sanitaire de l’ONSSA', 'الحصول على الترخيص الصحي من المكتب الوطني للسلامة الصحية', 'Obtain the ONSSA sanitary authorisation'),
    description: t(
      'Constituer le dossier (plan du local, analyses, procédures d’hygiène), le déposer auprès des services de l’ONSSA et préparer la visite d’inspection.',
      'إعداد الملف (تصميم المقر، التحاليل، مساطر النظافة) وإيداعه لدى مصالح المكتب الوطني للسلامة الصحية والتحضير لزيارة المعاينة.',
      'Put the file together (premises plan, tests, hygiene procedures), lodge it with ONSSA and prepare the inspection visit.',
    ),
    executorKind: 'consultant',
    stakeholderKinds: ['public_agency', 'cooperatives_office'],
    durationDays: 120,
    budgetMad: 15000,
    financingSource: 'programme',
    indicators: [
      output(t('Dossier d’autorisation déposé', 'ملف الترخيص المودع', 'Authorisation file lodged'), units.document, 1),
      outcome(t('Autorisation sanitaire obtenue', 'الترخيص الصحي المحصل عليه', 'Sanitary authorisation obtained'), units.document, 1, 0),
    ],
  },
  /* ---------- Governance ---------- */
  {
    code: 'AP-GOV-ASSEMBLY',
    domainKey: 'governance',
    needKeys: ['gov_general_assembly', 'gov_assemblies_last_year', 'gov_months_since_assembly'],
    moduleCode: 'GOV-AG-112-12',
    title: t('Tenir l’assemblée générale ordinaire annuelle', 'عقد الجمع العام العادي السنوي', 'Hold the annual ordinary general assembly'),
    description: t(
      'Convoquer les adhérents dans les délais légaux, présenter les rapports moral et financier, faire voter les décisions et rédiger le procès-verbal.',
      'استدعاء المتعاونين داخل الآجال القانونية، وتقديم التقريرين الأدبي والمالي، والتصويت على القرارات، وتحرير المحضر.',
      'Convene the members within the legal time limits, present the activity and financial reports, put decisions to the vote and write the minutes.',
    ),
    executorKind: 'member',
    memberRole: 'president',
    stakeholderKinds: ['cooperatives_office'],
    durationDays: 60,
    budgetMad: 1500,
    financingSource: 'own_funds',
    indicators: [
      output(t('Assemblée générale ordinaire tenue', 'الجمع العام العادي المنعقد', 'Ordinary general assembly held'), units.meetings, 1),
      outcome(t('Adhérents présents ou représentés à l’assemblée', 'المتعاونون الحاضرون أو الممثلون في الجمع العام', 'Members present or represented at the assembly'), units.percent, 75),
    ],
  },
  {
    code: 'AP-GOV-BOARD',
    domainKey: 'governance',
    needKeys: ['gov_board', 'gov_elections'],
    moduleCode: 'GOV-ORGANS',
    title: t('Faire fonctionner le conseil d’administration', 'تفعيل عمل مجلس الإدارة', 'Get the board working'),
    description: t(
      'Fixer un calendrier de réunions trimestrielles du conseil, renouveler les mandats échus par élection et consigner chaque décision dans un procès-verbal signé.',
      'وضع جدول زمني لاجتماعات فصلية لمجلس الإدارة، وتجديد الولايات المنتهية عبر الانتخاب، وتدوين كل قرار في محضر موقع.',
      'Set a calendar of quarterly board meetings, renew expired mandates by election and record every decision in signed minutes.',
    ),
    executorKind: 'member',
    memberRole: 'president',
    stakeholderKinds: ['cooperatives_office'],
    durationDays: 90,
    budgetMad: null,
    financingSource: null,
    indicators: [
      output(t('Réunions du conseil d’administration tenues', 'اجتماعات مجلس الإدارة المنعقدة', 'Board meetings held'), units.meetings, 4),
      outcome(t('Décisions consignées dans un procès-verbal signé', 'القرارات المدونة في محضر موقع', 'Decisions recorded in signed minutes'), units.percent, 100),
    ],
  },
  {
    code: 'AP-GOV-INCLUSION',
    domainKey: 'governance',
    needKeys: ['gov_women_youth_board', 'hc_inclusion'],
    moduleCode: 'GOV-WOMEN-LEAD',
    title: t('Ouvrir les instances aux femmes et aux jeunes', 'إشراك النساء والشباب في أجهزة التعاونية', 'Open the cooperative’s bodies to women and young people'),
    description: t(
      'Identifier des adhérentes et des jeunes volontaires, les former au leadership et préparer leur candidature au prochain renouvellement du conseil.',
      'تحديد متعاونات وشباب متطوعين، وتكوينهم في القيادة، وإعداد ترشيحهم للتجديد المقبل لمجلس الإدارة.',
      'Identify women members and young volunteers, train them in leadership and prepare their candidacy at the next board renewal.',
    ),
    executorKind: 'member',
    memberRole: 'president',
    stakeholderKinds: ['association', 'cooperatives_office'],
    durationDays: 120,
    budgetMad: null,
    financingSource: null,
    indicators: [
      output(t('Adhérentes et jeunes formés au leadership', 'المتعاونات والشباب المكونون في القيادة', 'Women and young members trained in leadership'), units.people, 4),
      outcome(t('Femmes et jeunes siégeant au conseil', 'النساء والشباب الأعضاء في مجلس الإدارة', 'Women and young people on the board'), units.people, 2, 0),
    ],
  },
  /* ---------- Management ---------- */
  {
    code: 'AP-MGT-ORGANISATION',
    domainKey: 'management',
    needKeys: ['mgmt_roles', 'mgmt_procedures', 'mgmt_work_planning'],
    moduleCode: 'MGT-PROCEDURES',
    title: t('Répartir les rôles et écrire les procédures de travail', 'توزيع الأدوار وتدوين مساطر العمل', 'Share out roles and write down the working procedures'),
    description: t(
      'Rédiger une fiche de fonction par responsable, écrire les procédures d’achat, de vente et de caisse, et planifier le travail chaque mois.',
      'تحرير بطاقة مهام لكل مسؤول، وتدوين مساطر الشراء والبيع والصندوق، وبرمجة العمل كل شهر.',
      'Write a job description for each officer, the purchasing, sales and cash procedures, and plan the work every month.',
    ),
    executorKind: 'consultant',
    stakeholderKinds: [],
    durationDays: 75,
    budgetMad: null,
    financingSource: null,
    indicators: [
      output(t('Fiches de fonction et procédures rédigées', 'بطاقات المهام والمساطر المحررة', 'Job descriptions and procedures written'), units.document, 5),
      outcome(t('Réunions mensuelles de planification tenues', 'اجتماعات البرمجة الشهرية المنعقدة', 'Monthly planning meetings held'), units.meetings, 6, 0),
    ],
  },
  {
    code: 'AP-MGT-RECORDS',
    domainKey: 'management',
    needKeys: ['mgmt_records', 'mgmt_employees'],
    moduleCode: 'HC-DIGITAL',
    title: t('Classer les documents et tenir les registres de gestion', 'أرشفة الوثائق ومسك سجلات التسيير', 'File the documents and keep the management registers'),
    description: t(
      'Mettre en place un classement papier et numérique des pièces (factures, contrats, procès-verbaux) et tenir à jour les registres du personnel et des achats.',
      'إرساء نظام أرشفة ورقي ورقمي للوثائق (الفواتير والعقود والمحاضر) وتحيين سجلات المستخدمين والمشتريات.',
      'Set up paper and digital filing of the documents (invoices, contracts, minutes) and keep the staff and purchases registers up to date.',
    ),
    executorKind: 'member',
    memberRole: 'secretary',
    stakeholderKinds: [],
    durationDays: 60,
    budgetMad: 3000,
    financingSource: 'programme',
    indicators: [
      output(t('Documents de l’année classés', 'وثائق السنة المؤرشفة', 'Documents of the year filed'), units.percent, 100),
      outcome(t('Registres de gestion à jour', 'سجلات التسيير المحينة', 'Management registers up to date'), units.count, 3, 0),
    ],
  },
  /* ---------- Finance ---------- */
  {
    code: 'AP-FIN-BOOKS',
    domainKey: 'finance',
    needKeys: ['fin_bookkeeping', 'fin_cash_control'],
    moduleCode: 'FIN-ACCOUNTING',
    title: t('Tenir une comptabilité simplifiée à jour', 'مسك محاسبة مبسطة ومحينة', 'Keep simplified accounts up to date'),
    description: t(
      'Enregistrer chaque recette et chaque dépense avec sa pièce, arrêter la caisse chaque semaine et faire valider les comptes par le conseil chaque mois.',
      'تسجيل كل مدخول وكل مصروف مع الوثيقة المثبتة له، وحصر الصندوق كل أسبوع، والمصادقة على الحسابات من طرف المجلس كل شهر.',
      'Record every receipt and every expense with its voucher, balance the cash every week and have the board approve the accounts every month.',
    ),
    executorKind: 'member',
    memberRole: 'treasurer',
    stakeholderKinds: [],
    durationDays: 90,
    budgetMad: 6000,
    financingSource: 'programme',
    indicators: [
      output(t('Mois de comptabilité à jour', 'الأشهر المحينة محاسبيا', 'Months of accounts up to date'), units.months, 6),
      outcome(t('Écart de caisse constaté au contrôle', 'الفارق المسجل في الصندوق عند المراقبة', 'Cash difference found at the check'), units.dirhams, 0, null),
    ],
  },
  {
    code: 'AP-FIN-BUDGET',
    domainKey: 'finance',
    needKeys: ['fin_budget'],
    moduleCode: 'FIN-BUDGET',
    title: t('Établir et suivre le budget prévisionnel', 'إعداد الميزانية التقديرية وتتبعها', 'Draw up and monitor the budget'),
    description: t(
      'Préparer le budget de l’année avec les prévisions de ventes et de charges, le faire adopter, puis comparer chaque trimestre le réalisé au prévu.',
      'إعداد ميزانية السنة بتوقعات المبيعات والتكاليف، والمصادقة عليها، ثم مقارنة المنجز بالمتوقع كل ثلاثة أشهر.',
      'Prepare the year’s budget with sales and cost forecasts, have it adopted, then compare actual with forecast every quarter.',
    ),
    executorKind: 'member',
    memberRole: 'treasurer',
    stakeholderKinds: [],
    durationDays: 45,
    budgetMad: null,
    financingSource: null,
    indicators: [
      output(t('Budget prévisionnel adopté', 'الميزانية التقديرية المصادق عليها', 'Budget adopted'), units.document, 1),
      outcome(t('Écart entre réalisé et prévu', 'الفارق بين المنجز والمتوقع', 'Gap between actual and forecast'), units.percent, 15, null),
    ],
  },
  {
    code: 'AP-FIN-BANK',
    domainKey: 'finance',
    needKeys: ['fin_bank_account'],
    moduleCode: 'FIN-ACCOUNTING',
    title: t('Ouvrir un compte bancaire au nom de la coopérative', 'فتح حساب بنكي باسم التعاونية', 'Open a bank account in the cooperative’s name'),
    description: t(
      'Réunir les pièces (statuts, procès-verbal désignant les signataires), ouvrir le compte et y faire passer les recettes et les paiements.',
      'تجميع الوثائق (النظام الأساسي، محضر تعيين الموقعين)، وفتح الحساب، وتمرير المداخيل والأداءات عبره.',
      'Gather the papers (statutes, minutes naming the signatories), open the account and put receipts and payments through it.',
    ),
    executorKind: 'member',
    memberRole: 'treasurer',
    stakeholderKinds: ['bank'],
    durationDays: 30,
    budgetMad: null,
    financingSource: null,
    indicators: [
      output(t('Compte bancaire ouvert', 'الحساب البنكي المفتوح', 'Bank account opened'), units.document, 1),
      outcome(t('Recettes encaissées sur le compte', 'المداخيل المودعة في الحساب', 'Receipts paid into the account'), units.percent, 80, 0),
    ],
  },
  {
    code: 'AP-FIN-FUNDING',
    domainKey: 'finance',
    needKeys: ['fin_financing_sources', 'fin_turnover'],
    moduleCode: 'FIN-FUNDING',
    title: t('Monter un dossier de financement', 'إعداد ملف للتمويل', 'Put together a financing application'),
    description: t(
      'Chiffrer le projet d’investissement, choisir l’offre adaptée (banque, microcrédit, programme public) et déposer le dossier avec le plan de remboursement.',
      'تقدير كلفة مشروع الاستثمار، واختيار العرض الملائم (بنك، قروض صغرى، برنامج عمومي)، وإيداع الملف مع مخطط السداد.',
      'Cost the investment project, choose the right offer (bank, micro-credit, public programme) and lodge the application with the repayment plan.',
    ),
    executorKind: 'consultant',
    stakeholderKinds: ['bank', 'microfinance', 'public_agency'],
    durationDays: 120,
    budgetMad: 50000,
    financingSource: 'loan',
    indicators: [
      output(t('Dossiers de financement déposés', 'ملفات التمويل المودعة', 'Financing applications lodged'), units.count, 1),
      outcome(t('Financement obtenu', 'التمويل المحصل عليه', 'Financing obtained'), units.dirhams, 50000, 0),
    ],
  },
  /* ---------- Production ---------- */
  {
    code: 'AP-PROD-HYGIENE',
    domainKey: 'production',
    needKeys: ['prod_hygiene'],
    moduleCode: 'PROD-HYGIENE',
    title: t('Appliquer les bonnes pratiques d’hygiène', 'تطبيق الممارسات الجيدة للنظافة', 'Apply good hygiene practices'),
    description: t(
      'Aménager le local (surfaces lavables, lave-mains, tenues), afficher les règles d’hygiène et tenir un registre de nettoyage.',
      'تهيئة المقر (أسطح قابلة للغسل، مغسلة لليدين، بذلات العمل)، وتعليق قواعد النظافة، ومسك سجل للتنظيف.',
      'Fit out the premises (washable surfaces, hand basin, work clothes), display the hygiene rules and keep a cleaning log.',
    ),
    executorKind: 'consultant',
    stakeholderKinds: ['public_agency'],
    durationDays: 90,
    budgetMad: 12000,
    financingSource: 'programme',
    indicators: [
      output(t('Points de la check-list d’hygiène respectés', 'بنود لائحة النظافة المحترمة', 'Hygiene checklist items met'), units.percent, 100, null),
      outcome(t('Non-conformités relevées à la visite de contrôle', 'حالات عدم المطابقة المسجلة عند زيارة المراقبة', 'Non-conformities found at the inspection'), units.count, 0, null),
    ],
  },
  {
    code: 'AP-PROD-EQUIPMENT',
    domainKey: 'production',
    needKeys: ['prod_process', 'prod_equipment'],
    moduleCode: 'PROD-PROCESS',
    title: t('Équiper l’unité de production et maîtriser le procédé', 'تجهيز وحدة الإنتاج والتحكم في طريقة التصنيع', 'Equip the production unit and master the process'),
    description: t(
      'Acquérir l’équipement qui manque, écrire la fiche de chaque étape du procédé et former les adhérentes et adhérents à son utilisation et à son entretien.',
      'اقتناء المعدات الناقصة، وتحرير بطاقة لكل مرحلة من مراحل التصنيع، وتكوين المتعاونات والمتعاونين على استعمالها وصيانتها.',
      'Buy the missing equipment, write a sheet for each step of the process and train the members to use and maintain it.',
    ),
    executorKind: 'organisation',
    stakeholderKinds: ['public_agency', 'chamber'],
    durationDays: 150,
    budgetMad: 40000,
    financingSource: 'programme',
    indicators: [
      output(t('Équipement acquis et mis en service', 'المعدات المقتناة والمشغلة', 'Equipment bought and commissioned'), units.count, 1),
      outcome(t('Hausse de la production mensuelle', 'ارتفاع الإنتاج الشهري', 'Increase in monthly output'), units.percent, 20, 0),
    ],
  },
  {
    code: 'AP-PROD-STOCK',
    domainKey: 'production',
    needKeys: ['prod_stock'],
    moduleCode: 'MGT-STOCK',
    title: t('Tenir des fiches de stock', 'مسك بطاقات المخزون', 'Keep stock cards'),
    description: t(
      'Ranger le magasin, tenir une fiche par matière et par produit fini, et faire un inventaire chaque mois.',
      'ترتيب المخزن، ومسك بطاقة لكل مادة ولكل منتوج نهائي، وإجراء جرد كل شهر.',
      'Tidy the store, keep a card for each raw material and finished product, and take stock every month.',
    ),
    executorKind: 'member',
    memberRole: 'treasurer',
    stakeholderKinds: [],
    durationDays: 45,
    budgetMad: null,
    financingSource: null,
    indicators: [
      output(t('Produits suivis sur fiche de stock', 'المنتجات المتتبعة ببطاقة المخزون', 'Products tracked on a stock card'), units.percent, 100),
      outcome(t('Pertes de stock', 'ضياع المخزون', 'Stock losses'), units.percent, 5, null),
    ],
  },
  {
    code: 'AP-PROD-LABELS',
    domainKey: 'production',
    needKeys: ['prod_certifications'],
    moduleCode: 'PROD-LABELS',
    title: t('Engager une certification ou un label', 'الشروع في الحصول على شهادة أو علامة جودة', 'Apply for a certification or a label'),
    description: t(
      'Choisir le signe adapté (indication géographique, label agricole, bio), préparer le cahier des charges et déposer la demande.',
      'اختيار العلامة الملائمة (بيان جغرافي، علامة فلاحية، منتوج بيولوجي)، وإعداد دفتر التحملات، وإيداع الطلب.',
      'Choose the right sign (geographical indication, agricultural label, organic), prepare the specification and lodge the application.',
    ),
    executorKind: 'consultant',
    stakeholderKinds: ['public_agency', 'chamber'],
    durationDays: 180,
    budgetMad: 20000,
    financingSource: 'partner',
    indicators: [
      output(t('Demande de certification déposée', 'طلب الإشهاد المودع', 'Certification application lodged'), units.document, 1),
      outcome(t('Certification ou label obtenu', 'الشهادة أو العلامة المحصل عليها', 'Certification or label obtained'), units.count, 1, 0),
    ],
  },
  /* ---------- Marketing ---------- */
  {
    code: 'AP-MKT-PRICING',
    domainKey: 'marketing',
    needKeys: ['mkt_pricing'],
    moduleCode: 'FIN-COST-PRICE',
    title: t('Calculer le prix de revient de chaque produit', 'حساب سعر تكلفة كل منتوج', 'Work out the cost price of every product'),
    description: t(
      'Relever les coûts de matière, de main-d’œuvre et d’emballage, calculer le prix de revient et fixer des prix de vente qui dégagent une marge.',
      'جرد تكاليف المواد واليد العاملة والتلفيف، وحساب سعر التكلفة، وتحديد أثمنة بيع تحقق هامش ربح.',
      'List the material, labour and packaging costs, work out the cost price and set selling prices that leave a margin.',
    ),
    executorKind: 'member',
    memberRole: 'treasurer',
    stakeholderKinds: [],
    durationDays: 45,
    budgetMad: null,
    financingSource: null,
    indicators: [
      output(t('Produits dont le prix de revient est calculé', 'المنتجات المحسوب سعر تكلفتها', 'Products with a worked-out cost price'), units.percent, 100),
      outcome(t('Marge brute moyenne', 'متوسط الهامش الإجمالي', 'Average gross margin'), units.percent, 25, null),
    ],
  },
  {
    code: 'AP-MKT-PACKAGING',
    domainKey: 'marketing',
    needKeys: ['mkt_packaging'],
    moduleCode: 'MKT-PACKAGING',
    title: t('Créer un emballage et une étiquette conformes', 'تصميم تلفيف وملصق مطابقين', 'Create a compliant package and label'),
    description: t(
      'Faire concevoir une marque, un emballage et une étiquette portant les mentions obligatoires, puis commander une première série.',
      'تصميم علامة تجارية وتلفيف وملصق يتضمن البيانات الإلزامية، ثم طلب دفعة أولى.',
      'Have a brand, a package and a label with the compulsory information designed, then order a first batch.',
    ),
    executorKind: 'organisation',
    stakeholderKinds: ['chamber', 'buyer'],
    durationDays: 120,
    budgetMad: 15000,
    financingSource: 'programme',
    indicators: [
      output(t('Produits dotés d’un emballage et d’une étiquette conformes', 'المنتجات المزودة بتلفيف وملصق مطابقين', 'Products with a compliant package and label'), units.count, 3),
      outcome(t('Hausse des ventes des produits emballés', 'ارتفاع مبيعات المنتجات الملففة', 'Increase in sales of the packaged products'), units.percent, 20, 0),
    ],
  },
  {
    code: 'AP-MKT-CHANNELS',
    domainKey: 'marketing',
    needKeys: ['mkt_main_channel', 'mkt_customers'],
    moduleCode: 'MKT-PROMOTION',
    title: t('Trouver de nouveaux débouchés commerciaux', 'إيجاد منافذ تجارية جديدة', 'Find new sales outlets'),
    description: t(
      'Dresser la liste des acheteurs possibles (grossistes, magasins, hôtels, plateformes), les démarcher avec une fiche produit et un tarif, et suivre chaque contact.',
      'إعداد لائحة بالمشترين المحتملين (تجار الجملة، المتاجر، الفنادق، المنصات)، والتواصل معهم ببطاقة منتوج ولائحة أثمنة، وتتبع كل اتصال.',
      'List possible buyers (wholesalers, shops, hotels, platforms), approach them with a product sheet and a price list, and follow up every contact.',
    ),
    executorKind: 'member',
    memberRole: 'president',
    stakeholderKinds: ['buyer', 'chamber'],
    durationDays: 150,
    budgetMad: null,
    financingSource: null,
    indicators: [
      output(t('Acheteurs démarchés', 'المشترون الذين تم التواصل معهم', 'Buyers approached'), units.count, 10),
      outcome(t('Nouveaux clients réguliers', 'الزبناء الدائمون الجدد', 'New regular customers'), units.count, 3, 0),
    ],
  },
  {
    code: 'AP-MKT-FAIRS',
    domainKey: 'marketing',
    needKeys: ['mkt_fairs_last_year'],
    moduleCode: 'MKT-PROMOTION',
    title: t('Participer à des foires et salons', 'المشاركة في المعارض والأسواق التضامنية', 'Take part in fairs and trade shows'),
    description: t(
      'Repérer les foires régionales et nationales de l’économie sociale, s’y inscrire, préparer le stand et suivre les contacts noués.',
      'رصد المعارض الجهوية والوطنية للاقتصاد الاجتماعي، والتسجيل فيها، وتجهيز الرواق، وتتبع الاتصالات المنجزة.',
      'Find the regional and national social economy fairs, register, prepare the stand and follow up the contacts made.',
    ),
    executorKind: 'member',
    memberRole: 'president',
    stakeholderKinds: ['chamber', 'public_agency'],
    durationDays: 180,
    budgetMad: 8000,
    financingSource: 'programme',
    indicators: [
      output(t('Foires et salons où la coopérative a exposé', 'المعارض التي شاركت فيها التعاونية', 'Fairs and shows where the cooperative exhibited'), units.count, 2),
      outcome(t('Ventes réalisées lors des foires', 'المبيعات المحققة خلال المعارض', 'Sales made at the fairs'), units.dirhams, 10000, 0),
    ],
  },
  /* ---------- Strategy ---------- */
  {
    code: 'AP-STR-DEV-PLAN',
    domainKey: 'strategy',
    needKeys: ['strat_vision', 'strat_environment', 'strat_development_plan'],
    moduleCode: 'STR-DEV-PLAN',
    title: t('Élaborer le plan de développement à trois ans', 'إعداد مخطط تنمية التعاونية لثلاث سنوات', 'Draw up the three-year development plan'),
    description: t(
      'Animer des ateliers avec les adhérents pour fixer la vision, analyser le marché et l’environnement, et faire adopter le plan en assemblée générale.',
      'تنشيط ورشات مع المتعاونين لتحديد الرؤية وتحليل السوق والمحيط، والمصادقة على المخطط في الجمع العام.',
      'Run workshops with the members to set the vision, analyse the market and the environment, and have the plan adopted by the general assembly.',
    ),
    executorKind: 'consultant',
    stakeholderKinds: ['cooperatives_office'],
    durationDays: 90,
    budgetMad: null,
    financingSource: null,
    indicators: [
      output(t('Ateliers de planification tenus avec les adhérents', 'ورشات التخطيط المنعقدة مع المتعاونين', 'Planning workshops held with the members'), units.meetings, 2),
      outcome(t('Plan de développement adopté', 'مخطط التنمية المصادق عليه', 'Development plan adopted'), units.document, 1, 0),
    ],
  },
  {
    code: 'AP-STR-ANNUAL',
    domainKey: 'strategy',
    needKeys: ['strat_annual_plan'],
    moduleCode: 'STR-ANNUAL-PLAN',
    title: t('Adopter un plan d’action annuel', 'المصادقة على مخطط عمل سنوي', 'Adopt an annual action plan'),
    description: t(
      'Traduire les priorités en actions datées avec un responsable chacune, les faire adopter par le conseil et faire le point chaque trimestre.',
      'ترجمة الأولويات إلى أنشطة مؤرخة لكل منها مسؤول، والمصادقة عليها من طرف المجلس، وتقييمها كل ثلاثة أشهر.',
      'Turn the priorities into dated actions each with someone in charge, have the board adopt them and review them every quarter.',
    ),
    executorKind: 'member',
    memberRole: 'president',
    stakeholderKinds: [],
    durationDays: 45,
    budgetMad: null,
    financingSource: null,
    indicators: [
      output(t('Plan d’action annuel adopté', 'مخطط العمل السنوي المصادق عليه', 'Annual action plan adopted'), units.document, 1),
      outcome(t('Actions de l’année réalisées', 'أنشطة السنة المنجزة', 'Actions of the year carried out'), units.percent, 80, 0),
    ],
  },
  /* ---------- Monitoring and evaluation ---------- */
  {
    code: 'AP-MON-DASHBOARD',
    domainKey: 'monitoring',
    needKeys: ['mon_indicators', 'mon_data_use', 'mon_jobs'],
    moduleCode: 'MON-DASHBOARD',
    title: t('Mettre en place un tableau de bord mensuel', 'إرساء لوحة قيادة شهرية', 'Set up a monthly dashboard'),
    description: t(
      'Choisir cinq indicateurs (ventes, production, emplois, adhérents, trésorerie), les relever chaque mois et les présenter au conseil.',
      'اختيار خمسة مؤشرات (المبيعات، الإنتاج، مناصب الشغل، المتعاونون، الخزينة)، ورصدها كل شهر، وعرضها على المجلس.',
      'Choose five indicators (sales, output, jobs, members, cash), record them every month and present them to the board.',
    ),
    executorKind: 'consultant',
    stakeholderKinds: [],
    durationDays: 60,
    budgetMad: null,
    financingSource: null,
    indicators: [
      output(t('Indicateurs relevés chaque mois', 'المؤشرات المرصودة كل شهر', 'Indicators recorded every month'), units.count, 5),
      outcome(t('Tableaux de bord présentés au conseil', 'لوحات القيادة المعروضة على المجلس', 'Dashboards presented to the board'), units.count, 6, 0),
    ],
  },
  {
    code: 'AP-MON-REPORTS',
    domainKey: 'monitoring',
    needKeys: ['mon_reporting', 'com_member_information'],
    moduleCode: 'MON-REPORTING',
    title: t('Rédiger les rapports moral et financier', 'تحرير التقريرين الأدبي والمالي', 'Write the activity and financial reports'),
    description: t(
      'Préparer les rapports de l’exercice, les présenter aux adhérents et les transmettre aux administrations concernées dans les délais.',
      'إعداد تقارير السنة المالية، وعرضها على المتعاونين، وإرسالها إلى الإدارات المعنية داخل الآجال.',
      'Prepare the year’s reports, present them to the members and send them to the administrations concerned on time.',
    ),
    executorKind: 'member',
    memberRole: 'secretary',
    stakeholderKinds: ['cooperatives_office'],
    durationDays: 60,
    budgetMad: null,
    financingSource: null,
    indicators: [
      output(t('Rapports présentés aux adhérents', 'التقارير المعروضة على المتعاونين', 'Reports presented to the members'), units.document, 2),
      outcome(t('Adhérents informés des comptes', 'المتعاونون المطلعون على الحسابات', 'Members informed of the accounts'), units.percent, 90, null),
    ],
  },
  /* ---------- Communication ---------- */
  {
    code: 'AP-COM-CONFLICTS',
    domainKey: 'communication',
    needKeys: ['com_conflicts'],
    moduleCode: 'COM-CONFLICTS',
    title: t('Informer les adhérents et prévenir les conflits', 'إخبار المتعاونين والوقاية من النزاعات', 'Keep members informed and prevent disputes'),
    description: t(
      'Tenir une réunion d’information chaque trimestre, adopter un règlement intérieur et désigner une personne chargée de la médiation.',
      'عقد اجتماع إخباري كل ثلاثة أشهر، والمصادقة على نظام داخلي، وتعيين شخص مكلف بالوساطة.',
      'Hold an information meeting every quarter, adopt internal rules and appoint someone to mediate.',
    ),
    executorKind: 'consultant',
    stakeholderKinds: [],
    durationDays: 60,
    budgetMad: null,
    financingSource: null,
    indicators: [
      output(t('Réunions d’information des adhérents tenues', 'الاجتماعات الإخبارية للمتعاونين المنعقدة', 'Member information meetings held'), units.meetings, 4),
      outcome(t('Différends en cours', 'الخلافات القائمة', 'Disputes outstanding'), units.count, 0, null),
    ],
  },
  {
    code: 'AP-COM-VISIBILITY',
    domainKey: 'communication',
    needKeys: ['com_visibility'],
    moduleCode: 'COM-SOCIAL-MEDIA',
    title: t('Faire connaître la coopérative en ligne', 'التعريف بالتعاونية عبر الإنترنت', 'Make the cooperative known online'),
    description: t(
      'Créer une page professionnelle et un catalogue en ligne, publier chaque semaine des photos des produits et répondre aux messages des clients.',
      'إنشاء صفحة مهنية وكتالوج إلكتروني، ونشر صور المنتجات كل أسبوع، والرد على رسائل الزبناء.',
      'Create a business page and an online catalogue, post product photos every week and answer customers’ messages.',
    ),
    executorKind: 'member',
    memberRole: 'secretary',
    stakeholderKinds: [],
    durationDays: 60,
    budgetMad: 3000,
    financingSource: 'own_funds',
    indicators: [
      output(t('Publications sur la page de la coopérative', 'المنشورات على صفحة التعاونية', 'Posts on the cooperative’s page'), units.count, 24),
      outcome(t('Commandes reçues en ligne', 'الطلبيات المتوصل بها عبر الإنترنت', 'Orders received online'), units.count, 10, 0),
    ],
  },
  {
    code: 'AP-COM-NETWORK',
    domainKey: 'communication',
    needKeys: ['com_network', 'com_partners'],
    moduleCode: 'COM-PARTNERS',
    title: t('Rejoindre une union et nouer des partenariats', 'الانخراط في اتحاد وربط شراكات', 'Join a union and build partnerships'),
    description: t(
      'Prendre contact avec l’union ou le réseau de la filière, les chambres et les associations locales, et signer au moins une convention de partenariat.',
      'التواصل مع اتحاد السلسلة أو شبكتها، والغرف والجمعيات المحلية، وتوقيع اتفاقية شراكة واحدة على الأقل.',
      'Contact the union or network of the value chain, the chambers and local associations, and sign at least one partnership agreement.',
    ),
    executorKind: 'member',
    memberRole: 'president',
    stakeholderKinds: ['cooperatives_office', 'chamber', 'association'],
    durationDays: 120,
    budgetMad: null,
    financingSource: null,
    indicators: [
      output(t('Conventions ou adhésions signées', 'الاتفاقيات أو الانخراطات الموقعة', 'Agreements or memberships signed'), units.count, 1),
      outcome(t('Partenaires actifs', 'الشركاء النشيطون', 'Active partners'), units.count, 3, 0),
    ],
  },
  /* ---------- Human capital ---------- */
  {
    code: 'AP-HC-LITERACY',
    domainKey: 'human_capital',
    needKeys: ['hc_literacy'],
    moduleCode: 'HC-LITERACY',
    title: t('Inscrire les adhérents à l’alphabétisation fonctionnelle', 'تسجيل المتعاونين في برنامج محو الأمية الوظيفي', 'Enrol members in functional literacy classes'),
    description: t(
      'Recenser les adhérentes et adhérents intéressés et les inscrire à un cycle d’alphabétisation fonctionnelle avec une association ou le programme public.',
      'إحصاء المتعاونات والمتعاونين الراغبين وتسجيلهم في دورة لمحو الأمية الوظيفي مع جمعية أو في إطار البرنامج العمومي.',
      'List the interested members and enrol them in a functional literacy course with an association or the public programme.',
    ),
    executorKind: 'organisation',
    stakeholderKinds: ['association', 'public_agency'],
    durationDays: 180,
    budgetMad: null,
    financingSource: 'partner',
    indicators: [
      output(t('Adhérents inscrits au cycle', 'المتعاونون المسجلون في الدورة', 'Members enrolled in the course'), units.people, 10),
      outcome(t('Inscrits ayant achevé le cycle', 'المسجلون الذين أتموا الدورة', 'Enrolled members who completed the course'), units.percent, 70, 0),
    ],
  },
  {
    code: 'AP-HC-SKILLS',
    domainKey: 'human_capital',
    needKeys: ['hc_officer_skills', 'hc_trainings_received'],
    moduleCode: 'HC-DIGITAL',
    title: t('Former les responsables aux outils de gestion', 'تكوين المسؤولين على أدوات التسيير', 'Train the officers in management tools'),
    description: t(
      'Former le président, le trésorier et le secrétaire au tableur, à la messagerie et aux démarches en ligne, puis les accompagner dans leur usage quotidien.',
      'تكوين الرئيس وأمين المال والكاتب على جداول البيانات والبريد الإلكتروني والمساطر الإلكترونية، ثم مواكبتهم في استعمالها اليومي.',
      'Train the president, treasurer and secretary in spreadsheets, e-mail and online procedures, then support their daily use.',
    ),
    executorKind: 'consultant',
    stakeholderKinds: [],
    durationDays: 90,
    budgetMad: null,
    financingSource: null,
    indicators: [
      output(t('Responsables formés', 'المسؤولون المكونون', 'Officers trained'), units.people, 3),
      outcome(t('Outils numériques utilisés au quotidien', 'الأدوات الرقمية المستعملة يوميا', 'Digital tools in daily use'), units.count, 2, 0),
    ],
  },
];

/**
 * The action proposed for a domain that is a need when no template names its
 * questions (a framework other than the default one): the consultant writes
 * what it will be.
 */
export function domainTemplate(domainKey: string, domainLabel: LocalizedText | undefined): ActionTemplate {
  const label = domainLabel ?? t(domainKey, domainKey, domainKey);
  return {
    code: `AP-DOMAIN-${domainKey.toUpperCase().replace(/_/g, '-')}`,
    domainKey,
    needKeys: [],
    moduleCode: null,
    title: t(`Plan d’amélioration : ${label.fr}`, `خطة التحسين: ${label.ar || label.fr}`, `Improvement plan: ${label.en || label.fr}`),
    description: t(
      'Actions à préciser avec la coopérative pour relever le score de ce domaine.',
      'أنشطة يتم تحديدها مع التعاونية لتحسين نقطة هذا المجال.',
      'Actions to be set with the cooperative to raise this domain’s score.',
    ),
    executorKind: 'consultant',
    stakeholderKinds: [],
    durationDays: 90,
    budgetMad: null,
    financingSource: null,
    indicators: [output(t('Étapes du plan réalisées', 'مراحل الخطة المنجزة', 'Steps of the plan carried out'), units.percent, 100)],
  };
}

export function findTemplate(code: string): ActionTemplate | undefined {
  return actionTemplates.find((template) => template.code === code);
}
