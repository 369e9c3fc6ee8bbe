import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CommentInput,
  DiagnosticComment,
  DiagnosticDetail,
  DiagnosticSummary,
  SaveAnswersInput,
  SaveAnswersResult,
} from '../../core/diagnostics/diagnostic-api.schema.js';
import { api } from '../shared/api-client.js';

export const diagnosticKeys = {
  all: ['diagnostics'] as const,
  detail: (id: string) => ['diagnostics', 'detail', id] as const,
};

export function useDiagnostic(id: string) {
  return useQuery({
    queryKey: diagnosticKeys.detail(id),
    queryFn: () => api.get<DiagnosticDetail>(`/api/diagnostics/${id}`),
    // The page keeps its own draft of the answers; a background refetch must not overwrite what is being typed.
    refetchOnWindowFocus: false,
  });
}

export function saveAnswers(id: string, input: SaveAnswersInput) {
  return api.put<SaveAnswersResult>(`/api/diagnostics/${id}/answers`, input);
}

export function useAddComment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CommentInput) => api.post<DiagnosticComment>(`/api/diagnostics/${id}/comments`, input),
    onSuccess: (comment) =>
      queryClient.setQueryData<DiagnosticDetail>(diagnosticKeys.detail(id), (detail) => (detail ? { ...detail, comments: [...detail.comments, comment] } : detail)),
  });
}

/** Submit, validate or send back: the answer is the new summary; the page reloads the whole diagnostic. */
export function useDiagnosticAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, comment }: { action: 'submit' | 'validate' | 'return'; comment?: string }) =>
      api.post<DiagnosticSummary>(`/api/diagnostics/${id}/${action}`, action === 'return' ? { comment } : undefined),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: diagnosticKeys.detail(id) });
      void queryClient.invalidateQueries({ queryKey: ['programmes'] });
    },
  });
}
