import type { Principal, Role } from '../src/core/access/roles.js';
import { hashPassword } from '../src/server/access/password.js';
import { toPrincipal } from '../src/server/access/session.service.js';
import { findUserById } from '../src/server/access/user.repository.js';
import type { Db } from '../src/server/db/database.js';

export const benchPassword = 'Bench-password-2026';

export interface BenchUser {
  email: string;
  password: string;
  principal: Principal;
}

/** An account holding one role over the whole registry, as an operator's admin would create it. */
export async function createBenchUser(db: Db, role: Role): Promise<BenchUser> {
  const email = `bench-${role.replace(/_/g, '-')}@bench.taawon.ma`;
  const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) return { email, password: benchPassword, principal: toPrincipal((await findUserById(db, existing.id))!) };
  const user = await db
    .insertInto('users')
    .values({ email, displayName: `Bench ${role}`, passwordHash: await hashPassword(benchPassword), locale: 'fr' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('roleGrants').values({ userId: user.id, role, programmeId: null, cooperativeId: null }).execute();
  const row = await findUserById(db, user.id);
  if (!row) throw new Error('bench user not found');
  return { email, password: benchPassword, principal: toPrincipal(row) };
}
