import { Alert, Badge, Button, Card, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { importFields, type ImportField } from '../../core/registry/import/mapping.js';
import type { ImportUpload } from '../../core/registry/import/import.schema.js';
import { errorMessage } from '../shared/issue-messages.js';
import type { ColumnMapping } from './import.api.js';

/** Fields without which no row can be imported. */
export const requiredImportFields: ImportField[] = ['sector', 'provinceCode'];

export function mappingProblems(mapping: ColumnMapping) {
  const used = Object.values(mapping).filter((field): field is ImportField => field !== null);
  const missing = requiredImportFields.filter((field) => !used.includes(field));
  const hasName = used.includes('nameFr') || used.includes('nameAr');
  const repeated = [...new Set(used.filter((field, index) => used.indexOf(field) !== index))];
  return { missing, hasName, repeated, isValid: missing.length === 0 && hasName && repeated.length === 0 };
}

function samplesOf(upload: ImportUpload, index: number): string[] {
  return upload.sampleRows
    .map((row) => row[index] ?? '')
    .filter((value) => value.trim() !== '')
    .slice(0, 3);
}

interface Props {
  upload: ImportUpload;
  mapping: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
  onBack: () => void;
  onNext: () => void;
  pending: boolean;
  error: unknown;
}

/** Step 2: which column holds which field, pre-filled by the server's guess. */
export function ImportMappingStep({ upload, mapping, onChange, onBack, onNext, pending, error }: Props) {
  const { t } = useTranslation();
  const problems = mappingProblems(mapping);
  const options = [
    { value: '', label: t('import.mapping.ignore') },
    ...importFields.map((field) => ({ value: field, label: t(`fields.${field}`) })),
  ];
  const fieldSelect = (header: string) => (
    <Select
      aria-label={t('import.mapping.targetFor', { column: header })}
      data={options}
      value={mapping[header] ?? ''}
      onChange={(value) => onChange({ ...mapping, [header]: (value || null) as ImportField | null })}
      allowDeselect={false}
      searchable
      nothingFoundMessage={t('ui.nothingFound')}
      error={mapping[header] && problems.repeated.includes(mapping[header]) ? t('import.mapping.repeatedShort') : undefined}
      miw={200}
    />
  );

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="sm">
        <Group gap="xs" wrap="wrap">
          <Text fw={600}>
            <bdi>{upload.fileName}</bdi>
          </Text>
          <Badge variant="light">{upload.format.toUpperCase()}</Badge>
          <Text size="sm">{t('import.mapping.rowCount', { count: upload.rowCount })}</Text>
          {upload.encoding ? (
            <Text size="sm" c="dimmed">
              {t('import.mapping.encoding', { encoding: upload.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252' })}
            </Text>
          ) : null}
          {upload.delimiter ? (
            <Text size="sm" c="dimmed">
              {t('import.mapping.delimiter', { delimiter: upload.delimiter })}
            </Text>
          ) : null}
        </Group>
      </Paper>
      <Text size="sm">{t('import.mapping.intro')}</Text>

      <Paper withBorder radius="md" visibleFrom="sm">
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="sm" aria-label={t('import.mapping.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('import.mapping.column')}</Table.Th>
                <Table.Th>{t('import.mapping.target')}</Table.Th>
                <Table.Th>{t('import.mapping.samples')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {upload.headers.map((header, index) => (
                <Table.Tr key={header}>
                  <Table.Td fw={600}>
                    <bdi>{header}</bdi>
                  </Table.Td>
                  <Table.Td>{fieldSelect(header)}</Table.Td>
                  <Table.Td>
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      <bdi>{samplesOf(upload, index).join(' · ') || '—'}</bdi>
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Stack gap="xs" hiddenFrom="sm">
        {upload.headers.map((header, index) => (
          <Card key={header} withBorder padding="sm" radius="md">
            <Text fw={600}>
              <bdi>{header}</bdi>
            </Text>
            <Text size="xs" c="dimmed" lineClamp={1} mb={6}>
              <bdi>{samplesOf(upload, index).join(' · ') || '—'}</bdi>
            </Text>
            {fieldSelect(header)}
          </Card>
        ))}
      </Stack>

      {!problems.isValid ? (
        <Alert color="orange" variant="light" role="status">
          <Stack gap={4}>
            {problems.missing.length > 0 ? (
              <Text size="sm">{t('import.mapping.missing', { fields: problems.missing.map((field) => t(`fields.${field}`)).join(', ') })}</Text>
            ) : null}
            {!problems.hasName ? <Text size="sm">{t('import.mapping.missingName')}</Text> : null}
            {problems.repeated.map((field) => (
              <Text size="sm" key={field}>
                {t('import.mapping.repeated', { field: t(`fields.${field}`) })}
              </Text>
            ))}
          </Stack>
        </Alert>
      ) : null}
      {error ? (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(t, error)}
        </Alert>
      ) : null}
      <Group justify="space-between">
        <Button variant="default" onClick={onBack}>
          {t('import.mapping.otherFile')}
        </Button>
        <Button onClick={onNext} disabled={!problems.isValid} loading={pending}>
          {t('import.mapping.next')}
        </Button>
      </Group>
    </Stack>
  );
}
