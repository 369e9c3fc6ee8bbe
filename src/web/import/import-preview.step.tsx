import { Alert, Anchor, Button, Group, Pagination, Paper, Radio, SegmentedControl, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { ImportDuplicate, ImportMode, ImportPreview } from '../../core/registry/import/import.schema.js';
import { errorMessage, translateIssue } from '../shared/issue-messages.js';
import { useFormat } from '../shared/use-format.js';

export type DuplicateChoice = 'skip' | 'merge';

export interface CommitChoices {
  mode: ImportMode;
  duplicateAction: DuplicateChoice;
  duplicateActions: Record<string, DuplicateChoice>;
}

const pageSize = 25;

function usePaged<T>(items: readonly T[]) {
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(items.length / pageSize));
  const current = Math.min(page, pages);
  return { rows: items.slice((current - 1) * pageSize, current * pageSize), page: current, pages, setPage };
}

function Count({ label, value, color }: { label: string; value: number; color?: string }) {
  const format = useFormat();
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" c={color}>
        {format.number(value)}
      </Text>
    </Paper>
  );
}

function ErrorTable({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const paged = usePaged(preview.errors);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('import.preview.errorsTitle', { count: preview.invalidCount })}
      </Title>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={6} fz="sm" striped aria-label={t('import.preview.errorsTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.preview.line')}</Table.Th>
                <Table.Th>{t('import.preview.column')}</Table.Th>
                <Table.Th>{t('import.preview.reason')}</Table.Th>
                <Table.Th>{t('import.preview.value')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {paged.rows.map((error, index) => (
                <Table.Tr key={`${error.line}-${error.column ?? error.field ?? ''}-${index}`}>
                  <Table.Td>{format.number(error.line)}</Table.Td>
                  <Table.Td>
                    <bdi>{error.column ?? (error.field ? t(`fields.${error.field}`) : '—')}</bdi>
                  </Table.Td>
                  <Table.Td>{translateIssue(t, error)}</Table.Td>
                  <Table.Td>
                    <bdi>{typeof error.params?.value === 'string' && error.params.value !== '' ? error.params.value : '—'}</bdi>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {paged.pages > 1 ? <Pagination size="sm" total={paged.pages} value={paged.page} onChange={paged.setPage} /> : null}
      {preview.errors.length < preview.invalidCount ? (
        <Text size="xs" c="dimmed">
          {t('import.preview.errorsTruncated', { count: preview.errors.length })}
        </Text>
      ) : null}
    </Stack>
  );
}

function DuplicateTarget({ duplicate }: { duplicate: ImportDuplicate }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (duplicate.kind === 'registry' && duplicate.matchedId) {
    return (
      <Anchor component={Link} to={`/cooperatives/${duplicate.matchedId}`} target="_blank" size="sm" dir="auto">
        {duplicate.matchedName}
      </Anchor>
    );
  }
  return (
    <Text size="sm" span>
      {t('import.preview.fileLine', { line: format.number(duplicate.matchedLine ?? 0) })} — <bdi>{duplicate.matchedName}</bdi>
    </Text>
  );
}

function DuplicateTable({
  preview,
  choices,
  onChange,
}: {
  preview: ImportPreview;
  choices: CommitChoices;
  onChange: (choices: CommitChoices) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const paged = usePaged(preview.duplicates);
  const actionData = [
    { value: 'skip', label: t('import.preview.actions.skip') },
    { value: 'merge', label: t('import.preview.actions.merge') },
  ];
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end">
        <Title order={3} size="h5">
          {t('import.preview.duplicatesTitle', { count: preview.duplicateCount })}
        </Title>
        <Stack gap={2}>
          <Text size="xs" fw={500} id="duplicate-default-label">
            {t('import.preview.defaultAction')}
          </Text>
          <SegmentedControl
            size="xs"
            aria-labelledby="duplicate-default-label"
            data={actionData}
            value={choices.duplicateAction}
            onChange={(value) => onChange({ ...choices, duplicateAction: value as DuplicateChoice, duplicateActions: {} })}
          />
        </Stack>
      </Group>
      <Text size="xs" c="dimmed">
        {t('import.preview.mergeHelp')}
      </Text>
      <Paper withBorder radius="md">
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6} fz="sm" striped aria-label={t('import.preview.duplicatesTable')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.preview.line')}</Table.Th>
                <Table.Th>{t('import.preview.matchedWith')}</Table.Th>
                <Table.Th>{t('import.preview.matchedBy')}</Table.Th>
                <Table.Th>{t('import.preview.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {paged.rows.map((duplicate) => (
                <Table.Tr key={duplicate.line}>
                  <Table.Td>{format.number(duplicate.line)}</Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed">
                      {t(`import.preview.kinds.${duplicate.kind}`)}
                    </Text>
                    <DuplicateTarget duplicate={duplicate} />
                  </Table.Td>
                  <Table.Td>{t(`import.preview.matchedByValues.${duplicate.matchedBy}`)}</Table.Td>
                  <Table.Td>
                    <SegmentedControl
                      size="xs"
                      aria-label={t('import.preview.actionForLine', { line: duplicate.line })}
                      data={actionData}
                      value={choices.duplicateActions[String(duplicate.line)] ?? choices.duplicateAction}
                      onChange={(value) =>
                        onChange({ ...choices, duplicateActions: { ...choices.duplicateActions, [String(duplicate.line)]: value as DuplicateChoice } })
                      }
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      {paged.pages > 1 ? <Pagination size="sm" total={paged.pages} value={paged.page} onChange={paged.setPage} /> : null}
    </Stack>
  );
}

interface Props {
  preview: ImportPreview;
  choices: CommitChoices;
  onChange: (choices: CommitChoices) => void;
  onBack: () => void;
  onRun: () => void;
  pending: boolean;
  error: unknown;
}

/** Step 3: what the file would do, and the choices before running it. */
export function ImportPreviewStep({ preview, choices, onChange, onBack, onRun, pending, error }: Props) {
  const { t } = useTranslation();
  const isBlocked = choices.mode === 'all_or_nothing' && preview.invalidCount > 0;
  const nothingToImport = preview.validCount === 0;
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Count label={t('import.preview.rows')} value={preview.rowCount} />
        <Count label={t('import.preview.valid')} value={preview.validCount} color="teal.8" />
        <Count label={t('import.preview.invalid')} value={preview.invalidCount} color={preview.invalidCount > 0 ? 'red.8' : undefined} />
        <Count label={t('import.preview.duplicates')} value={preview.duplicateCount} color={preview.duplicateCount > 0 ? 'orange.8' : undefined} />
      </SimpleGrid>

      {preview.errors.length > 0 ? (
        <ErrorTable preview={preview} />
      ) : (
        <Alert color="teal" variant="light">
          {t('import.preview.noErrors')}
        </Alert>
      )}
      {preview.duplicates.length > 0 ? <DuplicateTable preview={preview} choices={choices} onChange={onChange} /> : null}

      <Radio.Group
        label={t('import.preview.mode')}
        value={choices.mode}
        onChange={(mode) => onChange({ ...choices, mode: mode as ImportMode })}
      >
        <Stack gap="xs" mt="xs">
          <Radio value="valid_rows" label={t('import.preview.modes.valid_rows')} description={t('import.preview.modeHelp.valid_rows')} />
          <Radio value="all_or_nothing" label={t('import.preview.modes.all_or_nothing')} description={t('import.preview.modeHelp.all_or_nothing')} />
        </Stack>
      </Radio.Group>

      {isBlocked ? (
        <Alert color="orange" variant="light" role="status">
          {t('import.preview.blocked', { count: preview.invalidCount })}
        </Alert>
      ) : null}
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(t, error)}
        </Alert>
      ) : null}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          {t('import.preview.back')}
        </Button>
        <Button onClick={onRun} disabled={isBlocked || nothingToImport} loading={pending}>
          {t('import.preview.run', { count: preview.validCount })}
        </Button>
      </Group>
    </Stack>
  );
}
