import type { ChoiceOption, FrameworkDefinition, LocalizedText, Question } from './framework.schema.js';

/**
 * The framework Taawon ships: the ten domains of the organisational and
 * strategic diagnostic of a Moroccan cooperative (legal compliance with law
 * 112-12, governance, management, finance, production, marketing, strategy,
 * monitoring, communication, human capital), scored on a 1–4 maturity scale
 * in the manner of the USAID/CLOCA organisational capacity assessments:
 * 1 absent or informal, 2 initiated or partial, 3 in place and applied,
 * 4 formalised, monitored and improved.
 *
 * Question keys are stable: changing a question's meaning needs a new key
 * (see `meaningOf`), so that a baseline and an endline stay comparable.
 * Changing this file makes `ensureDefaultFramework` add a new version at the
 * next start; the versions already used by diagnostics never change.
 */

export const defaultFrameworkFamily = 'taawon-default';

export const defaultFrameworkNames = {
  nameFr: 'Diagnostic organisationnel et stratégique des coopératives',
  nameAr: 'التشخيص التنظيمي والاستراتيجي للتعاونيات',
  nameEn: 'Organisational and strategic diagnostic of cooperatives',
} as const;

const text = (fr: string, ar: string, en: string): LocalizedText => ({ fr, ar, en });

type Levels = [LocalizedText, LocalizedText, LocalizedText, LocalizedText];

interface Extra {
  weight?: number;
  reference?: string;
  help?: LocalizedText;
  allowNotApplicable?: boolean;
}

function maturity(key: string, question: LocalizedText, levels: Levels, extra: Extra = {}): Question {
  return { key, type: 'maturity', text: question, levels, weight: extra.weight ?? 1, allowNotApplicable: extra.allowNotApplicable ?? false, ...rest(extra) };
}

function yesNo(key: string, question: LocalizedText, extra: Extra & { yesIsGood?: boolean } = {}): Question {
  return {
    key,
    type: 'yes_no',
    text: question,
    yesIsGood: extra.yesIsGood ?? true,
    weight: extra.weight ?? 1,
    allowNotApplicable: extra.allowNotApplicable ?? false,
    ...rest(extra),
  };
}

function numberQuestion(key: string, question: LocalizedText, scale: { worst: number; best: number; unit: LocalizedText }, extra: Extra = {}): Question {
  return { key, type: 'number', text: question, numberScale: scale, weight: extra.weight ?? 1, allowNotApplicable: extra.allowNotApplicable ?? false, ...rest(extra) };
}

function choice(type: 'single_choice' | 'multiple_choice', key: string, question: LocalizedText, options: ChoiceOption[], extra: Extra = {}): Question {
  return { key, type, text: question, options, weight: extra.weight ?? 1, allowNotApplicable: extra.allowNotApplicable ?? false, ...rest(extra) };
}

function textQuestion(key: string, question: LocalizedText, extra: Extra = {}): Question {
  return { key, type: 'text', text: question, weight: 0, allowNotApplicable: extra.allowNotApplicable ?? true, ...rest(extra) };
}

function rest(extra: Extra): Pick<Question, 'reference' | 'help'> {
  return { ...(extra.reference ? { reference: extra.reference } : {}), ...(extra.help ? { help: extra.help } : {}) };
}

const option = (value: string, score: number, label: LocalizedText): ChoiceOption => ({ value, score, label });

const months = text('mois', 'أشهر', 'months');
const assemblies = text('assemblées', 'جموع عامة', 'assemblies');
const trainings = text('formations', 'دورات تكوينية', 'trainings');
const events = text('participations', 'مشاركات', 'events');
const dirhams = text('DH', 'درهم', 'MAD');
const people = text('personnes', 'أشخاص', 'people');

