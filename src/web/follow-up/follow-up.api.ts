import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Compliance,
  ConfirmFollowUpDraft,
  Drift,
  DueList,
  FollowUpContext,
  FollowUpDetail,
  FollowUpHistory,
  RecordFollowUpDraft,
  ToConfirmList,
} from '../../core/follow-up/follow-up.schema.js';
import { api } from '../shared/api-client.js';

export interface ListFilter {
  programmeId?: string | undefined;
  consultantId?: string | undefined;
}

export const followUpKeys = {
  all: ['follow-ups'] as const,
  due: (scope: 'week' | 'overdue', filter: ListFilter) => ['follow-ups', 'due', scope, filter] as const,
  reported: (filter: ListFilter) => ['follow-ups', 'reported', filter] as const,
  compliance: (filter: ListFilter) => ['follow-ups', 'compliance', filter] as const,
  drift: (filter: ListFilter) => ['follow-ups', 'drift', filter] as const,
  context: (programmeId: string, cooperativeId: string) => ['follow-ups', 'context', programmeId, cooperativeId] as const,
  history: (programmeId: string, cooperativeId: string) => ['follow-ups', 'history', programmeId, cooperativeId] as const,
  detail: (id: string) => ['follow-ups', 'detail', id] as const,
};

const query = (filter: ListFilter) => ({ programmeId: filter.programmeId, consultantId: filter.consultantId });

export function useDueFollowUps(scope: 'week' | 'overdue', filter: ListFilter, enabled = true) {
  return useQuery({ queryKey: followUpKeys.due(scope, filter), queryFn: () => api.get<DueList>('/api/follow-ups/due', { scope, ...query(filter), limit: 200 }), enabled, placeholderData: keepPreviousData });
}

export function useReportedFollowUps(filter: ListFilter, enabled = true) {
  return useQuery({ queryKey: followUpKeys.reported(filter), queryFn: () => api.get<ToConfirmList>('/api/follow-ups/reported', query(filter)), enabled });
}

export function useCompliance(filter: ListFilter, enabled = true) {
  return useQuery({ queryKey: followUpKeys.compliance(filter), queryFn: () => api.get<Compliance>('/api/follow-ups/compliance', query(filter)), enabled });
}

export function useDrift(filter: ListFilter, enabled = true) {
  return useQuery({ queryKey: followUpKeys.drift(filter), queryFn: () => api.get<Drift>('/api/follow-ups/drift', query(filter)), enabled });
}

export function useFollowUpContext(programmeId: string, cooperativeId: string) {
  return useQuery({
    queryKey: followUpKeys.context(programmeId, cooperativeId),
    queryFn: () => api.get<FollowUpContext>('/api/follow-ups/context', { programmeId, cooperativeId }),
    enabled: Boolean(programmeId && cooperativeId),
  });
}

export function useFollowUpHistory(programmeId: string, cooperativeId: string) {
  return useQuery({ queryKey: followUpKeys.history(programmeId, cooperativeId), queryFn: () => api.get<FollowUpHistory>('/api/follow-ups', { programmeId, cooperativeId }) });
}

export function useFollowUp(id: string) {
  return useQuery({ queryKey: followUpKeys.detail(id), queryFn: () => api.get<FollowUpDetail>(`/api/follow-ups/${id}`) });
}

/** A follow-up changes actions, indicators and sessions: every list and plan view reloads after it. */
function useFollowUpWrite<T>(write: (input: T) => Promise<FollowUpDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: async (detail) => {
      queryClient.setQueryData(followUpKeys.detail(detail.id), detail);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: followUpKeys.all }),
        queryClient.invalidateQueries({ queryKey: ['action-plans'] }),
        queryClient.invalidateQueries({ queryKey: ['sessions'] }),
      ]);
    },
  });
}

export const useRecordFollowUp = () => useFollowUpWrite((input: RecordFollowUpDraft) => api.post<FollowUpDetail>('/api/follow-ups', input));
export const useConfirmFollowUp = (id: string) => useFollowUpWrite((input: ConfirmFollowUpDraft) => api.post<FollowUpDetail>(`/api/follow-ups/${id}/confirm`, input));
