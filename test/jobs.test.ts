import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readConfig } from '../src/server/config.js';
import type { JobQueue } from '../src/server/jobs/job-queue.js';
import { createJobQueue } from '../src/server/jobs/pg-boss.queue.js';
import { createMailer } from '../src/server/mail/mailer.js';
import { followUpRemindersCron, followUpRemindersJob, startReminderJobs } from '../src/server/reminders/reminders.jobs.js';
import { describeEachDatabase } from './support/database.js';
import { createTestCooperative, createTestProgramme, createTestUser } from './support/factories.js';

/** Resolves when `check` holds, polling; fails after `timeout` ms. */
async function eventually<T>(check: () => Promise<T | undefined | null | false>, timeout = 20_000): Promise<T> {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describeEachDatabase('the job queue (pg-boss on our database handle)', (database, kind) => {
  let jobs: JobQueue;

  beforeAll(async () => {
    jobs = createJobQueue(database(), { onError: (error) => console.error(`job queue [${kind}]:`, error) });
    await jobs.start();
  });

  afterAll(async () => {
    await jobs.stop();
  });

  it('works a job enqueued after the worker started, with its data', async () => {
    const seen: Array<{ n: number }> = [];
    await jobs.work<{ n: number }>('test-echo', async (data) => void seen.push(data), { pollingIntervalSeconds: 30 });
    expect(await jobs.enqueue('test-echo', { n: 1 })).toEqual(expect.any(String));
    // The worker is woken at once, not at its next poll 30 s later.
    await eventually(async () => seen.length === 1);
    expect(seen).toEqual([{ n: 1 }]);
  });

  it('retries a failed job after its delay', async () => {
    let runs = 0;
    await jobs.work<{ key: string }>(
      'test-retry',
      async () => {
        runs += 1;
        if (runs === 1) throw new Error('first run fails');
      },
      { retryLimit: 2, retryDelaySeconds: 1, pollingIntervalSeconds: 0.5 },
    );
    expect(await jobs.enqueue('test-retry', { key: 'a' })).toEqual(expect.any(String));
    await eventually(async () => runs === 2);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(runs).toBe(2);
  });

  it('keeps one waiting job per key when asked to', async () => {
    let release!: () => void;
    const busy = new Promise<void>((resolve) => (release = resolve));
    const started: string[] = [];
    await jobs.work<{ key: string }>(
      'test-single',
      async ({ key }) => {
        started.push(key);
        if (key === 'first') await busy;
      },
      { oneWaitingPerKey: true, pollingIntervalSeconds: 0.5 },
    );
    await jobs.enqueue('test-single', { key: 'first' }, { singletonKey: 'first' });
    // The worker (one job at a time) is busy with the first: the next ones wait.
    await eventually(async () => started.includes('first'));
    expect(await jobs.enqueue('test-single', { key: 'k' }, { singletonKey: 'k' })).toEqual(expect.any(String));
    expect(await jobs.enqueue('test-single', { key: 'k' }, { singletonKey: 'k' })).toBeNull();
    expect(await jobs.enqueue('test-single', { key: 'other' }, { singletonKey: 'other' })).toEqual(expect.any(String));
    release();
    await eventually(async () => started.length === 3);
    expect(started.sort()).toEqual(['first', 'k', 'other']);
  });
});

describeEachDatabase('the reminder jobs, as the server runs them', (database) => {
  let jobs: JobQueue;
  let smtp: SMTPServer;
  let port = 0;
  const received: Array<{ to: string[]; raw: string }> = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((address) => address.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    port = (smtp.server.address() as { port: number }).port;
  });

  afterAll(async () => {
    await jobs?.stop();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  it('at start-up writes the overdue reminders, sends them through SMTP, and schedules the daily run at 7:00 in Morocco', async () => {
    const db = database().db;
    const programme = await createTestProgramme(db);
    const cooperative = await createTestCooperative(db);
    const consultant = await createTestUser(db, [{ role: 'consultant', programmeId: programme.id }], { locale: 'ar' });
    await db.insertInto('enrolments').values({ programmeId: programme.id, cooperativeId: cooperative.id, status: 'enrolled', candidateAt: '2026-01-05', enrolledAt: '2026-01-10', eligible: true, consultantId: consultant.id }).execute();
    const startsAt = new Date(Date.now() - 4 * 86_400_000);
    const session = await db
      .insertInto('programmeSessions')
      .values({ programmeId: programme.id, kind: 'remote_follow_up', title: 'Suivi', startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(), channel: 'phone', report: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('sessionCooperatives').values({ sessionId: session.id, cooperativeId: cooperative.id }).execute();

    const config = readConfig({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Taawon <rappels@taawon.test>', PUBLIC_URL: 'https://taawon.test' });
    const mailer = createMailer(config);
    jobs = createJobQueue(database());
    await jobs.start();
    await startReminderJobs(jobs, { db, config, mailer });

    const mail = await eventually(() => db.selectFrom('mailOutbox').selectAll().where('toUserId', '=', consultant.id).where('status', '=', 'sent').executeTakeFirst());
    expect(mail).toMatchObject({ kind: 'follow_up_reminder', locale: 'ar', attempts: 1 });
    expect(mail.textBody).toContain(`https://taawon.test/follow-ups/new?programmeId=${programme.id}&cooperativeId=${cooperative.id}&sessionId=${session.id}`);
    const delivered = received.find((message) => message.to.includes(consultant.email));
    expect(delivered?.raw).toMatch(/^From: Taawon <rappels@taawon\.test>/m);
    expect(delivered?.raw).toMatch(/^Content-Language: ar/m);

    const schedule = await database()
      .db.withoutPlugins()
      .selectFrom('pgboss.schedule' as never)
      .select(['cron' as never, 'timezone' as never])
      .where('name' as never, '=', followUpRemindersJob as never)
      .executeTakeFirst();
    expect(schedule).toEqual({ cron: followUpRemindersCron, timezone: 'Africa/Casablanca' });
    mailer.close();
  });
});
