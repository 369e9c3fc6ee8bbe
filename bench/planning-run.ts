import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { benchPlanning } from './planning.js';

/**
 * The planning benchmark on its own (pure code, no database):
 *
 *   npx tsx bench/planning-run.ts
 *
 * BENCH_PROGRAMME_SIZE cooperatives (5000), BENCH_SEED (20261122), BENCH_ROUNDS (7).
 * Results go to .bench/planning-<time>.json and .bench/planning-latest.json.
 */
const env = process.env;
const number = (name: string, fallback: number) => (env[name] ? Number(env[name]!.replace(/_/g, '')) : fallback);
const options = { cooperatives: number('BENCH_PROGRAMME_SIZE', 5_000), seed: number('BENCH_SEED', 20_261_122), rounds: number('BENCH_ROUNDS', 7) };
const startedAt = new Date().toISOString();
console.log(`Taawon planning bench — ${availableParallelism()} CPUs (${cpus()[0]?.model ?? '?'}), Node.js ${process.version}, load ${loadavg()[0]?.toFixed(1)}`);
const result = await benchPlanning(options, (line) => console.log(line));
mkdirSync('.bench', { recursive: true });
const json = `${JSON.stringify({ startedAt, node: process.version, loadAverageAtStart: loadavg(), options, result }, null, 2)}\n`;
writeFileSync(join('.bench', `planning-${startedAt.replace(/[:.]/g, '-')}.json`), json);
writeFileSync(join('.bench', 'planning-latest.json'), json);
