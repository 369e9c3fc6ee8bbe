import { benchDiagnostics } from './diagnostics.js';
import { diagnosticsMarkdown } from './diagnostics-report.js';
import { loadOptions, readDatabaseRunOptions, runDatabaseBench, runMain } from './run-support.js';

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

const options = readDatabaseRunOptions();

runMain(() =>
  runDatabaseBench({
    name: 'diagnostics',
    databaseName: 'taawon_bench',
    options,
    measure: async (database, log) => ({
      diagnostics: await benchDiagnostics(database, { cooperatives: options.programmeSize, seed: options.seed, ...loadOptions(options) }, log),
    }),
    markdown: diagnosticsMarkdown,
  }),
);
