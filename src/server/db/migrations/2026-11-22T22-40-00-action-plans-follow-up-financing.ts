import { sql, type Kysely } from 'kysely';

/**
 * What each cooperative commits to and how it is followed: its action plan (actions, their
 * stakeholders and indicators with measured values), the follow-ups that update them, the
 * outbox of reminders, the programme's budget lines with commitments and disbursements, and
 * the outcome figures entered per cooperative (turnover, jobs, members).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = (c: any) => c.primaryKey().defaultTo(sql`gen_random_uuid()`);
  const now = (c: any) => c.notNull().defaultTo(sql`now()`);

  await db.schema
    .createTable('action_plans')
    .addColumn('id', 'uuid', id)
    .addColumn('programme_id', 'uuid', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('cooperative_id', 'uuid', (c) => c.notNull().references('cooperatives.id'))
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('draft').check(sql`status in ('draft', 'agreed')`))
    .addColumn('diagnostic_id', 'uuid', (c) => c.references('diagnostics.id').onDelete('set null'))
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('accepted_at', 'timestamptz')
    .addColumn('accepted_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('acceptance_note', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .addUniqueConstraint('action_plans_cooperative_key', ['programme_id', 'cooperative_id'])
    .execute();
  await db.schema.createIndex('action_plans_cooperative_idx').on('action_plans').column('cooperative_id').execute();

  await db.schema
    .createTable('plan_actions')
    .addColumn('id', 'uuid', id)
    .addColumn('action_plan_id', 'uuid', (c) => c.notNull().references('action_plans.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('domain_key', 'text')
    .addColumn('need_keys', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('template_code', 'text')
    .addColumn('module_code', 'text')
    .addColumn('executor_kind', 'text', (c) => c.notNull().check(sql`executor_kind in ('member', 'consultant', 'organisation')`))
    .addColumn('executor_member_id', 'uuid', (c) => c.references('cooperative_members.id').onDelete('set null'))
    .addColumn('executor_user_id', 'uuid', (c) => c.references('users.id'))
    .addColumn('executor_organisation_id', 'uuid', (c) => c.references('organisations.id'))
    .addColumn('executor_label', 'text')
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('due_on', 'date', (c) => c.notNull())
    .addColumn('agreed_due_on', 'date')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('planned').check(sql`status in ('planned', 'in_progress', 'done', 'blocked', 'cancelled')`))
    .addColumn('progress', 'integer', (c) => c.notNull().defaultTo(0).check(sql`progress between 0 and 100`))
    .addColumn('done_on', 'date')
    .addColumn('budget_mad', 'numeric(15, 2)', (c) => c.check(sql`budget_mad >= 0`))
    .addColumn('financing_source', 'text', (c) => c.check(sql`financing_source in ('programme', 'own_funds', 'partner', 'loan')`))
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addCheckConstraint('plan_actions_dates', sql`due_on >= starts_on`)
    .execute();
  await db.schema.createIndex('plan_actions_plan_idx').on('plan_actions').columns(['action_plan_id', 'position']).execute();
  await db.schema.createIndex('plan_actions_due_idx').on('plan_actions').columns(['due_on', 'status']).execute();

  await db.schema
    .createTable('action_stakeholders')
    .addColumn('action_id', 'uuid', (c) => c.notNull().references('plan_actions.id').onDelete('cascade'))
    .addColumn('organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('role', 'text')
    .addPrimaryKeyConstraint('action_stakeholders_pk', ['action_id', 'organisation_id'])
    .execute();

  await db.schema
    .createTable('action_indicators')
    .addColumn('id', 'uuid', id)
    .addColumn('action_id', 'uuid', (c) => c.notNull().references('plan_actions.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('monitoring', 'performance')`))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('baseline', 'numeric(15, 2)')
    .addColumn('target', 'numeric(15, 2)', (c) => c.notNull())
    .addColumn('target_date', 'date')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'timestamptz', now)
    .execute();
  await db.schema.createIndex('action_indicators_action_idx').on('action_indicators').column('action_id').execute();

  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'uuid', id)
    .addColumn('programme_id', 'uuid', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('cooperative_id', 'uuid', (c) => c.notNull().references('cooperatives.id'))
    /** The planned follow-up (a remote_follow_up or coaching session) this one holds, if any. */
    .addColumn('session_id', 'uuid', (c) => c.references('programme_sessions.id').onDelete('set null'))
    .addColumn('held_on', 'date', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('phone', 'video', 'messaging', 'visit')`))
    .addColumn('conducted_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('reported_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('reported_by_role', 'text', (c) => c.notNull().check(sql`reported_by_role in ('consultant', 'representative')`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('reported', 'confirmed')`))
    .addColumn('confirmed_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('summary', 'text')
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await sql`create unique index follow_ups_session_key on follow_ups (session_id) where session_id is not null`.execute(db);
  await db.schema.createIndex('follow_ups_cooperative_idx').on('follow_ups').columns(['programme_id', 'cooperative_id', 'held_on']).execute();

  await db.schema
    .createTable('follow_up_action_updates')
    .addColumn('follow_up_id', 'uuid', (c) => c.notNull().references('follow_ups.id').onDelete('cascade'))
    .addColumn('action_id', 'uuid', (c) => c.notNull().references('plan_actions.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('planned', 'in_progress', 'done', 'blocked', 'cancelled')`))
    .addColumn('progress', 'integer', (c) => c.notNull().check(sql`progress between 0 and 100`))
    .addColumn('blockers', 'text')
    .addColumn('support_requested', 'text')
    .addColumn('next_steps', 'text')
    .addPrimaryKeyConstraint('follow_up_action_updates_pk', ['follow_up_id', 'action_id'])
    .execute();
  await db.schema.createIndex('follow_up_action_updates_action_idx').on('follow_up_action_updates').column('action_id').execute();

  await db.schema
    .createTable('indicator_measurements')
    .addColumn('id', 'uuid', id)
    .addColumn('indicator_id', 'uuid', (c) => c.notNull().references('action_indicators.id').onDelete('cascade'))
    .addColumn('measured_on', 'date', (c) => c.notNull())
    .addColumn('value', 'numeric(15, 2)', (c) => c.notNull())
    .addColumn('follow_up_id', 'uuid', (c) => c.references('follow_ups.id').onDelete('cascade'))
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', now)
    .execute();
  await db.schema.createIndex('indicator_measurements_indicator_idx').on('indicator_measurements').columns(['indicator_id', 'measured_on']).execute();

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'uuid', id)
    .addColumn('kind', 'text', (c) => c.notNull())
    /** One message per event: a second reminder of the same overdue follow-up is not queued twice. */
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('to_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('fr'))
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('queued').check(sql`status in ('queued', 'sent', 'failed', 'kept')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('sent_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('mail_outbox_created_idx').on('mail_outbox').column('created_at').execute();

  await db.schema
    .createTable('budget_lines')
    .addColumn('id', 'uuid', id)
    .addColumn('programme_id', 'uuid', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('funder_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('category', 'text', (c) => c.notNull().check(sql`category in ('diagnostic', 'training', 'coaching', 'action_financing', 'other')`))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('amount_mad', 'numeric(15, 2)', (c) => c.notNull().check(sql`amount_mad >= 0`))
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('budget_lines_programme_idx').on('budget_lines').column('programme_id').execute();

  await db.schema
    .createTable('financing_commitments')
    .addColumn('id', 'uuid', id)
    .addColumn('budget_line_id', 'uuid', (c) => c.notNull().references('budget_lines.id'))
    .addColumn('programme_id', 'uuid', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('cooperative_id', 'uuid', (c) => c.references('cooperatives.id'))
    .addColumn('action_id', 'uuid', (c) => c.references('plan_actions.id').onDelete('set null'))
    .addColumn('amount_mad', 'numeric(15, 2)', (c) => c.notNull().check(sql`amount_mad > 0`))
    .addColumn('committed_on', 'date', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('note', 'text')
    /** Set when a commitment went over its line's balance and the user confirmed it anyway. */
    .addColumn('overrun_confirmed', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', now)
    .execute();
  await db.schema.createIndex('financing_commitments_line_idx').on('financing_commitments').column('budget_line_id').execute();
  await db.schema.createIndex('financing_commitments_cooperative_idx').on('financing_commitments').columns(['programme_id', 'cooperative_id']).execute();
  await db.schema.createIndex('financing_commitments_action_idx').on('financing_commitments').column('action_id').execute();

  await db.schema
    .createTable('financing_disbursements')
    .addColumn('id', 'uuid', id)
    .addColumn('commitment_id', 'uuid', (c) => c.notNull().references('financing_commitments.id').onDelete('cascade'))
    .addColumn('amount_mad', 'numeric(15, 2)', (c) => c.notNull().check(sql`amount_mad > 0`))
    .addColumn('paid_on', 'date', (c) => c.notNull())
    .addColumn('reference', 'text')
    .addColumn('note', 'text')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', now)
    .execute();
  await db.schema.createIndex('financing_disbursements_commitment_idx').on('financing_disbursements').column('commitment_id').execute();

  await db.schema
    .createTable('financing_documents')
    .addColumn('id', 'uuid', id)
    .addColumn('commitment_id', 'uuid', (c) => c.references('financing_commitments.id').onDelete('cascade'))
    .addColumn('disbursement_id', 'uuid', (c) => c.references('financing_disbursements.id').onDelete('cascade'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('content', 'bytea', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('uploaded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('uploaded_at', 'timestamptz', now)
    .addCheckConstraint('financing_documents_owner', sql`(commitment_id is null) <> (disbursement_id is null)`)
    .execute();

  await db.schema
    .createTable('outcome_measurements')
    .addColumn('id', 'uuid', id)
    .addColumn('programme_id', 'uuid', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('cooperative_id', 'uuid', (c) => c.notNull().references('cooperatives.id'))
    .addColumn('indicator', 'text', (c) => c.notNull().check(sql`indicator in ('turnover', 'jobs', 'members')`))
    .addColumn('measured_on', 'date', (c) => c.notNull())
    .addColumn('value', 'numeric(15, 2)', (c) => c.notNull().check(sql`value >= 0`))
    /** Jobs and members by sex, when known; they add up to at most `value`. */
    .addColumn('women', 'integer', (c) => c.check(sql`women >= 0`))
    .addColumn('men', 'integer', (c) => c.check(sql`men >= 0`))
    .addColumn('recorded_by', 'uuid', (c) => c.references('users.id'))
    .addColumn('created_at', 'timestamptz', now)
    .addUniqueConstraint('outcome_measurements_key', ['programme_id', 'cooperative_id', 'indicator', 'measured_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'outcome_measurements',
    'financing_documents',
    'financing_disbursements',
    'financing_commitments',
    'budget_lines',
    'mail_outbox',
    'indicator_measurements',
    'follow_up_action_updates',
    'follow_ups',
    'action_indicators',
    'action_stakeholders',
    'plan_actions',
    'action_plans',
  ]) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
