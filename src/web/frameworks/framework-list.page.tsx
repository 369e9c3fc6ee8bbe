/** /frameworks — not built yet. */
export default function FrameworkListPage() {
  return null;
}
