import { signedIn, type Case, type Expected, type Fixture } from './support.js';

/** The outbox and the reminder run: admins and programme managers (the manager persona manages the fixture's programme). */
const outboxReaders = (status: number): Expected => ({ ...signedIn(403), admin: status, manager: status });

/** A reminder addressed to the consultant persona (a consultant of the fixture's programme, so the manager reads it too). */
async function makeMail(fixture: Fixture): Promise<string> {
  const row = await fixture.db
    .insertInto('mailOutbox')
    .values({ kind: 'follow_up_reminder', toUserId: fixture.userIds.consultant, toAddress: 'consultant@test.taawon.ma', subject: 'Rappel', textBody: 'Texte', htmlBody: null, status: 'kept' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const remindersCases: Case[] = [
  { method: 'GET', route: '/api/outbox/status', expected: outboxReaders(200), request: async () => ({ url: '/api/outbox/status' }) },
  { method: 'GET', route: '/api/outbox', expected: outboxReaders(200), request: async () => ({ url: '/api/outbox?status=kept' }) },
  { method: 'GET', route: '/api/outbox/{id}', expected: outboxReaders(200), request: async (fixture) => ({ url: `/api/outbox/${await makeMail(fixture)}` }) },
  { method: 'POST', route: '/api/reminders/run', expected: outboxReaders(200), request: async () => ({ url: '/api/reminders/run' }) },
];
