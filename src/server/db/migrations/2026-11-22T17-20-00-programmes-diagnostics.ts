import { sql, type Kysely } from 'kysely';

/**
 * Programmes in full (operator, funders and partners, territory, phases, team,
 * cadences, eligibility), the directory of organisations, enrolments, and the
 * diagnostic: versioned frameworks, diagnostics with their answers and comments.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('organisations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('name_ar', 'text')
    .addColumn('name_en', 'text')
    .addColumn('acronym', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('website', 'text')
    .addColumn('region_code', 'text', (c) => c.references('regions.code'))
    .addColumn('notes', 'text')
    .addColumn('is_demo', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('organisations_kind_idx').on('organisations').columns(['kind', 'name_fr']).execute();

  await db.schema
    .alterTable('programmes')
    .addColumn('operator_id', 'uuid', (c) => c.references('organisations.id'))
    .addColumn('description_fr', 'text')
    .addColumn('description_ar', 'text')
    .addColumn('description_en', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'active', 'closed')`))
    .addColumn('start_date', 'date')
    .addColumn('duration_months', 'integer', (c) => c.check(sql`duration_months between 1 and 240`))
    .addColumn('target_cooperatives', 'integer', (c) => c.check(sql`target_cooperatives >= 0`))
    .addColumn('budget_mad', 'numeric(15, 2)', (c) => c.check(sql`budget_mad >= 0`))
    .addColumn('region_codes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('province_codes', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('cadences', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('eligibility', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('framework_id', 'uuid')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable('programme_organisations')
    .addColumn('programme_id', 'uuid', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('funder', 'partner')`))
    .addColumn('contribution_mad', 'numeric(15, 2)')
    .addPrimaryKeyConstraint('programme_organisations_pk', ['programme_id', 'organisation_id', 'role'])
    .execute();

  await db.schema
    .createTable('programme_phases')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('programme_id', 'uuid', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('diagnostic', 'training', 'accompaniment', 'follow_up', 'closing')`))
    .addColumn('label', 'text')
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addCheckConstraint('programme_phases_dates', sql`ends_on >= starts_on`)
    .execute();
  await db.schema.createIndex('programme_phases_programme_idx').on('programme_phases').columns(['programme_id', 'position']).execute();

  await db.schema
    .createTable('programme_team')
    .addColumn('programme_id', 'uuid', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id'))
    .addColumn('team_role', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('programme_team_pk', ['programme_id', 'user_id', 'team_role'])
    .execute();

  await db.schema
    .createTable('enrolments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('programme_id', 'uuid', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('cooperative_id', 'uuid', (c) => c.notNull().references('cooperatives.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('candidate', 'enrolled', 'withdrawn', 'completed')`))
    .addColumn('candidate_at', 'date', (c) => c.notNull())
    .addColumn('enrolled_at', 'date')
    .addColumn('withdrawn_at', 'date')
    .addColumn('withdrawal_reason', 'text')
    .addColumn('completed_at', 'date')
    .addColumn('eligible', 'boolean', (c) => c.notNull())
    .addColumn('eligibility_reasons', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('override_justification', 'text')
    .addColumn('consultant_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('enrolments_programme_cooperative_key', ['programme_id', 'cooperative_id'])
    .execute();
  await db.schema.createIndex('enrolments_cooperative_idx').on('enrolments').column('cooperative_id').execute();
  await db.schema.createIndex('enrolments_programme_status_idx').on('enrolments').columns(['programme_id', 'status']).execute();
  // The cooperative's name key, province and sector, kept on each enrolment by triggers, so that a
  // programme's lists and heat map read one narrow table instead of joining the whole registry.
  await sql`alter table enrolments
    add column cooperative_name_key text,
    add column province_code text,
    add column sector text`.execute(db);
  await sql`create function enrolments_copy_cooperative() returns trigger language plpgsql as $$
    begin
      select name_key, province_code, sector into new.cooperative_name_key, new.province_code, new.sector
      from cooperatives where id = new.cooperative_id;
      return new;
    end $$`.execute(db);
  await sql`create trigger enrolments_copy_cooperative before insert or update of cooperative_id on enrolments
    for each row execute function enrolments_copy_cooperative()`.execute(db);
  await sql`create function cooperatives_sync_enrolments() returns trigger language plpgsql as $$
    begin
      update enrolments set cooperative_name_key = new.name_key, province_code = new.province_code, sector = new.sector
      where cooperative_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`create trigger cooperatives_sync_enrolments after update of name_key, province_code, sector on cooperatives
    for each row when (old.name_key is distinct from new.name_key or old.province_code is distinct from new.province_code or old.sector is distinct from new.sector)
    execute function cooperatives_sync_enrolments()`.execute(db);

  await db.schema
    .createTable('diagnostic_frameworks')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('family', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('name_fr', 'text', (c) => c.notNull())
    .addColumn('name_ar', 'text')
    .addColumn('name_en', 'text')
    .addColumn('definition', 'jsonb', (c) => c.notNull())
    .addColumn('is_default', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('frozen_at', 'timestamptz')
    .addColumn('derived_from_id', 'uuid', (c) => c.references('diagnostic_frameworks.id'))
    // The hash of the shipped definition a row was created from, so that a release adds a version only when it changes.
    .addColumn('source_hash', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('diagnostic_frameworks_family_version_key', ['family', 'version'])
    .execute();
  await sql`create unique index diagnostic_frameworks_one_default on diagnostic_frameworks (is_default) where is_default`.execute(db);

  await sql`alter table programmes add constraint programmes_framework_fk foreign key (framework_id) references diagnostic_frameworks (id)`.execute(db);

  await db.schema
    .createTable('diagnostics')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('enrolment_id', 'uuid', (c) => c.notNull().references('enrolments.id').onDelete('cascade'))
    .addColumn('programme_id', 'uuid', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('cooperative_id', 'uuid', (c) => c.notNull().references('cooperatives.id'))
    .addColumn('framework_id', 'uuid', (c) => c.notNull().references('diagnostic_frameworks.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('baseline', 'midline', 'endline')`))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'submitted', 'returned', 'validated')`))
    .addColumn('swot', 'jsonb', (c) => c.notNull().defaultTo(sql`'{"strengths":[],"weaknesses":[],"opportunities":[],"threats":[]}'::jsonb`))
    .addColumn('scores', 'jsonb')
    .addColumn('overall_score', 'numeric(5, 2)')
    .addColumn('maturity_level', 'integer')
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('submitted_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('validated_at', 'timestamptz')
    .addColumn('validated_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('returned_at', 'timestamptz')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addUniqueConstraint('diagnostics_enrolment_kind_key', ['enrolment_id', 'kind'])
    .execute();
  await db.schema.createIndex('diagnostics_programme_idx').on('diagnostics').columns(['programme_id', 'kind', 'status']).execute();
  await db.schema.createIndex('diagnostics_cooperative_idx').on('diagnostics').column('cooperative_id').execute();
  // The needs heat map sorts, filters and averages thousands of diagnostics by domain. Three narrow arrays, derived
  // by the database from `scores` whoever writes it: the domain keys in code-point order, and aligned with them each
  // domain's score and whether it is a need. Reading an array element costs a fraction of reading a key of the
  // scores document (no JSON lookup, no numeric-to-text round trip) and the (toasted) document is never read.
  const domainsOf = "jsonb_array_elements(case when jsonb_typeof(scores -> 'domains') = 'array' then scores -> 'domains' else '[]'::jsonb end)";
  await sql`create function diagnostic_domain_keys(scores jsonb) returns text[] language sql immutable parallel safe as $$
    select coalesce(array_agg(domain ->> 'domainKey' order by domain ->> 'domainKey' collate "C"), '{}') from ${sql.raw(domainsOf)} as domain
  $$`.execute(db);
  await sql`create function diagnostic_domain_values(scores jsonb) returns float8[] language sql immutable parallel safe as $$
    select coalesce(array_agg((domain ->> 'score')::float8 order by domain ->> 'domainKey' collate "C"), '{}') from ${sql.raw(domainsOf)} as domain
  $$`.execute(db);
  await sql`create function diagnostic_need_flags(scores jsonb) returns boolean[] language sql immutable parallel safe as $$
    select coalesce(array_agg(coalesce(domain -> 'isNeed' = 'true'::jsonb, false) order by domain ->> 'domainKey' collate "C"), '{}') from ${sql.raw(domainsOf)} as domain
  $$`.execute(db);
  await sql`alter table diagnostics
    add column domain_keys text[] generated always as (diagnostic_domain_keys(scores)) stored,
    add column domain_values float8[] generated always as (diagnostic_domain_values(scores)) stored,
    add column need_flags boolean[] generated always as (diagnostic_need_flags(scores)) stored`.execute(db);

  await db.schema
    .createTable('diagnostic_answers')
    .addColumn('diagnostic_id', 'uuid', (c) => c.notNull().references('diagnostics.id').onDelete('cascade'))
    .addColumn('question_key', 'text', (c) => c.notNull())
    .addColumn('value', 'jsonb')
    .addColumn('not_applicable', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('note', 'text')
    .addColumn('answered_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('answered_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('diagnostic_answers_pk', ['diagnostic_id', 'question_key'])
    .execute();

  await db.schema
    .createTable('diagnostic_comments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('diagnostic_id', 'uuid', (c) => c.notNull().references('diagnostics.id').onDelete('cascade'))
    .addColumn('author_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('question_key', 'text')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('comment').check(sql`kind in ('comment', 'return', 'validation')`))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('diagnostic_comments_diagnostic_idx').on('diagnostic_comments').columns(['diagnostic_id', 'created_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger if exists cooperatives_sync_enrolments on cooperatives`.execute(db);
  await sql`drop function if exists cooperatives_sync_enrolments()`.execute(db);
  for (const table of ['diagnostic_comments', 'diagnostic_answers', 'diagnostics']) await db.schema.dropTable(table).execute();
  for (const name of ['diagnostic_need_flags', 'diagnostic_domain_values', 'diagnostic_domain_keys']) await sql`drop function ${sql.raw(name)}(jsonb)`.execute(db);
  await sql`alter table programmes drop constraint programmes_framework_fk`.execute(db);
  for (const table of ['diagnostic_frameworks', 'enrolments', 'programme_team', 'programme_phases', 'programme_organisations']) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop function if exists enrolments_copy_cooperative()`.execute(db);
  await db.schema
    .alterTable('programmes')
    .dropColumn('operator_id')
    .dropColumn('description_fr')
    .dropColumn('description_ar')
    .dropColumn('description_en')
    .dropColumn('status')
    .dropColumn('start_date')
    .dropColumn('duration_months')
    .dropColumn('target_cooperatives')
    .dropColumn('budget_mad')
    .dropColumn('region_codes')
    .dropColumn('province_codes')
    .dropColumn('cadences')
    .dropColumn('eligibility')
    .dropColumn('framework_id')
    .dropColumn('updated_at')
    .dropColumn('version')
    .execute();
  await db.schema.dropTable('organisations').execute();
}
