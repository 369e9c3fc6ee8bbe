import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import pg from 'pg';
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
} from 'kysely';
import { cooperativeListQuerySchema } from '../src/core/registry/cooperative.schema.js';
import { buildApp } from '../src/server/app.js';
import { readConfig } from '../src/server/config.js';
import type { Database } from '../src/server/db/schema.js';
import type { App } from '../src/server/http/types.js';
import { listCooperatives } from '../src/server/registry/cooperative.repository.js';
import type { BenchDatabase } from './databases.js';
import type { LoadOptions, LoadResult } from './load-generator.js';
import { createBenchUser } from './users.js';

/**
 * The registry list, `GET /api/cooperatives`, over real HTTP on 127.0.0.1,
 * signed in as a programme manager, against its limit measured in the same
 * run: a bare route on a minimal Fastify instance that runs exactly the SQL
 * the list runs (captured from `listCooperatives` itself), with no session,
 * no validation and no response schema.
 */

export interface ListScenario {
  name: string;
  query: string;
}

export const listScenarios: readonly ListScenario[] = [
  { name: 'region + search, page 2', query: 'regionCode=09&q=argan&page=2&pageSize=25' },
  { name: 'province + sector', query: 'provinceCode=09.541&sector=agriculture&page=1&pageSize=25' },
  { name: 'first page by name', query: 'page=1&pageSize=25' },
  { name: 'national name search', query: 'q=tifawin&page=1&pageSize=25' },
];

export interface LatencyStats {
  requests: number;
  throughput: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  non200: number;
  /** CPU milliseconds per request: the server process (with PGlite in it) and the PostgreSQL backends. */
  cpuPerRequest: { server: number; postgres: number };
}

export interface ListScenarioResult {
  scenario: string;
  query: string;
  total: number;
  app: LatencyStats;
  bare: LatencyStats;
  /** One connection at a time: the time to serve a request when nothing waits in line. */
  unloaded: { app: LatencyStats; bare: LatencyStats };
  /** The machine's 1-minute load average before and after: anything else running shows here. */
  machineLoad: { before: number; after: number };
  /** EXPLAIN ANALYZE of each statement the list runs (today: items, then count), in milliseconds. */
  sql: Array<{ statement: string; executionMs: number; plan: string }>;
}

export interface ListBenchOptions {
  connections: number;
  warmupMs: number;
  durationMs: number;
  /** Duration of the one-connection measurements. */
  unloadedMs: number;
}

// ---- The SQL the list runs -------------------------------------------------

/**
 * A driver that records what it is asked to run and answers with one row
 * holding `total: 0`: a list whose shape depends on what a first statement
 * returns is recorded along its small-result path.
 */
class RecordingDriver implements Driver {
  readonly queries: CompiledQuery[] = [];

  async init(): Promise<void> {}

  async acquireConnection(): Promise<DatabaseConnection> {
    const queries = this.queries;
    return {
      async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
        queries.push(query);
        return { rows: [{ total: 0 } as R] };
      },
      // eslint-disable-next-line require-yield
      async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
        throw new Error('not recorded');
      },
    };
  }

  async beginTransaction(): Promise<void> {}
  async commitTransaction(): Promise<void> {}
  async rollbackTransaction(): Promise<void> {}
  async releaseConnection(): Promise<void> {}
  async destroy(): Promise<void> {}
}

/** The compiled statements `listCooperatives` sends for a query string, with the same plugins as the app's database. */
export async function listStatements(database: BenchDatabase, queryString: string): Promise<CompiledQuery[]> {
  const driver = new RecordingDriver();
  const dialect: Dialect = {
    createAdapter: () => new PostgresAdapter(),
    createDriver: () => driver,
    createIntrospector: (db) => new PostgresIntrospector(db),
    createQueryCompiler: () => new PostgresQueryCompiler(),
  };
  const recorder = new Kysely<Database>({ dialect, plugins: [...database.db.getExecutor().plugins] });
  const query = cooperativeListQuerySchema.parse(Object.fromEntries(new URLSearchParams(queryString)));
  await listCooperatives(recorder, { kind: 'all' }, query);
  await recorder.destroy();
  return driver.queries;
}

