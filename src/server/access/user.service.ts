import type { z } from 'zod';
import { canManageUsers } from '../../core/access/policies.js';
import type { Principal } from '../../core/access/roles.js';
import type { grantCreateSchema, userCreateSchema, userUpdateSchema } from '../../core/access/user.schema.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { AppError, conflict, forbidden, notFound } from '../http/errors.js';
import { hashPassword } from './password.js';
import { endSessionsOf, forgetSessionsOf } from './session.service.js';
import { findUserById, listUsers, type UserRow } from './user.repository.js';

export function presentUser({ passwordHash: _passwordHash, ...user }: UserRow) {
  return user;
}

function assertAdmin(principal: Principal) {
  if (!canManageUsers(principal)) throw forbidden();
}

export async function getUsers(db: Db, principal: Principal) {
  assertAdmin(principal);
  return (await listUsers(db)).map(presentUser);
}

export async function getUser(db: Db, principal: Principal, userId: string) {
  assertAdmin(principal);
  const user = await findUserById(db, userId);
  if (!user) throw notFound();
  return presentUser(user);
}

export async function createUser(db: Db, principal: Principal, input: z.output<typeof userCreateSchema>) {
  assertAdmin(principal);
  const passwordHash = await hashPassword(input.password);
  const id = await db.transaction().execute(async (trx) => {
    const existing = await trx.selectFrom('users').select('id').where('email', '=', input.email).executeTakeFirst();
    if (existing) throw new AppError('conflict', { field: 'email' }, [{ path: ['email'], key: 'email_taken' }]);
    const user = await trx
      .insertInto('users')
      .values({ email: input.email, displayName: input.displayName, locale: input.locale, passwordHash })
      .returning(['id', 'email', 'displayName', 'locale', 'isActive'])
      .executeTakeFirstOrThrow();
    await recordAudit(trx, { actorId: principal.userId, action: 'create', entityType: 'user', entityId: user.id, after: user });
    return user.id;
  });
  return getUser(db, principal, id);
}

export async function updateUser(db: Db, principal: Principal, userId: string, input: z.output<typeof userUpdateSchema>) {
  assertAdmin(principal);
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('users')
      .select(['id', 'email', 'displayName', 'locale', 'isActive'])
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirst();
    if (!before) throw notFound();
    if (input.isActive === false && userId === principal.userId) {
      throw new AppError('validation', {}, [{ path: ['isActive'], key: 'cannot_deactivate_self' }]);
    }
    const after = await trx
      .updateTable('users')
      .set({ ...input, updatedAt: new Date().toISOString() })
      .where('id', '=', userId)
      .returning(['id', 'email', 'displayName', 'locale', 'isActive'])
      .executeTakeFirstOrThrow();
    if (input.isActive === false) await endSessionsOf(trx, userId);
    await recordAudit(trx, { actorId: principal.userId, action: 'update', entityType: 'user', entityId: userId, before, after });
  });
  forgetSessionsOf(userId);
  return getUser(db, principal, userId);
}

export async function resetPassword(db: Db, principal: Principal, userId: string, password: string) {
  assertAdmin(principal);
  const passwordHash = await hashPassword(password);
  await db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({ passwordHash, updatedAt: new Date().toISOString() })
      .where('id', '=', userId)
      .returning('id')
      .executeTakeFirst();
    if (!updated) throw notFound();
    await endSessionsOf(trx, userId);
    await recordAudit(trx, { actorId: principal.userId, action: 'reset_password', entityType: 'user', entityId: userId });
  });
  forgetSessionsOf(userId);
}

export async function addGrant(db: Db, principal: Principal, userId: string, input: z.output<typeof grantCreateSchema>) {
  assertAdmin(principal);
  await db.transaction().execute(async (trx) => {
    const user = await trx.selectFrom('users').select('id').where('id', '=', userId).executeTakeFirst();
    if (!user) throw notFound();
    if (input.programmeId) {
      const programme = await trx.selectFrom('programmes').select('id').where('id', '=', input.programmeId).executeTakeFirst();
      if (!programme) throw new AppError('validation', {}, [{ path: ['programmeId'], key: 'programme_unknown' }]);
    }
    if (input.cooperativeId) {
      const cooperative = await trx.selectFrom('cooperatives').select('id').where('id', '=', input.cooperativeId).executeTakeFirst();
      if (!cooperative) throw new AppError('validation', {}, [{ path: ['cooperativeId'], key: 'cooperative_unknown' }]);
    }
    const grant = await trx
      .insertInto('roleGrants')
      .values({ userId, role: input.role, programmeId: input.programmeId, cooperativeId: input.cooperativeId })
      .onConflict((oc) => oc.doNothing())
      .returning(['id', 'role', 'programmeId', 'cooperativeId'])
      .executeTakeFirst();
    if (!grant) throw conflict({ reason: 'grant_exists' });
    await recordAudit(trx, { actorId: principal.userId, action: 'grant', entityType: 'user', entityId: userId, after: grant });
  });
  forgetSessionsOf(userId);
  return getUser(db, principal, userId);
}

export async function removeGrant(db: Db, principal: Principal, userId: string, grantId: string) {
  assertAdmin(principal);
  await db.transaction().execute(async (trx) => {
    const grant = await trx
      .deleteFrom('roleGrants')
      .where('id', '=', grantId)
      .where('userId', '=', userId)
      .returning(['id', 'role', 'programmeId', 'cooperativeId'])
      .executeTakeFirst();
    if (!grant) throw notFound();
    if (userId === principal.userId && grant.role === 'admin') {
      const remaining = await trx
        .selectFrom('roleGrants')
        .select('id')
        .where('userId', '=', userId)
        .where('role', '=', 'admin')
        .executeTakeFirst();
      if (!remaining) throw new AppError('validation', {}, [{ path: ['role'], key: 'cannot_revoke_own_admin' }]);
    }
    await recordAudit(trx, { actorId: principal.userId, action: 'revoke', entityType: 'user', entityId: userId, before: grant });
  });
  forgetSessionsOf(userId);
  return getUser(db, principal, userId);
}

export async function setOwnLocale(db: Db, principal: Principal, locale: Principal['locale']) {
  await db.updateTable('users').set({ locale }).where('id', '=', principal.userId).execute();
  forgetSessionsOf(principal.userId);
}

export async function listProgrammes(db: Db) {
  return db.selectFrom('programmes').select(['id', 'code', 'nameFr', 'nameAr', 'nameEn']).orderBy('nameFr').execute();
}
