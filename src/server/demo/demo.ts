import { cooperativeInputSchema } from '../../core/registry/cooperative.schema.js';
import { hashPassword } from '../access/password.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { insertCooperative } from '../registry/cooperative.repository.js';
import type { ScoringAnswer } from '../../core/diagnostics/diagnostic.schema.js';
import { scoreDiagnostic } from '../../core/diagnostics/scoring.js';
import { evaluateEligibility } from '../../core/programmes/eligibility.js';
import { ensureDefaultFramework } from '../diagnostics/framework.repository.js';
import {
  demoPassword,
  demoProgrammes,
  demoUsers,
  representedCooperativeNumber,
  soussCooperatives,
  soussRegistryCooperatives,
  southCooperatives,
} from './demo-data.js';
import { demoAnswers, demoSwot } from './demo-diagnostics.js';
import { demoOrganisations, demoProgrammeSetups, type DemoProgrammeSetup } from './demo-programmes.js';
import { loadDemoSessions } from './demo-sessions.js';
import { loadDemoActionPlans } from './demo-action-plans.js';
import { loadDemoFollowUps } from './demo-follow-ups.js';
import { loadDemoFinancing } from './demo-financing.js';
import { loadDemoOutcomes } from './demo-outcomes.js';
import type { DemoContext } from './demo-context.js';
import { planConstraintsSchema } from '../../core/training/plan.schema.js';
import { insertGeneratedPlan } from '../training/plan.service.js';
import { insertSessionsOfPlan } from '../training/trainers.service.js';

/** Loads the demo of both seed programmes once; later runs find it and change nothing. */
export async function loadDemo(db: Db): Promise<{ loaded: boolean }> {
  const existing = await db.selectFrom('programmes').select('id').where('code', '=', demoProgrammes[0].code).executeTakeFirst();
  if (existing) return { loaded: false };
  const passwordHash = await hashPassword(demoPassword);
  await db.transaction().execute(async (trx) => {
    const programmeIds = new Map<string, string>();
    for (const programme of demoProgrammes) {
      const row = await trx.insertInto('programmes').values({ ...programme, isDemo: true }).returning('id').executeTakeFirstOrThrow();
      programmeIds.set(programme.code, row.id);
    }
    const cooperativeIds = new Map<string, string>();
    const cooperatives: DemoCooperative[] = [];
    for (const { programme, draft, members } of [...southCooperatives, ...soussCooperatives, ...soussRegistryCooperatives]) {
      const cooperative = await insertCooperative(trx, cooperativeInputSchema.parse(draft), { isDemo: true });
      cooperativeIds.set(draft.registrationNumber!, cooperative.id);
      if (programme) cooperatives.push({ programmeCode: programme, record: cooperative });
      await trx
        .insertInto('cooperativeMembers')
        .values(members.map((member) => ({ ...member, cooperativeId: cooperative.id })))
        .execute();
      await recordAudit(trx, { actorId: null, action: 'create', entityType: 'cooperative', entityId: cooperative.id, after: cooperative, context: { source: 'demo' } });
    }
    const userIds = new Map<string, string>();
    for (const user of demoUsers) {
      const created = await trx
        .insertInto('users')
        .values({ email: user.email, displayName: user.displayName, passwordHash, isDemo: true })
        .returning('id')
        .executeTakeFirstOrThrow();
      userIds.set(user.email, created.id);
      const grants =
        user.role === 'cooperative_representative'
          ? [{ programmeId: null, cooperativeId: cooperativeIds.get(representedCooperativeNumber)! }]
          : user.programmes === null
            ? [{ programmeId: null, cooperativeId: null }]
            : user.programmes.map((code) => ({ programmeId: programmeIds.get(code)!, cooperativeId: null }));
      await trx
        .insertInto('roleGrants')
        .values(grants.map((grant) => ({ userId: created.id, role: user.role, ...grant })))
        .execute();
    }
    await loadProgrammes(trx, { programmeIds, userIds, cooperatives });
  });
  return { loaded: true };
}

type DemoCooperative = { programmeCode: string; record: Awaited<ReturnType<typeof insertCooperative>> };

