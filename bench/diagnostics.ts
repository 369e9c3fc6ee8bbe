import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql, type CompiledQuery } from 'kysely';
import type { AnswerValue, DiagnosticScores, ScoringAnswer } from '../src/core/diagnostics/diagnostic.schema.js';
import type { FrameworkDefinition, Question } from '../src/core/diagnostics/framework.schema.js';
import { heatmapQuerySchema, type Heatmap } from '../src/core/diagnostics/needs.schema.js';
import { scoreDiagnostic } from '../src/core/diagnostics/scoring.js';
import { ensureDefaultFramework } from '../src/server/diagnostics/framework.repository.js';
import { heatmapStatement } from '../src/server/reports/needs.repository.js';
import type { BenchDatabase } from './databases.js';
import { CpuMeter, cpuText, explain, listen, LoadGenerator, measureAgainstBare, serveSignedIn, type LatencyStats } from './list.js';
import { Random } from './random.js';

/**
 * A programme of 5,000 enrolled cooperatives, each with a validated baseline
 * diagnostic on the default framework, and two measures against their limits
 * in the same run:
 *
 * (a) scoring every diagnostic with `scoreDiagnostic`, against a loop that
 *     only reads each answer once (the least any scoring must do: visit every
 *     question of the framework and look its answer up);
 * (b) the needs heat map, `GET /api/programmes/{id}/needs/heatmap`, over real
 *     HTTP and signed in, against a bare route that runs exactly the heat
 *     map's SQL (`heatmapStatement`, compiled with the same plugins), with no
 *     session, access check, framework lookup, validation or response schema.
 */

export interface DiagnosticsBenchOptions {
  cooperatives: number;
  seed: number;
  connections: number;
  warmupMs: number;
  durationMs: number;
  unloadedMs: number;
}

export interface ScoringResult {
  diagnostics: number;
  questions: number;
  answers: number;
  /** Median of the rounds, milliseconds for all the diagnostics. */
  scoringMs: number;
  floorMs: number;
  ratio: number;
  rounds: number;
}

export interface HeatmapScenarioResult {
  scenario: string;
  query: string;
  total: number;
  app: LatencyStats;
  bare: LatencyStats;
  unloaded: { app: LatencyStats; bare: LatencyStats };
  machineLoad: { before: number; after: number };
  sql: { executionMs: number; plan: string };
}

export interface DiagnosticsBenchResult {
  cooperatives: number;
  framework: { domains: number; questions: number };
  scoring: ScoringResult;
  /** Inserting the enrolments, diagnostics (with scores) and answers, then VACUUM ANALYZE. */
  loadMs: number;
  answerRows: number;
  heatmap: HeatmapScenarioResult[];
}

export const heatmapScenarios = [
  { name: 'first page by name', query: 'page=1&pageSize=50' },
  { name: 'weakest in finance first', query: 'sort=finance&direction=asc&page=1&pageSize=50' },
  { name: 'need in marketing, one sector, by overall', query: 'needIn=marketing&sector=agriculture&sort=overall&direction=desc&page=1&pageSize=50' },
] as const;

// ---- Answers -------------------------------------------------------------------

const clamp01 = (value: number) => Math.min(1, Math.max(0, value));

function answerFor(question: Question, level: number, random: Random): AnswerValue | null {
  switch (question.type) {
    case 'maturity':
      return 1 + Math.round(3 * level);
    case 'yes_no': {
      const good = random.chance(level);
      return (question.yesIsGood ?? true) ? good : !good;
    }
    case 'number': {
      const scale = question.numberScale!;
      return Math.round(scale.worst + (scale.best - scale.worst) * level);
    }
    case 'single_choice': {
      const options = question.options ?? [];
      let best = options[0];
      for (const option of options) if (Math.abs(option.score - level) < Math.abs((best?.score ?? 0) - level)) best = option;
      return best?.value ?? null;
    }
    case 'multiple_choice':
      return (question.options ?? []).filter((option) => random.chance(clamp01(level + 0.2 - option.score / 2))).map((option) => option.value);
    case 'text':
      return random.chance(0.3) ? 'Observation du consultant lors de la visite.' : null;
  }
}

