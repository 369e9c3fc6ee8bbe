import { sql, type Kysely } from 'kysely';

/**
 * Editing plans and running them: trainers' periods of unavailability (the
 * planner avoids them, the editor flags them), a revision number on each
 * plan version (edits check it), the version a draft was copied from, and
 * the link from a session to the plan version and the planned item it
 * came from (so that creating a plan's sessions twice creates nothing twice).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('trainer_unavailability')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('trainer_unavailability_dates', sql`ends_on >= starts_on`)
    .execute();
  await db.schema.createIndex('trainer_unavailability_user_idx').on('trainer_unavailability').columns(['user_id', 'starts_on']).execute();

  await db.schema
    .alterTable('training_plans')
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('based_on_id', 'uuid', (c) => c.references('training_plans.id').onDelete('set null'))
    .addColumn('edited_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('edited_at', 'timestamptz')
    .execute();

  await db.schema
    .alterTable('programme_sessions')
    .addColumn('plan_id', 'uuid', (c) => c.references('training_plans.id').onDelete('set null'))
    .addColumn('plan_key', 'text')
    .execute();
  await sql`create unique index programme_sessions_plan_key on programme_sessions (plan_id, plan_key) where plan_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists programme_sessions_plan_key`.execute(db);
  await db.schema.alterTable('programme_sessions').dropColumn('plan_key').dropColumn('plan_id').execute();
  await db.schema.alterTable('training_plans').dropColumn('edited_at').dropColumn('edited_by').dropColumn('based_on_id').dropColumn('revision').execute();
  await db.schema.dropTable('trainer_unavailability').ifExists().execute();
}
