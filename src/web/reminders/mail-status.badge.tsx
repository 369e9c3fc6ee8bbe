import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MailStatus } from '../../core/reminders/outbox.schema.js';

const colors: Record<MailStatus, string> = { queued: 'blue', sent: 'teal', failed: 'red', kept: 'gray' };

export function MailStatusBadge({ status }: { status: MailStatus }) {
  const { t } = useTranslation();
  return (
    <Badge variant="light" color={colors[status]} style={{ flexShrink: 0, overflow: 'visible' }}>
      {t(`reminders.outbox.statuses.${status}`)}
    </Badge>
  );
}
