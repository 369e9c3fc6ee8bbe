import { useQuery } from '@tanstack/react-query';
import { api } from '../shared/api-client.js';

export interface AuditEntry {
  id: string;
  occurredAt: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  context: Record<string, unknown> | null;
}

export type AuditedEntity = 'cooperative' | 'user' | 'cooperative_member';

/** Who changed what and when (administrators only; the server refuses others). */
export function useAuditHistory(entityType: AuditedEntity, entityId: string, enabled = true) {
  return useQuery({
    queryKey: ['audit', entityType, entityId],
    queryFn: () => api.get<AuditEntry[]>(`/api/audit/${entityType}/${entityId}`),
    enabled,
  });
}
