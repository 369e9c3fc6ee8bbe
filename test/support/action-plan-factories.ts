import type { Db } from '../../src/server/db/database.js';

/** Factories of the action-plan tests: a validated baseline with known needs, a programme calendar. */

const need = (kind: 'domain' | 'question', domainKey: string, questionKey: string | null, priority: number) => ({ kind, domainKey, questionKey, score: 30, threshold: 60, gap: 30, weight: 1, priority });

/** The needs every test baseline has, ranked: bookkeeping, packaging, statutes, and finance as a whole. */
export const testNeeds = [
  need('question', 'finance', 'fin_bookkeeping', 90),
  need('question', 'marketing', 'mkt_packaging', 60),
  need('domain', 'finance', null, 50),
  need('question', 'legal', 'legal_statutes', 40),
];

/** Enrols the cooperative (unless it is) and gives it a validated baseline on the default framework. */
export async function createValidatedBaseline(db: Db, programmeId: string, cooperativeId: string, options: { consultantId?: string | null } = {}) {
  const framework = await db.selectFrom('diagnosticFrameworks').select('id').where('isDefault', '=', true).orderBy('version', 'desc').executeTakeFirstOrThrow();
  let enrolment = await db.selectFrom('enrolments').select(['id', 'programmeId', 'cooperativeId']).where('programmeId', '=', programmeId).where('cooperativeId', '=', cooperativeId).executeTakeFirst();
  enrolment ??= await db
    .insertInto('enrolments')
    .values({ programmeId, cooperativeId, status: 'enrolled', candidateAt: '2026-01-05', enrolledAt: '2026-01-10', eligible: true, consultantId: options.consultantId ?? null })
    .returning(['id', 'programmeId', 'cooperativeId'])
    .executeTakeFirstOrThrow();
  const scores = { domains: [], overall: 45, maturityLevel: 2, needs: testNeeds, answered: 10, applicable: 10, total: 10 };
  return db
    .insertInto('diagnostics')
    .values({
      enrolmentId: enrolment.id,
      programmeId,
      cooperativeId,
      frameworkId: framework.id,
      kind: 'baseline',
      status: 'validated',
      scores: JSON.stringify(scores),
      validatedAt: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** An accompaniment phase from `from` to `to`. */
export async function addAccompaniment(db: Db, programmeId: string, from: string, to: string) {
  await db.insertInto('programmePhases').values({ programmeId, kind: 'accompaniment', startsOn: from, endsOn: to }).execute();
}
