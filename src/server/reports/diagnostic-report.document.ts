import type { Locale } from '../../core/access/roles.js';
import type { DiagnosticReport } from '../../core/diagnostics/report.js';
import { messages } from '../../core/i18n/messages.js';
import { radarChartGeometry } from '../documents/radar-chart.js';

/**
 * The JSON input of `assets/templates/diagnostic-report.typ`: the report's
 * view model with every number and date formatted and every heading
 * translated, so that the template only lays things out.
 */

const intlLocales: Record<Locale, string> = { fr: 'fr-MA', ar: 'ar-MA-u-nu-latn', en: 'en-GB' };

function interpolate(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function formatters(locale: Locale) {
  const number = new Intl.NumberFormat(intlLocales[locale], { maximumFractionDigits: 1 });
  const date = new Intl.DateTimeFormat(intlLocales[locale], { dateStyle: 'long', timeZone: 'Africa/Casablanca' });
  return {
    number: (value: number | null) => (value === null ? '—' : number.format(value)),
    date: (value: string | Date | null) => (value === null ? '—' : date.format(typeof value === 'string' ? new Date(value) : value)),
  };
}

export function diagnosticReportDocument(report: DiagnosticReport, generatedAt: Date) {
  const locale = report.locale;
  const t = messages[locale].reports;
  const format = formatters(locale);
  const { diagnostic, cooperative, overall } = report;
  const isRtl = locale === 'ar';

  const radar = radarChartGeometry({
    axes: report.domains.length,
    series: [report.domains.map((domain) => domain.threshold), report.domains.map((domain) => domain.score)],
    max: 100,
    rings: 4,
    width: 490,
    radius: 100,
    // Clockwise in both languages, like the page's chart: the same picture whatever the reader's language.
    direction: 'clockwise',
  });

  const validation = diagnostic.isValidated
    ? diagnostic.validatedByName
      ? interpolate(t.validatedBy, { name: diagnostic.validatedByName, date: format.date(diagnostic.validatedAt) })
      : interpolate(t.validatedOn, { date: format.date(diagnostic.validatedAt) })
    : null;

  const swotKeys = ['strengths', 'weaknesses', 'opportunities', 'threats'] as const;

  return {
    lang: locale,
    dir: isRtl ? 'rtl' : 'ltr',
    title: t.title,
    brand: t.brand,
    subtitle: t.subtitle,
    draft: diagnostic.isValidated ? null : { title: t.notValidated, help: t.notValidatedHelp },
    cooperative: {
      name: cooperative.name,
      // The name in the other script, shown under the main one.
      otherName: (isRtl ? cooperative.nameFr : cooperative.nameAr) ?? null,
    },
    facts: [
      { label: t.programme, value: report.programme.name },
      { label: t.nameFr, value: cooperative.nameFr ?? '—' },
      { label: t.nameAr, value: cooperative.nameAr ?? '—' },
      { label: t.province, value: `${cooperative.provinceName} (${cooperative.regionName})` },
      { label: t.sector, value: cooperative.valueChain ? `${cooperative.sectorLabel} — ${cooperative.valueChain}` : cooperative.sectorLabel },
      { label: t.kind, value: diagnostic.kindLabel },
      { label: t.status, value: validation ? `${diagnostic.statusLabel} — ${validation}` : diagnostic.statusLabel },
      { label: t.date, value: format.date(diagnostic.validatedAt ?? diagnostic.submittedAt ?? diagnostic.startedAt) },
      { label: t.framework, value: interpolate(t.frameworkVersion, { name: report.framework.name, version: report.framework.version }) },
    ],
    isValidated: diagnostic.isValidated,
    summary: {
      title: t.summary,
      overallLabel: t.overallScore,
      overall: overall.score === null ? t.notScored : format.number(overall.score),
      outOf: overall.score === null ? '' : t.outOf100,
      maturityLabel: t.maturityLevel,
      maturity: overall.maturityLevel === null ? t.notScored : interpolate(t.maturityValue, { level: overall.maturityLevel }),
      maturityName: overall.maturityLabel ?? '',
      level: overall.maturityLevel ?? 0,
      answered: interpolate(t.answered, { answered: overall.answered, applicable: overall.applicable }),
    },
    radar: {
      title: t.radarTitle,
      scoreSeries: t.scoreSeries,
      thresholdSeries: t.thresholdSeries,
      geometry: radar,
      labels: report.domains.map((domain, index) => ({ ...radar.labels[index]!, text: domain.label, score: format.number(domain.score) })),
    },
    domains: {
      title: t.domainsTitle,
      headers: { domain: t.domain, score: t.score, threshold: t.threshold, weight: t.weight, answers: t.answers, need: t.needColumn },
      rows: report.domains.map((domain) => ({
        label: domain.label,
        score: format.number(domain.score),
        fraction: domain.score === null ? 0 : domain.score / 100,
        thresholdFraction: domain.threshold / 100,
        threshold: format.number(domain.threshold),
        weight: format.number(domain.weight),
        answers: `${format.number(domain.answered)} / ${format.number(domain.applicable)}`,
        isNeed: domain.isNeed,
        need: domain.isNeed ? t.isNeed : domain.score === null ? '—' : t.noNeed,
      })),
    },
    needs: {
      title: t.needsTitle,
      help: t.needsHelp,
      empty: t.noNeeds,
      headers: { rank: t.rank, need: t.needColumn, score: t.score, gap: t.gap, priority: t.priority },
      rows: report.needs.map((need) => ({
        rank: format.number(need.rank),
        domain: need.domainLabel,
        question: need.questionLabel ?? t.wholeDomain,
        isDomain: need.kind === 'domain',
        score: format.number(need.score),
        threshold: format.number(need.threshold),
        gap: format.number(need.gap),
        priority: format.number(need.priority),
      })),
    },
    swot: report.swot.enabled
      ? {
          title: t.swotTitle,
          empty: t.swotEmpty,
          quadrants: swotKeys.map((key) => ({ key, title: t[key], items: report.swot[key] })),
        }
      : null,
    footer: {
      text: t.footer,
      generated: interpolate(t.generatedOn, { date: format.date(generatedAt) }),
      // {{page}} and {{total}} are filled in by the template, which alone knows them.
      pageNumber: t.pageNumber,
    },
  };
}

export type DiagnosticReportDocument = ReturnType<typeof diagnosticReportDocument>;

/** `diagnostic-cooperative-al-amal-baseline-fr.pdf`: ASCII only, for clients that ignore `filename*`. */
export function asciiSlug(text: string, fallback: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

export function reportFileNames(report: DiagnosticReport): { ascii: string; utf8: string } {
  const { cooperative, diagnostic, locale } = report;
  const ascii = `diagnostic-${asciiSlug(cooperative.nameFr ?? '', 'cooperative')}-${diagnostic.kind}-${locale}.pdf`;
  const utf8Name = cooperative.name.trim().replace(/[\s/\\:*?"<>|]+/g, '-');
  return { ascii, utf8: `diagnostic-${utf8Name}-${diagnostic.kind}-${locale}.pdf` };
}

/** A Content-Disposition header safe for every browser: an ASCII name and the UTF-8 one (RFC 6266, RFC 5987). */
export function contentDisposition(names: { ascii: string; utf8: string }): string {
  const encoded = encodeURIComponent(names.utf8).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${names.ascii}"; filename*=UTF-8''${encoded}`;
}
