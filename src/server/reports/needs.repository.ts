import { sql, type RawBuilder } from 'kysely';
import type { DiagnosticKind, DiagnosticScores } from '../../core/diagnostics/diagnostic.schema.js';
import type { FrameworkDefinition } from '../../core/diagnostics/framework.schema.js';
import type { HeatmapQuery } from '../../core/diagnostics/needs.schema.js';
import type { Db } from '../db/database.js';

/**
 * The SQL of a programme's needs. Every query takes the programme id: the
 * scope is part of the signature. Only the diagnostics of cooperatives
 * enrolled in the programme (or that completed it) count; a withdrawn
 * cooperative's diagnostics stay in its history but not in the programme's
 * needs.
 */

export const countedEnrolmentStatuses = ['enrolled', 'completed'] as const;
export type StatusFilter = 'validated' | 'all';

export async function programmeExists(db: Db, programmeId: string): Promise<boolean> {
  return (await db.selectFrom('programmes').select('id').where('id', '=', programmeId).executeTakeFirst()) !== undefined;
}

/** Whether one of these cooperatives is (or was) in the programme: what lets a representative see that it exists. */
export async function hasAnyEnrolment(db: Db, programmeId: string, cooperativeIds: readonly string[]): Promise<boolean> {
  if (cooperativeIds.length === 0) return false;
  const row = await db
    .selectFrom('enrolments')
    .select('id')
    .where('programmeId', '=', programmeId)
    .where('cooperativeId', 'in', cooperativeIds)
    .executeTakeFirst();
  return row !== undefined;
}

/** The framework versions the programme's diagnostics of this kind were filled on, newest first. */
export async function listDiagnosticFrameworkIds(db: Db, programmeId: string, kinds: readonly DiagnosticKind[]): Promise<string[]> {
  const rows = await db
    .selectFrom('diagnosticFrameworks')
    .select('id')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('diagnostics')
          .select(sql`1`.as('one'))
          .whereRef('diagnostics.frameworkId', '=', 'diagnosticFrameworks.id')
          .where('diagnostics.programmeId', '=', programmeId)
          .where('diagnostics.kind', 'in', kinds),
      ),
    )
    .orderBy('diagnosticFrameworks.createdAt', 'desc')
    .orderBy('diagnosticFrameworks.version', 'desc')
    .execute();
  return rows.map((row) => row.id);
}

export interface FrameworkVersion {
  id: string;
  family: string;
  version: number;
  frozenAt: string | null;
  definition: FrameworkDefinition;
}

export async function findFrameworkVersions(db: Db, ids: readonly string[]): Promise<FrameworkVersion[]> {
  if (ids.length === 0) return [];
  return db.selectFrom('diagnosticFrameworks').select(['id', 'family', 'version', 'frozenAt', 'definition']).where('id', 'in', ids).execute();
}

// ---- Heat map ----------------------------------------------------------------

interface HeatmapSqlRow {
  total: number;
  overallMean: number | null;
  /** Aligned with the domain keys asked for. */
  means: Array<number | null> | null;
  needCounts: number[] | null;
  /** Cooperatives at maturity levels 1, 2, 3, 4. */
  levels: number[] | null;
  provinces: string[] | null;
  sectors: string[] | null;
  diagnosticId: string | null;
  cooperativeId: string | null;
  status: string | null;
  nameFr: string | null;
  nameAr: string | null;
  provinceCode: string | null;
  sector: string | null;
  overallScore: number | null;
  maturityLevel: number | null;
  domainKeys: string[] | null;
  domainValues: Array<number | null> | null;
  needFlags: boolean[] | null;
}

export interface HeatmapPage {
  total: number;
  overallMean: number | null;
  maturityCounts: Record<string, number>;
  means: Record<string, number | null>;
  needCounts: Record<string, number>;
  facets: { provinces: string[]; sectors: string[] };
  rows: Array<{
    diagnosticId: string;
    cooperativeId: string;
    status: string;
    nameFr: string | null;
    nameAr: string | null;
    provinceCode: string;
    sector: string;
    overall: number | null;
    maturityLevel: number | null;
    scores: Record<string, number | null>;
    needs: string[];
  }>;
}

/**
 * Where a domain's score and need flag sit in the diagnostics' `domain_values`
 * and `need_flags` arrays. When every framework version in view has the same
 * domains (the usual case), a fixed position, read directly; otherwise each
 * row's position of the key in its own `domain_keys`.
 */
export type DomainPositions = ReadonlyMap<string, number> | null;

function valueOf(key: string, positions: DomainPositions): RawBuilder<number | null> {
  const position = positions?.get(key);
  return position === undefined ? sql`domain_values[array_position(domain_keys, ${key}::text)]` : sql`domain_values[${sql.lit(position)}]`;
}

