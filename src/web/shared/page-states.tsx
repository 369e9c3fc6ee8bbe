import { Alert, Button, Center, EmptyState, Loader, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AlertIcon, InboxIcon } from './icons.js';
import { errorMessage } from './issue-messages.js';

export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" />
        <Text c="dimmed" size="sm">
          {label ?? t('ui.loading')}
        </Text>
      </Stack>
    </Center>
  );
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" title={t('ui.errorTitle')} icon={<AlertIcon />} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorMessage(t, error)}</Text>
        {onRetry ? (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('ui.retry')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

export function NothingHere({ title, description, children }: { title: string; description?: string; children?: React.ReactNode }) {
  return (
    <EmptyState py="xl" icon={<InboxIcon size={28} />} withIndicatorBackground title={title} description={description}>
      {children ? <EmptyState.Actions>{children}</EmptyState.Actions> : null}
    </EmptyState>
  );
}
