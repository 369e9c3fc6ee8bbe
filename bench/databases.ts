import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type DatabaseHandle, type DatabaseKind } from '../src/server/db/database.js';
import { migrateToLatest } from '../src/server/db/migrate.js';

/**
 * Fresh, migrated databases for a bench step: a PGlite data folder in a
 * temporary directory (the embedded default keeps its data in a folder too),
 * or a dedicated database on the PostgreSQL server, dropped afterwards.
 */

export const defaultServerUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase extends DatabaseHandle {
  /** For PostgreSQL, the connection string of this database (COPY opens its own connection). */
  url?: string;
}

function urlFor(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withAdmin<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** The server's version, or why it cannot be reached. */
export async function probeServer(serverUrl: string): Promise<{ ok: true; version: string } | { ok: false; reason: string }> {
  try {
    const version = await withAdmin(serverUrl, async (client) => (await client.query<{ server_version: string }>('show server_version')).rows[0]?.server_version ?? '?');
    return { ok: true, version };
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}

export async function createBenchDatabase(kind: DatabaseKind, name: string, serverUrl = defaultServerUrl): Promise<BenchDatabase> {
  if (kind === 'pglite') {
    const folder = mkdtempSync(join(tmpdir(), `${name}-`));
    const handle = await openDatabase({ dataDir: folder });
    await migrateToLatest(handle.db);
    return {
      ...handle,
      close: async () => {
        await handle.close();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  }
  await withAdmin(serverUrl, async (client) => {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  });
  const url = urlFor(serverUrl, name);
  const handle = await openDatabase({ url });
  await migrateToLatest(handle.db);
  return {
    ...handle,
    url,
    close: async () => {
      await handle.close();
      // The pool's connections may still be saying goodbye: a plain DROP waits
      // for them (up to 5 s), where WITH (FORCE) would kill them mid-goodbye and
      // the pool would report it as an error.
      await withAdmin(serverUrl, async (client) => {
        try {
          await client.query(`drop database if exists ${name}`);
        } catch {
          await client.query(`drop database if exists ${name} with (force)`);
        }
      });
    },
  };
}
