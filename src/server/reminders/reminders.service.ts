import type { Principal } from '../../core/access/roles.js';
import { asLocale, composeFollowUpReminder, type OverdueFollowUp } from '../../core/reminders/follow-up-reminder.js';
import type { OutboxMail, OutboxPage, OutboxQuery, OutboxStatus, ReminderRun } from '../../core/reminders/outbox.schema.js';
import { canReadOutbox, canRunReminders, outboxReach } from '../../core/reminders/reminders.policies.js';
import { toMoroccanWallClock } from '../../core/sessions/local-time.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import { listDueFollowUps, type DueFollowUpRow } from '../follow-up/due.repository.js';
import { forbidden, notFound } from '../http/errors.js';
import { findOutboxMail, insertOutboxMails, listOutboxMails, type NewOutboxMail, type OutboxScope } from '../mail/outbox.repository.js';
import { listActiveRecipients } from './reminders.repository.js';

export const followUpReminderKind = 'follow_up_reminder';
const pageSize = 500;

/** Today's date in Morocco (YYYY-MM-DD). */
export function todayInMorocco(now: Date = new Date()): string {
  return toMoroccanWallClock(now.toISOString()).date;
}

/** Every overdue follow-up on `today`, page after page. */
async function listAllOverdue(db: Db, today: string): Promise<DueFollowUpRow[]> {
  const rows: DueFollowUpRow[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await listDueFollowUps(db, { scope: 'overdue', today, limit: pageSize, offset });
    rows.push(...page.items);
    if (page.items.length < pageSize || rows.length >= page.total) return rows;
  }
}

export interface ReminderOptions {
  today: string;
  publicUrl: string;
  /** With an SMTP server the mails wait to be sent (`queued`); without, they are only kept in the outbox. */
  smtpConfigured: boolean;
  /** Who asked (null: the daily job). */
  actorId: string | null;
}

export interface ReminderResult extends ReminderRun {
  /** Mails written now that wait to be sent. */
  queuedIds: string[];
}

/**
 * The `follow-up-reminders` job: one e-mail per consultant listing their overdue
 * follow-ups, in their language, written to the outbox at most once a day (the
 * dedupe key holds the consultant and the day). Follow-ups nobody runs are skipped.
 */
export async function queueFollowUpReminders(db: Db, options: ReminderOptions): Promise<ReminderResult> {
  const overdue = await listAllOverdue(db, options.today);
  const byConsultant = new Map<string, OverdueFollowUp[]>();
  for (const row of overdue) {
    if (!row.consultantId) continue;
    const item: OverdueFollowUp = {
      sessionId: row.sessionId,
      programmeId: row.programmeId,
      programmeName: row.programmeName,
      programmeNameAr: row.programmeNameAr,
      programmeNameEn: row.programmeNameEn,
      cooperativeId: row.cooperativeId,
      cooperativeNameFr: row.cooperativeNameFr,
      cooperativeNameAr: row.cooperativeNameAr,
      kind: row.kind,
      plannedOn: toMoroccanWallClock(row.startsAt).date,
    };
    byConsultant.set(row.consultantId, [...(byConsultant.get(row.consultantId) ?? []), item]);
  }
  const recipients = await listActiveRecipients(db, [...byConsultant.keys()]);
  const mails: NewOutboxMail[] = [];
  for (const [consultantId, items] of byConsultant) {
    const recipient = recipients.get(consultantId);
    if (!recipient) continue;
    const locale = asLocale(recipient.locale);
    const mail = composeFollowUpReminder({ locale, recipientName: recipient.displayName, today: options.today, publicUrl: options.publicUrl, items });
    mails.push({
      kind: followUpReminderKind,
      dedupeKey: `${followUpReminderKind}:${consultantId}:${options.today}`,
      toUserId: consultantId,
      toAddress: recipient.email,
      locale,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html,
      status: options.smtpConfigured ? 'queued' : 'kept',
    });
  }
  const written = await db.transaction().execute(async (trx) => {
    const rows = await insertOutboxMails(trx, mails);
    await recordAudit(
      trx,
      ...rows.map((row) => ({
        actorId: options.actorId,
        action: 'create' as const,
        entityType: 'mail',
        entityId: row.id,
        after: { kind: followUpReminderKind, toUserId: row.toUserId, status: row.status, followUps: byConsultant.get(row.toUserId ?? '')?.length ?? 0 },
        context: { source: 'follow_up_reminders', today: options.today },
      })),
    );
    return rows;
  });
  return {
    today: options.today,
    queued: written.length,
    overdue: overdue.length,
    queuedIds: written.filter((row) => row.status === 'queued').map((row) => row.id),
  };
}

/** POST /api/reminders/run: the day's reminders now, for admins and managers. */
export async function runRemindersNow(db: Db, principal: Principal, config: Config, now: Date = new Date()): Promise<ReminderResult> {
  if (!canRunReminders(principal)) throw forbidden();
  return queueFollowUpReminders(db, { today: todayInMorocco(now), publicUrl: config.publicUrl, smtpConfigured: Boolean(config.smtpUrl), actorId: principal.userId });
}

function scopeOf(principal: Principal): OutboxScope | null {
  if (!canReadOutbox(principal)) throw forbidden();
  const reach = outboxReach(principal);
  return reach.kind === 'none' ? null : reach;
}

export async function listOutbox(db: Db, principal: Principal, query: OutboxQuery): Promise<OutboxPage> {
  const scope = scopeOf(principal);
  if (!scope) return { items: [], total: 0 };
  return listOutboxMails(db, scope, query);
}

/** One e-mail with its text and HTML; one addressed outside one's programmes answers 404. */
export async function readOutboxMail(db: Db, principal: Principal, id: string): Promise<OutboxMail> {
  const scope = scopeOf(principal);
  const mail = scope ? await findOutboxMail(db, scope, id) : undefined;
  if (!mail) throw notFound();
  return mail;
}

export function outboxStatus(principal: Principal, config: Config, workersRunning: boolean): OutboxStatus {
  if (!canReadOutbox(principal)) throw forbidden();
  return { smtpConfigured: Boolean(config.smtpUrl), from: config.smtpUrl ? config.mailFrom : null, workersRunning };
}
