/** /diagnostics/:diagnosticId — not built yet. */
export default function DiagnosticFillPage() {
  return null;
}
