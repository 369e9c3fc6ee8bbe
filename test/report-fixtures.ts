import type { DiagnosticKind, DiagnosticScores, DiagnosticStatus, Swot } from '../src/core/diagnostics/diagnostic.schema.js';
import type { Db } from '../src/server/db/database.js';
import { frameworkDefinitionSchema, type FrameworkDefinition } from '../src/core/diagnostics/framework.schema.js';

/**
 * A small framework and its stored scores, for the report's tests: they must
 * not wait for the shipped default framework or the scoring engine.
 */

const maturityLevels = [
  { fr: 'Absent', ar: 'غائب', en: 'Absent' },
  { fr: 'Partiel', ar: 'جزئي', en: 'Partial' },
  { fr: 'En place', ar: 'قائم', en: 'In place' },
  { fr: 'Maîtrisé', ar: 'متحكَّم فيه', en: 'Mastered' },
];

const domain = (key: string, fr: string, ar: string, en: string, questions: Array<[string, string, string, string]>, weight = 1) => ({
  key,
  label: { fr, ar, en },
  weight,
  needThreshold: 60,
  questions: questions.map(([questionKey, qfr, qar, qen]) => ({ key: questionKey, type: 'maturity' as const, text: { fr: qfr, ar: qar, en: qen }, levels: maturityLevels })),
});

export const reportTestDefinition: FrameworkDefinition = frameworkDefinitionSchema.parse({
  swot: true,
  maturityLabels: [
    { fr: 'Émergente', ar: 'ناشئة', en: 'Emerging' },
    { fr: 'En structuration', ar: 'في طور الهيكلة', en: 'Structuring' },
    { fr: 'Structurée', ar: 'مُهيكَلة', en: 'Structured' },
    { fr: 'Autonome', ar: 'مستقلة', en: 'Autonomous' },
  ],
  domains: [
    domain('production', 'Technique et production', 'التقنيات والإنتاج', 'Technical and production', [
      ['hygiene', 'Les règles d’hygiène sont appliquées à la transformation', 'تُطبَّق قواعد النظافة أثناء التحويل', 'Hygiene rules are applied in processing'],
      ['equipment', 'L’équipement est entretenu', 'تتم صيانة المعدات', 'Equipment is maintained'],
    ]),
    domain('finance', 'Gestion financière', 'التدبير المالي', 'Financial management', [
      ['bookkeeping', 'La comptabilité est tenue à jour', 'تُمسَك المحاسبة بانتظام', 'Books are kept up to date'],
      ['costing', 'Le coût de revient de chaque produit est connu', 'تكلفة كل منتوج معروفة', 'The cost price of each product is known'],
    ], 2),
    domain('legal', 'Juridique et conformité (loi 112-12)', 'الجانب القانوني والمطابقة (القانون 112-12)', 'Legal and compliance (law 112-12)', [
      ['general_assembly', 'L’assemblée générale annuelle se tient dans les délais', 'يُعقد الجمع العام السنوي في آجاله', 'The annual general assembly is held on time'],
    ]),
    domain('governance', 'Gouvernance', 'الحكامة', 'Governance', [
      ['board', 'Le conseil d’administration se réunit régulièrement', 'يجتمع مجلس الإدارة بانتظام', 'The board meets regularly'],
    ]),
    domain('marketing', 'Marketing et commercialisation', 'التسويق والتسويق التجاري', 'Marketing and sales', [
      ['channels', 'La coopérative a des clients réguliers', 'للتعاونية زبناء منتظمون', 'The cooperative has regular customers'],
      ['packaging', 'L’emballage et l’étiquetage sont conformes', 'التلفيف والوسم مطابقان', 'Packaging and labelling comply'],
    ], 1.5),
    domain('strategy', 'Planification stratégique', 'التخطيط الاستراتيجي', 'Strategic planning', [
      ['plan', 'Un plan d’action annuel existe', 'توجد خطة عمل سنوية', 'An annual action plan exists'],
    ]),
  ],
});

