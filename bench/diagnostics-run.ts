import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { DatabaseKind } from '../src/server/db/database.js';
import { copyRows } from './copy.js';
import { toCopyCsv } from './csv.js';
import { createBenchDatabase, defaultServerUrl, probeServer } from './databases.js';
import { benchDiagnostics } from './diagnostics.js';
import { diagnosticsMarkdown, type DiagnosticsDatabaseResult } from './diagnostics-report.js';
import { generateRegistry } from './generate.js';

/**
 * The diagnostics benchmark on its own (`npm run bench` runs it too, after
 * the registry): the national registry is loaded with COPY (its import is
 * measured by the registry bench), then a programme of 5,000 enrolled
 * cooperatives with validated baselines is created and measured.
 *
 *   npx tsx bench/diagnostics-run.ts
 *
 * Options as for `npm run bench` (BENCH_SIZE, BENCH_DATABASES, BENCH_DURATION,
 * BENCH_WARMUP, BENCH_CONNECTIONS, BENCH_DATABASE_URL, BENCH_SEED), and
 * BENCH_PROGRAMME_SIZE, the cooperatives enrolled (5000).
 */

const env = process.env;
const number = (name: string, fallback: number) => (env[name] ? Number(env[name]!.replace(/_/g, '')) : fallback);
const options = {
  size: number('BENCH_SIZE', 100_000),
  programmeSize: number('BENCH_PROGRAMME_SIZE', 5_000),
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
  log(`Taawon diagnostics bench — ${availableParallelism()} CPUs (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node.js ${process.version}, load ${loadavg()[0]?.toFixed(2)}`);
  log(`${options.size} cooperatives in the registry, ${options.programmeSize} in the programme, ${options.connections} connections, ${options.warmupS} s warm-up + ${options.durationS} s per measurement`);
  const copyChunks = toCopyCsv(generateRegistry({ size: options.size, seed: options.seed }));
  const results: DiagnosticsDatabaseResult[] = [];
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
    const database = await createBenchDatabase(kind, 'taawon_bench', options.serverUrl);
    try {
      await copyRows(database, copyChunks);
      await sql`vacuum analyze cooperatives`.execute(database.db);
      const diagnostics = await benchDiagnostics(
        database,
        {
          cooperatives: options.programmeSize,
          seed: options.seed,
          connections: options.connections,
          warmupMs: options.warmupS * 1000,
          durationMs: options.durationS * 1000,
          unloadedMs: Math.min(3, options.durationS) * 1000,
        },
        log,
      );
      results.push({ kind, version, diagnostics });
    } finally {
      await database.close();
    }
  }
  const all = { startedAt, finishedAt: new Date().toISOString(), command: 'npx tsx bench/diagnostics-run.ts', options, loadAverageAtStart: loadavg(), databases: results };
  mkdirSync('.bench', { recursive: true });
  const stamp = startedAt.replace(/[:.]/g, '-');
  writeFileSync(join('.bench', `diagnostics-${stamp}.json`), `${JSON.stringify(all, null, 2)}\n`);
  const table = diagnosticsMarkdown(results);
  writeFileSync(join('.bench', 'diagnostics-latest.md'), table);
  log(`\n${table}`);
  log(`Results: .bench/diagnostics-${stamp}.json, .bench/diagnostics-latest.md`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
