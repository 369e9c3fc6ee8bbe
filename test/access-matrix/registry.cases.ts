import { cooperativeDraft, createTestCooperative, uniqueSuffix } from '../support/factories.js';
import { adminOnly, cooperativeReaders, everyone, importOwner, memberEditors, registryWriters, signedIn, type Case } from './support.js';

const importMapping = { Nom: 'nameFr', Province: 'provinceCode', Secteur: 'sector' };

export function importUpload() {
  const boundary = `----matrix${uniqueSuffix()}`;
  const csv = `Nom;Province;Secteur\r\nCoopérative Matrice ${uniqueSuffix()};Tarfaya;Pêche\r\n`;
  const payload = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="matrice.csv"\r\nContent-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
  );
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const memberPayload = { fullName: 'Hassan Ait Ali', role: 'member', sex: 'male', ageGroup: 'under_35', phone: '0612345678' };

/** Foundation and registry: health, sign-in, users, grants, audit, territories, cooperatives, members, imports, exports. */
export const registryCases: Case[] = [
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

