import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportTestDefinition, reportTestScores, reportTestSwot } from '../../../test/report-fixtures.js';
import { buildDiagnosticReport, diagnosticReportSchema, emptyScores, rankNeeds, type DiagnosticReportSource } from './report.js';

const source = (overrides: Partial<DiagnosticReportSource['diagnostic']> = {}): DiagnosticReportSource => ({
  diagnostic: {
    id: 'd1',
    kind: 'baseline',
    status: 'validated',
    startedAt: '2026-02-03T09:00:00.000Z',
    submittedAt: '2026-02-20T09:00:00.000Z',
    validatedAt: '2026-03-01T10:00:00.000Z',
    validatedByName: 'Samira Bennani',
    updatedAt: '2026-03-01T10:00:00.000Z',
    swot: reportTestSwot,
    ...overrides,
  },
  scores: reportTestScores,
  cooperative: { id: 'c1', nameFr: 'Coopérative Al Amal', nameAr: 'تعاونية الأمل', provinceCode: '11.537', regionCode: '11', sector: 'fisheries', valueChain: null },
  programme: { id: 'p1', code: 'P1', nameFr: 'Programme du Sud', nameAr: 'برنامج الجنوب', nameEn: null },
  framework: { id: 'f1', version: 3, nameFr: 'Diagnostic', nameAr: 'التشخيص', nameEn: 'Diagnostic', definition: reportTestDefinition },
});

describe('the diagnostic report view model', () => {
  it('resolves labels in French', () => {
    const report = buildDiagnosticReport(source(), 'fr');
    expect(diagnosticReportSchema.parse(report)).toEqual(report);
    expect(report.cooperative.name).toBe('Coopérative Al Amal');
    expect(report.cooperative.sectorLabel).toBe('Pêche');
    expect(report.cooperative.provinceName).toBe('Tarfaya');
    expect(report.diagnostic.kindLabel).toBe('Diagnostic initial');
    expect(report.diagnostic.statusLabel).toBe('Validé');
    expect(report.overall.maturityLabel).toBe('En structuration');
    expect(report.domains.map((domain) => domain.label)).toContain('Gestion financière');
    expect(report.framework).toEqual({ id: 'f1', name: 'Diagnostic', version: 3 });
  });

  it('resolves labels in Arabic, with the Arabic names first', () => {
    const report = buildDiagnosticReport(source(), 'ar');
    expect(report.cooperative.name).toBe('تعاونية الأمل');
    expect(report.cooperative.nameFr).toBe('Coopérative Al Amal');
    expect(report.programme.name).toBe('برنامج الجنوب');
    expect(report.cooperative.sectorLabel).toBe('الصيد البحري');
    expect(report.cooperative.provinceName).toBe('طرفاية');
    expect(report.overall.maturityLabel).toBe('في طور الهيكلة');
    expect(report.needs[0]!.questionLabel).toBe('تكلفة كل منتوج معروفة');
    expect(report.diagnostic.kindLabel).toBe('التشخيص الأولي');
  });

  it('falls back to French for a name missing in English', () => {
    const report = buildDiagnosticReport(source(), 'en');
    expect(report.programme.name).toBe('Programme du Sud');
    expect(report.domains[0]!.label).toBe('Technical and production');
  });

  it('ranks the needs by priority, highest first, with domain and question labels', () => {
    const report = buildDiagnosticReport(source(), 'fr');
    expect(report.needs.map((need) => [need.rank, need.domainKey, need.questionKey])).toEqual([
      [1, 'finance', 'costing'],
      [2, 'finance', null],
      [3, 'marketing', null],
      [4, 'marketing', 'packaging'],
      [5, 'legal', null],
    ]);
    expect(report.needs[0]).toMatchObject({ domainLabel: 'Gestion financière', questionLabel: 'Le coût de revient de chaque produit est connu', gap: 60, priority: 120 });
    expect(report.needs[1]!.questionLabel).toBeNull();
  });

  it('keeps every domain of the framework in its order, unscored ones included', () => {
    const report = buildDiagnosticReport(source(), 'fr');
    expect(report.domains.map((domain) => domain.key)).toEqual(reportTestDefinition.domains.map((domain) => domain.key));
    expect(report.domains.find((domain) => domain.key === 'strategy')).toMatchObject({ score: null, isNeed: false, threshold: 60 });
  });

  it('says a draft is not validated', () => {
    const report = buildDiagnosticReport(source({ status: 'draft', validatedAt: null, validatedByName: null }), 'fr');
    expect(report.diagnostic.isValidated).toBe(false);
    expect(report.diagnostic.statusLabel).toBe('Brouillon');
  });

  it('reports an unanswered diagnostic without scores or needs', () => {
    const report = buildDiagnosticReport({ ...source(), scores: emptyScores(reportTestDefinition) }, 'fr');
    expect(report.overall).toMatchObject({ score: null, maturityLevel: null, maturityLabel: null, answered: 0, total: 9 });
    expect(report.needs).toEqual([]);
  });

  it('ranking is a stable sort by descending priority', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ id: fc.nat(), priority: fc.integer({ min: 0, max: 5 }) })), (needs) => {
        const ranked = rankNeeds(needs);
        expect(ranked).toHaveLength(needs.length);
        for (let index = 1; index < ranked.length; index += 1) {
          const [before, after] = [ranked[index - 1]!, ranked[index]!];
          expect(before.priority).toBeGreaterThanOrEqual(after.priority);
          if (before.priority === after.priority) expect(needs.indexOf(before)).toBeLessThan(needs.indexOf(after));
        }
      }),
    );
  });
});
