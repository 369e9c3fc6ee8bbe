import type { DiagnosticsBenchResult } from './diagnostics.js';

/** The tables of the diagnostics section of docs/benchmarks.md, from the results of a run. */

export const diagnosticsTargets = { heatmapP99Ms: 200 };

export interface DiagnosticsDatabaseResult {
  kind: string;
  version: string;
  skipped?: string;
  diagnostics?: DiagnosticsBenchResult;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const times = (value: number) => `${value.toFixed(2)}×`;

export function diagnosticsMarkdown(databases: readonly DiagnosticsDatabaseResult[]): string {
  const lines: string[] = [];
  lines.push('| database | diagnostics | questions / answers | scoreDiagnostic, all | read each answer once (limit) | scoring / limit | per diagnostic | load (inserts + VACUUM ANALYZE) |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const database of databases) {
    const result = database.diagnostics;
    if (!result) {
      lines.push(`| ${database.kind} | skipped: ${database.skipped ?? '?'} | | | | | | |`);
      continue;
    }
    const scoring = result.scoring;
    lines.push(
      `| ${database.kind} ${database.version} | ${scoring.diagnostics} | ${scoring.questions} / ${scoring.answers} | ${ms(scoring.scoringMs)} | ${ms(scoring.floorMs)} | ${times(scoring.ratio)} | ` +
        `${((scoring.scoringMs / scoring.diagnostics) * 1000).toFixed(1)} µs | ${(result.loadMs / 1000).toFixed(1)} s |`,
    );
  }
  lines.push('');
  lines.push(
    `| database | scenario | matches | heat map p50 / p99 | heat map req/s | bare SQL p50 / p99 | bare req/s | p99 heat map / bare | CPU per request, heat map / bare | 1 connection: p50 heat map / bare | SQL (EXPLAIN ANALYZE) | p99 < ${diagnosticsTargets.heatmapP99Ms} ms |`,
  );
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const database of databases) {
    for (const row of database.diagnostics?.heatmap ?? []) {
      const met = database.kind !== 'postgresql' ? '—' : row.app.p99 < diagnosticsTargets.heatmapP99Ms ? 'yes' : '**no**';
      const cpu = (stats: typeof row.app) => (stats.cpuPerRequest.server + stats.cpuPerRequest.postgres).toFixed(1);
      lines.push(
        `| ${database.kind} | ${row.scenario} | ${row.total} | ${ms(row.app.p50)} / ${ms(row.app.p99)} | ${row.app.throughput} | ${ms(row.bare.p50)} / ${ms(row.bare.p99)} | ${row.bare.throughput} | ` +
          `${times(row.app.p99 / row.bare.p99)} | ${cpu(row.app)} / ${cpu(row.bare)} ms | ${ms(row.unloaded.app.p50)} / ${ms(row.unloaded.bare.p50)} | ${ms(row.sql.executionMs)} | ${met} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
