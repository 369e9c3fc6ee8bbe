import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { defaultFrameworkDefinition } from '../../core/diagnostics/default-framework.js';
import type { LocalizedText } from '../../core/diagnostics/framework.schema.js';
import type { ModuleCreate, ModuleListItem, ModuleListQuery } from '../../core/training/catalogue.schema.js';
import type { TrainingModule, TrainingModuleDefinition } from '../../core/training/module.schema.js';
import { api, type QueryValue } from '../shared/api-client.js';

export const catalogueKeys = {
  all: ['training-modules'] as const,
  list: (query: Partial<ModuleListQuery>) => ['training-modules', 'list', query] as const,
  detail: (id: string) => ['training-modules', 'detail', id] as const,
};

export function useModuleList(query: Partial<ModuleListQuery>) {
  return useQuery({
    queryKey: catalogueKeys.list(query),
    queryFn: ({ signal }) => api.get<ModuleListItem[]>('/api/training/modules', query as Record<string, QueryValue>, signal),
  });
}

export function useModule(id: string | undefined) {
  return useQuery({ queryKey: catalogueKeys.detail(id ?? ''), queryFn: () => api.get<TrainingModule>(`/api/training/modules/${id}`), enabled: Boolean(id) });
}

export function useSaveModule(id?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { code: string; definition: TrainingModuleDefinition; version?: number }) =>
      id
        ? api.put<TrainingModule>(`/api/training/modules/${id}`, { definition: input.definition }, input.version !== undefined ? { version: input.version } : undefined)
        : api.post<TrainingModule>('/api/training/modules', { code: input.code, definition: input.definition } satisfies ModuleCreate),
    onSuccess: (saved) => {
      queryClient.setQueryData(catalogueKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['training-modules', 'list'] });
    },
  });
}

export function useArchiveModule(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (archived: boolean) => api.post<TrainingModule>(`/api/training/modules/${id}/${archived ? 'archive' : 'restore'}`),
    onSuccess: (saved) => {
      queryClient.setQueryData(catalogueKeys.detail(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: ['training-modules', 'list'] });
    },
  });
}

/** Reads a localized text in the reader's language, French when missing. */
export function localized(text: LocalizedText | undefined, language: string): string {
  if (!text) return '';
  return (text as Record<string, string>)[language] || text.fr;
}

/** The default framework's domains and questions, for labels and the needs picker. */
export const frameworkDomains = defaultFrameworkDefinition.domains;
export const domainLabel = (key: string, language: string) => localized(frameworkDomains.find((domain) => domain.key === key)?.label, language) || key;
const questions = new Map(frameworkDomains.flatMap((domain) => domain.questions.map((question) => [question.key, question] as const)));
export const needLabel = (key: string, language: string) => localized(questions.get(key)?.text, language) || key;
