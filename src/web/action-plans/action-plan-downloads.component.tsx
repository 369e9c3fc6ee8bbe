/** Links to the action plan's document, PDF and DOCX, in French and Arabic (to be built). */
export function ActionPlanDownloads(_props: { actionPlanId: string }) {
  return null;
}
