import { signedIn, type Case, type Expected, type Fixture } from './support.js';

/**
 * The plan's document names members and carries signature lines: the programme's team, admins and the
 * cooperative's representative; a funder of the programme knows the plan but is refused (403); another
 * representative is told it does not exist (404).
 */
const documentReaders = (status: number): Expected => ({ ...signedIn(status), funder: 403, otherRepresentative: 404 });

const plans = new WeakMap<Fixture, Promise<string>>();

/** The action plan of the representative's cooperative in the fixture's programme (one per cooperative and programme: found, or made). */
function planOfTheCooperative(fixture: Fixture): Promise<string> {
  let plan = plans.get(fixture);
  if (!plan) {
    plan = (async () => {
      await fixture.db
        .insertInto('actionPlans')
        .values({ programmeId: fixture.programmeId, cooperativeId: fixture.cooperativeId })
        .onConflict((conflict) => conflict.columns(['programmeId', 'cooperativeId']).doNothing())
        .execute();
      const row = await fixture.db
        .selectFrom('actionPlans')
        .select('id')
        .where('programmeId', '=', fixture.programmeId)
        .where('cooperativeId', '=', fixture.cooperativeId)
        .executeTakeFirstOrThrow();
      return row.id;
    })();
    plans.set(fixture, plan);
  }
  return plan;
}

/** The action plan document. */
export const actionPlanDocumentCases: Case[] = [
  {
    method: 'GET',
    route: '/api/action-plans/{actionPlanId}/document',
    expected: documentReaders(200),
    request: async (fixture) => ({ url: `/api/action-plans/${await planOfTheCooperative(fixture)}/document?format=docx&locale=ar` }),
  },
];
