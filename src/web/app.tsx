import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import 'dayjs/locale/ar-ma';
import 'dayjs/locale/fr';
import { lazy, useEffect, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, Outlet, RouterProvider, useRouteError } from 'react-router-dom';
import { RequireSession } from './access/require-session.js';
import { signedOut } from './access/session.api.js';
import { SignInPage } from './access/sign-in.page.js';
import { isApiError, setRequestLanguage, setUnauthenticatedHandler } from './shared/api-client.js';
import { asLocale, currentLocale, directionOf, i18n } from './shared/i18n.js';
import { ErrorState } from './shared/page-states.js';
import { NotFoundPage } from './shell/status.pages.js';
import { theme } from './shell/theme.js';

const CooperativeListPage = lazy(() => import('./registry/cooperative-list.page.js'));
const CooperativeDetailPage = lazy(() => import('./registry/cooperative-detail.page.js'));
const CooperativeFormPage = lazy(() => import('./registry/cooperative-form.page.js'));
const ImportWizardPage = lazy(() => import('./import/import-wizard.page.js'));
const UserListPage = lazy(() => import('./admin/user-list.page.js'));
const UserDetailPage = lazy(() => import('./admin/user-detail.page.js'));
const ProgrammeListPage = lazy(() => import('./programmes/programme-list.page.js'));
const ProgrammeFormPage = lazy(() => import('./programmes/programme-form.page.js'));
const ProgrammeDetailPage = lazy(() => import('./programmes/programme-detail.page.js'));
const EnrolmentPage = lazy(() => import('./programmes/enrolment.page.js'));
const OrganisationListPage = lazy(() => import('./organisations/organisation-list.page.js'));
const FrameworkListPage = lazy(() => import('./frameworks/framework-list.page.js'));
const FrameworkEditorPage = lazy(() => import('./frameworks/framework-editor.page.js'));
const DiagnosticFillPage = lazy(() => import('./diagnostics/diagnostic-fill.page.js'));
const DiagnosticReportPage = lazy(() => import('./reports/diagnostic-report.page.js'));
const ProgrammeNeedsPage = lazy(() => import('./reports/programme-needs.page.js'));
const TrainingPlanPage = lazy(() => import('./training/plan.page.js'));
const ModuleListPage = lazy(() => import('./training/module-list.page.js'));
const ModuleDetailPage = lazy(() => import('./training/module-detail.page.js'));
const SessionCalendarPage = lazy(() => import('./sessions/session-calendar.page.js'));
const SessionDetailPage = lazy(() => import('./sessions/session-detail.page.js'));
const SessionNewPage = lazy(() => import('./sessions/session-new.page.js'));
const ActionPlanListPage = lazy(() => import('./action-plans/action-plan-list.page.js'));
const ActionPlanPage = lazy(() => import('./action-plans/action-plan.page.js'));
const FollowUpsPage = lazy(() => import('./follow-up/follow-ups.page.js'));
const FollowUpFormPage = lazy(() => import('./follow-up/follow-up-form.page.js'));
const FollowUpPage = lazy(() => import('./follow-up/follow-up.page.js'));
const OutboxPage = lazy(() => import('./reminders/outbox.page.js'));
const FinancingPage = lazy(() => import('./financing/financing.page.js'));
const IndicatorsPage = lazy(() => import('./indicators/indicators.page.js'));

function RouteError() {
  const error = useRouteError();
  return (
    <div className="page">
      <ErrorState error={error} onRetry={() => window.location.reload()} />
    </div>
  );
}

const router = createBrowserRouter([
  {
    element: <Outlet />,
    errorElement: <RouteError />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      {
        element: <RequireSession />,
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Navigate to="/cooperatives" replace /> },
          { path: 'cooperatives', element: <CooperativeListPage /> },
          { path: 'cooperatives/new', element: <CooperativeFormPage /> },
          { path: 'cooperatives/import', element: <ImportWizardPage /> },
          { path: 'cooperatives/:cooperativeId', element: <CooperativeDetailPage /> },
          { path: 'cooperatives/:cooperativeId/edit', element: <CooperativeFormPage /> },
          { path: 'programmes', element: <ProgrammeListPage /> },
          { path: 'programmes/new', element: <ProgrammeFormPage /> },
          { path: 'programmes/:programmeId', element: <ProgrammeDetailPage /> },
          { path: 'programmes/:programmeId/edit', element: <ProgrammeFormPage /> },
          { path: 'programmes/:programmeId/enrolment', element: <EnrolmentPage /> },
          { path: 'programmes/:programmeId/needs', element: <ProgrammeNeedsPage /> },
          { path: 'programmes/:programmeId/plan', element: <TrainingPlanPage /> },
          { path: 'organisations', element: <OrganisationListPage /> },
          { path: 'frameworks', element: <FrameworkListPage /> },
          { path: 'frameworks/:frameworkId', element: <FrameworkEditorPage /> },
          { path: 'diagnostics/:diagnosticId', element: <DiagnosticFillPage /> },
          { path: 'diagnostics/:diagnosticId/report', element: <DiagnosticReportPage /> },
          { path: 'training/modules', element: <ModuleListPage /> },
          { path: 'training/modules/:moduleId', element: <ModuleDetailPage /> },
          { path: 'sessions', element: <SessionCalendarPage /> },
          { path: 'sessions/new', element: <SessionNewPage /> },
          { path: 'sessions/:sessionId', element: <SessionDetailPage /> },
          { path: 'programmes/:programmeId/action-plans', element: <ActionPlanListPage /> },
          { path: 'action-plans/:actionPlanId', element: <ActionPlanPage /> },
          { path: 'follow-ups', element: <FollowUpsPage /> },
          { path: 'follow-ups/new', element: <FollowUpFormPage /> },
          { path: 'follow-ups/:followUpId', element: <FollowUpPage /> },
          { path: 'admin/outbox', element: <OutboxPage /> },
          { path: 'programmes/:programmeId/financing', element: <FinancingPage /> },
          { path: 'programmes/:programmeId/indicators', element: <IndicatorsPage /> },
          { path: 'admin/users', element: <UserListPage /> },
          { path: 'admin/users/:userId', element: <UserDetailPage /> },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]);

/** Keeps Mantine's direction, the dates' language and the API's Accept-Language on the chosen language. */
function LocaleSync({ children }: { children: React.ReactNode }) {
  const { i18n: instance } = useTranslation();
  const { setDirection } = useDirection();
  const locale = asLocale(instance.language);
  useEffect(() => {
    setDirection(directionOf(locale));
    setRequestLanguage(locale);
    document.documentElement.lang = locale;
    document.documentElement.dir = directionOf(locale);
  }, [locale, setDirection]);
  return (
    <DatesProvider settings={{ locale: locale === 'ar' ? 'ar-ma' : locale, firstDayOfWeek: 1, weekendDays: [0, 6] }}>{children}</DatesProvider>
  );
}

function makeQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error) => {
        if (isApiError(error, 'unauthenticated')) signedOut(client);
      },
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) => !isApiError(error, 'unauthenticated', 'forbidden', 'not_found', 'validation') && count < 2,
      },
    },
  });
  setUnauthenticatedHandler(() => signedOut(client));
  return client;
}

export function App() {
  const [queryClient] = useState(makeQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <DirectionProvider initialDirection={directionOf(currentLocale())} detectDirection={false}>
          <MantineProvider theme={theme} defaultColorScheme="light">
            <LocaleSync>
              <RouterProvider router={router} />
            </LocaleSync>
          </MantineProvider>
        </DirectionProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