const legal = {
  key: 'legal',
  label: text('Juridique', 'الجانب القانوني', 'Legal'),
  description: text(
    'Conformité à la loi 112-12 relative aux coopératives (modifiée par la loi 74-16) et aux autorisations propres à l’activité.',
    'المطابقة للقانون رقم 112.12 المتعلق بالتعاونيات (كما تم تغييره بالقانون رقم 74.16) والحصول على التراخيص الخاصة بالنشاط.',
    'Compliance with law 112-12 on cooperatives (as amended by law 74-16) and with the authorisations the activity requires.',
  ),
  weight: 1.5,
  needThreshold: 65,
  questions: [
    yesNo(
      'legal_local_register',
      text(
        'La coopérative est-elle immatriculée au registre local des coopératives tenu par le secrétariat-greffe du tribunal de première instance ?',
        'هل التعاونية مقيدة في السجل المحلي للتعاونيات الممسوك لدى كتابة الضبط بالمحكمة الابتدائية؟',
        'Is the cooperative registered in the local register of cooperatives kept by the registry (secrétariat-greffe) of the court of first instance?',
      ),
      {
        weight: 2,
        reference: 'Loi 112-12 (immatriculation au registre des coopératives) ; décret 2-15-617 du 24 mars 2016',
        help: text(
          'Demander le certificat d’immatriculation ; le registre central est tenu par l’ODCO.',
          'يُطلب شهادة التقييد؛ ويمسك مكتب تنمية التعاون السجل المركزي للتعاونيات.',
          'Ask for the registration certificate; the central register is kept by ODCO.',
        ),
      },
    ),
    textQuestion(
      'legal_registration_details',
      text(
        'Numéro et date d’immatriculation, tribunal compétent',
        'رقم وتاريخ التقييد والمحكمة المختصة',
        'Registration number and date, competent court',
      ),
      { reference: 'Décret 2-15-617 (registre des coopératives)' },
    ),
    maturity(
      'legal_statutes',
      text(
        'Les statuts sont-ils conformes à la loi 112-12 telle que modifiée par la loi 74-16 ?',
        'هل النظام الأساسي مطابق لأحكام القانون رقم 112.12 كما تم تغييره بالقانون رقم 74.16؟',
        'Do the statutes comply with law 112-12 as amended by law 74-16?',
      ),
      [
        text(
          'Pas de statuts disponibles, ou statuts antérieurs à la loi 112-12 jamais mis en conformité',
          'لا يتوفر نظام أساسي، أو نظام أساسي سابق للقانون 112.12 لم تتم ملاءمته قط',
          'No statutes available, or statutes predating law 112-12 never brought into line',
        ),
        text(
          'Statuts disponibles mais mise en conformité incomplète ou méconnue des membres',
          'النظام الأساسي متوفر لكن ملاءمته غير مكتملة أو غير معروفة لدى الأعضاء',
          'Statutes available but only partly brought into line, or unknown to members',
        ),
        text(
          'Statuts conformes, adoptés en assemblée générale extraordinaire et déposés au registre',
          'نظام أساسي مطابق، مصادق عليه في جمع عام استثنائي ومودع بالسجل',
          'Compliant statutes, adopted by an extraordinary general assembly and filed with the register',
        ),
        text(
          'Statuts conformes et connus des membres, règlement intérieur adopté et révisé au besoin',
          'نظام أساسي مطابق ومعروف لدى الأعضاء، مع نظام داخلي مصادق عليه ومُحيَّن عند الحاجة',
          'Compliant statutes known to members, internal rules adopted and revised when needed',
        ),
      ],
      { weight: 1.5, reference: 'Loi 112-12 modifiée par la loi 74-16 (BO 6722 du 1er novembre 2018)' },
    ),
    maturity(
      'legal_members_register',
      text(
        'Le registre des adhérents est-il tenu à jour ?',
        'هل سجل المنخرطين محيَّن؟',
        'Is the register of members kept up to date?',
      ),
      [
        text('Aucun registre ni liste des membres', 'لا يوجد سجل ولا لائحة للأعضاء', 'No register or list of members'),
        text(
          'Liste des membres incomplète ou non datée',
          'لائحة الأعضاء غير مكتملة أو غير مؤرخة',
          'Incomplete or undated list of members',
        ),
        text(
          'Registre à jour : adhésions, retraits et parts souscrites',
          'سجل محيَّن: الانخراطات والانسحابات والحصص المكتتبة',
          'Up-to-date register: admissions, withdrawals and shares subscribed',
        ),
        text(
          'Registre à jour, vérifié à chaque assemblée et concordant avec le capital libéré',
          'سجل محيَّن يُراجَع في كل جمع عام ومطابق للرأسمال المحرر',
          'Up-to-date register, checked at each assembly and matching the paid-up capital',
        ),
      ],
      { reference: 'Loi 112-12 (registre des adhérents)' },
    ),
    choice(
      'single_choice',
      'legal_capital',
      text(
        'Le capital social respecte-t-il le minimum légal ?',
        'هل يحترم الرأسمال الحد الأدنى القانوني؟',
        'Does the share capital meet the legal minimum?',
      ),
      [
        option(
          'below_minimum',
          0,
          text(
            'Capital inférieur à 1 000 DH ou parts inférieures à 100 DH',
            'رأسمال يقل عن 1000 درهم أو حصص تقل عن 100 درهم',
            'Capital below 1,000 MAD or shares below 100 MAD',
          ),
        ),
        option(
          'subscribed',
          0.5,
          text(
            'Capital d’au moins 1 000 DH souscrit, pas entièrement libéré',
            'رأسمال لا يقل عن 1000 درهم مكتتب وغير محرر بالكامل',
            'At least 1,000 MAD subscribed, not fully paid up',
          ),
        ),
        option(
          'paid_up',
          1,
          text(
            'Capital d’au moins 1 000 DH entièrement libéré, parts d’au moins 100 DH',
            'رأسمال لا يقل عن 1000 درهم محرر بالكامل وحصص لا تقل عن 100 درهم',
            'At least 1,000 MAD fully paid up, shares of at least 100 MAD',
          ),
        ),
      ],
      { reference: 'Loi 112-12 : capital minimal de 1 000 DH, part sociale d’au moins 100 DH' },
    ),
    yesNo(
      'legal_sanitary_authorisation',
      text(
        'Pour une activité alimentaire : la coopérative détient-elle l’autorisation ou l’agrément sanitaire de l’ONSSA ?',
        'بالنسبة للنشاط الغذائي: هل تتوفر التعاونية على الترخيص أو الاعتماد الصحي من المكتب الوطني للسلامة الصحية للمنتجات الغذائية؟',
        'For a food activity: does the cooperative hold the ONSSA sanitary authorisation or approval?',
      ),
      {
        weight: 1.5,
        allowNotApplicable: true,
        reference: 'Loi 28-07 relative à la sécurité sanitaire des produits alimentaires (ONSSA)',
        help: text(
          'Sans objet si la coopérative ne produit ni ne conditionne d’aliments.',
          'لا ينطبق إذا كانت التعاونية لا تنتج ولا تلفف مواد غذائية.',
          'Not applicable if the cooperative neither produces nor packs food.',
        ),
      },
    ),
  ],
};

const governance = {
  key: 'governance',
  label: text('Gouvernance', 'الحكامة', 'Governance'),
  description: text(
    'Fonctionnement démocratique : assemblées générales, conseil d’administration, élections, place des femmes et des jeunes.',
    'التسيير الديمقراطي: الجموع العامة ومجلس الإدارة والانتخابات ومكانة النساء والشباب.',
    'Democratic functioning: general assemblies, board of directors, elections, the place of women and youth.',
  ),
  weight: 1.5,
  needThreshold: 60,
  questions: [
    maturity(
      'gov_general_assembly',
      text(
        'L’assemblée générale ordinaire se tient-elle dans les six mois suivant la clôture de l’exercice, avec procès-verbal ?',
        'هل ينعقد الجمع العام العادي داخل أجل ستة أشهر الموالية لاختتام السنة المالية مع تحرير محضر؟',
        'Is the ordinary general assembly held within six months of the financial year end, with minutes?',
      ),
      [
        text(
          'Aucune assemblée générale depuis la création ou depuis plus d’un an',
          'لم ينعقد أي جمع عام منذ التأسيس أو منذ أكثر من سنة',
          'No general assembly since the cooperative was created, or for more than a year',
        ),
        text(
          'Assemblée tenue irrégulièrement, sans convocation écrite ni procès-verbal',
          'جمع عام ينعقد بشكل غير منتظم، دون استدعاء كتابي ولا محضر',
          'Assembly held irregularly, without written notice or minutes',
        ),
        text(
          'Assemblée ordinaire tenue dans les six mois suivant la clôture, procès-verbal signé',
          'جمع عام عادي منعقد داخل ستة أشهر من اختتام السنة المالية بمحضر موقع',
          'Ordinary assembly held within six months of year end, signed minutes',
        ),
        text(
          'Assemblée préparée (convocation, rapport de gestion, comptes), quorum atteint, décisions suivies',
          'جمع عام مُعَدّ له (استدعاء، تقرير التسيير، الحسابات)، بنصاب مكتمل وقرارات متابَعة',
          'Assembly prepared (notice, management report, accounts), quorum reached, decisions followed up',
        ),
      ],
      { weight: 2, reference: 'Loi 112-12 : assemblée générale ordinaire dans les six mois suivant la clôture de l’exercice' },
    ),
    numberQuestion(
      'gov_assemblies_last_year',
      text(
        'Nombre d’assemblées générales tenues au cours des 12 derniers mois',
        'عدد الجموع العامة المنعقدة خلال الاثني عشر شهرا الأخيرة',
        'Number of general assemblies held in the last 12 months',
      ),
      { worst: 0, best: 1, unit: assemblies },
    ),
    numberQuestion(
      'gov_months_since_assembly',
      text(
        'Nombre de mois depuis la dernière assemblée générale',
        'عدد الأشهر منذ آخر جمع عام',
        'Months since the last general assembly',
      ),
      { worst: 24, best: 6, unit: months },
      { weight: 0.5 },
    ),
    maturity(
      'gov_board',
      text(
        'Le conseil d’administration se réunit-il comme le prévoient les statuts ?',
        'هل يجتمع مجلس الإدارة وفق ما ينص عليه النظام الأساسي؟',
        'Does the board of directors meet as the statutes require?',
      ),
      [
        text(
          'Le conseil ne se réunit pas ; le président décide seul',
          'المجلس لا يجتمع؛ والرئيس يقرر بمفرده',
          'The board does not meet; the president decides alone',
        ),
        text(
          'Réunions occasionnelles, sans ordre du jour ni compte rendu',
          'اجتماعات متفرقة دون جدول أعمال ولا محضر',
          'Occasional meetings, without agenda or minutes',
        ),
        text(
          'Réunions à la fréquence statutaire, avec procès-verbaux',
          'اجتماعات بالوتيرة المنصوص عليها في النظام الأساسي مع محاضر',
          'Meetings as often as the statutes require, with minutes',
        ),
        text(
          'Réunions régulières, décisions tracées, suivies et communiquées aux membres',
          'اجتماعات منتظمة وقرارات موثقة ومتابَعة ومبلَّغة إلى الأعضاء',
          'Regular meetings, decisions recorded, followed up and reported to members',
        ),
      ],
    ),
    maturity(
      'gov_elections',
      text(
        'Les organes sont-ils renouvelés par élection à l’échéance des mandats ?',
        'هل يتم تجديد الأجهزة المسيرة بالانتخاب عند انتهاء الولايات؟',
        'Are the governing bodies renewed by election when mandates expire?',
      ),
      [
        text(
          'Organes jamais renouvelés, mandats échus',
          'أجهزة لم تُجدَّد قط وولايات منتهية',
          'Bodies never renewed, mandates expired',
        ),
        text(
          'Renouvellement tardif ou sans vote formel',
          'تجديد متأخر أو دون تصويت رسمي',
          'Late renewal or without a formal vote',
        ),
        text(
          'Élections tenues à l’échéance, conformément aux statuts',
          'انتخابات منظمة عند انتهاء الولاية وفق النظام الأساسي',
          'Elections held when due, as the statutes require',
        ),
        text(
          'Élections transparentes, candidatures ouvertes, alternance effective',
          'انتخابات شفافة وترشيحات مفتوحة وتداول فعلي على المسؤولية',
          'Transparent elections, open candidacies, actual turnover of officers',
        ),
      ],
    ),
    yesNo(
      'gov_women_youth_board',
      text(
        'Au moins une femme ou un jeune de moins de 35 ans siège-t-il au conseil d’administration ?',
        'هل تضم عضوية مجلس الإدارة امرأة واحدة على الأقل أو شابا يقل عمره عن 35 سنة؟',
        'Does at least one woman or one young person under 35 sit on the board?',
      ),
      { weight: 0.5 },
    ),
  ],
};

