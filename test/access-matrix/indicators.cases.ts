import { signedIn, type Case, type Expected, type Fixture } from './support.js';

/** The indicators (aggregates): the team and the funders; a representative of an enrolled cooperative sees the programme (403), another does not (404). */
const indicatorReaders = (status: number): Expected => ({ ...signedIn(status), representative: 403, otherRepresentative: 404 });
/** Outcome figures per cooperative: the team, and the representative for their own cooperative; funders read aggregates only. */
const outcomeReaders = (status: number): Expected => ({ ...signedIn(status), funder: 403, otherRepresentative: 404 });
/** Entering and deleting figures: the team. */
const outcomeEditors = (status: number): Expected => ({ ...outcomeReaders(403), admin: status, manager: status, consultant: status });

let day = 0;
/** A date not used yet: each request enters a new figure (one per cooperative, indicator and date). */
const nextDate = () => new Date(Date.UTC(2025, 0, 1) + (day += 1) * 86_400_000).toISOString().slice(0, 10);

async function makeOutcome(fixture: Fixture): Promise<string> {
  const row = await fixture.db
    .insertInto('outcomeMeasurements')
    .values({ programmeId: fixture.programmeId, cooperativeId: fixture.cooperativeId, indicator: 'jobs', measuredOn: nextDate(), value: 5, women: 3, men: 2 })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const indicatorsCases: Case[] = [
  { method: 'GET', route: '/api/programmes/{programmeId}/indicators', expected: indicatorReaders(200), request: async (fixture) => ({ url: `/api/programmes/${fixture.programmeId}/indicators?by=sex` }) },
  { method: 'GET', route: '/api/programmes/{programmeId}/outcomes', expected: outcomeReaders(200), request: async (fixture) => ({ url: `/api/programmes/${fixture.programmeId}/outcomes` }) },
  {
    method: 'POST',
    route: '/api/programmes/{programmeId}/outcomes',
    expected: outcomeEditors(201),
    request: async (fixture) => ({ url: `/api/programmes/${fixture.programmeId}/outcomes`, payload: { cooperativeId: fixture.cooperativeId, indicator: 'turnover', measuredOn: nextDate(), value: 120_000 } }),
  },
  {
    method: 'DELETE',
    route: '/api/programmes/{programmeId}/outcomes/{outcomeId}',
    expected: outcomeEditors(204),
    request: async (fixture) => ({ url: `/api/programmes/${fixture.programmeId}/outcomes/${await makeOutcome(fixture)}` }),
  },
];
