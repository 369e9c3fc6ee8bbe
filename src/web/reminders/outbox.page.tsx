/** `/admin/outbox` (to be built). */
export default function OutboxPage() {
  return null;
}