const management = {
  key: 'management',
  label: text('Gestion et organisation', 'التسيير', 'Management and organisation'),
  description: text(
    'Répartition des rôles, procédures, organisation du travail et archives.',
    'توزيع الأدوار والمساطر وتنظيم العمل والأرشيف.',
    'Roles, procedures, organisation of work and records.',
  ),
  weight: 1,
  needThreshold: 60,
  questions: [
    maturity(
      'mgmt_roles',
      text(
        'Les rôles et responsabilités de chacun sont-ils définis ?',
        'هل الأدوار والمسؤوليات محددة لكل فرد؟',
        'Are each person’s roles and responsibilities defined?',
      ),
      [
        text('Rôles non définis ; tout repose sur une seule personne', 'أدوار غير محددة؛ كل شيء يقع على عاتق شخص واحد', 'Roles undefined; everything rests on one person'),
        text('Rôles connus oralement mais non écrits', 'أدوار معروفة شفهيا لكنها غير مكتوبة', 'Roles known orally but not written down'),
        text(
          'Organigramme et fiches de fonctions écrits pour les postes clés',
          'هيكل تنظيمي وبطاقات وظيفية مكتوبة للمناصب الرئيسية',
          'Written organisation chart and job descriptions for key positions',
        ),
        text(
          'Rôles écrits, respectés et révisés ; délégation effective',
          'أدوار مكتوبة ومحترمة ومُراجَعة؛ وتفويض فعلي للمهام',
          'Written roles, respected and reviewed; effective delegation',
        ),
      ],
    ),
    maturity(
      'mgmt_procedures',
      text(
        'Existe-t-il des procédures pour les achats, les ventes et la caisse ?',
        'هل توجد مساطر للمشتريات والمبيعات والصندوق؟',
        'Are there procedures for purchases, sales and cash?',
      ),
      [
        text('Aucune procédure ; décisions au cas par cas', 'لا توجد أي مسطرة؛ القرارات تُتخذ حالة بحالة', 'No procedure; case-by-case decisions'),
        text('Quelques règles appliquées irrégulièrement', 'بعض القواعد تُطبَّق بشكل غير منتظم', 'A few rules applied irregularly'),
        text('Procédures écrites et appliquées', 'مساطر مكتوبة ومطبقة', 'Written procedures, applied'),
        text('Procédures appliquées, contrôlées et mises à jour', 'مساطر مطبقة ومراقَبة ومحيَّنة', 'Procedures applied, checked and updated'),
      ],
    ),
    maturity(
      'mgmt_work_planning',
      text(
        'Comment le travail est-il planifié et réparti entre les membres ?',
        'كيف يتم تخطيط العمل وتوزيعه بين الأعضاء؟',
        'How is work planned and shared among members?',
      ),
      [
        text('Travail organisé au jour le jour', 'عمل منظم يوما بيوم', 'Work organised day by day'),
        text('Planning oral, souvent non respecté', 'تخطيط شفهي لا يُحترم في الغالب', 'Oral planning, often not kept'),
        text('Planning écrit des tâches et des présences', 'جدولة مكتوبة للمهام والحضور', 'Written schedule of tasks and attendance'),
        text(
          'Planning écrit, suivi et ajusté aux commandes',
          'جدولة مكتوبة ومتابَعة وتُكيَّف حسب الطلبيات',
          'Written schedule, monitored and adjusted to orders',
        ),
      ],
    ),
    maturity(
      'mgmt_records',
      text(
        'Les documents de la coopérative sont-ils classés et conservés ?',
        'هل وثائق التعاونية مصنفة ومحفوظة؟',
        'Are the cooperative’s documents filed and kept?',
      ),
      [
        text('Documents dispersés ou perdus', 'وثائق مبعثرة أو ضائعة', 'Documents scattered or lost'),
        text('Documents conservés sans classement', 'وثائق محفوظة دون تصنيف', 'Documents kept but not filed'),
        text(
          'Archives classées : statuts, procès-verbaux, factures, contrats',
          'أرشيف مصنف: النظام الأساسي والمحاضر والفواتير والعقود',
          'Filed records: statutes, minutes, invoices, contracts',
        ),
        text(
          'Archives classées, copie numérique sauvegardée, accès organisé',
          'أرشيف مصنف مع نسخة رقمية احتياطية وولوج منظم',
          'Filed records, digital backup, organised access',
        ),
      ],
    ),
    numberQuestion(
      'mgmt_employees',
      text(
        'Nombre de salariés permanents (hors membres)',
        'عدد الأجراء الدائمين (من غير الأعضاء)',
        'Number of permanent employees (not members)',
      ),
      { worst: 0, best: 3, unit: people },
      { weight: 0 },
    ),
  ],
};

