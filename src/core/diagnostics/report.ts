import { z } from 'zod';
import { locales, type Locale } from '../access/roles.js';
import { messages } from '../i18n/messages.js';
import type { SectorCode } from '../registry/sectors.js';
import { getProvince, getRegion } from '../territories/territories.js';
import {
  diagnosticKinds,
  diagnosticStatuses,
  type DiagnosticKind,
  type DiagnosticScores,
  type DiagnosticStatus,
  type Swot,
} from './diagnostic.schema.js';
import type { FrameworkDefinition, LocalizedText } from './framework.schema.js';

/**
 * The diagnostic report of one cooperative, in one language: what the report
 * page shows and what the PDF prints. Built from the stored diagnostic, its
 * framework version and its scores, with every label already resolved, so
 * that the page and both PDFs say exactly the same thing. It carries no
 * personal data (no member names or phones): funders read it too.
 */

const domainRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  /** 0–100, or null when no applicable answer was scored. */
  score: z.number().nullable(),
  threshold: z.number(),
  weight: z.number(),
  isNeed: z.boolean(),
  answered: z.number().int(),
  applicable: z.number().int(),
  total: z.number().int(),
});
export type ReportDomain = z.infer<typeof domainRowSchema>;

const needRowSchema = z.object({
  /** 1 for the highest priority. */
  rank: z.number().int(),
  kind: z.enum(['domain', 'question']),
  domainKey: z.string(),
  domainLabel: z.string(),
  questionKey: z.string().nullable(),
  questionLabel: z.string().nullable(),
  score: z.number(),
  threshold: z.number(),
  gap: z.number(),
  weight: z.number(),
  priority: z.number(),
});
export type ReportNeed = z.infer<typeof needRowSchema>;

export const diagnosticReportSchema = z.object({
  locale: z.enum(locales),
  diagnostic: z.object({
    id: z.string(),
    kind: z.enum(diagnosticKinds),
    kindLabel: z.string(),
    status: z.enum(diagnosticStatuses),
    statusLabel: z.string(),
    isValidated: z.boolean(),
    startedAt: z.string(),
    submittedAt: z.string().nullable(),
    validatedAt: z.string().nullable(),
    /** The display name of the manager who validated it (staff, not a member's personal data). */
    validatedByName: z.string().nullable(),
    updatedAt: z.string(),
  }),
  cooperative: z.object({
    id: z.string(),
    /** In the report's language when it has one, else the other. */
    name: z.string(),
    nameFr: z.string().nullable(),
    nameAr: z.string().nullable(),
    provinceCode: z.string(),
    provinceName: z.string(),
    regionName: z.string(),
    sector: z.string(),
    sectorLabel: z.string(),
    valueChain: z.string().nullable(),
  }),
  programme: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  framework: z.object({ id: z.string(), name: z.string(), version: z.number().int() }),
  overall: z.object({
    score: z.number().nullable(),
    maturityLevel: z.number().int().min(1).max(4).nullable(),
    maturityLabel: z.string().nullable(),
    answered: z.number().int(),
    applicable: z.number().int(),
    total: z.number().int(),
  }),
  domains: z.array(domainRowSchema),
  needs: z.array(needRowSchema),
  swot: z.object({
    enabled: z.boolean(),
    strengths: z.array(z.string()),
    weaknesses: z.array(z.string()),
    opportunities: z.array(z.string()),
    threats: z.array(z.string()),
  }),
});
export type DiagnosticReport = z.infer<typeof diagnosticReportSchema>;

/** What the report is built from: the stored rows, as the repository reads them. */
export interface DiagnosticReportSource {
  diagnostic: {
    id: string;
    kind: DiagnosticKind;
    status: DiagnosticStatus;
    startedAt: string;
    submittedAt: string | null;
    validatedAt: string | null;
    validatedByName: string | null;
    updatedAt: string;
    swot: Swot;
  };
  scores: DiagnosticScores;
  cooperative: {
    id: string;
    nameFr: string | null;
    nameAr: string | null;
    provinceCode: string;
    regionCode: string;
    sector: SectorCode | string;
    valueChain: string | null;
  };
  programme: { id: string; code: string; nameFr: string; nameAr: string | null; nameEn: string | null };
  framework: { id: string; version: number; nameFr: string; nameAr: string | null; nameEn: string | null; definition: FrameworkDefinition };
}

/** A text in the wanted language; French stands in for a missing one. */
function pick(text: LocalizedText | undefined, locale: Locale): string {
  if (!text) return '';
  return text[locale] || text.fr;
}

function nameIn(locale: Locale, names: { fr: string | null; ar: string | null; en?: string | null }): string {
  const preferred = locale === 'ar' ? [names.ar, names.fr, names.en] : locale === 'en' ? [names.en, names.fr, names.ar] : [names.fr, names.ar, names.en];
  return preferred.find((name): name is string => typeof name === 'string' && name.trim() !== '') ?? '';
}

