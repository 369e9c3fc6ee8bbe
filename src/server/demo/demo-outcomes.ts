import type { AnswerValue, ScoringAnswer } from '../../core/diagnostics/diagnostic.schema.js';
import { scoreDiagnostic } from '../../core/diagnostics/scoring.js';
import type { Db } from '../db/database.js';
import type { DemoCohort, DemoCohorts, DemoContext } from './demo-context.js';

/**
 * Outcome figures (turnover, jobs, members) entered per cooperative: a
 * baseline at enrolment and, for most cooperatives, a recent figure; jobs
 * and members by sex. And a validated midline diagnostic for six Mourafaka
 * cooperatives, re-assessed after the trainings, so that the maturity gained
 * is shown. Deterministic: the same demo every time.
 */

const dayMs = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** A small deterministic generator (mulberry32). */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Registered {
  id: string;
  membersTotal: number | null;
  membersWomen: number | null;
  turnoverMad: number | null;
}

async function outcomesOf(trx: Db, cohort: DemoCohort, context: DemoContext, seed: number) {
  const cooperatives: Registered[] = await trx
    .selectFrom('cooperatives')
    .select(['id', 'membersTotal', 'membersWomen', 'turnoverMad'])
    .where(
      'id',
      'in',
      cohort.cooperatives.map((cooperative) => cooperative.id),
    )
    .orderBy('nameKey')
    .execute();
  const next = generator(seed);
  const baselineOn = isoDay(new Date(cohort.start.getTime() + 10 * dayMs));
  const recentOn = isoDay(new Date(context.today.getTime() - 6 * dayMs));
  const rows = [];
  for (const [index, cooperative] of cooperatives.entries()) {
    const recordedBy = index % 2 === 0 ? context.consultantId : context.managerId;
    const members = cooperative.membersTotal ?? 8 + Math.floor(next() * 20);
    const membersWomen = Math.min(members, cooperative.membersWomen ?? Math.floor(members / 2));
    const turnover = cooperative.turnoverMad ?? Math.round((40_000 + next() * 260_000) / 500) * 500;
    const jobs = 1 + Math.floor(next() * 5);
    const jobsWomen = Math.min(jobs, Math.round(jobs * (membersWomen / Math.max(members, 1))));
    const base = { programmeId: cohort.programmeId, cooperativeId: cooperative.id, recordedBy };
    rows.push(
      { ...base, indicator: 'turnover' as const, measuredOn: baselineOn, value: turnover, women: null, men: null },
      { ...base, indicator: 'jobs' as const, measuredOn: baselineOn, value: jobs, women: jobsWomen, men: jobs - jobsWomen },
      { ...base, indicator: 'members' as const, measuredOn: baselineOn, value: members, women: membersWomen, men: members - membersWomen },
    );
    // Four cooperatives in five have been measured again; the others wait for their next visit.
    if (index % 5 === 4) continue;
    const growth = 0.95 + next() * 0.35;
    const newJobsWomen = next() < 0.6 ? 1 : 0;
    const newJobsMen = next() < 0.3 ? 1 : 0;
    const newWomen = Math.floor(next() * 4);
    const newMen = Math.floor(next() * 2);
    rows.push(
      { ...base, indicator: 'turnover' as const, measuredOn: recentOn, value: Math.round((turnover * growth) / 500) * 500, women: null, men: null },
      { ...base, indicator: 'jobs' as const, measuredOn: recentOn, value: jobs + newJobsWomen + newJobsMen, women: jobsWomen + newJobsWomen, men: jobs - jobsWomen + newJobsMen },
      { ...base, indicator: 'members' as const, measuredOn: recentOn, value: members + newWomen + newMen, women: membersWomen + newWomen, men: members - membersWomen + newMen },
    );
  }
  return rows;
}

/**
 * A validated midline for the first six Mourafaka cooperatives (by name):
 * their baseline answers, a maturity step higher on about a third of the
 * maturity questions, scored by the same rules as any diagnostic.
 */
async function loadMidlines(trx: Db, cohort: DemoCohort, context: DemoContext) {
  const baselines = await trx
    .selectFrom('diagnostics')
    .innerJoin('enrolments', 'enrolments.id', 'diagnostics.enrolmentId')
    .innerJoin('diagnosticFrameworks', 'diagnosticFrameworks.id', 'diagnostics.frameworkId')
    .select(['diagnostics.id', 'diagnostics.enrolmentId', 'diagnostics.cooperativeId', 'diagnostics.frameworkId', 'diagnosticFrameworks.definition'])
    .where('diagnostics.programmeId', '=', cohort.programmeId)
    .where('diagnostics.kind', '=', 'baseline')
    .where('diagnostics.status', '=', 'validated')
    .orderBy('enrolments.cooperativeNameKey')
    .limit(6)
    .execute();
  const next = generator(33);
  const validatedAt = new Date(context.today.getTime() - 4 * dayMs);
  const startedAt = new Date(validatedAt.getTime() - 12 * dayMs);
  for (const baseline of baselines) {
    const questions = new Map(baseline.definition.domains.flatMap((domain) => domain.questions.map((question) => [question.key, question] as const)));
    const answers = await trx.selectFrom('diagnosticAnswers').select(['questionKey', 'value', 'notApplicable', 'note']).where('diagnosticId', '=', baseline.id).execute();
    const improved = answers.map((answer) => {
      const value = answer.value as AnswerValue | null;
      const isMaturity = questions.get(answer.questionKey)?.type === 'maturity' && typeof value === 'number';
      return { ...answer, value: isMaturity && value < 4 && next() < 0.35 ? value + 1 : value };
    });
    const scores = scoreDiagnostic(baseline.definition, new Map<string, ScoringAnswer>(improved.map((answer) => [answer.questionKey, { value: answer.value, notApplicable: answer.notApplicable }])));
    const midline = await trx
      .insertInto('diagnostics')
      .values({
        enrolmentId: baseline.enrolmentId,
        programmeId: cohort.programmeId,
        cooperativeId: baseline.cooperativeId,
        frameworkId: baseline.frameworkId,
        kind: 'midline',
        status: 'validated',
        scores: JSON.stringify(scores),
        overallScore: scores.overall,
        maturityLevel: scores.maturityLevel,
        startedAt: startedAt.toISOString(),
        submittedAt: new Date(validatedAt.getTime() - 2 * dayMs).toISOString(),
        submittedBy: context.consultantId,
        validatedAt: validatedAt.toISOString(),
        validatedBy: context.managerId,
        createdBy: context.consultantId,
        createdAt: startedAt.toISOString(),
        updatedAt: validatedAt.toISOString(),
        version: 3,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('diagnosticAnswers')
      .values(
        improved.map((answer) => ({
          diagnosticId: midline.id,
          questionKey: answer.questionKey,
          value: answer.value === null ? null : JSON.stringify(answer.value),
          notApplicable: answer.notApplicable,
          note: answer.note,
          answeredBy: context.consultantId,
          answeredAt: startedAt.toISOString(),
        })),
      )
      .execute();
  }
}

export async function loadDemoOutcomes(trx: Db, cohorts: DemoCohorts, context: DemoContext): Promise<void> {
  const rows = [...(await outcomesOf(trx, cohorts.south, context, 18)), ...(await outcomesOf(trx, cohorts.souss, context, 33))];
  if (rows.length > 0) await trx.insertInto('outcomeMeasurements').values(rows).execute();
  await loadMidlines(trx, cohorts.souss, context);
}
