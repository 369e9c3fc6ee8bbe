import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FrameworkEdit, FrameworkListItem } from '../../core/diagnostics/framework-edit.schema.js';
import type { Framework } from '../../core/diagnostics/framework.schema.js';
import { api } from '../shared/api-client.js';

export const frameworkKeys = {
  all: ['frameworks'] as const,
  list: ['frameworks', 'list'] as const,
  detail: (id: string) => ['frameworks', 'detail', id] as const,
};

export function useFrameworks(enabled = true) {
  return useQuery({ queryKey: frameworkKeys.list, queryFn: ({ signal }) => api.get<FrameworkListItem[]>('/api/frameworks', undefined, signal), enabled });
}

export function useFramework(id: string | undefined) {
  return useQuery({
    queryKey: frameworkKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api.get<Framework>(`/api/frameworks/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

function useFrameworkMutation<Variables>(send: (variables: Variables) => Promise<Framework>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (saved) => {
      queryClient.setQueryData(frameworkKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: frameworkKeys.all });
    },
  });
}

export function useCopyFramework() {
  return useFrameworkMutation((id: string) => api.post<Framework>(`/api/frameworks/${id}/copy`));
}

export function useMakeDefaultFramework() {
  return useFrameworkMutation((id: string) => api.post<Framework>(`/api/frameworks/${id}/default`));
}

/** Saves an edit; when the version was frozen, the answer is the new version (another id). */
export function useSaveFramework(id: string) {
  return useFrameworkMutation(({ input, updatedAt }: { input: FrameworkEdit; updatedAt: string }) => api.put<Framework>(`/api/frameworks/${id}`, input, { updatedAt }));
}
