import { Alert, Button, Group, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { usePermissions } from '../access/use-permissions.js';
import { AuditHistory } from '../audit/audit-history.component.js';
import { isApiError } from '../shared/api-client.js';
import { ConfirmModal } from '../shared/confirm.modal.js';
import { isolate } from '../shared/i18n.js';
import { ArchiveIcon, EditIcon, RestoreIcon } from '../shared/icons.js';
import { ErrorState, LoadingState } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { NotFoundPage } from '../shell/status.pages.js';
import { BackToRegistry } from './back-to-registry.component.js';
import { useArchiveCooperative, useCooperative } from './cooperative.api.js';
import { CooperativeMembersPanel } from './cooperative-members.panel.js';
import { CooperativeStatusBadges, useCooperativeName } from './cooperative-name.component.js';
import { CooperativeOverview } from './cooperative-overview.panel.js';
import { CooperativeProgrammesPanel } from '../programmes/cooperative-programmes.panel.js';

const tabs = ['overview', 'members', 'history'] as const;
type Tab = (typeof tabs)[number];

export default function CooperativeDetailPage() {
  const { cooperativeId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const permissions = usePermissions();
  const nameOf = useCooperativeName();
  const [searchParams, setSearchParams] = useSearchParams();
  const cooperative = useCooperative(cooperativeId);
  const archive = useArchiveCooperative(cooperativeId);
  // The action asked for stays set while the dialog closes, so that its words do not flip.
  const [action, setAction] = useState<'archive' | 'restore'>('archive');
  const [confirming, setConfirming] = useState(false);

  if (cooperative.isPending) return <LoadingState />;
  if (cooperative.isError) {
    if (isApiError(cooperative.error, 'not_found', 'validation')) return <NotFoundPage />;
    return <ErrorState error={cooperative.error} onRetry={() => void cooperative.refetch()} />;
  }
  const record = cooperative.data;
  const name = nameOf(record);
  const otherName = i18n.language === 'ar' ? record.nameFr : record.nameAr;
  const isArchived = record.archivedAt !== null;
  const visibleTabs = tabs.filter((tab) => tab !== 'history' || permissions.canReadAuditLog);
  const requested = searchParams.get('tab') as Tab | null;
  const tab: Tab = requested && visibleTabs.includes(requested) ? requested : 'overview';

  return (
    <Stack gap="md">
      <BackToRegistry />
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={1} size="h2">
            <bdi>{name}</bdi>
          </Title>
          {otherName && otherName !== name ? (
            <Text c="dimmed">
              <bdi lang={i18n.language === 'ar' ? 'fr' : 'ar'}>{otherName}</bdi>
            </Text>
          ) : null}
          <CooperativeStatusBadges status={record.status} archivedAt={record.archivedAt} isDemo={record.isDemo} />
        </Stack>
        {permissions.canWriteRegistry ? (
          <Group gap="xs">
            {!isArchived ? (
              <Button component={Link} to={`/cooperatives/${record.id}/edit`} leftSection={<EditIcon size={16} />}>
                {t('cooperative.edit')}
              </Button>
            ) : null}
            <Button
              variant="default"
              leftSection={isArchived ? <RestoreIcon size={16} /> : <ArchiveIcon size={16} />}
              onClick={() => {
                archive.reset();
                setAction(isArchived ? 'restore' : 'archive');
                setConfirming(true);
              }}
            >
              {isArchived ? t('cooperative.restore') : t('cooperative.archive')}
            </Button>
          </Group>
        ) : null}
      </Group>

      {isArchived ? (
        <Alert color="gray" variant="light">
          {t('cooperative.archivedNotice', { date: format.date(record.archivedAt) })}
        </Alert>
      ) : null}

      <CooperativeProgrammesPanel cooperativeId={record.id} />

      <Tabs
        value={tab}
        onChange={(value) => setSearchParams(value && value !== 'overview' ? { tab: value } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          {visibleTabs.map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t(`cooperative.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview" pt="md">
          <CooperativeOverview cooperative={record} canSeePersonalData={permissions.canSeePersonalData(record.id)} />
        </Tabs.Panel>
        <Tabs.Panel value="members" pt="md">
          <CooperativeMembersPanel cooperativeId={record.id} canEdit={permissions.canEditMembers(record.id)} />
        </Tabs.Panel>
        {permissions.canReadAuditLog ? (
          <Tabs.Panel value="history" pt="md">
            <AuditHistory entityType="cooperative" entityId={record.id} />
          </Tabs.Panel>
        ) : null}
      </Tabs>

      <ConfirmModal
        opened={confirming}
        title={action === 'restore' ? t('cooperative.restoreTitle') : t('cooperative.archiveTitle')}
        message={action === 'restore' ? t('cooperative.restoreConfirm', { name: isolate(name) }) : t('cooperative.archiveConfirm', { name: isolate(name) })}
        confirmLabel={action === 'restore' ? t('cooperative.restore') : t('cooperative.archive')}
        pending={archive.isPending}
        error={archive.error}
        onConfirm={() => archive.mutate(action === 'archive', { onSuccess: () => setConfirming(false) })}
        onClose={() => setConfirming(false)}
      />
    </Stack>
  );
}
