import { expect, it } from 'vitest';
import { loadDemo } from '../src/server/demo/demo.js';
import { describeEachDatabase } from './support/database.js';

describeEachDatabase('demo', (database) => {
  it('loads both seed programmes once', async () => {
    const db = database().db;
    expect(await loadDemo(db)).toEqual({ loaded: true });
    expect(await loadDemo(db)).toEqual({ loaded: false });

    const byProvince = await db
      .selectFrom('cooperatives')
      .select(['provinceCode', (eb) => eb.fn.countAll<number>().as('count')])
      .where('isDemo', '=', true)
      .groupBy('provinceCode')
      .execute();
    const count = (codes: string[]) => byProvince.filter((row) => codes.includes(row.provinceCode)).reduce((sum, row) => sum + Number(row.count), 0);
    expect(count(['11.321', '11.537', '11.121'])).toBe(18);
    expect(count(['09.001', '09.273', '09.163', '09.541', '09.581', '09.551'])).toBe(33);
    expect(byProvince.filter((row) => row.provinceCode.startsWith('09.'))).toHaveLength(6);

    const tarfayaCommunes = await db.selectFrom('cooperatives').select('commune').distinct().where('provinceCode', '=', '11.537').execute();
    expect(tarfayaCommunes.map((row) => row.commune).sort()).toEqual(['Akhfennir', 'Tah']);

    const souss = await db.selectFrom('cooperatives').select(['creationDate', 'sector']).where('regionCode', '=', '09').execute();
    const twoYearsAgo = new Date(Date.now() - 2 * 365.25 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    expect(souss.every((row) => row.creationDate! > twoYearsAgo)).toBe(true);
    expect(new Set(souss.map((row) => row.sector)).size).toBeGreaterThanOrEqual(6);

    const roles = await db.selectFrom('users').innerJoin('roleGrants', 'roleGrants.userId', 'users.id').select('roleGrants.role').where('users.isDemo', '=', true).execute();
    expect(new Set(roles.map((row) => row.role))).toEqual(new Set(['admin', 'programme_manager', 'consultant', 'cooperative_representative', 'funder']));
  });
});
