import { canManageFrameworks, hasRole } from '../../core/access/policies.js';
import type { Principal } from '../../core/access/roles.js';
import type { FrameworkEdit, FrameworkListItem } from '../../core/diagnostics/framework-edit.schema.js';
import { cleanDefinition, copyFamily, copyNames, countQuestions, planFrameworkEdit } from '../../core/diagnostics/framework.rules.js';
import { frameworkSchema, type Framework } from '../../core/diagnostics/framework.schema.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { AppError, forbidden, notFound } from '../http/errors.js';
import {
  findFramework,
  highestVersion,
  insertFramework,
  listFamilies,
  listFrameworks,
  lockFamily,
  lockFramework,
  setDefaultFramework,
  updateUnfrozenFramework,
  type FrameworkRow,
} from './framework.repository.js';

/** The only way a framework version leaves the server. */
export function presentFramework(row: FrameworkRow): Framework {
  return frameworkSchema.parse(row);
}

/** What the audit keeps of a version: everything but the definition's bulk, which the version itself keeps. */
function auditedFramework(row: FrameworkRow) {
  const { definition, ...rest } = row;
  return { ...rest, questionCount: countQuestions(definition), domainKeys: definition.domains.map((domain) => domain.key) };
}

function assertCanManage(principal: Principal) {
  if (!canManageFrameworks(principal)) throw forbidden();
}

/** The operator's staff and funders list the versions; a representative reads only the one their diagnostic uses, through it. */
export async function listFrameworkVersions(db: Db, principal: Principal): Promise<FrameworkListItem[]> {
  if (!hasRole(principal, 'admin', 'programme_manager', 'consultant', 'funder')) throw forbidden();
  return listFrameworks(db);
}

/** A version with its definition: frameworks hold no personal data, so anyone signed in may read one. */
export async function getFramework(db: Db, _principal: Principal, id: string): Promise<Framework> {
  const row = await findFramework(db, id);
  if (!row) throw notFound();
  return presentFramework(row);
}

/** A copy starts a new family at version 1, not frozen, not the default. */
export async function copyFramework(db: Db, principal: Principal, id: string): Promise<Framework> {
  assertCanManage(principal);
  const row = await db.transaction().execute(async (trx) => {
    const source = await findFramework(trx, id);
    if (!source) throw notFound();
    await lockFamily(trx, 'copies');
    const family = copyFamily(source.family, await listFamilies(trx));
    const created = await insertFramework(trx, {
      family,
      version: 1,
      ...copyNames(source),
      definition: source.definition,
      derivedFromId: source.id,
      createdBy: principal.userId,
    });
    await recordAudit(trx, {
      actorId: principal.userId,
      action: 'create',
      entityType: 'diagnostic_framework',
      entityId: created.id,
      after: auditedFramework(created),
      context: { copiedFromId: source.id },
    });
    return created;
  });
  return presentFramework(row);
}

export interface FrameworkEditOutcome {
  /** `updated`: changed in place (200); `versioned`: the edited version was frozen, a new one holds the edit (201). */
  outcome: 'updated' | 'versioned';
  framework: Framework;
}

/**
 * Edits a version. One nobody uses changes in place; a frozen one never
 * changes: the edit becomes the family's next version, which also becomes
 * the default if the edited one was.
 */
export async function editFramework(db: Db, principal: Principal, id: string, input: FrameworkEdit, expectedUpdatedAt?: string): Promise<FrameworkEditOutcome> {
  assertCanManage(principal);
  const values = { nameFr: input.nameFr, nameAr: input.nameAr || null, nameEn: input.nameEn || null, definition: cleanDefinition(input.definition) };
  return db.transaction().execute(async (trx) => {
    const before = await lockFramework(trx, id);
    if (!before) throw notFound();
    if (expectedUpdatedAt !== undefined && new Date(expectedUpdatedAt).getTime() !== new Date(before.updatedAt).getTime()) {
      throw new AppError('conflict', { reason: 'stale_version', updatedAt: before.updatedAt });
    }
    await lockFamily(trx, before.family);
    const plan = planFrameworkEdit(before, await highestVersion(trx, before.family));
    if (plan.kind === 'in_place') {
      const after = await updateUnfrozenFramework(trx, id, values);
      if (!after) throw new AppError('conflict', { reason: 'frozen' });
      await recordAudit(trx, {
        actorId: principal.userId,
        action: 'update',
        entityType: 'diagnostic_framework',
        entityId: id,
        before: auditedFramework(before),
        after: auditedFramework(after),
      });
      return { outcome: 'updated' as const, framework: presentFramework(after) };
    }
    let created = await insertFramework(trx, { family: before.family, version: plan.version, ...values, derivedFromId: before.id, createdBy: principal.userId });
    await recordAudit(trx, {
      actorId: principal.userId,
      action: 'create',
      entityType: 'diagnostic_framework',
      entityId: created.id,
      after: auditedFramework(created),
      context: { editOfFrozenId: before.id },
    });
    if (before.isDefault) {
      created = await setDefaultFramework(trx, created.id);
      await recordAudit(
        trx,
        { actorId: principal.userId, action: 'update', entityType: 'diagnostic_framework', entityId: before.id, before: { isDefault: true }, after: { isDefault: false } },
        { actorId: principal.userId, action: 'update', entityType: 'diagnostic_framework', entityId: created.id, before: { isDefault: false }, after: { isDefault: true } },
      );
    }
    return { outcome: 'versioned' as const, framework: presentFramework(created) };
  });
}

/** New diagnostics and programmes without a framework of their own use the default version. */
export async function makeDefaultFramework(db: Db, principal: Principal, id: string): Promise<Framework> {
  assertCanManage(principal);
  const row = await db.transaction().execute(async (trx) => {
    const target = await lockFramework(trx, id);
    if (!target) throw notFound();
    if (target.isDefault) return target;
    await lockFamily(trx, 'default');
    const previous = await trx.selectFrom('diagnosticFrameworks').select('id').where('isDefault', '=', true).forUpdate().executeTakeFirst();
    const after = await setDefaultFramework(trx, id);
    await recordAudit(
      trx,
      ...(previous
        ? [{ actorId: principal.userId, action: 'update' as const, entityType: 'diagnostic_framework', entityId: previous.id, before: { isDefault: true }, after: { isDefault: false } }]
        : []),
      { actorId: principal.userId, action: 'update', entityType: 'diagnostic_framework', entityId: id, before: { isDefault: false }, after: { isDefault: true } },
    );
    return after;
  });
  return presentFramework(row);
}
