/** `/action-plans/:actionPlanId` (to be built). */
export default function ActionPlanPage() {
  return null;
}
