import { planResultSchema } from '../src/core/training/plan.schema.js';
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
    // The 33 of Mourafaka and six older Souss-Massa cooperatives a programme for young ones refuses.
    expect(count(['09.001', '09.273', '09.163', '09.541', '09.581', '09.551'])).toBe(39);
    expect(byProvince.filter((row) => row.provinceCode.startsWith('09.'))).toHaveLength(6);

    const tarfayaCommunes = await db.selectFrom('cooperatives').select('commune').distinct().where('provinceCode', '=', '11.537').execute();
    expect(tarfayaCommunes.map((row) => row.commune).sort()).toEqual(['Akhfennir', 'Tah']);

    const souss = await db
      .selectFrom('cooperatives')
      .innerJoin('enrolments', 'enrolments.cooperativeId', 'cooperatives.id')
      .select(['cooperatives.creationDate', 'cooperatives.sector'])
      .where('cooperatives.regionCode', '=', '09')
      .execute();
    expect(souss).toHaveLength(33);
    const twoYearsAgo = new Date(Date.now() - 2 * 365.25 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    expect(souss.every((row) => row.creationDate! > twoYearsAgo)).toBe(true);
    expect(new Set(souss.map((row) => row.sector)).size).toBeGreaterThanOrEqual(6);

    const cohorts = await db
      .selectFrom('programmes')
      .innerJoin('enrolments', 'enrolments.programmeId', 'programmes.id')
      .leftJoin('diagnostics', (join) => join.onRef('diagnostics.enrolmentId', '=', 'enrolments.id').on('diagnostics.kind', '=', 'baseline'))
      .select(['programmes.code', 'programmes.status', 'enrolments.status as enrolmentStatus', 'enrolments.eligible', 'diagnostics.kind', 'diagnostics.status as diagnosticStatus', 'diagnostics.maturityLevel', 'diagnostics.scores'])
      .execute();
    const byCode = (code: string) => cohorts.filter((row) => row.code === code);
    expect(byCode('INJAZ-LSH-18')).toHaveLength(18);
    expect(byCode('MOURAFAKA-SM-T2')).toHaveLength(33);
    for (const row of cohorts) {
      expect(row).toMatchObject({ status: 'active', enrolmentStatus: 'enrolled', eligible: true, kind: 'baseline', diagnosticStatus: 'validated' });
      expect(row.scores?.domains).toHaveLength(10);
    }
    // Varied: several maturity levels, and needs that differ from one cooperative to the next.
    expect(new Set(cohorts.map((row) => row.maturityLevel)).size).toBeGreaterThanOrEqual(2);
    expect(new Set(cohorts.map((row) => row.scores?.needs[0]?.domainKey)).size).toBeGreaterThanOrEqual(3);

    const phases = await db.selectFrom('programmePhases').select(['programmeId', 'kind']).execute();
    expect(phases).toHaveLength(10);
    const frameworks = await db.selectFrom('diagnosticFrameworks').select(['frozenAt', 'isDefault']).execute();
    expect(frameworks.filter((row) => row.isDefault && row.frozenAt !== null)).toHaveLength(1);

    // The accompaniment as sessions: trainings, workshops and fortnightly follow-ups, grouped trainings and 12 coaching visits each.
    const sessions = await db
      .selectFrom('programmeSessions')
      .innerJoin('programmes', 'programmes.id', 'programmeSessions.programmeId')
      .select(['programmes.code', 'programmeSessions.kind', 'programmeSessions.status', 'programmeSessions.id', 'programmeSessions.report'])
      .execute();
    const sessionsOf = (code: string, kind: string) => sessions.filter((row) => row.code === code && row.kind === kind).length;
    // The southern programme's plan is approved; its trainings and its six monthly workshops per hub come from it.
    const plans = await db.selectFrom('trainingPlans').innerJoin('programmes', 'programmes.id', 'trainingPlans.programmeId').select(['programmes.code', 'trainingPlans.id', 'trainingPlans.status', 'trainingPlans.result']).execute();
    expect(plans.map((plan) => [plan.code, plan.status])).toEqual([['INJAZ-LSH-18', 'approved']]);
    const planResult = planResultSchema.parse(plans[0]!.result);
    const hubs = new Set(planResult.workshops.map((workshop) => workshop.provinceCode));
    expect(planResult.workshops).toHaveLength(6 * hubs.size);
    expect(planResult.coverage.filter((entry) => entry.status === 'group').length).toBeGreaterThan(planResult.coverage.length / 2);
    const fromPlan = await db.selectFrom('programmeSessions').select(['kind', 'status']).where('planId', '=', plans[0]!.id).execute();
    expect(fromPlan.filter((row) => row.kind === 'training').length).toBe(planResult.modules.reduce((sum, planned) => sum + planned.groups.reduce((count, group) => count + group.sessions.length, 0), 0));
    expect(fromPlan.some((row) => row.kind === 'training' && row.status === 'held')).toBe(true);
    expect(sessionsOf('INJAZ-LSH-18', 'workshop')).toBe(6 * hubs.size);
    expect(sessionsOf('INJAZ-LSH-18', 'remote_follow_up')).toBe(18 * 13);
    expect(sessionsOf('MOURAFAKA-SM-T2', 'coaching')).toBe(33 * 12);
    expect(sessionsOf('MOURAFAKA-SM-T2', 'training')).toBe(4 * 6);
    const held = sessions.filter((row) => row.status === 'held');
    expect(held.length).toBeGreaterThan(10);
    expect(held.every((row) => row.report !== null)).toBe(true);
    const attendance = await db.selectFrom('sessionAttendance').select(['sessionId', 'present']).where('sessionId', 'in', held.map((row) => row.id)).execute();
    expect(new Set(attendance.map((row) => row.sessionId)).size).toBe(held.length);
    expect(attendance.some((row) => !row.present)).toBe(true);

    const roles = await db.selectFrom('users').innerJoin('roleGrants', 'roleGrants.userId', 'users.id').select('roleGrants.role').where('users.isDemo', '=', true).execute();
    expect(new Set(roles.map((row) => row.role))).toEqual(new Set(['admin', 'programme_manager', 'consultant', 'cooperative_representative', 'funder']));
  });
});
