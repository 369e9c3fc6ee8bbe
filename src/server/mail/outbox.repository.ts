import { sql } from 'kysely';
import type { MailStatus, OutboxItem, OutboxMail, OutboxQuery } from '../../core/reminders/outbox.schema.js';
import type { Db } from '../db/database.js';

/**
 * The outbox: every e-mail the platform writes, sent or not. Rows are written in the
 * transaction of what caused them; sending happens afterwards, from a job.
 */

/** Whose e-mails one may read: all, or those addressed to the people of some programmes. */
export type OutboxScope = { kind: 'all' } | { kind: 'programmes'; programmeIds: string[] };

export interface NewOutboxMail {
  kind: string;
  dedupeKey: string;
  toUserId: string | null;
  toAddress: string;
  locale: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  status: 'queued' | 'kept';
}

/** Writes the mails whose dedupe key is new; returns those written (a key seen before writes nothing). */
export async function insertOutboxMails(db: Db, mails: NewOutboxMail[]): Promise<Array<{ id: string; status: MailStatus; toUserId: string | null }>> {
  if (mails.length === 0) return [];
  return db
    .insertInto('mailOutbox')
    .values(mails)
    .onConflict((conflict) => conflict.column('dedupeKey').doNothing())
    .returning(['id', 'status', 'toUserId'])
    .execute();
}

function scoped(db: Db, scope: OutboxScope) {
  let query = db.selectFrom('mailOutbox as m').leftJoin('users as u', 'u.id', 'm.toUserId');
  if (scope.kind === 'programmes') {
    const { programmeIds } = scope;
    if (programmeIds.length === 0) return query.where(sql<boolean>`false`);
    // The people of the programmes: those holding a role in one, its team, and the consultants following its cooperatives.
    query = query.where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('roleGrants as g').select(sql`1`.as('one')).whereRef('g.userId', '=', 'm.toUserId').where('g.programmeId', 'in', programmeIds)),
        eb.exists(eb.selectFrom('programmeTeam as t').select(sql`1`.as('one')).whereRef('t.userId', '=', 'm.toUserId').where('t.programmeId', 'in', programmeIds)),
        eb.exists(eb.selectFrom('enrolments as e').select(sql`1`.as('one')).whereRef('e.consultantId', '=', 'm.toUserId').where('e.programmeId', 'in', programmeIds)),
      ]),
    );
  }
  return query;
}

const itemColumns = ['m.id', 'm.kind', 'm.toAddress', 'u.displayName as toName', 'm.locale', 'm.subject', 'm.status', 'm.attempts', 'm.createdAt', 'm.sentAt'] as const;

/** Newest first, filtered by status, kind and recipient (address or name). */
export async function listOutboxMails(db: Db, scope: OutboxScope, query: OutboxQuery): Promise<{ items: OutboxItem[]; total: number }> {
  let select = scoped(db, scope);
  if (query.status) select = select.where('m.status', '=', query.status);
  if (query.kind) select = select.where('m.kind', '=', query.kind);
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
    select = select.where((eb) => eb.or([eb('m.toAddress', 'ilike', pattern), eb('u.displayName', 'ilike', pattern)]));
  }
  const [items, total] = await Promise.all([
    select.select(itemColumns).orderBy('m.createdAt', 'desc').orderBy('m.id', 'desc').limit(query.limit).offset(query.offset).execute(),
    select.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.count) };
}

export async function findOutboxMail(db: Db, scope: OutboxScope, id: string): Promise<OutboxMail | undefined> {
  return scoped(db, scope)
    .select([...itemColumns, 'm.textBody', 'm.htmlBody', 'm.lastError'])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

/** A mail still waiting to be sent, with what sending needs. */
export async function findQueuedMail(db: Db, id: string) {
  return db
    .selectFrom('mailOutbox')
    .select(['id', 'toAddress', 'locale', 'subject', 'textBody', 'htmlBody', 'attempts'])
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst();
}

/** Mails waiting to be sent (after a restart, or written while no worker ran). */
export async function listQueuedMailIds(db: Db, limit = 1000): Promise<string[]> {
  const rows = await db.selectFrom('mailOutbox').select('id').where('status', '=', 'queued').orderBy('createdAt').limit(limit).execute();
  return rows.map((row) => row.id);
}

export async function markMailSent(db: Db, id: string): Promise<void> {
  await db
    .updateTable('mailOutbox')
    .set((eb) => ({ status: 'sent', attempts: eb('attempts', '+', 1), lastError: null, sentAt: sql<string>`now()` }))
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}

/** Counts a failed attempt; the last one allowed marks the mail `failed`. */
export async function markMailAttemptFailed(db: Db, id: string, error: string, isLastAttempt: boolean): Promise<void> {
  await db
    .updateTable('mailOutbox')
    .set((eb) => ({ attempts: eb('attempts', '+', 1), lastError: error.slice(0, 2000), ...(isLastAttempt ? { status: 'failed' as const } : {}) }))
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .execute();
}
