import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import type { DatabaseKind } from '../src/server/db/database.js';
import { toCopyCsv, toImportCsv } from './csv.js';
import { defaultServerUrl, probeServer } from './databases.js';
import { generateRegistry, summarizeRegistry, type RegistrySummary } from './generate.js';
import { benchImport, type ImportBenchResult } from './import.js';
import { benchList, type ListScenarioResult } from './list.js';
import { benchDiagnostics, type DiagnosticsBenchResult } from './diagnostics.js';
import { diagnosticsMarkdown } from './diagnostics-report.js';
import { benchFollowUp, type FollowUpBenchResult } from './follow-up.js';
import { followUpMarkdown } from './follow-up-report.js';
import { benchPlanning } from './planning.js';
import { markdown, seconds } from './report.js';

/**
 * `npm run bench`: generates the national registry, then on each database
 * measures the import against COPY and the registry list against a bare
 * route, the diagnostics (also alone: bench/diagnostics-run.ts) and the
 * follow-up lists and indicators over two years of follow-ups (also alone:
 * bench/follow-up-run.ts), then the training planner (also alone: bench/planning-run.ts), and
 * writes the figures to .bench/.
 *
 * Options (environment, or --name=value arguments):
 *   BENCH_SIZE         cooperatives to generate (100000)
 *   BENCH_DATABASES    pglite,postgresql
 *   BENCH_DURATION     seconds measured per list scenario and route (10)
 *   BENCH_WARMUP       seconds of warm-up before each measurement (2)
 *   BENCH_CONNECTIONS  concurrent HTTP connections (32)
 *   BENCH_DATABASE_URL PostgreSQL server to create the bench databases on
 *                      (postgres://postgres@127.0.0.1:5432/postgres)
 *   BENCH_SEED         generator seed (20261122)
 */

export interface Options {
  size: number;
  databases: DatabaseKind[];
  durationS: number;
  warmupS: number;
  connections: number;
  serverUrl: string;
  seed: number;
}

function readOptions(argv: readonly string[], env: NodeJS.ProcessEnv): Options {
  const args = new Map(
    argv
      .filter((arg) => arg.startsWith('--'))
      .map((arg) => {
        const [key = '', ...value] = arg.slice(2).split('=');
        return [key.toLowerCase(), value.join('=')] as const;
      }),
  );
  const read = (name: string) => args.get(name) ?? env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
  const number = (name: string, fallback: number) => {
    const value = read(name);
    if (value === undefined || value === '') return fallback;
    const parsed = Number(value.replace(/_/g, ''));
    if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`BENCH_${name.toUpperCase()} must be a positive number, not ${value}`);
    return parsed;
  };
  const databases = (read('databases') ?? 'pglite,postgresql')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  for (const name of databases) if (name !== 'pglite' && name !== 'postgresql') throw new Error(`unknown database ${name}: pglite or postgresql`);
  return {
    size: Math.round(number('size', 100_000)),
    databases: databases as DatabaseKind[],
    durationS: number('duration', 10),
    warmupS: number('warmup', 2),
    connections: Math.round(number('connections', 32)),
    serverUrl: read('database-url') ?? defaultServerUrl,
    seed: Math.round(number('seed', 20_261_122)),
  };
}

export interface DatabaseResult {
  kind: DatabaseKind;
  version: string;
  skipped?: string;
  import?: ImportBenchResult;
  list?: ListScenarioResult[];
  diagnostics?: DiagnosticsBenchResult;
  followUp?: FollowUpBenchResult;
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  command: string;
  machine: { loadAverageAtStart: number[]; cpus: number; cpuModel: string; memoryGiB: number; node: string; kernel: string };
  options: Options;
  registry: RegistrySummary & { generationMs: number; csvBytes: number };
  databases: DatabaseResult[];
}

const pgliteVersion = (JSON.parse(readFileSync(new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url), 'utf8')) as { version: string }).version;


const log = (line: string) => console.log(line);

function commandLine(options: Options): string {
  const env: string[] = [];
  if (options.size !== 100_000) env.push(`BENCH_SIZE=${options.size}`);
  if (options.databases.join(',') !== 'pglite,postgresql') env.push(`BENCH_DATABASES=${options.databases.join(',')}`);
  if (options.durationS !== 10) env.push(`BENCH_DURATION=${options.durationS}`);
  if (options.warmupS !== 2) env.push(`BENCH_WARMUP=${options.warmupS}`);
  if (options.connections !== 32) env.push(`BENCH_CONNECTIONS=${options.connections}`);
  return [...env, 'npm run bench'].join(' ');
}

