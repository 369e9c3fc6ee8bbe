import { canReadDiagnosticReport } from '../../core/access/policies.js';
import type { Locale, Principal } from '../../core/access/roles.js';
import { answerValueSchema, diagnosticScoresSchema, swotSchema, type DiagnosticScores, type ScoringAnswer } from '../../core/diagnostics/diagnostic.schema.js';
import { frameworkDefinitionSchema, type FrameworkDefinition } from '../../core/diagnostics/framework.schema.js';
import { buildDiagnosticReport, emptyScores, type DiagnosticReport } from '../../core/diagnostics/report.js';
import { scoreDiagnostic } from '../../core/diagnostics/scoring.js';
import type { Db } from '../db/database.js';
import { renderPdf } from '../documents/typst-renderer.js';
import { notFound } from '../http/errors.js';
import { contentDisposition, diagnosticReportDocument, reportFileNames } from './diagnostic-report.document.js';
import { findDiagnosticReportRow, listDiagnosticAnswers, type DiagnosticReportRow } from './diagnostic-report.repository.js';

/**
 * The diagnostic report: whoever may read the diagnostic, and the
 * programme's funders. Anyone else gets "not found", so that ids cannot be
 * probed. The report holds no personal data.
 */
async function readableReportRow(db: Db, principal: Principal, diagnosticId: string): Promise<DiagnosticReportRow> {
  const row = await findDiagnosticReportRow(db, diagnosticId);
  if (!row || !canReadDiagnosticReport(principal, row.programmeId, row.cooperativeId)) throw notFound();
  return row;
}

/** The stored scores, refreshed at every save; computed from the answers only for a diagnostic saved before scoring existed. */
async function scoresOf(db: Db, row: DiagnosticReportRow, definition: FrameworkDefinition): Promise<DiagnosticScores> {
  if (row.scores) return diagnosticScoresSchema.parse(row.scores);
  const answers = await listDiagnosticAnswers(db, row.id);
  if (answers.length === 0) return emptyScores(definition);
  const byQuestion = new Map<string, ScoringAnswer>(
    answers.map((answer) => {
      const value = answerValueSchema.safeParse(answer.value);
      return [answer.questionKey, { value: value.success ? value.data : null, notApplicable: answer.notApplicable }];
    }),
  );
  return scoreDiagnostic(definition, byQuestion);
}

async function loadReport(db: Db, principal: Principal, diagnosticId: string, locale: Locale): Promise<DiagnosticReport> {
  const row = await readableReportRow(db, principal, diagnosticId);
  const definition = frameworkDefinitionSchema.parse(row.definition);
  const scores = await scoresOf(db, row, definition);
  return buildDiagnosticReport(
    {
      diagnostic: {
        id: row.id,
        kind: row.kind,
        status: row.status,
        startedAt: row.startedAt,
        submittedAt: row.submittedAt,
        validatedAt: row.validatedAt,
        validatedByName: row.validatedByName,
        updatedAt: row.updatedAt,
        swot: swotSchema.parse(row.swot),
      },
      scores,
      cooperative: {
        id: row.cooperativeId,
        nameFr: row.cooperativeNameFr,
        nameAr: row.cooperativeNameAr,
        provinceCode: row.provinceCode,
        regionCode: row.regionCode,
        sector: row.sector,
        valueChain: row.valueChain,
      },
      programme: { id: row.programmeId, code: row.programmeCode, nameFr: row.programmeNameFr, nameAr: row.programmeNameAr, nameEn: row.programmeNameEn },
      framework: { id: row.frameworkId, version: row.frameworkVersion, nameFr: row.frameworkNameFr, nameAr: row.frameworkNameAr, nameEn: row.frameworkNameEn, definition },
    },
    locale,
  );
}

export async function getDiagnosticReport(db: Db, principal: Principal, diagnosticId: string, locale: Locale): Promise<DiagnosticReport> {
  return loadReport(db, principal, diagnosticId, locale);
}

export interface ReportPdf {
  bytes: Buffer;
  contentDisposition: string;
}

export async function getDiagnosticReportPdf(db: Db, principal: Principal, diagnosticId: string, locale: Locale): Promise<ReportPdf> {
  const report = await loadReport(db, principal, diagnosticId, locale);
  const generatedAt = new Date();
  const bytes = renderPdf('diagnostic-report', diagnosticReportDocument(report, generatedAt), { createdAt: generatedAt });
  return { bytes, contentDisposition: contentDisposition(reportFileNames(report)) };
}
