import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { DatabaseKind } from '../src/server/db/database.js';
import { copyRows } from './copy.js';
import { toCopyCsv } from './csv.js';
import { createBenchDatabase, defaultServerUrl, probeServer, type BenchDatabase } from './databases.js';
import { generateRegistry } from './generate.js';
import type { Options } from './run.js';

/**
 * What the benchmarks run on their own (bench/<name>-run.ts) share: options
 * from the environment, the machine they ran on, the registry loaded on each
 * database, and the results written to .bench/.
 */

/** A number from BENCH_… in the environment (`100_000` allowed), or the fallback. */
export function envNumber(name: string, fallback: number): number {
  const value = process.env[name];
  return value ? Number(value.replace(/_/g, '')) : fallback;
}

/** Options as for `npm run bench`, and BENCH_PROGRAMME_SIZE, the cooperatives of the programme measured (5000). */
export interface DatabaseRunOptions extends Options {
  programmeSize: number;
}

export function readDatabaseRunOptions(): DatabaseRunOptions {
  return {
    size: envNumber('BENCH_SIZE', 100_000),
    programmeSize: envNumber('BENCH_PROGRAMME_SIZE', 5_000),
    databases: (process.env.BENCH_DATABASES ?? 'pglite,postgresql').split(',').map((name) => name.trim()) as DatabaseKind[],
    durationS: envNumber('BENCH_DURATION', 10),
    warmupS: envNumber('BENCH_WARMUP', 2),
    connections: envNumber('BENCH_CONNECTIONS', 32),
    serverUrl: process.env.BENCH_DATABASE_URL ?? defaultServerUrl,
    seed: envNumber('BENCH_SEED', 20_261_122),
  };
}

/** The HTTP load of a measurement, in milliseconds. */
export function loadOptions(options: DatabaseRunOptions) {
  return {
    connections: options.connections,
    warmupMs: options.warmupS * 1000,
    durationMs: options.durationS * 1000,
    unloadedMs: Math.min(3, options.durationS) * 1000,
  };
}

/** `Taawon <title> bench — 8 CPUs (…), 15.6 GiB, Node.js v20…, load 0.42`. */
export function benchHeader(title: string): string {
  return `Taawon ${title} bench — ${availableParallelism()} CPUs (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} GiB, Node.js ${process.version}, load ${loadavg()[0]?.toFixed(2)}`;
}

/** Writes `.bench/<name>-<time>.json` and `.bench/<name>-latest.<extension>`; returns their paths. */
export function writeBenchResults(name: string, startedAt: string, all: unknown, latest: { extension: 'json' | 'md'; text: string }): { run: string; latest: string } {
  mkdirSync('.bench', { recursive: true });
  const run = join('.bench', `${name}-${startedAt.replace(/[:.]/g, '-')}.json`);
  const latestPath = join('.bench', `${name}-latest.${latest.extension}`);
  writeFileSync(run, `${JSON.stringify(all, null, 2)}\n`);
  writeFileSync(latestPath, latest.text);
  return { run, latest: latestPath };
}

/** Runs a benchmark's main function and exits with its outcome (open pools would keep Node alive). */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

type DatabaseResult<Measured> = { kind: DatabaseKind; version: string; skipped?: string } & Partial<Measured>;

export interface DatabaseBench<Options extends DatabaseRunOptions, Measured> {
  /** `diagnostics`: the title, the file names in .bench/ and bench/<name>-run.ts. */
  name: string;
  /** The database created (and dropped) for the run on a PostgreSQL server. */
  databaseName: string;
  options: Options;
  /** Measures a database holding the registry; the result is keyed by its section (`{ diagnostics }`). */
  measure: (database: BenchDatabase, log: (line: string) => void) => Promise<Measured>;
  markdown: (results: ReadonlyArray<DatabaseResult<Measured>>) => string;
}

const pgliteVersion = (JSON.parse(readFileSync(new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8')) as { version: string }).version;

/**
 * On each database (PostgreSQL skipped when its server cannot be reached):
 * loads the generated registry with COPY, measures, and writes the results
 * and their table to .bench/.
 */
export async function runDatabaseBench<Options extends DatabaseRunOptions, Measured>(bench: DatabaseBench<Options, Measured>): Promise<void> {
  const { options } = bench;
  const log = (line: string) => console.log(line);
  const startedAt = new Date().toISOString();
  log(benchHeader(bench.name));
  log(`${options.size} cooperatives in the registry, ${options.programmeSize} in the programme, ${options.connections} connections, ${options.warmupS} s warm-up + ${options.durationS} s per measurement`);
  const copyChunks = toCopyCsv(generateRegistry({ size: options.size, seed: options.seed }));
  const results: Array<DatabaseResult<Measured>> = [];
  for (const kind of options.databases) {
    let version = `(PGlite ${pgliteVersion})`;
    if (kind === 'postgresql') {
      const probe = await probeServer(options.serverUrl);
      if (!probe.ok) {
        log(`\nPostgreSQL skipped: ${options.serverUrl} cannot be reached (${probe.reason}).`);
        results.push({ kind, version: '?', skipped: `unreachable (${probe.reason})` } as DatabaseResult<Measured>);
        continue;
      }
      version = probe.version;
    }
    log(`\n${kind} ${version}`);
    const database = await createBenchDatabase(kind, bench.databaseName, options.serverUrl);
    try {
      await copyRows(database, copyChunks);
      await sql`vacuum analyze cooperatives`.execute(database.db);
      results.push({ kind, version, ...(await bench.measure(database, log)) });
    } finally {
      await database.close();
    }
  }
  const all = { startedAt, finishedAt: new Date().toISOString(), command: `npx tsx bench/${bench.name}-run.ts`, options, loadAverageAtStart: loadavg(), databases: results };
  const table = bench.markdown(results);
  const files = writeBenchResults(bench.name, startedAt, all, { extension: 'md', text: table });
  log(`\n${table}`);
  log(`Results: ${files.run}, ${files.latest}`);
}
