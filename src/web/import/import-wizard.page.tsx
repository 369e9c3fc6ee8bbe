import { Group, Paper, Stack, Stepper, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { ImportPreview, ImportUpload } from '../../core/registry/import/import.schema.js';
import { usePermissions } from '../access/use-permissions.js';
import { BackToRegistry } from '../registry/back-to-registry.component.js';
import { ForbiddenPage } from '../shell/status.pages.js';
import { useCommitImport, useImportState, usePreviewImport, type ColumnMapping } from './import.api.js';
import { ImportMappingStep } from './import-mapping.step.js';
import { ImportPreviewStep, type CommitChoices } from './import-preview.step.js';
import { ImportResultStep } from './import-result.step.js';
import { ImportUploadStep } from './import-upload.step.js';

const stepKeys = ['upload', 'mapping', 'preview', 'run'] as const;

function initialMapping(upload: ImportUpload): ColumnMapping {
  return Object.fromEntries(upload.headers.map((header) => [header, upload.suggestedMapping[header] ?? null]));
}

const defaultChoices: CommitChoices = { mode: 'valid_rows', duplicateAction: 'skip', duplicateActions: {} };

function Wizard() {
  const { t } = useTranslation();
  const isWide = useMediaQuery('(min-width: 48em)', true);
  const [searchParams, setSearchParams] = useSearchParams();
  const runningId = searchParams.get('run');
  const [upload, setUpload] = useState<ImportUpload | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping>({});
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [choices, setChoices] = useState<CommitChoices>(defaultChoices);
  const previewImport = usePreviewImport(upload?.id ?? '');
  const commit = useCommitImport(upload?.id ?? '');

  const runState = useImportState(runningId);
  const isFinished = runState.data?.status === 'completed' || runState.data?.status === 'failed';
  const active = runningId ? (isFinished ? stepKeys.length : 3) : preview ? 2 : upload ? 1 : 0;

  const restart = () => {
    setUpload(null);
    setPreview(null);
    setChoices(defaultChoices);
    previewImport.reset();
    commit.reset();
    setSearchParams({}, { replace: true });
  };

  const content = (() => {
    if (runningId) return <ImportResultStep importId={runningId} onRestart={restart} />;
    if (upload && preview)
      return (
        <ImportPreviewStep
          preview={preview}
          choices={choices}
          onChange={setChoices}
          onBack={() => {
            setPreview(null);
            commit.reset();
          }}
          onRun={() =>
            commit.mutate(
              {
                mapping,
                mode: choices.mode,
                duplicateAction: choices.duplicateAction,
                ...(Object.keys(choices.duplicateActions).length > 0 ? { duplicateActions: choices.duplicateActions } : {}),
              },
              { onSuccess: (started) => setSearchParams({ run: started.id }) },
            )
          }
          pending={commit.isPending}
          error={commit.error}
        />
      );
    if (upload)
      return (
        <ImportMappingStep
          upload={upload}
          mapping={mapping}
          onChange={setMapping}
          onBack={restart}
          onNext={() =>
            previewImport.mutate(mapping, {
              onSuccess: (result) => {
                setPreview(result);
                setChoices(defaultChoices);
              },
            })
          }
          pending={previewImport.isPending}
          error={previewImport.error}
        />
      );
    return (
      <ImportUploadStep
        onUploaded={(uploaded) => {
          setUpload(uploaded);
          setMapping(initialMapping(uploaded));
        }}
      />
    );
  })();

  return (
    <Stack gap="md">
      {isWide ? (
        <Stepper active={active} size="sm" allowNextStepsSelect={false}>
          {stepKeys.map((key) => (
            <Stepper.Step key={key} label={t(`import.steps.${key}`)} />
          ))}
        </Stepper>
      ) : (
        <Group gap="xs">
          <Text size="sm" c="dimmed">
            {t('import.stepOf', { step: Math.min(active + 1, stepKeys.length), total: stepKeys.length })}
          </Text>
          <Text size="sm" fw={600}>
            {t(`import.steps.${(stepKeys as readonly string[])[active] ?? 'summary'}`)}
          </Text>
        </Group>
      )}
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
        {content}
      </Paper>
    </Stack>
  );
}

export default function ImportWizardPage() {
  const { t } = useTranslation();
  const permissions = usePermissions();
  if (!permissions.canImportRegistry) return <ForbiddenPage />;
  return (
    <Stack gap="md" maw={1100}>
      <BackToRegistry />
      <Title order={1} size="h2">
        {t('import.title')}
      </Title>
      <Wizard />
    </Stack>
  );
}
