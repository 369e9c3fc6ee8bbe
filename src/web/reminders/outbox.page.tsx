import { Alert, Anchor, Badge, Button, Card, Group, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { mailKinds, mailStatuses, type MailStatus, type OutboxItem, type ReminderRun } from '../../core/reminders/outbox.schema.js';
import { usePermissions } from '../access/use-permissions.js';
import { AlertIcon, CheckIcon, InboxIcon, SearchIcon } from '../shared/icons.js';
import { ErrorState, LoadingState, NothingHere } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { ForbiddenPage } from '../shell/status.pages.js';
import { MailStatusBadge } from './mail-status.badge.js';
import { OutboxMailModal } from './outbox-mail.modal.js';
import { useOutbox, useOutboxStatus, useRunReminders } from './outbox.api.js';

const pageSize = 50;

/** `/admin/outbox`: the e-mails sent or kept, a banner saying which, and the reminders run on demand. */
export default function OutboxPage() {
  const { t } = useTranslation();
  const permissions = usePermissions();
  const format = useFormat();
  const [status, setStatus] = useState<MailStatus | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const [limit, setLimit] = useState(pageSize);
  // The open e-mail is in the address (`?mail=<id>`), so that it can be linked to and survives a reload.
  const [searchParams, setSearchParams] = useSearchParams();
  const openId = searchParams.get('mail');
  const setOpenId = (id: string | null) => setSearchParams(id ? { mail: id } : {}, { replace: true });
  const [run, setRun] = useState<ReminderRun | null>(null);
  const settings = useOutboxStatus();
  const outbox = useOutbox({ status, kind, q, limit });
  const runReminders = useRunReminders();

  if (!permissions.canReadOutbox) return <ForbiddenPage />;

  const kindLabel = (value: string) => t(`reminders.outbox.kinds.${value}`, { defaultValue: value });
  const items = outbox.data?.items ?? [];
  const open = (item: OutboxItem) => setOpenId(item.id);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap">
        <div>
          <Title order={1} size="h2">
            {t('reminders.outbox.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('reminders.outbox.subtitle')}
          </Text>
        </div>
        <Button
          loading={runReminders.isPending}
          onClick={() => {
            setRun(null);
            runReminders.mutate(undefined, { onSuccess: setRun });
          }}
        >
          {t('reminders.outbox.runNow')}
        </Button>
      </Group>

      {settings.data ? (
        <Alert
          color={settings.data.smtpConfigured ? 'teal' : 'yellow'}
          variant="light"
          icon={settings.data.smtpConfigured ? <CheckIcon /> : <InboxIcon />}
          data-testid="smtp-banner"
        >
          <Text size="sm">
            {settings.data.smtpConfigured ? t('reminders.outbox.smtpOn', { from: settings.data.from ?? '' }) : t('reminders.outbox.smtpOff')}
          </Text>
          {settings.data.workersRunning ? null : (
            <Text size="sm" mt={4}>
              {t('reminders.outbox.workersOff')}
            </Text>
          )}
        </Alert>
      ) : null}
      {runReminders.isError ? <ErrorState error={runReminders.error} /> : null}
      {run ? (
        <Alert color="teal" variant="light" icon={<CheckIcon />} withCloseButton onClose={() => setRun(null)} role="status">
          {run.queued > 0 ? t('reminders.outbox.ran', { count: run.queued }) : t('reminders.outbox.ranNone')}
        </Alert>
      ) : null}

      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <Select
          label={t('reminders.outbox.status')}
          placeholder={t('reminders.outbox.all')}
          clearable
          data={mailStatuses.map((value) => ({ value, label: t(`reminders.outbox.statuses.${value}`) }))}
          value={status}
          onChange={(value) => {
            setStatus(value as MailStatus | null);
            setLimit(pageSize);
          }}
        />
        <Select
          label={t('reminders.outbox.kind')}
          placeholder={t('reminders.outbox.all')}
          clearable
          data={mailKinds.map((value) => ({ value, label: kindLabel(value) }))}
          value={kind}
          onChange={(value) => {
            setKind(value);
            setLimit(pageSize);
          }}
        />
        <TextInput
          type="search"
          label={t('reminders.outbox.search')}
          placeholder={t('reminders.outbox.searchPlaceholder')}
          leftSection={<SearchIcon size={16} />}
          value={search}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            setLimit(pageSize);
          }}
        />
      </SimpleGrid>

      {outbox.data ? <Text fw={500}>{t('reminders.outbox.count', { count: outbox.data.total })}</Text> : null}
      {outbox.isPending ? <LoadingState /> : null}
      {outbox.isError ? <ErrorState error={outbox.error} onRetry={() => void outbox.refetch()} /> : null}
      {outbox.data && items.length === 0 ? <NothingHere title={t('reminders.outbox.empty')} description={t('reminders.outbox.emptyHint')} /> : null}

      {items.length > 0 ? (
        <>
          <Paper withBorder radius="md" visibleFrom="sm">
            <Table.ScrollContainer minWidth={760}>
              <Table verticalSpacing="sm" striped highlightOnHover aria-label={t('reminders.outbox.title')}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('reminders.outbox.to')}</Table.Th>
                    <Table.Th>{t('reminders.outbox.subject')}</Table.Th>
                    <Table.Th>{t('reminders.outbox.kind')}</Table.Th>
                    <Table.Th>{t('reminders.outbox.status')}</Table.Th>
                    <Table.Th>{t('reminders.outbox.date')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Td>
                        {item.toName ? (
                          <Text size="sm" fw={500}>
                            <bdi>{item.toName}</bdi>
                          </Text>
                        ) : null}
                        <Text size="xs" c="dimmed" className="ltr-value">
                          {item.toAddress}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Anchor component="button" type="button" fw={500} onClick={() => open(item)} ta="start">
                          <bdi>{item.subject}</bdi>
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color="gray">
                          {kindLabel(item.kind)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <MailStatusBadge status={item.status} />
                          {item.status === 'failed' ? <AlertIcon size={16} color="var(--mantine-color-red-7)" /> : null}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {format.dateTime(item.sentAt ?? item.createdAt)}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Paper>
          <Stack gap="xs" hiddenFrom="sm" component="ul" className="plain-list" aria-label={t('reminders.outbox.title')}>
            {items.map((item) => (
              <li key={item.id}>
                <Card withBorder padding="sm" radius="md" component="button" type="button" onClick={() => open(item)} className="row-card" w="100%" ta="start">
                  <Group justify="space-between" wrap="nowrap" align="flex-start">
                    <Text fw={600} size="sm" c="teal.9" style={{ minWidth: 0 }}>
                      <bdi>{item.subject}</bdi>
                    </Text>
                    <MailStatusBadge status={item.status} />
                  </Group>
                  <Text size="sm">{item.toName ? <bdi>{item.toName}</bdi> : null}</Text>
                  <Text size="xs" c="dimmed" className="ltr-value" style={{ overflowWrap: 'anywhere' }}>
                    {item.toAddress}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {kindLabel(item.kind)} · {format.dateTime(item.sentAt ?? item.createdAt)}
                  </Text>
                </Card>
              </li>
            ))}
          </Stack>
          {outbox.data && items.length < outbox.data.total ? (
            <Group justify="center">
              <Button variant="default" loading={outbox.isFetching} onClick={() => setLimit((current) => current + pageSize)}>
                {t('reminders.outbox.more')}
              </Button>
            </Group>
          ) : null}
        </>
      ) : null}
      {openId ? <OutboxMailModal id={openId} onClose={() => setOpenId(null)} /> : null}
    </Stack>
  );
}
