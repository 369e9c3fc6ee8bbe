import type { Db } from '../db/database.js';
import type { Mailer } from './mailer.js';
import { findQueuedMail, markMailAttemptFailed, markMailSent } from './outbox.repository.js';

/** Attempts before a mail is marked `failed` (the job's retry limit is one less). */
export const maxSendAttempts = 5;

export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'skipped';

/**
 * Sends one mail of the outbox: the `send-mail` job. A mail no longer queued (sent,
 * failed, kept) is skipped, so a job that runs twice sends once. A failed attempt is
 * recorded and thrown again for the queue to retry, until the last one marks it failed.
 */
export async function deliverOutboxMail(db: Db, mailer: Mailer, outboxId: string): Promise<DeliveryOutcome> {
  const mail = await findQueuedMail(db, outboxId);
  if (!mail) return 'skipped';
  try {
    await mailer.send({ to: mail.toAddress, subject: mail.subject, text: mail.textBody, html: mail.htmlBody, locale: mail.locale });
  } catch (error) {
    const isLastAttempt = mail.attempts + 1 >= maxSendAttempts;
    await markMailAttemptFailed(db, outboxId, error instanceof Error ? error.message : String(error), isLastAttempt);
    return isLastAttempt ? 'failed' : 'retry';
  }
  await markMailSent(db, outboxId);
  return 'sent';
}
