import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AcceptPlanInput,
  ActionCreate,
  ActionPlanList,
  ActionPlanView,
  ActionUpdate,
  CooperativeActionPlan,
  IndicatorInput,
  IndicatorUpdate,
  MeasurementInput,
} from '../../core/action-plans/action-plan.schema.js';
import { api } from '../shared/api-client.js';

export const actionPlanKeys = {
  all: ['action-plans'] as const,
  list: (programmeId: string) => ['action-plans', 'list', programmeId] as const,
  detail: (planId: string) => ['action-plans', 'detail', planId] as const,
  ofCooperative: (cooperativeId: string) => ['action-plans', 'cooperative', cooperativeId] as const,
};

export function useActionPlanList(programmeId: string) {
  return useQuery({ queryKey: actionPlanKeys.list(programmeId), queryFn: ({ signal }) => api.get<ActionPlanList>(`/api/programmes/${programmeId}/action-plans`, undefined, signal) });
}

export function useActionPlan(planId: string) {
  return useQuery({ queryKey: actionPlanKeys.detail(planId), queryFn: ({ signal }) => api.get<ActionPlanView>(`/api/action-plans/${planId}`, undefined, signal), enabled: Boolean(planId) });
}

export function useCooperativeActionPlans(cooperativeId: string) {
  return useQuery({ queryKey: actionPlanKeys.ofCooperative(cooperativeId), queryFn: ({ signal }) => api.get<CooperativeActionPlan[]>(`/api/cooperatives/${cooperativeId}/action-plans`, undefined, signal) });
}

/** Every write answers the whole plan: it replaces the one shown, and the lists are refreshed. */
function usePlanWrite<Variables>(planId: string, send: (variables: Variables) => Promise<ActionPlanView | void>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (plan) => {
      if (plan) queryClient.setQueryData(actionPlanKeys.detail(planId), plan);
      else void queryClient.invalidateQueries({ queryKey: actionPlanKeys.detail(planId) });
      void queryClient.invalidateQueries({ queryKey: ['action-plans', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['action-plans', 'cooperative'] });
    },
  });
}

export function useDraftPlan(programmeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ cooperativeId, locale }: { cooperativeId: string; locale?: 'fr' | 'ar' | 'en' }) =>
      api.post<ActionPlanView>(`/api/programmes/${programmeId}/cooperatives/${cooperativeId}/action-plan`, locale ? { locale } : {}),
    onSuccess: (plan) => {
      queryClient.setQueryData(actionPlanKeys.detail(plan.id), plan);
      void queryClient.invalidateQueries({ queryKey: actionPlanKeys.list(programmeId) });
    },
  });
}

export const useAddAction = (planId: string) => usePlanWrite(planId, (input: ActionCreate) => api.post<ActionPlanView>(`/api/action-plans/${planId}/actions`, input));
export const useUpdateAction = (planId: string) =>
  usePlanWrite(planId, ({ actionId, ...update }: ActionUpdate & { actionId: string }) => api.patch<ActionPlanView>(`/api/action-plans/${planId}/actions/${actionId}`, update));
export const useRemoveAction = (planId: string) => usePlanWrite(planId, (actionId: string) => api.delete<void>(`/api/action-plans/${planId}/actions/${actionId}`));

export const useAddIndicator = (planId: string) =>
  usePlanWrite(planId, ({ actionId, ...input }: IndicatorInput & { actionId: string }) => api.post<ActionPlanView>(`/api/action-plans/${planId}/actions/${actionId}/indicators`, input));
export const useUpdateIndicator = (planId: string) =>
  usePlanWrite(planId, ({ actionId, indicatorId, ...input }: IndicatorUpdate & { actionId: string; indicatorId: string }) =>
    api.patch<ActionPlanView>(`/api/action-plans/${planId}/actions/${actionId}/indicators/${indicatorId}`, input),
  );
export const useRemoveIndicator = (planId: string) =>
  usePlanWrite(planId, ({ actionId, indicatorId }: { actionId: string; indicatorId: string }) => api.delete<void>(`/api/action-plans/${planId}/actions/${actionId}/indicators/${indicatorId}`));

export const useAddMeasurement = (planId: string) =>
  usePlanWrite(planId, ({ actionId, indicatorId, ...input }: MeasurementInput & { actionId: string; indicatorId: string }) =>
    api.post<ActionPlanView>(`/api/action-plans/${planId}/actions/${actionId}/indicators/${indicatorId}/measurements`, input),
  );
export const useRemoveMeasurement = (planId: string) =>
  usePlanWrite(planId, ({ actionId, indicatorId, measurementId }: { actionId: string; indicatorId: string; measurementId: string }) =>
    api.delete<void>(`/api/action-plans/${planId}/actions/${actionId}/indicators/${indicatorId}/measurements/${measurementId}`),
  );

export const useAcceptPlan = (planId: string) => usePlanWrite(planId, (input: Partial<AcceptPlanInput> & { revision: number }) => api.post<ActionPlanView>(`/api/action-plans/${planId}/accept`, input));
export const useReopenPlan = (planId: string) => usePlanWrite(planId, (revision: number) => api.post<ActionPlanView>(`/api/action-plans/${planId}/reopen`, { revision }));

export function useDeletePlan(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<void>(`/api/action-plans/${planId}`),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: actionPlanKeys.detail(planId) });
      void queryClient.invalidateQueries({ queryKey: ['action-plans'] });
    },
  });
}
