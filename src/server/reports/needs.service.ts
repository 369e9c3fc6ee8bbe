import { canReadProgrammeReports, programmeScope } from '../../core/access/policies.js';
import type { Locale, Principal } from '../../core/access/roles.js';
import { compareDiagnostics, summarizeComparisons, type DiagnosticComparison } from '../../core/diagnostics/comparison.js';
import type { AnswerValue, ScoringAnswer } from '../../core/diagnostics/diagnostic.schema.js';
import type { FrameworkDefinition, LocalizedText } from '../../core/diagnostics/framework.schema.js';
import { aggregateNeeds, type ConstraintAggregate } from '../../core/diagnostics/needs.js';
import type {
  Comparison,
  Constraint,
  Constraints,
  ConstraintsQuery,
  CooperativeComparison,
  Heatmap,
  HeatmapQuery,
} from '../../core/diagnostics/needs.schema.js';
import type { Db } from '../db/database.js';
import { forbidden, notFound, validationFailed } from '../http/errors.js';
import {
  countValidated,
  findFrameworkVersions,
  hasAnyEnrolment,
  listAnswers,
  listComparablePairs,
  listDiagnosticFrameworkIds,
  listProgrammeScores,
  programmeExists,
  readHeatmap,
  type FrameworkVersion,
} from './needs.repository.js';

/**
 * A programme's needs, for its team and its funders: scores and counts per
 * cooperative and domain, never a person's name or phone.
 */

/**
 * The first line of every needs request. A programme the person cannot see
 * answers 404; one they can see (a representative whose cooperative is
 * enrolled) but whose reports they may not read answers 403.
 */
async function assertCanReadReports(db: Db, principal: Principal, programmeId: string): Promise<void> {
  if (canReadProgrammeReports(principal, programmeId)) {
    if (!(await programmeExists(db, programmeId))) throw notFound();
    return;
  }
  const scope = programmeScope(principal);
  const visible =
    scope.kind === 'all' ||
    scope.programmeIds.includes(programmeId) ||
    (await hasAnyEnrolment(db, programmeId, scope.cooperativeIds));
  if (!visible || !(await programmeExists(db, programmeId))) throw notFound();
  throw forbidden();
}

// A framework version used by a diagnostic is frozen and never changes again: its definition is kept in memory.
const frozenDefinitions = new Map<string, FrameworkVersion>();
const cacheLimit = 200;

async function frameworkVersions(db: Db, ids: readonly string[]): Promise<FrameworkVersion[]> {
  const missing = ids.filter((id) => !frozenDefinitions.has(id));
  const loaded = new Map((await findFrameworkVersions(db, missing)).map((version) => [version.id, version]));
  for (const version of loaded.values()) {
    if (version.frozenAt === null) continue;
    if (frozenDefinitions.size >= cacheLimit) frozenDefinitions.delete(frozenDefinitions.keys().next().value as string);
    frozenDefinitions.set(version.id, version);
  }
  return ids.flatMap((id) => {
    const version = frozenDefinitions.get(id) ?? loaded.get(id);
    return version ? [version] : [];
  });
}

const textIn = (text: LocalizedText | undefined, locale: Locale) => (text ? text[locale] || text.fr : '');

interface DomainInfo {
  key: string;
  label: string;
  threshold: number;
  weight: number;
}

/**
 * Domains across the framework versions (newest first): a domain keeps its
 * newest label, threshold and weight, and the newest version's order.
 */
function mergeDomains(definitions: readonly FrameworkDefinition[], locale: Locale): DomainInfo[] {
  const domains = new Map<string, DomainInfo>();
  for (const definition of definitions) {
    for (const domain of definition.domains) {
      if (domains.has(domain.key)) continue;
      domains.set(domain.key, { key: domain.key, label: textIn(domain.label, locale), threshold: domain.needThreshold, weight: domain.weight });
    }
  }
  return [...domains.values()];
}

function questionLabels(definitions: readonly FrameworkDefinition[], locale: Locale): Map<string, string> {
  const labels = new Map<string, string>();
  for (const definition of definitions) {
    for (const domain of definition.domains) {
      for (const question of domain.questions) if (!labels.has(question.key)) labels.set(question.key, textIn(question.text, locale));
    }
  }
  return labels;
}

