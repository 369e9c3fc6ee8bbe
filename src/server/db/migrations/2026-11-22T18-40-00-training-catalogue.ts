import { sql, type Kysely } from 'kysely';

/** The training catalogue: modules with the needs they answer. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('training_modules')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('is_default', 'boolean', (c) => c.notNull().defaultTo(false))
    /** For a shipped module, the fingerprint of the shipped definition it was last set to: a different content means an admin edited it. */
    .addColumn('source_hash', 'text')
    .addColumn('archived_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('training_modules_domains_idx').on('training_modules').using('gin').expression(sql`(definition -> 'domainKeys')`).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('training_modules').ifExists().execute();
}