/**
 * A cooperative's answers: a capacity drawn per cooperative (most are young
 * and weak, a few are well run), a per-domain offset (a cooperative strong in
 * production may be weak in marketing), and noise per question; a few
 * questions unanswered or not applicable, as in the field.
 */
export function generateAnswers(definition: FrameworkDefinition, random: Random): Map<string, ScoringAnswer> {
  const answers = new Map<string, ScoringAnswer>();
  const capacity = clamp01(0.42 + 0.2 * random.normal());
  for (const domain of definition.domains) {
    const domainCapacity = clamp01(capacity + 0.15 * random.normal());
    for (const question of domain.questions) {
      if (question.allowNotApplicable && random.chance(0.04)) {
        answers.set(question.key, { value: null, notApplicable: true });
        continue;
      }
      if (random.chance(0.03)) continue;
      const value = answerFor(question, clamp01(domainCapacity + 0.15 * random.normal()), random);
      if (value !== null) answers.set(question.key, { value, notApplicable: false });
    }
  }
  return answers;
}

// ---- (a) Scoring -----------------------------------------------------------------

/**
 * The floor of scoring: every question of the framework visited in order and
 * its answer looked up and read once, summed so that nothing is optimised
 * away. Any scoring must do at least this; it allocates nothing, computes no
 * domain, threshold or need, sorts nothing.
 */