/** Highest priority first; equal priorities keep the order the scoring gave them. */
export function rankNeeds<T extends { priority: number }>(needs: readonly T[]): T[] {
  return needs
    .map((need, index) => ({ need, index }))
    .sort((a, b) => b.need.priority - a.need.priority || a.index - b.index)
    .map(({ need }) => need);
}

export function buildDiagnosticReport(source: DiagnosticReportSource, locale: Locale): DiagnosticReport {
  const text = messages[locale].reports;
  const sectors = messages[locale].sectors as Record<string, string>;
  const { definition } = source.framework;
  const domainsByKey = new Map(definition.domains.map((domain) => [domain.key, domain]));
  const questionsByKey = new Map(definition.domains.flatMap((domain) => domain.questions.map((question) => [question.key, question] as const)));
  const scoreByDomain = new Map(source.scores.domains.map((score) => [score.domainKey, score]));
  const province = getProvince(source.cooperative.provinceCode);
  const region = getRegion(source.cooperative.regionCode);
  const level = source.scores.maturityLevel;

  // Domains in the framework's order, including those the scores do not mention yet.
  const domains: ReportDomain[] = definition.domains.map((domain) => {
    const score = scoreByDomain.get(domain.key);
    return {
      key: domain.key,
      label: pick(domain.label, locale),
      score: score?.score ?? null,
      threshold: score?.threshold ?? domain.needThreshold,
      weight: score?.weight ?? domain.weight,
      isNeed: score?.isNeed ?? false,
      answered: score?.answered ?? 0,
      applicable: score?.applicable ?? 0,
      total: score?.total ?? domain.questions.length,
    };
  });

  const needs: ReportNeed[] = rankNeeds(source.scores.needs).map((need, index) => {
    const question = need.questionKey ? questionsByKey.get(need.questionKey) : undefined;
    return {
      rank: index + 1,
      kind: need.kind,
      domainKey: need.domainKey,
      domainLabel: pick(domainsByKey.get(need.domainKey)?.label, locale) || need.domainKey,
      questionKey: need.questionKey,
      questionLabel: need.questionKey ? pick(question?.text, locale) || need.questionKey : null,
      score: need.score,
      threshold: need.threshold,
      gap: need.gap,
      weight: need.weight,
      priority: need.priority,
    };
  });

  const { diagnostic, cooperative, programme, framework } = source;
  return {
    locale,
    diagnostic: {
      id: diagnostic.id,
      kind: diagnostic.kind,
      kindLabel: text.kinds[diagnostic.kind],
      status: diagnostic.status,
      statusLabel: text.statuses[diagnostic.status],
      isValidated: diagnostic.status === 'validated',
      startedAt: diagnostic.startedAt,
      submittedAt: diagnostic.submittedAt,
      validatedAt: diagnostic.validatedAt,
      validatedByName: diagnostic.validatedByName,
      updatedAt: diagnostic.updatedAt,
    },
    cooperative: {
      id: cooperative.id,
      name: nameIn(locale, { fr: cooperative.nameFr, ar: cooperative.nameAr }),
      nameFr: cooperative.nameFr,
      nameAr: cooperative.nameAr,
      provinceCode: cooperative.provinceCode,
      provinceName: province ? (locale === 'ar' ? province.name.ar : province.name.fr) : cooperative.provinceCode,
      regionName: region ? (locale === 'ar' ? region.name.ar : region.name.fr) : cooperative.regionCode,
      sector: cooperative.sector,
      sectorLabel: sectors[cooperative.sector] ?? cooperative.sector,
      valueChain: cooperative.valueChain,
    },
    programme: { id: programme.id, code: programme.code, name: nameIn(locale, { fr: programme.nameFr, ar: programme.nameAr, en: programme.nameEn }) },
    framework: { id: framework.id, name: nameIn(locale, { fr: framework.nameFr, ar: framework.nameAr, en: framework.nameEn }), version: framework.version },
    overall: {
      score: source.scores.overall,
      maturityLevel: level,
      maturityLabel: level ? pick(definition.maturityLabels[level - 1], locale) : null,
      answered: source.scores.answered,
      applicable: source.scores.applicable,
      total: source.scores.total,
    },
    domains,
    needs,
    swot: {
      enabled: definition.swot,
      strengths: [...diagnostic.swot.strengths],
      weaknesses: [...diagnostic.swot.weaknesses],
      opportunities: [...diagnostic.swot.opportunities],
      threats: [...diagnostic.swot.threats],
    },
  };
}

/** Scores of a diagnostic nobody has answered yet: every domain unscored, no needs. */
export function emptyScores(definition: FrameworkDefinition): DiagnosticScores {
  const domains = definition.domains.map((domain) => ({
    domainKey: domain.key,
    score: null,
    threshold: domain.needThreshold,
    weight: domain.weight,
    answered: 0,
    applicable: domain.questions.length,
    total: domain.questions.length,
    isNeed: false,
  }));
  const total = domains.reduce((sum, domain) => sum + domain.total, 0);
  return { domains, overall: null, maturityLevel: null, needs: [], answered: 0, applicable: total, total };
}
