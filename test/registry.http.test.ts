import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../src/server/http/types.js';
import { describeEachDatabase } from './support/database.js';
import { cooperativeDraft, createTestCooperative, createTestUser } from './support/factories.js';
import { buildTestApp, signIn, type Agent } from './support/http.js';

describeEachDatabase('registry over HTTP', (database) => {
  let app: App;
  let manager: Agent;
  let funder: Agent;
  let admin: Agent;

  beforeAll(async () => {
    app = await buildTestApp(database());
    const db = database().db;
    const [managerUser, funderUser, adminUser] = await Promise.all([
      createTestUser(db, [{ role: 'programme_manager' }]),
      createTestUser(db, [{ role: 'funder' }]),
      createTestUser(db, [{ role: 'admin' }]),
    ]);
    manager = await signIn(app, managerUser.email, managerUser.password);
    funder = await signIn(app, funderUser.email, funderUser.password);
    admin = await signIn(app, adminUser.email, adminUser.password);
  });

  afterAll(async () => {
    await app.close();
  });

  it('creates a cooperative, derives its region and records who did it', async () => {
    const response = await manager.request({ method: 'POST', url: '/api/cooperatives', payload: cooperativeDraft({ provinceCode: '09.581' }) });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created.regionCode).toBe('09');
    const history = await admin.request({ method: 'GET', url: `/api/audit/cooperative/${created.id}` });
    expect(history.statusCode).toBe(200);
    expect(history.json()[0]).toMatchObject({ action: 'create', after: { provinceCode: '09.581' } });
  });

  it('names each wrong field, in the requester’s language', async () => {
    const payload = cooperativeDraft({ membersTotal: 3, membersWomen: 9, membersYoung: 2, presidentPhone: '123' });
    const french = await manager.request({ method: 'POST', url: '/api/cooperatives', payload });
    expect(french.statusCode).toBe(422);
    expect(french.json().error.code).toBe('validation');
    expect(french.json().error.message).toBe('Certains champs sont à corriger.');
    expect(french.json().error.issues.map((issue: { path: string[] }) => issue.path.join('.')).sort()).toEqual(['membersWomen', 'presidentPhone']);
    const arabicUser = await createTestUser(database().db, [{ role: 'programme_manager' }], { locale: 'ar' });
    const arabicManager = await signIn(app, arabicUser.email, arabicUser.password);
    const arabic = await arabicManager.request({ method: 'POST', url: '/api/cooperatives', payload });
    expect(arabic.json().error.message).toBe('بعض الحقول تحتاج إلى تصحيح.');
    const anonymous = await app.inject({ method: 'GET', url: '/api/cooperatives', headers: { 'accept-language': 'ar-MA,ar;q=0.9' } });
    expect(anonymous.json().error.message).toBe('يرجى تسجيل الدخول.');
  });

  it('refuses a second cooperative with the same registration number or name in the province', async () => {
    const first = cooperativeDraft();
    expect((await manager.request({ method: 'POST', url: '/api/cooperatives', payload: first })).statusCode).toBe(201);
    const sameNumber = await manager.request({ method: 'POST', url: '/api/cooperatives', payload: cooperativeDraft({ registrationNumber: first.registrationNumber }) });
    expect(sameNumber.statusCode).toBe(409);
    expect(sameNumber.json().error.issues[0]).toMatchObject({ path: ['registrationNumber'], key: 'registration_number_taken' });
    const sameName = await manager.request({
      method: 'POST',
      url: '/api/cooperatives',
      payload: cooperativeDraft({ nameFr: first.nameFr!.toUpperCase().replace('É', 'E'), registrationNumber: null }),
    });
    expect(sameName.statusCode).toBe(409);
    expect(sameName.json().error.issues[0].key).toBe('duplicate_name_in_province');
  });

  it('finds a cooperative by either name, whatever the case and accents', async () => {
    const cooperative = await createTestCooperative(database().db, { nameFr: 'Coopérative Tïslït Argan', nameAr: 'تعاونية تيسليت للأركان', provinceCode: '09.581' });
    for (const q of ['tislit', 'TISLÏT argan', 'تيسليت', 'للاركان']) {
      const response = await manager.request({ method: 'GET', url: `/api/cooperatives?q=${encodeURIComponent(q)}` });
      expect(response.statusCode).toBe(200);
      expect(response.json().items.map((item: { id: string }) => item.id)).toContain(cooperative.id);
    }
  });

  it('filters, sorts and pages on the server', async () => {
    const db = database().db;
    for (let index = 0; index < 5; index += 1) {
      await createTestCooperative(db, { provinceCode: '09.551', sector: 'argan', creationDate: `202${index}-01-10`, membersTotal: 10 + index });
    }
    const page = await manager.request({ method: 'GET', url: '/api/cooperatives?provinceCode=09.551&sort=membersTotal&order=desc&pageSize=2&page=2' });
    const body = page.json();
    expect(body.total).toBe(5);
    expect(body.items.map((item: { membersTotal: number }) => item.membersTotal)).toEqual([12, 11]);
    const byYear = await manager.request({ method: 'GET', url: '/api/cooperatives?provinceCode=09.551&creationYear=2023' });
    expect(byYear.json().total).toBe(1);
  });

  it('never sends personal data to a funder', async () => {
    const cooperative = await createTestCooperative(database().db, { presidentName: 'Aicha Bennani', presidentPhone: '0612345678', phone: '0528123456' });
    const forManager = (await manager.request({ method: 'GET', url: `/api/cooperatives/${cooperative.id}` })).json();
    expect(forManager.presidentPhone).toBe('0612345678');
    const response = await funder.request({ method: 'GET', url: `/api/cooperatives/${cooperative.id}` });
    expect(response.statusCode).toBe(200);
    const body = response.body;
    expect(body).not.toContain('0612345678');
    expect(body).not.toContain('Aicha');
    expect(body).not.toContain('0528123456');
    expect(response.json().nameFr).toBe(cooperative.nameFr);
  });

  it('archives instead of deleting, and the list hides archived records', async () => {
    const cooperative = await createTestCooperative(database().db, { provinceCode: '12.066' });
    const archived = await manager.request({ method: 'POST', url: `/api/cooperatives/${cooperative.id}/archive` });
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archivedAt).not.toBeNull();
    const current = await manager.request({ method: 'GET', url: '/api/cooperatives?provinceCode=12.066' });
    expect(current.json().total).toBe(0);
    const archivedList = await manager.request({ method: 'GET', url: '/api/cooperatives?provinceCode=12.066&status=archived' });
    expect(archivedList.json().total).toBe(1);
  });

  it('refuses an edit made on a stale copy', async () => {
    const cooperative = await createTestCooperative(database().db);
    const draft = cooperativeDraft({ registrationNumber: cooperative.registrationNumber, nameFr: 'Renamed' });
    const first = await manager.request({ method: 'PUT', url: `/api/cooperatives/${cooperative.id}?version=1`, payload: draft });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(2);
    const stale = await manager.request({ method: 'PUT', url: `/api/cooperatives/${cooperative.id}?version=1`, payload: draft });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses a write without the CSRF token', async () => {
    const response = await manager.request({ method: 'POST', url: '/api/cooperatives', payload: cooperativeDraft(), headers: { 'x-csrf-token': 'forged' } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf');
  });
});
