import { sql, type Kysely } from 'kysely';

/**
 * The programme indicators count a programme's trainings and workshops among
 * tens of thousands of remote follow-up sessions (48 per cooperative over two
 * years): without an index on the kind, each indicators request reads every
 * session of the programme to find the few hundred trainings. With this one
 * it reads only those.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create index programme_sessions_programme_kind_idx on programme_sessions (programme_id, kind, status)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists programme_sessions_programme_kind_idx`.execute(db);
}
