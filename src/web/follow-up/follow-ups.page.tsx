/** `/follow-ups` (to be built). */
export default function FollowUpsPage() {
  return null;
}
