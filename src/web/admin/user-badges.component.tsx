import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Grant } from '../../core/access/roles.js';
import type { User } from '../../core/access/user.schema.js';
import { useCooperative } from '../registry/cooperative.api.js';
import { useCooperativeName } from '../registry/cooperative-name.component.js';
import { useGrantLabels } from '../shell/grant-label.js';

/** A role and where it applies: everywhere, one programme, or one cooperative (named). */
export function GrantLabel({ grant }: { grant: Pick<Grant, 'role' | 'programmeId' | 'cooperativeId'> & { id?: string } }) {
  const labels = useGrantLabels();
  const nameOf = useCooperativeName();
  const cooperative = useCooperative(grant.cooperativeId ?? undefined);
  const label = labels({ id: grant.id ?? '', ...grant }, cooperative.data ? nameOf(cooperative.data) : undefined);
  return (
    <Group gap={6} wrap="wrap">
      <Badge variant="light" tt="none">
        {label.role}
      </Badge>
      <Text size="sm" c="dimmed">
        <bdi>{label.scope}</bdi>
      </Text>
    </Group>
  );
}

export function RoleBadges({ grants }: { grants: Grant[] }) {
  const { t } = useTranslation();
  if (grants.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('users.noRoles')}
      </Text>
    );
  const roles = [...new Set(grants.map((grant) => grant.role))];
  return (
    <Group gap={4}>
      {roles.map((role) => (
        <Badge key={role} variant="light" size="sm" tt="none">
          {t(`roles.${role}`)}
        </Badge>
      ))}
    </Group>
  );
}

export function UserStatusBadge({ user }: { user: User }) {
  const { t } = useTranslation();
  return (
    <Group gap={4}>
      <Badge color={user.isActive ? 'teal' : 'gray'} variant={user.isActive ? 'light' : 'filled'} size="sm">
        {user.isActive ? t('users.active') : t('users.inactive')}
      </Badge>
      {user.isDemo ? (
        <Badge color="grape" variant="outline" size="sm">
          {t('ui.demo')}
        </Badge>
      ) : null}
    </Group>
  );
}


