import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { pdfFonts, pdfPages, poppler } from '../../../test/support/pdf.js';
import { defaultFrameworkDefinition } from '../../core/diagnostics/default-framework.js';
import { defaultCatalogue } from '../../core/training/default-catalogue.js';
import { buildTrainingGuide, buildTrainingPath, type GuideSource } from '../../core/training/guide.js';
import type { PlanStatus } from '../../core/training/plan.schema.js';
import { directionOf, keepCodesWhole } from '../documents/docx-builder.js';
import { renderPdf } from '../documents/typst-renderer.js';
import { renderTrainingDocx } from './guide.docx.js';

/** The text of each page on one line (a table cell wraps its text). */
const pageLines = (bytes: Buffer) => pdfPages(bytes).map((page) => page.replace(/\s+/g, ' ').trim());

async function docxPart(bytes: Buffer, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file(part);
  if (!file) throw new Error(`${part} is missing`);
  return file.async('string');
}

const tah = 'b2c1a4e0-0000-4000-8000-000000000001';
const akhfennir = 'b2c1a4e0-0000-4000-8000-000000000002';
const accounting = defaultCatalogue.find((module) => module.code === 'FIN-ACCOUNTING')!;
const sessions = Array.from({ length: 3 }, (_, index) => ({ date: `2027-01-0${4 + index}`, hours: 6 }));

function sourceWith(status: PlanStatus): GuideSource {
  return {
    programme: {
      code: 'INJAZ-LSH-18',
      name: { fr: 'Formation de 18 coopératives', ar: 'تكوين 18 تعاونية', en: null },
      description: { fr: null, ar: null, en: null },
      operator: { fr: 'Injaz Al Maghrib', ar: 'إنجاز المغرب', en: null },
      regionCodes: ['11'],
      provinceCodes: ['11.537'],
      startDate: '2026-07-25',
      durationMonths: 12,
      phases: [{ kind: 'training', label: null, startsOn: '2027-01-04', endsOn: '2027-03-31' }],
      funders: [],
    },
    plan: {
      version: 2,
      status,
      createdAt: '2027-01-02T09:00:00Z',
      approvedAt: status === 'draft' ? null : '2027-01-03T09:00:00Z',
      result: {
        modules: [{ moduleId: 'accounting', code: 'FIN-ACCOUNTING', groups: [{ moduleId: 'accounting', number: 1, hubProvinceCode: '11.537', place: 'Tarfaya', trainerId: 'salma', cooperativeIds: [tah, akhfennir], sessions }] }],
        coaching: [],
        workshops: [{ provinceCode: '11.537', place: 'Tarfaya', date: '2027-04-05', trainerId: 'salma', cooperativeIds: [tah, akhfennir] }],
        coverage: [tah, akhfennir].map((cooperativeId) => ({
          cooperativeId,
          needKey: 'finance.fin_bookkeeping',
          domainKey: 'finance',
          questionKey: 'fin_bookkeeping',
          priority: 50,
          status: 'group' as const,
          moduleId: 'accounting',
          groupNumber: 1,
        })),
        summary: { objective: 97, needs: 2, answeredByGroups: 2, answeredByCoaching: 0, unanswered: 0, groups: 1, sessions: 3 },
      },
    },
    modules: [{ id: 'accounting', code: accounting.code, definition: accounting.definition }],
    cooperatives: [
      { id: tah, nameFr: 'Coopérative Tah', nameAr: 'تعاونية الطاح', provinceCode: '11.537' },
      // Known only by its Arabic name: it stays right to left in a French document.
      { id: akhfennir, nameFr: null, nameAr: 'تعاونية أخفنير', provinceCode: '11.537' },
    ],
    trainers: { salma: 'Salma Idrissi' },
    frameworks: [defaultFrameworkDefinition],
  };
}

const generatedAt = new Date('2027-01-15T10:00:00Z');

describe('the direction of a string in a document', () => {
  it('reads Arabic right to left and Latin left to right, whatever the document', () => {
    expect(directionOf('تعاونية الطاح', 'ltr')).toBe('rtl');
    expect(directionOf('Salma Idrissi', 'rtl')).toBe('ltr');
    // A module's code before its Arabic title reads with the Arabic.
    expect(directionOf('FIN-ACCOUNTING — المحاسبة المبسطة', 'rtl')).toBe('rtl');
    expect(directionOf('FIN-ACCOUNTING — Comptabilité', 'ltr')).toBe('ltr');
    expect(directionOf('18', 'rtl')).toBe('rtl');
  });

  it('keeps a module’s code from breaking at its hyphens', () => {
    expect(keepCodesWhole('Formation groupée : FIN-ACCOUNTING, groupe 1 (mi-temps)')).toBe('Formation groupée : FIN\u2011ACCOUNTING, groupe 1 (mi-temps)');
  });
});

