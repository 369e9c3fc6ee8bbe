/** /frameworks/:frameworkId — not built yet. */
export default function FrameworkEditorPage() {
  return null;
}