async function main() {
  const options = readOptions(process.argv.slice(2), process.env);
  const startedAt = new Date().toISOString();
  const machine = {
    loadAverageAtStart: loadavg().map((value) => Math.round(value * 100) / 100),
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? '?',
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    kernel: release(),
  };
  log(`Taawon bench — ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node.js ${machine.node}`);
  const [load1] = loadavg();
  if ((load1 ?? 0) > machine.cpus * 0.5) {
    log(`Warning: the machine is busy (load average ${load1?.toFixed(1)} on ${machine.cpus} CPUs): absolute figures will be noisy; the ratios, measured in alternating slices, less so.`);
  }
  log(`${options.size} cooperatives, databases ${options.databases.join(', ')}, ${options.connections} connections, ${options.warmupS} s warm-up + ${options.durationS} s per measurement`);

  const generationStart = performance.now();
  const rows = generateRegistry({ size: options.size, seed: options.seed });
  const generationMs = performance.now() - generationStart;
  const csv = toImportCsv(rows);
  const copyChunks = toCopyCsv(rows);
  mkdirSync('.bench', { recursive: true });
  const csvPath = join('.bench', `registre-national-${options.size}.csv`);
  writeFileSync(csvPath, csv);
  const registry = { ...summarizeRegistry(rows), generationMs: Math.round(generationMs), csvBytes: csv.length };
  log(`Generated in ${seconds(generationMs)}; the file to import is ${csvPath} (${(csv.length / 2 ** 20).toFixed(1)} MiB)`);

  const results: DatabaseResult[] = [];
  for (const kind of options.databases) {
    let version = `(PGlite ${pgliteVersion})`;
    if (kind === 'postgresql') {
      const probe = await probeServer(options.serverUrl);
      if (!probe.ok) {
        log(`\nPostgreSQL skipped: ${options.serverUrl} cannot be reached (${probe.reason}). Set BENCH_DATABASE_URL, or BENCH_DATABASES=pglite.`);
        results.push({ kind, version: '?', skipped: `unreachable (${probe.reason})` });
        continue;
      }
      version = probe.version;
    }
    log(`\n${kind} ${version}`);
    const { result, database } = await benchImport(kind, { size: options.size, csv, copyChunks, serverUrl: options.serverUrl }, log);
    try {
      const list = await benchList(database, { connections: options.connections, warmupMs: options.warmupS * 1000, durationMs: options.durationS * 1000, unloadedMs: Math.min(3, options.durationS) * 1000 }, log);
      // A programme of 5,000 of these cooperatives with validated baselines: scoring and the needs heat map (bench/diagnostics.ts).
      const diagnostics = await benchDiagnostics(
        database,
        { cooperatives: Math.min(5_000, options.size), seed: options.seed, connections: options.connections, warmupMs: options.warmupS * 1000, durationMs: options.durationS * 1000, unloadedMs: Math.min(3, options.durationS) * 1000 },
        log,
      );
      // A programme of 5,000 of them followed for two years: the due and overdue lists and the indicators (bench/follow-up.ts).
      const followUp = await benchFollowUp(
        database,
        { cooperatives: Math.min(5_000, options.size), consultants: 20, rounds: 30, connections: options.connections, warmupMs: options.warmupS * 1000, durationMs: options.durationS * 1000, unloadedMs: Math.min(3, options.durationS) * 1000 },
        log,
      );
      results.push({ kind, version, import: result, list, diagnostics, followUp });
    } finally {
      await database.close();
    }
  }

  // The training planner on a programme of 5,000 cooperatives, and its gap to the exact optimum (pure code, no database).
  log('\nTraining plan generation');
  const planning = await benchPlanning({ cooperatives: Math.min(5_000, options.size), seed: options.seed, rounds: 7 }, log);
  writeFileSync(join('.bench', 'planning-latest.json'), `${JSON.stringify({ startedAt, node: process.version, options, result: planning }, null, 2)}\n`);

  const all: BenchResults = { startedAt, finishedAt: new Date().toISOString(), command: commandLine(options), machine, options, registry, databases: results };
  const stamp = startedAt.replace(/[:.]/g, '-');
  writeFileSync(join('.bench', `results-${stamp}.json`), `${JSON.stringify(all, null, 2)}\n`);
  writeFileSync(join('.bench', 'latest.json'), `${JSON.stringify(all, null, 2)}\n`);
  const table = `${markdown(all)}\n${diagnosticsMarkdown(results)}\n${followUpMarkdown(results)}`;
  writeFileSync(join('.bench', 'latest.md'), table);
  log(`\n${table}`);
  log(`Results: .bench/results-${stamp}.json, .bench/latest.json, .bench/latest.md`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
