import type { FollowUpBenchResult } from './follow-up.js';

/** The tables of the follow-up section of docs/benchmarks.md, from the results of a run. */

export const followUpTargets = { dueP50Ms: 50, indicatorsP99Ms: 1000 };

export interface FollowUpDatabaseResult {
  kind: string;
  version: string;
  skipped?: string;
  followUp?: FollowUpBenchResult;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const times = (value: number) => `${value.toFixed(2)}×`;

export function followUpMarkdown(databases: readonly FollowUpDatabaseResult[]): string {
  const lines: string[] = [];
  lines.push('| database | cooperatives | sessions | follow-ups | actions | indicator measurements | attendance | outcome figures | generated in (SQL + VACUUM ANALYZE) |');
  lines.push('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const database of databases) {
    const result = database.followUp;
    if (!result) {
      lines.push(`| ${database.kind} | skipped: ${database.skipped ?? '?'} | | | | | | | |`);
      continue;
    }
    const rows = result.rows;
    lines.push(
      `| ${database.kind} ${database.version} | ${rows.enrolments} | ${rows.programme_sessions} | ${rows.follow_ups} | ${rows.plan_actions} | ${rows.indicator_measurements} | ${rows.session_attendance} | ${rows.outcome_measurements} | ${(result.loadMs / 1000).toFixed(1)} s |`,
    );
  }
  lines.push('');
  lines.push(`| database | due list (first page of 50) | matches | listDueFollowUps p50 / p90 | hand-written SQL p50 / p90 (limit) | p50 function / SQL | plan of the hand-written SQL | p50 < ${followUpTargets.dueP50Ms} ms |`);
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | --- | --- |');
  for (const database of databases) {
    for (const row of database.followUp?.due ?? []) {
      const met = database.kind !== 'postgresql' ? '—' : row.function.p50 < followUpTargets.dueP50Ms ? 'yes' : '**no**';
      lines.push(
        `| ${database.kind} | ${row.scenario} | ${row.total} | ${ms(row.function.p50)} / ${ms(row.function.p90)} | ${ms(row.raw.p50)} / ${ms(row.raw.p90)} | ${times(row.ratioP50)} | ${row.sql[0]?.plan ?? '?'} | ${met} |`,
      );
    }
  }
  lines.push('');
  lines.push(
    `| database | indicators (4 connections) | route p50 / p99 | route req/s | bare SQL p50 / p99 | bare req/s | p99 route / bare | CPU per request, route / bare | 1 connection: p50 route / bare | slowest statement (EXPLAIN ANALYZE) | p99 < ${followUpTargets.indicatorsP99Ms} ms |`,
  );
  lines.push('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |');
  for (const database of databases) {
    for (const row of database.followUp?.indicators ?? []) {
      const met = database.kind !== 'postgresql' ? '—' : row.app.p99 < followUpTargets.indicatorsP99Ms ? 'yes' : '**no**';
      const cpu = (stats: typeof row.app) => (stats.cpuPerRequest.server + stats.cpuPerRequest.postgres).toFixed(1);
      const slowest = [...row.sql].sort((a, b) => b.executionMs - a.executionMs)[0];
      lines.push(
        `| ${database.kind} | ${row.scenario} | ${ms(row.app.p50)} / ${ms(row.app.p99)} | ${row.app.throughput} | ${ms(row.bare.p50)} / ${ms(row.bare.p99)} | ${row.bare.throughput} | ${times(row.app.p99 / row.bare.p99)} | ` +
          `${cpu(row.app)} / ${cpu(row.bare)} ms | ${ms(row.unloaded.app.p50)} / ${ms(row.unloaded.bare.p50)} | ${slowest ? `${slowest.statement} ${ms(slowest.executionMs)}` : '?'} | ${met} |`,
      );
    }
  }
  lines.push('');
  lines.push('EXPLAIN ANALYZE of each indicator statement (ms):');
  lines.push('');
  for (const database of databases) {
    for (const row of database.followUp?.indicators ?? []) {
      lines.push(`- ${database.kind}, ${row.scenario}: ${row.sql.map((entry) => `${entry.statement} ${entry.executionMs} (${entry.plan.length > 140 ? `${entry.plan.slice(0, 140)}…` : entry.plan})`).join('; ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
