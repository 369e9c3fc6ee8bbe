import { z } from 'zod';
import { canReadAuditLog } from '../../core/access/policies.js';
import { errorBodySchema } from '../../core/shared/errors.js';
import { forbidden } from '../http/errors.js';
import { requirePrincipal } from '../http/principal.js';
import type { App } from '../http/types.js';
import { listAuditEntries } from './audit.repository.js';

/** Every kind of record whose history can be read. */
export const auditedEntityTypes = ['cooperative', 'user', 'cooperative_member', 'programme', 'organisation', 'enrolment', 'diagnostic_framework', 'diagnostic', 'session', 'training_module', 'training_plan'] as const;

export const auditEntrySchema = z.object({
  id: z.coerce.string(),
  occurredAt: z.string(),
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
  context: z.record(z.string(), z.unknown()).nullable(),
});

export async function auditRoutes(app: App) {
  app.get(
    '/api/audit/:entityType/:entityId',
    {
      schema: {
        tags: ['audit'],
        summary: 'History of one record: who changed what, when, before and after (admin)',
        params: z.object({ entityType: z.enum(auditedEntityTypes), entityId: z.string().max(64) }),
        response: { 200: z.array(auditEntrySchema), 401: errorBodySchema, 403: errorBodySchema },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      if (!canReadAuditLog(principal)) throw forbidden();
      return listAuditEntries(app.db, request.params.entityType, request.params.entityId);
    },
  );
}
