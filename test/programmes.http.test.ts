import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../src/server/http/types.js';
import { describeEachDatabase } from './support/database.js';
import { createTestCooperative, createTestProgramme, createTestUser, uniqueSuffix } from './support/factories.js';
import { signIn, type Agent } from './support/http.js';

function programmePayload(overrides: Record<string, unknown> = {}) {
  const suffix = uniqueSuffix();
  return {
    code: `PRG-${suffix}`,
    nameFr: `Programme d’appui ${suffix}`,
    nameAr: `برنامج الدعم ${suffix}`,
    status: 'active',
    startDate: '2026-01-05',
    durationMonths: 24,
    targetCooperatives: 18,
    budgetMad: 1_500_000,
    regionCodes: ['11'],
    provinceCodes: ['11.537'],
    cadences: { workshops: { perMonth: 1, durationMonths: 6, startsAfterPhase: 'training' }, remoteFollowUp: { perMonth: 2 }, coaching: { sessions: 12, overMonths: 24 } },
    eligibility: { maxAgeMonths: 24, sectors: ['fisheries', 'agrifood'] },
    phases: [
      { kind: 'diagnostic', startsOn: '2026-01-05', endsOn: '2026-02-28' },
      { kind: 'training', startsOn: '2026-03-01', endsOn: '2026-04-30' },
    ],
    ...overrides,
  };
}

