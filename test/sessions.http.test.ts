import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../src/server/db/database.js';
import type { App } from '../src/server/http/types.js';
import { describeEachDatabase } from './support/database.js';
import { createTestEnrolment } from './support/diagnostic-factories.js';
import { createTestCooperative, createTestProgramme, createTestUser } from './support/factories.js';
import { anonymous, buildTestApp, signIn, type Agent } from './support/http.js';

/** Unfolds an iCalendar text into its VEVENTs as maps of property name → value. */
function parseEvents(text: string): Array<Record<string, string>> {
  const lines = text.replace(/\r\n[ \t]/g, '').split(/\r\n/);
  const events: Array<Record<string, string>> = [];
  let current: Record<string, string> | null = null;
  for (const line of lines) {
    if (line === 'BEGIN:VEVENT') current = {};
    else if (line === 'END:VEVENT' && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const colon = line.indexOf(':');
      current[line.slice(0, colon).split(';')[0]!] = line.slice(colon + 1);
    }
  }
  return events;
}

describeEachDatabase('sessions over HTTP', (database) => {
  let app: App;
  let db: Db;
  let programmeId: string;
  let cooperativeId: string;
  let otherCooperativeId: string;
  let memberId: string;
  const agents = {} as Record<'manager' | 'consultant' | 'representative' | 'funder' | 'outsider', Agent>;
  const ids = {} as Record<keyof typeof agents, string>;

  const create = (agent: Agent, overrides: Record<string, unknown> = {}) =>
    agent.request({
      method: 'POST',
      url: '/api/sessions',
      payload: {
        programmeId,
        kind: 'training',
        title: 'Gouvernance et assemblée générale',
        startsAt: '2026-03-02T09:00:00Z',
        endsAt: '2026-03-02T12:00:00Z',
        place: 'Maison des associations, Tarfaya',
        provinceCode: '11.537',
        facilitatorId: ids.consultant,
        cooperativeIds: [cooperativeId, otherCooperativeId],
        ...overrides,
      },
    });
  const read = (agent: Agent, id: string) => agent.request({ method: 'GET', url: `/api/sessions/${id}` });

  beforeAll(async () => {
    app = await buildTestApp(database());
    db = database().db;
    programmeId = (await createTestProgramme(db)).id;
    const cooperative = await createTestCooperative(db);
    const other = await createTestCooperative(db);
    cooperativeId = cooperative.id;
    otherCooperativeId = other.id;
    await createTestEnrolment(db, programmeId, cooperativeId);
    await createTestEnrolment(db, programmeId, otherCooperativeId);
    memberId = (await db.insertInto('cooperativeMembers').values({ cooperativeId, fullName: 'Naima Sbai', role: 'member', sex: 'female', ageGroup: 'under_35' }).returning('id').executeTakeFirstOrThrow()).id;
    const users = {
      manager: await createTestUser(db, [{ role: 'programme_manager', programmeId }]),
      consultant: await createTestUser(db, [{ role: 'consultant', programmeId }], { displayName: 'Youssef Formateur' }),
      representative: await createTestUser(db, [{ role: 'cooperative_representative', cooperativeId }]),
      funder: await createTestUser(db, [{ role: 'funder', programmeId }]),
      outsider: await createTestUser(db, [{ role: 'consultant', programmeId: (await createTestProgramme(db)).id }]),
    };
    for (const [name, user] of Object.entries(users)) {
      agents[name as keyof typeof agents] = await signIn(app, user.email, user.password);
      ids[name as keyof typeof agents] = user.id;
    }
  });

  afterAll(async () => {
    await app.close();
  });

  it('creates, lists with filters, edits with a version check', async () => {
    const created = await create(agents.manager);
    expect(created.statusCode).toBe(201);
    const session = created.json();
    expect(session).toMatchObject({ status: 'planned', version: 1, cooperativeCount: 2, facilitator: { id: ids.consultant, name: 'Youssef Formateur' } });
    await create(agents.manager, { kind: 'coaching', title: 'Coaching', startsAt: '2026-04-10T09:00:00Z', endsAt: '2026-04-10T10:00:00Z', facilitatorId: null, provinceCode: '11.321', cooperativeIds: [otherCooperativeId] });

    const list = async (query: string) => (await agents.manager.request({ method: 'GET', url: `/api/sessions?programmeId=${programmeId}&${query}` })).json().map((row: { title: string }) => row.title);
    expect(await list('')).toHaveLength(2);
    expect(await list('from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z')).toEqual(['Gouvernance et assemblée générale']);
    expect(await list(`facilitatorId=${ids.consultant}`)).toEqual(['Gouvernance et assemblée générale']);
    expect(await list('provinceCode=11.321')).toEqual(['Coaching']);
    expect(await list('kind=coaching')).toEqual(['Coaching']);
    expect((await agents.outsider.request({ method: 'GET', url: `/api/sessions?programmeId=${programmeId}` })).json()).toEqual([]);
    expect((await agents.representative.request({ method: 'GET', url: `/api/sessions?programmeId=${programmeId}` })).json()).toHaveLength(1);

    const bad = await create(agents.manager, { endsAt: '2026-03-02T08:00:00Z', cooperativeIds: [(await createTestCooperative(db)).id] });
    expect(bad.statusCode).toBe(422);
    const invalid = await create(agents.manager, { cooperativeIds: [(await createTestCooperative(db)).id] });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().error.issues).toEqual([{ path: ['cooperativeIds', 0], key: 'session_cooperative_not_enrolled' }]);
    expect((await create(agents.funder)).statusCode).toBe(403);
    expect((await create(agents.outsider)).statusCode).toBe(403);

    const { programmeId: _p, ...edit } = { programmeId, kind: 'training', title: 'Gouvernance (2)', startsAt: '2026-03-02T09:00:00Z', endsAt: '2026-03-02T13:00:00Z', cooperativeIds: [cooperativeId], facilitatorId: ids.consultant };
    const updated = await agents.consultant.request({ method: 'PUT', url: `/api/sessions/${session.id}`, payload: { ...edit, version: 1 } });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ title: 'Gouvernance (2)', version: 2, cooperativeCount: 1 });
    const stale = await agents.manager.request({ method: 'PUT', url: `/api/sessions/${session.id}`, payload: { ...edit, title: 'Autre', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.issues[0].key).toBe('stale_version');
    const audit = await db.selectFrom('auditLog').select('action').where('entityType', '=', 'session').where('entityId', '=', session.id).execute();
    expect(audit.map((row) => row.action)).toEqual(['create', 'update']);
  });

  it('records attendance, the report, attachments and evaluations; a funder sees counts but no names', async () => {
    const session = (await create(agents.manager)).json();
    const detail = (await read(agents.consultant, session.id)).json();
    expect(detail.memberSuggestions).toEqual([{ cooperativeId, memberId, fullName: 'Naima Sbai', sex: 'female', ageGroup: 'under_35' }]);

    const rows = [
      { cooperativeId, memberId, fullName: 'Naima Sbai', sex: 'female', ageGroup: 'under_35', present: true },
      { cooperativeId, fullName: 'Ahmed Bouzid', sex: 'male', ageGroup: '35_to_54', present: false },
      { cooperativeId: otherCooperativeId, fullName: 'Khadija Amrani', sex: 'female', ageGroup: '55_and_over', present: true },
    ];
    const saved = await agents.consultant.request({ method: 'PUT', url: `/api/sessions/${session.id}/attendance`, payload: { rows } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().attendanceCounts).toEqual({ total: 3, present: 2, presentWomen: 2, presentMen: 0, presentYoung: 1 });
    expect(saved.json().memberSuggestions).toEqual([]);

    const duplicate = await agents.consultant.request({ method: 'PUT', url: `/api/sessions/${session.id}/attendance`, payload: { rows: [rows[1], rows[1]] } });
    expect(duplicate.statusCode).toBe(422);
    expect(duplicate.json().error.issues[0].path).toEqual(['rows', 1, 'fullName']);

    // The representative confirms their own cooperative only; the other cooperative's rows stay.
    const confirmed = await agents.representative.request({ method: 'PUT', url: `/api/sessions/${session.id}/attendance`, payload: { rows: [{ ...rows[1], present: true }] } });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json().attendance.map((row: { fullName: string }) => row.fullName)).toEqual(['Ahmed Bouzid']);
    expect(confirmed.json().attendanceCounts.total).toBe(2);
    const foreign = await agents.representative.request({ method: 'PUT', url: `/api/sessions/${session.id}/attendance`, payload: { rows: [rows[2]] } });
    expect(foreign.statusCode).toBe(422);

    const funderView = await read(agents.funder, session.id);
    expect(funderView.statusCode).toBe(200);
    expect(funderView.json().attendance).toBeNull();
    expect(funderView.json().memberSuggestions).toBeNull();
    expect(funderView.json().attendanceCounts.present).toBe(2);
    expect(funderView.body).not.toContain('Khadija');
    expect(funderView.body).not.toContain('Ahmed');
    expect((await agents.funder.request({ method: 'PUT', url: `/api/sessions/${session.id}/attendance`, payload: { rows: [] } })).statusCode).toBe(403);
    expect((await read(agents.outsider, session.id)).statusCode).toBe(404);

    const report = await agents.consultant.request({ method: 'PUT', url: `/api/sessions/${session.id}/report`, payload: { done: 'Statuts relus', decisions: 'AG le 15 avril', nextSteps: 'Convocation', version: session.version } });
    expect(report.statusCode).toBe(200);
    expect(report.json().report).toEqual({ done: 'Statuts relus', decisions: 'AG le 15 avril', nextSteps: 'Convocation' });

    const boundary = 'taawonboundary';
    const multipart = (name: string, type: string, content: string) => ({
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n${content}\r\n--${boundary}--\r\n`,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    const upload = await agents.consultant.request({ method: 'POST', url: `/api/sessions/${session.id}/attachments`, ...multipart('feuille.pdf', 'application/pdf', '%PDF-1.4 fake') });
    expect(upload.statusCode).toBe(201);
    const attachmentId = upload.json().id;
    const refused = await agents.consultant.request({ method: 'POST', url: `/api/sessions/${session.id}/attachments`, ...multipart('x.exe', 'application/x-msdownload', 'MZ') });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.issues[0].key).toBe('attachment_type');
    const download = await agents.representative.request({ method: 'GET', url: `/api/sessions/${session.id}/attachments/${attachmentId}` });
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('%PDF-1.4 fake');
    expect((await agents.funder.request({ method: 'GET', url: `/api/sessions/${session.id}/attachments/${attachmentId}` })).statusCode).toBe(403);
    expect((await read(agents.manager, session.id)).json().attachments).toHaveLength(1);
    expect((await agents.consultant.request({ method: 'DELETE', url: `/api/sessions/${session.id}/attachments/${attachmentId}` })).statusCode).toBe(204);
    expect((await read(agents.manager, session.id)).json().attachments).toHaveLength(0);

    for (const evaluation of [{ satisfaction: 5, quizBefore: 40, quizAfter: 80, comment: 'Très utile' }, { satisfaction: 4, cooperativeId }]) {
      expect((await agents.consultant.request({ method: 'POST', url: `/api/sessions/${session.id}/evaluations`, payload: evaluation })).statusCode).toBe(201);
    }
    expect((await agents.consultant.request({ method: 'POST', url: `/api/sessions/${session.id}/evaluations`, payload: { satisfaction: 6 } })).statusCode).toBe(422);
    expect((await agents.funder.request({ method: 'GET', url: `/api/sessions/${session.id}/evaluations` })).json()).toHaveLength(2);
    expect((await read(agents.funder, session.id)).json().evaluationSummary).toEqual({ count: 2, averageSatisfaction: 4.5, averageQuizBefore: 40, averageQuizAfter: 80 });
  });

  it('postpones to a new linked session, cancels, and refuses changes to a closed session', async () => {
    const session = (await create(agents.manager)).json();
    const postponed = await agents.manager.request({ method: 'POST', url: `/api/sessions/${session.id}/status`, payload: { status: 'postponed', version: 1, startsAt: '2026-03-09T09:00:00Z', endsAt: '2026-03-09T12:00:00Z' } });
    expect(postponed.statusCode).toBe(200);
    expect(postponed.json().status).toBe('postponed');
    const next = (await read(agents.manager, postponed.json().postponedToId)).json();
    expect(next).toMatchObject({ status: 'planned', startsAt: '2026-03-09T09:00:00.000Z', cooperativeCount: 2, title: session.title });
    const again = await agents.manager.request({ method: 'POST', url: `/api/sessions/${session.id}/status`, payload: { status: 'cancelled', version: 2 } });
    expect(again.statusCode).toBe(409);
    const cancelled = await agents.manager.request({ method: 'POST', url: `/api/sessions/${next.id}/status`, payload: { status: 'cancelled', version: 1 } });
    expect(cancelled.json().status).toBe('cancelled');
  });

  it('serves iCalendar feeds by token, with no personal data, until revoked', async () => {
    const session = (await create(agents.manager, { title: 'Atelier, emballage; étiquetage', kind: 'workshop', startsAt: '2026-05-04T08:30:00Z', endsAt: '2026-05-04T11:00:00Z' })).json();
    await agents.consultant.request({ method: 'PUT', url: `/api/sessions/${session.id}/attendance`, payload: { rows: [{ cooperativeId, fullName: 'Zineb Secret', present: true }] } });
    await agents.manager.request({ method: 'POST', url: `/api/sessions/${session.id}/status`, payload: { status: 'cancelled', version: 1 } });

    expect((await agents.outsider.request({ method: 'POST', url: '/api/calendar-feeds', payload: { programmeId } })).statusCode).toBe(403);
    const feed = await agents.funder.request({ method: 'POST', url: '/api/calendar-feeds', payload: { programmeId } });
    expect(feed.statusCode).toBe(201);
    const { token, url } = feed.json();
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(url).toMatch(new RegExp(`/api/calendar/${token}\\.ics$`));

    const ics = await anonymous(app).request({ method: 'GET', url: `/api/calendar/${token}.ics` });
    expect(ics.statusCode).toBe(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.body).not.toContain('Zineb');
    const event = parseEvents(ics.body).find((candidate) => candidate.UID === `${session.id}@taawon.ma`);
    expect(event).toMatchObject({ DTSTART: '20260504T083000Z', DTEND: '20260504T110000Z', SUMMARY: 'Atelier\\, emballage\\; étiquetage', STATUS: 'CANCELLED', LOCATION: 'Maison des associations\\, Tarfaya' });
    expect(event!.DESCRIPTION).toContain('Youssef Formateur');

    const mine = (await agents.consultant.request({ method: 'POST', url: '/api/calendar-feeds', payload: {} })).json();
    expect(mine.userId).toBe(ids.consultant);
    const myEvents = parseEvents((await anonymous(app).request({ method: 'GET', url: `/api/calendar/${mine.token}.ics` })).body);
    expect(myEvents.some((candidate) => candidate.UID === `${session.id}@taawon.ma`)).toBe(true);

    expect((await agents.manager.request({ method: 'DELETE', url: `/api/calendar-feeds/${token}` })).statusCode).toBe(404);
    expect((await agents.funder.request({ method: 'DELETE', url: `/api/calendar-feeds/${token}` })).statusCode).toBe(204);
    expect((await anonymous(app).request({ method: 'GET', url: `/api/calendar/${token}.ics` })).statusCode).toBe(404);
    expect((await anonymous(app).request({ method: 'GET', url: '/api/calendar/not-a-real-token-at-all.ics' })).statusCode).toBe(404);
  });

  it('previews a move with its dependents, then moves exactly that in one transaction', async () => {
    const first = (await create(agents.manager, { title: 'Module 1', startsAt: '2026-09-07T08:00:00Z', endsAt: '2026-09-07T11:00:00Z' })).json();
    const second = (await create(agents.manager, { title: 'Module 2', startsAt: '2026-09-14T08:00:00Z', endsAt: '2026-09-14T11:00:00Z', dependsOnId: first.id })).json();
    const third = (await create(agents.manager, { title: 'Module 3', startsAt: '2026-09-21T08:00:00Z', endsAt: '2026-09-21T11:00:00Z', dependsOnId: second.id })).json();
    const move = { startsAt: '2026-09-15T08:00:00Z', endsAt: '2026-09-15T11:00:00Z' };
    const url = `/api/sessions/${first.id}/reschedule`;

    const alone = (await agents.consultant.request({ method: 'POST', url: `${url}/preview`, payload: { ...move, shiftDependents: 'none' } })).json();
    expect(alone.shifts.map((shift: { sessionId: string }) => shift.sessionId)).toEqual([first.id]);
    expect(alone.conflicts).toEqual([{ sessionId: second.id, title: 'Module 2', startsAt: second.startsAt, reason: 'starts_before_prerequisite' }]);
    expect(alone.dependentCount).toBe(2);

    const preview = await agents.consultant.request({ method: 'POST', url: `${url}/preview`, payload: { ...move, shiftDependents: 'keep_gaps' } });
    expect(preview.statusCode).toBe(200);
    const plan = preview.json();
    expect(plan.shifts.map((shift: { sessionId: string; newStartsAt: string }) => [shift.sessionId, shift.newStartsAt])).toEqual([
      [first.id, '2026-09-15T08:00:00.000Z'],
      [second.id, '2026-09-22T08:00:00.000Z'],
      [third.id, '2026-09-29T08:00:00.000Z'],
    ]);
    // The preview changed nothing.
    expect((await read(agents.manager, second.id)).json()).toMatchObject({ startsAt: second.startsAt, version: 1 });

    const versions = Object.fromEntries(plan.shifts.map((shift: { sessionId: string; version: number }) => [shift.sessionId, shift.version]));
    // A session the preview did not name is missing: nothing moves.
    const partial = await agents.consultant.request({ method: 'POST', url, payload: { ...move, shiftDependents: 'keep_gaps', versions: { [first.id]: 1 } } });
    expect(partial.statusCode).toBe(409);
    expect(partial.json().error.issues).toEqual([{ path: ['versions'], key: 'session_reschedule_stale' }]);
    // A dependent changed since the preview: nothing moves either.
    await agents.manager.request({ method: 'POST', url: `/api/sessions/${third.id}/status`, payload: { status: 'held', version: 1 } });
    await agents.manager.request({ method: 'PUT', url: `/api/sessions/${third.id}/report`, payload: { done: 'x', decisions: '', nextSteps: '', version: 2 } });
    const stale = await agents.consultant.request({ method: 'POST', url, payload: { ...move, shiftDependents: 'keep_gaps', versions } });
    expect(stale.statusCode).toBe(409);
    expect((await read(agents.manager, first.id)).json().startsAt).toBe(first.startsAt);

    // Previewed again: the held third session is a conflict, not moved.
    const again = (await agents.consultant.request({ method: 'POST', url: `${url}/preview`, payload: { ...move, shiftDependents: 'keep_gaps' } })).json();
    expect(again.shifts).toHaveLength(2);
    expect(again.conflicts).toMatchObject([{ sessionId: third.id, reason: 'held' }]);
    expect((await agents.funder.request({ method: 'POST', url, payload: { ...move, shiftDependents: 'keep_gaps', versions } })).statusCode).toBe(403);
    const moved = await agents.consultant.request({
      method: 'POST',
      url,
      payload: { ...move, shiftDependents: 'keep_gaps', versions: Object.fromEntries(again.shifts.map((shift: { sessionId: string; version: number }) => [shift.sessionId, shift.version])) },
    });
    expect(moved.statusCode).toBe(200);
    expect((await read(agents.manager, first.id)).json()).toMatchObject({ startsAt: new Date('2026-09-15T08:00:00Z').toISOString(), version: 2 });
    expect(Date.parse((await read(agents.manager, second.id)).json().startsAt)).toBe(Date.parse('2026-09-22T08:00:00Z'));
    expect(Date.parse((await read(agents.manager, third.id)).json().startsAt)).toBe(Date.parse('2026-09-21T08:00:00Z'));
    const audit = await db.selectFrom('auditLog').select(['entityId', 'context']).where('entityType', '=', 'session').where('entityId', 'in', [first.id, second.id, third.id]).execute();
    const part = (context: unknown) => (typeof context === 'string' ? JSON.parse(context) : context)?.part;
    expect(audit.filter((entry) => part(entry.context) === 'reschedule').map((entry) => entry.entityId).sort()).toEqual([first.id, second.id].sort());
  });
});
