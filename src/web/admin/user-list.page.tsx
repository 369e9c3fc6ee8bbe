import { Anchor, Button, Card, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { foldText } from '../../core/shared/text.js';
import { usePermissions } from '../access/use-permissions.js';
import { PlusIcon, SearchIcon } from '../shared/icons.js';
import { ErrorState, LoadingState, NothingHere } from '../shared/page-states.js';
import { ForbiddenPage } from '../shell/status.pages.js';
import { RoleBadges, UserStatusBadge as StatusBadge } from './user-badges.component.js';
import { UserCreateModal } from './user-create.modal.js';
import { useUsers } from './users.api.js';

export default function UserListPage() {
  const { t } = useTranslation();
  const permissions = usePermissions();
  const navigate = useNavigate();
  const users = useUsers();
  const [search, setSearch] = useState('');
  const [creating, setCreating] = useState(false);

  if (!permissions.canManageUsers) return <ForbiddenPage />;

  const needle = foldText(search);
  const list = (users.data ?? [])
    .filter((user) => !needle || foldText(`${user.displayName} ${user.email}`).includes(needle))
    .sort((a, b) => a.displayName.localeCompare(b.displayName));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <Title order={1} size="h2">
          {t('users.title')}
        </Title>
        <Button leftSection={<PlusIcon size={16} />} onClick={() => setCreating(true)}>
          {t('users.create')}
        </Button>
      </Group>
      <Group justify="space-between" align="flex-end">
        <TextInput
          type="search"
          label={t('users.search')}
          leftSection={<SearchIcon size={16} />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          w={{ base: '100%', sm: 360 }}
        />
        {users.data ? <Text fw={500}>{t('users.count', { count: list.length })}</Text> : null}
      </Group>
      {users.isPending ? <LoadingState /> : null}
      {users.isError ? <ErrorState error={users.error} onRetry={() => void users.refetch()} /> : null}
      {users.data && list.length === 0 ? <NothingHere title={t('users.empty')} /> : null}
      {list.length > 0 ? (
        <>
          <Paper withBorder radius="md" visibleFrom="sm">
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="sm" striped highlightOnHover aria-label={t('users.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('fields.displayName')}</Table.Th>
                    <Table.Th>{t('fields.email')}</Table.Th>
                    <Table.Th>{t('users.roles')}</Table.Th>
                    <Table.Th>{t('fields.locale')}</Table.Th>
                    <Table.Th>{t('fields.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.map((user) => (
                    <Table.Tr key={user.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/admin/users/${user.id}`} fw={500} dir="auto">
                          {user.displayName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" className="ltr-value">
                          {user.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <RoleBadges grants={user.grants} />
                      </Table.Td>
                      <Table.Td>{t(`ui.languages.${user.locale}`)}</Table.Td>
                      <Table.Td>
                        <StatusBadge user={user} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <Stack gap="xs" hiddenFrom="sm" component="ul" className="plain-list" aria-label={t('users.title')}>
            {list.map((user) => (
              <li key={user.id}>
                <Card withBorder padding="sm" radius="md" component={Link} to={`/admin/users/${user.id}`} className="row-card">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Text fw={600} c="teal.9">
                      <bdi>{user.displayName}</bdi>
                    </Text>
                    <StatusBadge user={user} />
                  </Group>
                  <Text size="xs" c="dimmed" className="ltr-value">
                    {user.email}
                  </Text>
                  <div style={{ marginTop: 6 }}>
                    <RoleBadges grants={user.grants} />
                  </div>
                </Card>
              </li>
            ))}
          </Stack>
        </>
      ) : null}
      {creating ? <UserCreateModal onClose={() => setCreating(false)} onCreated={(id) => void navigate(`/admin/users/${id}`)} /> : null}
    </Stack>
  );
}