// ---- Load ------------------------------------------------------------------

/** The load generator: one child process (see load-generator.ts), kept for the whole list benchmark. */
export class LoadGenerator {
  readonly #child: ChildProcess = fork(fileURLToPath(new URL('./load-generator.ts', import.meta.url)), { execArgv: process.execArgv, stdio: 'inherit' });

  run(options: LoadOptions): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`the load generator stopped (${code})`));
      this.#child.once('exit', onExit);
      this.#child.once('message', (result) => {
        this.#child.off('exit', onExit);
        resolve(result as LoadResult);
      });
      this.#child.send(options);
    });
  }

  async close(): Promise<void> {
    if (this.#child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.#child.once('exit', resolve));
    this.#child.kill();
    await exited;
  }
}

/**
 * CPU time spent serving: the server process (Node.js, and PGlite inside it)
 * and, on PostgreSQL, the backends connected to the bench database, read
 * from /proc. Unlike latency, it hardly moves when other work shares the
 * machine, so it is the steadier measure of what a request costs.
 */
export class CpuMeter {
  static readonly #tick = 10; // ms per clock tick (CLK_TCK = 100 on Linux)
  readonly #admin: pg.Client | undefined;

  private constructor(admin: pg.Client | undefined) {
    this.#admin = admin;
  }

  static async open(database: BenchDatabase): Promise<CpuMeter> {
    if (database.kind !== 'postgresql' || !database.url || !existsSync('/proc/self/stat')) return new CpuMeter(undefined);
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    return new CpuMeter(admin);
  }

  /** Milliseconds of CPU so far: this process, and each PostgreSQL backend of the bench database. */
  async sample(): Promise<{ node: number; backends: Map<number, number> }> {
    const usage = process.cpuUsage();
    const backends = new Map<number, number>();
    if (this.#admin) {
      const { rows } = await this.#admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
      for (const { pid } of rows) {
        try {
          const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
          backends.set(pid, (Number(fields[11]) + Number(fields[12])) * CpuMeter.#tick);
        } catch {
          // The backend ended in between.
        }
      }
    }
    return { node: (usage.user + usage.system) / 1000, backends };
  }

  static spent(before: { node: number; backends: Map<number, number> }, after: { node: number; backends: Map<number, number> }) {
    let postgres = 0;
    for (const [pid, ms] of after.backends) postgres += ms - (before.backends.get(pid) ?? ms);
    return { node: after.node - before.node, postgres };
  }

  async close(): Promise<void> {
    await this.#admin?.end();
  }
}

interface Target {
  url: string;
  headers: Record<string, string>;
}

/**
 * Measures two routes against each other under the same conditions: both
 * warmed up, then measured in alternating slices of about two seconds, so
 * that whatever else the machine does weighs on both alike.
 */
export async function measurePair(
  load: LoadGenerator,
  cpu: CpuMeter,
  targets: readonly [Target, Target],
  connections: number,
  warmupMs: number,
  durationMs: number,
): Promise<[Measured, Measured]> {
  for (const target of targets) await load.run({ ...target, connections, warmupMs, durationMs: 0 });
  const rounds = Math.max(1, Math.round(durationMs / 2_000));
  const merged: [Measured, Measured] = [emptyResult(), emptyResult()];
  for (let round = 0; round < rounds; round += 1) {
    for (const [index, target] of targets.entries()) {
      const before = await cpu.sample();
      const result = await load.run({ ...target, connections, warmupMs: 200, durationMs: durationMs / rounds });
      const spent = CpuMeter.spent(before, await cpu.sample());
      const into = merged[index] as Measured;
      into.cpuNodeMs += spent.node;
      into.cpuPostgresMs += spent.postgres;
      into.completed += result.completed;
      into.latencies.push(...result.latencies);
      into.errors += result.errors;
      into.bytes += result.bytes;
      into.windowMs += result.windowMs;
      for (const [status, count] of Object.entries(result.statuses)) into.statuses[status] = (into.statuses[status] ?? 0) + count;
    }
  }
  return merged;
}

/**
 * The app's route against its bare limit: under load (connections), then one
 * request at a time, with the machine's load before and after.
 */
export async function measureAgainstBare(
  load: LoadGenerator,
  cpu: CpuMeter,
  app: { url: string; cookie: string },
  bareUrl: string,
  options: { connections: number; warmupMs: number; durationMs: number; unloadedMs: number },
) {
  const loadBefore = loadavg()[0] ?? 0;
  const targets = [
    { url: app.url, headers: { cookie: app.cookie } },
    { url: bareUrl, headers: {} },
  ] as const;
  const [appLoad, bareLoad] = await measurePair(load, cpu, targets, options.connections, options.warmupMs, options.durationMs);
  const [appSingle, bareSingle] = await measurePair(load, cpu, targets, 1, 500, options.unloadedMs);
  return {
    app: statsOf(appLoad),
    bare: statsOf(bareLoad),
    unloaded: { app: statsOf(appSingle), bare: statsOf(bareSingle) },
    machineLoad: { before: loadBefore, after: loadavg()[0] ?? 0 },
  };
}

export interface Measured extends LoadResult {
  cpuNodeMs: number;
  cpuPostgresMs: number;
}

function emptyResult(): Measured {
  return { latencies: [], statuses: {}, errors: 0, bytes: 0, windowMs: 0, completed: 0, cpuNodeMs: 0, cpuPostgresMs: 0 };
}

function percentile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? Number.NaN;
}

