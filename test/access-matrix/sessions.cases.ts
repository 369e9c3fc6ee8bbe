import { randomBytes } from 'node:crypto';
import { everyone, signedIn, type Case, type Expected, type Fixture, type Persona } from './support.js';

/** Who sees the fixture session: the programme team, its funder, the participating cooperative's representative. */
const sessionReaders = (status: number): Expected => ({ ...signedIn(status), otherRepresentative: 404 });
/** The team (admins, the programme's managers and consultants) writes; other readers are refused. */
const sessionTeam = (status: number): Expected => ({ ...sessionReaders(403), admin: status, manager: status, consultant: status });
/** Attendance: the team, and the representative confirming their own cooperative. */
const attendanceWriters = (status: number): Expected => ({ ...sessionTeam(status), representative: status });

async function makeSession(fixture: Fixture) {
  const session = await fixture.db
    .insertInto('programmeSessions')
    .values({
      programmeId: fixture.programmeId,
      kind: 'training',
      title: 'Session de la matrice',
      moduleCode: null,
      startsAt: '2026-06-01T09:00:00Z',
      endsAt: '2026-06-01T12:00:00Z',
      place: 'Tarfaya',
      provinceCode: null,
      channel: null,
      facilitatorId: null,
      dependsOnId: null,
      createdBy: null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  await fixture.db.insertInto('sessionCooperatives').values({ sessionId: session.id, cooperativeId: fixture.cooperativeId }).execute();
  return session;
}

async function makeAttachment(fixture: Fixture) {
  const session = await makeSession(fixture);
  const attachment = await fixture.db
    .insertInto('sessionAttachments')
    .values({ sessionId: session.id, fileName: 'feuille.pdf', contentType: 'application/pdf', content: Buffer.from('%PDF-1.4'), size: 8, uploadedBy: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return `/api/sessions/${session.id}/attachments/${attachment.id}`;
}

async function makeFeed(fixture: Fixture, persona: Persona) {
  const token = randomBytes(24).toString('base64url');
  const createdBy = persona === 'nobody' ? fixture.userIds.admin : fixture.userIds[persona];
  await fixture.db.insertInto('calendarFeeds').values({ token, userId: createdBy, programmeId: null, createdBy }).execute();
  return token;
}

const boundary = 'matrixboundary';
const upload = {
  payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.png"\r\nContent-Type: image/png\r\n\r\n\x89PNG fake\r\n--${boundary}--\r\n`,
  headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
};

const sessionInput = (fixture: Fixture) => ({
  kind: 'workshop',
  title: 'Atelier de la matrice',
  startsAt: '2026-06-02T09:00:00Z',
  endsAt: '2026-06-02T12:00:00Z',
  cooperativeIds: [fixture.cooperativeId],
});

/** Sessions, calendars, feeds, attendance. */
export const sessionsCases: Case[] = [
  { method: 'GET', route: '/api/sessions', expected: signedIn(200), request: async (fixture) => ({ url: `/api/sessions?programmeId=${fixture.programmeId}` }) },
  {
    method: 'POST',
    route: '/api/sessions',
    expected: { ...signedIn(403), admin: 201, manager: 201, consultant: 201 },
    request: async (fixture) => ({ url: '/api/sessions', payload: { ...sessionInput(fixture), programmeId: fixture.programmeId } }),
  },
  { method: 'GET', route: '/api/sessions/{sessionId}', expected: sessionReaders(200), request: async (fixture) => ({ url: `/api/sessions/${(await makeSession(fixture)).id}` }) },
  {
    method: 'PUT',
    route: '/api/sessions/{sessionId}',
    expected: sessionTeam(200),
    request: async (fixture) => {
      const session = await makeSession(fixture);
      return { url: `/api/sessions/${session.id}`, payload: { ...sessionInput(fixture), version: session.version } };
    },
  },
  {
    method: 'POST',
    route: '/api/sessions/{sessionId}/status',
    expected: sessionTeam(200),
    request: async (fixture) => {
      const session = await makeSession(fixture);
      return { url: `/api/sessions/${session.id}/status`, payload: { status: 'held', version: session.version } };
    },
  },
  {
    method: 'POST',
    route: '/api/sessions/{sessionId}/reschedule/preview',
    expected: sessionTeam(200),
    request: async (fixture) => ({ url: `/api/sessions/${(await makeSession(fixture)).id}/reschedule/preview`, payload: { startsAt: '2026-06-03T09:00:00Z', endsAt: '2026-06-03T12:00:00Z', shiftDependents: 'keep_gaps' } }),
  },
  {
    method: 'POST',
    route: '/api/sessions/{sessionId}/reschedule',
    expected: sessionTeam(200),
    request: async (fixture) => {
      const session = await makeSession(fixture);
      return { url: `/api/sessions/${session.id}/reschedule`, payload: { startsAt: '2026-06-03T09:00:00Z', endsAt: '2026-06-03T12:00:00Z', shiftDependents: 'keep_gaps', versions: { [session.id]: session.version } } };
    },
  },
  {
    method: 'PUT',
    route: '/api/sessions/{sessionId}/attendance',
    expected: attendanceWriters(200),
    request: async (fixture) => ({
      url: `/api/sessions/${(await makeSession(fixture)).id}/attendance`,
      payload: { rows: [{ cooperativeId: fixture.cooperativeId, fullName: 'Participante Matrice', sex: 'female', present: true }] },
    }),
  },
  {
    method: 'PUT',
    route: '/api/sessions/{sessionId}/report',
    expected: sessionTeam(200),
    request: async (fixture) => {
      const session = await makeSession(fixture);
      return { url: `/api/sessions/${session.id}/report`, payload: { done: 'Fait', decisions: '', nextSteps: '', version: session.version } };
    },
  },
  {
    method: 'POST',
    route: '/api/sessions/{sessionId}/attachments',
    expected: sessionTeam(201),
    request: async (fixture) => ({ url: `/api/sessions/${(await makeSession(fixture)).id}/attachments`, ...upload }),
  },
  { method: 'GET', route: '/api/sessions/{sessionId}/attachments/{attachmentId}', expected: { ...sessionReaders(200), funder: 403 }, request: async (fixture) => ({ url: await makeAttachment(fixture) }) },
  { method: 'DELETE', route: '/api/sessions/{sessionId}/attachments/{attachmentId}', expected: sessionTeam(204), request: async (fixture) => ({ url: await makeAttachment(fixture) }) },
  { method: 'GET', route: '/api/sessions/{sessionId}/evaluations', expected: sessionReaders(200), request: async (fixture) => ({ url: `/api/sessions/${(await makeSession(fixture)).id}/evaluations` }) },
  {
    method: 'POST',
    route: '/api/sessions/{sessionId}/evaluations',
    expected: sessionTeam(201),
    request: async (fixture) => ({ url: `/api/sessions/${(await makeSession(fixture)).id}/evaluations`, payload: { satisfaction: 4, comment: 'Bien' } }),
  },
  { method: 'POST', route: '/api/calendar-feeds', expected: signedIn(201), request: async () => ({ url: '/api/calendar-feeds', payload: {} }) },
  { method: 'DELETE', route: '/api/calendar-feeds/{token}', expected: signedIn(204), request: async (fixture, _agent, persona) => ({ url: `/api/calendar-feeds/${await makeFeed(fixture, persona)}` }) },
  // Public: the token is the key, no session cookie needed.
  { method: 'GET', route: '/api/calendar/{file}', expected: everyone(200), request: async (fixture, _agent, persona) => ({ url: `/api/calendar/${await makeFeed(fixture, persona)}.ics` }) },
];
