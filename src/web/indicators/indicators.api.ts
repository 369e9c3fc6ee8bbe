import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IndicatorReport, IndicatorsQuery, Outcome, OutcomeInput, OutcomeList } from '../../core/indicators/indicators.schema.js';
import { api, type QueryValue } from '../shared/api-client.js';

/** A programme's indicators and the outcome figures entered per cooperative. */
export const indicatorKeys = {
  all: (programmeId: string) => ['indicators', programmeId] as const,
  report: (programmeId: string, query: IndicatorsQuery) => ['indicators', programmeId, 'report', query] as const,
  outcomes: (programmeId: string) => ['indicators', programmeId, 'outcomes'] as const,
};

export function useIndicators(programmeId: string, query: IndicatorsQuery) {
  return useQuery({
    queryKey: indicatorKeys.report(programmeId, query),
    queryFn: ({ signal }) => api.get<IndicatorReport>(`/api/programmes/${programmeId}/indicators`, query as Record<string, QueryValue>, signal),
    placeholderData: keepPreviousData,
  });
}

export function useOutcomes(programmeId: string) {
  return useQuery({
    queryKey: indicatorKeys.outcomes(programmeId),
    queryFn: ({ signal }) => api.get<OutcomeList>(`/api/programmes/${programmeId}/outcomes`, undefined, signal),
    // A funder reads the aggregates only: a refusal is an answer, not a failure to retry.
    retry: false,
  });
}

/** A figure entered or deleted changes the outcomes: both the list and the indicators are read again. */
function useInvalidate(programmeId: string) {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: indicatorKeys.all(programmeId) });
}

export function useAddOutcome(programmeId: string) {
  const invalidate = useInvalidate(programmeId);
  return useMutation({ mutationFn: (input: OutcomeInput) => api.post<Outcome>(`/api/programmes/${programmeId}/outcomes`, input), onSuccess: invalidate });
}

export function useRemoveOutcome(programmeId: string) {
  const invalidate = useInvalidate(programmeId);
  return useMutation({ mutationFn: (id: string) => api.delete<null>(`/api/programmes/${programmeId}/outcomes/${id}`), onSuccess: invalidate });
}
