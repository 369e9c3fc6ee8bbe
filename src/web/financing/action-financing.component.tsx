/** Commitments and disbursements of one action, with its line's balance; shown on the action plan page (to be built). */
export function ActionFinancing(_props: { programmeId: string; cooperativeId: string; actionId: string; canManage: boolean }) {
  return null;
}