function isNeedIn(key: string, positions: DomainPositions): RawBuilder<boolean> {
  const position = positions?.get(key);
  return position === undefined ? sql`coalesce(need_flags[array_position(domain_keys, ${key}::text)], false)` : sql`coalesce(need_flags[${sql.lit(position)}], false)`;
}

function sortKey(sort: HeatmapQuery['sort'], positions: DomainPositions): RawBuilder<unknown> {
  if (sort === 'name') return sql`e.cooperative_name_key`;
  if (sort === 'overall') return sql`d.overall_score`;
  return valueOf(sort, positions);
}

/**
 * The statement of the heat map: one round trip. The programme's diagnostics
 * of the kind (on the `(programme_id, kind, status)` index) are read once,
 * narrow, with their cooperative's name key, province and sector; the
 * filters, the total, the per-domain means and need counts, the facets and
 * the page all come from that one set; only the page's rows fetch their
 * names. Per-domain figures read the `domain_values` and `need_flags` arrays,
 * never the scores document.
 */
export function heatmapStatement(programmeId: string, query: HeatmapQuery, domainKeys: readonly string[], positions: DomainPositions) {
  const filters: RawBuilder<unknown>[] = [sql`true`];
  if (query.province) filters.push(sql`province_code = ${query.province}`);
  if (query.sector) filters.push(sql`sector = ${query.sector}`);
  if (query.maturity) filters.push(sql`maturity_level = ${query.maturity}`);
  if (query.needIn) filters.push(isNeedIn(query.needIn, positions));
  const statusFilter = query.status === 'validated' ? sql`and d.status = 'validated'` : sql``;
  const direction = sql.raw(query.direction === 'asc' ? 'asc nulls last' : 'desc nulls last');
  const offset = (query.page - 1) * query.pageSize;
  const means = domainKeys.length === 0 ? sql`'{}'::float8[]` : sql`array[${sql.join(domainKeys.map((key) => sql`round(avg(${valueOf(key, positions)})::numeric, 1)::float8`))}]`;
  const needCounts =
    domainKeys.length === 0 ? sql`'{}'::int[]` : sql`array[${sql.join(domainKeys.map((key) => sql`(count(*) filter (where ${isNeedIn(key, positions)}))::int`))}]`;
  return sql<HeatmapSqlRow>`
    with programme_rows as materialized (
      select d.id as diagnostic_id, d.cooperative_id, d.status, d.overall_score, d.maturity_level, d.domain_keys, d.domain_values, d.need_flags,
             e.cooperative_name_key as name_key, e.province_code, e.sector, ${sortKey(query.sort, positions)} as sort_key
      from diagnostics d
      join enrolments e on e.id = d.enrolment_id and e.status in ('enrolled', 'completed')
      where d.programme_id = ${programmeId} and d.kind = ${query.kind} ${statusFilter}
    ),
    matching as materialized (select * from programme_rows where ${sql.join(filters, sql` and `)})
    select summary.*, facets.*, page.*
    from (
      select count(*) as total,
             round(avg(overall_score), 1) as overall_mean,
             array[(count(*) filter (where maturity_level = 1))::int, (count(*) filter (where maturity_level = 2))::int,
                   (count(*) filter (where maturity_level = 3))::int, (count(*) filter (where maturity_level = 4))::int] as levels,
             ${means} as means,
             ${needCounts} as need_counts
      from matching
    ) summary
    cross join (
      select array(select distinct province_code from programme_rows order by 1) as provinces,
             array(select distinct sector from programme_rows order by 1) as sectors
    ) facets
    left join lateral (
      select m.diagnostic_id, m.cooperative_id, m.status, named.name_fr, named.name_ar, m.province_code, m.sector, m.overall_score, m.maturity_level,
             m.domain_keys, m.domain_values, m.need_flags, m.sort_key, m.name_key
      from (select * from matching order by sort_key ${direction}, name_key, diagnostic_id limit ${query.pageSize} offset ${offset}) m
      join cooperatives named on named.id = m.cooperative_id
    ) page on true
    order by page.sort_key ${direction}, page.name_key, page.diagnostic_id`;
}

