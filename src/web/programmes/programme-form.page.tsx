/** /programmes/new and programmes/:programmeId/edit — not built yet. */
export default function ProgrammeFormPage() {
  return null;
}
