import { Center } from '@mantine/core';
import { Navigate, useLocation } from 'react-router-dom';
import { ErrorState, LoadingState } from '../shared/page-states.js';
import { AppShellLayout } from '../shell/app-shell.layout.js';
import { useSession } from './session.api.js';

/** Signed-in pages: the shell around them, or the sign-in page with a way back here. */
export function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (session.isPending) return <LoadingState />;
  if (session.isError)
    return (
      <Center p="xl">
        <ErrorState error={session.error} onRetry={() => void session.refetch()} />
      </Center>
    );
  if (!session.data) {
    const next = `${location.pathname}${location.search}`;
    const search = next !== '/' && next !== '/cooperatives' ? `?next=${encodeURIComponent(next)}` : '';
    return <Navigate to={`/sign-in${search}`} replace />;
  }
  return <AppShellLayout user={session.data} />;
}
