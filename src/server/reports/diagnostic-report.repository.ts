import type { Db } from '../db/database.js';

/**
 * Everything the diagnostic report is built from, in one query: the
 * diagnostic, its cooperative (names and territory only, no personal data),
 * its programme, the framework version it was filled against, and the name
 * of the manager who validated it.
 */
export async function findDiagnosticReportRow(db: Db, diagnosticId: string) {
  return db
    .selectFrom('diagnostics as d')
    .innerJoin('cooperatives as c', 'c.id', 'd.cooperativeId')
    .innerJoin('programmes as p', 'p.id', 'd.programmeId')
    .innerJoin('diagnosticFrameworks as f', 'f.id', 'd.frameworkId')
    .leftJoin('users as v', 'v.id', 'd.validatedBy')
    .select([
      'd.id',
      'd.programmeId',
      'd.cooperativeId',
      'd.kind',
      'd.status',
      'd.swot',
      'd.scores',
      'd.startedAt',
      'd.submittedAt',
      'd.validatedAt',
      'd.updatedAt',
      'v.displayName as validatedByName',
      'c.nameFr as cooperativeNameFr',
      'c.nameAr as cooperativeNameAr',
      'c.provinceCode',
      'c.regionCode',
      'c.sector',
      'c.valueChain',
      'p.code as programmeCode',
      'p.nameFr as programmeNameFr',
      'p.nameAr as programmeNameAr',
      'p.nameEn as programmeNameEn',
      'f.id as frameworkId',
      'f.version as frameworkVersion',
      'f.nameFr as frameworkNameFr',
      'f.nameAr as frameworkNameAr',
      'f.nameEn as frameworkNameEn',
      'f.definition',
    ])
    .where('d.id', '=', diagnosticId)
    .executeTakeFirst();
}

export type DiagnosticReportRow = NonNullable<Awaited<ReturnType<typeof findDiagnosticReportRow>>>;

/** The answers, for a diagnostic whose scores were never stored. */
export async function listDiagnosticAnswers(db: Db, diagnosticId: string) {
  return db.selectFrom('diagnosticAnswers').select(['questionKey', 'value', 'notApplicable']).where('diagnosticId', '=', diagnosticId).execute();
}
