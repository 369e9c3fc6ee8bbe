import {
  canEditMembers,
  canReadCooperative,
  canSeePersonalData,
  canWriteRegistry,
  registryScope,
} from '../../core/access/policies.js';
import type { Principal } from '../../core/access/roles.js';
import { cooperativeNameKey } from '../../core/registry/cooperative.rules.js';
import {
  cooperativePublicSchema,
  cooperativeSchema,
  memberSchema,
  type Cooperative,
  type CooperativeInput,
  type CooperativeListQuery,
  type MemberInput,
} from '../../core/registry/cooperative.schema.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { AppError, forbidden, notFound } from '../http/errors.js';
import {
  findCooperative,
  findDuplicateCooperative,
  listCooperatives,
  listMembers,
  lockCooperative,
  insertCooperative,
  setCooperativeArchived,
  summarizeMembers,
  updateCooperativeRow,
  type CooperativeRow,
} from './cooperative.repository.js';

/** The only way a cooperative leaves the server: personal data only for those who may see it. */
export function presentCooperative(row: CooperativeRow, principal: Principal): Cooperative {
  return canSeePersonalData(principal, row.id) ? cooperativeSchema.parse(row) : cooperativePublicSchema.parse(row);
}

/** Reading an id one may not see answers "not found", so that ids cannot be probed. */
async function readableCooperative(db: Db, principal: Principal, id: string): Promise<CooperativeRow> {
  if (!canReadCooperative(principal, id)) throw notFound();
  const row = await findCooperative(db, id);
  if (!row) throw notFound();
  return row;
}

function assertCanWrite(principal: Principal) {
  if (registryScope(principal).kind === 'none') throw notFound();
  if (!canWriteRegistry(principal)) throw forbidden();
}

export async function searchCooperatives(db: Db, principal: Principal, query: CooperativeListQuery) {
  const scope = registryScope(principal);
  if (scope.kind === 'none') throw forbidden();
  const { items, total, totalIsCapped } = await listCooperatives(db, scope, query);
  return { items, total, totalIsCapped, page: query.page, pageSize: query.pageSize };
}

export async function getCooperative(db: Db, principal: Principal, id: string) {
  return presentCooperative(await readableCooperative(db, principal, id), principal);
}

async function assertNoDuplicate(db: Db, input: CooperativeInput, exceptId?: string) {
  const duplicate = await findDuplicateCooperative(
    db,
    { registrationNumber: input.registrationNumber, nameKey: cooperativeNameKey(input), provinceCode: input.provinceCode },
    exceptId,
  );
  if (!duplicate) return;
  const field = input.registrationNumber && duplicate.registrationNumber === input.registrationNumber ? 'registrationNumber' : 'nameFr';
  throw new AppError('conflict', { duplicateId: duplicate.id, duplicateName: duplicate.nameFr ?? duplicate.nameAr }, [
    { path: [field], key: field === 'registrationNumber' ? 'registration_number_taken' : 'duplicate_name_in_province' },
  ]);
}

export async function createCooperative(db: Db, principal: Principal, input: CooperativeInput) {
  assertCanWrite(principal);
  const row = await db.transaction().execute(async (trx) => {
    await assertNoDuplicate(trx, input);
    const created = await insertCooperative(trx, input);
    await recordAudit(trx, { actorId: principal.userId, action: 'create', entityType: 'cooperative', entityId: created.id, after: created });
    return created;
  });
  return presentCooperative(row, principal);
}

export async function updateCooperative(db: Db, principal: Principal, id: string, input: CooperativeInput, expectedVersion?: number) {
  assertCanWrite(principal);
  const row = await db.transaction().execute(async (trx) => {
    const before = await lockCooperative(trx, id);
    if (!before) throw notFound();
    if (expectedVersion !== undefined && before.version !== expectedVersion) {
      throw new AppError('conflict', { reason: 'stale_version', currentVersion: before.version });
    }
    await assertNoDuplicate(trx, input, id);
    const after = await updateCooperativeRow(trx, id, input);
    await recordAudit(trx, { actorId: principal.userId, action: 'update', entityType: 'cooperative', entityId: id, before, after });
    return after;
  });
  return presentCooperative(row, principal);
}

export async function archiveCooperative(db: Db, principal: Principal, id: string, archived: boolean) {
  assertCanWrite(principal);
  const row = await db.transaction().execute(async (trx) => {
    const before = await lockCooperative(trx, id);
    if (!before) throw notFound();
    if ((before.archivedAt !== null) === archived) return before;
    const after = await setCooperativeArchived(trx, id, archived);
    await recordAudit(trx, {
      actorId: principal.userId,
      action: archived ? 'archive' : 'restore',
      entityType: 'cooperative',
      entityId: id,
      before: { archivedAt: before.archivedAt },
      after: { archivedAt: after.archivedAt },
    });
    return after;
  });
  return presentCooperative(row, principal);
}

export async function getMembers(db: Db, principal: Principal, cooperativeId: string) {
  await readableCooperative(db, principal, cooperativeId);
  if (!canSeePersonalData(principal, cooperativeId)) {
    return { members: null, summary: await summarizeMembers(db, cooperativeId) };
  }
  const members = (await listMembers(db, cooperativeId)).map((member) => memberSchema.parse(member));
  return { members, summary: await summarizeMembers(db, cooperativeId) };
}

async function assertCanEditMembers(db: Db, principal: Principal, cooperativeId: string) {
  await readableCooperative(db, principal, cooperativeId);
  if (!canEditMembers(principal, cooperativeId)) throw forbidden();
}

export async function addMember(db: Db, principal: Principal, cooperativeId: string, input: MemberInput) {
  await assertCanEditMembers(db, principal, cooperativeId);
  return db.transaction().execute(async (trx) => {
    const member = await trx.insertInto('cooperativeMembers').values({ ...input, cooperativeId }).returningAll().executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: principal.userId, action: 'create', entityType: 'cooperative_member', entityId: member.id, after: member, context: { cooperativeId } });
    return memberSchema.parse(member);
  });
}

export async function updateMember(db: Db, principal: Principal, cooperativeId: string, memberId: string, input: MemberInput) {
  await assertCanEditMembers(db, principal, cooperativeId);
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('cooperativeMembers')
      .selectAll()
      .where('id', '=', memberId)
      .where('cooperativeId', '=', cooperativeId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound();
    const after = await trx
      .updateTable('cooperativeMembers')
      .set({ ...input, updatedAt: new Date().toISOString() })
      .where('id', '=', memberId)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: principal.userId, action: 'update', entityType: 'cooperative_member', entityId: memberId, before, after, context: { cooperativeId } });
    return memberSchema.parse(after);
  });
}

/** Erasing a person (law 09-08): the row goes; the audit keeps that it went, not who it was. */
export async function deleteMember(db: Db, principal: Principal, cooperativeId: string, memberId: string) {
  await assertCanEditMembers(db, principal, cooperativeId);
  await db.transaction().execute(async (trx) => {
    const deleted = await trx
      .deleteFrom('cooperativeMembers')
      .where('id', '=', memberId)
      .where('cooperativeId', '=', cooperativeId)
      .returning(['id', 'role'])
      .executeTakeFirst();
    if (!deleted) throw notFound();
    await trx
      .updateTable('auditLog')
      .set({ before: null, after: null })
      .where('entityType', '=', 'cooperative_member')
      .where('entityId', '=', memberId)
      .execute();
    await recordAudit(trx, { actorId: principal.userId, action: 'delete', entityType: 'cooperative_member', entityId: memberId, before: { role: deleted.role }, context: { cooperativeId } });
  });
}
