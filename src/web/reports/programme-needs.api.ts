import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Comparison, Constraints, Heatmap, HeatmapQueryInput } from '../../core/diagnostics/needs.schema.js';
import { api, type QueryValue } from '../shared/api-client.js';

/** A programme's needs: the heat map, the ranked constraints, baseline against endline. Labels come in the page's language. */
export const needsKeys = {
  all: (programmeId: string) => ['needs', programmeId] as const,
  heatmap: (programmeId: string, query: HeatmapQueryInput, locale: string) => ['needs', programmeId, 'heatmap', locale, query] as const,
  constraints: (programmeId: string, locale: string) => ['needs', programmeId, 'constraints', locale] as const,
  comparison: (programmeId: string, locale: string) => ['needs', programmeId, 'comparison', locale] as const,
};

export function useHeatmap(programmeId: string, query: HeatmapQueryInput) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: needsKeys.heatmap(programmeId, query, i18n.language),
    queryFn: ({ signal }) => api.get<Heatmap>(`/api/programmes/${programmeId}/needs/heatmap`, { ...(query as Record<string, QueryValue>), locale: i18n.language }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useConstraints(programmeId: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: needsKeys.constraints(programmeId, i18n.language),
    queryFn: ({ signal }) => api.get<Constraints>(`/api/programmes/${programmeId}/needs/constraints`, { locale: i18n.language }, signal),
  });
}

export function useComparison(programmeId: string) {
  const { i18n } = useTranslation();
  return useQuery({
    queryKey: needsKeys.comparison(programmeId, i18n.language),
    queryFn: ({ signal }) => api.get<Comparison>(`/api/programmes/${programmeId}/needs/comparison`, { locale: i18n.language }, signal),
  });
}