const finance = {
  key: 'finance',
  label: text('Financier et comptable', 'المالية والمحاسبة', 'Finance and accounting'),
  description: text(
    'Tenue des comptes, budget, banque, contrôle de la caisse et accès au financement.',
    'مسك الحسابات والميزانية والحساب البنكي ومراقبة الصندوق والولوج إلى التمويل.',
    'Bookkeeping, budget, bank, cash control and access to finance.',
  ),
  weight: 1.5,
  needThreshold: 65,
  questions: [
    maturity(
      'fin_bookkeeping',
      text(
        'Comment la comptabilité est-elle tenue ?',
        'كيف تُمسَك المحاسبة؟',
        'How are the books kept?',
      ),
      [
        text(
          'Aucune trace écrite des recettes et dépenses',
          'لا يوجد أي أثر مكتوب للمداخيل والمصاريف',
          'No written record of income and expenses',
        ),
        text('Cahier de caisse tenu irrégulièrement', 'دفتر الصندوق يُمسَك بشكل غير منتظم', 'Cash book kept irregularly'),
        text('Journal et grand livre tenus à jour', 'دفتر اليومية والدفتر الكبير محيَّنان', 'Journal and general ledger kept up to date'),
        text(
          'Comptes annuels établis, présentés en assemblée générale et utilisés pour décider',
          'قوائم مالية سنوية معدة ومعروضة على الجمع العام ومعتمدة في اتخاذ القرار',
          'Annual accounts drawn up, presented to the general assembly and used for decisions',
        ),
      ],
      { weight: 2 },
    ),
    maturity(
      'fin_budget',
      text(
        'La coopérative établit-elle un budget ?',
        'هل تُعِدّ التعاونية ميزانية؟',
        'Does the cooperative draw up a budget?',
      ),
      [
        text('Aucun budget', 'لا توجد ميزانية', 'No budget'),
        text(
          'Estimation orale des recettes et dépenses',
          'تقدير شفهي للمداخيل والمصاريف',
          'Oral estimate of income and expenses',
        ),
        text('Budget annuel écrit et adopté', 'ميزانية سنوية مكتوبة ومصادق عليها', 'Written annual budget, adopted'),
        text(
          'Budget suivi chaque trimestre (prévu et réalisé) et ajusté',
          'ميزانية تُتابَع كل ثلاثة أشهر (المتوقع والمنجز) وتُعدَّل',
          'Budget monitored every quarter (planned against actual) and adjusted',
        ),
      ],
    ),
    yesNo(
      'fin_bank_account',
      text(
        'La coopérative a-t-elle un compte bancaire à son nom, utilisé pour ses opérations ?',
        'هل تتوفر التعاونية على حساب بنكي باسمها تستعمله في عملياتها؟',
        'Does the cooperative have a bank account in its own name, used for its operations?',
      ),
    ),
    maturity(
      'fin_cash_control',
      text(
        'Comment la caisse est-elle contrôlée ?',
        'كيف تتم مراقبة الصندوق؟',
        'How is cash controlled?',
      ),
      [
        text(
          'Argent de la coopérative mêlé à l’argent personnel',
          'أموال التعاونية مختلطة بالأموال الشخصية',
          'The cooperative’s money mixed with personal money',
        ),
        text(
          'Caisse séparée, sans pièces justificatives',
          'صندوق مستقل دون وثائق مثبتة',
          'Separate cash box, without supporting documents',
        ),
        text(
          'Pièce justificative pour chaque mouvement, caisse arrêtée régulièrement',
          'وثيقة مثبتة لكل عملية، وحصر الصندوق بانتظام',
          'A supporting document for every movement, cash counted regularly',
        ),
        text(
          'Double signature, rapprochement bancaire mensuel, contrôle par le conseil',
          'توقيع مزدوج ومطابقة بنكية شهرية ومراقبة من طرف المجلس',
          'Dual signature, monthly bank reconciliation, checked by the board',
        ),
      ],
    ),
    choice(
      'multiple_choice',
      'fin_financing_sources',
      text(
        'Financements obtenus au cours des trois dernières années',
        'التمويلات المحصل عليها خلال السنوات الثلاث الأخيرة',
        'Financing obtained in the last three years',
      ),
      [
        option('member_contributions', 0.25, text('Apports des membres', 'مساهمات الأعضاء', 'Members’ contributions')),
        option('bank_loan', 0.35, text('Crédit bancaire', 'قرض بنكي', 'Bank loan')),
        option('microcredit', 0.25, text('Microcrédit', 'قرض صغير', 'Microcredit')),
        option('indh', 0.35, text('INDH', 'المبادرة الوطنية للتنمية البشرية', 'INDH (National Human Development Initiative)')),
        option('public_programme', 0.35, text('Programme public (ODCO, ministère…)', 'برنامج عمومي (مكتب تنمية التعاون، وزارة…)', 'Public programme (ODCO, ministry…)')),
        option('foundation', 0.35, text('Fondation ou bailleur', 'مؤسسة أو جهة مانحة', 'Foundation or donor')),
        option('none', 0, text('Aucun', 'لا شيء', 'None')),
      ],
      { weight: 0.5 },
    ),
    numberQuestion(
      'fin_turnover',
      text(
        'Chiffre d’affaires du dernier exercice',
        'رقم المعاملات خلال السنة المالية الأخيرة',
        'Turnover of the last financial year',
      ),
      { worst: 0, best: 500000, unit: dirhams },
      { weight: 0 },
    ),
  ],
};