export async function getHeatmap(db: Db, principal: Principal, programmeId: string, query: HeatmapQuery, locale: Locale): Promise<Heatmap> {
  await assertCanReadReports(db, principal, programmeId);
  const versions = await frameworkVersions(db, await listDiagnosticFrameworkIds(db, programmeId, [query.kind]));
  const domains = mergeDomains(
    versions.map((version) => version.definition),
    locale,
  );
  const keys = domains.map((domain) => domain.key);
  const issues = [];
  if (query.sort !== 'name' && query.sort !== 'overall' && !keys.includes(query.sort)) issues.push({ path: ['sort'], key: 'needs_unknown_domain' });
  if (query.needIn !== undefined && !keys.includes(query.needIn)) issues.push({ path: ['needIn'], key: 'needs_unknown_domain' });
  if (issues.length > 0) throw validationFailed(issues);

  // Every version in view with the same domains (the usual case): their scores sit at the same place in every row.
  const sortedKeys = versions.map((version) => version.definition.domains.map((domain) => domain.key).sort().join(','));
  const positions = sortedKeys.every((entry) => entry === sortedKeys[0])
    ? new Map((sortedKeys[0] ?? '').split(',').filter(Boolean).map((key, index) => [key, index + 1]))
    : null;
  const page = await readHeatmap(db, programmeId, query, keys, positions);
  return {
    kind: query.kind,
    domains: domains.map((domain) => ({ ...domain, mean: page.means[domain.key] ?? null, needCount: page.needCounts[domain.key] ?? 0 })),
    rows: page.rows.map((row) => ({
      ...row,
      scores: Object.fromEntries(keys.map((key) => [key, typeof row.scores[key] === 'number' ? row.scores[key] : null])),
    })),
    total: page.total,
    overallMean: page.overallMean,
    maturityCounts: page.maturityCounts,
    facets: page.facets,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getConstraints(db: Db, principal: Principal, programmeId: string, query: ConstraintsQuery, locale: Locale): Promise<Constraints> {
  await assertCanReadReports(db, principal, programmeId);
  const [scores, versions] = await Promise.all([
    listProgrammeScores(db, programmeId, query.kind, query.status),
    listDiagnosticFrameworkIds(db, programmeId, [query.kind]).then((ids) => frameworkVersions(db, ids)),
  ]);
  const definitions = versions.map((version) => version.definition);
  const domainLabels = new Map(mergeDomains(definitions, locale).map((domain) => [domain.key, domain.label]));
  const questions = questionLabels(definitions, locale);
  const aggregated = aggregateNeeds(scores);
  const present = (entry: ConstraintAggregate): Constraint => ({
    ...entry,
    domainLabel: domainLabels.get(entry.domainKey) ?? entry.domainKey,
    questionLabel: entry.questionKey === null ? null : (questions.get(entry.questionKey) ?? entry.questionKey),
  });
  return { kind: query.kind, cooperatives: aggregated.cooperatives, domains: aggregated.domains.map(present), questions: aggregated.questions.map(present) };
}

const answerBatch = 2_000;

export async function getComparison(db: Db, principal: Principal, programmeId: string, locale: Locale): Promise<Comparison> {
  await assertCanReadReports(db, principal, programmeId);
  const [counts, pairs] = await Promise.all([countValidated(db, programmeId), listComparablePairs(db, programmeId)]);
  const endlineVersions = await frameworkVersions(db, await listDiagnosticFrameworkIds(db, programmeId, ['endline']));
  const versions = await frameworkVersions(db, [...new Set(pairs.flatMap((pair) => [pair.baselineFrameworkId, pair.endlineFrameworkId]))]);
  const byId = new Map(versions.map((version) => [version.id, version.definition]));
  const domains = mergeDomains(
    endlineVersions.map((version) => version.definition),
    locale,
  );
  const labels = questionLabels([...endlineVersions.map((version) => version.definition), ...versions.map((version) => version.definition)], locale);

  const answers = new Map<string, Map<string, ScoringAnswer>>();
  const diagnosticIds = pairs.flatMap((pair) => [pair.baselineId, pair.endlineId]);
  for (let start = 0; start < diagnosticIds.length; start += answerBatch) {
    for (const row of await listAnswers(db, diagnosticIds.slice(start, start + answerBatch))) {
      const forDiagnostic = answers.get(row.diagnosticId) ?? new Map<string, ScoringAnswer>();
      forDiagnostic.set(row.questionKey, { value: (row.value ?? null) as AnswerValue | null, notApplicable: row.notApplicable });
      answers.set(row.diagnosticId, forDiagnostic);
    }
  }

  const comparisons: DiagnosticComparison[] = [];
  const cooperatives: CooperativeComparison[] = [];
  for (const pair of pairs) {
    const baselineDefinition = byId.get(pair.baselineFrameworkId);
    const endlineDefinition = byId.get(pair.endlineFrameworkId);
    if (!baselineDefinition || !endlineDefinition) continue;
    const comparison = compareDiagnostics(
      { definition: baselineDefinition, answers: answers.get(pair.baselineId) ?? new Map() },
      { definition: endlineDefinition, answers: answers.get(pair.endlineId) ?? new Map() },
    );
    comparisons.push(comparison);
    cooperatives.push({
      cooperativeId: pair.cooperativeId,
      nameFr: pair.nameFr,
      nameAr: pair.nameAr,
      provinceCode: pair.provinceCode,
      baselineId: pair.baselineId,
      endlineId: pair.endlineId,
      domains: comparison.domains.map(({ domainKey, baseline, endline, delta }) => ({ domainKey, baseline, endline, delta })),
      overall: comparison.overall,
      maturityLevel: comparison.maturityLevel,
      comparedCount: comparison.compared.length,
      leftOut: comparison.leftOut.map((entry) => ({ ...entry, label: labels.get(entry.questionKey) ?? entry.questionKey })),
    });
  }
  return {
    hasEndline: cooperatives.length > 0,
    baselines: counts.baselines,
    endlines: counts.endlines,
    domains,
    programme: summarizeComparisons(
      comparisons,
      domains.map((domain) => domain.key),
    ),
    cooperatives,
  };
}
