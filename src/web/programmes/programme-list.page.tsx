import { Anchor, Badge, Button, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { organisationName } from '../../core/programmes/organisation.schema.js';
import { usePermissions } from '../access/use-permissions.js';
import { PlusIcon } from '../shared/icons.js';
import { ErrorState, LoadingState, NothingHere } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { describeTerritory, programmeName, programmeStatusColors } from './programme-words.js';
import { useProgrammeList, type ProgrammeListItem } from './programmes.api.js';

function ProgrammeCard({ programme }: { programme: ProgrammeListItem }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const locale = i18n.language;
  const enrolled = programme.counts.enrolled + programme.counts.completed;
  const target = programme.targetCooperatives;
  return (
    <Card withBorder radius="md" padding="md" component="article" data-testid="programme-card">
      <Stack gap="xs" h="100%">
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Anchor component={Link} to={`/programmes/${programme.id}`} fw={700} size="lg" style={{ minWidth: 0 }}>
            <bdi>{programmeName(programme, locale)}</bdi>
          </Anchor>
          <Badge color={programmeStatusColors[programme.status]} variant="light" style={{ flexShrink: 0 }}>
            {t(`programmes.statuses.${programme.status}`)}
          </Badge>
        </Group>
        <Text size="xs" c="dimmed" dir="ltr" style={{ alignSelf: 'flex-start' }}>
          {programme.code}
        </Text>
        {programme.operator ? (
          <Text size="sm">{t('programmes.operatedBy', { name: organisationName(programme.operator, locale) })}</Text>
        ) : null}
        <Text size="sm" c="dimmed">
          {describeTerritory(t, programme, locale)}
        </Text>
        <Text size="sm">
          {programme.startDate && programme.endDate
            ? t('programmes.dates', { from: format.date(programme.startDate), to: format.date(programme.endDate) })
            : programme.startDate
              ? t('programmes.startsOn', { date: format.date(programme.startDate) })
              : t('programmes.noDates')}
          {programme.durationMonths ? ` · ${t('programmes.duration', { count: programme.durationMonths })}` : ''}
        </Text>
        <Stack gap={4} mt="auto">
          <Text size="sm" fw={500}>
            {target ? t('programmes.enrolledOfTarget', { enrolled, target }) : t('programmes.enrolledCount', { count: enrolled })}
            {programme.counts.candidate > 0 ? ` · ${t('programmes.candidatesCount', { count: programme.counts.candidate })}` : ''}
          </Text>
          {target ? (
            <Progress value={Math.min(100, (enrolled / target) * 100)} size="sm" aria-label={t('programmes.enrolledOfTarget', { enrolled, target })} />
          ) : null}
        </Stack>
      </Stack>
    </Card>
  );
}

export default function ProgrammeListPage() {
  const { t } = useTranslation();
  const permissions = usePermissions();
  const list = useProgrammeList();

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={1} size="h2">
          {t('programmes.title')}
        </Title>
        {permissions.canCreateProgramme ? (
          <Button component={Link} to="/programmes/new" leftSection={<PlusIcon size={16} />}>
            {t('programmes.new')}
          </Button>
        ) : null}
      </Group>
      {list.isPending ? <LoadingState /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <Text fw={500} aria-live="polite">
          {t('programmes.count', { count: list.data.length })}
        </Text>
      ) : null}
      {list.data && list.data.length === 0 ? <NothingHere title={permissions.canCreateProgramme ? t('programmes.empty') : t('programmes.emptyForYou')} /> : null}
      {list.data && list.data.length > 0 ? (
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {list.data.map((programme) => (
            <ProgrammeCard key={programme.id} programme={programme} />
          ))}
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}
