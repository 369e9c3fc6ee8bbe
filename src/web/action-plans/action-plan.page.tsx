import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { ActionPlanView, PlanAction } from '../../core/action-plans/action-plan.schema.js';
import { FollowUpHistory } from '../follow-up/follow-up-history.component.js';
import { programmeName } from '../programmes/programme-words.js';
import { provinceName } from '../registry/territory-names.js';
import { ArrowStartIcon, PlusIcon } from '../shared/icons.js';
import { ErrorState, LoadingState, NothingHere } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { domainLabel } from '../training/catalogue.api.js';
import { AcceptancePanel } from './acceptance-panel.component.js';
import { ActionCard } from './action-card.component.js';
import { ActionFormDrawer } from './action-form.drawer.js';
import { ActionPlanDownloads } from './action-plan-downloads.component.js';
import { cooperativeLabel, needKeyLabel, planStatusColors } from './action-plan-words.js';
import { useActionPlan } from './action-plans.api.js';
import { PlanTimeline } from './plan-timeline.component.js';

function Figure({ label, value, tone }: { label: string; value: string; tone?: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" c={tone}>
        {value}
      </Text>
    </Paper>
  );
}

/** The diagnostic's needs and the actions answering each: a need without any is shown first. */
function NeedsCoverage({ plan }: { plan: ActionPlanView }) {
  const { t, i18n } = useTranslation();
  if (plan.needs.length === 0) return <Text c="dimmed">{t('actionPlans.needs.none')}</Text>;
  const sorted = [...plan.needs].sort((a, b) => Number(a.actionCount > 0) - Number(b.actionCount > 0) || b.priority - a.priority);
  return (
    <Stack gap={6} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      <Text size="sm" c="dimmed" component="li">
        {t('actionPlans.needs.intro')}
      </Text>
      {sorted.map((need) => (
        <Group key={need.needKey} component="li" justify="space-between" wrap="nowrap" gap="xs">
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text size="sm" fw={need.kind === 'domain' ? 600 : 400}>
              {needKeyLabel(need.needKey, i18n.language)}
            </Text>
            {need.kind === 'question' ? (
              <Text size="xs" c="dimmed">
                {domainLabel(need.domainKey, i18n.language)}
              </Text>
            ) : null}
          </Stack>
          <Badge variant="light" color={need.actionCount > 0 ? 'teal' : 'orange'} style={{ flexShrink: 0 }}>
            {need.actionCount > 0 ? t('actionPlans.needs.answered', { count: need.actionCount }) : t('actionPlans.needs.unanswered')}
          </Badge>
        </Group>
      ))}
    </Stack>
  );
}

/** `/action-plans/:actionPlanId`: a cooperative's action plan — actions, indicators, timeline, acceptance, follow-ups. */
export default function ActionPlanPage() {
  const { actionPlanId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const query = useActionPlan(actionPlanId);
  const [editing, setEditing] = useState<PlanAction | 'new' | null>(null);
  const [tab, setTab] = useState<string | null>('actions');

  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const plan = query.data;
  const { summary, permissions } = plan;
  const language = i18n.language;
  const editingAction = editing === 'new' ? null : editing && (plan.actions.find((action) => action.id === editing.id) ?? null);

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/programmes/${plan.programmeId}/action-plans`} size="sm">
        <Group gap={4} component="span">
          <ArrowStartIcon size={14} />
          {t('actionPlans.listTitle')} · <bdi>{programmeName(plan.programme, language)}</bdi>
        </Group>
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div style={{ minWidth: 0 }}>
          <Title order={1}>
            <bdi>{cooperativeLabel(plan.cooperative, language)}</bdi>
          </Title>
          <Text size="sm" c="dimmed">
            {t('actionPlans.subtitle', { province: provinceName(plan.cooperative.provinceCode, language), revision: plan.revision })}
          </Text>
        </div>
        <Group gap="xs">
          <Badge size="lg" variant="light" color={planStatusColors[plan.status]}>
            {t(`actionPlans.statuses.${plan.status}`)}
          </Badge>
          <Anchor component={Link} to={`/cooperatives/${plan.cooperativeId}`} size="sm">
            {t('actionPlans.cooperativeRecord')}
          </Anchor>
        </Group>
      </Group>

      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure label={t('actionPlans.figures.progress')} value={t('actionPlans.percent', { value: format.number(summary.progress) })} />
        <Figure label={t('actionPlans.figures.done')} value={t('actionPlans.figures.doneValue', { done: summary.done, count: summary.actions })} />
        <Figure label={t('actionPlans.figures.overdue')} value={format.number(summary.overdue)} tone={summary.overdue > 0 ? 'orange.8' : undefined} />
        <Figure label={t('actionPlans.figures.budget')} value={t('actionPlans.amount', { amount: format.amount(summary.budgetMad) })} />
      </SimpleGrid>

      <AcceptancePanel plan={plan} />
      <ActionPlanDownloads actionPlanId={plan.id} />

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="actions">{t('actionPlans.tabs.actions', { count: plan.actions.length })}</Tabs.Tab>
          <Tabs.Tab value="timeline">{t('actionPlans.tabs.timeline')}</Tabs.Tab>
          <Tabs.Tab value="needs">{t('actionPlans.tabs.needs')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="actions" pt="md">
          <Stack gap="sm">
            {permissions.edit ? (
              <Group justify="flex-end">
                <Button leftSection={<PlusIcon size={16} />} onClick={() => setEditing('new')}>
                  {t('actionPlans.addAction')}
                </Button>
              </Group>
            ) : null}
            {plan.actions.length === 0 ? <NothingHere title={t('actionPlans.noActions')} /> : null}
            {plan.actions.map((action) => (
              <ActionCard key={action.id} plan={plan} action={action} onEdit={() => setEditing(action)} />
            ))}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          <PlanTimeline plan={plan} />
        </Tabs.Panel>
        <Tabs.Panel value="needs" pt="md">
          <NeedsCoverage plan={plan} />
        </Tabs.Panel>
      </Tabs>

      <FollowUpHistory programmeId={plan.programmeId} cooperativeId={plan.cooperativeId} />

      {permissions.edit ? <ActionFormDrawer plan={plan} action={editingAction ?? null} opened={editing !== null} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}
