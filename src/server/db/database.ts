import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import type { Database } from './schema.js';

export type DatabaseKind = 'pglite' | 'postgresql';
export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  kind: DatabaseKind;
  /** The embedded database itself, when there is one (used by tests to clone a migrated template). */
  pglite?: PGlite;
  close(): Promise<void>;
}

const toIsoTimestamp = (value: string) => new Date(value.includes('T') || value.includes('+') ? value : `${value}Z`).toISOString();

/** The same JavaScript values from both engines: numbers for numerics, strings for dates. */
const valueParsers: Record<number, (value: string) => unknown> = {
  20: Number, // int8
  1700: Number, // numeric
  1082: (value) => value, // date stays YYYY-MM-DD
  1114: toIsoTimestamp, // timestamp
  1184: toIsoTimestamp, // timestamptz
};

export interface OpenDatabaseOptions {
  /** A PostgreSQL connection string; without it, the embedded PGlite database is used. */
  url?: string;
  /** PGlite's data folder; `memory://` or undefined keeps everything in memory. */
  dataDir?: string;
  /** A PGlite data dump to start from (a migrated template, in tests). */
  loadDataDir?: Blob | File;
  poolSize?: number;
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  const plugins = [new CamelCasePlugin({ underscoreBeforeDigits: true })];
  if (options.url) {
    const pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          const parser = valueParsers[oid];
          return parser ?? pg.types.getTypeParser(oid, format ?? 'text');
        }) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection dropped by the server (restart, failover) must not crash the process; the pool reconnects.
    pool.on('error', (error) => console.error('PostgreSQL connection lost:', error.message));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins });
    return { db, kind: 'postgresql', close: () => db.destroy() };
  }
  const parsers = Object.fromEntries(Object.entries(valueParsers).map(([oid, parse]) => [Number(oid), parse]));
  const pglite = await PGlite.create({
    ...(options.dataDir && options.dataDir !== 'memory://' ? { dataDir: options.dataDir } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    extensions: { pg_trgm },
    parsers,
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite), plugins });
  return {
    db,
    kind: 'pglite',
    pglite,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}
