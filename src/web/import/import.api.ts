import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportField } from '../../core/registry/import/mapping.js';
import type {
  ImportCommitRequest,
  ImportPreview,
  ImportState,
  ImportStatus,
  ImportUpload,
} from '../../core/registry/import/import.schema.js';
import { api } from '../shared/api-client.js';

export type ColumnMapping = Record<string, ImportField | null>;

export function useUploadImport() {
  return useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file, file.name);
      return api.upload<ImportUpload>('/api/imports', body);
    },
  });
}

export function usePreviewImport(importId: string) {
  return useMutation({
    mutationFn: (mapping: ColumnMapping) => api.post<ImportPreview>(`/api/imports/${importId}/preview`, { mapping }),
  });
}

export function useCommitImport(importId: string) {
  return useMutation({
    mutationFn: (request: ImportCommitRequest) => api.post<{ id: string; status: ImportStatus }>(`/api/imports/${importId}/commit`, request),
  });
}

const isFinished = (state: ImportState | undefined) => state?.status === 'completed' || state?.status === 'failed';

/** The state of a running import, asked again every ¾ second until it has finished. */
export function useImportState(importId: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: ['imports', importId],
    queryFn: async () => {
      const state = await api.get<ImportState>(`/api/imports/${importId}`);
      if (isFinished(state)) void queryClient.invalidateQueries({ queryKey: ['cooperatives'] });
      return state;
    },
    enabled: importId !== null,
    refetchInterval: (query) => (isFinished(query.state.data) ? false : 750),
    staleTime: 0,
  });
}
