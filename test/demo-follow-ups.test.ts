import { expect, it } from 'vitest';
import { moroccanToday } from '../src/core/follow-up/dates.js';
import { loadDemo } from '../src/server/demo/demo.js';
import { listDueFollowUps } from '../src/server/follow-up/due.repository.js';
import { describeEachDatabase } from './support/database.js';

describeEachDatabase('demo follow-ups', (database) => {
  it('follow the elapsed part of both programmes: most held and confirmed, some late, one reported by a representative', async () => {
    const db = database().db;
    await loadDemo(db);
    const today = moroccanToday();
    const programmes = await db.selectFrom('programmes').select(['id', 'code']).where('isDemo', '=', true).execute();
    const consultant = await db.selectFrom('users').select('id').where('email', '=', 'consultant@demo.taawon.ma').executeTakeFirstOrThrow();

    const past = await db
      .selectFrom('programmeSessions as s')
      .leftJoin('followUps as f', 'f.sessionId', 's.id')
      .select(['s.programmeId', 's.status', 'f.status as followUpStatus', 'f.reportedByRole'])
      .where('s.kind', 'in', ['remote_follow_up', 'coaching'])
      .where('s.endsAt', '<', new Date().toISOString())
      .execute();
    for (const programme of programmes) {
      const own = past.filter((row) => row.programmeId === programme.id);
      expect(own.length).toBeGreaterThan(10);
      const held = own.filter((row) => row.status === 'held');
      // Most are held, each with its confirmed follow-up; a few are late.
      expect(held.length).toBeGreaterThan(own.length * 0.6);
      expect(held.every((row) => row.followUpStatus === 'confirmed')).toBe(true);
      expect(own.filter((row) => row.status === 'planned' && row.followUpStatus === null).length).toBeGreaterThanOrEqual(2);
    }

    // The consultant's overdue list is not empty; nothing in it was recorded.
    const overdue = await listDueFollowUps(db, { scope: 'overdue', today, consultantId: consultant.id });
    expect(overdue.total).toBeGreaterThanOrEqual(4);
    expect(new Set(overdue.items.map((row) => row.programmeId)).size).toBe(2);

    // LAA-007's representative reported progress, waiting for confirmation; the session stays planned.
    const reported = await db
      .selectFrom('followUps as f')
      .innerJoin('cooperatives as c', 'c.id', 'f.cooperativeId')
      .innerJoin('programmeSessions as s', 's.id', 'f.sessionId')
      .select(['c.registrationNumber', 'f.reportedByRole', 's.status'])
      .where('f.status', '=', 'reported')
      .execute();
    expect(reported).toEqual([{ registrationNumber: 'LAA-007', reportedByRole: 'representative', status: 'planned' }]);

    // Follow-ups to come: the fortnightly calls of the southern programme go on.
    const upcoming = await db
      .selectFrom('programmeSessions')
      .select('id')
      .where('kind', '=', 'remote_follow_up')
      .where('status', '=', 'planned')
      .where('startsAt', '>=', new Date().toISOString())
      .where('startsAt', '<', new Date(Date.now() + 14 * 86_400_000).toISOString())
      .execute();
    expect(upcoming.length).toBeGreaterThanOrEqual(9);

    // Where the plans have actions, the follow-ups update them and measure indicators.
    const actions = await db.selectFrom('planActions').select('id').execute();
    if (actions.length > 0) {
      const updates = await db.selectFrom('followUpActionUpdates').select('followUpId').execute();
      const measured = await db.selectFrom('indicatorMeasurements').select('id').where('followUpId', 'is not', null).execute();
      expect(updates.length).toBeGreaterThan(50);
      expect(measured.length).toBeGreaterThan(20);
    }
  });
});
