import { createHash, randomBytes } from 'node:crypto';
import type { Principal } from '../../core/access/roles.js';
import type { Db } from '../db/database.js';
import { AppError } from '../http/errors.js';
import { decoyHash, verifyPassword } from './password.js';
import { findSessionUser, findUserByEmail, type UserRow } from './user.repository.js';

export const sessionCookieName = 'taawon_session';
export const sessionLifetimeMs = 12 * 60 * 60 * 1000;

/** Only a hash of the token is stored: a leaked sessions table opens no session. */
function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export function toPrincipal(user: UserRow): Principal {
  return {
    userId: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    grants: user.grants,
  };
}

export async function signIn(db: Db, email: string, password: string): Promise<{ token: string; user: UserRow }> {
  const user = await findUserByEmail(db, email);
  const isValid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
  if (!user || !isValid || !user.isActive) throw new AppError('invalid_credentials');
  const token = randomBytes(32).toString('base64url');
  await db
    .insertInto('sessions')
    .values({ id: sessionIdOf(token), userId: user.id, expiresAt: new Date(Date.now() + sessionLifetimeMs).toISOString() })
    .execute();
  await db.deleteFrom('sessions').where('expiresAt', '<', new Date().toISOString()).execute();
  return { token, user };
}

export async function signOut(db: Db, token: string): Promise<void> {
  const sessionId = sessionIdOf(token);
  recentSessions.delete(sessionId);
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

/**
 * Sessions seen in the last few seconds, so that a burst of requests reads
 * the session once. Every change to a person's account or roles made through
 * this server forgets their entries at once; another server of the same
 * deployment sees such a change within `sessionCacheMs`.
 */
const sessionCache = { freshMs: 5_000, busyWaitMs: 300, size: 10_000 };
const recentSessions = new Map<string, { user: UserRow; until: number }>();

/** For tests: how long a cached session stays fresh, how long to wait for a busy database. */
export function configureSessionCache(options: Partial<typeof sessionCache>): void {
  Object.assign(sessionCache, options);
}

export async function resolveSession(db: Db, token: string): Promise<UserRow | undefined> {
  const sessionId = sessionIdOf(token);
  const cached = recentSessions.get(sessionId);
  if (cached && cached.until > Date.now()) return cached.user;
  const lookup = findSessionUser(db, sessionId).then((user) => {
    if (!user) {
      recentSessions.delete(sessionId);
      return undefined;
    }
    if (recentSessions.size >= sessionCache.size) recentSessions.delete(recentSessions.keys().next().value!);
    recentSessions.set(sessionId, { user, until: Date.now() + sessionCache.freshMs });
    return user;
  });
  if (!cached) return lookup;
  // The embedded database is one connection: while a long import holds it, a
  // person already signed in keeps reading their import's progress with the
  // session last seen, instead of waiting for the import to end.
  let timer: NodeJS.Timeout | undefined;
  const stale = new Promise<UserRow>((resolve) => {
    timer = setTimeout(() => resolve(cached.user), sessionCache.busyWaitMs);
  });
  try {
    return await Promise.race([lookup, stale]);
  } finally {
    clearTimeout(timer);
  }
}

/** Forgets the cached sessions of a person whose account or roles changed. */
export function forgetSessionsOf(userId: string): void {
  for (const [sessionId, entry] of recentSessions) {
    if (entry.user.id === userId) recentSessions.delete(sessionId);
  }
}

export async function endSessionsOf(db: Db, userId: string): Promise<void> {
  forgetSessionsOf(userId);
  await db.deleteFrom('sessions').where('userId', '=', userId).execute();
}
