import { expect, it } from 'vitest';
import { toPrincipal } from '../src/server/access/session.service.js';
import { findUserById } from '../src/server/access/user.repository.js';
import { loadDemo } from '../src/server/demo/demo.js';
import { readIndicators } from '../src/server/indicators/indicators.service.js';
import { describeEachDatabase } from './support/database.js';

describeEachDatabase('demo outcomes', (database) => {
  it('enters a baseline and, for most cooperatives, a recent figure of turnover, jobs and members, and a few midlines', async () => {
    const db = database().db;
    await loadDemo(db);
    const figures = await db
      .selectFrom('outcomeMeasurements')
      .innerJoin('programmes', 'programmes.id', 'outcomeMeasurements.programmeId')
      .select(['programmes.code', 'outcomeMeasurements.cooperativeId', 'outcomeMeasurements.indicator', 'outcomeMeasurements.measuredOn', 'outcomeMeasurements.value', 'outcomeMeasurements.women', 'outcomeMeasurements.men'])
      .execute();
    const cooperatives = (code: string) => new Set(figures.filter((row) => row.code === code).map((row) => row.cooperativeId));
    expect(cooperatives('INJAZ-LSH-18').size).toBe(18);
    expect(cooperatives('MOURAFAKA-SM-T2').size).toBe(33);
    const today = new Date().toISOString().slice(0, 10);
    for (const row of figures) {
      expect(row.measuredOn <= today).toBe(true);
      if (row.indicator === 'turnover') expect([row.women, row.men]).toEqual([null, null]);
      else expect(row.women! + row.men!).toBeLessThanOrEqual(row.value);
    }
    const perCooperative = new Map<string, number>();
    for (const row of figures) perCooperative.set(`${row.cooperativeId}:${row.indicator}`, (perCooperative.get(`${row.cooperativeId}:${row.indicator}`) ?? 0) + 1);
    const measuredTwice = [...perCooperative.values()].filter((count) => count === 2).length;
    expect(measuredTwice).toBeGreaterThan(0.7 * perCooperative.size);

    const midlines = await db.selectFrom('diagnostics').select(['programmeId', 'status', 'overallScore']).where('kind', '=', 'midline').execute();
    expect(midlines).toHaveLength(6);
    expect(midlines.every((row) => row.status === 'validated' && row.overallScore !== null)).toBe(true);

    // The indicators page has something to show in each of its outcomes.
    const admin = await db.selectFrom('users').select('id').where('email', '=', 'admin@demo.taawon.ma').executeTakeFirstOrThrow();
    const principal = toPrincipal((await findUserById(db, admin.id))!);
    const souss = await db.selectFrom('programmes').select('id').where('code', '=', 'MOURAFAKA-SM-T2').executeTakeFirstOrThrow();
    const report = await readIndicators(db, principal, souss.id, { by: 'sex' });
    const pick = (key: string) => report.indicators.find((indicator) => indicator.key === key)!;
    expect(pick('maturity_gain')).toMatchObject({ cooperatives: 6 });
    expect(pick('maturity_gain').value).toBeGreaterThan(0);
    expect(pick('turnover').cooperatives).toBeGreaterThan(20);
    expect(pick('jobs').women).toBeGreaterThan(0);
    expect(pick('members').breakdown.map((row) => row.group)).toEqual(['women', 'men', 'unspecified']);
  });
});