const production = {
  key: 'production',
  label: text('Production et techniques', 'الإنتاج', 'Production and techniques'),
  description: text(
    'Maîtrise des procédés, hygiène et qualité, équipements, stocks et certifications.',
    'التحكم في طرق الإنتاج والنظافة والجودة والتجهيزات والمخزون والشهادات.',
    'Process mastery, hygiene and quality, equipment, stock and certifications.',
  ),
  weight: 1,
  needThreshold: 60,
  questions: [
    maturity(
      'prod_process',
      text(
        'Les procédés de production sont-ils maîtrisés ?',
        'هل طرق الإنتاج متحكَّم فيها؟',
        'Are the production processes mastered?',
      ),
      [
        text(
          'Savoir-faire non formalisé, qualité très variable d’un lot à l’autre',
          'دراية غير موثقة وجودة متفاوتة جدا من دفعة إلى أخرى',
          'Unwritten know-how, quality varies widely from batch to batch',
        ),
        text('Étapes connues mais non écrites', 'مراحل معروفة لكنها غير مكتوبة', 'Steps known but not written down'),
        text('Fiches techniques écrites et suivies pour chaque produit', 'بطاقات تقنية مكتوبة ومتَّبعة لكل منتوج', 'Written technical sheets followed for each product'),
        text('Procédés maîtrisés, rendements mesurés et améliorés', 'طرق متحكَّم فيها ومردودية مقيسة ومحسَّنة', 'Processes mastered, yields measured and improved'),
      ],
    ),
    maturity(
      'prod_hygiene',
      text(
        'Les règles d’hygiène et de qualité sont-elles appliquées ?',
        'هل تُطبَّق قواعد النظافة والجودة؟',
        'Are hygiene and quality rules applied?',
      ),
      [
        text('Aucune règle d’hygiène ; local inadapté', 'لا توجد قواعد للنظافة؛ ومقر غير ملائم', 'No hygiene rules; unsuitable premises'),
        text('Règles connues mais appliquées en partie', 'قواعد معروفة لكنها تُطبَّق جزئيا', 'Rules known but partly applied'),
        text(
          'Bonnes pratiques d’hygiène appliquées, local et tenues adaptés',
          'ممارسات جيدة للنظافة مطبقة، ومقر وألبسة ملائمة',
          'Good hygiene practice applied, suitable premises and clothing',
        ),
        text(
          'Traçabilité des lots et autocontrôles enregistrés',
          'تتبع الدفعات وتسجيل عمليات المراقبة الذاتية',
          'Batch traceability and recorded self-checks',
        ),
      ],
    ),
    maturity(
      'prod_equipment',
      text(
        'L’équipement de production est-il adapté et entretenu ?',
        'هل تجهيزات الإنتاج ملائمة ومُصانة؟',
        'Is the production equipment suitable and maintained?',
      ),
      [
        text('Équipement manquant ou hors d’usage', 'تجهيزات ناقصة أو معطلة', 'Equipment missing or out of order'),
        text('Équipement de base, insuffisant pour la demande', 'تجهيزات أساسية غير كافية لتلبية الطلب', 'Basic equipment, not enough for demand'),
        text('Équipement adapté et entretenu', 'تجهيزات ملائمة ومُصانة', 'Suitable, maintained equipment'),
        text(
          'Équipement adapté, plan d’entretien et de renouvellement',
          'تجهيزات ملائمة مع برنامج للصيانة والتجديد',
          'Suitable equipment, maintenance and replacement plan',
        ),
      ],
    ),
    maturity(
      'prod_stock',
      text(
        'Les stocks de matières premières et de produits sont-ils suivis ?',
        'هل يتم تتبع مخزون المواد الأولية والمنتوجات؟',
        'Are stocks of raw materials and products tracked?',
      ),
      [
        text('Aucun suivi des stocks', 'لا يوجد أي تتبع للمخزون', 'No stock tracking'),
        text('Comptage occasionnel', 'جرد متقطع', 'Occasional counting'),
        text('Fiches de stock à jour (entrées et sorties)', 'بطاقات مخزون محيَّنة (المدخلات والمخرجات)', 'Up-to-date stock cards (in and out)'),
        text(
          'Inventaire périodique, pertes mesurées, approvisionnement planifié',
          'جرد دوري وقياس الضياع وتخطيط التموين',
          'Periodic inventory, losses measured, supply planned',
        ),
      ],
    ),
    choice(
      'multiple_choice',
      'prod_certifications',
      text(
        'Autorisations, certifications et labels détenus',
        'التراخيص والشهادات والعلامات المحصل عليها',
        'Authorisations, certifications and labels held',
      ),
      [
        option('onssa', 0.4, text('Autorisation ou agrément ONSSA', 'ترخيص أو اعتماد المكتب الوطني للسلامة الصحية', 'ONSSA authorisation or approval')),
        option('organic', 0.3, text('Agriculture biologique', 'الفلاحة البيولوجية', 'Organic farming')),
        option('origin_label', 0.3, text('Signe d’origine et de qualité (IGP, AOP, label agricole)', 'علامة المنشأ والجودة (بيان جغرافي محمي، تسمية منشأ، علامة فلاحية)', 'Origin and quality sign (PGI, PDO, agricultural label)')),
        option('haccp_iso', 0.3, text('HACCP ou norme ISO', 'نظام HACCP أو معيار ISO', 'HACCP or ISO standard')),
        option('none', 0, text('Aucun', 'لا شيء', 'None')),
      ],
      { allowNotApplicable: true },
    ),
  ],
};

