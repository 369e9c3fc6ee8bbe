import { Alert, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ImportState } from '../../core/registry/import/import.schema.js';
import { isolate } from '../shared/i18n.js';
import { CheckIcon } from '../shared/icons.js';
import { translateIssue } from '../shared/issue-messages.js';
import { ErrorState, LoadingState } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { useImportState } from './import.api.js';

const countKeys = ['created', 'merged', 'unchanged', 'skipped', 'invalid'] as const;

function Running({ state }: { state: ImportState }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { processed, total } = state.progress;
  const percent = total > 0 ? Math.round((processed / total) * 100) : 0;
  return (
    <Stack gap="sm">
      <Text fw={500}>{t('import.run.title', { fileName: isolate(state.fileName) })}</Text>
      <Progress
        value={total > 0 ? percent : 100}
        animated
        striped
        size="xl"
        aria-label={t('import.run.progressLabel')}
        aria-valuetext={t('import.run.progress', { processed: format.number(processed), total: format.number(total) })}
      />
      <Text size="sm" c="dimmed" aria-live="polite">
        {total > 0 ? t('import.run.progress', { processed: format.number(processed), total: format.number(total) }) : t('import.run.starting')}
      </Text>
    </Stack>
  );
}

function Summary({ state, onRestart }: { state: ImportState; onRestart: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const isFailed = state.status === 'failed';
  return (
    <Stack gap="md">
      {isFailed ? (
        <Alert color="red" variant="light" title={t('import.summary.failedTitle')} role="alert">
          {state.failure ? translateIssue(t, state.failure) : t('issues.import_failed')}
        </Alert>
      ) : (
        <Alert color="teal" variant="light" icon={<CheckIcon />} title={t('import.summary.doneTitle')} role="status">
          {t('import.summary.done', { fileName: isolate(state.fileName) })}
        </Alert>
      )}
      {state.summary ? (
        <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="sm">
          {countKeys.map((key) => (
            <Paper key={key} withBorder radius="md" p="sm">
              <Text size="xs" c="dimmed">
                {t(`import.summary.${key}`)}
              </Text>
              <Text fw={700} size="xl" data-testid={`import-${key}`}>
                {format.number(state.summary?.[key] ?? 0)}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      ) : null}
      <Group>
        <Button component={Link} to="/cooperatives">
          {t('import.summary.backToRegistry')}
        </Button>
        <Button variant="default" onClick={onRestart}>
          {t('import.summary.another')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Steps 4 and 5: the progress bar while the server works, then what it did. */
export function ImportResultStep({ importId, onRestart }: { importId: string; onRestart: () => void }) {
  const { t } = useTranslation();
  const state = useImportState(importId);
  if (state.isPending) return <LoadingState />;
  if (state.isError) return <ErrorState error={state.error} onRetry={() => void state.refetch()} />;
  const finished = state.data.status === 'completed' || state.data.status === 'failed';
  return (
    <Stack gap="md">
      <Title order={2} size="h4">
        {finished ? t('import.steps.summary') : t('import.steps.run')}
      </Title>
      {finished ? <Summary state={state.data} onRestart={onRestart} /> : <Running state={state.data} />}
    </Stack>
  );
}
