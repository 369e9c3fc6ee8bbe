import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../src/server/http/types.js';
import { describeEachDatabase } from './support/database.js';
import { createTestUser, testPassword } from './support/factories.js';
import { buildTestApp, signIn } from './support/http.js';

describeEachDatabase('accounts and sessions', (database) => {
  let app: App;

  beforeAll(async () => {
    app = await buildTestApp(database(), { SIGN_IN_RATE_LIMIT: '5' });
  });

  afterAll(async () => {
    await app.close();
  });

  it('signs in with an httpOnly session cookie and answers the session', async () => {
    const user = await createTestUser(database().db, [{ role: 'consultant' }]);
    const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: user.email.toUpperCase(), password: testPassword } });
    expect(response.statusCode).toBe(200);
    const cookie = response.cookies.find((candidate) => candidate.name === 'taawon_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const session = await app.inject({ method: 'GET', url: '/api/auth/session', cookies: { taawon_session: cookie!.value } });
    expect(session.json().user.grants[0].role).toBe('consultant');
    expect(session.json().user).not.toHaveProperty('passwordHash');
  });

  it('refuses a wrong password without saying whether the account exists', async () => {
    const user = await createTestUser(database().db);
    const wrong = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: user.email, password: 'not-the-password' }, remoteAddress: '10.0.0.2' });
    const unknown = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'ghost@test.taawon.ma', password: 'whatever' }, remoteAddress: '10.0.0.2' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().error.code).toBe('invalid_credentials');
    expect(unknown.json().error).toEqual(wrong.json().error);
  });

  it('limits sign-in attempts per address and account', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'ghost@test.taawon.ma', password: 'x' }, remoteAddress: '10.0.0.9' });
      statuses.push(response.statusCode);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('ends the session at sign-out', async () => {
    const user = await createTestUser(database().db, [{ role: 'funder' }]);
    const agent = await signIn(app, user.email, user.password);
    const token = agent.cookies.taawon_session!;
    expect((await agent.request({ method: 'POST', url: '/api/auth/sign-out' })).statusCode).toBe(204);
    const after = await app.inject({ method: 'GET', url: '/api/auth/session', cookies: { taawon_session: token } });
    expect(after.statusCode).toBe(401);
  });

  it('keeps each person’s language', async () => {
    const user = await createTestUser(database().db, [{ role: 'consultant' }]);
    const agent = await signIn(app, user.email, user.password);
    expect((await agent.request({ method: 'PUT', url: '/api/auth/preferences', payload: { locale: 'ar' } })).statusCode).toBe(204);
    const again = await signIn(app, user.email, user.password);
    const session = await again.request({ method: 'GET', url: '/api/auth/session' });
    expect(session.json().user.locale).toBe('ar');
    const bad = await agent.request({ method: 'PUT', url: '/api/auth/preferences', payload: { locale: 'de' } });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.issues[0].path).toEqual(['locale']);
  });

  it('lets an admin create a user, reset a password and deactivate, each ending old sessions', async () => {
    const db = database().db;
    const admin = await signIn(app, ...(await createTestUser(db, [{ role: 'admin' }]).then((u) => [u.email, u.password] as const)));
    const created = await admin.request({ method: 'POST', url: '/api/users', payload: { email: 'new.consultant@test.taawon.ma', displayName: 'Nouvelle consultante', password: 'Initial-password-1', locale: 'ar' } });
    expect(created.statusCode).toBe(201);
    const userId = created.json().id as string;
    const duplicate = await admin.request({ method: 'POST', url: '/api/users', payload: { email: 'New.Consultant@test.taawon.ma', displayName: 'Twice', password: 'Initial-password-1' } });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.issues[0]).toMatchObject({ path: ['email'], key: 'email_taken' });

    const newcomer = await signIn(app, 'new.consultant@test.taawon.ma', 'Initial-password-1');
    expect((await admin.request({ method: 'POST', url: `/api/users/${userId}/password`, payload: { password: 'Second-password-2' } })).statusCode).toBe(204);
    expect((await newcomer.request({ method: 'GET', url: '/api/auth/session' })).statusCode).toBe(401);
    await signIn(app, 'new.consultant@test.taawon.ma', 'Second-password-2');

    expect((await admin.request({ method: 'PATCH', url: `/api/users/${userId}`, payload: { isActive: false } })).statusCode).toBe(200);
    const refused = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'new.consultant@test.taawon.ma', password: 'Second-password-2' } });
    expect(refused.statusCode).toBe(401);

    const history = await admin.request({ method: 'GET', url: `/api/audit/user/${userId}` });
    expect(history.json().map((entry: { action: string }) => entry.action)).toEqual(['update', 'reset_password', 'create']);
    expect(JSON.stringify(history.json())).not.toContain('scrypt');
  });

  it('applies a revoked role at the next request', async () => {
    const db = database().db;
    const adminUser = await createTestUser(db, [{ role: 'admin' }]);
    const admin = await signIn(app, adminUser.email, adminUser.password);
    const managerUser = await createTestUser(db, [{ role: 'programme_manager' }]);
    const manager = await signIn(app, managerUser.email, managerUser.password);
    expect((await manager.request({ method: 'GET', url: '/api/cooperatives' })).statusCode).toBe(200);
    const grantId = (await admin.request({ method: 'GET', url: `/api/users/${managerUser.id}` })).json().grants[0].id;
    expect((await admin.request({ method: 'DELETE', url: `/api/users/${managerUser.id}/grants/${grantId}` })).statusCode).toBe(200);
    expect((await manager.request({ method: 'GET', url: '/api/cooperatives' })).statusCode).toBe(403);
  });

  it('sends security headers', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('SAMEORIGIN');
  });

  it('answers the version and the kind of database', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/health' });
    expect(response.json()).toEqual({ status: 'ok', version: expect.any(String), database: database().kind });
  });

  it('publishes the OpenAPI document and its browsable page', async () => {
    const document = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(document.json().paths['/api/cooperatives'].get.summary).toBeTruthy();
    const page = await app.inject({ method: 'GET', url: '/api/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('swagger');
  });
});
