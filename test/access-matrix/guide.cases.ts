import { signedIn, type Case, type Expected, type Fixture } from './support.js';

/** The guide names cooperatives: the programme's team and admins; funders and the representative see the programme (403), another representative does not (404). */
const guideReaders = (status: number): Expected => ({ ...signedIn(status), funder: 403, representative: 403, otherRepresentative: 404 });
/** A cooperative's path: the guide's readers, and that cooperative's representative. */
const pathReaders = (status: number): Expected => ({ ...guideReaders(status), representative: status });

const plans = new WeakMap<Fixture, Promise<string>>();

/** One plan version of the fixture's programme that names the representative's cooperative. */
function planNamingTheCooperative(fixture: Fixture): Promise<string> {
  let plan = plans.get(fixture);
  if (!plan) {
    plan = (async () => {
      const last = await fixture.db.selectFrom('trainingPlans').select((eb) => eb.fn.max('version').as('version')).where('programmeId', '=', fixture.programmeId).executeTakeFirst();
      const summary = { objective: 0, needs: 1, answeredByGroups: 0, answeredByCoaching: 0, unanswered: 1, groups: 0, sessions: 0 };
      const coverage = [{ cooperativeId: fixture.cooperativeId, needKey: 'finance.fin_bookkeeping', domainKey: 'finance', questionKey: 'fin_bookkeeping', priority: 10, status: 'unanswered', reason: 'too_few_within_reach' }];
      const row = await fixture.db
        .insertInto('trainingPlans')
        .values({
          programmeId: fixture.programmeId,
          version: Number(last?.version ?? 0) + 1,
          parameters: JSON.stringify({ constraints: {}, calendar: {}, trainers: 0, cooperatives: 1, modules: 0 }),
          result: JSON.stringify({ modules: [], coaching: [], workshops: [], coverage, summary }),
          objective: 0,
          needsCount: 1,
          answeredByGroups: 0,
          answeredByCoaching: 0,
          unansweredCount: 1,
          groupsCount: 0,
          sessionsCount: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    })();
    plans.set(fixture, plan);
  }
  return plan;
}

/** Training guides and training paths. */
export const guideCases: Case[] = (['pdf', 'docx'] as const).flatMap((format): Case[] => [
  {
    method: 'GET',
    route: `/api/plans/{planId}/guide.${format}`,
    expected: guideReaders(200),
    request: async (fixture) => ({ url: `/api/plans/${await planNamingTheCooperative(fixture)}/guide.${format}?lang=fr` }),
  },
  {
    method: 'GET',
    route: `/api/plans/{planId}/cooperatives/{cooperativeId}/path.${format}`,
    expected: pathReaders(200),
    request: async (fixture) => ({ url: `/api/plans/${await planNamingTheCooperative(fixture)}/cooperatives/${fixture.cooperativeId}/path.${format}?lang=ar` }),
  },
]);
