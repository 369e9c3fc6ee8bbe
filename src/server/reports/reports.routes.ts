import { z } from 'zod';
import { locales } from '../../core/access/roles.js';
import { diagnosticReportSchema } from '../../core/diagnostics/report.js';
import { pickLocale } from '../../core/i18n/messages.js';
import { errorBodySchema } from '../../core/shared/errors.js';
import { requirePrincipal } from '../http/principal.js';
import type { App } from '../http/types.js';
import { getDiagnosticReport, getDiagnosticReportPdf } from './diagnostic-report.service.js';

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema };
const params = z.object({ diagnosticId: z.uuid() });
const tags = ['reports'];

/** The diagnostic report of one cooperative: the page's data and the PDF in French or Arabic. */
export async function reportRoutes(app: App): Promise<void> {
  app.get(
    '/api/diagnostics/:diagnosticId/report',
    {
      schema: {
        tags,
        summary: 'The diagnostic report of a cooperative (scores, maturity, ranked needs, SWOT), labels in the requested language; no personal data',
        params,
        querystring: z.object({ lang: z.enum(locales).optional() }),
        response: { 200: diagnosticReportSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return getDiagnosticReport(app.db, principal, request.params.diagnosticId, request.query.lang ?? pickLocale(principal.locale));
    },
  );

  app.get(
    '/api/diagnostics/:diagnosticId/report.pdf',
    {
      schema: {
        tags,
        summary: 'The diagnostic report as an A4 PDF, in French or in Arabic (right to left)',
        params,
        querystring: z.object({ lang: z.enum(['fr', 'ar']).optional() }),
        response: { 200: z.instanceof(Buffer).describe('application/pdf, as an attachment'), ...errors },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const lang = request.query.lang ?? (principal.locale === 'ar' ? 'ar' : 'fr');
      const pdf = await getDiagnosticReportPdf(app.db, principal, request.params.diagnosticId, lang);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', pdf.contentDisposition)
        .header('cache-control', 'private, no-store')
        .send(pdf.bytes);
    },
  );
}
