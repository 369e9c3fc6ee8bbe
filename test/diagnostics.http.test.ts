import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/server/db/database.js';
import type { App } from '../src/server/http/types.js';
import { describeEachDatabase } from './support/database.js';
import { createTestEnrolment, createTestFramework } from './support/diagnostic-factories.js';
import { createTestCooperative, createTestProgramme, createTestUser } from './support/factories.js';
import { buildTestApp, signIn, type Agent } from './support/http.js';

type Answer = { questionKey: string; value: unknown; notApplicable?: boolean; note?: string | null };

describeEachDatabase('diagnostics over HTTP', (database) => {
  let app: App;
  let db: Db;
  let programmeId: string;
  let frameworkId: string;
  const agents = {} as Record<'admin' | 'manager' | 'consultant' | 'secondConsultant' | 'representative' | 'funder' | 'outsideConsultant', Agent>;
  const ids = {} as Record<keyof typeof agents, string>;
  let cooperativeId: string;

  /** A fresh cooperative enrolled in the programme, and its baseline diagnostic. */
  async function newDiagnostic(kind = 'baseline') {
    const cooperative = await createTestCooperative(db);
    const enrolment = await createTestEnrolment(db, programmeId, cooperative.id);
    const response = await agents.consultant.request({ method: 'POST', url: `/api/enrolments/${enrolment.id}/diagnostics`, payload: { kind } });
    expect(response.statusCode).toBe(201);
    return { id: response.json().id as string, enrolmentId: enrolment.id, cooperativeId: cooperative.id };
  }

  const save = (agent: Agent, id: string, answers: Answer[], version: number, swot?: unknown) =>
    agent.request({ method: 'PUT', url: `/api/diagnostics/${id}/answers`, payload: { answers, version, ...(swot ? { swot } : {}) } });
  const read = (agent: Agent, id: string) => agent.request({ method: 'GET', url: `/api/diagnostics/${id}` });

  beforeAll(async () => {
    app = await buildTestApp(database());
    db = database().db;
    const framework = await createTestFramework(db);
    frameworkId = framework.id;
    const programme = await createTestProgramme(db);
    programmeId = programme.id;
    await db.updateTable('programmes').set({ frameworkId }).where('id', '=', programmeId).execute();
    const otherProgramme = await createTestProgramme(db);
    const cooperative = await createTestCooperative(db);
    cooperativeId = cooperative.id;
    const users = {
      admin: await createTestUser(db, [{ role: 'admin' }]),
      manager: await createTestUser(db, [{ role: 'programme_manager', programmeId }], { displayName: 'Salma Manager' }),
      consultant: await createTestUser(db, [{ role: 'consultant', programmeId }], { displayName: 'Youssef Consultant' }),
      secondConsultant: await createTestUser(db, [{ role: 'consultant', programmeId }], { displayName: 'Khadija Consultante' }),
      representative: await createTestUser(db, [{ role: 'cooperative_representative', cooperativeId }], { displayName: 'Fatima Présidente' }),
      funder: await createTestUser(db, [{ role: 'funder', programmeId }]),
      outsideConsultant: await createTestUser(db, [{ role: 'consultant', programmeId: otherProgramme.id }]),
    };
    for (const [name, user] of Object.entries(users)) {
      agents[name as keyof typeof agents] = await signIn(app, user.email, user.password);
      ids[name as keyof typeof agents] = user.id;
    }
  });

  afterAll(async () => {
    await app.close();
  });

  it('runs the whole workflow: drafts over two visits, submit, return, edit, submit, validate', async () => {
    const enrolment = await createTestEnrolment(db, programmeId, cooperativeId);
    const created = await agents.consultant.request({ method: 'POST', url: `/api/enrolments/${enrolment.id}/diagnostics`, payload: { kind: 'baseline' } });
    expect(created.statusCode).toBe(201);
    const diagnostic = created.json();
    expect(diagnostic).toMatchObject({ kind: 'baseline', status: 'draft', version: 1, frameworkId, cooperativeId, programmeId });
    const id = diagnostic.id as string;

    // First visit, by the first consultant; dated the day before.
    const first = await save(agents.consultant, id, [
      { questionKey: 'general_assembly', value: 2, note: 'AG tenue avec 6 mois de retard' },
      { questionKey: 'statutes_updated', value: true },
    ], 1);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ version: 2, changed: 2 });
    expect(first.json().scores.domains[0]).toMatchObject({ domainKey: 'governance', score: 55.56, answered: 2 });
    await db.updateTable('diagnosticAnswers').set({ answeredAt: '2026-03-02T10:00:00Z' }).where('diagnosticId', '=', id).execute();
    await db.updateTable('auditLog').set({ occurredAt: '2026-03-02T10:00:00Z' }).where('entityId', '=', id).where('action', '=', 'update').execute();

    // Second visit, by the second consultant: one new answer, one unchanged (keeps its first author).
    const second = await save(agents.secondConsultant, id, [
      { questionKey: 'general_assembly', value: 2, note: 'AG tenue avec 6 mois de retard' },
      { questionKey: 'sales_channels', value: ['souk'] },
    ], 2, { strengths: ['Produit reconnu'], weaknesses: [], opportunities: ['Salon régional'], threats: [] });
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ version: 3, changed: 1 });

    const detail = (await read(agents.manager, id)).json();
    const byKey = Object.fromEntries(detail.answers.map((answer: { questionKey: string }) => [answer.questionKey, answer]));
    expect(byKey.general_assembly).toMatchObject({ value: 2, note: 'AG tenue avec 6 mois de retard', answeredBy: { id: ids.consultant, name: 'Youssef Consultant' }, answeredAt: '2026-03-02T10:00:00.000Z' });
    expect(byKey.sales_channels).toMatchObject({ value: ['souk'], answeredBy: { id: ids.secondConsultant, name: 'Khadija Consultante' } });
    expect(detail.visits).toHaveLength(2);
    expect(detail.visits[0]).toEqual({ day: '2026-03-02', people: [{ id: ids.consultant, name: 'Youssef Consultant' }] });
    expect(detail.visits[1].people).toEqual([{ id: ids.secondConsultant, name: 'Khadija Consultante' }]);
    expect(detail.swot.opportunities).toEqual(['Salon régional']);
    expect(detail.framework.definition.domains).toHaveLength(2);
    expect(detail.cooperative.id).toBe(cooperativeId);
    expect(detail.can).toEqual({ edit: true, submit: true, validate: false, comment: true });

    // Submitting while a scored question is left: refused, naming it.
    const early = await agents.consultant.request({ method: 'POST', url: `/api/diagnostics/${id}/submit` });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.issues).toEqual([{ path: ['answers', 'stock_days'], key: 'question_unanswered', params: { questionKey: 'stock_days' } }]);

    expect((await save(agents.consultant, id, [{ questionKey: 'stock_days', value: null, notApplicable: true }], 3)).statusCode).toBe(200);
    const submitted = await agents.consultant.request({ method: 'POST', url: `/api/diagnostics/${id}/submit` });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({ status: 'submitted', submittedBy: { id: ids.consultant } });

    // Submitted: nobody edits; the consultant may not validate.
    expect((await save(agents.consultant, id, [{ questionKey: 'general_assembly', value: 3 }], submitted.json().version)).statusCode).toBe(409);
    expect((await agents.consultant.request({ method: 'POST', url: `/api/diagnostics/${id}/validate` })).statusCode).toBe(403);
    const consultantView = (await read(agents.consultant, id)).json();
    expect(consultantView.can).toEqual({ edit: false, submit: false, validate: false, comment: true });

    // The manager sends it back with a comment.
    expect((await agents.manager.request({ method: 'POST', url: `/api/diagnostics/${id}/return`, payload: { comment: ' ' } })).statusCode).toBe(422);
    const returned = await agents.manager.request({ method: 'POST', url: `/api/diagnostics/${id}/return`, payload: { comment: 'Préciser les canaux de vente.' } });
    expect(returned.statusCode).toBe(200);
    expect(returned.json().status).toBe('returned');
    const afterReturn = (await read(agents.consultant, id)).json();
    expect(afterReturn.comments.at(-1)).toMatchObject({ kind: 'return', body: 'Préciser les canaux de vente.', author: { id: ids.manager, name: 'Salma Manager' } });
    expect(afterReturn.can.edit).toBe(true);

    // The consultant edits and submits again; the manager validates.
    const edited = await save(agents.consultant, id, [{ questionKey: 'sales_channels', value: ['souk', 'online'] }], afterReturn.diagnostic.version);
    expect(edited.statusCode).toBe(200);
    expect(edited.json().status).toBe('returned');
    expect((await agents.consultant.request({ method: 'POST', url: `/api/diagnostics/${id}/submit` })).statusCode).toBe(200);
    const validated = await agents.manager.request({ method: 'POST', url: `/api/diagnostics/${id}/validate` });
    expect(validated.statusCode).toBe(200);
    expect(validated.json()).toMatchObject({ status: 'validated', validatedBy: { id: ids.manager, name: 'Salma Manager' }, overallScore: 70.37, maturityLevel: 3 });

    // Validated: read-only for everyone.
    const final = (await read(agents.manager, id)).json();
    expect(final.can).toEqual({ edit: false, submit: false, validate: false, comment: true });
    expect((await save(agents.manager, id, [{ questionKey: 'general_assembly', value: 4 }], final.diagnostic.version)).statusCode).toBe(409);
    expect((await agents.manager.request({ method: 'POST', url: `/api/diagnostics/${id}/return`, payload: { comment: 'Trop tard' } })).statusCode).toBe(409);

    // Every step is in the audit log.
    const history = (await agents.admin.request({ method: 'GET', url: `/api/audit/diagnostic/${id}` })).json() as Array<{ action: string; context: { operation?: string } | null }>;
    expect(history.map((entry) => entry.context?.operation ?? entry.action).reverse()).toEqual([
      'create',
      'save_answers',
      'save_answers',
      'save_answers',
      'submit',
      'return',
      'save_answers',
      'submit',
      'validate',
    ]);
  });

  it('records only the answers that changed, with before and after', async () => {
    const { id } = await newDiagnostic();
    await save(agents.consultant, id, [{ questionKey: 'general_assembly', value: 1 }, { questionKey: 'statutes_updated', value: false }], 1);
    const again = await save(agents.consultant, id, [{ questionKey: 'general_assembly', value: 3 }, { questionKey: 'statutes_updated', value: false }], 2);
    expect(again.json().changed).toBe(1);
    const nothing = await save(agents.consultant, id, [{ questionKey: 'general_assembly', value: 3 }], 3);
    expect(nothing.json()).toMatchObject({ changed: 0, version: 3 });
    const history = (await agents.admin.request({ method: 'GET', url: `/api/audit/diagnostic/${id}` })).json();
    expect(history).toHaveLength(3);
    expect(history[0]).toMatchObject({
      before: { answers: [{ questionKey: 'general_assembly', value: 1, notApplicable: false, note: null }] },
      after: { answers: [{ questionKey: 'general_assembly', value: 3, notApplicable: false, note: null }] },
    });
  });

  it('refuses a save made on a stale version', async () => {
    const { id } = await newDiagnostic();
    expect((await save(agents.consultant, id, [{ questionKey: 'general_assembly', value: 2 }], 1)).statusCode).toBe(200);
    const stale = await save(agents.secondConsultant, id, [{ questionKey: 'general_assembly', value: 4 }], 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'conflict', params: { reason: 'stale_version', currentVersion: 2 } });
    const detail = (await read(agents.consultant, id)).json();
    expect(detail.answers[0].value).toBe(2);
  });

  it('names each answer that does not fit its question, and saves none of the batch', async () => {
    const { id } = await newDiagnostic();
    const response = await save(agents.consultant, id, [
      { questionKey: 'stock_days', value: 12 },
      { questionKey: 'general_assembly', value: 5 },
      { questionKey: 'sales_channels', value: ['barter'] },
      { questionKey: 'no_such_question', value: 1 },
      { questionKey: 'statutes_updated', value: null, notApplicable: true },
      { questionKey: 'general_assembly', value: 'high' },
    ], 1);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.issues.map((issue: { path: unknown[]; key: string }) => `${issue.path.join('.')} ${issue.key}`)).toEqual([
      'answers.1.value answer_level_out_of_range',
      'answers.2.value answer_option_unknown',
      'answers.3.questionKey question_unknown',
      'answers.4.notApplicable not_applicable_not_allowed',
      'answers.5.questionKey question_repeated',
      'answers.5.value answer_wrong_type',
    ]);
    const shape = await save(agents.consultant, id, [{ questionKey: 'general_assembly', value: { level: 2 } }], 1);
    expect(shape.statusCode).toBe(422);
    expect(shape.json().error.issues[0].path.slice(0, 3)).toEqual(['answers', 0, 'value']);
    const detail = (await read(agents.consultant, id)).json();
    expect(detail.answers).toEqual([]);
    expect(detail.diagnostic.version).toBe(1);
  });

  it('lets the representative read and comment, never save or submit', async () => {
    const enrolment = await createTestEnrolment(db, programmeId, cooperativeId).catch(async () =>
      db.selectFrom('enrolments').selectAll().where('programmeId', '=', programmeId).where('cooperativeId', '=', cooperativeId).executeTakeFirstOrThrow(),
    );
    const created = await agents.consultant.request({ method: 'POST', url: `/api/enrolments/${enrolment.id}/diagnostics`, payload: { kind: 'midline' } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    const view = await read(agents.representative, id);
    expect(view.statusCode).toBe(200);
    expect(view.json().can).toEqual({ edit: false, submit: false, validate: false, comment: true });
    const comment = await agents.representative.request({ method: 'POST', url: `/api/diagnostics/${id}/comments`, payload: { body: 'Nous avons tenu l’AG en mars.', questionKey: 'general_assembly' } });
    expect(comment.statusCode).toBe(201);
    expect(comment.json()).toMatchObject({ kind: 'comment', questionKey: 'general_assembly', author: { id: ids.representative, name: 'Fatima Présidente' } });
    expect((await agents.representative.request({ method: 'POST', url: `/api/diagnostics/${id}/comments`, payload: { body: 'x', questionKey: 'nope' } })).statusCode).toBe(422);
    expect((await save(agents.representative, id, [{ questionKey: 'general_assembly', value: 4 }], 1)).statusCode).toBe(403);
    expect((await agents.representative.request({ method: 'POST', url: `/api/diagnostics/${id}/submit` })).statusCode).toBe(403);
    expect((await agents.representative.request({ method: 'POST', url: `/api/enrolments/${enrolment.id}/diagnostics`, payload: { kind: 'endline' } })).statusCode).toBe(403);
  });

  it('hides a diagnostic from a consultant of another programme, and its answers from a funder', async () => {
    const { id, enrolmentId } = await newDiagnostic();
    expect((await read(agents.outsideConsultant, id)).statusCode).toBe(404);
    expect((await save(agents.outsideConsultant, id, [], 1)).statusCode).toBe(404);
    expect((await agents.outsideConsultant.request({ method: 'POST', url: `/api/enrolments/${enrolmentId}/diagnostics`, payload: { kind: 'endline' } })).statusCode).toBe(404);
    const funderView = await read(agents.funder, id);
    expect(funderView.statusCode).toBe(403);
    expect(funderView.body).not.toContain('general_assembly');
  });

  it('starts one diagnostic per kind, only for an enrolled cooperative, and freezes its framework', async () => {
    const { enrolmentId } = await newDiagnostic();
    const framework = await db.selectFrom('diagnosticFrameworks').select('frozenAt').where('id', '=', frameworkId).executeTakeFirstOrThrow();
    expect(framework.frozenAt).not.toBeNull();
    const twice = await agents.consultant.request({ method: 'POST', url: `/api/enrolments/${enrolmentId}/diagnostics`, payload: { kind: 'baseline' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.issues[0]).toMatchObject({ path: ['kind'], key: 'diagnostic_kind_exists' });
    expect((await agents.consultant.request({ method: 'POST', url: `/api/enrolments/${enrolmentId}/diagnostics`, payload: { kind: 'final' } })).statusCode).toBe(422);

    const candidate = await createTestEnrolment(db, programmeId, (await createTestCooperative(db)).id, 'candidate');
    const refused = await agents.consultant.request({ method: 'POST', url: `/api/enrolments/${candidate.id}/diagnostics`, payload: { kind: 'baseline' } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.issues[0].key).toBe('enrolment_not_enrolled');
  });

  describe('a programme without its own framework', () => {
    it('uses the default framework and freezes it', async () => {
      const programme = await createTestProgramme(db);
      await db.updateTable('diagnosticFrameworks').set({ isDefault: false }).execute();
      const fallback = await createTestFramework(db, { isDefault: true });
      const manager = await createTestUser(db, [{ role: 'programme_manager', programmeId: programme.id }]);
      const agent = await signIn(app, manager.email, manager.password);
      const enrolment = await createTestEnrolment(db, programme.id, (await createTestCooperative(db)).id);
      const created = await agent.request({ method: 'POST', url: `/api/enrolments/${enrolment.id}/diagnostics`, payload: { kind: 'baseline' } });
      expect(created.statusCode).toBe(201);
      expect(created.json().frameworkId).toBe(fallback.id);
      const frozen = await db.selectFrom('diagnosticFrameworks').select('frozenAt').where('id', '=', fallback.id).executeTakeFirstOrThrow();
      expect(frozen.frozenAt).not.toBeNull();
    });
  });
});
