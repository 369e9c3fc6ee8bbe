import { sql, type Kysely } from 'kysely';

/**
 * The due and overdue follow-up lists read planned remote follow-ups and coaching visits by start: at national
 * scale (two years of fortnightly follow-ups for thousands of cooperatives) nearly all sessions are held, so
 * partial indexes on the planned ones stay small and answer both scopes, for all programmes or one. Compliance
 * counts unplanned follow-ups (held without a session) per programme.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index programme_sessions_due_follow_up_idx on programme_sessions (starts_at) where status = 'planned' and kind in ('remote_follow_up', 'coaching')`.execute(db);
  await sql`create index programme_sessions_due_follow_up_programme_idx on programme_sessions (programme_id, starts_at) where status = 'planned' and kind in ('remote_follow_up', 'coaching')`.execute(db);
  await sql`create index follow_ups_reported_idx on follow_ups (programme_id, created_at) where status = 'reported'`.execute(db);
  await sql`create index follow_ups_unplanned_idx on follow_ups (programme_id, held_on) where session_id is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['follow_ups_unplanned_idx', 'follow_ups_reported_idx', 'programme_sessions_due_follow_up_programme_idx', 'programme_sessions_due_follow_up_idx']) {
    await sql`drop index if exists ${sql.id(name)}`.execute(db);
  }
}
