import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AttendanceRowInput,
  CalendarFeed,
  CreateSessionDraft,
  ReschedulePlanView,
  Evaluation,
  EvaluationDraft,
  SessionDetail,
  SessionListQuery,
  SessionReport,
  SessionStatusChange,
  SessionSummary,
} from '../../core/sessions/session.schema.js';
import type { ShiftMode } from '../../core/sessions/rescheduling.js';
import { api } from '../shared/api-client.js';

export const sessionKeys = {
  all: ['sessions'] as const,
  list: (query: SessionListQuery) => ['sessions', 'list', query] as const,
  detail: (id: string) => ['sessions', 'detail', id] as const,
};

export function useSessions(query: SessionListQuery) {
  return useQuery({ queryKey: sessionKeys.list(query), queryFn: () => api.get<SessionSummary[]>('/api/sessions', query) });
}

export function useSession(id: string) {
  return useQuery({ queryKey: sessionKeys.detail(id), queryFn: () => api.get<SessionDetail>(`/api/sessions/${id}`) });
}

/** Every write answers with (or leads to) the new detail: the page reloads the session and the calendars. */
function useSessionWrite<T>(id: string, write: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async (result) => {
      if (result && typeof result === 'object' && 'permissions' in result) queryClient.setQueryData(sessionKeys.detail(id), result);
      await queryClient.invalidateQueries({ queryKey: sessionKeys.all });
    },
  });
}

export const useChangeStatus = (id: string) => useSessionWrite(id, (change: SessionStatusChange) => api.post<SessionSummary>(`/api/sessions/${id}/status`, change));
export const useSaveAttendance = (id: string) => useSessionWrite(id, (rows: AttendanceRowInput[]) => api.put<SessionDetail>(`/api/sessions/${id}/attendance`, { rows }));
export const useSaveReport = (id: string) => useSessionWrite(id, (report: SessionReport & { version: number }) => api.put<SessionDetail>(`/api/sessions/${id}/report`, report));
export const useUploadAttachment = (id: string) =>
  useSessionWrite(id, (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.upload(`/api/sessions/${id}/attachments`, form);
  });
export const useDeleteAttachment = (id: string) => useSessionWrite(id, (attachmentId: string) => api.delete(`/api/sessions/${id}/attachments/${attachmentId}`));
export const useAddEvaluation = (id: string) => useSessionWrite(id, (evaluation: EvaluationDraft) => api.post<Evaluation>(`/api/sessions/${id}/evaluations`, evaluation));

export function useCreateFeed() {
  return useMutation({ mutationFn: (programmeId: string | null) => api.post<CalendarFeed>('/api/calendar-feeds', { programmeId }) });
}

export function useCreateSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateSessionDraft) => api.post<SessionSummary>('/api/sessions', input),
    onSuccess: async () => queryClient.invalidateQueries({ queryKey: sessionKeys.all }),
  });
}

export const useUpdateSession = (id: string) => useSessionWrite(id, (input: Omit<CreateSessionDraft, 'programmeId'> & { version: number }) => api.put<SessionSummary>(`/api/sessions/${id}`, input));

/** Changes nothing: what moving the session would move. */
export function useReschedulePreview(id: string) {
  return useMutation({ mutationFn: (input: { startsAt: string; endsAt: string; shiftDependents: ShiftMode }) => api.post<ReschedulePlanView>(`/api/sessions/${id}/reschedule/preview`, input) });
}

export const useReschedule = (id: string) =>
  useSessionWrite(id, (input: { startsAt: string; endsAt: string; shiftDependents: ShiftMode; versions: Record<string, number> }) => api.post<ReschedulePlanView>(`/api/sessions/${id}/reschedule`, input));
