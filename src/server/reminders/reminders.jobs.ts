import { sessionTimeZone } from '../../core/sessions/session.schema.js';
import type { Config } from '../config.js';
import type { Db } from '../db/database.js';
import type { JobQueue } from '../jobs/job-queue.js';
import type { Mailer } from '../mail/mailer.js';
import { listQueuedMailIds } from '../mail/outbox.repository.js';
import { deliverOutboxMail, maxSendAttempts } from '../mail/send-mail.js';
import { queueFollowUpReminders, todayInMorocco } from './reminders.service.js';

export const followUpRemindersJob = 'follow-up-reminders';
export const sendMailJob = 'send-mail';
/** Every morning at 7:00 in Morocco, before the consultants' day. */
export const followUpRemindersCron = '0 7 * * *';

/** One `send-mail` job per mail (a mail already waiting for its job is not enqueued twice). */
export async function enqueueMails(jobs: JobQueue, outboxIds: string[]): Promise<void> {
  for (const outboxId of outboxIds) await jobs.enqueue(sendMailJob, { outboxId }, { singletonKey: outboxId });
}

/** The daily job: write the day's reminders, then send what waits (its own and any left from before). */
export async function runFollowUpRemindersJob(db: Db, config: Config, jobs: JobQueue): Promise<void> {
  await queueFollowUpReminders(db, { today: todayInMorocco(), publicUrl: config.publicUrl, smtpConfigured: Boolean(config.smtpUrl), actorId: null });
  if (config.smtpUrl) await enqueueMails(jobs, await listQueuedMailIds(db));
}

/** Works the reminder and mail queues in this process, schedules the daily run, and runs it once now. */
export async function startReminderJobs(jobs: JobQueue, { db, config, mailer }: { db: Db; config: Config; mailer: Mailer }): Promise<void> {
  await jobs.work<{ outboxId: string }>(
    sendMailJob,
    async ({ outboxId }) => {
      const outcome = await deliverOutboxMail(db, mailer, outboxId);
      // Thrown so that the queue retries later (with a growing delay); the outbox keeps the error.
      if (outcome === 'retry') throw new Error(`sending mail ${outboxId} failed; will retry`);
    },
    { retryLimit: maxSendAttempts - 1, retryDelaySeconds: 30, retryBackoff: true, oneWaitingPerKey: true, pollingIntervalSeconds: 2 },
  );
  await jobs.work(followUpRemindersJob, () => runFollowUpRemindersJob(db, config, jobs), {
    retryLimit: 3,
    retryDelaySeconds: 300,
    oneWaitingPerKey: true,
    pollingIntervalSeconds: 10,
  });
  await jobs.schedule(followUpRemindersJob, followUpRemindersCron, { timeZone: sessionTimeZone });
  await jobs.enqueue(followUpRemindersJob, {});
}
