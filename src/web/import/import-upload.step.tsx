import { Alert, Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportUpload } from '../../core/registry/import/import.schema.js';
import { isApiError } from '../shared/api-client.js';
import { FileIcon, UploadIcon } from '../shared/icons.js';
import { errorMessage, translateIssue } from '../shared/issue-messages.js';
import { useUploadImport } from './import.api.js';

const maxBytes = 50 * 1024 * 1024;
const accepted = /\.(csv|xlsx)$/i;

/** Step 1: a CSV or XLSX file, dropped or chosen. */
export function ImportUploadStep({ onUploaded }: { onUploaded: (upload: ImportUpload) => void }) {
  const { t } = useTranslation();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const upload = useUploadImport();
  const [isDragging, setDragging] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);

  const send = (file: File | undefined) => {
    if (!file) return;
    upload.reset();
    if (!accepted.test(file.name)) return setLocalError(t('import.upload.unsupported'));
    if (file.size > maxBytes) return setLocalError(t('import.upload.tooLarge'));
    setLocalError(null);
    upload.mutate(file, { onSuccess: onUploaded });
  };

  const serverError = upload.error;
  const serverMessage =
    serverError && isApiError(serverError) && serverError.issues[0]
      ? translateIssue(t, serverError.issues[0])
      : serverError
        ? errorMessage(t, serverError)
        : null;

  return (
    <Stack gap="md">
      <div
        className="drop-zone"
        data-active={isDragging}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          send(event.dataTransfer.files[0]);
        }}
        onClick={() => inputRef.current?.click()}
      >
        <Stack align="center" gap="xs">
          <UploadIcon size={36} />
          <Text fw={600}>{t('import.upload.drop')}</Text>
          <Text size="sm" c="dimmed">
            {t('import.upload.or')}
          </Text>
          <Button
            component="label"
            htmlFor={inputId}
            leftSection={<FileIcon size={16} />}
            loading={upload.isPending}
            onClick={(event: React.MouseEvent) => event.stopPropagation()}
          >
            {t('import.upload.browse')}
          </Button>
          <VisuallyHidden>
            <input
              ref={inputRef}
              id={inputId}
              type="file"
              aria-label={t('import.upload.fileLabel')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(event) => {
                send(event.currentTarget.files?.[0]);
                event.currentTarget.value = '';
              }}
            />
          </VisuallyHidden>
          <Text size="xs" c="dimmed" maw={520} ta="center">
            {t('import.upload.hint')}
          </Text>
        </Stack>
      </div>
      {upload.isPending ? (
        <Group gap="xs" role="status">
          <Text size="sm">{t('import.upload.uploading')}</Text>
        </Group>
      ) : null}
      {localError || serverMessage ? (
        <Alert color="red" variant="light" role="alert">
          {localError ?? serverMessage}
        </Alert>
      ) : null}
    </Stack>
  );
}
