import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MailStatus, OutboxMail, OutboxPage, OutboxStatus, ReminderRun } from '../../core/reminders/outbox.schema.js';
import { api } from '../shared/api-client.js';

export interface OutboxFilters {
  status: MailStatus | null;
  kind: string | null;
  q: string;
  limit: number;
}

export const outboxKeys = {
  all: ['outbox'] as const,
  status: ['outbox', 'status'] as const,
  list: (filters: OutboxFilters) => ['outbox', 'list', filters] as const,
  mail: (id: string) => ['outbox', 'mail', id] as const,
};

export function useOutboxStatus() {
  return useQuery({ queryKey: outboxKeys.status, queryFn: () => api.get<OutboxStatus>('/api/outbox/status') });
}

export function useOutbox(filters: OutboxFilters) {
  return useQuery({
    queryKey: outboxKeys.list(filters),
    queryFn: ({ signal }) => api.get<OutboxPage>('/api/outbox', { status: filters.status, kind: filters.kind, q: filters.q, limit: filters.limit }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOutboxMail(id: string | null) {
  return useQuery({ queryKey: outboxKeys.mail(id ?? ''), queryFn: () => api.get<OutboxMail>(`/api/outbox/${id}`), enabled: id !== null });
}

export function useRunReminders() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<ReminderRun>('/api/reminders/run'),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: outboxKeys.all }),
  });
}
