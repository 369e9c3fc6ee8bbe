import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanSessionsResult, PlanTrainerView, Unavailability, UnavailabilityInput } from '../../core/training/plan.schema.js';
import { api } from '../shared/api-client.js';
import { sessionKeys } from '../sessions/sessions.api.js';
import { planKeys } from './plan.api.js';

export const trainerKeys = { list: (programmeId: string) => ['training-plans', 'trainers', programmeId] as const };

export function useTrainers(programmeId: string) {
  return useQuery({ queryKey: trainerKeys.list(programmeId), queryFn: ({ signal }) => api.get<PlanTrainerView[]>(`/api/programmes/${programmeId}/trainers`, undefined, signal) });
}

/** Both change what the plan's clashes are: the plan is read again. */
function useInvalidateTrainers(programmeId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: trainerKeys.list(programmeId) });
    void queryClient.invalidateQueries({ queryKey: ['training-plans', 'detail'] });
  };
}

export function useAddUnavailability(programmeId: string) {
  const invalidate = useInvalidateTrainers(programmeId);
  return useMutation({
    mutationFn: ({ userId, input }: { userId: string; input: UnavailabilityInput }) => api.post<Unavailability>(`/api/programmes/${programmeId}/trainers/${userId}/unavailability`, input),
    onSuccess: invalidate,
  });
}

export function useRemoveUnavailability(programmeId: string) {
  const invalidate = useInvalidateTrainers(programmeId);
  return useMutation({
    mutationFn: ({ userId, id }: { userId: string; id: string }) => api.delete<null>(`/api/programmes/${programmeId}/trainers/${userId}/unavailability/${id}`),
    onSuccess: invalidate,
  });
}

export function useCreatePlanSessions(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<PlanSessionsResult>(`/api/plans/${planId}/sessions`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: planKeys.detail(planId) });
      void queryClient.invalidateQueries({ queryKey: sessionKeys.all });
    },
  });
}
