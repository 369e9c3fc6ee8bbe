import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PlanConstraintsValue, PlanUpdate, PlanVersion, TrainingPlanView } from '../../core/training/plan.schema.js';
import { api } from '../shared/api-client.js';

export const planKeys = {
  versions: (programmeId: string) => ['training-plans', 'versions', programmeId] as const,
  detail: (planId: string) => ['training-plans', 'detail', planId] as const,
};

export function usePlanVersions(programmeId: string) {
  return useQuery({ queryKey: planKeys.versions(programmeId), queryFn: ({ signal }) => api.get<PlanVersion[]>(`/api/programmes/${programmeId}/plans`, undefined, signal) });
}

export function usePlan(planId: string | undefined) {
  return useQuery({ queryKey: planKeys.detail(planId ?? ''), queryFn: () => api.get<TrainingPlanView>(`/api/plans/${planId}`), enabled: Boolean(planId) });
}

export function useGeneratePlan(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (constraints: PlanConstraintsValue) => api.post<TrainingPlanView>(`/api/programmes/${programmeId}/plans`, { constraints }),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.detail(plan.id), plan);
      void queryClient.invalidateQueries({ queryKey: planKeys.versions(programmeId) });
    },
  });
}

export function useApprovePlan(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (planId: string) => api.post<TrainingPlanView>(`/api/plans/${planId}/approve`),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.detail(plan.id), plan);
      void queryClient.invalidateQueries({ queryKey: ['training-plans', 'detail'] });
      void queryClient.invalidateQueries({ queryKey: planKeys.versions(programmeId) });
    },
  });
}

/** Saves a batch of edits to a draft, from the revision it was made on. */
export function useUpdatePlan(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ planId, ...update }: PlanUpdate & { planId: string }) => api.put<TrainingPlanView>(`/api/plans/${planId}`, update),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.detail(plan.id), plan);
      void queryClient.invalidateQueries({ queryKey: planKeys.versions(programmeId) });
    },
  });
}

/** Copies a version into a new draft, to edit it. */
export function useCopyPlan(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (planId: string) => api.post<TrainingPlanView>(`/api/plans/${planId}/copy`),
    onSuccess: (plan) => {
      queryClient.setQueryData(planKeys.detail(plan.id), plan);
      void queryClient.invalidateQueries({ queryKey: planKeys.versions(programmeId) });
    },
  });
}
