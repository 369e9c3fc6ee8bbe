import type { Db } from '../db/database.js';

export interface AuditEntry {
  actorId: string | null;
  action: 'create' | 'update' | 'delete' | 'archive' | 'restore' | 'import' | 'grant' | 'revoke' | 'reset_password';
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  context?: Record<string, unknown> | null;
}

/** Fields that never go into the audit log. */
const secretFields = new Set(['passwordHash', 'content', 'searchText', 'nameKey']);

function scrub(record: Record<string, unknown> | null | undefined): string | null {
  if (!record) return null;
  return JSON.stringify(Object.fromEntries(Object.entries(record).filter(([key]) => !secretFields.has(key))));
}

/** Writes audit entries in the caller's transaction, so a change and its record land together. */
export async function recordAudit(db: Db, ...entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('auditLog')
    .values(
      entries.map((entry) => ({
        actorId: entry.actorId,
        action: entry.action,
        entityType: entry.entityType,
        entityId: entry.entityId,
        before: scrub(entry.before),
        after: scrub(entry.after),
        context: entry.context ? JSON.stringify(entry.context) : null,
      })),
    )
    .execute();
}

export async function listAuditEntries(db: Db, entityType: string, entityId: string, limit = 200) {
  return db
    .selectFrom('auditLog')
    .leftJoin('users', 'users.id', 'auditLog.actorId')
    .select([
      'auditLog.id',
      'auditLog.occurredAt',
      'auditLog.actorId',
      'users.displayName as actorName',
      'auditLog.action',
      'auditLog.entityType',
      'auditLog.entityId',
      'auditLog.before',
      'auditLog.after',
      'auditLog.context',
    ])
    .where('auditLog.entityType', '=', entityType)
    .where('auditLog.entityId', '=', entityId)
    .orderBy('auditLog.id', 'desc')
    .limit(limit)
    .execute();
}
