import type { DiagnosticScores } from '../../src/core/diagnostics/diagnostic.schema.js';
import type { Db } from '../../src/server/db/database.js';
import { createTestCooperative } from './factories.js';

/** Scores whose only content is the given needs, as a validated baseline stores them. */
export function scoresWith(needs: Array<{ questionKey: string; domainKey: string; priority: number }>): DiagnosticScores {
  return {
    domains: [],
    overall: null,
    maturityLevel: null,
    needs: needs.map((need) => ({ kind: 'question', domainKey: need.domainKey, questionKey: need.questionKey, score: 10, threshold: 60, gap: need.priority, weight: 1, priority: need.priority })),
    answered: 0,
    applicable: 0,
    total: 0,
  };
}

/** A new cooperative of the province, named in French (or in French and Arabic), enrolled in the programme with a validated baseline of these scores. */
export async function enrolWithBaseline(db: Db, programmeId: string, provinceCode: string, name: string | { nameFr: string; nameAr: string }, scores: DiagnosticScores): Promise<string> {
  const cooperative = await createTestCooperative(db, { ...(typeof name === 'string' ? { nameFr: name } : name), provinceCode, sector: 'fisheries' });
  const enrolment = await db
    .insertInto('enrolments')
    .values({ programmeId, cooperativeId: cooperative.id, status: 'enrolled', candidateAt: '2026-01-05', enrolledAt: '2026-01-10', eligible: true })
    .returning('id')
    .executeTakeFirstOrThrow();
  const framework = await db.selectFrom('diagnosticFrameworks').select('id').where('isDefault', '=', true).orderBy('version', 'desc').executeTakeFirstOrThrow();
  await db
    .insertInto('diagnostics')
    .values({ enrolmentId: enrolment.id, programmeId, cooperativeId: cooperative.id, frameworkId: framework.id, kind: 'baseline', status: 'validated', scores: JSON.stringify(scores) })
    .execute();
  return cooperative.id;
}
