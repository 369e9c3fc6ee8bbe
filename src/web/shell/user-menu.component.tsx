import { Avatar, Badge, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { SessionUser } from '../access/session.api.js';
import { useSignOut } from '../access/session.api.js';
import { LogoutIcon } from '../shared/icons.js';
import { useGrantLabels } from './grant-label.js';

function initialsOf(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? '')
    .join('');
}

export function UserMenu({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const grantLabel = useGrantLabels();
  return (
    <Menu position="bottom-end" width={280} shadow="md" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('nav.userMenu')} className="user-menu-target">
          <Group gap={8} wrap="nowrap">
            <Avatar size={32} radius="xl" color="teal">
              {initialsOf(user.displayName)}
            </Avatar>
            <Text size="sm" fw={500} visibleFrom="md" maw={180} truncate="end" dir="auto">
              {user.displayName}
            </Text>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Stack gap={2} px="sm" py={6}>
          <Text size="sm" fw={600}>
            {user.displayName}
          </Text>
          <Text size="xs" c="dimmed">
            <span className="ltr-value">{user.email}</span>
          </Text>
        </Stack>
        <Menu.Divider />
        <Menu.Label>{t('nav.roles')}</Menu.Label>
        <Stack gap={6} px="sm" pb="xs">
          {user.grants.length === 0 ? <Text size="xs">{t('users.noRoles')}</Text> : null}
          {user.grants.map((grant) => {
            const label = grantLabel(grant);
            return (
              <div key={grant.id}>
                <Badge variant="light" size="sm">
                  {label.role}
                </Badge>
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {label.scope}
                </Text>
              </div>
            );
          })}
        </Stack>
        <Menu.Divider />
        <Menu.Item
          leftSection={<LogoutIcon size={16} />}
          onClick={() => signOut.mutate(undefined, { onSettled: () => void navigate('/sign-in', { replace: true }) })}
        >
          {t('nav.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
