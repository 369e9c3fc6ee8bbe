import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { z } from 'zod';
import type { Locale, Principal } from '../../core/access/roles.js';
import type { sessionInfoSchema, User } from '../../core/access/user.schema.js';
import { api, isApiError, setCsrfToken, setRequestLanguage } from '../shared/api-client.js';
import { applyLocale } from '../shared/i18n.js';

type SessionInfo = z.infer<typeof sessionInfoSchema>;
export type SessionUser = User;

export const sessionQueryKey = ['session'] as const;

async function fetchSession(): Promise<SessionUser | null> {
  try {
    const session = await api.get<SessionInfo>('/api/auth/session');
    setCsrfToken(session.csrfToken);
    return session.user;
  } catch (error) {
    if (isApiError(error, 'unauthenticated')) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in person (null when signed out). Loaded once; sign-in, sign-out and a 401 update it. */
export function useSession() {
  return useQuery({ queryKey: sessionQueryKey, queryFn: fetchSession, staleTime: Number.POSITIVE_INFINITY, retry: 1 });
}

export function principalOf(user: SessionUser): Principal {
  return { userId: user.id, email: user.email, displayName: user.displayName, locale: user.locale, grants: user.grants };
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { email: string; password: string }) => api.post<SessionInfo>('/api/auth/sign-in', credentials),
    onSuccess: async (session) => {
      setCsrfToken(session.csrfToken);
      await applyLocale(session.user.locale);
      setRequestLanguage(session.user.locale);
      queryClient.setQueryData(sessionQueryKey, session.user);
    },
  });
}

/** Forgets everything cached for the previous person, then shows the sign-in page. */
export function signedOut(queryClient: QueryClient) {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== sessionQueryKey[0] });
  queryClient.setQueryData(sessionQueryKey, null);
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/api/auth/sign-out'),
    onSettled: () => signedOut(queryClient),
  });
}

/** Switches the language, and keeps the choice in the signed-in person's account. */
export function useChangeLocale() {
  const queryClient = useQueryClient();
  return useCallback(
    async (locale: Locale) => {
      await applyLocale(locale);
      setRequestLanguage(locale);
      const user = queryClient.getQueryData<SessionUser | null>(sessionQueryKey);
      if (user && user.locale !== locale) {
        queryClient.setQueryData(sessionQueryKey, { ...user, locale });
        try {
          await api.put<void>('/api/auth/preferences', { locale });
        } catch {
          // The page is already in the new language; the account keeps the old one until next time.
        }
      }
    },
    [queryClient],
  );
}
