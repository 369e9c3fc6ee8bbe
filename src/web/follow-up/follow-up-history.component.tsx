/** The follow-ups of one cooperative in one programme, newest first, with a link to record one (to be built). */
export function FollowUpHistory(_props: { programmeId: string; cooperativeId: string }) {
  return null;
}
