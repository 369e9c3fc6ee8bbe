import { loadavg } from 'node:os';
import { benchPlanning } from './planning.js';
import { benchHeader, envNumber, writeBenchResults } from './run-support.js';

/**
 * The planning benchmark on its own (pure code, no database):
 *
 *   npx tsx bench/planning-run.ts
 *
 * BENCH_PROGRAMME_SIZE cooperatives (5000), BENCH_SEED (20261122), BENCH_ROUNDS (7).
 * Results go to .bench/planning-<time>.json and .bench/planning-latest.json.
 */
const options = { cooperatives: envNumber('BENCH_PROGRAMME_SIZE', 5_000), seed: envNumber('BENCH_SEED', 20_261_122), rounds: envNumber('BENCH_ROUNDS', 7) };
const startedAt = new Date().toISOString();
console.log(benchHeader('planning'));
const result = await benchPlanning(options, (line) => console.log(line));
const all = { startedAt, node: process.version, loadAverageAtStart: loadavg(), options, result };
writeBenchResults('planning', startedAt, all, { extension: 'json', text: `${JSON.stringify(all, null, 2)}\n` });
