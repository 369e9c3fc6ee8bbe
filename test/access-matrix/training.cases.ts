import { defaultCatalogue } from '../../src/core/training/default-catalogue.js';
import { adminOnly, signedIn, type Case, type Expected, type Fixture } from './support.js';

/** The operator's staff and funders read the catalogue; representatives do not. */
const catalogueReaders = (status: number): Expected => ({ ...signedIn(status), representative: 403, otherRepresentative: 403 });

const sample = defaultCatalogue[0]!.definition;

function freshCode(): string {
  return `MX-${crypto.randomUUID().slice(0, 8).toUpperCase()}`;
}

/** A fresh module, so that each request answers as on a real one. */
async function makeModule(fixture: Fixture, archived = false): Promise<string> {
  const row = await fixture.db
    .insertInto('trainingModules')
    .values({ code: freshCode(), definition: JSON.stringify(sample), ...(archived ? { archivedAt: new Date().toISOString() } : {}) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Training catalogue. */
export const trainingCases: Case[] = [
  { method: 'GET', route: '/api/training/modules', expected: catalogueReaders(200), request: async () => ({ url: '/api/training/modules?domain=finance' }) },
  {
    method: 'GET',
    route: '/api/training/modules/{moduleId}',
    expected: catalogueReaders(200),
    request: async (fixture) => ({ url: `/api/training/modules/${await makeModule(fixture)}` }),
  },
  {
    method: 'POST',
    route: '/api/training/modules',
    // The matrix's manager holds one programme only: writing the catalogue takes a global grant.
    expected: adminOnly(201),
    request: async () => ({ url: '/api/training/modules', payload: { code: freshCode(), definition: sample } }),
  },
  {
    method: 'PUT',
    route: '/api/training/modules/{moduleId}',
    expected: adminOnly(200),
    request: async (fixture) => ({ url: `/api/training/modules/${await makeModule(fixture)}?version=1`, payload: { definition: sample } }),
  },
  {
    method: 'POST',
    route: '/api/training/modules/{moduleId}/archive',
    expected: adminOnly(200),
    request: async (fixture) => ({ url: `/api/training/modules/${await makeModule(fixture)}/archive` }),
  },
  {
    method: 'POST',
    route: '/api/training/modules/{moduleId}/restore',
    expected: adminOnly(200),
    request: async (fixture) => ({ url: `/api/training/modules/${await makeModule(fixture, true)}/restore` }),
  },
];
