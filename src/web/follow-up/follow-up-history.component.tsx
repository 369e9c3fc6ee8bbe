import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState, LoadingState } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { useFollowUpHistory } from './follow-up.api.js';

/** The follow-ups of one cooperative in one programme, newest first, with a link to record one (for the representative: report progress). */
export function FollowUpHistory({ programmeId, cooperativeId }: { programmeId: string; cooperativeId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useFollowUpHistory(programmeId, cooperativeId);
  if (query.isPending) return <LoadingState />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { items, permissions } = query.data;
  return (
    <Stack gap="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Title order={3}>{t('followUp.history.title')}</Title>
        {permissions.record ? (
          <Button component={Link} to={`/follow-ups/new?programmeId=${programmeId}&cooperativeId=${cooperativeId}`} size="sm">
            {permissions.recordsAs === 'reported' ? t('followUp.history.report') : t('followUp.history.record')}
          </Button>
        ) : null}
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed" size="sm">
          {t('followUp.history.empty')}
        </Text>
      ) : null}
      {items.map((item) => (
        <Card key={item.id} withBorder padding="xs" radius="md">
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Anchor component={Link} to={`/follow-ups/${item.id}`} fw={600}>
                {format.date(item.heldOn)} · {t(`followUp.channels.${item.channel}`)}
              </Anchor>
              <Text size="xs" c="dimmed">
                {[item.conductedBy?.name, t('followUp.actionsCount', { count: item.actionCount }), t('followUp.measurementsCount', { count: item.measurementCount })].filter(Boolean).join(' · ')}
              </Text>
              {item.summary ? (
                <Text size="sm" lineClamp={2}>
                  {item.summary}
                </Text>
              ) : null}
            </Stack>
            <Badge variant="light" color={item.status === 'confirmed' ? 'teal' : 'orange'} style={{ flexShrink: 0 }}>
              {t(`followUp.statuses.${item.status}`)}
            </Badge>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}
