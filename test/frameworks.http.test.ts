import { afterAll, beforeAll, expect, it } from 'vitest';
import { defaultFrameworkDefinition, defaultFrameworkFamily, defaultFrameworkNames } from '../src/core/diagnostics/default-framework.js';
import type { Framework, FrameworkDefinition } from '../src/core/diagnostics/framework.schema.js';
import { ensureDefaultFramework, findFramework, updateUnfrozenFramework } from '../src/server/diagnostics/framework.repository.js';
import type { App } from '../src/server/http/types.js';
import { describeEachDatabase } from './support/database.js';
import { createTestCooperative, createTestUser } from './support/factories.js';
import { buildTestApp, signIn, type Agent } from './support/http.js';

type Item = Framework & { questionCount: number; usedBy: number };

function editOf(framework: Framework, change: (definition: FrameworkDefinition) => void = () => undefined) {
  const definition = structuredClone(framework.definition);
  change(definition);
  return { nameFr: framework.nameFr, nameAr: framework.nameAr, nameEn: framework.nameEn, definition };
}

describeEachDatabase('diagnostic frameworks over HTTP', (database) => {
  let app: App;
  let admin: Agent;
  let manager: Agent;
  let representative: Agent;
  let defaultId: string;

  beforeAll(async () => {
    app = await buildTestApp(database());
    const db = database().db;
    const cooperative = await createTestCooperative(db);
    const [adminUser, managerUser, representativeUser] = await Promise.all([
      createTestUser(db, [{ role: 'admin' }]),
      createTestUser(db, [{ role: 'programme_manager' }]),
      createTestUser(db, [{ role: 'cooperative_representative', cooperativeId: cooperative.id }]),
    ]);
    admin = await signIn(app, adminUser.email, adminUser.password);
    manager = await signIn(app, managerUser.email, managerUser.password);
    representative = await signIn(app, representativeUser.email, representativeUser.password);
  });

  afterAll(async () => {
    await app.close();
  });

  const copyOf = async (id: string) => {
    const response = await admin.request({ method: 'POST', url: `/api/frameworks/${id}/copy` });
    expect(response.statusCode).toBe(201);
    return response.json() as Framework;
  };
  const freeze = (id: string) => database().db.updateTable('diagnosticFrameworks').set({ frozenAt: new Date().toISOString() }).where('id', '=', id).execute();
  const list = async () => (await manager.request({ method: 'GET', url: '/api/frameworks' })).json() as Item[];

  it('ships the default framework, listed with its question count', async () => {
    const items = await list();
    const shipped = items.find((item) => item.family === defaultFrameworkFamily)!;
    expect(shipped).toMatchObject({ version: 1, isDefault: true, frozenAt: null, usedBy: 0, nameFr: defaultFrameworkNames.nameFr, nameAr: defaultFrameworkNames.nameAr });
    expect(shipped.questionCount).toBe(defaultFrameworkDefinition.domains.reduce((sum, domain) => sum + domain.questions.length, 0));
    expect(items.filter((item) => item.isDefault)).toHaveLength(1);
    expect(shipped).not.toHaveProperty('definition');
    defaultId = shipped.id;
    const one = await representative.request({ method: 'GET', url: `/api/frameworks/${defaultId}` });
    expect(one.statusCode).toBe(200);
    expect(one.json().definition).toEqual(defaultFrameworkDefinition);
  });

  it('copies a version into a new family, version 1, not frozen, and records it', async () => {
    const copy = await copyOf(defaultId);
    expect(copy).toMatchObject({
      family: `${defaultFrameworkFamily}-copy`,
      version: 1,
      isDefault: false,
      frozenAt: null,
      derivedFromId: defaultId,
      nameFr: `Copie de ${defaultFrameworkNames.nameFr}`,
      nameAr: `نسخة من ${defaultFrameworkNames.nameAr}`,
      nameEn: `Copy of ${defaultFrameworkNames.nameEn}`,
    });
    expect(copy.definition).toEqual(defaultFrameworkDefinition);
    expect((await copyOf(defaultId)).family).toBe(`${defaultFrameworkFamily}-copy-2`);
    const history = await admin.request({ method: 'GET', url: `/api/audit/diagnostic_framework/${copy.id}` });
    expect(history.json()[0]).toMatchObject({ action: 'create', context: { copiedFromId: defaultId } });
  });

  it('edits a version nobody uses in place, and refuses an edit made on a stale copy', async () => {
    const copy = await copyOf(defaultId);
    const payload = editOf(copy, (definition) => {
      definition.domains[0]!.needThreshold = 70;
      definition.domains[0]!.questions.push({ key: 'legal_extra', type: 'yes_no', text: { fr: 'Extra ?', ar: 'إضافي؟', en: 'Extra?' }, weight: 1, allowNotApplicable: false });
    });
    const response = await admin.request({ method: 'PUT', url: `/api/frameworks/${copy.id}?updatedAt=${encodeURIComponent(copy.updatedAt)}`, payload: { ...payload, nameFr: 'Grille adaptée' } });
    expect(response.statusCode).toBe(200);
    const edited = response.json() as Framework;
    expect(edited).toMatchObject({ id: copy.id, version: 1, nameFr: 'Grille adaptée' });
    expect(edited.definition.domains[0]!.needThreshold).toBe(70);
    expect(edited.definition.domains[0]!.questions.at(-1)).toMatchObject({ key: 'legal_extra', yesIsGood: true });
    expect(edited.updatedAt).not.toBe(copy.updatedAt);

    const stale = await admin.request({ method: 'PUT', url: `/api/frameworks/${copy.id}?updatedAt=${encodeURIComponent(copy.updatedAt)}`, payload });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.params).toMatchObject({ reason: 'stale_version' });
    const history = await admin.request({ method: 'GET', url: `/api/audit/diagnostic_framework/${copy.id}` });
    expect(history.json()[0]).toMatchObject({ action: 'update', before: { nameFr: copy.nameFr }, after: { nameFr: 'Grille adaptée' } });
  });

  it('turns an edit of a frozen version into the next version and leaves the frozen one as it was', async () => {
    const copy = await copyOf(defaultId);
    await freeze(copy.id);
    const frozen = (await admin.request({ method: 'GET', url: `/api/frameworks/${copy.id}` })).json() as Framework;
    const payload = editOf(frozen, (definition) => {
      definition.domains[1]!.weight = 3;
    });
    const response = await admin.request({ method: 'PUT', url: `/api/frameworks/${copy.id}?updatedAt=${encodeURIComponent(frozen.updatedAt)}`, payload });
    expect(response.statusCode).toBe(201);
    const next = response.json() as Framework;
    expect(next).toMatchObject({ family: copy.family, version: 2, derivedFromId: copy.id, frozenAt: null, isDefault: false });
    expect(next.id).not.toBe(copy.id);
    expect(next.definition.domains[1]!.weight).toBe(3);
    expect((await admin.request({ method: 'GET', url: `/api/frameworks/${copy.id}` })).json()).toEqual(frozen);

    // Editing the older frozen version again goes after the newest.
    const again = await admin.request({ method: 'PUT', url: `/api/frameworks/${copy.id}`, payload });
    expect(again.statusCode).toBe(201);
    expect(again.json().version).toBe(3);
  });

  it('never changes a frozen row, even when the repository is called directly', async () => {
    const copy = await copyOf(defaultId);
    await freeze(copy.id);
    const db = database().db;
    expect(await updateUnfrozenFramework(db, copy.id, { ...editOf(copy), nameFr: 'Changé en douce' })).toBeUndefined();
    expect((await findFramework(db, copy.id))!.nameFr).toBe(copy.nameFr);
  });

  it('counts the diagnostics that use a version', async () => {
    const db = database().db;
    const cooperative = await createTestCooperative(db);
    const programme = await db.insertInto('programmes').values({ code: `PRG-FW-${Date.now()}`, nameFr: 'Programme grille' }).returning('id').executeTakeFirstOrThrow();
    const enrolment = await db
      .insertInto('enrolments')
      .values({ programmeId: programme.id, cooperativeId: cooperative.id, status: 'enrolled', candidateAt: '2026-01-05', enrolledAt: '2026-01-10', eligible: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    const copy = await copyOf(defaultId);
    await db.insertInto('diagnostics').values({ enrolmentId: enrolment.id, programmeId: programme.id, cooperativeId: cooperative.id, frameworkId: copy.id, kind: 'baseline' }).execute();
    expect((await list()).find((item) => item.id === copy.id)!.usedBy).toBe(1);
  });

  it('switches the default version, keeping a single one', async () => {
    const copy = await copyOf(defaultId);
    const response = await admin.request({ method: 'POST', url: `/api/frameworks/${copy.id}/default` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: copy.id, isDefault: true });
    expect((await list()).filter((item) => item.isDefault).map((item) => item.id)).toEqual([copy.id]);

    // Editing the frozen default makes the new version the default.
    await freeze(copy.id);
    const next = await admin.request({ method: 'PUT', url: `/api/frameworks/${copy.id}`, payload: editOf(copy) });
    expect(next.statusCode).toBe(201);
    expect((await list()).filter((item) => item.isDefault).map((item) => item.id)).toEqual([next.json().id]);

    expect((await admin.request({ method: 'POST', url: `/api/frameworks/${defaultId}/default` })).statusCode).toBe(200);
    expect((await list()).filter((item) => item.isDefault).map((item) => item.id)).toEqual([defaultId]);
    const history = await admin.request({ method: 'GET', url: `/api/audit/diagnostic_framework/${defaultId}` });
    expect(history.json()[0]).toMatchObject({ action: 'update', before: { isDefault: false }, after: { isDefault: true } });
  });

  it('names the path of each wrong part of a definition', async () => {
    const copy = await copyOf(defaultId);
    const withoutLevels = editOf(copy, (definition) => {
      delete definition.domains[2]!.questions[1]!.levels;
    });
    const missing = await admin.request({ method: 'PUT', url: `/api/frameworks/${copy.id}`, payload: withoutLevels });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.issues).toEqual([{ path: ['definition', 'domains', 2, 'questions', 1, 'levels'], key: 'required' }]);

    const nothingToScore = editOf(copy, (definition) => {
      definition.domains[0]!.questions = [{ key: 'legal_notes', type: 'text', text: { fr: 'Notes', ar: 'ملاحظات', en: 'Notes' }, weight: 0, allowNotApplicable: true }];
    });
    const unscored = await admin.request({ method: 'PUT', url: `/api/frameworks/${copy.id}`, payload: nothingToScore });
    expect(unscored.statusCode).toBe(422);
    expect(unscored.json().error.issues).toEqual([{ path: ['definition', 'domains', 0, 'questions'], key: 'domain_without_scored_question' }]);

    const emptyArabic = editOf(copy, (definition) => {
      definition.domains[3]!.questions[0]!.text.ar = ' ';
      definition.domains[4]!.questions[1]!.key = definition.domains[4]!.questions[0]!.key;
    });
    const several = await admin.request({ method: 'PUT', url: `/api/frameworks/${copy.id}`, payload: emptyArabic });
    expect(several.statusCode).toBe(422);
    expect(several.json().error.issues.map((issue: { path: unknown[] }) => issue.path.join('.')).sort()).toEqual([
      'definition.domains.3.questions.0.text.ar',
      'definition.domains.4.questions.1.key',
    ]);
    expect((await admin.request({ method: 'GET', url: `/api/frameworks/${copy.id}` })).json().definition).toEqual(copy.definition);
  });

  it('lets only an admin change frameworks, and only the operator’s staff and funders list them', async () => {
    const copy = await copyOf(defaultId);
    expect((await manager.request({ method: 'POST', url: `/api/frameworks/${copy.id}/copy` })).statusCode).toBe(403);
    expect((await manager.request({ method: 'PUT', url: `/api/frameworks/${copy.id}`, payload: editOf(copy) })).statusCode).toBe(403);
    expect((await manager.request({ method: 'POST', url: `/api/frameworks/${copy.id}/default` })).statusCode).toBe(403);
    expect((await representative.request({ method: 'GET', url: '/api/frameworks' })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: `/api/frameworks/${copy.id}` })).statusCode).toBe(401);
    expect((await admin.request({ method: 'GET', url: '/api/frameworks/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    expect((await admin.request({ method: 'POST', url: '/api/frameworks/00000000-0000-4000-8000-000000000000/copy' })).statusCode).toBe(404);
  });
});

describeEachDatabase('the shipped framework at each start', (database) => {
  it('is stored once, then found in one query', async () => {
    const db = database().db;
    const id = await ensureDefaultFramework(db);
    expect(await ensureDefaultFramework(db)).toBe(id);
    const rows = await db.selectFrom('diagnosticFrameworks').select(['id', 'version', 'isDefault']).where('family', '=', defaultFrameworkFamily).execute();
    expect(rows).toEqual([{ id, version: 1, isDefault: true }]);
  });

  it('adds a version when the shipped definition changes, and makes it the default only if nobody chose another', async () => {
    const db = database().db;
    const first = await ensureDefaultFramework(db);
    await db.updateTable('diagnosticFrameworks').set({ frozenAt: new Date().toISOString() }).where('id', '=', first).execute();
    const before = await findFramework(db, first);

    const changed = { ...defaultFrameworkNames, definition: structuredClone(defaultFrameworkDefinition) };
    changed.definition.domains[0]!.needThreshold = 66;
    const second = await ensureDefaultFramework(db, changed);
    expect(second).not.toBe(first);
    expect(await findFramework(db, second)).toMatchObject({ version: 2, isDefault: true, derivedFromId: first, frozenAt: null });
    expect(await findFramework(db, first)).toEqual({ ...before, isDefault: false });
    expect(await ensureDefaultFramework(db, changed)).toBe(second);

    // An admin's own default is kept when a later release ships another change.
    const own = await db
      .insertInto('diagnosticFrameworks')
      .values({ family: 'own', version: 1, nameFr: 'Grille maison', definition: JSON.stringify(defaultFrameworkDefinition) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.updateTable('diagnosticFrameworks').set({ isDefault: false }).where('isDefault', '=', true).execute();
    await db.updateTable('diagnosticFrameworks').set({ isDefault: true }).where('id', '=', own.id).execute();
    const third = { ...changed, definition: structuredClone(changed.definition) };
    third.definition.domains[1]!.needThreshold = 61;
    expect(await ensureDefaultFramework(db, third)).toBe(own.id);
    const versions = await db.selectFrom('diagnosticFrameworks').select('version').where('family', '=', defaultFrameworkFamily).orderBy('version').execute();
    expect(versions.map((row) => row.version)).toEqual([1, 2, 3]);
  });
});
