import { expect, it } from 'vitest';
import { toMoroccanWallClock } from '../src/core/sessions/local-time.js';
import { loadDemo } from '../src/server/demo/demo.js';
import { loadDemoFinancing } from '../src/server/demo/demo-financing.js';
import { makeAction } from './access-matrix/financing.cases.js';
import { createTestCooperative, createTestProgramme, createTestUser } from './support/factories.js';
import { demoProgrammeSetups } from '../src/server/demo/demo-programmes.js';
import { describeEachDatabase } from './support/database.js';

describeEachDatabase('demo financing', (database) => {
  it('gives both programmes budget lines per funder and category, commitments and disbursements in the elapsed part', async () => {
    const db = database().db;
    await loadDemo(db);
    const today = toMoroccanWallClock(new Date().toISOString()).date;

    const lines = await db
      .selectFrom('budgetLines')
      .innerJoin('programmes', 'programmes.id', 'budgetLines.programmeId')
      .innerJoin('programmeOrganisations', (join) => join.onRef('programmeOrganisations.programmeId', '=', 'budgetLines.programmeId').onRef('programmeOrganisations.organisationId', '=', 'budgetLines.funderId'))
      .select(['programmes.code', 'budgetLines.id', 'budgetLines.funderId', 'budgetLines.category', 'budgetLines.amountMad', 'programmeOrganisations.role', 'programmeOrganisations.contributionMad'])
      .execute();
    for (const setup of demoProgrammeSetups) {
      const ofProgramme = lines.filter((line) => line.code === setup.code);
      // Every line belongs to a funder of the programme, and each funder's lines add up to its contribution.
      expect(ofProgramme.every((line) => line.role === 'funder')).toBe(true);
      const byFunder = new Map<string, number>();
      for (const line of ofProgramme) byFunder.set(line.funderId, (byFunder.get(line.funderId) ?? 0) + Number(line.amountMad));
      expect(byFunder.size).toBe(setup.funders.length);
      for (const line of ofProgramme) expect(byFunder.get(line.funderId)).toBe(Number(line.contributionMad));
      expect(new Set(ofProgramme.map((line) => line.category))).toEqual(new Set(['diagnostic', 'training', 'coaching', 'action_financing']));
    }

    const commitments = await db
      .selectFrom('financingCommitments')
      .innerJoin('budgetLines', 'budgetLines.id', 'financingCommitments.budgetLineId')
      .leftJoin('planActions', 'planActions.id', 'financingCommitments.actionId')
      .leftJoin('actionPlans', 'actionPlans.id', 'planActions.actionPlanId')
      .select([
        'financingCommitments.id',
        'financingCommitments.budgetLineId',
        'financingCommitments.programmeId',
        'financingCommitments.cooperativeId',
        'financingCommitments.actionId',
        'financingCommitments.amountMad',
        'financingCommitments.committedOn',
        'financingCommitments.overrunConfirmed',
        'budgetLines.programmeId as lineProgrammeId',
        'budgetLines.category',
        'planActions.financingSource',
        'actionPlans.cooperativeId as actionCooperativeId',
      ])
      .execute();
    const disbursements = await db.selectFrom('financingDisbursements').select(['commitmentId', 'amountMad', 'paidOn']).execute();
    expect(commitments.length).toBeGreaterThanOrEqual(6);
    expect(disbursements.length).toBeGreaterThan(0);

    for (const commitment of commitments) {
      expect(commitment.programmeId).toBe(commitment.lineProgrammeId);
      expect(commitment.committedOn <= today).toBe(true);
      expect(commitment.overrunConfirmed).toBe(false);
      const paid = disbursements.filter((disbursement) => disbursement.commitmentId === commitment.id);
      expect(paid.reduce((sum, disbursement) => sum + Number(disbursement.amountMad), 0)).toBeLessThanOrEqual(Number(commitment.amountMad));
      for (const disbursement of paid) {
        expect(disbursement.paidOn >= commitment.committedOn && disbursement.paidOn <= today).toBe(true);
      }
      if (commitment.actionId) {
        expect(commitment.financingSource).toBe('programme');
        expect(commitment.cooperativeId).toBe(commitment.actionCooperativeId);
      }
    }
    // No line is committed beyond its amount.
    for (const line of lines) {
      const committed = commitments.filter((commitment) => commitment.budgetLineId === line.id).reduce((sum, commitment) => sum + Number(commitment.amountMad), 0);
      expect(committed).toBeLessThanOrEqual(Number(line.amountMad));
    }

    // Once the action plans exist, actions financed by the programme get commitments: some paid in full, some in part, some not yet.
    const programmeActions = await db.selectFrom('planActions').select('id').where('financingSource', '=', 'programme').where('budgetMad', '>', 0).execute();
    const onActions = commitments.filter((commitment) => commitment.actionId !== null);
    if (programmeActions.length >= 3) {
      expect(onActions.length).toBeGreaterThanOrEqual(3);
      const paidShare = onActions.map((commitment) => disbursements.filter((disbursement) => disbursement.commitmentId === commitment.id).reduce((sum, disbursement) => sum + Number(disbursement.amountMad), 0) / Number(commitment.amountMad));
      expect(paidShare).toContain(1);
      expect(paidShare).toContain(0);
      expect(paidShare.some((share) => share > 0 && share < 1)).toBe(true);
    } else {
      expect(onActions).toEqual([]);
    }
  });

  it('commits on the actions the programme finances, within the action line, some paid in full, some in part, some not yet', async () => {
    const db = database().db;
    const organisationIds = new Map<string, string>();
    for (const key of ['corporate', 'ministry-sse', 'ministry-finance']) {
      organisationIds.set(key, (await db.insertInto('organisations').values({ nameFr: `Test ${key}`, kind: 'funder' }).returning('id').executeTakeFirstOrThrow()).id);
    }
    const today = new Date();
    const cohort = async (startedDaysAgo: number) => {
      const programmeId = (await createTestProgramme(db)).id;
      const cooperatives = [];
      for (let index = 0; index < 4; index += 1) {
        const cooperativeId = (await createTestCooperative(db)).id;
        cooperatives.push({ id: cooperativeId, provinceCode: '11.537' });
        await makeAction(db, programmeId, cooperativeId, { title: `Action programme ${index}`, budgetMad: 12_000 });
        await makeAction(db, programmeId, cooperativeId, { title: `Fonds propres ${index}`, budgetMad: 5_000, financingSource: 'own_funds' });
      }
      return { programmeId, start: new Date(today.getTime() - startedDaysAgo * 24 * 3600 * 1000), cooperatives };
    };
    const south = await cohort(120);
    const souss = await cohort(90);
    const managerId = (await createTestUser(db)).id;
    await loadDemoFinancing(db, { south, souss }, { today, managerId, consultantId: managerId, trainerId: managerId, representativeId: managerId, organisationIds });

    const onActions = await db
      .selectFrom('financingCommitments')
      .innerJoin('planActions', 'planActions.id', 'financingCommitments.actionId')
      .select(['financingCommitments.id', 'financingCommitments.programmeId', 'financingCommitments.amountMad', 'planActions.financingSource', 'planActions.title'])
      .where('financingCommitments.programmeId', 'in', [south.programmeId, souss.programmeId])
      .execute();
    expect(onActions).toHaveLength(8);
    expect(onActions.every((commitment) => commitment.financingSource === 'programme' && Number(commitment.amountMad) === 12_000)).toBe(true);
    const paid = await db.selectFrom('financingDisbursements').select(['commitmentId', 'amountMad']).where('commitmentId', 'in', onActions.map((commitment) => commitment.id)).execute();
    const shares = onActions.map((commitment) => paid.filter((row) => row.commitmentId === commitment.id).reduce((sum, row) => sum + Number(row.amountMad), 0) / 12_000);
    expect(shares.filter((share) => share === 1).length).toBeGreaterThan(0);
    expect(shares.filter((share) => share === 0.5).length).toBeGreaterThan(0);
    expect(shares.filter((share) => share === 0).length).toBeGreaterThan(0);
  });
});
