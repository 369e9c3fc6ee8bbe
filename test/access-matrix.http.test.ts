import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../src/server/http/types.js';
import { describeEachDatabase } from './support/database.js';
import { cooperativeDraft, createTestCooperative, createTestProgramme, createTestUser, uniqueSuffix } from './support/factories.js';
import { anonymous, buildTestApp, signIn, type Agent } from './support/http.js';

/**
 * Every API route, tried as every role and as nobody. A route added without
 * a row here fails the last test, so that no route ships without its access
 * rules being checked.
 */

const personas = ['nobody', 'admin', 'manager', 'consultant', 'representative', 'otherRepresentative', 'funder'] as const;
type Persona = (typeof personas)[number];
type Expected = Record<Persona, number>;

/** The fixture every case may use: a cooperative the representative represents, and helpers to make fresh records. */
interface Fixture {
  app: App;
  cooperativeId: string;
  makeUser(): Promise<string>;
  makeMember(): Promise<string>;
  makeGrant(userId: string): Promise<string>;
  makeImport(): Promise<string>;
  /** A second session of the same person, for requests that end their session. */
  freshAgent(persona: Persona): Promise<Agent>;
  programmeId: string;
}

interface Case {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  route: string;
  expected: Expected;
  request(fixture: Fixture, agent: Agent, persona: Persona): Promise<{ url: string; payload?: unknown; headers?: Record<string, string>; agent?: Agent } | undefined>;
}

const everyone = (status: number): Expected => Object.fromEntries(personas.map((persona) => [persona, status])) as Expected;
const signedIn = (status: number): Expected => ({ ...everyone(status), nobody: 401 });
const adminOnly = (status: number): Expected => ({ ...signedIn(403), admin: status });
const registryWriters = (status: number): Expected => ({ ...signedIn(403), admin: status, manager: status });
const cooperativeReaders = (status: number): Expected => ({ ...signedIn(status), otherRepresentative: 404 });
const memberEditors = (status: number): Expected => ({ ...cooperativeReaders(status), funder: 403 });
const importOwner = (status: number): Expected => ({ ...signedIn(403), admin: status, manager: status });

const importMapping = { Nom: 'nameFr', Province: 'provinceCode', Secteur: 'sector' };

function importUpload() {
  const boundary = `----matrix${uniqueSuffix()}`;
  const csv = `Nom;Province;Secteur\r\nCoopérative Matrice ${uniqueSuffix()};Tarfaya;Pêche\r\n`;
  const payload = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="matrice.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
  );
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const memberPayload = { fullName: 'Hassan Ait Ali', role: 'member', sex: 'male', ageGroup: 'under_35', phone: '0612345678' };