const marketing = {
  key: 'marketing',
  label: text('Commercialisation et marketing', 'التسويق', 'Marketing and sales'),
  description: text(
    'Canaux de vente, prix, emballage et marque, clientèle, participation aux foires.',
    'قنوات البيع والأثمنة والتلفيف والعلامة التجارية والزبناء والمشاركة في المعارض.',
    'Sales channels, pricing, packaging and brand, customers, trade fairs.',
  ),
  weight: 1.2,
  needThreshold: 60,
  questions: [
    choice(
      'single_choice',
      'mkt_main_channel',
      text(
        'Principal canal de vente',
        'قناة البيع الرئيسية',
        'Main sales channel',
      ),
      [
        option('intermediary', 0.2, text('Intermédiaires ou collecteurs', 'الوسطاء أو الجامعون', 'Intermediaries or collectors')),
        option('local_market', 0.35, text('Souk ou marché local', 'السوق الأسبوعي أو المحلي', 'Weekly or local market')),
        option('direct_shop', 0.6, text('Vente directe (local ou boutique de la coopérative)', 'البيع المباشر (مقر أو متجر التعاونية)', 'Direct sales (the cooperative’s premises or shop)')),
        option('fairs', 0.6, text('Foires et salons', 'المعارض والأسواق الموسمية', 'Trade fairs and exhibitions')),
        option('online', 0.75, text('Vente en ligne (réseaux sociaux, place de marché)', 'البيع عبر الإنترنت (شبكات التواصل، منصة تسويق)', 'Online sales (social media, marketplace)')),
        option('retail', 0.8, text('Magasins et grandes surfaces', 'المتاجر والأسواق الكبرى', 'Shops and supermarkets')),
        option('contracts', 1, text('Contrats avec des acheteurs réguliers ou export', 'عقود مع مشترين منتظمين أو التصدير', 'Contracts with regular buyers, or export')),
      ],
      { weight: 0.5 },
    ),
    maturity(
      'mkt_pricing',
      text(
        'Comment les prix de vente sont-ils fixés ?',
        'كيف تُحدَّد أثمنة البيع؟',
        'How are selling prices set?',
      ),
      [
        text('Prix fixé au hasard ou imposé par l’acheteur', 'ثمن يُحدَّد عشوائيا أو يفرضه المشتري', 'Price set at random or imposed by the buyer'),
        text(
          'Prix aligné sur les concurrents sans connaître le coût',
          'ثمن مماثل لأثمنة المنافسين دون معرفة التكلفة',
          'Price aligned on competitors without knowing the cost',
        ),
        text('Prix calculé à partir du coût de revient', 'ثمن يُحتسب انطلاقا من سعر التكلفة', 'Price worked out from the cost price'),
        text(
          'Coût de revient suivi, prix différenciés par canal, marge connue',
          'سعر تكلفة متابَع وأثمنة مختلفة حسب القناة وهامش ربح معروف',
          'Cost price tracked, prices differentiated by channel, known margin',
        ),
      ],
    ),
    maturity(
      'mkt_packaging',
      text(
        'Les produits ont-ils un emballage, un étiquetage et une marque ?',
        'هل للمنتوجات تلفيف ووسم وعلامة تجارية؟',
        'Do the products have packaging, labelling and a brand?',
      ),
      [
        text('Produits vendus en vrac, sans emballage ni étiquette', 'منتوجات تُباع بالجملة دون تلفيف ولا ملصق', 'Products sold loose, without packaging or label'),
        text('Emballage simple, étiquette incomplète', 'تلفيف بسيط وملصق غير مكتمل', 'Simple packaging, incomplete label'),
        text(
          'Étiquetage conforme (composition, dates, numéro d’autorisation) et marque',
          'وسم مطابق (المكونات، التواريخ، رقم الترخيص) وعلامة تجارية',
          'Compliant labelling (ingredients, dates, authorisation number) and a brand',
        ),
        text(
          'Identité de marque cohérente, emballages adaptés à chaque marché',
          'هوية تجارية منسجمة وتلفيف ملائم لكل سوق',
          'Consistent brand identity, packaging suited to each market',
        ),
      ],
    ),
    maturity(
      'mkt_customers',
      text(
        'La coopérative connaît-elle et fidélise-t-elle ses clients ?',
        'هل تعرف التعاونية زبناءها وتحافظ على وفائهم؟',
        'Does the cooperative know and keep its customers?',
      ),
      [
        text('Pas de clients réguliers', 'لا يوجد زبناء منتظمون', 'No regular customers'),
        text('Quelques clients réguliers, sans fichier', 'بعض الزبناء المنتظمين دون سجل', 'A few regular customers, no customer list'),
        text('Fichier clients tenu, clients fidélisés', 'سجل للزبناء ممسوك وزبناء أوفياء', 'Customer list kept, loyal customers'),
        text(
          'Commandes récurrentes ou contrats, prospection organisée',
          'طلبيات متكررة أو عقود، وتنقيب منظم عن الزبناء',
          'Recurring orders or contracts, organised prospecting',
        ),
      ],
    ),
    numberQuestion(
      'mkt_fairs_last_year',
      text(
        'Participations à des foires ou salons au cours des 12 derniers mois',
        'عدد المشاركات في المعارض خلال الاثني عشر شهرا الأخيرة',
        'Trade fairs or exhibitions attended in the last 12 months',
      ),
      { worst: 0, best: 3, unit: events },
      { weight: 0.5 },
    ),
  ],
};

const strategy = {
  key: 'strategy',
  label: text('Planification stratégique', 'التخطيط الاستراتيجي', 'Strategic planning'),
  description: text(
    'Vision, connaissance de l’environnement, plan de développement et plan d’action annuel.',
    'الرؤية ومعرفة المحيط ومخطط التنمية ومخطط العمل السنوي.',
    'Vision, knowledge of the environment, development plan and annual work plan.',
  ),
  weight: 1,
  needThreshold: 55,
  questions: [
    maturity(
      'strat_vision',
      text(
        'Les membres partagent-ils une vision et des objectifs pour la coopérative ?',
        'هل يتقاسم الأعضاء رؤية وأهدافا للتعاونية؟',
        'Do members share a vision and objectives for the cooperative?',
      ),
      [
        text('Aucune vision de l’avenir', 'لا توجد رؤية للمستقبل', 'No view of the future'),
        text('Idées d’avenir portées par le président seul', 'أفكار مستقبلية يحملها الرئيس وحده', 'Ideas about the future held by the president alone'),
        text('Vision et objectifs écrits, discutés en assemblée', 'رؤية وأهداف مكتوبة ونوقشت في الجمع العام', 'Written vision and objectives, discussed in assembly'),
        text('Vision partagée, objectifs chiffrés revus chaque année', 'رؤية مشتركة وأهداف مرقمة تُراجَع كل سنة', 'Shared vision, quantified objectives reviewed every year'),
      ],
    ),
    maturity(
      'strat_environment',
      text(
        'La coopérative connaît-elle son marché et son environnement (concurrents, programmes d’appui) ?',
        'هل تعرف التعاونية سوقها ومحيطها (المنافسون، برامج الدعم)؟',
        'Does the cooperative know its market and environment (competitors, support programmes)?',
      ),
      [
        text('Environnement méconnu', 'المحيط غير معروف', 'Environment unknown'),
        text('Connaissance partielle et informelle', 'معرفة جزئية وغير مهيكلة', 'Partial, informal knowledge'),
        text('Étude de marché ou analyse de l’environnement réalisée', 'إنجاز دراسة للسوق أو تحليل للمحيط', 'Market study or analysis of the environment done'),
        text(
          'Veille régulière, opportunités saisies (appels à projets, salons)',
          'رصد منتظم واغتنام الفرص (طلبات المشاريع، المعارض)',
          'Regular watch, opportunities taken (calls for projects, fairs)',
        ),
      ],
    ),
    maturity(
      'strat_development_plan',
      text(
        'La coopérative a-t-elle un plan de développement ?',
        'هل تتوفر التعاونية على مخطط للتنمية؟',
        'Does the cooperative have a development plan?',
      ),
      [
        text('Aucun plan', 'لا يوجد أي مخطط', 'No plan'),
        text('Idée de projet non chiffrée', 'فكرة مشروع غير مقدرة ماليا', 'Project idea, not costed'),
        text('Plan de développement ou plan d’affaires écrit et chiffré', 'مخطط تنمية أو مخطط أعمال مكتوب ومقدر ماليا', 'Written, costed development or business plan'),
        text('Plan mis en œuvre, suivi et actualisé', 'مخطط في طور التنفيذ ومتابَع ومحيَّن', 'Plan being carried out, monitored and updated'),
      ],
      { weight: 1.5 },
    ),
    yesNo(
      'strat_annual_plan',
      text(
        'Un plan d’action annuel a-t-il été adopté pour l’exercice en cours ?',
        'هل تمت المصادقة على مخطط عمل سنوي للسنة المالية الجارية؟',
        'Has an annual work plan been adopted for the current year?',
      ),
    ),
    textQuestion(
      'strat_priorities',
      text(
        'Priorités de développement exprimées par les membres',
        'أولويات التنمية التي عبّر عنها الأعضاء',
        'Development priorities expressed by members',
      ),
    ),
  ],
};

