import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  Cooperative,
  CooperativeInput,
  cooperativeListQuerySchema,
  cooperativeListSchema,
  Member,
  MemberInput,
  membershipSummarySchema,
} from '../../core/registry/cooperative.schema.js';
import { api, toQueryString, type QueryValue } from '../shared/api-client.js';

export type CooperativeListQuery = Partial<z.infer<typeof cooperativeListQuerySchema>>;
export type CooperativeListPage = z.infer<typeof cooperativeListSchema>;
export type MembershipSummary = z.infer<typeof membershipSummarySchema>;
export interface MembersAnswer {
  members: Member[] | null;
  summary: MembershipSummary;
}
export const registryKeys = {
  all: ['cooperatives'] as const,
  list: (query: CooperativeListQuery) => ['cooperatives', 'list', query] as const,
  detail: (id: string) => ['cooperatives', 'detail', id] as const,
  members: (id: string) => ['cooperatives', 'members', id] as const,
};

export function useCooperativeList(query: CooperativeListQuery) {
  return useQuery({
    queryKey: registryKeys.list(query),
    queryFn: ({ signal }) => api.get<CooperativeListPage>('/api/cooperatives', query as Record<string, QueryValue>, signal),
    placeholderData: keepPreviousData,
  });
}

/** The export link carries the same filters as the list (without paging). */
export function exportHref(query: CooperativeListQuery, format: 'csv' | 'xlsx'): string {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return `/api/cooperatives/export${toQueryString({ ...(filters as Record<string, QueryValue>), format })}`;
}

export function useCooperative(id: string | undefined) {
  return useQuery({
    queryKey: registryKeys.detail(id ?? ''),
    queryFn: () => api.get<Cooperative>(`/api/cooperatives/${id}`),
    enabled: Boolean(id),
  });
}

export function useMembers(id: string) {
  return useQuery({ queryKey: registryKeys.members(id), queryFn: () => api.get<MembersAnswer>(`/api/cooperatives/${id}/members`) });
}

export function useSaveCooperative(id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, version }: { input: CooperativeInput; version?: number }) =>
      id
        ? api.put<Cooperative>(`/api/cooperatives/${id}`, input, version !== undefined ? { version } : undefined)
        : api.post<Cooperative>('/api/cooperatives', input),
    onSuccess: (saved) => {
      queryClient.setQueryData(registryKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: registryKeys.all });
    },
  });
}

export function useArchiveCooperative(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (archived: boolean) => api.post<Cooperative>(`/api/cooperatives/${id}/${archived ? 'archive' : 'restore'}`),
    onSuccess: (saved) => {
      queryClient.setQueryData(registryKeys.detail(id), saved);
      void queryClient.invalidateQueries({ queryKey: registryKeys.all });
    },
  });
}

export function useSaveMember(cooperativeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, input }: { memberId?: string; input: MemberInput }) =>
      memberId
        ? api.put<Member>(`/api/cooperatives/${cooperativeId}/members/${memberId}`, input)
        : api.post<Member>(`/api/cooperatives/${cooperativeId}/members`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registryKeys.members(cooperativeId) }),
  });
}

export function useDeleteMember(cooperativeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (memberId: string) => api.delete<void>(`/api/cooperatives/${cooperativeId}/members/${memberId}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: registryKeys.members(cooperativeId) }),
  });
}
