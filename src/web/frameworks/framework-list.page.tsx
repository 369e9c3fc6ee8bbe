import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { FrameworkListItem } from '../../core/diagnostics/framework-edit.schema.js';
import { usePermissions } from '../access/use-permissions.js';
import { isApiError } from '../shared/api-client.js';
import { ConfirmModal } from '../shared/confirm.modal.js';
import { CheckIcon, EditIcon, PlusIcon } from '../shared/icons.js';
import { ErrorState, LoadingState, NothingHere } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { ForbiddenPage } from '../shell/status.pages.js';
import { useCopyFramework, useFrameworks, useMakeDefaultFramework } from './frameworks.api.js';
import { frameworkName } from './framework-texts.js';

type PendingAction = { kind: 'copy' | 'default'; framework: FrameworkListItem } | null;

/** Versions grouped by family, newest first; the families with the default one first. */
function byFamily(items: FrameworkListItem[]): FrameworkListItem[][] {
  const families = new Map<string, FrameworkListItem[]>();
  for (const item of items) families.set(item.family, [...(families.get(item.family) ?? []), item]);
  return [...families.values()]
    .map((versions) => [...versions].sort((a, b) => b.version - a.version))
    .sort((a, b) => Number(b.some((item) => item.isDefault)) - Number(a.some((item) => item.isDefault)) || a[0]!.family.localeCompare(b[0]!.family));
}

export function FrameworkStatusBadges({ framework }: { framework: Pick<FrameworkListItem, 'isDefault' | 'frozenAt'> & { usedBy?: number } }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      {framework.isDefault ? (
        <Badge color="teal" variant="filled" leftSection={<CheckIcon size={12} />}>
          {t('frameworks.isDefault')}
        </Badge>
      ) : null}
      {framework.frozenAt ? (
        <Badge color="orange" variant="light">
          {framework.usedBy ? t('frameworks.usedBy', { count: framework.usedBy }) : t('frameworks.frozenUnused')}
        </Badge>
      ) : (
        <Badge color="gray" variant="light">
          {t('frameworks.editable')}
        </Badge>
      )}
    </Group>
  );
}

function VersionRow({ framework, canManage, onAction }: { framework: FrameworkListItem; canManage: boolean; onAction: (action: PendingAction) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Group justify="space-between" align="center" gap="sm" py="xs" className="framework-version-row" wrap="wrap">
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          <Anchor component={Link} to={`/frameworks/${framework.id}`} fw={600}>
            {t('frameworks.version', { version: framework.version })}
          </Anchor>
          <FrameworkStatusBadges framework={framework} />
        </Group>
        <Text size="xs" c="dimmed">
          {t('frameworks.questionCount', { count: framework.questionCount })} · {t('frameworks.updatedAt', { date: format.date(framework.updatedAt) })}
        </Text>
      </Stack>
      <Group gap="xs" wrap="wrap">
        <Button size="xs" variant="light" component={Link} to={`/frameworks/${framework.id}`} leftSection={canManage ? <EditIcon size={14} /> : undefined}>
          {canManage ? t('frameworks.edit') : t('frameworks.view')}
        </Button>
        {canManage ? (
          <Button size="xs" variant="default" leftSection={<PlusIcon size={14} />} onClick={() => onAction({ kind: 'copy', framework })}>
            {t('frameworks.copy')}
          </Button>
        ) : null}
        {canManage && !framework.isDefault ? (
          <Button size="xs" variant="default" onClick={() => onAction({ kind: 'default', framework })}>
            {t('frameworks.makeDefault')}
          </Button>
        ) : null}
      </Group>
    </Group>
  );
}

export default function FrameworkListPage() {
  const { t, i18n } = useTranslation();
  const permissions = usePermissions();
  const navigate = useNavigate();
  const frameworks = useFrameworks();
  const copy = useCopyFramework();
  const makeDefault = useMakeDefaultFramework();
  const [pending, setPending] = useState<PendingAction>(null);

  // Representatives read a framework through their diagnostic only: the server refuses them the list.
  if (isApiError(frameworks.error, 'forbidden')) return <ForbiddenPage />;

  const close = () => {
    setPending(null);
    copy.reset();
    makeDefault.reset();
  };
  const confirm = () => {
    if (!pending) return;
    if (pending.kind === 'copy') {
      copy.mutate(pending.framework.id, { onSuccess: (created) => void navigate(`/frameworks/${created.id}`) });
    } else {
      makeDefault.mutate(pending.framework.id, { onSuccess: close });
    }
  };
  const pendingName = pending ? frameworkName(pending.framework, i18n.language) : '';

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('frameworks.title')}
        </Title>
        <Text c="dimmed" size="sm" maw={760}>
          {t('frameworks.intro')}
        </Text>
      </Stack>
      {frameworks.isPending ? <LoadingState /> : null}
      {frameworks.isError ? <ErrorState error={frameworks.error} onRetry={() => void frameworks.refetch()} /> : null}
      {frameworks.data && frameworks.data.length === 0 ? <NothingHere title={t('frameworks.empty')} /> : null}
      {frameworks.data
        ? byFamily(frameworks.data).map((versions) => {
            const newest = versions[0]!;
            return (
              <Paper key={newest.family} withBorder radius="md" p="md" component="section" aria-label={frameworkName(newest, i18n.language)}>
                <Stack gap={2} mb="xs">
                  <Title order={2} size="h4">
                    <bdi>{frameworkName(newest, i18n.language)}</bdi>
                  </Title>
                  <Text size="xs" c="dimmed">
                    <span className="ltr-value">{newest.family}</span> · {t('frameworks.versionCount', { count: versions.length })}
                  </Text>
                </Stack>
                <Stack gap={0} className="framework-versions">
                  {versions.map((framework) => (
                    <VersionRow key={framework.id} framework={framework} canManage={permissions.canManageFrameworks} onAction={setPending} />
                  ))}
                </Stack>
              </Paper>
            );
          })
        : null}
      <ConfirmModal
        opened={pending !== null}
        title={pending?.kind === 'copy' ? t('frameworks.copyTitle') : t('frameworks.defaultTitle')}
        message={
          pending?.kind === 'copy'
            ? t('frameworks.copyMessage', { name: pendingName })
            : t('frameworks.defaultMessage', { name: pendingName, version: pending?.framework.version ?? '' })
        }
        confirmLabel={pending?.kind === 'copy' ? t('frameworks.copy') : t('frameworks.makeDefault')}
        pending={copy.isPending || makeDefault.isPending}
        error={copy.error ?? makeDefault.error}
        onConfirm={confirm}
        onClose={close}
      />
    </Stack>
  );
}
