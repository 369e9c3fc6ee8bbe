import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { grantCreateSchema, User, userCreateSchema, userUpdateSchema } from '../../core/access/user.schema.js';
import { api } from '../shared/api-client.js';

export const userKeys = {
  all: ['users'] as const,
  detail: (id: string) => ['users', id] as const,
};

export function useUsers() {
  return useQuery({ queryKey: userKeys.all, queryFn: () => api.get<User[]>('/api/users') });
}

export function useUser(userId: string) {
  return useQuery({ queryKey: userKeys.detail(userId), queryFn: () => api.get<User>(`/api/users/${userId}`) });
}

function useUserMutation<Variables>(mutationFn: (variables: Variables) => Promise<User | void>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: (user) => {
      if (user) queryClient.setQueryData(userKeys.detail(user.id), user);
      void queryClient.invalidateQueries({ queryKey: userKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['audit', 'user'] });
    },
  });
}

export function useCreateUser() {
  return useUserMutation((input: z.input<typeof userCreateSchema>) => api.post<User>('/api/users', input));
}

export function useUpdateUser(userId: string) {
  return useUserMutation((input: z.input<typeof userUpdateSchema>) => api.patch<User>(`/api/users/${userId}`, input));
}

export function useResetPassword(userId: string) {
  return useUserMutation((password: string) => api.post<void>(`/api/users/${userId}/password`, { password }));
}

export function useGrantRole(userId: string) {
  return useUserMutation((grant: z.input<typeof grantCreateSchema>) => api.post<User>(`/api/users/${userId}/grants`, grant));
}

export function useRevokeRole(userId: string) {
  return useUserMutation((grantId: string) => api.delete<User>(`/api/users/${userId}/grants/${grantId}`));
}
