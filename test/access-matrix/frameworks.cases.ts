import { defaultFrameworkDefinition, defaultFrameworkNames } from '../../src/core/diagnostics/default-framework.js';
import { adminOnly, signedIn, type Case, type Expected, type Fixture } from './support.js';

/** The operator's staff and the funders list the versions; representatives read one through their diagnostic. */
const staffAndFunders = (status: number): Expected => ({ ...signedIn(status), representative: 403, otherRepresentative: 403 });

/** A fresh version nobody uses, so that an admin's edit or copy answers as on a real framework. */
async function makeFramework(fixture: Fixture): Promise<string> {
  const row = await fixture.db
    .insertInto('diagnosticFrameworks')
    .values({ family: `matrix-${crypto.randomUUID().slice(0, 8)}`, version: 1, nameFr: 'Grille de la matrice', definition: JSON.stringify(defaultFrameworkDefinition) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function currentDefault(fixture: Fixture): Promise<string> {
  return (await fixture.db.selectFrom('diagnosticFrameworks').select('id').where('isDefault', '=', true).executeTakeFirstOrThrow()).id;
}

/** Diagnostic frameworks. */
export const frameworksCases: Case[] = [
  { method: 'GET', route: '/api/frameworks', expected: staffAndFunders(200), request: async () => ({ url: '/api/frameworks' }) },
  {
    method: 'GET',
    route: '/api/frameworks/{frameworkId}',
    expected: signedIn(200),
    request: async (fixture) => ({ url: `/api/frameworks/${await currentDefault(fixture)}` }),
  },
  {
    method: 'POST',
    route: '/api/frameworks/{frameworkId}/copy',
    expected: adminOnly(201),
    request: async (fixture) => ({ url: `/api/frameworks/${await makeFramework(fixture)}/copy` }),
  },
  {
    method: 'PUT',
    route: '/api/frameworks/{frameworkId}',
    expected: adminOnly(200),
    request: async (fixture) => ({
      url: `/api/frameworks/${await makeFramework(fixture)}`,
      payload: { ...defaultFrameworkNames, nameFr: 'Grille modifiée', definition: defaultFrameworkDefinition },
    }),
  },
  {
    method: 'POST',
    route: '/api/frameworks/{frameworkId}/default',
    expected: adminOnly(200),
    // The current default again: the answer is the same and the other cases keep their default framework.
    request: async (fixture) => ({ url: `/api/frameworks/${await currentDefault(fixture)}/default` }),
  },
];