export function readEveryAnswerOnce(definition: FrameworkDefinition, answers: ReadonlyMap<string, ScoringAnswer>): number {
  let sum = 0;
  for (const domain of definition.domains) {
    for (const question of domain.questions) {
      const answer = answers.get(question.key);
      if (answer === undefined || answer.notApplicable) continue;
      const value = answer.value;
      sum += typeof value === 'number' ? value : value === true ? 1 : Array.isArray(value) ? value.length : 0;
    }
  }
  return sum;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

export function benchScoring(definition: FrameworkDefinition, answerSets: ReadonlyArray<ReadonlyMap<string, ScoringAnswer>>, rounds = 9): { result: ScoringResult; scores: DiagnosticScores[] } {
  let scores: DiagnosticScores[] = [];
  let sink = 0;
  const scoring: number[] = [];
  const floor: number[] = [];
  // One warm-up round each (the JIT), then alternating rounds, the median of each kept.
  for (let round = -1; round < rounds; round += 1) {
    let start = performance.now();
    scores = answerSets.map((answers) => scoreDiagnostic(definition, answers));
    if (round >= 0) scoring.push(performance.now() - start);
    start = performance.now();
    for (const answers of answerSets) sink += readEveryAnswerOnce(definition, answers);
    if (round >= 0) floor.push(performance.now() - start);
  }
  if (Number.isNaN(sink)) throw new Error('unreachable');
  const scoringMs = median(scoring);
  const floorMs = median(floor);
  const questions = definition.domains.reduce((total, domain) => total + domain.questions.length, 0);
  const answers = answerSets.reduce((total, set) => total + set.size, 0);
  return {
    result: { diagnostics: answerSets.length, questions, answers, scoringMs: round2(scoringMs), floorMs: round2(floorMs), ratio: round2(scoringMs / floorMs), rounds },
    scores,
  };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

// ---- Loading the programme -------------------------------------------------------

async function insertJson(database: BenchDatabase, statement: (json: string) => CompiledQuery, rows: readonly object[], batch: number) {
  for (let start = 0; start < rows.length; start += batch) {
    await database.db.executeQuery(statement(JSON.stringify(rows.slice(start, start + batch))));
  }
}

/** The programme, its enrolments, the validated baselines with their scores, and every answer, in multi-row inserts. */
export async function loadProgramme(
  database: BenchDatabase,
  frameworkId: string,
  cooperativeIds: readonly string[],
  answerSets: ReadonlyArray<ReadonlyMap<string, ScoringAnswer>>,
  scores: readonly DiagnosticScores[],
): Promise<{ programmeId: string; answerRows: number }> {
  const db = database.db;
  const programme = await db
    .insertInto('programmes')
    .values({ code: 'BENCH-5000', nameFr: 'Programme national d’accompagnement (banc d’essai)', status: 'active', frameworkId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.updateTable('diagnosticFrameworks').set({ frozenAt: new Date().toISOString() }).where('id', '=', frameworkId).where('frozenAt', 'is', null).execute();
  const enrolments = cooperativeIds.map((cooperativeId) => ({ id: randomUUID(), cooperative_id: cooperativeId }));
  await insertJson(
    database,
    (json) =>
      sql`insert into enrolments (id, programme_id, cooperative_id, status, candidate_at, enrolled_at, eligible)
          select id, ${programme.id}, cooperative_id, 'enrolled', date '2026-01-05', date '2026-01-20', true
          from jsonb_to_recordset(${json}::jsonb) as r(id uuid, cooperative_id uuid)`.compile(db),
    enrolments,
    5_000,
  );
  const diagnostics = enrolments.map((enrolment, index) => ({
    id: randomUUID(),
    enrolment_id: enrolment.id,
    cooperative_id: enrolment.cooperative_id,
    scores: scores[index],
    overall_score: scores[index]?.overall ?? null,
    maturity_level: scores[index]?.maturityLevel ?? null,
  }));
  await insertJson(
    database,
    (json) =>
      sql`insert into diagnostics (id, enrolment_id, programme_id, cooperative_id, framework_id, kind, status, scores, overall_score, maturity_level, submitted_at, validated_at)
          select id, enrolment_id, ${programme.id}, cooperative_id, ${frameworkId}, 'baseline', 'validated', scores, overall_score, maturity_level, now(), now()
          from jsonb_to_recordset(${json}::jsonb) as r(id uuid, enrolment_id uuid, cooperative_id uuid, scores jsonb, overall_score numeric, maturity_level int)`.compile(db),
    diagnostics,
    1_000,
  );
  const answers = diagnostics.flatMap((diagnostic, index) =>
    [...(answerSets[index] ?? new Map<string, ScoringAnswer>())].map(([questionKey, answer]) => ({
      diagnostic_id: diagnostic.id,
      question_key: questionKey,
      value: answer.value,
      not_applicable: answer.notApplicable,
    })),
  );
  await insertJson(
    database,
    (json) =>
      sql`insert into diagnostic_answers (diagnostic_id, question_key, value, not_applicable, answered_at)
          select diagnostic_id, question_key, value, not_applicable, now()
          from jsonb_to_recordset(${json}::jsonb) as r(diagnostic_id uuid, question_key text, value jsonb, not_applicable boolean)`.compile(db),
    answers,
    20_000,
  );
  // What autovacuum would do after a bulk load on a server (PGlite never does it on its own).
  await sql`vacuum analyze enrolments`.execute(db);
  await sql`vacuum analyze diagnostics`.execute(db);
  await sql`vacuum analyze diagnostic_answers`.execute(db);
  return { programmeId: programme.id, answerRows: answers.length };
}

// ---- (b) The heat map --------------------------------------------------------------

async function bareServer(database: BenchDatabase, statements: ReadonlyMap<string, CompiledQuery>): Promise<FastifyInstance> {
  const bare = Fastify({ logger: false });
  bare.get<{ Params: { scenario: string } }>('/bare/:scenario', async (request, reply) => {
    const statement = statements.get(request.params.scenario);
    if (!statement) return reply.status(404).send();
    const result = await database.db.executeQuery(statement);
    return reply.type('application/json').send(JSON.stringify({ rows: result.rows }));
  });
  return bare;
}

export async function benchDiagnostics(database: BenchDatabase, options: DiagnosticsBenchOptions, log: (line: string) => void): Promise<DiagnosticsBenchResult> {
  const db = database.db;
  const frameworkId = await ensureDefaultFramework(db);
  const framework = await db.selectFrom('diagnosticFrameworks').select('definition').where('id', '=', frameworkId).executeTakeFirstOrThrow();
  const definition = framework.definition;
  const questionCount = definition.domains.reduce((total, domain) => total + domain.questions.length, 0);

  // 5,000 cooperatives of the registry, spread over the country (the first by a hash of their id).
  const cooperatives = await db
    .selectFrom('cooperatives')
    .select('id')
    .where('archivedAt', 'is', null)
    .orderBy(sql`md5(id::text)`)
    .limit(options.cooperatives)
    .execute();
  if (cooperatives.length < options.cooperatives) throw new Error(`the registry holds ${cooperatives.length} cooperatives, fewer than ${options.cooperatives}`);
  const random = new Random(options.seed);
  const answerSets = cooperatives.map(() => generateAnswers(definition, random));

  const { result: scoring, scores } = benchScoring(definition, answerSets);
  log(
    `  scoring ${scoring.diagnostics} diagnostics (${questionCount} questions, ${scoring.answers} answers): scoreDiagnostic ${scoring.scoringMs} ms | read each answer once ${scoring.floorMs} ms | ${scoring.ratio}×`,
  );

  const loadStart = performance.now();
  const { programmeId, answerRows } = await loadProgramme(
    database,
    frameworkId,
    cooperatives.map((row) => row.id),
    answerSets,
    scores,
  );
  const loadMs = performance.now() - loadStart;
  log(`  programme of ${cooperatives.length} enrolled cooperatives with validated baselines (${answerRows} answers) loaded in ${(loadMs / 1000).toFixed(1)} s`);

  const domainKeys = definition.domains.map((domain) => domain.key);
  const statements = new Map<string, CompiledQuery>();
  for (const [index, scenario] of heatmapScenarios.entries()) {
    const query = heatmapQuerySchema.parse(Object.fromEntries(new URLSearchParams(scenario.query)));
    statements.set(String(index), heatmapStatement(programmeId, query, domainKeys, new Map([...domainKeys].sort().map((key, position) => [key, position + 1]))).compile(db));
  }

  const { app, appUrl, cookie } = await serveSignedIn(database, 'funder');
  const bare = await bareServer(database, statements);
  const bareUrl = await listen(bare);

  const heatmap: HeatmapScenarioResult[] = [];
  const load = new LoadGenerator();
  const cpu = await CpuMeter.open(database);
  try {
    for (const [index, scenario] of heatmapScenarios.entries()) {
      const appTarget = `${appUrl}/api/programmes/${programmeId}/needs/heatmap?${scenario.query}`;
      const bareTarget = `${bareUrl}/bare/${index}`;
      // Both answer the same thing before anything is timed.
      const fromApp = (await (await fetch(appTarget, { headers: { cookie } })).json()) as Heatmap;
      const fromBare = (await (await fetch(bareTarget)).json()) as { rows: Array<{ total: number | string; diagnosticId: string | null }> };
      const bareIds = fromBare.rows.flatMap((row) => (row.diagnosticId ? [row.diagnosticId] : []));
      if (fromApp.total !== Number(fromBare.rows[0]?.total) || fromApp.rows.map((row) => row.diagnosticId).join() !== bareIds.join()) {
        throw new Error(`the bare route does not answer like the heat map for ${scenario.query}`);
      }
      const { app: appStats, bare: bareStats, unloaded, machineLoad } = await measureAgainstBare(load, cpu, { url: appTarget, cookie }, bareTarget, options);
      const plan = await explain(database, statements.get(String(index))!);
      heatmap.push({ scenario: scenario.name, query: scenario.query, total: fromApp.total, app: appStats, bare: bareStats, unloaded, machineLoad, sql: plan });
      log(
        `  heat map ${scenario.name.padEnd(42)} total ${String(fromApp.total).padStart(5)}  app p50 ${appStats.p50} p99 ${appStats.p99} ms ${appStats.throughput} req/s` +
          ` | bare p50 ${bareStats.p50} p99 ${bareStats.p99} ms ${bareStats.throughput} req/s` +
          ` | CPU/request app ${cpuText(appStats)} bare ${cpuText(bareStats)}` +
          ` | 1 connection: app p50 ${unloaded.app.p50} bare p50 ${unloaded.bare.p50} ms | load ${machineLoad.before.toFixed(1)}→${machineLoad.after.toFixed(1)}` +
          ` | sql ${plan.executionMs} ms`,
      );
    }
  } finally {
    await load.close();
    await cpu.close();
    await app.close();
    await bare.close();
  }
  return {
    cooperatives: cooperatives.length,
    framework: { domains: definition.domains.length, questions: questionCount },
    scoring,
    loadMs: Math.round(loadMs),
    answerRows,
    heatmap,
  };
}
