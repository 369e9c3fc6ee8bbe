import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type DatabaseKind } from '../../src/server/db/database.js';
import { migrateToLatest } from '../../src/server/db/migrate.js';

/**
 * Database tiers run on PGlite always, and on PostgreSQL too when
 * TEST_DATABASE_URL names a server. Each test file gets its own database,
 * cloned from a migrated template so that files can run in parallel.
 */
export const testDatabaseUrl = process.env.TEST_DATABASE_URL;
export const templateDatabaseName = 'taawon_test_template';

export function databaseKinds(): DatabaseKind[] {
  return testDatabaseUrl ? ['pglite', 'postgresql'] : ['pglite'];
}

let pgliteTemplate: Promise<Blob> | undefined;

async function migratedPgliteDump(): Promise<Blob> {
  const handle = await openDatabase({});
  await migrateToLatest(handle.db);
  const dump = await handle.pglite!.dumpDataDir('none');
  await handle.close();
  return dump;
}

function databaseUrlFor(name: string): string {
  const url = new URL(testDatabaseUrl!);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createTestDatabase(kind: DatabaseKind): Promise<DatabaseHandle> {
  if (kind === 'pglite') {
    pgliteTemplate ??= migratedPgliteDump();
    return openDatabase({ loadDataDir: await pgliteTemplate });
  }
  const name = `taawon_test_${randomUUID().replace(/-/g, '')}`;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name} template ${templateDatabaseName}`);
  } finally {
    await admin.end();
  }
  const handle = await openDatabase({ url: databaseUrlFor(name), poolSize: 5 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await dropDatabase(name);
    },
  };
}

/**
 * Drops a test database once its pool has let go of it. Not `with (force)`:
 * killing a connection that is still closing makes the pg client throw from
 * its socket, outside any test.
 */
async function dropDatabase(name: string): Promise<void> {
  const cleaner = new pg.Client({ connectionString: testDatabaseUrl });
  await cleaner.connect();
  try {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await cleaner.query(`drop database if exists ${name}`);
        return;
      } catch (error) {
        // 55006: still in use by a connection that is closing.
        if ((error as { code?: string }).code !== '55006' || attempt >= 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } finally {
    await cleaner.end();
  }
}

/** Creates the migrated template on the PostgreSQL server (vitest global set-up). */
export async function prepareServerTemplate(): Promise<void> {
  if (!testDatabaseUrl) return;
  const admin = new pg.Client({ connectionString: testDatabaseUrl });
  await admin.connect();
  try {
    const stale = await admin.query(`select datname from pg_database where datname like 'taawon_test_%'`);
    for (const row of stale.rows as Array<{ datname: string }>) {
      await admin.query(`drop database if exists ${row.datname} with (force)`);
    }
    await admin.query(`create database ${templateDatabaseName}`);
  } finally {
    await admin.end();
  }
  const handle = await openDatabase({ url: databaseUrlFor(templateDatabaseName), poolSize: 1 });
  await migrateToLatest(handle.db);
  await handle.close();
}

/** Runs a suite once per database kind, with a fresh database for the suite. */
export function describeEachDatabase(name: string, suite: (database: () => DatabaseHandle, kind: DatabaseKind) => void) {
  for (const kind of databaseKinds()) {
    describe(`${name} [${kind}]`, () => {
      let handle: DatabaseHandle | undefined;
      beforeAll(async () => {
        handle = await createTestDatabase(kind);
      });
      afterAll(async () => {
        await handle?.close();
      });
      suite(() => {
        if (!handle) throw new Error('database not ready');
        return handle;
      }, kind);
    });
  }
}
