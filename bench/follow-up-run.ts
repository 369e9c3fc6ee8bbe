import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { DatabaseKind } from '../src/server/db/database.js';
import { copyRows } from './copy.js';
import { toCopyCsv } from './csv.js';
import { createBenchDatabase, defaultServerUrl, probeServer } from './databases.js';
import { benchFollowUp } from './follow-up.js';
import { followUpMarkdown, type FollowUpDatabaseResult } from './follow-up-report.js';
import { generateRegistry } from './generate.js';

/**
 * The follow-up benchmark on its own (`npm run bench` runs it too, after the
 * registry and the diagnostics): the national registry is loaded with COPY,
 * then a programme of 5,000 cooperatives followed for two years is generated
 * and the due lists and the indicators are measured.
 *
 *   npx tsx bench/follow-up-run.ts
 *
 * Options as for `npm run bench` (BENCH_SIZE, BENCH_DATABASES, BENCH_DURATION,
 * BENCH_WARMUP, BENCH_CONNECTIONS, BENCH_DATABASE_URL), and
 * BENCH_PROGRAMME_SIZE (5000), BENCH_CONSULTANTS (20), BENCH_ROUNDS (30).
 */

const env = process.env;
const number = (name: string, fallback: number) => (env[name] ? Number(env[name]!.replace(/_/g, '')) : fallback);
const options = {
  size: number('BENCH_SIZE', 100_000),
  programmeSize: number('BENCH_PROGRAMME_SIZE', 5_000),
  consultants: number('BENCH_CONSULTANTS', 20),
  rounds: number('BENCH_ROUNDS', 30),
  databases: (env.BENCH_DATABASES ?? 'pglite,postgresql').split(',').map((name) => name.trim()) as DatabaseKind[],
  durationS: number('BENCH_DURATION', 10),
  warmupS: number('BENCH_WARMUP', 2),
  connections: number('BENCH_CONNECTIONS', 32),
  serverUrl: env.BENCH_DATABASE_URL ?? defaultServerUrl,
  seed: number('BENCH_SEED', 20_261_122),
};
const pgliteVersion = (JSON.parse(readFileSync(new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8')) as { version: string }).version;
const log = (line: string) => console.log(line);

async function main() {
  const startedAt = new Date().toISOString();
  log(`Taawon follow-up bench — ${availableParallelism()} CPUs (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node.js ${process.version}, load ${loadavg()[0]?.toFixed(2)}`);
  log(`${options.size} cooperatives in the registry, ${options.programmeSize} in the programme, ${options.connections} connections, ${options.warmupS} s warm-up + ${options.durationS} s per measurement`);
  const copyChunks = toCopyCsv(generateRegistry({ size: options.size, seed: options.seed }));
  const results: FollowUpDatabaseResult[] = [];
  for (const kind of options.databases) {
    let version = `(PGlite ${pgliteVersion})`;
    if (kind === 'postgresql') {
      const probe = await probeServer(options.serverUrl);
      if (!probe.ok) {
        log(`\nPostgreSQL skipped: ${options.serverUrl} cannot be reached (${probe.reason}).`);
        results.push({ kind, version: '?', skipped: `unreachable (${probe.reason})` });
        continue;
      }
      version = probe.version;
    }
    log(`\n${kind} ${version}`);
    const database = await createBenchDatabase(kind, 'taawon_bench_follow_up', options.serverUrl);
    try {
      await copyRows(database, copyChunks);
      await sql`vacuum analyze cooperatives`.execute(database.db);
      const followUp = await benchFollowUp(
        database,
        {
          cooperatives: options.programmeSize,
          consultants: options.consultants,
          rounds: options.rounds,
          connections: options.connections,
          warmupMs: options.warmupS * 1000,
          durationMs: options.durationS * 1000,
          unloadedMs: Math.min(3, options.durationS) * 1000,
        },
        log,
      );
      results.push({ kind, version, followUp });
    } finally {
      await database.close();
    }
  }
  const all = { startedAt, finishedAt: new Date().toISOString(), command: 'npx tsx bench/follow-up-run.ts', options, loadAverageAtStart: loadavg(), databases: results };
  mkdirSync('.bench', { recursive: true });
  const stamp = startedAt.replace(/[:.]/g, '-');
  writeFileSync(join('.bench', `follow-up-${stamp}.json`), `${JSON.stringify(all, null, 2)}\n`);
  const table = followUpMarkdown(results);
  writeFileSync(join('.bench', 'follow-up-latest.md'), table);
  log(`\n${table}`);
  log(`Results: .bench/follow-up-${stamp}.json, .bench/follow-up-latest.md`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