describeEachDatabase('programmes over HTTP', (database) => {
  let app: App;
  let admin: Agent;
  let manager: Agent;
  let consultantA: Agent;
  let representative: Agent;
  let programmeB: string;
  let consultantUserId: string;
  let enrolledCooperative: string;

  beforeAll(async () => {
    const { buildTestApp } = await import('./support/http.js');
    app = await buildTestApp(database());
    const db = database().db;
    const programmeA = await createTestProgramme(db);
    programmeB = (await createTestProgramme(db)).id;
    const cooperative = await createTestCooperative(db);
    enrolledCooperative = cooperative.id;
    await db.insertInto('enrolments').values({ programmeId: programmeB, cooperativeId: cooperative.id, status: 'enrolled', candidateAt: '2026-01-05', eligible: true }).execute();
    const adminUser = await createTestUser(db, [{ role: 'admin' }]);
    const managerUser = await createTestUser(db, [{ role: 'programme_manager' }]);
    const consultantUser = await createTestUser(db, [{ role: 'consultant', programmeId: programmeA.id }]);
    consultantUserId = consultantUser.id;
    const representativeUser = await createTestUser(db, [{ role: 'cooperative_representative', cooperativeId: cooperative.id }]);
    admin = await signIn(app, adminUser.email, adminUser.password);
    manager = await signIn(app, managerUser.email, managerUser.password);
    consultantA = await signIn(app, consultantUser.email, consultantUser.password);
    representative = await signIn(app, representativeUser.email, representativeUser.password);
  });

  afterAll(async () => {
    await app.close();
  });

  it('creates a programme with its organisations, phases, team, cadences and rules in one write, audited', async () => {
    const operator = await manager.request({ method: 'POST', url: '/api/organisations', payload: { nameFr: 'Injaz Al Maghrib', kind: 'operator' } });
    expect(operator.statusCode).toBe(201);
    const funder = await manager.request({ method: 'POST', url: '/api/organisations', payload: { nameFr: 'Fondation partenaire', acronym: 'FP', kind: 'funder' } });
    const trainer = await createTestUser(database().db, [{ role: 'consultant', programmeId: programmeB }]);
    const created = await manager.request({
      method: 'POST',
      url: '/api/programmes',
      payload: programmePayload({
        operatorId: operator.json().id,
        organisations: [{ organisationId: funder.json().id, role: 'funder', contributionMad: 500_000 }],
        team: [{ userId: trainer.id, teamRole: 'trainer' }],
      }),
    });
    expect(created.statusCode).toBe(201);
    const programme = created.json();
    expect(programme.operator.nameFr).toBe('Injaz Al Maghrib');
    expect(programme.organisations).toMatchObject([{ role: 'funder', contributionMad: 500_000, organisation: { acronym: 'FP' } }]);
    expect(programme.phases.map((phase: { kind: string }) => phase.kind)).toEqual(['diagnostic', 'training']);
    expect(programme.team).toMatchObject([{ userId: trainer.id, teamRole: 'trainer' }]);
    expect(programme.cadences.remoteFollowUp).toEqual({ perMonth: 2 });
    expect(programme.eligibility).toMatchObject({ maxAgeMonths: 24, withinTerritory: true, sectors: ['fisheries', 'agrifood'] });
    expect(programme.endDate).toBe('2028-01-04');
    expect(programme.version).toBe(1);

    // The trainer now holds the consultant role in this programme, recorded in the audit log.
    const grants = await database().db.selectFrom('roleGrants').select(['role', 'programmeId']).where('userId', '=', trainer.id).execute();
    expect(grants).toContainEqual({ role: 'consultant', programmeId: programme.id });
    const audit = await admin.request({ method: 'GET', url: `/api/audit/programme/${programme.id}` });
    expect(audit.json().map((entry: { action: string }) => entry.action)).toContain('create');
  });

  it('names each wrong field, with its row, and writes nothing', async () => {
    const code = `BAD-${uniqueSuffix()}`;
    const response = await manager.request({
      method: 'POST',
      url: '/api/programmes',
      payload: programmePayload({
        code,
        nameFr: '',
        provinceCodes: ['11.537', '09.541'],
        phases: [{ kind: 'diagnostic', startsOn: '2026-03-01', endsOn: '2026-02-01' }],
        eligibility: { maxAgeMonths: 0 },
      }),
    });
    expect(response.statusCode).toBe(422);
    const issues = response.json().error.issues as Array<{ path: Array<string | number>; key: string }>;
    expect(issues).toContainEqual(expect.objectContaining({ path: ['nameFr'] }));
    expect(issues).toContainEqual(expect.objectContaining({ path: ['eligibility', 'maxAgeMonths'], key: 'too_small' }));
    const none = await database().db.selectFrom('programmes').select('id').where('code', '=', code).execute();
    expect(none).toEqual([]);

    const crossField = await manager.request({
      method: 'POST',
      url: '/api/programmes',
      payload: programmePayload({ code, provinceCodes: ['11.537', '09.541'], phases: [{ kind: 'diagnostic', startsOn: '2026-03-01', endsOn: '2026-02-01' }] }),
    });
    expect(crossField.statusCode).toBe(422);
    expect(crossField.json().error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: ['provinceCodes', 1], key: 'province_outside_regions' }),
        expect.objectContaining({ path: ['phases', 0, 'endsOn'], key: 'phase_ends_before_start' }),
      ]),
    );

    const unknownOperator = await manager.request({ method: 'POST', url: '/api/programmes', payload: programmePayload({ code, operatorId: '00000000-0000-4000-8000-000000000000' }) });
    expect(unknownOperator.statusCode).toBe(422);
    expect(unknownOperator.json().error.issues).toEqual([{ path: ['operatorId'], key: 'organisation_unknown' }]);
  });

  it('refuses a code already taken', async () => {
    const first = await manager.request({ method: 'POST', url: '/api/programmes', payload: programmePayload() });
    const again = await manager.request({ method: 'POST', url: '/api/programmes', payload: programmePayload({ code: first.json().code.toLowerCase() }) });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.issues).toEqual([{ path: ['code'], key: 'programme_code_taken' }]);
  });

  it('updates with a version check: a stale copy gets 409 and changes nothing', async () => {
    const created = (await manager.request({ method: 'POST', url: '/api/programmes', payload: programmePayload() })).json();
    const edited = programmePayload({ code: created.code, nameFr: 'Nom corrigé', phases: [], team: [{ userId: consultantUserId, teamRole: 'project_lead' }] });
    const saved = await manager.request({ method: 'PUT', url: `/api/programmes/${created.id}?version=1`, payload: edited });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ nameFr: 'Nom corrigé', version: 2, phases: [] });
    // A project lead manages the programme from now on.
    const grants = await database().db.selectFrom('roleGrants').select(['role', 'programmeId']).where('userId', '=', consultantUserId).execute();
    expect(grants).toContainEqual({ role: 'programme_manager', programmeId: created.id });

    const stale = await manager.request({ method: 'PUT', url: `/api/programmes/${created.id}?version=1`, payload: { ...edited, nameFr: 'Autre nom' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.params).toMatchObject({ reason: 'stale_version', currentVersion: 2 });
    const current = await manager.request({ method: 'GET', url: `/api/programmes/${created.id}` });
    expect(current.json().nameFr).toBe('Nom corrigé');
  });

  it('shows a consultant of programme A nothing of programme B', async () => {
    const list = await consultantA.request({ method: 'GET', url: '/api/programmes' });
    expect(list.statusCode).toBe(200);
    expect(list.json().map((programme: { id: string }) => programme.id)).not.toContain(programmeB);
    expect((await consultantA.request({ method: 'GET', url: `/api/programmes/${programmeB}` })).statusCode).toBe(404);
    expect((await consultantA.request({ method: 'GET', url: `/api/programmes/${programmeB}/enrolments` })).statusCode).toBe(404);
  });

  it('shows a representative the programmes their cooperative is enrolled in, and only its own enrolment', async () => {
    const list = await representative.request({ method: 'GET', url: '/api/programmes' });
    expect(list.json().map((programme: { id: string }) => programme.id)).toEqual([programmeB]);
    expect((await representative.request({ method: 'GET', url: `/api/programmes/${programmeB}` })).statusCode).toBe(200);
    const other = await createTestCooperative(database().db);
    await database().db.insertInto('enrolments').values({ programmeId: programmeB, cooperativeId: other.id, status: 'enrolled', candidateAt: '2026-01-05', eligible: true }).execute();
    const enrolments = await representative.request({ method: 'GET', url: `/api/programmes/${programmeB}/enrolments` });
    expect(enrolments.json().map((enrolment: { cooperativeId: string }) => enrolment.cooperativeId)).toEqual([enrolledCooperative]);
    const own = await representative.request({ method: 'GET', url: `/api/cooperatives/${enrolledCooperative}/programmes` });
    expect(own.json().items).toHaveLength(1);
  });

  it('keeps the directory of organisations, searched without accents', async () => {
    await admin.request({ method: 'POST', url: '/api/organisations', payload: { nameFr: 'Office du Développement de la Coopération', acronym: 'ODCO', kind: 'cooperatives_office' } });
    const found = await manager.request({ method: 'GET', url: '/api/organisations?q=developpement' });
    expect(found.json().map((organisation: { acronym: string }) => organisation.acronym)).toContain('ODCO');
    const byKind = await manager.request({ method: 'GET', url: '/api/organisations?kind=bank' });
    expect(byKind.json()).toEqual([]);
    const bad = await manager.request({ method: 'POST', url: '/api/organisations', payload: { nameFr: 'X', kind: 'planet' } });
    expect(bad.statusCode).toBe(422);
    const odco = found.json().find((organisation: { acronym: string }) => organisation.acronym === 'ODCO');
    const stale = await manager.request({ method: 'PUT', url: `/api/organisations/${odco.id}?version=7`, payload: { nameFr: 'ODCO', kind: 'cooperatives_office' } });
    expect(stale.statusCode).toBe(409);
  });
});
