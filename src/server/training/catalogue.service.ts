import type { Principal } from '../../core/access/roles.js';
import type { Issue } from '../../core/shared/errors.js';
import { prerequisiteProblems } from '../../core/training/catalogue.rules.js';
import type { ModuleCreate, ModuleEdit, ModuleListItem, ModuleListQuery } from '../../core/training/catalogue.schema.js';
import { trainingModuleSchema, type TrainingModule, type TrainingModuleDefinition } from '../../core/training/module.schema.js';
import { canManageCatalogue, canReadCatalogue } from '../../core/training/training.policies.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { AppError, forbidden, notFound, validationFailed } from '../http/errors.js';
import {
  findModule,
  findModuleByCode,
  insertModule,
  listModules,
  lockCatalogue,
  lockModule,
  prerequisiteGraph,
  setModuleArchived,
  updateModuleDefinition,
  type ModuleRow,
} from './catalogue.repository.js';

/** The only way a module leaves the server. */
export function presentModule(row: ModuleRow): TrainingModule {
  return trainingModuleSchema.parse(row);
}

function listItem(row: ModuleRow): ModuleListItem {
  const { definition } = row;
  return {
    id: row.id,
    code: row.code,
    title: definition.title,
    domainKeys: definition.domainKeys,
    needKeys: definition.needKeys ?? [],
    format: definition.format,
    durationHours: definition.durationHours,
    audience: definition.audience,
    prerequisites: definition.prerequisites ?? [],
    isDefault: row.isDefault,
    archivedAt: row.archivedAt,
    version: row.version,
  };
}

/** What the audit keeps of a module. */
function audited(row: ModuleRow) {
  const { sourceHash: _sourceHash, ...rest } = row;
  return rest;
}

function assertCanRead(principal: Principal) {
  if (!canReadCatalogue(principal)) throw forbidden();
}

function assertCanManage(principal: Principal) {
  if (!canManageCatalogue(principal)) throw forbidden();
}

/** Prerequisites must name other modules of the catalogue and make no cycle. */
async function assertPrerequisites(db: Db, code: string, definition: TrainingModuleDefinition) {
  const graph = await prerequisiteGraph(db);
  graph.set(code, definition.prerequisites);
  const issues: Issue[] = prerequisiteProblems(code, definition.prerequisites, graph).map((problem) => ({
    path: ['definition', 'prerequisites', problem.index],
    key: problem.key,
  }));
  if (issues.length > 0) throw validationFailed(issues);
}

export async function listCatalogue(db: Db, principal: Principal, query: ModuleListQuery): Promise<ModuleListItem[]> {
  assertCanRead(principal);
  return (await listModules(db, query)).map(listItem);
}

export async function getModule(db: Db, principal: Principal, id: string): Promise<TrainingModule> {
  assertCanRead(principal);
  const row = await findModule(db, id);
  if (!row) throw notFound();
  return presentModule(row);
}

export async function createModule(db: Db, principal: Principal, input: ModuleCreate): Promise<TrainingModule> {
  assertCanManage(principal);
  const row = await db.transaction().execute(async (trx) => {
    await lockCatalogue(trx);
    const taken = await findModuleByCode(trx, input.code);
    if (taken) throw new AppError('conflict', { reason: 'code_taken', moduleId: taken.id }, [{ path: ['code'], key: 'code_taken' }]);
    await assertPrerequisites(trx, input.code, input.definition);
    const created = await insertModule(trx, { code: input.code, definition: input.definition, createdBy: principal.userId });
    await recordAudit(trx, { actorId: principal.userId, action: 'create', entityType: 'training_module', entityId: created.id, after: audited(created) });
    return created;
  });
  return presentModule(row);
}

export async function editModule(db: Db, principal: Principal, id: string, input: ModuleEdit, expectedVersion?: number): Promise<TrainingModule> {
  assertCanManage(principal);
  const row = await db.transaction().execute(async (trx) => {
    await lockCatalogue(trx);
    const before = await lockModule(trx, id);
    if (!before) throw notFound();
    if (expectedVersion !== undefined && before.version !== expectedVersion) {
      throw new AppError('conflict', { reason: 'stale_version', currentVersion: before.version });
    }
    await assertPrerequisites(trx, before.code, input.definition);
    const after = await updateModuleDefinition(trx, id, input.definition);
    await recordAudit(trx, { actorId: principal.userId, action: 'update', entityType: 'training_module', entityId: id, before: audited(before), after: audited(after) });
    return after;
  });
  return presentModule(row);
}

/** Archived modules leave the catalogue's lists and new plans; plans that use them keep them. */
export async function archiveModule(db: Db, principal: Principal, id: string, archived: boolean): Promise<TrainingModule> {
  assertCanManage(principal);
  const row = await db.transaction().execute(async (trx) => {
    const before = await lockModule(trx, id);
    if (!before) throw notFound();
    if ((before.archivedAt !== null) === archived) return before;
    const after = await setModuleArchived(trx, id, archived);
    await recordAudit(trx, {
      actorId: principal.userId,
      action: archived ? 'archive' : 'restore',
      entityType: 'training_module',
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return after;
  });
  return presentModule(row);
}