export function statsOf(result: Measured): LatencyStats {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    requests: sorted.length,
    throughput: Math.round((sorted.length / result.windowMs) * 1000),
    p50: round(percentile(sorted, 0.5)),
    p90: round(percentile(sorted, 0.9)),
    p99: round(percentile(sorted, 0.99)),
    max: round(sorted[sorted.length - 1] ?? Number.NaN),
    errors: result.errors,
    non200: Object.entries(result.statuses).reduce((sum, [status, count]) => (status === '200' ? sum : sum + count), 0),
    cpuPerRequest: {
      server: Math.round((result.cpuNodeMs / result.completed) * 1000) / 1000,
      postgres: Math.round((result.cpuPostgresMs / result.completed) * 1000) / 1000,
    },
  };
}

// ---- Servers ---------------------------------------------------------------

export async function listen(app: FastifyInstance | App): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

async function bareServer(database: BenchDatabase, statements: ReadonlyMap<string, CompiledQuery[]>): Promise<FastifyInstance> {
  const bare = Fastify({ logger: false });
  bare.get<{ Params: { scenario: string } }>('/bare/:scenario', async (request, reply) => {
    const compiled = statements.get(request.params.scenario);
    if (!compiled) return reply.status(404).send();
    // The statements run side by side, as listCooperatives runs them; the rows go out as they come.
    const results = await Promise.all(compiled.map((statement) => database.db.executeQuery(statement)));
    return reply.type('application/json').send(JSON.stringify({ statements: results.map((result) => result.rows) }));
  });
  return bare;
}

export async function explain(database: BenchDatabase, statement: CompiledQuery): Promise<{ executionMs: number; plan: string }> {
  const result = await database.db.executeQuery<{ 'QUERY PLAN': unknown }>(
    CompiledQuery.raw(`explain (analyze, format json) ${statement.sql}`, [...statement.parameters]),
  );
  const cell = result.rows[0]?.['QUERY PLAN'];
  const [document] = (typeof cell === 'string' ? JSON.parse(cell) : cell) as Array<{ 'Execution Time': number; Plan: PlanNode }>;
  return { executionMs: Math.round((document?.['Execution Time'] ?? Number.NaN) * 100) / 100, plan: document ? describePlan(document.Plan) : '?' };
}

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** "Limit > Index Scan (cooperatives_name_key_idx)": the plan's spine, for the report. */
function describePlan(node: PlanNode): string {
  const here = node['Index Name'] ? `${node['Node Type']} (${node['Index Name']})` : node['Node Type'];
  const children = (node.Plans ?? []).map(describePlan);
  if (children.length === 0) return here;
  return children.length === 1 ? `${here} > ${children[0]}` : `${here} > [${children.join(' | ')}]`;
}

