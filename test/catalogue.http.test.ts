import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ModuleListItem } from '../src/core/training/catalogue.schema.js';
import { defaultCatalogue } from '../src/core/training/default-catalogue.js';
import type { TrainingModule, TrainingModuleDefinition } from '../src/core/training/module.schema.js';
import { ensureDefaultCatalogue, moduleDefinitionHash } from '../src/server/training/catalogue.repository.js';
import type { App } from '../src/server/http/types.js';
import { describeEachDatabase } from './support/database.js';
import { createTestCooperative, createTestProgramme, createTestUser } from './support/factories.js';
import { buildTestApp, signIn, type Agent } from './support/http.js';

function draft(change: (definition: TrainingModuleDefinition) => void = () => undefined): TrainingModuleDefinition {
  const definition = structuredClone(defaultCatalogue.find((module) => module.code === 'FIN-ACCOUNTING')!.definition);
  definition.prerequisites = [];
  change(definition);
  return definition;
}

let counter = 0;
const freshCode = () => `TEST-${Date.now().toString(36).toUpperCase()}-${counter++}`;

describeEachDatabase('training catalogue over HTTP', (database) => {
  let app: App;
  let admin: Agent;
  let globalManager: Agent;
  let programmeManager: Agent;
  let consultant: Agent;
  let funder: Agent;
  let representative: Agent;

  beforeAll(async () => {
    app = await buildTestApp(database());
    const db = database().db;
    const cooperative = await createTestCooperative(db);
    const programme = await createTestProgramme(db);
    const users = await Promise.all([
      createTestUser(db, [{ role: 'admin' }]),
      createTestUser(db, [{ role: 'programme_manager' }]),
      createTestUser(db, [{ role: 'programme_manager', programmeId: programme.id }]),
      createTestUser(db, [{ role: 'consultant' }]),
      createTestUser(db, [{ role: 'funder' }]),
      createTestUser(db, [{ role: 'cooperative_representative', cooperativeId: cooperative.id }]),
    ]);
    const agents = await Promise.all(users.map((user) => signIn(app, user.email, user.password)));
    [admin, globalManager, programmeManager, consultant, funder, representative] = agents as [Agent, Agent, Agent, Agent, Agent, Agent];
  });

  afterAll(async () => {
    await app.close();
  });

  it('ships the default catalogue at migration, and installing it again changes nothing', async () => {
    const response = await consultant.request({ method: 'GET', url: '/api/training/modules' });
    expect(response.statusCode).toBe(200);
    const codes = response.json().map((item: ModuleListItem) => item.code);
    for (const module of defaultCatalogue) expect(codes).toContain(module.code);
    expect(await ensureDefaultCatalogue(database().db)).toEqual({ added: [], refreshed: [] });
  });

  it('filters by domain, format and text, in any language and case', async () => {
    const finance = (await funder.request({ method: 'GET', url: '/api/training/modules?domain=finance' })).json() as ModuleListItem[];
    expect(finance.length).toBeGreaterThanOrEqual(2);
    expect(finance.every((item) => item.domainKeys.includes('finance'))).toBe(true);
    expect(finance.map((item) => item.code)).toContain('FIN-ACCOUNTING');

    const remote = (await funder.request({ method: 'GET', url: '/api/training/modules?format=remote' })).json() as ModuleListItem[];
    expect(remote.length).toBeGreaterThan(0);
    expect(remote.every((item) => item.format === 'remote')).toBe(true);

    for (const q of ['comptabilité', 'COMPTABILITÉ', 'المحاسبة', 'bookkeeping', 'fin-acc']) {
      const found = (await funder.request({ method: 'GET', url: `/api/training/modules?q=${encodeURIComponent(q)}` })).json() as ModuleListItem[];
      expect(found.map((item) => item.code), q).toContain('FIN-ACCOUNTING');
    }
    const both = (await funder.request({ method: 'GET', url: '/api/training/modules?domain=marketing&format=practical_workshop' })).json() as ModuleListItem[];
    expect(both.map((item) => item.code).sort()).toEqual(expect.arrayContaining(['FIN-COST-PRICE', 'MKT-PACKAGING']));
    expect((await funder.request({ method: 'GET', url: '/api/training/modules?format=lecture' })).statusCode).toBe(422);
  });

  it('reads one module with its definition', async () => {
    const list = (await consultant.request({ method: 'GET', url: '/api/training/modules?q=GOV-AG-112-12' })).json() as ModuleListItem[];
    const response = await consultant.request({ method: 'GET', url: `/api/training/modules/${list[0]!.id}` });
    expect(response.statusCode).toBe(200);
    const module = response.json() as TrainingModule;
    expect(module).toMatchObject({ code: 'GOV-AG-112-12', isDefault: true, archivedAt: null, version: 1 });
    expect(module.definition.prerequisites).toEqual(['GOV-ORGANS']);
    expect(module.definition.sequences[0]!.title.ar).toMatch(/[\u0600-\u06FF]/);
    expect((await consultant.request({ method: 'GET', url: `/api/training/modules/${crypto.randomUUID()}` })).statusCode).toBe(404);
  });

  it('creates, edits with a version check, archives and restores, and audits each step', async () => {
    const code = freshCode();
    const created = await globalManager.request({ method: 'POST', url: '/api/training/modules', payload: { code, definition: draft((d) => (d.prerequisites = ['FIN-ACCOUNTING'])) } });
    expect(created.statusCode).toBe(201);
    const module = created.json() as TrainingModule;
    expect(module).toMatchObject({ code, isDefault: false, version: 1 });

    const edited = await admin.request({
      method: 'PUT',
      url: `/api/training/modules/${module.id}?version=1`,
      payload: { definition: draft((d) => (d.title.fr = 'Comptabilité pour trésoriers')) },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, definition: { title: { fr: 'Comptabilité pour trésoriers' } } });

    const stale = await admin.request({ method: 'PUT', url: `/api/training/modules/${module.id}?version=1`, payload: { definition: draft() } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.params).toMatchObject({ reason: 'stale_version', currentVersion: 2 });

    const archived = await admin.request({ method: 'POST', url: `/api/training/modules/${module.id}/archive` });
    expect(archived.statusCode).toBe(200);
    expect(archived.json().archivedAt).not.toBeNull();
    const listed = (await admin.request({ method: 'GET', url: `/api/training/modules?q=${code}` })).json() as ModuleListItem[];
    expect(listed).toEqual([]);
    const withArchived = (await admin.request({ method: 'GET', url: `/api/training/modules?q=${code}&includeArchived=true` })).json() as ModuleListItem[];
    expect(withArchived.map((item) => item.code)).toEqual([code]);
    const restored = await admin.request({ method: 'POST', url: `/api/training/modules/${module.id}/restore` });
    expect(restored.json().archivedAt).toBeNull();

    const history = await admin.request({ method: 'GET', url: `/api/audit/training_module/${module.id}` });
    expect(history.statusCode).toBe(200);
    expect(history.json().map((entry: { action: string }) => entry.action).sort()).toEqual(['archive', 'create', 'restore', 'update']);
  });

  it('refuses a code already taken', async () => {
    const response = await admin.request({ method: 'POST', url: '/api/training/modules', payload: { code: 'FIN-ACCOUNTING', definition: draft() } });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.issues[0]).toMatchObject({ path: ['code'], key: 'code_taken' });
  });

  it('names the wrong fields by path, and leaves nothing behind', async () => {
    const code = freshCode();
    const payload = {
      code,
      definition: draft((d) => {
        d.sequences[2]!.minutes = 0;
        d.title.ar = '';
        (d as { format: string }).format = 'lecture';
      }),
    };
    const response = await admin.request({ method: 'POST', url: '/api/training/modules', payload });
    expect(response.statusCode).toBe(422);
    const paths = response.json().error.issues.map((issue: { path: (string | number)[] }) => issue.path.join('.')).sort();
    expect(paths).toEqual(['definition.format', 'definition.sequences.2.minutes', 'definition.title.ar']);

    const unknown = await admin.request({ method: 'POST', url: '/api/training/modules', payload: { code, definition: draft((d) => (d.prerequisites = ['FIN-BUDGET', 'NOPE-01'])) } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.issues).toEqual([{ path: ['definition', 'prerequisites', 1], key: 'unknown_prerequisite' }]);
    expect((await admin.request({ method: 'GET', url: `/api/training/modules?q=${code}&includeArchived=true` })).json()).toEqual([]);
  });

  it('refuses a prerequisite that would make a cycle', async () => {
    const list = (await admin.request({ method: 'GET', url: '/api/training/modules?q=FIN-ACCOUNTING' })).json() as ModuleListItem[];
    const accounting = list.find((item) => item.code === 'FIN-ACCOUNTING')!;
    const module = (await admin.request({ method: 'GET', url: `/api/training/modules/${accounting.id}` })).json() as TrainingModule;
    const response = await admin.request({
      method: 'PUT',
      url: `/api/training/modules/${accounting.id}?version=${module.version}`,
      payload: { definition: { ...module.definition, prerequisites: ['FIN-BUDGET'] } },
    });
    expect(response.statusCode).toBe(422);
    expect(response.json().error.issues[0]).toMatchObject({ path: ['definition', 'prerequisites', 0], key: 'circular_prerequisite' });
  });

  it('refuses writes to readers, and reading to representatives', async () => {
    const payload = { code: freshCode(), definition: draft() };
    for (const agent of [programmeManager, consultant, funder]) {
      expect((await agent.request({ method: 'POST', url: '/api/training/modules', payload })).statusCode).toBe(403);
    }
    expect((await representative.request({ method: 'GET', url: '/api/training/modules' })).statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/training/modules' })).statusCode).toBe(401);
  });

  it('keeps an admin’s edit of a shipped module when the shipped catalogue changes, and refreshes unedited ones', async () => {
    const db = database().db;
    const list = (await admin.request({ method: 'GET', url: '/api/training/modules' })).json() as ModuleListItem[];
    const byCode = new Map(list.map((item) => [item.code, item]));
    const edited = byCode.get('MKT-PACKAGING')!;
    const module = (await admin.request({ method: 'GET', url: `/api/training/modules/${edited.id}` })).json() as TrainingModule;
    const mine = { ...module.definition, title: { ...module.definition.title, fr: 'Notre emballage' } };
    expect((await admin.request({ method: 'PUT', url: `/api/training/modules/${edited.id}`, payload: { definition: mine } })).statusCode).toBe(200);

    const next = defaultCatalogue.map((shipped) =>
      shipped.code === 'MKT-PACKAGING' || shipped.code === 'MKT-PROMOTION'
        ? { ...shipped, definition: { ...shipped.definition, materials: [...shipped.definition.materials, { fr: 'Nouveau', ar: 'جديد', en: 'New' }] } }
        : shipped,
    );
    const newCode = { ...defaultCatalogue[0]!, code: `SHIP-${counter++}` };
    const outcome = await ensureDefaultCatalogue(db, [...next, newCode]);
    expect(outcome).toEqual({ added: [newCode.code], refreshed: ['MKT-PROMOTION'] });
    const kept = await db.selectFrom('trainingModules').select(['definition']).where('code', '=', 'MKT-PACKAGING').executeTakeFirstOrThrow();
    expect(kept.definition.title.fr).toBe('Notre emballage');
    const refreshed = await db.selectFrom('trainingModules').select(['definition', 'sourceHash']).where('code', '=', 'MKT-PROMOTION').executeTakeFirstOrThrow();
    expect(refreshed.sourceHash).toBe(moduleDefinitionHash(refreshed.definition));
    expect(await ensureDefaultCatalogue(db, [...next, newCode])).toEqual({ added: [], refreshed: [] });
  });
});
