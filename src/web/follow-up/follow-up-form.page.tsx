/** `/follow-ups/new` (to be built). */
export default function FollowUpFormPage() {
  return null;
}
