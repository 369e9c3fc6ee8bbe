import { ActionIcon, Alert, Anchor, Button, Group, Modal, Paper, PasswordInput, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { locales, type Grant } from '../../core/access/roles.js';
import { passwordResetSchema, userUpdateSchema, type User } from '../../core/access/user.schema.js';
import { useSession } from '../access/session.api.js';
import { usePermissions } from '../access/use-permissions.js';
import { AuditHistory } from '../audit/audit-history.component.js';
import { isApiError } from '../shared/api-client.js';
import { ConfirmModal } from '../shared/confirm.modal.js';
import { isolate } from '../shared/i18n.js';
import { ArrowStartIcon, KeyIcon, TrashIcon } from '../shared/icons.js';
import { errorMessage } from '../shared/issue-messages.js';
import { ErrorState, LoadingState } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { useSchemaForm } from '../shared/use-schema-form.js';
import { ForbiddenPage, NotFoundPage } from '../shell/status.pages.js';
import { GrantRoleForm } from './grant-role.form.js';
import { GrantLabel, UserStatusBadge } from './user-badges.component.js';
import { useResetPassword, useRevokeRole, useUpdateUser, useUser } from './users.api.js';

function ProfileForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const update = useUpdateUser(user.id);
  const form = useSchemaForm({ displayName: user.displayName, locale: user.locale as string });
  const { values, setField } = form;
  const changed = values.displayName !== user.displayName || values.locale !== user.locale;
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const input = form.validate(userUpdateSchema, values);
    if (!input) return;
    update.mutate(input, {
      onError: (error) => {
        if (isApiError(error) && error.issues.length > 0) form.showServerIssues(error.issues);
      },
    });
  };
  return (
    <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('users.profile')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('fields.displayName')}
            dir="auto"
            value={values.displayName}
            onChange={(event) => setField('displayName', event.currentTarget.value)}
            error={form.error('displayName')}
          />
          <Select
            label={t('fields.locale')}
            data={locales.map((locale) => ({ value: locale, label: t(`ui.languages.${locale}`) }))}
            value={values.locale}
            onChange={(locale) => setField('locale', locale ?? 'fr')}
            allowDeselect={false}
            error={form.error('locale')}
          />
        </SimpleGrid>
        {update.isError && !(isApiError(update.error) && update.error.issues.length > 0) ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(t, update.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" disabled={!changed} loading={update.isPending}>
            {t('ui.save')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const reset = useResetPassword(user.id);
  const form = useSchemaForm({ password: '' });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const input = form.validate(passwordResetSchema, form.values, () => !form.values.password);
    if (!input) return;
    reset.mutate(input.password, {
      onError: (error) => {
        if (isApiError(error) && error.issues.length > 0) form.showServerIssues(error.issues);
      },
    });
  };
  return (
    <Modal opened onClose={onClose} title={t('users.resetTitle', { name: user.displayName })} centered>
      {reset.isSuccess ? (
        <Stack gap="md">
          <Alert color="teal" variant="light" role="status">
            {t('users.resetDone')}
          </Alert>
          <Group justify="flex-end">
            <Button onClick={onClose}>{t('ui.close')}</Button>
          </Group>
        </Stack>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <PasswordInput
              label={t('users.newPassword')}
              description={t('users.passwordHint')}
              autoComplete="new-password"
              value={form.values.password}
              onChange={(event) => form.setField('password', event.currentTarget.value)}
              error={form.error('password')}
              data-autofocus
            />
            {reset.isError && !(isApiError(reset.error) && reset.error.issues.length > 0) ? (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(t, reset.error)}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t('ui.cancel')}
              </Button>
              <Button type="submit" loading={reset.isPending}>
                {t('users.resetPassword')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}

function Roles({ user }: { user: User }) {
  const { t } = useTranslation();
  const revoke = useRevokeRole(user.id);
  const [revoking, setRevoking] = useState<Grant | null>(null);
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('users.roles')}
      </Title>
      <Paper withBorder radius="md" p="sm">
        {user.grants.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('users.noRoles')}
          </Text>
        ) : (
          <Stack gap="xs" component="ul" className="plain-list">
            {user.grants.map((grant) => (
              <Group key={grant.id} justify="space-between" wrap="nowrap" component="li">
                <GrantLabel grant={grant} />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('users.revokeNamed', { role: t(`roles.${grant.role}`) })}
                  onClick={() => {
                    revoke.reset();
                    setRevoking(grant);
                  }}
                >
                  <TrashIcon size={16} />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        )}
      </Paper>
      <GrantRoleForm userId={user.id} />
      <ConfirmModal
        opened={revoking !== null}
        title={t('users.revokeTitle')}
        message={t('users.revokeConfirm', { role: revoking ? t(`roles.${revoking.role}`) : '', name: isolate(user.displayName) })}
        confirmLabel={t('users.revoke')}
        danger
        pending={revoke.isPending}
        error={revoke.error}
        onConfirm={() => revoking && revoke.mutate(revoking.id, { onSuccess: () => setRevoking(null) })}
        onClose={() => setRevoking(null)}
      />
    </Stack>
  );
}

export default function UserDetailPage() {
  const { userId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const permissions = usePermissions();
  const session = useSession();
  const user = useUser(userId);
  const update = useUpdateUser(userId);
  const [resetting, setResetting] = useState(false);
  /** The state asked for, kept while the dialog closes so that its words do not flip. */
  const [nextActive, setNextActive] = useState(false);
  const [toggling, setToggling] = useState(false);

  if (!permissions.canManageUsers) return <ForbiddenPage />;
  if (user.isPending) return <LoadingState />;
  if (user.isError) {
    if (isApiError(user.error, 'not_found', 'validation')) return <NotFoundPage />;
    return <ErrorState error={user.error} onRetry={() => void user.refetch()} />;
  }
  const record = user.data;
  const isSelf = session.data?.id === record.id;

  return (
    <Stack gap="md" maw={980}>
      <Anchor component={Link} to="/admin/users" size="sm">
        <Group gap={4} component="span" wrap="nowrap">
          <ArrowStartIcon size={14} />
          {t('users.back')}
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Title order={1} size="h2">
            <bdi>{record.displayName}</bdi> {isSelf ? <Text span c="dimmed" size="md">{t('users.you')}</Text> : null}
          </Title>
          <Text c="dimmed">
            <span className="ltr-value">{record.email}</span>
          </Text>
          <UserStatusBadge user={record} />
          <Text size="xs" c="dimmed">
            {t('users.createdAt', { date: format.date(record.createdAt) })}
          </Text>
        </Stack>
        <Group gap="xs">
          <Button variant="default" leftSection={<KeyIcon size={16} />} onClick={() => setResetting(true)}>
            {t('users.resetPassword')}
          </Button>
          {!isSelf ? (
            <Button
              variant={record.isActive ? 'light' : 'filled'}
              color={record.isActive ? 'red' : 'teal'}
              onClick={() => {
                update.reset();
                setNextActive(!record.isActive);
                setToggling(true);
              }}
            >
              {record.isActive ? t('users.deactivate') : t('users.activate')}
            </Button>
          ) : null}
        </Group>
      </Group>

      <ProfileForm key={`${record.displayName}-${record.locale}`} user={record} />
      <Roles user={record} />

      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('users.history')}
        </Title>
        <AuditHistory entityType="user" entityId={record.id} />
      </Stack>

      {resetting ? <ResetPasswordModal user={record} onClose={() => setResetting(false)} /> : null}
      <ConfirmModal
        opened={toggling}
        title={nextActive ? t('users.activateTitle') : t('users.deactivateTitle')}
        message={nextActive ? t('users.activateConfirm', { name: isolate(record.displayName) }) : t('users.deactivateConfirm', { name: isolate(record.displayName) })}
        confirmLabel={nextActive ? t('users.activate') : t('users.deactivate')}
        danger={!nextActive}
        pending={update.isPending}
        error={update.error}
        onConfirm={() => update.mutate({ isActive: nextActive }, { onSuccess: () => setToggling(false) })}
        onClose={() => setToggling(false)}
      />
    </Stack>
  );
}