const dayMs = 24 * 3600 * 1000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Organisations, each programme's full set-up, its enrolled cohort and a validated baseline diagnostic per cooperative. */
async function loadProgrammes(
  trx: Db,
  { programmeIds, userIds, cooperatives }: { programmeIds: Map<string, string>; userIds: Map<string, string>; cooperatives: DemoCooperative[] },
) {
  const organisationIds = new Map<string, string>();
  for (const { key, ...organisation } of demoOrganisations) {
    const row = await trx.insertInto('organisations').values({ ...organisation, isDemo: true }).returning('id').executeTakeFirstOrThrow();
    organisationIds.set(key, row.id);
  }
  const frameworkId = await ensureDefaultFramework(trx);
  const framework = await trx.selectFrom('diagnosticFrameworks').select('definition').where('id', '=', frameworkId).executeTakeFirstOrThrow();
  const today = new Date();
  const managerId = userIds.get('manager@demo.taawon.ma')!;
  const consultantId = userIds.get('consultant@demo.taawon.ma')!;
  const cohorts = new Map<string, { programmeId: string; start: Date; cooperatives: Array<{ id: string; provinceCode: string }> }>();

  for (const setup of demoProgrammeSetups) {
    const programmeId = programmeIds.get(setup.code)!;
    const start = new Date(today.getTime() - setup.startedDaysAgo * dayMs);
    const at = (days: number) => new Date(start.getTime() + days * dayMs);
    await updateProgramme(trx, programmeId, setup, isoDay(start), organisationIds.get(setup.operator)!, frameworkId);
    await trx
      .insertInto('programmePhases')
      .values(setup.phases.map((phase, position) => ({ programmeId, kind: phase.kind, startsOn: isoDay(at(phase.from)), endsOn: isoDay(at(phase.to)), position })))
      .execute();
    await trx
      .insertInto('programmeOrganisations')
      .values([
        ...setup.funders.map(([key, contributionMad]) => ({ programmeId, organisationId: organisationIds.get(key)!, role: 'funder' as const, contributionMad })),
        ...setup.partners.map((key) => ({ programmeId, organisationId: organisationIds.get(key)!, role: 'partner' as const, contributionMad: null })),
      ])
      .execute();
    await trx
      .insertInto('programmeTeam')
      .values(setup.team.map(([email, teamRole]) => ({ programmeId, userId: userIds.get(email)!, teamRole })))
      .execute();

    const cohort = cooperatives.filter((cooperative) => cooperative.programmeCode === setup.code);
    cohorts.set(setup.code, { programmeId, start, cooperatives: cohort.map(({ record }) => ({ id: record.id, provinceCode: record.provinceCode })) });
    for (const [index, { record }] of cohort.entries()) {
      const eligibility = evaluateEligibility(record, setup.eligibility, setup, isoDay(start));
      const enrolment = await trx
        .insertInto('enrolments')
        .values({
          programmeId,
          cooperativeId: record.id,
          status: 'enrolled',
          candidateAt: isoDay(at(-21)),
          enrolledAt: isoDay(start),
          eligible: eligibility.eligible,
          eligibilityReasons: JSON.stringify(eligibility.reasons),
          consultantId,
          createdBy: managerId,
        })
        .returning('id')
        .executeTakeFirstOrThrow();

      const seed = 1000 * (setup.code.length + index) + index * 37 + 11;
      const answers = demoAnswers(framework.definition, setup.code.startsWith('INJAZ') ? 'south' : 'new', record.sector, seed);
      const scores = scoreDiagnostic(
        framework.definition,
        new Map<string, ScoringAnswer>(answers.map((answer) => [answer.questionKey, { value: answer.value, notApplicable: answer.notApplicable }])),
      );
      const firstVisit = at(8 + (index % 20));
      const secondVisit = new Date(firstVisit.getTime() + (7 + (index % 8)) * dayMs);
      const submittedAt = new Date(secondVisit.getTime() + dayMs);
      const validatedAt = new Date(submittedAt.getTime() + (2 + (index % 4)) * dayMs);
      const diagnostic = await trx
        .insertInto('diagnostics')
        .values({
          enrolmentId: enrolment.id,
          programmeId,
          cooperativeId: record.id,
          frameworkId,
          kind: 'baseline',
          status: 'validated',
          swot: JSON.stringify(demoSwot(record.sector, seed)),
          scores: JSON.stringify(scores),
          overallScore: scores.overall,
          maturityLevel: scores.maturityLevel,
          startedAt: firstVisit.toISOString(),
          submittedAt: submittedAt.toISOString(),
          submittedBy: consultantId,
          validatedAt: validatedAt.toISOString(),
          validatedBy: managerId,
          createdBy: consultantId,
          createdAt: firstVisit.toISOString(),
          updatedAt: validatedAt.toISOString(),
          version: 3,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const half = Math.ceil(answers.length / 2);
      await trx
        .insertInto('diagnosticAnswers')
        .values(
          answers.map((answer, position) => ({
            diagnosticId: diagnostic.id,
            questionKey: answer.questionKey,
            value: answer.value === null ? null : JSON.stringify(answer.value),
            notApplicable: answer.notApplicable,
            note: answer.note,
            answeredBy: consultantId,
            answeredAt: (position < half ? firstVisit : secondVisit).toISOString(),
          })),
        )
        .execute();
      await trx
        .insertInto('diagnosticComments')
        .values({
          diagnosticId: diagnostic.id,
          authorId: managerId,
          kind: 'validation',
          body: 'Diagnostic validé : les besoins prioritaires alimenteront le plan de formation.',
          createdAt: validatedAt.toISOString(),
        })
        .execute();
    }
  }
  await trx.updateTable('diagnosticFrameworks').set({ frozenAt: today.toISOString() }).where('id', '=', frameworkId).where('frozenAt', 'is', null).execute();

  await approveDemoPlan(trx, cohorts.get('INJAZ-LSH-18')!, managerId);
  const modules = await trx.selectFrom('trainingModules').select(['code', 'definition']).execute();
  const both = { south: cohorts.get('INJAZ-LSH-18')!, souss: cohorts.get('MOURAFAKA-SM-T2')! };
  const context: DemoContext = {
    today,
    managerId,
    consultantId,
    trainerId: userIds.get('trainer@demo.taawon.ma')!,
    representativeId: userIds.get('cooperative@demo.taawon.ma')!,
    organisationIds,
  };
  await loadDemoActionPlans(trx, both, context);
  await loadDemoSessions(trx, both, { facilitatorId: consultantId, managerId, today, moduleTitles: new Map(modules.map((module) => [module.code, module.definition.title.fr])) });
  await loadDemoFollowUps(trx, both, context);
  await loadDemoFinancing(trx, both, context);
  await loadDemoOutcomes(trx, both, context);
}

/**
 * The southern programme's training plan, generated from its validated
 * baselines, approved a few days before its training phase, and its
 * trainings and workshops put in the calendar.
 */
async function approveDemoPlan(trx: Db, cohort: { programmeId: string; start: Date }, managerId: string) {
  const constraints = planConstraintsSchema.parse({ minGroupSize: 4, maxGroupSize: 12, maxDistanceKm: 150, maxSessionsPerMonth: 10 });
  const plan = await insertGeneratedPlan(trx, cohort.programmeId, constraints, managerId);
  const createdAt = new Date(cohort.start.getTime() + 50 * dayMs).toISOString();
  const approvedAt = new Date(cohort.start.getTime() + 55 * dayMs).toISOString();
  await trx.updateTable('trainingPlans').set({ status: 'approved', createdAt, approvedAt, approvedBy: managerId }).where('id', '=', plan.id).execute();
  await insertSessionsOfPlan(trx, plan, 'fr', managerId);
}

async function updateProgramme(trx: Db, programmeId: string, setup: DemoProgrammeSetup, startDate: string, operatorId: string, frameworkId: string) {
  await trx
    .updateTable('programmes')
    .set({
      operatorId,
      descriptionFr: setup.descriptionFr,
      descriptionAr: setup.descriptionAr,
      descriptionEn: setup.descriptionEn,
      status: 'active',
      startDate,
      durationMonths: setup.durationMonths,
      targetCooperatives: setup.targetCooperatives,
      budgetMad: setup.budgetMad,
      regionCodes: JSON.stringify(setup.regionCodes),
      provinceCodes: JSON.stringify(setup.provinceCodes),
      cadences: JSON.stringify(setup.cadences),
      eligibility: JSON.stringify(setup.eligibility),
      frameworkId,
    })
    .where('id', '=', programmeId)
    .execute();
}
