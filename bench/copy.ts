import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { BenchDatabase } from './databases.js';
import { copyStatement } from './csv.js';

/**
 * The limit of an import: PostgreSQL's own bulk load of the finished rows
 * (derived columns included), into the same table with the same indexes.
 * PostgreSQL: COPY … FROM STDIN over one connection (pg-copy-streams).
 * PGlite: COPY … FROM '/dev/blob', the file handed to the query as a Blob.
 */
export async function copyRows(database: BenchDatabase, chunks: readonly string[]): Promise<void> {
  if (database.kind === 'pglite') {
    if (!database.pglite) throw new Error('PGlite handle without its database');
    await database.pglite.query(copyStatement(`'/dev/blob'`), [], { blob: new Blob([...chunks]) });
    return;
  }
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await pipeline(Readable.from(chunks), client.query(copyFrom(copyStatement('stdin'))));
  } finally {
    await client.end();
  }
}