export async function readHeatmap(db: Db, programmeId: string, query: HeatmapQuery, domainKeys: readonly string[], positions: DomainPositions): Promise<HeatmapPage> {
  const { rows } = await heatmapStatement(programmeId, query, domainKeys, positions).execute(db);
  const first = rows[0];
  const byDomain = <T>(values: readonly T[] | null | undefined, fallback: T) => Object.fromEntries(domainKeys.map((key, index) => [key, values?.[index] ?? fallback]));
  return {
    total: Number(first?.total ?? 0),
    overallMean: first?.overallMean ?? null,
    maturityCounts: Object.fromEntries([1, 2, 3, 4].map((level, index) => [String(level), Number(first?.levels?.[index] ?? 0)])),
    means: byDomain(first?.means, null),
    needCounts: byDomain(first?.needCounts, 0),
    facets: { provinces: first?.provinces ?? [], sectors: first?.sectors ?? [] },
    rows: rows
      .filter((row) => row.diagnosticId !== null)
      .map((row) => {
        const keys = row.domainKeys ?? [];
        return {
          diagnosticId: row.diagnosticId as string,
          cooperativeId: row.cooperativeId as string,
          status: row.status as string,
          nameFr: row.nameFr,
          nameAr: row.nameAr,
          provinceCode: row.provinceCode as string,
          sector: row.sector as string,
          overall: row.overallScore,
          maturityLevel: row.maturityLevel,
          scores: Object.fromEntries(keys.map((key, index) => [key, row.domainValues?.[index] ?? null])),
          needs: keys.filter((_, index) => row.needFlags?.[index] === true),
        };
      }),
  };
}

// ---- Constraints and comparison ------------------------------------------------

/** The scores of the programme's diagnostics of a kind (enrolled cooperatives only). */
export async function listProgrammeScores(db: Db, programmeId: string, kind: DiagnosticKind, status: StatusFilter): Promise<Array<DiagnosticScores | null>> {
  let query = db
    .selectFrom('diagnostics')
    .innerJoin('enrolments', 'enrolments.id', 'diagnostics.enrolmentId')
    .select('diagnostics.scores')
    .where('diagnostics.programmeId', '=', programmeId)
    .where('diagnostics.kind', '=', kind)
    .where('enrolments.status', 'in', countedEnrolmentStatuses);
  if (status === 'validated') query = query.where('diagnostics.status', '=', 'validated');
  const rows = await query.execute();
  return rows.map((row) => row.scores);
}

export interface ComparablePair {
  cooperativeId: string;
  nameFr: string | null;
  nameAr: string | null;
  provinceCode: string;
  baselineId: string;
  baselineFrameworkId: string;
  endlineId: string;
  endlineFrameworkId: string;
}

/** Cooperatives of the programme with a validated baseline and a validated endline, by name. */
export async function listComparablePairs(db: Db, programmeId: string): Promise<ComparablePair[]> {
  return db
    .selectFrom('enrolments')
    .innerJoin('cooperatives', 'cooperatives.id', 'enrolments.cooperativeId')
    .innerJoin('diagnostics as baseline', (join) =>
      join.onRef('baseline.enrolmentId', '=', 'enrolments.id').on('baseline.kind', '=', 'baseline').on('baseline.status', '=', 'validated'),
    )
    .innerJoin('diagnostics as endline', (join) =>
      join.onRef('endline.enrolmentId', '=', 'enrolments.id').on('endline.kind', '=', 'endline').on('endline.status', '=', 'validated'),
    )
    .select([
      'cooperatives.id as cooperativeId',
      'cooperatives.nameFr',
      'cooperatives.nameAr',
      'cooperatives.provinceCode',
      'baseline.id as baselineId',
      'baseline.frameworkId as baselineFrameworkId',
      'endline.id as endlineId',
      'endline.frameworkId as endlineFrameworkId',
    ])
    .where('enrolments.programmeId', '=', programmeId)
    .where('enrolments.status', 'in', countedEnrolmentStatuses)
    .orderBy('cooperatives.nameKey')
    .orderBy('cooperatives.id')
    .execute();
}

/** Validated baselines and endlines of the programme's cooperatives. */
export async function countValidated(db: Db, programmeId: string): Promise<{ baselines: number; endlines: number }> {
  const rows = await db
    .selectFrom('diagnostics')
    .innerJoin('enrolments', 'enrolments.id', 'diagnostics.enrolmentId')
    .select(['diagnostics.kind', (eb) => eb.fn.countAll<number>().as('count')])
    .where('diagnostics.programmeId', '=', programmeId)
    .where('diagnostics.status', '=', 'validated')
    .where('diagnostics.kind', 'in', ['baseline', 'endline'])
    .where('enrolments.status', 'in', countedEnrolmentStatuses)
    .groupBy('diagnostics.kind')
    .execute();
  const count = (kind: string) => Number(rows.find((row) => row.kind === kind)?.count ?? 0);
  return { baselines: count('baseline'), endlines: count('endline') };
}

export interface AnswerRow {
  diagnosticId: string;
  questionKey: string;
  value: unknown;
  notApplicable: boolean;
}

export async function listAnswers(db: Db, diagnosticIds: readonly string[]): Promise<AnswerRow[]> {
  if (diagnosticIds.length === 0) return [];
  return db
    .selectFrom('diagnosticAnswers')
    .select(['diagnosticId', 'questionKey', 'value', 'notApplicable'])
    .where('diagnosticId', 'in', diagnosticIds)
    .execute();
}
