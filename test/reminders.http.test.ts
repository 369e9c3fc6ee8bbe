import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { readConfig } from '../src/server/config.js';
import type { Db } from '../src/server/db/database.js';
import type { App } from '../src/server/http/types.js';
import { createMailer } from '../src/server/mail/mailer.js';
import { deliverOutboxMail, maxSendAttempts } from '../src/server/mail/send-mail.js';
import { queueFollowUpReminders, todayInMorocco } from '../src/server/reminders/reminders.service.js';
import { describeEachDatabase } from './support/database.js';
import { createTestCooperative, createTestProgramme, createTestUser, uniqueSuffix, type TestUser } from './support/factories.js';
import { buildTestApp, signIn, type Agent } from './support/http.js';

const dayMs = 86_400_000;

/** A planned follow-up session of one cooperative, `daysAgo` days ago (negative: in the future). */
async function planFollowUp(db: Db, input: { programmeId: string; cooperativeId: string; daysAgo: number; facilitatorId?: string; kind?: 'remote_follow_up' | 'coaching'; status?: 'planned' | 'held' }) {
  const startsAt = new Date(Date.now() - input.daysAgo * dayMs);
  const session = await db
    .insertInto('programmeSessions')
    .values({
      programmeId: input.programmeId,
      kind: input.kind ?? 'remote_follow_up',
      title: 'Suivi à distance',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
      channel: 'phone',
      facilitatorId: input.facilitatorId ?? null,
      status: input.status ?? 'planned',
      report: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('sessionCooperatives').values({ sessionId: session.id, cooperativeId: input.cooperativeId }).execute();
  return session.id;
}

async function enrol(db: Db, programmeId: string, consultantId: string | null, nameFr?: string) {
  const cooperative = await createTestCooperative(db, nameFr ? { nameFr } : {});
  await db.insertInto('enrolments').values({ programmeId, cooperativeId: cooperative.id, status: 'enrolled', candidateAt: '2026-01-05', enrolledAt: '2026-01-10', eligible: true, consultantId }).execute();
  return cooperative.id;
}

const mailsTo = (db: Db, userId: string) => db.selectFrom('mailOutbox').selectAll().where('toUserId', '=', userId).execute();

describeEachDatabase('reminders of overdue follow-ups and the outbox', (database) => {
  let app: App;
  let db: Db;
  let programmeA: string;
  let programmeB: string;
  let consultantA: TestUser;
  let consultantB: TestUser;
  let admin: Agent;
  let managerA: Agent;
  let consultantAgent: Agent;
  const sessions: Record<string, string> = {};

  beforeAll(async () => {
    db = database().db;
    app = await buildTestApp(database(), { PUBLIC_URL: 'https://taawon.example.ma/' });
    programmeA = (await createTestProgramme(db)).id;
    programmeB = (await createTestProgramme(db)).id;
    consultantA = await createTestUser(db, [{ role: 'consultant', programmeId: programmeA }], { displayName: 'Karim Benali', locale: 'fr' });
    consultantB = await createTestUser(db, [{ role: 'consultant', programmeId: programmeB }], { displayName: 'سعاد العلوي', locale: 'ar' });
    const inactive = await createTestUser(db, [{ role: 'consultant', programmeId: programmeA }]);
    await db.updateTable('users').set({ isActive: false }).where('id', '=', inactive.id).execute();

    // Consultant A follows two cooperatives of A: one follow-up 3 days late, one coaching 1 day late; others not due.
    const amal = await enrol(db, programmeA, consultantA.id, 'Coopérative Al Amal');
    const tafraout = await enrol(db, programmeA, consultantA.id, 'Coopérative Tafraout');
    sessions.late = await planFollowUp(db, { programmeId: programmeA, cooperativeId: amal, daysAgo: 3 });
    sessions.coaching = await planFollowUp(db, { programmeId: programmeA, cooperativeId: tafraout, daysAgo: 1.2, kind: 'coaching' });
    sessions.future = await planFollowUp(db, { programmeId: programmeA, cooperativeId: amal, daysAgo: -2 });
    sessions.held = await planFollowUp(db, { programmeId: programmeA, cooperativeId: amal, daysAgo: 6, status: 'held' });
    sessions.recorded = await planFollowUp(db, { programmeId: programmeA, cooperativeId: tafraout, daysAgo: 8 });
    await db
      .insertInto('followUps')
      .values({ programmeId: programmeA, cooperativeId: tafraout, sessionId: sessions.recorded, heldOn: new Date(Date.now() - 8 * dayMs).toISOString().slice(0, 10), channel: 'phone', reportedByRole: 'consultant', status: 'reported', conductedBy: consultantA.id })
      .execute();
    // Consultant B runs (as facilitator) a follow-up of B's cooperative, whose consultant is someone else.
    const southern = await enrol(db, programmeB, null);
    sessions.facilitated = await planFollowUp(db, { programmeId: programmeB, cooperativeId: southern, daysAgo: 12, facilitatorId: consultantB.id });
    // Nobody to remind: no consultant and no facilitator; an inactive consultant.
    await planFollowUp(db, { programmeId: programmeB, cooperativeId: await enrol(db, programmeB, null), daysAgo: 2 });
    await planFollowUp(db, { programmeId: programmeA, cooperativeId: await enrol(db, programmeA, inactive.id), daysAgo: 2 });

    const adminUser = await createTestUser(db, [{ role: 'admin' }]);
    const managerUser = await createTestUser(db, [{ role: 'programme_manager', programmeId: programmeA }]);
    admin = await signIn(app, adminUser.email, adminUser.password);
    managerA = await signIn(app, managerUser.email, managerUser.password);
    consultantAgent = await signIn(app, consultantA.email, consultantA.password);
  });

  afterAll(async () => {
    await app.close();
  });

  it('says that without SMTP_URL e-mails are kept, not sent, and that no worker runs in this app', async () => {
    const response = await managerA.request({ method: 'GET', url: '/api/outbox/status' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ smtpConfigured: false, from: null, workersRunning: false });
    expect((await consultantAgent.request({ method: 'GET', url: '/api/outbox/status' })).statusCode).toBe(403);
  });

  it('writes one e-mail per consultant listing their overdue follow-ups only, in their language, kept in the outbox', async () => {
    expect((await consultantAgent.request({ method: 'POST', url: '/api/reminders/run' })).statusCode).toBe(403);
    const response = await managerA.request({ method: 'POST', url: '/api/reminders/run' });
    expect(response.statusCode).toBe(200);
    const run = response.json();
    expect(run.queued).toBe(2);
    expect(run.overdue).toBe(5);
    expect(run.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const [french] = await mailsTo(db, consultantA.id);
    expect(french).toMatchObject({ kind: 'follow_up_reminder', status: 'kept', locale: 'fr', toAddress: consultantA.email, attempts: 0, sentAt: null });
    expect(french!.subject).toBe('Taawon : 2 suivis en retard à enregistrer');
    expect(french!.textBody).toContain('Bonjour Karim Benali,');
    expect(french!.textBody).toContain('Retard : 3 jours');
    expect(french!.textBody).toContain('Coaching individuel');
    expect(french!.textBody).toContain(`https://taawon.example.ma/follow-ups/new?programmeId=${programmeA}&cooperativeId=`);
    expect(french!.textBody).toContain(`sessionId=${sessions.late}`);
    expect(french!.textBody).toContain(`sessionId=${sessions.coaching}`);
    for (const notDue of [sessions.future, sessions.held, sessions.recorded]) expect(french!.textBody).not.toContain(notDue);
    expect(french!.textBody.indexOf('Al Amal')).toBeLessThan(french!.textBody.indexOf('Tafraout'));

    const [arabic] = await mailsTo(db, consultantB.id);
    expect(arabic).toMatchObject({ status: 'kept', locale: 'ar' });
    expect(arabic!.subject).toBe('تعاون: متابعة واحدة متأخرة يجب تسجيلها');
    expect(arabic!.htmlBody).toContain('dir="rtl"');
    expect(arabic!.textBody).toContain(`sessionId=${sessions.facilitated}`);
    expect(arabic!.textBody).toContain('12 يومًا');

    const audit = await db.selectFrom('auditLog').select(['actorId', 'entityType']).where('entityId', '=', french!.id).execute();
    expect(audit).toEqual([{ actorId: expect.any(String), entityType: 'mail' }]);
  });

  it('never writes the same day’s reminder twice', async () => {
    const again = await admin.request({ method: 'POST', url: '/api/reminders/run' });
    expect(again.json()).toMatchObject({ queued: 0, overdue: 5 });
    expect(await mailsTo(db, consultantA.id)).toHaveLength(1);
  });

  it('lists e-mails newest first with filters; managers see those to the people of their programmes only', async () => {
    const all = (await admin.request({ method: 'GET', url: '/api/outbox' })).json();
    const addresses = all.items.map((item: { toAddress: string }) => item.toAddress);
    expect(addresses).toEqual(expect.arrayContaining([consultantA.email, consultantB.email]));
    expect(all.items[0]).toMatchObject({ kind: 'follow_up_reminder', status: 'kept', toName: expect.any(String) });
    expect(all.items[0]).not.toHaveProperty('textBody');

    const byName = (await admin.request({ method: 'GET', url: '/api/outbox?q=Karim' })).json();
    expect(byName.items.map((item: { toAddress: string }) => item.toAddress)).toEqual([consultantA.email]);
    expect((await admin.request({ method: 'GET', url: `/api/outbox?q=${encodeURIComponent(consultantB.email.slice(0, 12))}&status=kept&kind=follow_up_reminder` })).json().total).toBe(1);
    expect((await admin.request({ method: 'GET', url: '/api/outbox?status=sent&q=Karim' })).json()).toEqual({ items: [], total: 0 });
    expect((await admin.request({ method: 'GET', url: '/api/outbox?q=%25' })).json().total).toBe(0);
    expect((await admin.request({ method: 'GET', url: '/api/outbox?status=lost' })).statusCode).toBe(422);

    const scoped = (await managerA.request({ method: 'GET', url: '/api/outbox' })).json();
    expect(scoped.items.map((item: { toAddress: string }) => item.toAddress)).toEqual([consultantA.email]);
    const arabic = (await mailsTo(db, consultantB.id))[0]!;
    expect((await managerA.request({ method: 'GET', url: `/api/outbox/${arabic.id}` })).statusCode).toBe(404);
    expect((await consultantAgent.request({ method: 'GET', url: '/api/outbox' })).statusCode).toBe(403);
  });

  it('opens one e-mail with its text and HTML', async () => {
    const french = (await mailsTo(db, consultantA.id))[0]!;
    const response = await managerA.request({ method: 'GET', url: `/api/outbox/${french.id}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: french.id, subject: french.subject, textBody: french.textBody, htmlBody: french.htmlBody, lastError: null, toName: 'Karim Benali' });
    expect((await admin.request({ method: 'GET', url: `/api/outbox/${crypto.randomUUID()}` })).statusCode).toBe(404);
  });
});

describeEachDatabase('sending the outbox through SMTP', (database) => {
  let smtp: SMTPServer;
  let port = 0;
  const received: Array<{ from: string; to: string[]; user: string | undefined; raw: string }> = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'taawon' && auth.password === 's3cret') return callback(null, { user: auth.username });
        return callback(new Error('Invalid username or password'));
      },
      onRcptTo(address, _session, callback) {
        if (address.address.startsWith('bounce-')) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 }));
        return callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((address) => address.address),
            user: session.user as string | undefined,
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    port = (smtp.server.address() as { port: number }).port;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  });

  async function overdueFor(db: Db, email?: string) {
    const programme = await createTestProgramme(db);
    const consultant = await createTestUser(db, [{ role: 'consultant', programmeId: programme.id }], email ? { email } : {});
    await planFollowUp(db, { programmeId: programme.id, cooperativeId: await enrol(db, programme.id, consultant.id), daysAgo: 2 });
    return consultant;
  }

  it('queues the reminders when SMTP is configured, then sends each one once with the configured sender', async () => {
    const db = database().db;
    const env = { SMTP_URL: `smtp://taawon:s3cret@127.0.0.1:${port}`, MAIL_FROM: 'Taawon <rappels@taawon.test>' };
    const app = await buildTestApp(database(), env);
    const consultant = await overdueFor(db);
    const adminUser = await createTestUser(db, [{ role: 'admin' }]);
    const agent = await signIn(app, adminUser.email, adminUser.password);
    expect((await agent.request({ method: 'GET', url: '/api/outbox/status' })).json()).toEqual({ smtpConfigured: true, from: 'Taawon <rappels@taawon.test>', workersRunning: false });

    expect((await agent.request({ method: 'POST', url: '/api/reminders/run' })).json().queued).toBeGreaterThanOrEqual(1);
    const [mail] = await mailsTo(db, consultant.id);
    expect(mail).toMatchObject({ status: 'queued', attempts: 0 });

    const mailer = createMailer(readConfig(env));
    expect(await deliverOutboxMail(db, mailer, mail!.id)).toBe('sent');
    expect(await deliverOutboxMail(db, mailer, mail!.id)).toBe('skipped');
    mailer.close();

    const delivered = received.filter((message) => message.to.includes(consultant.email));
    expect(delivered).toHaveLength(1);
    expect(delivered[0]).toMatchObject({ from: 'rappels@taawon.test', user: 'taawon' });
    expect(delivered[0]!.raw).toMatch(/^Content-Type: multipart\/alternative/m);
    expect(delivered[0]!.raw).toMatch(/^Content-Language: fr/m);
    const [sent] = await mailsTo(db, consultant.id);
    expect(sent).toMatchObject({ status: 'sent', attempts: 1, lastError: null, sentAt: expect.any(String) });
    const listed = (await agent.request({ method: 'GET', url: `/api/outbox?status=sent&q=${encodeURIComponent(consultant.email)}` })).json();
    expect(listed.items).toEqual([expect.objectContaining({ id: mail!.id, status: 'sent', attempts: 1 })]);
    await app.close();
  });

  it('records each failed attempt and marks the mail failed after the last one', async () => {
    const db = database().db;
    const consultant = await overdueFor(db, `bounce-${uniqueSuffix()}@test.taawon.ma`);
    await queueFollowUpReminders(db, { today: todayInMorocco(), publicUrl: 'https://t.ma', smtpConfigured: true, actorId: null });
    const [mail] = await mailsTo(db, consultant.id);
    const mailer = createMailer({ smtpUrl: `smtp://taawon:s3cret@127.0.0.1:${port}`, mailFrom: 'rappels@taawon.test' });
    const outcomes = [];
    for (let attempt = 1; attempt <= maxSendAttempts; attempt += 1) outcomes.push(await deliverOutboxMail(db, mailer, mail!.id));
    expect(outcomes).toEqual([...Array<string>(maxSendAttempts - 1).fill('retry'), 'failed']);
    expect(await deliverOutboxMail(db, mailer, mail!.id)).toBe('skipped');
    const [failed] = await mailsTo(db, consultant.id);
    expect(failed).toMatchObject({ status: 'failed', attempts: maxSendAttempts, sentAt: null });
    expect(failed!.lastError).toMatch(/550|Mailbox unavailable/);

    const refused = createMailer({ smtpUrl: `smtp://taawon:wrong@127.0.0.1:${port}`, mailFrom: 'rappels@taawon.test' });
    await expect(refused.send({ to: 'someone@test.taawon.ma', subject: 's', text: 't' })).rejects.toThrow(/Invalid username or password|535/);
    mailer.close();
    refused.close();
  });
});
