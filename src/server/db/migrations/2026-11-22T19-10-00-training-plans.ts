import { sql, type Kysely } from 'kysely';

/** Training plans: versions of a programme's generated plan, draft until a manager approves one. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('training_plans')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('programme_id', 'uuid', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'approved', 'superseded')`))
    /** The constraints used, the calendar and the counts of the inputs. */
    .addColumn('parameters', 'jsonb', (c) => c.notNull())
    /** The planner's output (camelCase keys only, so that it reads back unchanged). */
    .addColumn('result', 'jsonb', (c) => c.notNull())
    .addColumn('objective', 'double precision', (c) => c.notNull())
    .addColumn('needs_count', 'integer', (c) => c.notNull())
    .addColumn('answered_by_groups', 'integer', (c) => c.notNull())
    .addColumn('answered_by_coaching', 'integer', (c) => c.notNull())
    .addColumn('unanswered_count', 'integer', (c) => c.notNull())
    .addColumn('groups_count', 'integer', (c) => c.notNull())
    .addColumn('sessions_count', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('approved_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('approved_at', 'timestamptz')
    .addUniqueConstraint('training_plans_programme_version_key', ['programme_id', 'version'])
    .execute();
  // At most one approved version per programme.
  await sql`create unique index training_plans_one_approved_idx on training_plans (programme_id) where status = 'approved'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('training_plans').ifExists().execute();
}
