import { signedIn, type Case, type Expected, type Fixture } from './support.js';

/** Plans: the programme's team and funders read them (funders the summary); a representative sees the programme (403), another does not (404). */
const planReaders = (status: number): Expected => ({ ...signedIn(status), representative: 403, otherRepresentative: 404 });
/** Generating and approving: the programme's managers and admins. */
const planManagers = (status: number): Expected => ({ ...planReaders(403), admin: status, manager: status });

/** The fixture's programme gets a training phase once, so that a plan can be generated. */
async function withTrainingPhase(fixture: Fixture): Promise<string> {
  const phase = await fixture.db.selectFrom('programmePhases').select('id').where('programmeId', '=', fixture.programmeId).where('kind', '=', 'training').executeTakeFirst();
  if (!phase) await fixture.db.insertInto('programmePhases').values({ programmeId: fixture.programmeId, kind: 'training', startsOn: '2027-01-04', endsOn: '2027-03-31' }).execute();
  return fixture.programmeId;
}

/** A fresh draft (with these workshops, if any), so that each approval or edit answers as on a real one. */
export async function makeDraft(fixture: Fixture, workshops: unknown[] = []): Promise<string> {
  const last = await fixture.db.selectFrom('trainingPlans').select((eb) => eb.fn.max('version').as('version')).where('programmeId', '=', fixture.programmeId).executeTakeFirst();
  const summary = { objective: 0, needs: 0, answeredByGroups: 0, answeredByCoaching: 0, unanswered: 0, groups: 0, sessions: 0 };
  const row = await fixture.db
    .insertInto('trainingPlans')
    .values({
      programmeId: fixture.programmeId,
      version: Number(last?.version ?? 0) + 1,
      parameters: JSON.stringify({ constraints: {}, calendar: {}, trainers: 0, cooperatives: 0, modules: 0 }),
      result: JSON.stringify({ modules: [], coaching: [], workshops, coverage: [], summary }),
      objective: 0,
      needsCount: 0,
      answeredByGroups: 0,
      answeredByCoaching: 0,
      unansweredCount: 0,
      groupsCount: 0,
      sessionsCount: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Training plans. */
export const plansCases: Case[] = [
  {
    method: 'POST',
    route: '/api/programmes/{programmeId}/plans',
    expected: planManagers(201),
    request: async (fixture) => ({ url: `/api/programmes/${await withTrainingPhase(fixture)}/plans`, payload: { constraints: { minGroupSize: 1 } } }),
  },
  { method: 'GET', route: '/api/programmes/{programmeId}/plans', expected: planReaders(200), request: async (fixture) => ({ url: `/api/programmes/${fixture.programmeId}/plans` }) },
  { method: 'GET', route: '/api/plans/{planId}', expected: planReaders(200), request: async (fixture) => ({ url: `/api/plans/${await makeDraft(fixture)}` }) },
  { method: 'POST', route: '/api/plans/{planId}/approve', expected: planManagers(200), request: async (fixture) => ({ url: `/api/plans/${await makeDraft(fixture)}/approve` }) },
];
