import type { Db } from '../db/database.js';

/** The active users among these, with their name and language (an inactive account gets no e-mail). */
export async function listActiveRecipients(db: Db, userIds: string[]): Promise<Map<string, { displayName: string; email: string; locale: string }>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'displayName', 'email', 'locale']).where('id', 'in', userIds).where('isActive', '=', true).execute();
  return new Map(rows.map((row) => [row.id, row]));
}