const monitoring = {
  key: 'monitoring',
  label: text('Suivi-évaluation', 'التتبع والتقييم', 'Monitoring and evaluation'),
  description: text(
    'Indicateurs suivis, rapports périodiques et usage des données pour décider.',
    'المؤشرات المتتبَّعة والتقارير الدورية واستعمال المعطيات في اتخاذ القرار.',
    'Indicators tracked, periodic reports and the use of data for decisions.',
  ),
  weight: 1,
  needThreshold: 55,
  questions: [
    maturity(
      'mon_indicators',
      text(
        'La coopérative suit-elle des indicateurs (chiffre d’affaires, production, membres, emplois) ?',
        'هل تتتبع التعاونية مؤشرات (رقم المعاملات، الإنتاج، الأعضاء، مناصب الشغل)؟',
        'Does the cooperative track indicators (turnover, output, members, jobs)?',
      ),
      [
        text('Aucun indicateur suivi', 'لا يتم تتبع أي مؤشر', 'No indicator tracked'),
        text('Quelques chiffres connus de mémoire', 'بعض الأرقام معروفة من الذاكرة', 'A few figures known from memory'),
        text('Indicateurs clés notés régulièrement', 'مؤشرات أساسية تُسجَّل بانتظام', 'Key indicators recorded regularly'),
        text(
          'Tableau de bord tenu, réalisations comparées aux objectifs',
          'لوحة قيادة ممسوكة ومقارنة المنجزات بالأهداف',
          'Dashboard kept, results compared with targets',
        ),
      ],
    ),
    maturity(
      'mon_reporting',
      text(
        'La coopérative rend-elle compte de ses activités ?',
        'هل تقدم التعاونية تقارير عن أنشطتها؟',
        'Does the cooperative report on its activities?',
      ),
      [
        text('Aucun rapport', 'لا يوجد أي تقرير', 'No report'),
        text('Compte rendu oral en assemblée', 'عرض شفهي أمام الجمع العام', 'Oral account in assembly'),
        text('Rapport d’activité écrit présenté chaque année en assemblée', 'تقرير أنشطة مكتوب يُعرض سنويا على الجمع العام', 'Written activity report presented every year in assembly'),
        text(
          'Rapports périodiques aux membres et aux partenaires, archivés',
          'تقارير دورية للأعضاء والشركاء مؤرشفة',
          'Periodic reports to members and partners, filed',
        ),
      ],
    ),
    maturity(
      'mon_data_use',
      text(
        'Les décisions s’appuient-elles sur des chiffres ?',
        'هل تستند القرارات إلى الأرقام؟',
        'Are decisions based on figures?',
      ),
      [
        text('Décisions prises sans chiffres', 'قرارات تُتخذ دون أرقام', 'Decisions made without figures'),
        text('Chiffres consultés occasionnellement', 'يُرجَع إلى الأرقام أحيانا', 'Figures looked at now and then'),
        text('Décisions importantes appuyées sur des chiffres', 'القرارات المهمة تستند إلى الأرقام', 'Important decisions based on figures'),
        text(
          'Résultats analysés régulièrement, actions correctives décidées',
          'تحليل منتظم للنتائج واتخاذ إجراءات تصحيحية',
          'Results analysed regularly, corrective action decided',
        ),
      ],
    ),
    numberQuestion(
      'mon_jobs',
      text(
        'Nombre de personnes travaillant régulièrement pour la coopérative (membres et salariés)',
        'عدد الأشخاص الذين يشتغلون بانتظام لفائدة التعاونية (أعضاء وأجراء)',
        'Number of people working regularly for the cooperative (members and employees)',
      ),
      { worst: 0, best: 20, unit: people },
      { weight: 0 },
    ),
  ],
};

const communication = {
  key: 'communication',
  label: text('Communication et partenariats', 'التواصل والشراكات', 'Communication and partnerships'),
  description: text(
    'Information des membres, visibilité, réseaux de coopératives et partenaires.',
    'إخبار الأعضاء والإشعاع وشبكات التعاونيات والشركاء.',
    'Informing members, visibility, cooperative networks and partners.',
  ),
  weight: 1,
  needThreshold: 55,
  questions: [
    maturity(
      'com_member_information',
      text(
        'Les membres sont-ils informés des décisions et de la vie de la coopérative ?',
        'هل يتم إخبار الأعضاء بالقرارات وبحياة التعاونية؟',
        'Are members informed of decisions and of the cooperative’s life?',
      ),
      [
        text('Membres non informés', 'الأعضاء غير مُخبَرين', 'Members not informed'),
        text('Information orale et irrégulière', 'إخبار شفهي وغير منتظم', 'Oral, irregular information'),
        text(
          'Information régulière (réunions, affichage, groupe de messagerie)',
          'إخبار منتظم (اجتماعات، تعليق، مجموعة تراسل)',
          'Regular information (meetings, notice board, messaging group)',
        ),
        text(
          'Information régulière et avis des membres recueillis',
          'إخبار منتظم واستطلاع آراء الأعضاء',
          'Regular information, and members’ views gathered',
        ),
      ],
    ),
    maturity(
      'com_conflicts',
      text(
        'Comment les désaccords entre membres sont-ils traités ?',
        'كيف تتم معالجة الخلافات بين الأعضاء؟',
        'How are disagreements between members handled?',
      ),
      [
        text(
          'Conflits ouverts qui bloquent les activités ou font partir des membres',
          'نزاعات علنية تعرقل الأنشطة أو تدفع الأعضاء إلى الانسحاب',
          'Open conflicts that block activities or drive members away',
        ),
        text('Conflits réglés au cas par cas par le président', 'نزاعات يسويها الرئيس حالة بحالة', 'Conflicts settled case by case by the president'),
        text(
          'Désaccords discutés en réunion, règlement intérieur appliqué',
          'خلافات تُناقَش في الاجتماعات مع تطبيق النظام الداخلي',
          'Disagreements discussed in meetings, internal rules applied',
        ),
        text(
          'Mécanisme connu de tous (médiation, recours à l’assemblée), conflits prévenus',
          'آلية معروفة لدى الجميع (الوساطة، اللجوء إلى الجمع العام) والوقاية من النزاعات',
          'A mechanism everyone knows (mediation, appeal to the assembly), conflicts prevented',
        ),
      ],
    ),
    choice(
      'multiple_choice',
      'com_visibility',
      text(
        'Outils de visibilité utilisés',
        'أدوات الإشعاع المستعملة',
        'Visibility tools used',
      ),
      [
        option('logo', 0.25, text('Logo', 'شعار', 'Logo')),
        option('social_media', 0.25, text('Page sur les réseaux sociaux', 'صفحة على شبكات التواصل الاجتماعي', 'Social media page')),
        option('website', 0.25, text('Site web ou place de marché en ligne', 'موقع إلكتروني أو منصة تسويق إلكترونية', 'Website or online marketplace')),
        option('printed', 0.25, text('Supports imprimés (dépliants, cartes)', 'مطبوعات (مطويات، بطاقات)', 'Printed material (leaflets, cards)')),
        option('none', 0, text('Aucun', 'لا شيء', 'None')),
      ],
    ),
    choice(
      'multiple_choice',
      'com_partners',
      text(
        'Partenaires avec lesquels la coopérative travaille',
        'الشركاء الذين تشتغل معهم التعاونية',
        'Partners the cooperative works with',
      ),
      [
        option('odco', 0.2, text('ODCO', 'مكتب تنمية التعاون', 'ODCO (Cooperative Development Office)')),
        option('indh', 0.2, text('INDH', 'المبادرة الوطنية للتنمية البشرية', 'INDH')),
        option('chamber', 0.2, text('Chambre (agriculture, artisanat…)', 'غرفة مهنية (الفلاحة، الصناعة التقليدية…)', 'Chamber (agriculture, crafts…)')),
        option('local_authority', 0.2, text('Commune ou autorités locales', 'الجماعة أو السلطات المحلية', 'Commune or local authorities')),
        option('bank', 0.2, text('Banque ou association de microcrédit', 'بنك أو جمعية للقروض الصغرى', 'Bank or microcredit association')),
        option('association', 0.2, text('Association, fondation ou ONG', 'جمعية أو مؤسسة أو منظمة غير حكومية', 'Association, foundation or NGO')),
        option('none', 0, text('Aucun', 'لا أحد', 'None')),
      ],
    ),
    yesNo(
      'com_network',
      text(
        'La coopérative est-elle membre d’une union ou d’un réseau de coopératives ?',
        'هل التعاونية عضو في اتحاد أو شبكة للتعاونيات؟',
        'Is the cooperative a member of a union or network of cooperatives?',
      ),
      { weight: 0.5 },
    ),
  ],
};

