import { benchFollowUp } from './follow-up.js';
import { followUpMarkdown } from './follow-up-report.js';
import { envNumber, loadOptions, readDatabaseRunOptions, runDatabaseBench, runMain } from './run-support.js';

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

const options = { ...readDatabaseRunOptions(), consultants: envNumber('BENCH_CONSULTANTS', 20), rounds: envNumber('BENCH_ROUNDS', 30) };

runMain(() =>
  runDatabaseBench({
    name: 'follow-up',
    databaseName: 'taawon_bench_follow_up',
    options,
    measure: async (database, log) => ({
      followUp: await benchFollowUp(
        database,
        { cooperatives: options.programmeSize, consultants: options.consultants, rounds: options.rounds, ...loadOptions(options) },
        log,
      ),
    }),
    markdown: followUpMarkdown,
  }),
);
