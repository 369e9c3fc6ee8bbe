import { afterAll, beforeAll, expect, it } from 'vitest';
import { addMonths } from '../src/core/programmes/eligibility.js';
import type { App } from '../src/server/http/types.js';
import { describeEachDatabase } from './support/database.js';
import { createTestCooperative, createTestUser, uniqueSuffix } from './support/factories.js';
import { buildTestApp, signIn, type Agent } from './support/http.js';

function programmePayload(overrides: Record<string, unknown> = {}) {
  const suffix = uniqueSuffix();
  return { code: `ENR-${suffix}`, nameFr: `Programme ${suffix}`, status: 'active', startDate: '2026-01-05', durationMonths: 24, ...overrides };
}

const today = new Date().toISOString().slice(0, 10);
const justification = 'Coopérative pionnière recommandée par la délégation ODCO de Tarfaya.';

describeEachDatabase('enrolment over HTTP', (database) => {
  let app: App;
  let manager: Agent;
  let admin: Agent;
  let programmeId: string;
  let consultantId: string;
  const young: string[] = [];
  let old: string;
  let elsewhere: string;
  let region: string;

  beforeAll(async () => {
    app = await buildTestApp(database());
    const db = database().db;
    const managerUser = await createTestUser(db, [{ role: 'programme_manager' }]);
    const adminUser = await createTestUser(db, [{ role: 'admin' }]);
    manager = await signIn(app, managerUser.email, managerUser.password);
    admin = await signIn(app, adminUser.email, adminUser.password);
    // A province of its own per run, so that filters see only this file's cooperatives.
    region = '11';
    const created = await manager.request({
      method: 'POST',
      url: '/api/programmes',
      payload: programmePayload({ regionCodes: ['11'], provinceCodes: ['11.537'], eligibility: { maxAgeMonths: 24, sectors: ['fisheries'], minMembers: 7 } }),
    });
    programmeId = created.json().id;
    const consultant = await createTestUser(db, [{ role: 'consultant', programmeId }]);
    consultantId = consultant.id;
    for (let index = 0; index < 3; index += 1) {
      young.push((await createTestCooperative(db, { creationDate: addMonths(today, -6), provinceCode: '11.537', sector: 'fisheries', membersTotal: 12 })).id);
    }
    old = (await createTestCooperative(db, { creationDate: addMonths(today, -60), provinceCode: '09.541', sector: 'argan', membersTotal: 5, membersWomen: 5, membersYoung: 0 })).id;
    elsewhere = (await createTestCooperative(db, { creationDate: addMonths(today, -6), provinceCode: '11.537', sector: 'fisheries', membersTotal: 12 })).id;
    const other = await manager.request({ method: 'POST', url: '/api/programmes', payload: programmePayload({ status: 'active', eligibility: {} }) });
    await manager.request({ method: 'POST', url: `/api/programmes/${other.json().id}/enrolments`, payload: { cooperativeIds: [elsewhere], status: 'enrolled' } });
  });

  afterAll(async () => {
    await app.close();
  });

  it('lists candidates with their eligibility, every reason, and their other active programmes', async () => {
    const response = await manager.request({ method: 'GET', url: `/api/programmes/${programmeId}/candidates?pageSize=100` });
    expect(response.statusCode).toBe(200);
    const page = response.json();
    const byId = new Map(page.items.map((item: { cooperativeId: string }) => [item.cooperativeId, item]));
    expect(byId.get(young[0]!)).toMatchObject({ eligible: true, reasons: [], enrolmentStatus: null });
    const refused = byId.get(old) as { eligible: boolean; reasons: Array<{ rule: string }> };
    expect(refused.eligible).toBe(false);
    expect(refused.reasons.map((reason) => reason.rule)).toEqual(['max_age', 'territory', 'sector', 'min_members']);
    expect((byId.get(elsewhere) as { otherActiveProgrammes: unknown[] }).otherActiveProgrammes).toHaveLength(1);
    expect(page.asOf).toBe(today);
  });

  it('filters by eligibility in SQL exactly as the rules decide, and pages on the server', async () => {
    const all = (await manager.request({ method: 'GET', url: `/api/programmes/${programmeId}/candidates?pageSize=100` })).json();
    const yes = (await manager.request({ method: 'GET', url: `/api/programmes/${programmeId}/candidates?pageSize=100&eligible=yes` })).json();
    const no = (await manager.request({ method: 'GET', url: `/api/programmes/${programmeId}/candidates?pageSize=100&eligible=no` })).json();
    expect(yes.total + no.total).toBe(all.total);
    expect(yes.items.every((item: { eligible: boolean }) => item.eligible)).toBe(true);
    expect(no.items.every((item: { eligible: boolean }) => !item.eligible)).toBe(true);
    const eligibleIds = all.items.filter((item: { eligible: boolean }) => item.eligible).map((item: { cooperativeId: string }) => item.cooperativeId).sort();
    expect(yes.items.map((item: { cooperativeId: string }) => item.cooperativeId).sort()).toEqual(eligibleIds);

    const pageOne = (await manager.request({ method: 'GET', url: `/api/programmes/${programmeId}/candidates?pageSize=2&regionCode=${region}` })).json();
    expect(pageOne.items).toHaveLength(2);
    expect(pageOne.total).toBeGreaterThanOrEqual(4);
  });

  it('refuses the whole batch when one ineligible cooperative has no justification, naming it', async () => {
    const response = await manager.request({
      method: 'POST',
      url: `/api/programmes/${programmeId}/enrolments`,
      payload: { cooperativeIds: [young[0], old], status: 'enrolled' },
    });
    expect(response.statusCode).toBe(422);
    const [issue] = response.json().error.issues;
    expect(issue).toMatchObject({ path: ['cooperativeIds', 1], key: 'not_eligible_needs_justification', params: { cooperativeId: old } });
    expect(issue.params.name).toMatch(/Coopérative Essai/);
    const written = await database().db.selectFrom('enrolments').select('id').where('programmeId', '=', programmeId).execute();
    expect(written).toEqual([]);

    const tooShort = await manager.request({
      method: 'POST',
      url: `/api/programmes/${programmeId}/enrolments`,
      payload: { cooperativeIds: [old], status: 'enrolled', overrideJustification: 'trop court' },
    });
    expect(tooShort.statusCode).toBe(422);
    expect(tooShort.json().error.issues[0].path).toEqual(['overrideJustification']);
  });

  it('enrols an ineligible cooperative with a justification kept on the enrolment and in the audit log', async () => {
    const response = await manager.request({
      method: 'POST',
      url: `/api/programmes/${programmeId}/enrolments`,
      payload: { cooperativeIds: [young[0], old], status: 'enrolled', overrideJustification: justification },
    });
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({ created: 2, updated: 0, unchanged: 0 });
    const overridden = result.enrolments.find((enrolment: { cooperativeId: string }) => enrolment.cooperativeId === old);
    expect(overridden).toMatchObject({ status: 'enrolled', eligible: false, overrideJustification: justification, enrolledAt: today });
    const regular = result.enrolments.find((enrolment: { cooperativeId: string }) => enrolment.cooperativeId === young[0]);
    expect(regular).toMatchObject({ eligible: true, overrideJustification: null });

    const audit = await admin.request({ method: 'GET', url: `/api/audit/enrolment/${overridden.id}` });
    expect(audit.json()[0].context).toMatchObject({ programmeId, overrideJustification: justification, eligible: false });
  });

  it('adds candidates, enrols them later, and leaves the enrolled unchanged', async () => {
    const added = await manager.request({ method: 'POST', url: `/api/programmes/${programmeId}/enrolments`, payload: { cooperativeIds: [young[1], young[0]], status: 'candidate' } });
    expect(added.json()).toMatchObject({ created: 1, unchanged: 1 });
    const enrolled = await manager.request({ method: 'POST', url: `/api/programmes/${programmeId}/enrolments`, payload: { cooperativeIds: [young[1]], status: 'enrolled' } });
    expect(enrolled.json()).toMatchObject({ updated: 1 });
    expect(enrolled.json().enrolments[0]).toMatchObject({ status: 'enrolled', enrolledAt: today, candidateAt: today });
    const candidates = (await manager.request({ method: 'GET', url: `/api/programmes/${programmeId}/candidates?enrolmentStatus=enrolled&pageSize=100` })).json();
    expect(candidates.items.map((item: { cooperativeId: string }) => item.cooperativeId).sort()).toEqual([young[0], young[1], old].sort());
  });

  it('withdraws with a reason, completes, assigns a consultant, each with its date', async () => {
    const list = (await manager.request({ method: 'GET', url: `/api/programmes/${programmeId}/enrolments` })).json();
    const target = list.find((enrolment: { cooperativeId: string }) => enrolment.cooperativeId === young[1]);
    expect(target.baselineDiagnostic).toBeNull();

    const noReason = await manager.request({ method: 'PATCH', url: `/api/enrolments/${target.id}`, payload: { status: 'withdrawn' } });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.issues[0]).toMatchObject({ path: ['withdrawalReason'], key: 'withdrawal_reason_required' });

    const withdrawn = await manager.request({ method: 'PATCH', url: `/api/enrolments/${target.id}`, payload: { status: 'withdrawn', withdrawalReason: 'Dissolution de la coopérative' } });
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', withdrawnAt: today, withdrawalReason: 'Dissolution de la coopérative' });
    const completeWithdrawn = await manager.request({ method: 'PATCH', url: `/api/enrolments/${target.id}`, payload: { status: 'completed' } });
    expect(completeWithdrawn.statusCode).toBe(422);

    const other = list.find((enrolment: { cooperativeId: string }) => enrolment.cooperativeId === young[0]);
    const assigned = await manager.request({ method: 'PATCH', url: `/api/enrolments/${other.id}`, payload: { consultantId } });
    expect(assigned.json()).toMatchObject({ consultantId, consultantName: expect.stringContaining('Test') });
    const stranger = await createTestUser(database().db);
    const refused = await manager.request({ method: 'PATCH', url: `/api/enrolments/${other.id}`, payload: { consultantId: stranger.id } });
    expect(refused.statusCode).toBe(422);
    const completed = await manager.request({ method: 'PATCH', url: `/api/enrolments/${other.id}`, payload: { status: 'completed' } });
    expect(completed.json()).toMatchObject({ status: 'completed', completedAt: today });
  });

  it('lists each enrolment’s baseline and the midline and endline started after it', async () => {
    const cooperative = await createTestCooperative(database().db, { creationDate: addMonths(today, -3), provinceCode: '11.537', sector: 'fisheries', membersTotal: 9 });
    const [enrolment] = (await manager.request({ method: 'POST', url: `/api/programmes/${programmeId}/enrolments`, payload: { cooperativeIds: [cooperative.id], status: 'enrolled' } })).json().enrolments;
    const baseline = await manager.request({ method: 'POST', url: `/api/enrolments/${enrolment.id}/diagnostics`, payload: { kind: 'baseline' } });
    const endline = await manager.request({ method: 'POST', url: `/api/enrolments/${enrolment.id}/diagnostics`, payload: { kind: 'endline' } });
    expect([baseline.statusCode, endline.statusCode]).toEqual([201, 201]);
    const listed = (await manager.request({ method: 'GET', url: `/api/programmes/${programmeId}/enrolments` }))
      .json()
      .find((item: { id: string }) => item.id === enrolment.id);
    expect(listed.baselineDiagnostic).toMatchObject({ id: baseline.json().id, status: 'draft' });
    expect(listed.followUpDiagnostics).toEqual([{ id: endline.json().id, kind: 'endline', status: 'draft', overallScore: null, maturityLevel: null }]);
  });

  it('keeps the cooperative’s name key, province and sector on its enrolments when the registry changes', async () => {
    const db = database().db;
    const cooperative = await createTestCooperative(db, { creationDate: addMonths(today, -2), provinceCode: '11.537', sector: 'fisheries', membersTotal: 8 });
    await manager.request({ method: 'POST', url: `/api/programmes/${programmeId}/enrolments`, payload: { cooperativeIds: [cooperative.id], status: 'candidate' } });
    const copied = () => db.selectFrom('enrolments').select(['provinceCode', 'sector', 'cooperativeNameKey']).where('cooperativeId', '=', cooperative.id).executeTakeFirstOrThrow();
    const { nameKey } = await db.selectFrom('cooperatives').select('nameKey').where('id', '=', cooperative.id).executeTakeFirstOrThrow();
    expect(await copied()).toEqual({ provinceCode: '11.537', sector: 'fisheries', cooperativeNameKey: nameKey });
    await db.updateTable('cooperatives').set({ provinceCode: '11.121', regionCode: '11', sector: 'agrifood' }).where('id', '=', cooperative.id).execute();
    expect(await copied()).toMatchObject({ provinceCode: '11.121', sector: 'agrifood' });
  });

  it('lists a cooperative’s programmes and flags several active ones', async () => {
    await manager.request({ method: 'POST', url: `/api/programmes/${programmeId}/enrolments`, payload: { cooperativeIds: [elsewhere], status: 'enrolled' } });
    const response = await manager.request({ method: 'GET', url: `/api/cooperatives/${elsewhere}/programmes` });
    expect(response.statusCode).toBe(200);
    expect(response.json().items).toHaveLength(2);
    expect(response.json().hasSeveralActiveProgrammes).toBe(true);
    const single = await manager.request({ method: 'GET', url: `/api/cooperatives/${young[2]}/programmes` });
    expect(single.json()).toEqual({ items: [], hasSeveralActiveProgrammes: false });
    expect(uniqueSuffix()).toHaveLength(8);
  });
});
