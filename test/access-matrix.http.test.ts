import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDatabase } from './support/database.js';
import { createTestCooperative, createTestProgramme, createTestUser } from './support/factories.js';
import { anonymous, buildTestApp, signIn, type Agent } from './support/http.js';
import { diagnosticsCases } from './access-matrix/diagnostics.cases.js';
import { frameworksCases } from './access-matrix/frameworks.cases.js';
import { needsCases } from './access-matrix/needs.cases.js';
import { plansCases } from './access-matrix/plans.cases.js';
import { planEditCases } from './access-matrix/plan-edit.cases.js';
import { guideCases } from './access-matrix/guide.cases.js';
import { trainersCases } from './access-matrix/trainers.cases.js';
import { programmesCases } from './access-matrix/programmes.cases.js';
import { importUpload, registryCases } from './access-matrix/registry.cases.js';
import { reportsCases } from './access-matrix/reports.cases.js';
import { sessionsCases } from './access-matrix/sessions.cases.js';
import { trainingCases } from './access-matrix/training.cases.js';
import { actionPlansCases } from './access-matrix/action-plans.cases.js';
import { actionPlanDocumentCases } from './access-matrix/action-plan-document.cases.js';
import { followUpCases } from './access-matrix/follow-up.cases.js';
import { remindersCases } from './access-matrix/reminders.cases.js';
import { financingCases } from './access-matrix/financing.cases.js';
import { indicatorsCases } from './access-matrix/indicators.cases.js';
import { personas, type Fixture, type Persona } from './access-matrix/support.js';

/**
 * Every API route, tried as every role and as nobody. A route added without
 * a row in one of the `access-matrix/*.cases.ts` files fails the last test,
 * so that no route ships without its access rules being checked.
 */

const cases = [...registryCases, ...programmesCases, ...frameworksCases, ...diagnosticsCases, ...reportsCases, ...needsCases, ...trainingCases, ...sessionsCases, ...plansCases, ...planEditCases, ...guideCases, ...trainersCases, ...actionPlansCases, ...actionPlanDocumentCases, ...followUpCases, ...remindersCases, ...financingCases, ...indicatorsCases];

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
    const enrolmentId = (
      await db
        .insertInto('enrolments')
        .values({ programmeId: programme.id, cooperativeId: cooperative.id, status: 'enrolled', candidateAt: '2026-01-05', enrolledAt: '2026-01-10', eligible: true })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
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
      enrolmentId,
      db,
      agents,
      userIds: Object.fromEntries(Object.entries(users).map(([persona, user]) => [persona, user.id])) as Fixture['userIds'],
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