const cases: Case[] = [
  { method: 'GET', route: '/api/health', expected: everyone(200), request: async () => ({ url: '/api/health' }) },
  { method: 'GET', route: '/api/territories', expected: everyone(200), request: async () => ({ url: '/api/territories' }) },
  {
    method: 'POST',
    route: '/api/auth/sign-in',
    expected: everyone(401),
    request: async () => ({ url: '/api/auth/sign-in', payload: { email: 'nobody@test.taawon.ma', password: 'wrong-password' } }),
  },
  {
    method: 'POST',
    route: '/api/auth/sign-out',
    expected: everyone(204),
    request: async (fixture, _agent, persona) => ({ url: '/api/auth/sign-out', agent: await fixture.freshAgent(persona) }),
  },
  { method: 'GET', route: '/api/auth/session', expected: signedIn(200), request: async () => ({ url: '/api/auth/session' }) },
  { method: 'PUT', route: '/api/auth/preferences', expected: signedIn(204), request: async () => ({ url: '/api/auth/preferences', payload: { locale: 'fr' } }) },
  { method: 'GET', route: '/api/programmes', expected: signedIn(200), request: async () => ({ url: '/api/programmes' }) },
  { method: 'GET', route: '/api/users', expected: adminOnly(200), request: async () => ({ url: '/api/users' }) },
  {
    method: 'POST',
    route: '/api/users',
    expected: adminOnly(201),
    request: async () => ({ url: '/api/users', payload: { email: `new-${uniqueSuffix()}@test.taawon.ma`, displayName: 'New person', password: 'A-long-password-1' } }),
  },
  { method: 'GET', route: '/api/users/{userId}', expected: adminOnly(200), request: async (fixture) => ({ url: `/api/users/${await fixture.makeUser()}` }) },
  {
    method: 'PATCH',
    route: '/api/users/{userId}',
    expected: adminOnly(200),
    request: async (fixture) => ({ url: `/api/users/${await fixture.makeUser()}`, payload: { displayName: 'Renamed person' } }),
  },
  {
    method: 'POST',
    route: '/api/users/{userId}/password',
    expected: adminOnly(204),
    request: async (fixture) => ({ url: `/api/users/${await fixture.makeUser()}/password`, payload: { password: 'Another-password-2' } }),
  },
  {
    method: 'POST',
    route: '/api/users/{userId}/grants',
    expected: adminOnly(201),
    request: async (fixture) => ({ url: `/api/users/${await fixture.makeUser()}/grants`, payload: { role: 'consultant', programmeId: fixture.programmeId } }),
  },
  {
    method: 'DELETE',
    route: '/api/users/{userId}/grants/{grantId}',
    expected: adminOnly(200),
    request: async (fixture) => {
      const userId = await fixture.makeUser();
      return { url: `/api/users/${userId}/grants/${await fixture.makeGrant(userId)}` };
    },
  },
  {
    method: 'GET',
    route: '/api/audit/{entityType}/{entityId}',
    expected: adminOnly(200),
    request: async (fixture) => ({ url: `/api/audit/cooperative/${fixture.cooperativeId}` }),
  },
  { method: 'GET', route: '/api/cooperatives', expected: signedIn(200), request: async () => ({ url: '/api/cooperatives' }) },
  {
    method: 'POST',
    route: '/api/cooperatives',
    expected: registryWriters(201),
    request: async () => ({ url: '/api/cooperatives', payload: cooperativeDraft() }),
  },
  {
    method: 'GET',
    route: '/api/cooperatives/{cooperativeId}',
    expected: cooperativeReaders(200),
    request: async (fixture) => ({ url: `/api/cooperatives/${fixture.cooperativeId}` }),
  },
  {
    method: 'PUT',
    route: '/api/cooperatives/{cooperativeId}',
    expected: registryWriters(200),
    request: async (fixture) => {
      const cooperative = await createTestCooperative(fixture.app.db);
      return { url: `/api/cooperatives/${cooperative.id}`, payload: cooperativeDraft({ registrationNumber: cooperative.registrationNumber, nameFr: `Renommée ${uniqueSuffix()}` }) };
    },
  },
  {
    method: 'POST',
    route: '/api/cooperatives/{cooperativeId}/archive',
    expected: registryWriters(200),
    request: async (fixture) => ({ url: `/api/cooperatives/${(await createTestCooperative(fixture.app.db)).id}/archive` }),
  },
  {
    method: 'POST',
    route: '/api/cooperatives/{cooperativeId}/restore',
    expected: registryWriters(200),
    request: async (fixture) => ({ url: `/api/cooperatives/${(await createTestCooperative(fixture.app.db)).id}/restore` }),
  },
  {
    method: 'GET',
    route: '/api/cooperatives/{cooperativeId}/members',
    expected: cooperativeReaders(200),
    request: async (fixture) => ({ url: `/api/cooperatives/${fixture.cooperativeId}/members` }),
  },
  {
    method: 'POST',
    route: '/api/cooperatives/{cooperativeId}/members',
    expected: memberEditors(201),
    request: async (fixture) => ({ url: `/api/cooperatives/${fixture.cooperativeId}/members`, payload: memberPayload }),
  },
  {
    method: 'PUT',
    route: '/api/cooperatives/{cooperativeId}/members/{memberId}',
    expected: memberEditors(200),
    request: async (fixture) => ({ url: `/api/cooperatives/${fixture.cooperativeId}/members/${await fixture.makeMember()}`, payload: memberPayload }),
  },
  {
    method: 'DELETE',
    route: '/api/cooperatives/{cooperativeId}/members/{memberId}',
    expected: memberEditors(204),
    request: async (fixture) => ({ url: `/api/cooperatives/${fixture.cooperativeId}/members/${await fixture.makeMember()}` }),
  },
  { method: 'POST', route: '/api/imports', expected: registryWriters(201), request: async () => ({ url: '/api/imports', ...importUpload() }) },
  {
    method: 'POST',
    route: '/api/imports/{importId}/preview',
    expected: importOwner(200),
    request: async (fixture) => ({ url: `/api/imports/${await fixture.makeImport()}/preview`, payload: { mapping: importMapping } }),
  },
  {
    method: 'POST',
    route: '/api/imports/{importId}/commit',
    expected: importOwner(202),
    request: async (fixture) => ({ url: `/api/imports/${await fixture.makeImport()}/commit`, payload: { mapping: importMapping, mode: 'valid_rows', duplicateAction: 'skip' } }),
  },
  { method: 'GET', route: '/api/imports/{importId}', expected: importOwner(200), request: async (fixture) => ({ url: `/api/imports/${await fixture.makeImport()}` }) },
  { method: 'GET', route: '/api/cooperatives/export', expected: signedIn(200), request: async () => ({ url: '/api/cooperatives/export?format=csv' }) },
];

