import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, moroccanToday } from '../src/core/action-plans/action-plan.rules.js';
import type { ActionPlanView } from '../src/core/action-plans/action-plan.schema.js';
import type { Db } from '../src/server/db/database.js';
import type { App } from '../src/server/http/types.js';
import { addAccompaniment, createValidatedBaseline } from './support/action-plan-factories.js';
import { describeEachDatabase } from './support/database.js';
import { createTestCooperative, createTestProgramme, createTestUser } from './support/factories.js';
import { buildTestApp, signIn, type Agent } from './support/http.js';

type Persona = 'manager' | 'consultant' | 'representative' | 'otherRepresentative' | 'funder' | 'outsider';

describeEachDatabase('action plans over HTTP', (database) => {
  let app: App;
  let db: Db;
  let programmeId: string;
  let cooperativeId: string;
  let otherCooperativeId: string;
  let bareCooperativeId: string;
  let treasurerId: string;
  let strangerMemberId: string;
  let chamberId: string;
  let bankId: string;
  const agents = {} as Record<Persona, Agent>;
  const ids = {} as Record<Persona, string>;
  const today = moroccanToday();
  const accompaniment = { from: addDays(today, -30), to: addDays(today, 150) };

  const draft = (agent: Agent, cooperative = cooperativeId, body: Record<string, unknown> = {}) =>
    agent.request({ method: 'POST', url: `/api/programmes/${programmeId}/cooperatives/${cooperative}/action-plan`, payload: body });
  const read = async (agent: Agent, planId: string) => (await agent.request({ method: 'GET', url: `/api/action-plans/${planId}` })).json() as ActionPlanView;
  let planId: string;

  beforeAll(async () => {
    app = await buildTestApp(database());
    db = database().db;
    programmeId = (await createTestProgramme(db)).id;
    await addAccompaniment(db, programmeId, accompaniment.from, accompaniment.to);
    cooperativeId = (await createTestCooperative(db, { provinceCode: '11.537' })).id;
    otherCooperativeId = (await createTestCooperative(db)).id;
    bareCooperativeId = (await createTestCooperative(db)).id;
    const members = await db
      .insertInto('cooperativeMembers')
      .values([
        { cooperativeId, fullName: 'Fatima Zahra El Idrissi', role: 'president', phone: '0661234567' },
        { cooperativeId, fullName: 'Khadija Boukhris', role: 'treasurer', phone: '0662345678' },
        { cooperativeId: otherCooperativeId, fullName: 'Ahmed Stranger', role: 'president' },
      ])
      .returning(['id', 'role', 'cooperativeId'])
      .execute();
    treasurerId = members.find((member) => member.role === 'treasurer')!.id;
    strangerMemberId = members.find((member) => member.cooperativeId === otherCooperativeId)!.id;
    const organisations = await db
      .insertInto('organisations')
      .values([
        { nameFr: 'Chambre d’Artisanat Laâyoune', kind: 'chamber', regionCode: '11' },
        { nameFr: 'Banque Populaire', kind: 'bank', regionCode: null },
        { nameFr: 'Chambre du Souss', kind: 'chamber', regionCode: '09' },
      ])
      .returning(['id', 'nameFr'])
      .execute();
    chamberId = organisations[0]!.id;
    bankId = organisations[1]!.id;
    const users = {
      manager: await createTestUser(db, [{ role: 'programme_manager', programmeId }]),
      consultant: await createTestUser(db, [{ role: 'consultant', programmeId }], { displayName: 'Youssef Consultant' }),
      representative: await createTestUser(db, [{ role: 'cooperative_representative', cooperativeId }], { displayName: 'Fatima Zahra El Idrissi' }),
      otherRepresentative: await createTestUser(db, [{ role: 'cooperative_representative', cooperativeId: otherCooperativeId }]),
      funder: await createTestUser(db, [{ role: 'funder', programmeId }]),
      outsider: await createTestUser(db, [{ role: 'consultant', programmeId: (await createTestProgramme(db)).id }]),
    };
    for (const [name, user] of Object.entries(users)) {
      agents[name as Persona] = await signIn(app, user.email, user.password);
      ids[name as Persona] = user.id;
    }
    await createValidatedBaseline(db, programmeId, cooperativeId, { consultantId: ids.consultant });
    await createValidatedBaseline(db, programmeId, otherCooperativeId);
    await db.insertInto('enrolments').values({ programmeId, cooperativeId: bareCooperativeId, status: 'enrolled', candidateAt: '2026-01-05', enrolledAt: '2026-01-10', eligible: true }).execute();
  });

  afterAll(async () => {
    await app.close();
  });

  describe('drafting', () => {
    it('is for the programme team; the representative and funders may not, others do not see the cooperative', async () => {
      expect((await draft(agents.representative)).statusCode).toBe(403);
      expect((await draft(agents.funder)).statusCode).toBe(403);
      expect((await draft(agents.otherRepresentative)).statusCode).toBe(404);
      expect((await draft(agents.outsider)).statusCode).toBe(404);
    });

    it('drafts from the validated baseline: an action per leading need, executors, stakeholders, indicators, dates in the accompaniment', async () => {
      const response = await draft(agents.consultant, cooperativeId, { locale: 'fr' });
      expect(response.statusCode).toBe(201);
      const plan = response.json() as ActionPlanView;
      planId = plan.id;
      expect(plan).toMatchObject({ status: 'draft', revision: 1, acceptance: null, programmeId, cooperativeId });
      expect(plan.actions.map((action) => action.templateCode)).toEqual(['AP-FIN-BOOKS', 'AP-MKT-PACKAGING', 'AP-LEG-STATUTES']);
      const [books, packaging] = plan.actions;
      expect(books!.needKeys).toEqual(['finance.fin_bookkeeping', 'finance']);
      expect(books!.title).toBe('Tenir une comptabilité simplifiée à jour');
      expect(books!.executor).toMatchObject({ kind: 'member', memberId: treasurerId, name: 'Khadija Boukhris', memberRole: 'treasurer' });
      expect(packaging!.executor).toMatchObject({ kind: 'organisation', organisationId: chamberId });
      expect(packaging!.stakeholders.map((stakeholder) => stakeholder.organisation.nameFr)).toEqual(['Chambre d’Artisanat Laâyoune']);
      expect(plan.actions[2]!.stakeholders).toEqual([]);
      for (const action of plan.actions) {
        expect(action.startsOn >= today && action.dueOn <= accompaniment.to).toBe(true);
        expect(action.indicators.map((indicator) => indicator.kind)).toEqual(['monitoring', 'performance']);
      }
      expect(books!.startsOn).toBe(today);
      expect(plan.needs.find((need) => need.needKey === 'finance')).toMatchObject({ kind: 'domain', actionCount: 1 });
      expect(plan.permissions).toMatchObject({ edit: true, accept: false, recordPaperAcceptance: true, delete: true, seePersonalData: true });
      expect(plan.choices?.consultantId).toBe(ids.consultant);
      const audit = await db.selectFrom('auditLog').select(['action', 'actorId']).where('entityType', '=', 'action_plan').where('entityId', '=', planId).execute();
      expect(audit).toEqual([{ action: 'create', actorId: ids.consultant }]);
    });

    it('refuses a second plan and a cooperative without a validated baseline', async () => {
      const again = await draft(agents.manager);
      expect(again.statusCode).toBe(409);
      expect(again.json().error.issues[0].key).toBe('action_plan_exists');
      const bare = await draft(agents.manager, bareCooperativeId);
      expect(bare.statusCode).toBe(422);
      expect(bare.json().error.issues[0]).toMatchObject({ path: ['cooperativeId'], key: 'action_plan_no_validated_baseline' });
    });
  });

  describe('reading', () => {
    it('lists every enrolled cooperative for the team and funders, only theirs for a representative', async () => {
      const list = (await agents.manager.request({ method: 'GET', url: `/api/programmes/${programmeId}/action-plans` })).json();
      expect(list.canDraft).toBe(true);
      expect(list.items).toHaveLength(3);
      const mine = list.items.find((item: { cooperativeId: string }) => item.cooperativeId === cooperativeId);
      expect(mine.plan).toMatchObject({ id: planId, status: 'draft', actions: 3, done: 0, overdue: 0 });
      expect(mine.baselineId).toBeTypeOf('string');
      expect(list.items.find((item: { cooperativeId: string }) => item.cooperativeId === bareCooperativeId)).toMatchObject({ baselineId: null, plan: null });
      const funder = (await agents.funder.request({ method: 'GET', url: `/api/programmes/${programmeId}/action-plans` })).json();
      expect(funder).toMatchObject({ canDraft: false });
      expect(funder.items).toHaveLength(3);
      const representative = (await agents.representative.request({ method: 'GET', url: `/api/programmes/${programmeId}/action-plans` })).json();
      expect(representative.items.map((item: { cooperativeId: string }) => item.cooperativeId)).toEqual([cooperativeId]);
      expect((await agents.outsider.request({ method: 'GET', url: `/api/programmes/${programmeId}/action-plans` })).statusCode).toBe(404);
    });

    it('shows the plan to the representative with names, to a funder without any personal data, to nobody else', async () => {
      const representative = await read(agents.representative, planId);
      expect(representative.actions[0]!.executor.name).toBe('Khadija Boukhris');
      expect(representative.permissions).toMatchObject({ edit: false, accept: true, recordPaperAcceptance: false });
      expect(representative.choices).toBeNull();
      const response = await agents.funder.request({ method: 'GET', url: `/api/action-plans/${planId}` });
      expect(response.statusCode).toBe(200);
      expect(response.body).not.toContain('Khadija');
      expect(response.body).not.toMatch(/06\d{8}/);
      const funder = response.json() as ActionPlanView;
      expect(funder.actions[0]!.executor).toMatchObject({ kind: 'member', memberId: null, name: null, memberRole: 'treasurer' });
      expect(funder.permissions).toMatchObject({ edit: false, accept: false, seePersonalData: false });
      for (const persona of ['otherRepresentative', 'outsider'] as const) expect((await agents[persona].request({ method: 'GET', url: `/api/action-plans/${planId}` })).statusCode).toBe(404);
      const byPair = await agents.representative.request({ method: 'GET', url: `/api/programmes/${programmeId}/cooperatives/${cooperativeId}/action-plan` });
      expect(byPair.json().id).toBe(planId);
      expect((await agents.manager.request({ method: 'GET', url: `/api/programmes/${programmeId}/cooperatives/${bareCooperativeId}/action-plan` })).statusCode).toBe(404);
      const links = await agents.representative.request({ method: 'GET', url: `/api/cooperatives/${cooperativeId}/action-plans` });
      expect(links.json()).toEqual([{ id: planId, programmeId, status: 'draft', acceptedAt: null }]);
      expect((await agents.otherRepresentative.request({ method: 'GET', url: `/api/cooperatives/${cooperativeId}/action-plans` })).statusCode).toBe(404);
    });
  });

  describe('editing', () => {
    it('changes the fields sent on the version read, and refuses a stale version', async () => {
      const before = await read(agents.consultant, planId);
      const action = before.actions[0]!;
      const url = `/api/action-plans/${planId}/actions/${action.id}`;
      const saved = await agents.consultant.request({ method: 'PATCH', url, payload: { version: action.version, status: 'in_progress', progress: 40, budgetMad: 7500, financingSource: 'programme' } });
      expect(saved.statusCode).toBe(200);
      const after = (saved.json() as ActionPlanView).actions[0]!;
      expect(after).toMatchObject({ status: 'in_progress', progress: 40, budgetMad: 7500, financingSource: 'programme', title: action.title, version: action.version + 1 });
      expect(after.stakeholders).toEqual(action.stakeholders);
      expect((saved.json() as ActionPlanView).revision).toBe(before.revision + 1);
      const stale = await agents.manager.request({ method: 'PATCH', url, payload: { version: action.version, progress: 60 } });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().error).toMatchObject({ params: { reason: 'stale_version', currentVersion: action.version + 1 }, issues: [{ path: ['version'], key: 'action_plan_stale' }] });
    });

    it('marks an action done at 100 % on the day, and checks the action as it will be', async () => {
      const action = (await read(agents.consultant, planId)).actions[0]!;
      const url = `/api/action-plans/${planId}/actions/${action.id}`;
      const done = ((await agents.consultant.request({ method: 'PATCH', url, payload: { version: action.version, status: 'done' } })).json() as ActionPlanView).actions[0]!;
      expect(done).toMatchObject({ status: 'done', progress: 100, doneOn: today });
      const backwards = await agents.consultant.request({ method: 'PATCH', url, payload: { version: done.version, dueOn: addDays(done.startsOn, -1) } });
      expect(backwards.statusCode).toBe(422);
      expect(backwards.json().error.issues).toEqual([{ path: ['dueOn'], key: 'action_due_before_start' }]);
      const stranger = await agents.consultant.request({ method: 'PATCH', url, payload: { version: done.version, executorKind: 'member', executorMemberId: strangerMemberId } });
      expect(stranger.statusCode).toBe(422);
      expect(stranger.json().error.issues).toEqual([{ path: ['executorMemberId'], key: 'action_executor_member_unknown' }]);
      const reopened = ((await agents.consultant.request({ method: 'PATCH', url, payload: { version: done.version, status: 'in_progress', progress: 80 } })).json() as ActionPlanView).actions[0]!;
      expect(reopened).toMatchObject({ status: 'in_progress', progress: 80, doneOn: null });
    });

    it('adds an action with stakeholders and indicators, measures it, and deletes what is not agreed', async () => {
      const created = await agents.manager.request({
        method: 'POST',
        url: `/api/action-plans/${planId}/actions`,
        payload: {
          title: 'Ouvrir un point de vente à Tarfaya',
          domainKey: 'marketing',
          needKeys: ['marketing.mkt_packaging'],
          executorKind: 'organisation',
          executorOrganisationId: bankId,
          executorLabel: 'agence de Tarfaya',
          startsOn: addDays(today, 10),
          dueOn: addDays(today, 70),
          budgetMad: 12000,
          financingSource: 'loan',
          stakeholders: [{ organisationId: bankId, role: 'crédit' }, { organisationId: chamberId }],
          indicators: [{ kind: 'performance', label: 'Ventes du point de vente', unit: 'DH', baseline: 0, target: 30000 }],
        },
      });
      expect(created.statusCode).toBe(201);
      const action = (created.json() as ActionPlanView).actions.at(-1)!;
      expect(action).toMatchObject({ title: 'Ouvrir un point de vente à Tarfaya', position: 3, executor: { kind: 'organisation', name: 'Banque Populaire', label: 'agence de Tarfaya' } });
      expect(action.stakeholders.map((stakeholder) => [stakeholder.organisation.nameFr, stakeholder.role])).toEqual([['Banque Populaire', 'crédit'], ['Chambre d’Artisanat Laâyoune', null]]);
      const indicator = action.indicators[0]!;
      const measurements = `/api/action-plans/${planId}/actions/${action.id}/indicators/${indicator.id}/measurements`;
      const future = await agents.consultant.request({ method: 'POST', url: measurements, payload: { measuredOn: addDays(today, 1), value: 10 } });
      expect(future.statusCode).toBe(422);
      expect(future.json().error.issues).toEqual([{ path: ['measuredOn'], key: 'date_in_future' }]);
      const measured = await agents.consultant.request({ method: 'POST', url: measurements, payload: { measuredOn: today, value: 7500, note: 'Premier mois' } });
      expect(measured.statusCode).toBe(201);
      const measuredIndicator = (measured.json() as ActionPlanView).actions.at(-1)!.indicators[0]!;
      expect(measuredIndicator).toMatchObject({ latest: 7500, attainment: 0.25, measurements: [{ value: 7500, note: 'Premier mois', followUpId: null }] });
      const funderView = await read(agents.funder, planId);
      expect(funderView.actions.at(-1)!.indicators[0]!.measurements[0]!.note).toBeNull();
      const changed = await agents.consultant.request({ method: 'PATCH', url: `/api/action-plans/${planId}/actions/${action.id}/indicators/${indicator.id}`, payload: { target: 15000 } });
      expect((changed.json() as ActionPlanView).actions.at(-1)!.indicators[0]).toMatchObject({ target: 15000, attainment: 0.5, label: 'Ventes du point de vente' });
      const wrongPlan = await agents.consultant.request({ method: 'DELETE', url: `/api/action-plans/${planId}/actions/${(await read(agents.consultant, planId)).actions[0]!.id}/indicators/${indicator.id}` });
      expect(wrongPlan.statusCode).toBe(404);
      expect((await agents.consultant.request({ method: 'DELETE', url: `${measurements}/${measuredIndicator.measurements[0]!.id}` })).statusCode).toBe(204);
      expect((await agents.funder.request({ method: 'DELETE', url: `/api/action-plans/${planId}/actions/${action.id}` })).statusCode).toBe(403);
      expect((await agents.manager.request({ method: 'DELETE', url: `/api/action-plans/${planId}/actions/${action.id}` })).statusCode).toBe(204);
      expect((await read(agents.manager, planId)).actions).toHaveLength(3);
      const audit = await db.selectFrom('auditLog').select('action').where('entityType', '=', 'plan_action').where('entityId', '=', action.id).orderBy('occurredAt').execute();
      expect(audit.map((entry) => entry.action)).toEqual(['create', 'delete']);
    });
  });

  describe('agreement', () => {
    it('is given by the representative on the revision read, and fixes the agreed due dates', async () => {
      const plan = await read(agents.representative, planId);
      const stale = await agents.representative.request({ method: 'POST', url: `/api/action-plans/${planId}/accept`, payload: { revision: plan.revision - 1 } });
      expect(stale.statusCode).toBe(409);
      expect((await agents.funder.request({ method: 'POST', url: `/api/action-plans/${planId}/accept`, payload: { revision: plan.revision } })).statusCode).toBe(403);
      const accepted = await agents.representative.request({ method: 'POST', url: `/api/action-plans/${planId}/accept`, payload: { revision: plan.revision, note: 'Lu et approuvé avec le conseil.' } });
      expect(accepted.statusCode).toBe(200);
      const agreed = accepted.json() as ActionPlanView;
      expect(agreed.status).toBe('agreed');
      expect(agreed.acceptance).toMatchObject({ acceptedBy: { id: ids.representative }, onPaper: false, note: 'Lu et approuvé avec le conseil.' });
      for (const action of agreed.actions) expect(action).toMatchObject({ agreedDueOn: action.dueOn, driftDays: 0 });
      expect(agreed.permissions).toMatchObject({ accept: false, reopen: false });
      const again = await agents.representative.request({ method: 'POST', url: `/api/action-plans/${planId}/accept`, payload: { revision: agreed.revision } });
      expect(again.json().error.issues[0].key).toBe('action_plan_already_agreed');
      const funder = await read(agents.funder, planId);
      expect(funder.acceptance).toMatchObject({ acceptedBy: null, note: null, onPaper: false });
    });

    it('shows how far a due date drifts since, and keeps agreed actions (cancel them instead)', async () => {
      const action = (await read(agents.consultant, planId)).actions[1]!;
      const moved = ((await agents.consultant.request({ method: 'PATCH', url: `/api/action-plans/${planId}/actions/${action.id}`, payload: { version: action.version, dueOn: addDays(action.dueOn, 14) } })).json() as ActionPlanView).actions[1]!;
      expect(moved).toMatchObject({ driftDays: 14, agreedDueOn: action.dueOn });
      const removed = await agents.consultant.request({ method: 'DELETE', url: `/api/action-plans/${planId}/actions/${action.id}` });
      expect(removed.statusCode).toBe(409);
      expect(removed.json().error.issues[0].key).toBe('action_agreed_cancel_instead');
      expect((await agents.consultant.request({ method: 'DELETE', url: `/api/action-plans/${planId}` })).json().error.issues[0].key).toBe('action_plan_delete_agreed');
    });

    it('is reopened by the team and accepted again, this time from a paper signed', async () => {
      const plan = await read(agents.manager, planId);
      expect((await agents.representative.request({ method: 'POST', url: `/api/action-plans/${planId}/reopen`, payload: { revision: plan.revision } })).statusCode).toBe(403);
      const reopened = (await agents.manager.request({ method: 'POST', url: `/api/action-plans/${planId}/reopen`, payload: { revision: plan.revision } })).json() as ActionPlanView;
      expect(reopened).toMatchObject({ status: 'draft', acceptance: null });
      const accept = (payload: Record<string, unknown>) => agents.consultant.request({ method: 'POST', url: `/api/action-plans/${planId}/accept`, payload: { revision: reopened.revision, ...payload } });
      const withoutNote = await accept({});
      expect(withoutNote.statusCode).toBe(422);
      expect(withoutNote.json().error.issues).toEqual([{ path: ['note'], key: 'action_plan_paper_note_required' }]);
      expect((await accept({ note: 'Signé', signedOn: addDays(today, 2) })).json().error.issues).toEqual([{ path: ['signedOn'], key: 'date_in_future' }]);
      const signed = await accept({ note: 'Plan signé par la présidente lors de la visite.', signedOn: addDays(today, -3) });
      expect(signed.statusCode).toBe(200);
      const agreed = signed.json() as ActionPlanView;
      expect(agreed.acceptance).toMatchObject({ onPaper: true, acceptedBy: { id: ids.consultant }, acceptedAt: `${addDays(today, -3)}T12:00:00.000Z` });
      for (const action of agreed.actions) expect(action.driftDays).toBe(0);
      const events = await db.selectFrom('auditLog').select('context').where('entityType', '=', 'action_plan').where('entityId', '=', planId).where('action', '=', 'update').orderBy('occurredAt').execute();
      expect(events.map((entry) => entry.context)).toMatchObject([{ event: 'accept', onPaper: false }, { event: 'reopen' }, { event: 'accept', onPaper: true }]);
    });

    it('cannot be given to an empty plan; a draft can be thrown away and drafted again', async () => {
      const other = (await draft(agents.manager, otherCooperativeId)).json() as ActionPlanView;
      for (const action of other.actions) {
        const current = (await read(agents.manager, other.id)).actions.find((entry) => entry.id === action.id)!;
        await agents.manager.request({ method: 'PATCH', url: `/api/action-plans/${other.id}/actions/${action.id}`, payload: { version: current.version, status: 'cancelled' } });
      }
      const revision = (await read(agents.manager, other.id)).revision;
      const empty = await agents.otherRepresentative.request({ method: 'POST', url: `/api/action-plans/${other.id}/accept`, payload: { revision } });
      expect(empty.statusCode).toBe(422);
      expect(empty.json().error.issues[0].key).toBe('action_plan_empty');
      expect((await agents.manager.request({ method: 'DELETE', url: `/api/action-plans/${other.id}` })).statusCode).toBe(204);
      expect((await draft(agents.manager, otherCooperativeId)).statusCode).toBe(201);
    });
  });
});
