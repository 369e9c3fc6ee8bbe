import { useQuery } from '@tanstack/react-query';
import type { Locale } from '../../core/access/roles.js';
import type { DiagnosticReport } from '../../core/diagnostics/report.js';
import { api } from '../shared/api-client.js';

export const diagnosticReportKeys = {
  report: (diagnosticId: string, locale: Locale) => ['diagnostics', diagnosticId, 'report', locale] as const,
};

/** The report's data with its labels in `locale` (the server resolves them from the framework). */
export function useDiagnosticReport(diagnosticId: string, locale: Locale) {
  return useQuery({
    queryKey: diagnosticReportKeys.report(diagnosticId, locale),
    queryFn: ({ signal }) => api.get<DiagnosticReport>(`/api/diagnostics/${diagnosticId}/report`, { lang: locale }, signal),
  });
}

export function diagnosticReportPdfHref(diagnosticId: string, lang: 'fr' | 'ar'): string {
  return `/api/diagnostics/${diagnosticId}/report.pdf?lang=${lang}`;
}

/** Starts the download of the PDF; the server names the file (Content-Disposition). */
export function downloadDiagnosticReportPdf(diagnosticId: string, lang: 'fr' | 'ar'): void {
  const link = document.createElement('a');
  link.href = diagnosticReportPdfHref(diagnosticId, lang);
  link.download = '';
  document.body.append(link);
  link.click();
  link.remove();
}