describeEachDatabase('access to every route', (database) => {
  let fixture: Fixture;
  const agents = {} as Record<Persona, Agent>;

  beforeAll(async () => {
    const app = await buildTestApp(database());
    const db = database().db;
    const cooperative = await createTestCooperative(db);
    const other = await createTestCooperative(db);
    const programme = await createTestProgramme(db);
    const users = {
      admin: await createTestUser(db, [{ role: 'admin' }]),
      manager: await createTestUser(db, [{ role: 'programme_manager', programmeId: programme.id }]),
      consultant: await createTestUser(db, [{ role: 'consultant', programmeId: programme.id }]),
      representative: await createTestUser(db, [{ role: 'cooperative_representative', cooperativeId: cooperative.id }]),
      otherRepresentative: await createTestUser(db, [{ role: 'cooperative_representative', cooperativeId: other.id }]),
      funder: await createTestUser(db, [{ role: 'funder', programmeId: programme.id }]),
    };
    agents.nobody = anonymous(app);
    for (const [persona, user] of Object.entries(users)) agents[persona as Persona] = await signIn(app, user.email, user.password);
    const freshAgent = async (persona: Persona) => {
      if (persona === 'nobody') return anonymous(app);
      const user = users[persona];
      return signIn(app, user.email, user.password);
    };
    fixture = {
      app,
      cooperativeId: cooperative.id,
      programmeId: programme.id,
      makeUser: async () => (await createTestUser(db)).id,
      makeMember: async () =>
        (await db.insertInto('cooperativeMembers').values({ cooperativeId: cooperative.id, fullName: 'Naima Sbai', role: 'member' }).returning('id').executeTakeFirstOrThrow()).id,
      makeGrant: async (userId) =>
        (await db.insertInto('roleGrants').values({ userId, role: 'funder', programmeId: programme.id, cooperativeId: null }).returning('id').executeTakeFirstOrThrow()).id,
      makeImport: async () => (await agents.manager.request({ method: 'POST', url: '/api/imports', ...importUpload() })).json().id as string,
      freshAgent,
    };
  });

  afterAll(async () => {
    await fixture.app.close();
  });

  for (const testCase of cases) {
    it(`${testCase.method} ${testCase.route}`, async () => {
      const outcomes: Partial<Record<Persona, number>> = {};
      for (const persona of personas) {
        const prepared = await testCase.request(fixture, agents[persona], persona);
        if (!prepared) continue;
        const response = await (prepared.agent ?? agents[persona]).request({
          method: testCase.method,
          url: prepared.url,
          ...(prepared.payload === undefined ? {} : { payload: prepared.payload as Record<string, unknown> | Buffer }),
          ...(prepared.headers ? { headers: prepared.headers } : {}),
        });
        outcomes[persona] = response.statusCode;
        if (response.statusCode >= 400) expect(response.json().error.code).toBeTypeOf('string');
      }
      expect(outcomes).toEqual(testCase.expected);
    });
  }

  it('a funder never receives a phone number or a person’s name', async () => {
    const funder = agents.funder;
    const cooperative = await funder.request({ method: 'GET', url: `/api/cooperatives/${fixture.cooperativeId}` });
    const members = await funder.request({ method: 'GET', url: `/api/cooperatives/${fixture.cooperativeId}/members` });
    for (const body of [cooperative.body, members.body]) {
      expect(body).not.toMatch(/06\d{8}/);
      expect(body).not.toContain('Fatima Zahra');
      expect(body).not.toContain('Naima Sbai');
    }
    expect(members.json().members).toBeNull();
    expect(members.json().summary.total).toBeGreaterThan(0);
  });

  it('covers every route of the API', async () => {
    const document = fixture.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const covered = cases.map((testCase) => `${testCase.method} ${testCase.route}`);
    expect(documented.filter((route) => !covered.includes(route))).toEqual([]);
  });
});
