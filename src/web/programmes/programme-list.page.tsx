/** /programmes — not built yet. */
export default function ProgrammeListPage() {
  return null;
}
