/** `/follow-ups/:followUpId` (to be built). */
export default function FollowUpPage() {
  return null;
}
