import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../core/registry/cooperative.rules.js';
import { statusColors } from './registry-options.js';

/** The name in the reader's language, its script's own direction kept. */
export function useCooperativeName() {
  const { i18n } = useTranslation();
  return (cooperative: { nameFr: string | null; nameAr: string | null }) => displayName(cooperative, i18n.language);
}

export function CooperativeStatusBadges({ status, archivedAt, isDemo }: { status: string; archivedAt: string | null; isDemo?: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="wrap">
      {archivedAt ? (
        <Badge color="gray" variant="filled" size="sm">
          {t('statuses.archived')}
        </Badge>
      ) : (
        <Badge color={statusColors[status] ?? 'gray'} variant="light" size="sm">
          {t(`statuses.${status}`)}
        </Badge>
      )}
      {isDemo ? (
        <Badge color="grape" variant="outline" size="sm">
          {t('ui.demo')}
        </Badge>
      ) : null}
    </Group>
  );
}
