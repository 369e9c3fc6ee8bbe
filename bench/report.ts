import type { LatencyStats } from './list.js';
import type { BenchResults } from './run.js';

/** The tables of docs/benchmarks.md, from the results of a run. */

export const targets = { importRatio: 3, listP99Ms: 50 };

export const seconds = (ms: number | null | undefined) => (ms === null || ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`);
const times = (value: number | null | undefined) => (value === null || value === undefined ? '—' : `${value.toFixed(2)}×`);

export function markdown(results: BenchResults): string {
  const lines: string[] = [];
  lines.push(`Command: \`${results.command}\` — ${results.startedAt}`);
  lines.push('');
  lines.push('| database | rows | import pipeline | COPY (limit) | pipeline / COPY | target | met | then VACUUM ANALYZE |');
  lines.push('| --- | ---: | ---: | ---: | ---: | --- | --- | ---: |');
  for (const database of results.databases) {
    if (database.skipped || !database.import) {
      lines.push(`| ${database.kind} | skipped: ${database.skipped ?? '?'} | | | | | | |`);
      continue;
    }
    const result = database.import;
    const target = database.kind === 'postgresql' ? `≤ ${targets.importRatio}×` : 'none (reported)';
    const met = database.kind !== 'postgresql' ? '—' : result.ratio <= targets.importRatio ? 'yes' : '**no**';
    lines.push(
      `| ${database.kind} ${database.version} | ${result.rows} | ${seconds(result.pipelineMs)} | ${seconds(result.copyMs)} | ${times(result.ratio)} | ${target} | ${met} | ${seconds(result.vacuumAnalyzeMs)} |`,
    );
  }
  lines.push('');
  lines.push(
    `| database | scenario | matches | list p50 / p99 | list req/s | bare p50 / p99 | bare req/s | p99 list / bare | CPU per request, list / bare | 1 connection: p50 list / bare | SQL (EXPLAIN ANALYZE) | p99 < ${targets.listP99Ms} ms |`,
  );
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |');
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const cpu = (stats: LatencyStats) => (stats.cpuPerRequest.server + stats.cpuPerRequest.postgres).toFixed(1);
  for (const database of results.databases) {
    for (const row of database.list ?? []) {
      const met = database.kind !== 'postgresql' ? '—' : row.app.p99 < targets.listP99Ms ? 'yes' : '**no**';
      const sqlMs = row.sql.map((entry) => `${entry.statement} ${entry.executionMs.toFixed(1)} ms`).join(', ');
      lines.push(
        `| ${database.kind} | ${row.scenario} | ${row.total} | ${ms(row.app.p50)} / ${ms(row.app.p99)} | ${row.app.throughput} | ` +
          `${ms(row.bare.p50)} / ${ms(row.bare.p99)} | ${row.bare.throughput} | ${times(row.app.p99 / row.bare.p99)} | ` +
          `${cpu(row.app)} / ${cpu(row.bare)} ms | ${ms(row.unloaded.app.p50)} / ${ms(row.unloaded.bare.p50)} | ${sqlMs} | ${met} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

