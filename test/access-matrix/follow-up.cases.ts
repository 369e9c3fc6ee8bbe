import { signedIn, type Case, type Expected, type Fixture } from './support.js';

/** The programme's lists (due, to confirm, compliance, drift): its team; a representative sees the programme (403), another does not (404). */
const teamLists = (status: number): Expected => ({ ...signedIn(status), representative: 403, otherRepresentative: 404, funder: 403 });
/** One cooperative's follow-ups: the team and the cooperative's representative; funders 403 (names, difficulties), others 404. */
const cooperativeReaders = (status: number): Expected => ({ ...signedIn(status), otherRepresentative: 404, funder: 403 });
/** Confirming a representative's report: the programme team. */
const confirmers = (status: number): Expected => ({ ...teamLists(status), representative: 403 });
/** Generating the follow-up sessions from the cadence: the programme's managers and admins. */
const schedulers = (status: number): Expected => ({ ...teamLists(403), admin: status, manager: status });

const today = () => new Date().toISOString().slice(0, 10);
const cooperativeQuery = (fixture: Fixture) => `programmeId=${fixture.programmeId}&cooperativeId=${fixture.cooperativeId}`;

/** A representative's report, waiting for confirmation. */
async function makeReport(fixture: Fixture): Promise<{ id: string; version: number }> {
  return fixture.db
    .insertInto('followUps')
    .values({ programmeId: fixture.programmeId, cooperativeId: fixture.cooperativeId, heldOn: '2026-02-02', channel: 'phone', reportedBy: fixture.userIds.representative, reportedByRole: 'representative', status: 'reported', summary: 'Deux actions avancent.' })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
}

export const followUpCases: Case[] = [
  { method: 'GET', route: '/api/follow-ups/due', expected: teamLists(200), request: async (fixture) => ({ url: `/api/follow-ups/due?scope=overdue&programmeId=${fixture.programmeId}` }) },
  { method: 'GET', route: '/api/follow-ups/reported', expected: teamLists(200), request: async (fixture) => ({ url: `/api/follow-ups/reported?programmeId=${fixture.programmeId}` }) },
  { method: 'GET', route: '/api/follow-ups/compliance', expected: teamLists(200), request: async (fixture) => ({ url: `/api/follow-ups/compliance?programmeId=${fixture.programmeId}` }) },
  { method: 'GET', route: '/api/follow-ups/drift', expected: teamLists(200), request: async (fixture) => ({ url: `/api/follow-ups/drift?programmeId=${fixture.programmeId}` }) },
  { method: 'GET', route: '/api/follow-ups/context', expected: cooperativeReaders(200), request: async (fixture) => ({ url: `/api/follow-ups/context?${cooperativeQuery(fixture)}` }) },
  { method: 'GET', route: '/api/follow-ups', expected: cooperativeReaders(200), request: async (fixture) => ({ url: `/api/follow-ups?${cooperativeQuery(fixture)}` }) },
  {
    method: 'POST',
    route: '/api/follow-ups',
    expected: cooperativeReaders(201),
    request: async (fixture) => ({ url: '/api/follow-ups', payload: { programmeId: fixture.programmeId, cooperativeId: fixture.cooperativeId, heldOn: today(), channel: 'messaging', summary: 'Point rapide par messagerie.', actions: [] } }),
  },
  { method: 'GET', route: '/api/follow-ups/{followUpId}', expected: cooperativeReaders(200), request: async (fixture) => ({ url: `/api/follow-ups/${(await makeReport(fixture)).id}` }) },
  {
    method: 'POST',
    route: '/api/follow-ups/{followUpId}/confirm',
    expected: confirmers(200),
    request: async (fixture) => {
      const report = await makeReport(fixture);
      return { url: `/api/follow-ups/${report.id}/confirm`, payload: { version: report.version, heldOn: '2026-02-02', channel: 'phone', summary: 'Confirmé.', actions: [] } };
    },
  },
  { method: 'GET', route: '/api/programmes/{programmeId}/follow-up-schedule', expected: teamLists(200), request: async (fixture) => ({ url: `/api/programmes/${fixture.programmeId}/follow-up-schedule` }) },
  { method: 'POST', route: '/api/programmes/{programmeId}/follow-up-schedule', expected: schedulers(200), request: async (fixture) => ({ url: `/api/programmes/${fixture.programmeId}/follow-up-schedule` }) },
];
