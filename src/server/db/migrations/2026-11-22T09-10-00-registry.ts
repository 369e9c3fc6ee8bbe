import { sql, type Kysely } from 'kysely';

/** Cooperatives, their members and contacts, role grants scoped to a programme or a cooperative, imports. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cooperatives')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('registration_number', 'text', (c) => c.unique())
    .addColumn('name_fr', 'text')
    .addColumn('name_ar', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('legal_form', 'text', (c) => c.notNull().check(sql`legal_form in ('cooperative', 'union')`))
    .addColumn('creation_date', 'date')
    .addColumn('sector', 'text', (c) => c.notNull())
    .addColumn('value_chain', 'text')
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('province_code', 'text', (c) => c.notNull().references('provinces.code'))
    .addColumn('commune', 'text')
    .addColumn('address', 'text')
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('members_total', 'integer', (c) => c.check(sql`members_total >= 0`))
    .addColumn('members_women', 'integer', (c) => c.check(sql`members_women >= 0`))
    .addColumn('members_young', 'integer', (c) => c.check(sql`members_young >= 0`))
    .addColumn('capital_mad', 'numeric(15, 2)')
    .addColumn('president_name', 'text')
    .addColumn('president_phone', 'text')
    .addColumn('manager_name', 'text')
    .addColumn('manager_phone', 'text')
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('products', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('turnover_mad', 'numeric(15, 2)')
    .addColumn('turnover_year', 'integer')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active', 'inactive', 'dissolved')`))
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('archived_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('cooperatives_name_present', sql`name_fr is not null or name_ar is not null`)
    .execute();
  await sql`create index cooperatives_search_text_trgm_idx on cooperatives using gin (search_text gin_trgm_ops)`.execute(db);
  await db.schema.createIndex('cooperatives_name_key_idx').on('cooperatives').columns(['name_key', 'id']).execute();
  await db.schema.createIndex('cooperatives_province_name_key_idx').on('cooperatives').columns(['province_code', 'name_key']).execute();
  await db.schema.createIndex('cooperatives_region_name_key_idx').on('cooperatives').columns(['region_code', 'name_key']).execute();
  await db.schema.createIndex('cooperatives_sector_idx').on('cooperatives').columns(['sector', 'name_key']).execute();
  await db.schema.createIndex('cooperatives_creation_date_idx').on('cooperatives').column('creation_date').execute();
  // The list counts current cooperatives from this narrow index (index-only scans), not from the wide table.
  await sql`create index cooperatives_current_filters_idx on cooperatives (region_code, province_code, sector, status) where archived_at is null`.execute(db);

  await db.schema
    .createTable('cooperative_members')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('cooperative_id', 'uuid', (c) => c.notNull().references('cooperatives.id').onDelete('cascade'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.check(sql`sex in ('female', 'male')`))
    .addColumn('age_group', 'text')
    .addColumn('phone', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('cooperative_members_cooperative_idx').on('cooperative_members').column('cooperative_id').execute();

  await db.schema
    .createTable('role_grants')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) =>
      c.notNull().check(sql`role in ('admin', 'programme_manager', 'consultant', 'cooperative_representative', 'funder')`),
    )
    .addColumn('programme_id', 'uuid', (c) => c.references('programmes.id').onDelete('cascade'))
    .addColumn('cooperative_id', 'uuid', (c) => c.references('cooperatives.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint(
      'role_grants_representative_has_cooperative',
      sql`(role = 'cooperative_representative') = (cooperative_id is not null)`,
    )
    .execute();
  await sql`create unique index role_grants_unique_idx on role_grants (user_id, role, coalesce(programme_id, '00000000-0000-0000-0000-000000000000'), coalesce(cooperative_id, '00000000-0000-0000-0000-000000000000'))`.execute(
    db,
  );

  await db.schema
    .createTable('imports')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('created_by', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('uploaded'))
    .addColumn('summary', 'jsonb')
    .addColumn('finished_at', 'timestamptz')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['imports', 'role_grants', 'cooperative_members', 'cooperatives']) {
    await db.schema.dropTable(table).execute();
  }
}
