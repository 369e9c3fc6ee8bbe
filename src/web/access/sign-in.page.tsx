import { Alert, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router-dom';
import { signInSchema } from '../../core/access/user.schema.js';
import { isApiError } from '../shared/api-client.js';
import { AlertIcon } from '../shared/icons.js';
import { errorMessage, translateIssue } from '../shared/issue-messages.js';
import { LoadingState } from '../shared/page-states.js';
import { AppFooter } from '../shell/app-footer.component.js';
import { LanguageSwitcher } from '../shell/language-switcher.component.js';
import { useSession, useSignIn } from './session.api.js';

/** Only paths inside the app are followed after signing in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/cooperatives';
}

export function SignInPage() {
  const { t } = useTranslation();
  const [searchParams] = useSearchParams();
  const session = useSession();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<{ email?: string; password?: string }>({});

  if (session.isPending) return <LoadingState />;
  if (session.data) return <Navigate to={safeNext(searchParams.get('next'))} replace />;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = signInSchema.safeParse({ email, password });
    if (!parsed.success) {
      const errors: { email?: string; password?: string } = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as 'email' | 'password';
        const params = issue as unknown as { format?: string; minimum?: number; origin?: string };
        errors[field] ??= translateIssue(t, { key: issue.code, params: { format: params.format, minimum: params.minimum, origin: params.origin } });
      }
      setFieldErrors(errors);
      return;
    }
    setFieldErrors({});
    signIn.mutate(parsed.data);
  };

  const serverError = signIn.error;
  return (
    <div className="sign-in-screen">
      <Group justify="flex-end" p="md">
        <LanguageSwitcher size="sm" />
      </Group>
      <Center px="md" className="sign-in-center">
        <Paper withBorder shadow="sm" radius="md" p="xl" w="100%" maw={420}>
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <div>
                <Title order={1} size="h2" c="teal.8">
                  Taawon <span className="brand-separator">/</span> <span lang="ar">تعاون</span>
                </Title>
                <Text c="dimmed" size="sm">
                  {t('app.tagline')}
                </Text>
              </div>
              <Title order={2} size="h4">
                {t('auth.title')}
              </Title>
              {serverError ? (
                <Alert color="red" variant="light" icon={<AlertIcon />} role="alert">
                  {isApiError(serverError, 'validation') ? t('errors.invalid_credentials') : errorMessage(t, serverError)}
                </Alert>
              ) : null}
              <TextInput
                label={t('auth.email')}
                type="email"
                autoComplete="username"
                inputMode="email"
                dir="ltr"
                value={email}
                onChange={(event) => setEmail(event.currentTarget.value)}
                error={fieldErrors.email}
              />
              <PasswordInput
                label={t('auth.password')}
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
                error={fieldErrors.password}
                visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
              />
              <Button type="submit" loading={signIn.isPending} fullWidth>
                {t('auth.submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
      <div className="sign-in-footer">
        <AppFooter />
      </div>
    </div>
  );
}
