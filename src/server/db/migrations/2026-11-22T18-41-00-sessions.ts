import { sql, type Kysely } from 'kysely';

/**
 * Sessions of every kind (training, workshop, coaching, remote follow-up), participants, attendance, reports,
 * evaluations, calendar feeds. The table is `programme_sessions`: `sessions` already holds sign-in sessions.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('programme_sessions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('programme_id', 'uuid', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('training', 'workshop', 'coaching', 'remote_follow_up')`))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('module_code', 'text')
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('province_code', 'text', (c) => c.references('provinces.code'))
    .addColumn('channel', 'text', (c) => c.check(sql`channel in ('phone', 'video', 'messaging', 'visit', 'in_person')`))
    .addColumn('facilitator_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned').check(sql`status in ('planned', 'held', 'cancelled', 'postponed')`))
    .addColumn('postponed_to_id', 'uuid', (c) => c.references('programme_sessions.id').onDelete('set null'))
    .addColumn('depends_on_id', 'uuid', (c) => c.references('programme_sessions.id').onDelete('set null'))
    .addColumn('report', 'jsonb')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('programme_sessions_times', sql`ends_at > starts_at`)
    .execute();
  await db.schema.createIndex('programme_sessions_programme_idx').on('programme_sessions').columns(['programme_id', 'starts_at']).execute();
  await db.schema.createIndex('programme_sessions_starts_idx').on('programme_sessions').column('starts_at').execute();
  await db.schema.createIndex('programme_sessions_facilitator_idx').on('programme_sessions').columns(['facilitator_id', 'starts_at']).execute();

  await db.schema
    .createTable('session_cooperatives')
    .addColumn('session_id', 'uuid', (c) => c.notNull().references('programme_sessions.id').onDelete('cascade'))
    .addColumn('cooperative_id', 'uuid', (c) => c.notNull().references('cooperatives.id'))
    .addPrimaryKeyConstraint('session_cooperatives_pk', ['session_id', 'cooperative_id'])
    .execute();
  await db.schema.createIndex('session_cooperatives_cooperative_idx').on('session_cooperatives').column('cooperative_id').execute();

  await db.schema
    .createTable('session_attendance')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('session_id', 'uuid', (c) => c.notNull().references('programme_sessions.id').onDelete('cascade'))
    .addColumn('cooperative_id', 'uuid', (c) => c.notNull().references('cooperatives.id'))
    .addColumn('member_id', 'uuid', (c) => c.references('cooperative_members.id').onDelete('set null'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.check(sql`sex in ('female', 'male')`))
    .addColumn('age_group', 'text')
    .addColumn('present', 'boolean', (c) => c.notNull())
    .addColumn('confirmed_by_representative', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();
  await sql`create unique index session_attendance_member_key on session_attendance (session_id, member_id) where member_id is not null`.execute(db);
  await sql`create unique index session_attendance_name_key on session_attendance (session_id, cooperative_id, lower(full_name))`.execute(db);

  await db.schema
    .createTable('session_attachments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('session_id', 'uuid', (c) => c.notNull().references('programme_sessions.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('uploaded_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('session_attachments_session_idx').on('session_attachments').column('session_id').execute();

  await db.schema
    .createTable('session_evaluations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('session_id', 'uuid', (c) => c.notNull().references('programme_sessions.id').onDelete('cascade'))
    .addColumn('cooperative_id', 'uuid', (c) => c.references('cooperatives.id'))
    .addColumn('satisfaction', 'integer', (c) => c.notNull().check(sql`satisfaction between 1 and 5`))
    .addColumn('comment', 'text')
    .addColumn('quiz_before', 'numeric(6, 2)')
    .addColumn('quiz_after', 'numeric(6, 2)')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('session_evaluations_session_idx').on('session_evaluations').column('session_id').execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('token', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('programme_id', 'uuid', (c) => c.references('programmes.id').onDelete('cascade'))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .addCheckConstraint('calendar_feeds_target', sql`(user_id is null) <> (programme_id is null)`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['calendar_feeds', 'session_evaluations', 'session_attachments', 'session_attendance', 'session_cooperatives', 'programme_sessions']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
