import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ActionFinancing, BudgetLineView, Commitment, Disbursement, FinancingOverview } from '../src/core/financing/financing.schema.js';
import type { Db } from '../src/server/db/database.js';
import type { App } from '../src/server/http/types.js';
import { makeAction, makeFunder } from './access-matrix/financing.cases.js';
import { describeEachDatabase } from './support/database.js';
import { createTestCooperative, createTestProgramme, createTestUser } from './support/factories.js';
import { buildTestApp, signIn, type Agent } from './support/http.js';

type ErrorBody = { error: { code: string; issues?: Array<{ path: Array<string | number>; key: string; params?: Record<string, unknown> }>; params?: Record<string, unknown> } };

const boundary = 'financingtestboundary';
const multipart = (name: string, type: string, content: string | Buffer) => ({
  payload: Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]),
  headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
});

describeEachDatabase('financing: budget lines, commitments, disbursements', (database) => {
  let app: App;
  let db: Db;
  let programmeId: string;
  let otherProgrammeId: string;
  let cooperativeId: string;
  let otherCooperativeId: string;
  let ministryId: string;
  let treasuryId: string;
  let manager: Agent;
  let consultant: Agent;
  let funder: Agent;
  let representative: Agent;
  let outsider: Agent;

  const overview = async (agent: Agent, query = '') => {
    const response = await agent.request({ method: 'GET', url: `/api/programmes/${programmeId}/financing${query}` });
    expect(response.statusCode).toBe(200);
    return response.json<FinancingOverview>();
  };
  const lineOf = async (lineId: string) => (await overview(manager)).lines.find((line) => line.id === lineId)!;
  const addLine = async (payload: Record<string, unknown>) => manager.request({ method: 'POST', url: `/api/programmes/${programmeId}/budget-lines`, payload });
  const commit = async (payload: Record<string, unknown>, agent: Agent = manager) => agent.request({ method: 'POST', url: `/api/programmes/${programmeId}/commitments`, payload });
  const disburse = async (commitmentId: string, payload: Record<string, unknown>) => manager.request({ method: 'POST', url: `/api/commitments/${commitmentId}/disbursements`, payload });

  beforeAll(async () => {
    db = database().db;
    app = await buildTestApp(database());
    programmeId = (await createTestProgramme(db)).id;
    otherProgrammeId = (await createTestProgramme(db)).id;
    cooperativeId = (await createTestCooperative(db, { nameFr: 'Coopérative Tah Pêche' })).id;
    otherCooperativeId = (await createTestCooperative(db)).id;
    for (const id of [cooperativeId, otherCooperativeId]) {
      await db.insertInto('enrolments').values({ programmeId, cooperativeId: id, status: 'enrolled', candidateAt: '2026-01-05', enrolledAt: '2026-01-10', eligible: true }).execute();
    }
    ministryId = await makeFunder(db, programmeId, 935_000, 'Ministère de l’ESS');
    treasuryId = await makeFunder(db, programmeId, 467_500, 'Ministère des Finances');
    const users = {
      manager: await createTestUser(db, [{ role: 'programme_manager', programmeId }]),
      consultant: await createTestUser(db, [{ role: 'consultant', programmeId }]),
      funder: await createTestUser(db, [{ role: 'funder', programmeId }]),
      representative: await createTestUser(db, [{ role: 'cooperative_representative', cooperativeId }]),
      outsider: await createTestUser(db, [{ role: 'programme_manager', programmeId: otherProgrammeId }]),
    };
    manager = await signIn(app, users.manager.email, users.manager.password);
    consultant = await signIn(app, users.consultant.email, users.consultant.password);
    funder = await signIn(app, users.funder.email, users.funder.password);
    representative = await signIn(app, users.representative.email, users.representative.password);
    outsider = await signIn(app, users.outsider.email, users.outsider.password);
  });

  afterAll(async () => {
    await app.close();
  });

  it('adds budget lines per funder and category, and names the field of every mistake', async () => {
    const created = await addLine({ funderId: ministryId, category: 'training', label: '  Formations groupées  ', amountMad: 300_000 });
    expect(created.statusCode).toBe(201);
    expect(created.json<BudgetLineView>()).toMatchObject({ funderId: ministryId, category: 'training', label: 'Formations groupées', amountMad: 300_000, committedMad: 0, availableMad: 300_000, version: 1 });

    const wrong = await addLine({ funderId: ministryId, category: 'travel', label: '', amountMad: -5 });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json<ErrorBody>().error.issues!.map((issue) => issue.path[0]).sort()).toEqual(['amountMad', 'category', 'label']);
    const centimes = await addLine({ funderId: ministryId, category: 'other', label: 'Divers', amountMad: 10.005 });
    expect(centimes.json<ErrorBody>().error.issues).toEqual([expect.objectContaining({ path: ['amountMad'], key: 'financing_amount_centimes' })]);

    // Only a funder of this programme holds a line.
    const stranger = await db.insertInto('organisations').values({ nameFr: 'Banque étrangère', kind: 'bank' }).returning('id').executeTakeFirstOrThrow();
    const notFunder = await addLine({ funderId: stranger.id, category: 'other', label: 'Divers', amountMad: 10 });
    expect(notFunder.statusCode).toBe(422);
    expect(notFunder.json<ErrorBody>().error.issues).toEqual([{ path: ['funderId'], key: 'financing_funder_not_programme' }]);

    expect((await consultant.request({ method: 'POST', url: `/api/programmes/${programmeId}/budget-lines`, payload: { funderId: ministryId, category: 'training', label: 'X', amountMad: 1 } })).statusCode).toBe(403);
    expect((await outsider.request({ method: 'POST', url: `/api/programmes/${programmeId}/budget-lines`, payload: { funderId: ministryId, category: 'training', label: 'X', amountMad: 1 } })).statusCode).toBe(404);

    const audit = await db.selectFrom('auditLog').select(['action', 'after', 'context']).where('entityType', '=', 'budget_line').where('entityId', '=', created.json<BudgetLineView>().id).execute();
    expect(audit).toEqual([expect.objectContaining({ action: 'create', context: { programmeId } })]);
  });

  it('commits and disburses money on an action, and the balances move with each write', async () => {
    const lineId = (await addLine({ funderId: treasuryId, category: 'action_financing', label: 'Financement des actions', amountMad: 100_000 })).json<BudgetLineView>().id;
    const actionId = await makeAction(db, programmeId, cooperativeId, { title: 'Chambre froide', budgetMad: 60_000 });

    const created = await commit({ budgetLineId: lineId, actionId, amountMad: 60_000, committedOn: '2026-03-02', reference: 'CONV-2026-07', note: 'Convention signée par la présidente' });
    expect(created.statusCode).toBe(201);
    const commitment = created.json<Commitment>();
    // The action gives the cooperative.
    expect(commitment).toMatchObject({ cooperative: { id: cooperativeId, nameFr: 'Coopérative Tah Pêche' }, action: { id: actionId, title: 'Chambre froide' }, amountMad: 60_000, disbursedMad: 0, remainingMad: 60_000, overrunConfirmed: false });
    expect(await lineOf(lineId)).toMatchObject({ amountMad: 100_000, committedMad: 60_000, disbursedMad: 0, availableMad: 40_000, toDisburseMad: 60_000, commitmentsCount: 1 });

    const first = await disburse(commitment.id, { amountMad: 25_000.5, paidOn: '2026-03-20', reference: 'VIR-118' });
    expect(first.statusCode).toBe(201);
    expect(first.json<Disbursement>()).toMatchObject({ commitmentId: commitment.id, amountMad: 25_000.5, paidOn: '2026-03-20', reference: 'VIR-118' });
    expect(await lineOf(lineId)).toMatchObject({ committedMad: 60_000, disbursedMad: 25_000.5, availableMad: 40_000, toDisburseMad: 34_999.5 });

    const state = await overview(manager);
    expect(state.funders.find((entry) => entry.funderId === treasuryId)).toMatchObject({ nameFr: 'Ministère des Finances', contributionMad: 467_500, amountMad: 100_000, committedMad: 60_000, disbursedMad: 25_000.5 });
    expect(state.categories.find((entry) => entry.category === 'action_financing')).toMatchObject({ committedMad: 60_000, disbursedMad: 25_000.5 });
    // The ministry has a line but nothing committed; both funders are listed, with their contribution.
    expect(state.funders.map((entry) => entry.funderId).sort()).toEqual([ministryId, treasuryId].sort());

    const action = await manager.request({ method: 'GET', url: `/api/actions/${actionId}/financing` });
    expect(action.statusCode).toBe(200);
    expect(action.json<ActionFinancing>()).toMatchObject({ action: { id: actionId, budgetMad: 60_000, financingSource: 'programme', cooperativeId }, canManage: true, committedMad: 60_000, disbursedMad: 25_000.5 });
    expect(action.json<ActionFinancing>().lines[0]).toMatchObject({ id: lineId, category: 'action_financing', availableMad: 40_000 });

    // The rest is paid; a centime more is refused and names the amount.
    const over = await disburse(commitment.id, { amountMad: 34_999.51, paidOn: '2026-04-02' });
    expect(over.statusCode).toBe(422);
    expect(over.json<ErrorBody>().error.issues).toEqual([{ path: ['amountMad'], key: 'disbursement_over_commitment', params: { remaining: 34_999.5, over: 0.01 } }]);
    expect((await disburse(commitment.id, { amountMad: 34_999.5, paidOn: '2026-04-02' })).statusCode).toBe(201);
    expect(await lineOf(lineId)).toMatchObject({ committedMad: 60_000, disbursedMad: 60_000, toDisburseMad: 0 });

    // Dates: not before the commitment, not in the future.
    const early = await disburse(commitment.id, { amountMad: 1, paidOn: '2026-03-01' });
    expect(early.json<ErrorBody>().error.issues).toEqual(expect.arrayContaining([{ path: ['paidOn'], key: 'financing_paid_before_commitment', params: { committedOn: '2026-03-02' } }]));
    const future = await commit({ budgetLineId: lineId, actionId, amountMad: 10, committedOn: '2999-01-01' });
    expect(future.statusCode).toBe(422);
    expect(future.json<ErrorBody>().error.issues).toEqual([{ path: ['committedOn'], key: 'date_in_future' }]);

    const audit = await db.selectFrom('auditLog').select(['entityType', 'action']).where('entityType', 'in', ['financing_commitment', 'financing_disbursement']).where((eb) => eb(eb.ref('context'), '@>', JSON.stringify({ programmeId }) as never)).execute();
    expect(audit.filter((entry) => entry.entityType === 'financing_disbursement')).toHaveLength(2);
    expect(audit.filter((entry) => entry.entityType === 'financing_commitment')).toHaveLength(1);
  });

  it('warns before a commitment goes over its line, and records it only once confirmed', async () => {
    const lineId = (await addLine({ funderId: ministryId, category: 'coaching', label: 'Coaching individuel', amountMad: 50_000 })).json<BudgetLineView>().id;
    expect((await commit({ budgetLineId: lineId, cooperativeId, amountMad: 45_000, committedOn: '2026-04-01' })).statusCode).toBe(201);

    const refused = await commit({ budgetLineId: lineId, cooperativeId: otherCooperativeId, amountMad: 8_000, committedOn: '2026-04-02' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().error).toMatchObject({
      code: 'conflict',
      params: { reason: 'commitment_over_line', available: 5_000, over: 3_000 },
      issues: [{ path: ['amountMad'], key: 'commitment_over_line', params: { available: 5_000, over: 3_000 } }],
    });
    expect(await lineOf(lineId)).toMatchObject({ committedMad: 45_000, availableMad: 5_000, commitmentsCount: 1 });

    const confirmed = await commit({ budgetLineId: lineId, cooperativeId: otherCooperativeId, amountMad: 8_000, committedOn: '2026-04-02', confirmOverrun: true });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json<Commitment>().overrunConfirmed).toBe(true);
    expect(await lineOf(lineId)).toMatchObject({ committedMad: 53_000, availableMad: -3_000 });

    // A confirmation where none is needed leaves no overrun mark.
    const within = await addLine({ funderId: ministryId, category: 'diagnostic', label: 'Diagnostics', amountMad: 10_000 });
    const fits = await commit({ budgetLineId: within.json<BudgetLineView>().id, cooperativeId, amountMad: 10_000, committedOn: '2026-04-02', confirmOverrun: true });
    expect(fits.json<Commitment>().overrunConfirmed).toBe(false);
  });

  it('lets only one of two simultaneous commitments through when together they go over the line', async () => {
    const lineId = (await addLine({ funderId: treasuryId, category: 'other', label: 'Imprévus', amountMad: 10_000 })).json<BudgetLineView>().id;
    const responses = await Promise.all([
      commit({ budgetLineId: lineId, cooperativeId, amountMad: 7_000, committedOn: '2026-04-03' }),
      commit({ budgetLineId: lineId, cooperativeId: otherCooperativeId, amountMad: 6_000, committedOn: '2026-04-03' }),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409]);
    const line = await lineOf(lineId);
    expect(line.commitmentsCount).toBe(1);
    expect(line.availableMad).toBeGreaterThanOrEqual(0);
  });

  it('checks the action and the cooperative a commitment names against the programme', async () => {
    const lineId = (await addLine({ funderId: treasuryId, category: 'action_financing', label: 'Actions 2', amountMad: 100_000 })).json<BudgetLineView>().id;
    const foreignAction = await makeAction(db, otherProgrammeId, cooperativeId, { title: 'Ailleurs' });
    const otherAction = await makeAction(db, programmeId, otherCooperativeId, { title: 'Site web' });
    const notEnrolled = (await createTestCooperative(db)).id;

    const foreign = await commit({ budgetLineId: lineId, actionId: foreignAction, amountMad: 100, committedOn: '2026-04-01' });
    expect(foreign.json<ErrorBody>().error.issues).toEqual([{ path: ['actionId'], key: 'financing_action_unknown' }]);
    const mismatch = await commit({ budgetLineId: lineId, cooperativeId, actionId: otherAction, amountMad: 100, committedOn: '2026-04-01' });
    expect(mismatch.json<ErrorBody>().error.issues).toEqual([{ path: ['actionId'], key: 'financing_action_other_cooperative' }]);
    const stranger = await commit({ budgetLineId: lineId, cooperativeId: notEnrolled, amountMad: 100, committedOn: '2026-04-01' });
    expect(stranger.json<ErrorBody>().error.issues).toEqual([{ path: ['cooperativeId'], key: 'financing_cooperative_not_enrolled' }]);
    const otherLine = await db.insertInto('budgetLines').values({ programmeId: otherProgrammeId, funderId: treasuryId, category: 'other', label: 'Ailleurs', amountMad: 1_000 }).returning('id').executeTakeFirstOrThrow();
    const wrongLine = await commit({ budgetLineId: otherLine.id, amountMad: 100, committedOn: '2026-04-01' });
    expect(wrongLine.json<ErrorBody>().error.issues).toEqual([{ path: ['budgetLineId'], key: 'financing_line_unknown' }]);
    const shape = await commit({ budgetLineId: 'nope', amountMad: 0, committedOn: '02/04/2026' });
    expect(shape.statusCode).toBe(422);
    expect(shape.json<ErrorBody>().error.issues!.map((issue) => issue.path[0]).sort()).toEqual(['amountMad', 'budgetLineId', 'committedOn']);
    // A programme-wide commitment (no cooperative) is fine.
    expect((await commit({ budgetLineId: lineId, amountMad: 100, committedOn: '2026-04-01', reference: 'BC-12' })).json<Commitment>()).toMatchObject({ cooperative: null, action: null });
  });

  it('edits a line never below what is committed, refuses stale edits, deletes only unused lines', async () => {
    const line = (await addLine({ funderId: ministryId, category: 'training', label: 'Ateliers', amountMad: 20_000 })).json<BudgetLineView>();
    await commit({ budgetLineId: line.id, cooperativeId, amountMad: 15_000, committedOn: '2026-04-01' });

    const below = await manager.request({ method: 'PATCH', url: `/api/budget-lines/${line.id}`, payload: { amountMad: 14_999, version: 1 } });
    expect(below.statusCode).toBe(422);
    expect(below.json<ErrorBody>().error.issues).toEqual([{ path: ['amountMad'], key: 'financing_line_below_committed', params: { committed: 15_000 } }]);
    const edited = await manager.request({ method: 'PATCH', url: `/api/budget-lines/${line.id}`, payload: { amountMad: 15_000, label: 'Ateliers pratiques', version: 1 } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json<BudgetLineView>()).toMatchObject({ label: 'Ateliers pratiques', amountMad: 15_000, availableMad: 0, version: 2 });
    const stale = await manager.request({ method: 'PATCH', url: `/api/budget-lines/${line.id}`, payload: { amountMad: 30_000, version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<ErrorBody>().error.params).toMatchObject({ reason: 'stale_version', currentVersion: 2 });

    const inUse = await manager.request({ method: 'DELETE', url: `/api/budget-lines/${line.id}` });
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json<ErrorBody>().error.params).toMatchObject({ reason: 'budget_line_in_use', commitments: 1 });
    const unused = (await addLine({ funderId: ministryId, category: 'other', label: 'Erreur de saisie', amountMad: 1 })).json<BudgetLineView>();
    expect((await manager.request({ method: 'DELETE', url: `/api/budget-lines/${unused.id}` })).statusCode).toBe(204);
    expect((await overview(manager)).lines.some((entry) => entry.id === unused.id)).toBe(false);
  });

  it('deletes a commitment only without disbursements, and a disbursement at any time, audited', async () => {
    const lineId = (await addLine({ funderId: treasuryId, category: 'action_financing', label: 'Actions 3', amountMad: 10_000 })).json<BudgetLineView>().id;
    const commitment = (await commit({ budgetLineId: lineId, cooperativeId, amountMad: 4_000, committedOn: '2026-04-01' })).json<Commitment>();
    const disbursement = (await disburse(commitment.id, { amountMad: 1_000, paidOn: '2026-04-05' })).json<Disbursement>();

    const refused = await manager.request({ method: 'DELETE', url: `/api/commitments/${commitment.id}` });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<ErrorBody>().error.params).toMatchObject({ reason: 'commitment_has_disbursements', disbursements: 1 });
    expect((await manager.request({ method: 'DELETE', url: `/api/disbursements/${disbursement.id}` })).statusCode).toBe(204);
    expect(await lineOf(lineId)).toMatchObject({ committedMad: 4_000, disbursedMad: 0 });
    expect((await manager.request({ method: 'DELETE', url: `/api/commitments/${commitment.id}` })).statusCode).toBe(204);
    expect(await lineOf(lineId)).toMatchObject({ committedMad: 0, availableMad: 10_000 });
    const audit = await db.selectFrom('auditLog').select(['entityType', 'before']).where('action', '=', 'delete').where('entityId', 'in', [commitment.id, disbursement.id]).execute();
    expect(audit.map((entry) => entry.entityType).sort()).toEqual(['financing_commitment', 'financing_disbursement']);
    expect(audit.find((entry) => entry.entityType === 'financing_commitment')!.before).toMatchObject({ amountMad: 4_000, cooperativeId });
  });

  it('keeps documents of commitments and disbursements, for the team and the representative, never for funders', async () => {
    const lineId = (await addLine({ funderId: treasuryId, category: 'action_financing', label: 'Actions 4', amountMad: 10_000 })).json<BudgetLineView>().id;
    const actionId = await makeAction(db, programmeId, cooperativeId, { title: 'Emballages' });
    const commitment = (await commit({ budgetLineId: lineId, actionId, amountMad: 3_000, committedOn: '2026-04-01', note: 'Appel de Mme Naima Sbai' })).json<Commitment>();
    const disbursement = (await disburse(commitment.id, { amountMad: 3_000, paidOn: '2026-04-08', note: 'Reçu signé par Naima Sbai' })).json<Disbursement>();

    const uploaded = await manager.request({ method: 'POST', url: `/api/commitments/${commitment.id}/documents`, ...multipart('convention-signée.pdf', 'application/pdf', '%PDF-1.4 convention') });
    expect(uploaded.statusCode).toBe(201);
    expect(uploaded.json()).toMatchObject({ fileName: 'convention-signée.pdf', contentType: 'application/pdf', size: 19 });
    const receipt = await manager.request({ method: 'POST', url: `/api/disbursements/${disbursement.id}/documents`, ...multipart('recu.jpg', 'image/jpeg', 'JFIF') });
    expect(receipt.statusCode).toBe(201);

    const wrongType = await manager.request({ method: 'POST', url: `/api/commitments/${commitment.id}/documents`, ...multipart('x.exe', 'application/x-msdownload', 'MZ') });
    expect(wrongType.statusCode).toBe(422);
    expect(wrongType.json<ErrorBody>().error.issues).toEqual([expect.objectContaining({ path: ['file'], key: 'financing_document_type' })]);
    const tooLarge = await manager.request({ method: 'POST', url: `/api/commitments/${commitment.id}/documents`, ...multipart('gros.pdf', 'application/pdf', Buffer.alloc(10 * 1024 * 1024 + 10, 1)) });
    expect(tooLarge.statusCode).toBe(422);
    expect(tooLarge.json<ErrorBody>().error.issues).toEqual([expect.objectContaining({ path: ['file'], key: 'financing_document_too_large' })]);
    const noFile = await manager.request({ method: 'POST', url: `/api/commitments/${commitment.id}/documents`, payload: {} });
    expect(noFile.statusCode).toBe(422);

    const documentId = uploaded.json().id as string;
    const download = await manager.request({ method: 'GET', url: `/api/financing-documents/${documentId}` });
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('%PDF-1.4 convention');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''convention-sign%C3%A9e.pdf");

    // The representative sees their action's financing with notes and documents, and no programme lines.
    const own = await representative.request({ method: 'GET', url: `/api/actions/${actionId}/financing` });
    expect(own.statusCode).toBe(200);
    expect(own.json<ActionFinancing>()).toMatchObject({ canManage: false, committedMad: 3_000, disbursedMad: 3_000, lines: [] });
    expect(own.json<ActionFinancing>().commitments[0]!.documents).toHaveLength(1);
    expect(own.json<ActionFinancing>().commitments[0]!.disbursements[0]!.documents).toHaveLength(1);
    expect((await representative.request({ method: 'GET', url: `/api/financing-documents/${documentId}` })).statusCode).toBe(200);
    expect((await representative.request({ method: 'GET', url: `/api/programmes/${programmeId}/financing` })).statusCode).toBe(403);
    const otherAction = await makeAction(db, programmeId, otherCooperativeId, { title: 'Pas la sienne' });
    expect((await representative.request({ method: 'GET', url: `/api/actions/${otherAction}/financing` })).statusCode).toBe(404);

    // Funders: amounts and cooperatives, no notes, no documents.
    const funderView = await funder.request({ method: 'GET', url: `/api/programmes/${programmeId}/financing?cooperativeId=${cooperativeId}` });
    expect(funderView.statusCode).toBe(200);
    expect(funderView.body).not.toContain('Naima');
    expect(funderView.body).not.toContain('convention-sign');
    const seen = funderView.json<FinancingOverview>().commitments.items.find((item) => item.id === commitment.id)!;
    expect(seen).toMatchObject({ amountMad: 3_000, note: null, documents: [], cooperative: { id: cooperativeId } });
    expect((await funder.request({ method: 'GET', url: `/api/financing-documents/${documentId}` })).statusCode).toBe(403);
    expect((await funder.request({ method: 'GET', url: `/api/actions/${actionId}/financing` })).body).not.toContain('Naima');

    expect((await manager.request({ method: 'DELETE', url: `/api/financing-documents/${documentId}` })).statusCode).toBe(204);
    expect((await manager.request({ method: 'GET', url: `/api/financing-documents/${documentId}` })).statusCode).toBe(404);
  });

  it('filters and pages the commitments, and lists a cooperative’s actions with what is committed on each', async () => {
    const all = await overview(manager, '?pageSize=2');
    expect(all.commitments.items).toHaveLength(2);
    expect(all.commitments.total).toBeGreaterThan(2);
    const second = await overview(manager, '?pageSize=2&page=2');
    expect(second.commitments.items.map((item) => item.id)).not.toContain(all.commitments.items[0]!.id);

    const mine = await overview(manager, `?cooperativeId=${cooperativeId}`);
    expect(mine.commitments.items.every((item) => item.cooperative?.id === cooperativeId)).toBe(true);
    expect(mine.actions.find((action) => action.title === 'Chambre froide')).toMatchObject({ budgetMad: 60_000, committedMad: 60_000, disbursedMad: 60_000 });
    expect(mine.cooperatives.map((cooperative) => cooperative.id)).toEqual(expect.arrayContaining([cooperativeId, otherCooperativeId]));
    expect((await overview(manager)).actions).toEqual([]);

    expect((await manager.request({ method: 'GET', url: `/api/programmes/${programmeId}/financing?pageSize=1000` })).statusCode).toBe(422);
    expect((await outsider.request({ method: 'GET', url: `/api/programmes/${programmeId}/financing` })).statusCode).toBe(404);
  });
});
