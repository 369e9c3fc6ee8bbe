import { createTestCooperative, uniqueSuffix } from '../support/factories.js';
import { cooperativeReaders, signedIn, type Case, type Expected, type Fixture } from './support.js';

/** Readers of the directory: the operator's staff and funders. */
const directoryReaders = (status: number): Expected => ({ ...signedIn(status), representative: 403, otherRepresentative: 403 });
/** Admins and managers (global or of a programme). */
const managers = (status: number): Expected => ({ ...signedIn(403), admin: status, manager: status });
/** Everyone who sees the fixture programme: its team, its funder and the enrolled cooperative's representative. */
const programmeReaders = (status: number): Expected => ({ ...signedIn(status), otherRepresentative: 404 });
/** Those who manage the fixture programme; others who see it are refused, others still do not find it. */
const programmeManagers = (status: number): Expected => ({ ...programmeReaders(403), admin: status, manager: status });

async function makeOrganisation(fixture: Fixture) {
  return (await fixture.db.insertInto('organisations').values({ nameFr: `Organisation ${uniqueSuffix()}`, kind: 'association' }).returning('id').executeTakeFirstOrThrow()).id;
}

async function makeCandidateEnrolment(fixture: Fixture) {
  const cooperative = await createTestCooperative(fixture.db);
  return (
    await fixture.db
      .insertInto('enrolments')
      .values({ programmeId: fixture.programmeId, cooperativeId: cooperative.id, status: 'candidate', candidateAt: '2026-01-05', eligible: true })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

async function fixtureProgrammeCode(fixture: Fixture) {
  return (await fixture.db.selectFrom('programmes').select('code').where('id', '=', fixture.programmeId).executeTakeFirstOrThrow()).code;
}

/** Programmes, organisations, eligibility and enrolment. */
export const programmesCases: Case[] = [
  { method: 'GET', route: '/api/organisations', expected: directoryReaders(200), request: async () => ({ url: '/api/organisations?q=injaz' }) },
  {
    method: 'POST',
    route: '/api/organisations',
    expected: managers(201),
    request: async () => ({ url: '/api/organisations', payload: { nameFr: `Partenaire ${uniqueSuffix()}`, kind: 'association' } }),
  },
  {
    method: 'PUT',
    route: '/api/organisations/{organisationId}',
    expected: managers(200),
    request: async (fixture) => ({ url: `/api/organisations/${await makeOrganisation(fixture)}`, payload: { nameFr: `Renommée ${uniqueSuffix()}`, kind: 'funder' } }),
  },
  { method: 'GET', route: '/api/people', expected: managers(200), request: async () => ({ url: '/api/people?search=test' }) },
  // GET /api/programmes keeps its case in registry.cases.ts (everyone signed in: 200, each seeing their own scope).
  {
    method: 'POST',
    route: '/api/programmes',
    // Setting up a programme needs a global grant: the fixture's manager holds theirs in one programme only.
    expected: { ...signedIn(403), admin: 201 },
    request: async () => ({ url: '/api/programmes', payload: { code: `MX-${uniqueSuffix()}`, nameFr: 'Programme de la matrice' } }),
  },
  { method: 'GET', route: '/api/programmes/{programmeId}', expected: programmeReaders(200), request: async (fixture) => ({ url: `/api/programmes/${fixture.programmeId}` }) },
  {
    method: 'PUT',
    route: '/api/programmes/{programmeId}',
    expected: programmeManagers(200),
    request: async (fixture) => {
      const code = await fixtureProgrammeCode(fixture);
      return { url: `/api/programmes/${fixture.programmeId}`, payload: { code, nameFr: `Programme ${code}` } };
    },
  },
  {
    method: 'GET',
    route: '/api/programmes/{programmeId}/candidates',
    expected: programmeManagers(200),
    request: async (fixture) => ({ url: `/api/programmes/${fixture.programmeId}/candidates?pageSize=5` }),
  },
  {
    method: 'GET',
    route: '/api/programmes/{programmeId}/enrolments',
    expected: programmeReaders(200),
    request: async (fixture) => ({ url: `/api/programmes/${fixture.programmeId}/enrolments` }),
  },
  {
    method: 'POST',
    route: '/api/programmes/{programmeId}/enrolments',
    expected: programmeManagers(200),
    request: async (fixture) => ({
      url: `/api/programmes/${fixture.programmeId}/enrolments`,
      payload: { cooperativeIds: [(await createTestCooperative(fixture.db)).id], status: 'candidate' },
    }),
  },
  {
    method: 'PATCH',
    route: '/api/enrolments/{enrolmentId}',
    expected: programmeManagers(200),
    request: async (fixture) => ({ url: `/api/enrolments/${await makeCandidateEnrolment(fixture)}`, payload: { status: 'enrolled' } }),
  },
  {
    method: 'GET',
    route: '/api/cooperatives/{cooperativeId}/programmes',
    expected: cooperativeReaders(200),
    request: async (fixture) => ({ url: `/api/cooperatives/${fixture.cooperativeId}/programmes` }),
  },
];
