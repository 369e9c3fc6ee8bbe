import { Anchor, Badge, Button, Card, Chip, Group, Progress, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { ActionPlanListItem } from '../../core/action-plans/action-plan.schema.js';
import { foldText } from '../../core/shared/text.js';
import { programmeName } from '../programmes/programme-words.js';
import { useProgramme } from '../programmes/programmes.api.js';
import { provinceName } from '../registry/territory-names.js';
import { isApiError } from '../shared/api-client.js';
import { ArrowStartIcon, SearchIcon } from '../shared/icons.js';
import { errorMessage, translateIssue } from '../shared/issue-messages.js';
import { ErrorState, LoadingState, NothingHere } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { useActionPlanList, useDraftPlan } from './action-plans.api.js';
import { cooperativeLabel, planStatusColors } from './action-plan-words.js';

const filters = ['all', 'none', 'draft', 'agreed', 'overdue'] as const;
type Filter = (typeof filters)[number];

function matches(item: ActionPlanListItem, filter: Filter): boolean {
  if (filter === 'none') return item.plan === null;
  if (filter === 'draft' || filter === 'agreed') return item.plan?.status === filter;
  if (filter === 'overdue') return (item.plan?.overdue ?? 0) > 0;
  return true;
}

function PlanRow({ item, canDraft, programmeId }: { item: ActionPlanListItem; canDraft: boolean; programmeId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const draft = useDraftPlan(programmeId);
  const name = cooperativeLabel(item, i18n.language);
  const { plan } = item;
  return (
    <Card withBorder padding="sm" radius="md" data-testid="action-plan-row">
      <Stack gap={8}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            {plan ? (
              <Anchor component={Link} to={`/action-plans/${plan.id}`} fw={600}>
                <bdi>{name}</bdi>
              </Anchor>
            ) : (
              <Text fw={600}>
                <bdi>{name}</bdi>
              </Text>
            )}
            <Text size="xs" c="dimmed">
              {provinceName(item.provinceCode, i18n.language)}
            </Text>
          </Stack>
          <Badge variant="light" color={plan ? planStatusColors[plan.status] : 'gray'} style={{ flexShrink: 0 }}>
            {plan ? t(`actionPlans.statuses.${plan.status}`) : t('actionPlans.list.noPlan')}
          </Badge>
        </Group>
        {plan ? (
          <>
            <Group gap="xs" wrap="nowrap">
              <Progress value={plan.progress} style={{ flex: 1 }} aria-label={t('actionPlans.progressLabel', { value: plan.progress })} color={plan.overdue > 0 ? 'orange' : 'teal'} />
              <Text size="sm" fw={600} style={{ minWidth: 48, textAlign: 'end' }}>
                {t('actionPlans.percent', { value: format.number(plan.progress) })}
              </Text>
            </Group>
            <Group gap="md" wrap="wrap">
              <Text size="sm">{t('actionPlans.list.doneOf', { done: plan.done, count: plan.actions })}</Text>
              {plan.overdue > 0 ? (
                <Text size="sm" c="red.8" fw={600}>
                  {t('actionPlans.list.overdue', { count: plan.overdue })}
                </Text>
              ) : null}
              {plan.budgetMad > 0 ? <Text size="sm">{t('actionPlans.amount', { amount: format.amount(plan.budgetMad) })}</Text> : null}
              <Text size="sm" c="dimmed">
                {plan.acceptedAt ? t('actionPlans.list.acceptedOn', { date: format.date(plan.acceptedAt.slice(0, 10)) }) : t('actionPlans.list.awaitingAcceptance')}
              </Text>
            </Group>
          </>
        ) : canDraft && item.baselineId ? (
          <Stack gap={4} align="flex-start">
            <Button
              size="sm"
              variant="light"
              loading={draft.isPending}
              onClick={() => draft.mutate({ cooperativeId: item.cooperativeId }, { onSuccess: (created) => void navigate(`/action-plans/${created.id}`) })}
            >
              {t('actionPlans.list.draft')}
            </Button>
            {draft.error ? (
              <Text size="sm" c="red.8" role="alert">
                {isApiError(draft.error) && draft.error.issues[0] ? translateIssue(t, draft.error.issues[0]) : errorMessage(t, draft.error)}
              </Text>
            ) : null}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {item.baselineId ? t('actionPlans.list.notDraftedYet') : t('actionPlans.list.noBaseline')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

/** `/programmes/:programmeId/action-plans`: every enrolled cooperative with its plan's status, progress and acceptance. */
export default function ActionPlanListPage() {
  const { programmeId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const list = useActionPlanList(programmeId);
  const programme = useProgramme(programmeId);
  const [filter, setFilter] = useState<Filter>('all');
  const [search, setSearch] = useState('');
  const shown = useMemo(() => {
    const terms = foldText(search).split(' ').filter(Boolean);
    return (list.data?.items ?? []).filter((item) => {
      if (!matches(item, filter)) return false;
      const text = foldText(`${item.nameFr ?? ''} ${item.nameAr ?? ''} ${provinceName(item.provinceCode, i18n.language)}`);
      return terms.every((term) => text.includes(term));
    });
  }, [list.data, filter, search, i18n.language]);

  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const { items, canDraft } = list.data;
  const counts = Object.fromEntries(filters.map((key) => [key, items.filter((item) => matches(item, key)).length])) as Record<Filter, number>;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/programmes/${programmeId}`} size="sm">
        <Group gap={4} component="span">
          <ArrowStartIcon size={14} />
          {programme.data ? <bdi>{programmeName(programme.data, i18n.language)}</bdi> : t('actionPlans.backToProgramme')}
        </Group>
      </Anchor>
      <div>
        <Title order={1}>{t('actionPlans.listTitle')}</Title>
        <Text size="sm" c="dimmed">
          {t('actionPlans.list.intro')}
        </Text>
      </div>
      {items.length === 0 ? (
        <NothingHere title={t('actionPlans.list.empty')} />
      ) : (
        <Stack gap="sm">
          <Group gap="sm" align="flex-end" wrap="wrap">
            <TextInput
              leftSection={<SearchIcon size={16} />}
              placeholder={t('actionPlans.list.search')}
              aria-label={t('actionPlans.list.search')}
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
              style={{ flex: '1 1 220px' }}
            />
          </Group>
          <Chip.Group value={filter} onChange={(value) => setFilter(value as Filter)}>
            <Group gap={6} role="group" aria-label={t('actionPlans.list.filterLabel')}>
              {filters.map((key) => (
                <Chip key={key} value={key} size="sm">
                  {t(`actionPlans.list.filters.${key}`)} ({counts[key]})
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          {shown.length === 0 ? <Text c="dimmed">{t('ui.nothingFound')}</Text> : null}
          {shown.map((item) => (
            <PlanRow key={item.cooperativeId} item={item} canDraft={canDraft} programmeId={programmeId} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
