import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Grant, Locale } from '../../core/access/roles.js';
import type { Db } from '../db/database.js';

export function selectUsers(db: Db) {
  return db
    .selectFrom('users')
    .select((eb) => [
      'users.id',
      'users.email',
      'users.displayName',
      'users.locale',
      'users.isActive',
      'users.isDemo',
      'users.createdAt',
      'users.passwordHash',
      jsonArrayFrom(
        eb
          .selectFrom('roleGrants')
          .select(['roleGrants.id', 'roleGrants.role', 'roleGrants.programmeId', 'roleGrants.cooperativeId'])
          .whereRef('roleGrants.userId', '=', 'users.id')
          .orderBy('roleGrants.createdAt'),
      ).as('grants'),
    ]);
}

export type UserRow = Awaited<ReturnType<ReturnType<typeof selectUsers>['executeTakeFirstOrThrow']>> & { grants: Grant[]; locale: Locale };

export async function findUserByEmail(db: Db, email: string) {
  return (await selectUsers(db).where('users.email', '=', email).executeTakeFirst()) as UserRow | undefined;
}

export async function findUserById(db: Db, id: string) {
  return (await selectUsers(db).where('users.id', '=', id).executeTakeFirst()) as UserRow | undefined;
}

export async function listUsers(db: Db) {
  return (await selectUsers(db).orderBy('users.displayName').execute()) as UserRow[];
}

export async function findSessionUser(db: Db, sessionId: string) {
  return (await selectUsers(db)
    .innerJoin('sessions', 'sessions.userId', 'users.id')
    .where('sessions.id', '=', sessionId)
    .where('sessions.expiresAt', '>', new Date().toISOString())
    .where('users.isActive', '=', true)
    .executeTakeFirst()) as UserRow | undefined;
}
