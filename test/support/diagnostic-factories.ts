import type { DiagnosticStatus } from '../../src/core/diagnostics/diagnostic.schema.js';
import { frameworkDefinitionSchema, type FrameworkDefinitionInput } from '../../src/core/diagnostics/framework.schema.js';
import type { Db } from '../../src/server/db/database.js';
import { uniqueSuffix } from './factories.js';

/** Factories of the diagnostic tests: a small framework, an enrolment, a diagnostic. */

const text = (fr: string) => ({ fr, ar: `ع ${fr}`, en: `EN ${fr}` });
const levels = [text('Inexistant'), text('Débutant'), text('Établi'), text('Maîtrisé')];

/** A small framework: two domains, every kind of question. */
export const testDefinition: FrameworkDefinitionInput = {
  maturityLabels: [text('Émergente'), text('En développement'), text('Structurée'), text('Autonome')],
  swot: true,
  domains: [
    {
      key: 'governance',
      label: text('Gouvernance'),
      weight: 2,
      needThreshold: 60,
      questions: [
        { key: 'general_assembly', type: 'maturity', text: text('Assemblée générale'), levels, weight: 2 },
        { key: 'statutes_updated', type: 'yes_no', text: text('Statuts à jour'), allowNotApplicable: false },
        { key: 'governance_notes', type: 'text', text: text('Remarques') },
      ],
    },
    {
      key: 'marketing',
      label: text('Commercialisation'),
      needThreshold: 50,
      questions: [
        {
          key: 'sales_channels',
          type: 'multiple_choice',
          text: text('Canaux de vente'),
          options: [
            { value: 'souk', label: text('Souk'), score: 0.5 },
            { value: 'online', label: text('En ligne'), score: 0.5 },
          ],
        },
        { key: 'stock_days', type: 'number', text: text('Jours de stock'), numberScale: { worst: 0, best: 30 } },
      ],
    },
  ],
};

export async function createTestFramework(db: Db, overrides: { isDefault?: boolean; family?: string } = {}) {
  return db
    .insertInto('diagnosticFrameworks')
    .values({
      family: overrides.family ?? `test-${uniqueSuffix()}`,
      version: 1,
      nameFr: 'Grille d’essai',
      definition: JSON.stringify(frameworkDefinitionSchema.parse(testDefinition)),
      isDefault: overrides.isDefault ?? false,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function createTestEnrolment(db: Db, programmeId: string, cooperativeId: string, status: 'enrolled' | 'candidate' = 'enrolled') {
  return db
    .insertInto('enrolments')
    .values({ programmeId, cooperativeId, status, candidateAt: '2026-01-05', enrolledAt: status === 'enrolled' ? '2026-01-10' : null, eligible: true })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A diagnostic inserted directly (no API), in a given status. */
export async function createTestDiagnostic(db: Db, enrolment: { id: string; programmeId: string; cooperativeId: string }, frameworkId: string, kind: 'baseline' | 'midline' | 'endline' = 'baseline', status: DiagnosticStatus = 'draft') {
  return db
    .insertInto('diagnostics')
    .values({ enrolmentId: enrolment.id, programmeId: enrolment.programmeId, cooperativeId: enrolment.cooperativeId, frameworkId, kind, status })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Answers that settle every scored question of `testDefinition`. */
export const completeTestAnswers = [
  { questionKey: 'general_assembly', value: 3, notApplicable: false },
  { questionKey: 'statutes_updated', value: true, notApplicable: false },
  { questionKey: 'sales_channels', value: ['souk'], notApplicable: false },
  { questionKey: 'stock_days', value: null, notApplicable: true },
];
