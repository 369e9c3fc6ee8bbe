import { insertReportTestDiagnostic } from '../report-fixtures.js';
import { signedIn, type Case, type Expected, type Fixture } from './support.js';

/**
 * Diagnostic reports and PDFs: the programme's team, the cooperative's
 * representative and the programme's funders read them; anyone else is told
 * the diagnostic does not exist. The report is the fixture cooperative's
 * endline diagnostic (other case files use its baseline and midline), made
 * once per database.
 */

const reportDiagnosticOf = new WeakMap<Fixture, Promise<string>>();

function reportDiagnostic(fixture: Fixture): Promise<string> {
  let pending = reportDiagnosticOf.get(fixture);
  if (!pending) {
    pending = (async () => {
      const existing = await fixture.db.selectFrom('diagnostics').select('id').where('enrolmentId', '=', fixture.enrolmentId).where('kind', '=', 'endline').executeTakeFirst();
      if (existing) return existing.id;
      return insertReportTestDiagnostic(fixture.db, {
        programmeId: fixture.programmeId,
        cooperativeId: fixture.cooperativeId,
        enrolmentId: fixture.enrolmentId,
        kind: 'endline',
        validatedBy: fixture.userIds.manager,
      });
    })();
    reportDiagnosticOf.set(fixture, pending);
  }
  return pending;
}

const reportReaders: Expected = { ...signedIn(200), otherRepresentative: 404 };

export const reportsCases: Case[] = [
  {
    method: 'GET',
    route: '/api/diagnostics/{diagnosticId}/report',
    expected: reportReaders,
    request: async (fixture) => ({ url: `/api/diagnostics/${await reportDiagnostic(fixture)}/report` }),
  },
  {
    method: 'GET',
    route: '/api/diagnostics/{diagnosticId}/report.pdf',
    expected: reportReaders,
    request: async (fixture) => ({ url: `/api/diagnostics/${await reportDiagnostic(fixture)}/report.pdf?lang=fr` }),
  },
];
