/** /programmes/:programmeId/needs — not built yet. */
export default function ProgrammeNeedsPage() {
  return null;
}
