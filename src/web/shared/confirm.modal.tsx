import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api-client.js';
import { errorMessage, translateIssue } from './issue-messages.js';

interface Props {
  opened: boolean;
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  pending?: boolean;
  error?: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** A question before an action that cannot be taken back lightly. */
export function ConfirmModal(props: Props) {
  const { t } = useTranslation();
  // While it closes, the dialog keeps the words it was opened with, even if the page behind has changed.
  const shown = useRef(props);
  if (props.opened) shown.current = props;
  const { title, message, confirmLabel, danger } = shown.current;
  const { opened, pending, error, onConfirm, onClose } = props;
  return (
    <Modal opened={opened} onClose={onClose} title={title} centered>
      <Stack gap="md">
        <Text size="sm">{message}</Text>
        {error ? (
          <Alert color="red" variant="light" role="alert">
            {isApiError(error) && error.issues[0] ? translateIssue(t, error.issues[0]) : errorMessage(t, error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('ui.cancel')}
          </Button>
          <Button color={danger ? 'red' : undefined} loading={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
