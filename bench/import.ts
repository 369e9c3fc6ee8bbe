import { sql } from 'kysely';
import type { Principal } from '../src/core/access/roles.js';
import type { DatabaseKind } from '../src/server/db/database.js';
import { runImport } from '../src/server/registry/import.service.js';
import { copyRows } from './copy.js';
import { createBenchDatabase, type BenchDatabase } from './databases.js';
import { createBenchUser } from './users.js';

/**
 * Importing the national registry: the real import pipeline (parse, map,
 * validate, find duplicates, insert in one transaction) on the CSV file an
 * operator would upload, against COPY of the same rows. Each on an empty,
 * freshly migrated database. The database the pipeline filled is handed back
 * for the list benchmark.
 */

export interface ImportBenchResult {
  rows: number;
  fileBytes: number;
  pipelineMs: number;
  pipelineSummary: unknown;
  copyMs: number;
  /** pipeline / COPY */
  ratio: number;
  vacuumAnalyzeMs: number;
}

/** The whole import as an operator runs it: upload, suggested mapping, "all or nothing", duplicates skipped. */
async function runPipeline(database: BenchDatabase, principal: Principal, content: Buffer) {
  const state = await runImport(database.db, principal, { fileName: 'registre-national.csv', content, mode: 'all_or_nothing', duplicateAction: 'skip' });
  if (state.status !== 'completed') throw new Error(`the import ended ${state.status}: ${JSON.stringify(state.failure)}`);
  return state.summary;
}

async function countRows(database: BenchDatabase): Promise<number> {
  const result = await sql<{ count: number }>`select count(*)::int as count from cooperatives`.execute(database.db);
  return result.rows[0]?.count ?? 0;
}

export async function benchImport(
  kind: DatabaseKind,
  input: { size: number; csv: Buffer; copyChunks: readonly string[]; serverUrl: string },
  log: (line: string) => void,
): Promise<{ result: ImportBenchResult; database: BenchDatabase }> {
  // The limit first, on its own database, dropped afterwards.
  const copyDatabase = await createBenchDatabase(kind, 'taawon_bench_copy', input.serverUrl);
  let copyMs: number;
  try {
    const start = performance.now();
    await copyRows(copyDatabase, input.copyChunks);
    copyMs = performance.now() - start;
    const copied = await countRows(copyDatabase);
    if (copied !== input.size) throw new Error(`COPY loaded ${copied} rows instead of ${input.size}`);
  } finally {
    await copyDatabase.close();
  }
  log(`  COPY of ${input.size} rows: ${(copyMs / 1000).toFixed(2)} s`);

  const database = await createBenchDatabase(kind, 'taawon_bench', input.serverUrl);
  try {
    // The operator's account exists before the import; creating it is not timed.
    const manager = await createBenchUser(database.db, 'programme_manager');
    const start = performance.now();
    const pipelineSummary = await runPipeline(database, manager.principal, input.csv);
    const pipelineMs = performance.now() - start;
    log(`  import pipeline: ${(pipelineMs / 1000).toFixed(2)} s  ${JSON.stringify(pipelineSummary)}  (${(pipelineMs / copyMs).toFixed(2)}× COPY)`);
    const imported = await countRows(database);
    if (imported !== input.size) throw new Error(`the import left ${imported} cooperatives instead of ${input.size}`);
    // What autovacuum would do after a bulk load on a server (and what PGlite never does on its own).
    const vacuumStart = performance.now();
    await sql`vacuum analyze cooperatives`.execute(database.db);
    const vacuumAnalyzeMs = performance.now() - vacuumStart;
    return {
      result: {
        rows: input.size,
        fileBytes: input.csv.length,
        pipelineMs,
        pipelineSummary,
        copyMs,
        ratio: pipelineMs / copyMs,
        vacuumAnalyzeMs,
      },
      database,
    };
  } catch (error) {
    await database.close();
    throw error;
  }
}
