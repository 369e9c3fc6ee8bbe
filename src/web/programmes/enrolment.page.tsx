/** /programmes/:programmeId/enrolment — not built yet. */
export default function EnrolmentPage() {
  return null;
}