describe('the training guide and path as PDF', () => {
  it.skipIf(!poppler)('prints the French guide, and marks a draft on every page', () => {
    const bytes = renderPdf('training-guide', buildTrainingGuide(sourceWith('draft'), 'fr', generatedAt));
    const pages = pageLines(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const page of pages) expect(page).toContain('Brouillon — non approuvé');
    const text = pages.join('\n');
    expect(text).toContain('Guide de formation');
    expect(text).toContain('FIN-ACCOUNTING — Comptabilité simplifiée');
    expect(text).toContain('Tenir un journal de caisse et de banque');
    expect(text).toContain('lundi 4 janvier 2027 (6 h)');
    expect(text).toContain('Salma Idrissi');
    expect(text).toContain('Coopérative Tah');
    expect(text).toContain('تعاونية أخفنير');
  });

  it.skipIf(!poppler)('prints the Arabic guide joined, in the shipped Arabic font, without a mark once approved', () => {
    const bytes = renderPdf('training-guide', buildTrainingGuide(sourceWith('approved'), 'ar', generatedAt));
    const text = pageLines(bytes).join('\n');
    expect(text).toContain('دليل التكوين');
    expect(text).toContain('المحاسبة المبسطة');
    expect(text).toContain('تعاونية الطاح');
    expect(text).toContain('مسك دفتر الصندوق والبنك');
    expect(text).not.toContain('مسودة');
    expect(pdfFonts(bytes)).toMatch(/NotoNaskhArabic-Regular\s+CID TrueType\s+Identity-H\s+yes/);
  });

  it.skipIf(!poppler)('prints a cooperative’s path with its needs, its group and its workshops', () => {
    const path = buildTrainingPath(sourceWith('superseded'), tah, 'fr', generatedAt)!;
    const pages = pageLines(renderPdf('training-guide', path));
    for (const page of pages) expect(page).toContain('Version remplacée');
    const text = pages.join('\n');
    expect(text).toContain('Parcours de formation');
    expect(text).toContain('Comment la comptabilité est-elle tenue ?');
    expect(text).toContain('lundi 5 avril 2027');
    expect(text).not.toContain('تعاونية أخفنير');
  });
});

describe('the training guide and path as DOCX', () => {
  it('writes Arabic right to left: bidirectional paragraphs, right-to-left runs, mirrored tables, the Naskh font', async () => {
    const bytes = await renderTrainingDocx(buildTrainingGuide(sourceWith('draft'), 'ar', generatedAt));
    const document = await docxPart(bytes, 'word/document.xml');
    expect(document).toContain('دليل التكوين');
    expect(document).toContain('المحاسبة المبسطة');
    expect(document).toContain('تعاونية الطاح');
    expect(document).toMatch(/<w:bidi\/>/);
    expect(document).toMatch(/<w:rtl\/>/);
    expect(document).toMatch(/<w:bidiVisual\/>/);
    expect(document).toContain('w:cs="Noto Naskh Arabic"');
    expect(document).toContain('w:ascii="Noto Sans"');
    // A Latin name stays a left-to-right run in the Arabic document.
    expect(document).toMatch(/<w:rtl w:val="false"\/><\/w:rPr><w:t xml:space="preserve">Salma Idrissi<\/w:t>/);
    expect(await docxPart(bytes, 'word/header1.xml')).toContain('مسودة — غير مصادق عليها');
  });

  it('writes French left to right, an Arabic name in its own direction, and no mark once approved', async () => {
    const bytes = await renderTrainingDocx(buildTrainingPath(sourceWith('approved'), akhfennir, 'fr', generatedAt)!);
    const document = await docxPart(bytes, 'word/document.xml');
    expect(document).toContain('Parcours de formation');
    expect(document).toContain('Comment la comptabilité est-elle tenue ?');
    expect(document).not.toMatch(/<w:bidiVisual\/>/);
    expect(document).toMatch(/<w:rtl\/><\/w:rPr><w:t xml:space="preserve">تعاونية أخفنير<\/w:t>/);
    const zip = await JSZip.loadAsync(bytes);
    expect(Object.keys(zip.files).filter((name) => name.startsWith('word/header'))).toEqual([]);
  });
});