const humanCapital = {
  key: 'human_capital',
  label: text('Capital humain et compétences', 'الموارد البشرية', 'Human capital and skills'),
  description: text(
    'Alphabétisation, formation reçue, compétences des dirigeants, inclusion des femmes et des jeunes.',
    'محو الأمية والتكوين المحصل عليه وكفاءات المسيرين وإدماج النساء والشباب.',
    'Literacy, training received, officers’ skills, inclusion of women and youth.',
  ),
  weight: 1,
  needThreshold: 55,
  questions: [
    maturity(
      'hc_literacy',
      text(
        'Les membres et les dirigeants savent-ils lire, écrire et compter ?',
        'هل يجيد الأعضاء والمسيرون القراءة والكتابة والحساب؟',
        'Can members and officers read, write and count?',
      ),
      [
        text(
          'La plupart des membres et des dirigeants ne savent ni lire ni écrire',
          'أغلب الأعضاء والمسيرين لا يجيدون القراءة ولا الكتابة',
          'Most members and officers can neither read nor write',
        ),
        text('Un ou deux membres seulement lisent et écrivent', 'عضو أو عضوان فقط يجيدان القراءة والكتابة', 'Only one or two members read and write'),
        text(
          'Le président, le trésorier et le secrétaire lisent, écrivent et calculent',
          'الرئيس وأمين المال والكاتب يجيدون القراءة والكتابة والحساب',
          'The president, treasurer and secretary read, write and count',
        ),
        text(
          'Dirigeants et la plupart des membres alphabétisés, cours suivis au besoin',
          'المسيرون وأغلب الأعضاء متعلمون، مع متابعة دروس محو الأمية عند الحاجة',
          'Officers and most members literate, literacy classes taken when needed',
        ),
      ],
    ),
    maturity(
      'hc_officer_skills',
      text(
        'Les dirigeants ont-ils les compétences de leur fonction ?',
        'هل يتوفر المسيرون على الكفاءات التي تتطلبها مهامهم؟',
        'Do the officers have the skills their roles require?',
      ),
      [
        text('Aucune formation à leur fonction', 'لا تكوين لهم في مهامهم', 'No training for their roles'),
        text(
          'Compétences partielles, dépendance à un tiers (comptable, proche)',
          'كفاءات جزئية واعتماد على الغير (محاسب، قريب)',
          'Partial skills, reliance on someone else (accountant, relative)',
        ),
        text('Dirigeants formés, capables d’assurer leurs fonctions', 'مسيرون مكوَّنون وقادرون على القيام بمهامهم', 'Trained officers, able to fulfil their roles'),
        text(
          'Dirigeants autonomes, relève préparée',
          'مسيرون مستقلون مع إعداد الخلف',
          'Self-reliant officers, successors being prepared',
        ),
      ],
      { weight: 1.5 },
    ),
    numberQuestion(
      'hc_trainings_received',
      text(
        'Formations suivies par des membres au cours des deux dernières années',
        'عدد الدورات التكوينية التي استفاد منها الأعضاء خلال السنتين الأخيرتين',
        'Trainings attended by members in the last two years',
      ),
      { worst: 0, best: 4, unit: trainings },
      { weight: 0.5 },
    ),
    maturity(
      'hc_inclusion',
      text(
        'Les femmes et les jeunes participent-ils aux activités et aux décisions ?',
        'هل تشارك النساء والشباب في الأنشطة وفي اتخاذ القرار؟',
        'Do women and young people take part in activities and decisions?',
      ),
      [
        text('Absents des activités et des décisions', 'غائبون عن الأنشطة وعن اتخاذ القرار', 'Absent from activities and decisions'),
        text('Présents dans les activités, absents des décisions', 'حاضرون في الأنشطة وغائبون عن اتخاذ القرار', 'Present in activities, absent from decisions'),
        text('Participent aux décisions (assemblée, conseil)', 'يشاركون في اتخاذ القرار (الجمع العام، المجلس)', 'Take part in decisions (assembly, board)'),
        text(
          'Inclusion active : responsabilités confiées, formations ciblées',
          'إدماج فعلي: إسناد المسؤوليات وتكوينات موجهة',
          'Active inclusion: responsibilities given, targeted training',
        ),
      ],
    ),
    textQuestion(
      'hc_skill_gaps',
      text(
        'Compétences qui manquent selon les membres',
        'الكفاءات الناقصة حسب الأعضاء',
        'Skills members say are missing',
      ),
    ),
  ],
};

/** The shipped definition; `ensureDefaultFramework` stores it as the family `taawon-default`. */
export const defaultFrameworkDefinition: FrameworkDefinition = {
  swot: true,
  maturityLabels: [
    text('Émergente : absent ou informel', 'ناشئة: غائب أو غير مهيكل', 'Emerging: absent or informal'),
    text('En structuration : initié ou partiel', 'في طور الهيكلة: في البداية أو جزئي', 'Structuring: initiated or partial'),
    text('Structurée : en place et appliqué', 'مهيكلة: قائم ومطبق', 'Structured: in place and applied'),
    text('Autonome : formalisé, suivi et amélioré', 'مستقلة: موثق ومتابَع ومحسَّن', 'Autonomous: formalised, monitored and improved'),
  ],
  domains: [legal, governance, management, finance, production, marketing, strategy, monitoring, communication, humanCapital],
};