export const cpuText = (stats: LatencyStats) => `${(stats.cpuPerRequest.server + stats.cpuPerRequest.postgres).toFixed(2)} ms (${stats.cpuPerRequest.server.toFixed(2)} + ${stats.cpuPerRequest.postgres.toFixed(2)})`;

/** The whole app on a free port, and the session cookie of a new bench user with this role: what the measured routes are called with. */
export async function serveSignedIn(database: BenchDatabase, role: Parameters<typeof createBenchUser>[1]) {
  const user = await createBenchUser(database.db, role);
  const config = { ...readConfig({ WEB_DIR: '/nonexistent', LOG_LEVEL: 'error' }), host: '127.0.0.1', port: 0 };
  const app = await buildApp({ database, config, logger: false });
  const appUrl = await listen(app);
  const signIn = await fetch(`${appUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  });
  if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((header) => header.split(';')[0])
    .join('; ');
  return { app, appUrl, cookie };
}

export async function benchList(database: BenchDatabase, options: ListBenchOptions, log: (line: string) => void): Promise<ListScenarioResult[]> {
  const { app, appUrl, cookie } = await serveSignedIn(database, 'programme_manager');
  const statements = new Map<string, CompiledQuery[]>();
  for (const [index, scenario] of listScenarios.entries()) statements.set(String(index), await listStatements(database, scenario.query));
  const bare = await bareServer(database, statements);
  const bareUrl = await listen(bare);

  const results: ListScenarioResult[] = [];
  const load = new LoadGenerator();
  const cpu = await CpuMeter.open(database);
  try {
    for (const [index, scenario] of listScenarios.entries()) {
      const appTarget = `${appUrl}/api/cooperatives?${scenario.query}`;
      const bareTarget = `${bareUrl}/bare/${index}`;
      // Both answer the same thing before anything is timed.
      const fromApp = (await (await fetch(appTarget, { headers: { cookie } })).json()) as { total: number; totalIsCapped?: boolean; items: Array<{ id: string }> };
      const fromBare = (await (await fetch(bareTarget)).json()) as { statements: Array<Array<{ id?: string | null; total?: unknown }>> };
      const bareIds = (fromBare.statements[0] ?? []).flatMap((row) => (row.id ? [row.id] : []));
      const bareTotal = fromBare.statements.map((rows) => rows[0]?.total).find((total) => total !== undefined);
      // A total the list reports as capped ("more than …") may differ from the raw count it was read from.
      const sameTotal = fromApp.total === Number(bareTotal) || fromApp.totalIsCapped === true;
      if (!sameTotal || fromApp.items.map((item) => item.id).join() !== bareIds.join()) {
        throw new Error(`the bare route does not answer like the list for ${scenario.query}`);
      }
      const { app: appStats, bare: bareStats, unloaded, machineLoad } = await measureAgainstBare(load, cpu, { url: appTarget, cookie }, bareTarget, options);
      const compiled = statements.get(String(index)) ?? [];
      const sql = [];
      for (const [position, statement] of compiled.entries()) {
        const name = compiled.length === 1 ? 'page and total' : position === 0 ? 'items' : 'count';
        sql.push({ statement: name, ...(await explain(database, statement)) });
      }
      results.push({ scenario: scenario.name, query: scenario.query, total: fromApp.total, app: appStats, bare: bareStats, unloaded, sql, machineLoad });
      log(
        `  list ${scenario.name.padEnd(24)} total ${String(fromApp.total).padStart(6)}  app p50 ${appStats.p50} p99 ${appStats.p99} ms ${appStats.throughput} req/s` +
          ` | bare p50 ${bareStats.p50} p99 ${bareStats.p99} ms ${bareStats.throughput} req/s` +
          ` | CPU/request app ${cpuText(appStats)} bare ${cpuText(bareStats)}` +
          ` | 1 connection: app p50 ${unloaded.app.p50} bare p50 ${unloaded.bare.p50} ms | load ${machineLoad.before.toFixed(1)}→${machineLoad.after.toFixed(1)}` +
          ` | sql ${sql.map((entry) => `${entry.statement} ${entry.executionMs} ms`).join(', ')}`,
      );
    }
  } finally {
    await load.close();
    await cpu.close();
    await app.close();
    await bare.close();
  }
  return results;
}
