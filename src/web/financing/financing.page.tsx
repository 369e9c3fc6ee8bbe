/** `/programmes/:programmeId/financing` (to be built). */
export default function FinancingPage() {
  return null;
}
