import { makeDraft } from './plans.cases.js';
import { signedIn, type Case, type Expected, type Fixture } from './support.js';

/** The team and admins read the trainers; funders do not (names); a representative sees the programme (403), another does not (404). */
const detailReaders = (status: number): Expected => ({ ...signedIn(status), funder: 403, representative: 403, otherRepresentative: 404 });
/** A trainer's unavailability: the programme's managers, admins, and the trainer (the consultant persona) for themselves. */
const unavailabilityEditors = (status: number): Expected => ({ ...detailReaders(403), admin: status, manager: status, consultant: status });
/** Creating a plan's sessions: the programme's managers and admins. */
const planManagers = (status: number): Expected => ({ ...detailReaders(403), admin: status, manager: status });

/** The consultant persona trains in the fixture's programme. */
async function consultantTrains(fixture: Fixture): Promise<string> {
  const userId = fixture.userIds.consultant;
  const row = await fixture.db.selectFrom('programmeTeam').select('userId').where('programmeId', '=', fixture.programmeId).where('userId', '=', userId).where('teamRole', '=', 'trainer').executeTakeFirst();
  if (!row) await fixture.db.insertInto('programmeTeam').values({ programmeId: fixture.programmeId, userId, teamRole: 'trainer' }).execute();
  return userId;
}

/** A fresh approved version (an empty one: creating its sessions creates none). */
async function makeApproved(fixture: Fixture): Promise<string> {
  const id = await makeDraft(fixture);
  await fixture.db.updateTable('trainingPlans').set({ status: 'superseded' }).where('programmeId', '=', fixture.programmeId).where('status', '=', 'approved').execute();
  await fixture.db.updateTable('trainingPlans').set({ status: 'approved' }).where('id', '=', id).execute();
  return id;
}

/** Trainers' unavailability and sessions created from a plan. */
export const trainersCases: Case[] = [
  { method: 'GET', route: '/api/programmes/{programmeId}/trainers', expected: detailReaders(200), request: async (fixture) => ({ url: `/api/programmes/${fixture.programmeId}/trainers` }) },
  {
    method: 'POST',
    route: '/api/programmes/{programmeId}/trainers/{userId}/unavailability',
    expected: unavailabilityEditors(201),
    request: async (fixture) => ({ url: `/api/programmes/${fixture.programmeId}/trainers/${await consultantTrains(fixture)}/unavailability`, payload: { from: '2027-05-03', to: '2027-05-07' } }),
  },
  {
    method: 'DELETE',
    route: '/api/programmes/{programmeId}/trainers/{userId}/unavailability/{unavailabilityId}',
    expected: unavailabilityEditors(204),
    request: async (fixture) => {
      const userId = await consultantTrains(fixture);
      const row = await fixture.db.insertInto('trainerUnavailability').values({ userId, startsOn: '2027-06-01', endsOn: '2027-06-02' }).returning('id').executeTakeFirstOrThrow();
      return { url: `/api/programmes/${fixture.programmeId}/trainers/${userId}/unavailability/${row.id}` };
    },
  },
  { method: 'POST', route: '/api/plans/{planId}/sessions', expected: planManagers(200), request: async (fixture) => ({ url: `/api/plans/${await makeApproved(fixture)}/sessions` }) },
];
