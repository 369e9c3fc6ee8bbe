/** /diagnostics/:diagnosticId/report — not built yet. */
export default function DiagnosticReportPage() {
  return null;
}