export const reportTestScores: DiagnosticScores = {
  domains: [
    { domainKey: 'production', score: 75, threshold: 60, weight: 1, answered: 2, applicable: 2, total: 2, isNeed: false },
    { domainKey: 'finance', score: 25, threshold: 60, weight: 2, answered: 2, applicable: 2, total: 2, isNeed: true },
    { domainKey: 'legal', score: 50, threshold: 60, weight: 1, answered: 1, applicable: 1, total: 1, isNeed: true },
    { domainKey: 'governance', score: 66.7, threshold: 60, weight: 1, answered: 1, applicable: 1, total: 1, isNeed: false },
    { domainKey: 'marketing', score: 33.3, threshold: 60, weight: 1.5, answered: 2, applicable: 2, total: 2, isNeed: true },
    { domainKey: 'strategy', score: null, threshold: 60, weight: 1, answered: 0, applicable: 1, total: 1, isNeed: false },
  ],
  overall: 45.6,
  maturityLevel: 2,
  // Deliberately not in priority order: the report ranks them.
  needs: [
    { kind: 'domain', domainKey: 'legal', questionKey: null, score: 50, threshold: 60, gap: 10, weight: 1, priority: 10 },
    { kind: 'domain', domainKey: 'finance', questionKey: null, score: 25, threshold: 60, gap: 35, weight: 2, priority: 70 },
    { kind: 'question', domainKey: 'finance', questionKey: 'costing', score: 0, threshold: 60, gap: 60, weight: 2, priority: 120 },
    { kind: 'domain', domainKey: 'marketing', questionKey: null, score: 33.3, threshold: 60, gap: 26.7, weight: 1.5, priority: 40.05 },
    { kind: 'question', domainKey: 'marketing', questionKey: 'packaging', score: 33.3, threshold: 60, gap: 26.7, weight: 1.5, priority: 40.05 },
  ],
  answered: 8,
  applicable: 9,
  total: 9,
};

export const reportTestSwot: Swot = {
  strengths: ['Savoir-faire reconnu des femmes membres en transformation du poisson', 'Local aux normes ONSSA (agrément 2025)'],
  weaknesses: ['Comptabilité tenue à la main, sans coût de revient', 'ضعف التسويق خارج جهة العيون (Laâyoune)'],
  opportunities: ['Demande des hôtels de Dakhla et de Laâyoune pour des produits locaux'],
  threats: ['Hausse du prix du gasoil et des emballages'],
};

/** A framework version of its own (family `report-test`), so the report's tests do not depend on the shipped one. */
export async function insertReportTestFramework(db: Db): Promise<string> {
  const existing = await db.selectFrom('diagnosticFrameworks').select('id').where('family', '=', 'report-test').executeTakeFirst();
  if (existing) return existing.id;
  const row = await db
    .insertInto('diagnosticFrameworks')
    .values({ family: 'report-test', version: 1, nameFr: 'Référentiel d’essai', nameAr: 'إطار مرجعي تجريبي', nameEn: 'Test framework', definition: JSON.stringify(reportTestDefinition) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An enrolment (made if not given) and its diagnostic, with stored scores unless `scores: null`. */
export async function insertReportTestDiagnostic(
  db: Db,
  options: {
    programmeId: string;
    cooperativeId: string;
    enrolmentId?: string;
    status?: DiagnosticStatus;
    validatedBy?: string | null;
    scores?: DiagnosticScores | null;
    kind?: DiagnosticKind;
  },
): Promise<string> {
  const frameworkId = await insertReportTestFramework(db);
  const enrolmentId =
    options.enrolmentId ??
    (
      await db
        .insertInto('enrolments')
        .values({ programmeId: options.programmeId, cooperativeId: options.cooperativeId, status: 'enrolled', candidateAt: '2026-01-05', enrolledAt: '2026-01-10', eligible: true })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  const status = options.status ?? 'validated';
  const scores = options.scores === undefined ? reportTestScores : options.scores;
  const row = await db
    .insertInto('diagnostics')
    .values({
      enrolmentId,
      programmeId: options.programmeId,
      cooperativeId: options.cooperativeId,
      frameworkId,
      kind: options.kind ?? 'baseline',
      status,
      swot: JSON.stringify(reportTestSwot),
      scores: scores === null ? null : JSON.stringify(scores),
      overallScore: scores?.overall ?? null,
      maturityLevel: scores?.maturityLevel ?? null,
      submittedAt: status === 'draft' ? null : '2026-02-20T09:00:00Z',
      validatedAt: status === 'validated' ? '2026-03-01T10:00:00Z' : null,
      validatedBy: status === 'validated' ? (options.validatedBy ?? null) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
