import { createValidatedBaseline } from '../support/action-plan-factories.js';
import { createTestCooperative } from '../support/factories.js';
import { signedIn, type Case, type Expected, type Fixture, type Persona } from './support.js';

/**
 * Action plans. The programme team (admin, manager, consultant) reads and edits; the representative of the
 * cooperative reads (403 on edits); the programme's funder reads (403 on edits); a representative of another
 * cooperative does not see it (404).
 */
const readers = (status: number): Expected => ({ ...signedIn(status), otherRepresentative: 404 });
const editors = (status: number): Expected => ({ ...readers(403), admin: status, manager: status, consultant: status });
/** Accepting: the representative, or the team recording a paper acceptance. */
const accepters = (status: number): Expected => ({ ...editors(status), representative: status });

const team: Persona[] = ['admin', 'manager', 'consultant'];

/** A plan of a fresh cooperative of the fixture's programme, with one action. */
async function freshPlan(fixture: Fixture, status: 'draft' | 'agreed' = 'draft'): Promise<string> {
  const cooperative = await createTestCooperative(fixture.db);
  const diagnostic = await createValidatedBaseline(fixture.db, fixture.programmeId, cooperative.id);
  const plan = await fixture.db
    .insertInto('actionPlans')
    .values({ programmeId: fixture.programmeId, cooperativeId: cooperative.id, diagnosticId: diagnostic.id, status, ...(status === 'agreed' ? { acceptedAt: new Date().toISOString() } : {}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await freshAction(fixture, plan.id);
  return plan.id;
}

/** The plan of the representative's cooperative, drafted once; back in draft for each request that needs it. */
async function representativePlan(fixture: Fixture, status?: 'draft'): Promise<string> {
  let plan = await fixture.db.selectFrom('actionPlans').select('id').where('programmeId', '=', fixture.programmeId).where('cooperativeId', '=', fixture.cooperativeId).executeTakeFirst();
  if (!plan) {
    plan = await fixture.db.insertInto('actionPlans').values({ programmeId: fixture.programmeId, cooperativeId: fixture.cooperativeId }).returning('id').executeTakeFirstOrThrow();
    await freshAction(fixture, plan.id);
  }
  if (status) await fixture.db.updateTable('actionPlans').set({ status, acceptedAt: null, acceptedBy: null }).where('id', '=', plan.id).execute();
  return plan.id;
}

async function freshAction(fixture: Fixture, planId: string): Promise<string> {
  const row = await fixture.db
    .insertInto('planActions')
    .values({ actionPlanId: planId, title: 'Tenir la comptabilité', executorKind: 'consultant', startsOn: '2027-01-04', dueOn: '2027-03-31', needKeys: JSON.stringify(['finance']) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function freshIndicator(fixture: Fixture, actionId: string): Promise<string> {
  const row = await fixture.db.insertInto('actionIndicators').values({ actionId, kind: 'monitoring', label: 'Mois à jour', unit: 'mois', target: 6 }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The plan a persona acts on: a fresh one for the team (whose writes succeed), the representative's for everyone else. */
async function planFor(fixture: Fixture, persona: Persona, status: 'draft' | 'agreed' = 'draft'): Promise<string> {
  return team.includes(persona) ? freshPlan(fixture, status) : representativePlan(fixture, status === 'draft' ? 'draft' : undefined);
}

async function indicatorPath(fixture: Fixture): Promise<string> {
  const planId = await representativePlan(fixture);
  const actionId = await freshAction(fixture, planId);
  return `/api/action-plans/${planId}/actions/${actionId}/indicators/${await freshIndicator(fixture, actionId)}`;
}

export const actionPlansCases: Case[] = [
  { method: 'GET', route: '/api/programmes/{programmeId}/action-plans', expected: readers(200), request: async (fixture) => ({ url: `/api/programmes/${fixture.programmeId}/action-plans` }) },
  {
    method: 'POST',
    route: '/api/programmes/{programmeId}/cooperatives/{cooperativeId}/action-plan',
    expected: editors(201),
    request: async (fixture, _agent, persona) => {
      if (persona === 'representative' || persona === 'otherRepresentative') return { url: `/api/programmes/${fixture.programmeId}/cooperatives/${fixture.cooperativeId}/action-plan`, payload: {} };
      const cooperative = await createTestCooperative(fixture.db);
      await createValidatedBaseline(fixture.db, fixture.programmeId, cooperative.id);
      return { url: `/api/programmes/${fixture.programmeId}/cooperatives/${cooperative.id}/action-plan`, payload: { locale: 'fr' } };
    },
  },
  {
    method: 'GET',
    route: '/api/programmes/{programmeId}/cooperatives/{cooperativeId}/action-plan',
    expected: readers(200),
    request: async (fixture) => {
      await representativePlan(fixture);
      return { url: `/api/programmes/${fixture.programmeId}/cooperatives/${fixture.cooperativeId}/action-plan` };
    },
  },
  {
    method: 'GET',
    route: '/api/cooperatives/{cooperativeId}/action-plans',
    expected: readers(200),
    request: async (fixture) => ({ url: `/api/cooperatives/${fixture.cooperativeId}/action-plans` }),
  },
  { method: 'GET', route: '/api/action-plans/{actionPlanId}', expected: readers(200), request: async (fixture) => ({ url: `/api/action-plans/${await representativePlan(fixture)}` }) },
  { method: 'DELETE', route: '/api/action-plans/{actionPlanId}', expected: editors(204), request: async (fixture, _agent, persona) => ({ url: `/api/action-plans/${await planFor(fixture, persona)}` }) },
  {
    method: 'POST',
    route: '/api/action-plans/{actionPlanId}/accept',
    expected: accepters(200),
    request: async (fixture, _agent, persona) => {
      const planId = await planFor(fixture, persona);
      const { revision } = await fixture.db.selectFrom('actionPlans').select('revision').where('id', '=', planId).executeTakeFirstOrThrow();
      return { url: `/api/action-plans/${planId}/accept`, payload: { revision, note: 'Plan signé par la présidente.' } };
    },
  },
  {
    method: 'POST',
    route: '/api/action-plans/{actionPlanId}/reopen',
    expected: editors(200),
    request: async (fixture, _agent, persona) => {
      const planId = await planFor(fixture, persona, 'agreed');
      const { revision } = await fixture.db.selectFrom('actionPlans').select('revision').where('id', '=', planId).executeTakeFirstOrThrow();
      return { url: `/api/action-plans/${planId}/reopen`, payload: { revision } };
    },
  },
  {
    method: 'POST',
    route: '/api/action-plans/{actionPlanId}/actions',
    expected: editors(201),
    request: async (fixture) => ({
      url: `/api/action-plans/${await representativePlan(fixture)}/actions`,
      payload: { title: 'Participer au salon régional', executorKind: 'consultant', startsOn: '2027-02-01', dueOn: '2027-04-30', indicators: [{ kind: 'monitoring', label: 'Salons', unit: 'nombre', target: 1 }] },
    }),
  },
  {
    method: 'PATCH',
    route: '/api/action-plans/{actionPlanId}/actions/{actionId}',
    expected: editors(200),
    request: async (fixture) => {
      const planId = await representativePlan(fixture);
      return { url: `/api/action-plans/${planId}/actions/${await freshAction(fixture, planId)}`, payload: { version: 1, progress: 30, status: 'in_progress' } };
    },
  },
  {
    method: 'DELETE',
    route: '/api/action-plans/{actionPlanId}/actions/{actionId}',
    expected: editors(204),
    request: async (fixture) => {
      const planId = await representativePlan(fixture);
      return { url: `/api/action-plans/${planId}/actions/${await freshAction(fixture, planId)}` };
    },
  },
  {
    method: 'POST',
    route: '/api/action-plans/{actionPlanId}/actions/{actionId}/indicators',
    expected: editors(201),
    request: async (fixture) => {
      const planId = await representativePlan(fixture);
      return { url: `/api/action-plans/${planId}/actions/${await freshAction(fixture, planId)}/indicators`, payload: { kind: 'performance', label: 'Marge brute', unit: '%', baseline: 10, target: 25 } };
    },
  },
  { method: 'PATCH', route: '/api/action-plans/{actionPlanId}/actions/{actionId}/indicators/{indicatorId}', expected: editors(200), request: async (fixture) => ({ url: await indicatorPath(fixture), payload: { target: 8 } }) },
  { method: 'DELETE', route: '/api/action-plans/{actionPlanId}/actions/{actionId}/indicators/{indicatorId}', expected: editors(204), request: async (fixture) => ({ url: await indicatorPath(fixture) }) },
  {
    method: 'POST',
    route: '/api/action-plans/{actionPlanId}/actions/{actionId}/indicators/{indicatorId}/measurements',
    expected: editors(201),
    request: async (fixture) => ({ url: `${await indicatorPath(fixture)}/measurements`, payload: { measuredOn: '2026-01-15', value: 2 } }),
  },
  {
    method: 'DELETE',
    route: '/api/action-plans/{actionPlanId}/actions/{actionId}/indicators/{indicatorId}/measurements/{measurementId}',
    expected: editors(204),
    request: async (fixture) => {
      const path = await indicatorPath(fixture);
      const indicatorId = path.split('/').at(-1)!;
      const row = await fixture.db.insertInto('indicatorMeasurements').values({ indicatorId, measuredOn: '2026-01-15', value: 1 }).returning('id').executeTakeFirstOrThrow();
      return { url: `${path}/measurements/${row.id}` };
    },
  },
];
