/** /programmes/:programmeId — not built yet. */
export default function ProgrammeDetailPage() {
  return null;
}
