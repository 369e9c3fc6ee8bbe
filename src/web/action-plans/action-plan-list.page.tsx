/** `/programmes/:programmeId/action-plans` (to be built). */
export default function ActionPlanListPage() {
  return null;
}
