import { afterEach, expect, it } from 'vitest';
import { configureSessionCache, forgetSessionsOf, resolveSession, signIn } from '../src/server/access/session.service.js';
import { describeEachDatabase } from './support/database.js';
import { createTestUser } from './support/factories.js';

afterEach(() => {
  configureSessionCache({ freshMs: 5_000, busyWaitMs: 300 });
});

describeEachDatabase('sessions', (database) => {
  it('answers a known session while a long transaction holds the database', async () => {
    const db = database().db;
    const user = await createTestUser(db, [{ role: 'programme_manager' }]);
    const { token } = await signIn(db, user.email, user.password);
    expect((await resolveSession(db, token))?.id).toBe(user.id);

    configureSessionCache({ freshMs: 0, busyWaitMs: 200 });
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const transaction = db.transaction().execute(async (trx) => {
      await trx.selectFrom('cooperatives').select('id').limit(1).forUpdate().execute();
      await held;
    });
    const started = Date.now();
    const resolved = await resolveSession(db, token);
    expect(resolved?.id).toBe(user.id);
    expect(Date.now() - started).toBeLessThan(2_000);
    release();
    await transaction;
  });

  it('reads again a session whose person changed', async () => {
    const db = database().db;
    const user = await createTestUser(db, [{ role: 'consultant' }]);
    const { token } = await signIn(db, user.email, user.password);
    expect((await resolveSession(db, token))?.grants).toHaveLength(1);
    await db.deleteFrom('roleGrants').where('userId', '=', user.id).execute();
    forgetSessionsOf(user.id);
    expect((await resolveSession(db, token))?.grants).toHaveLength(0);
  });
});
