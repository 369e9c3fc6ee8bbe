import { ActionIcon, Badge, Box, Button, Card, Divider, Group, NumberInput, Progress, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { moroccanToday } from '../../core/action-plans/action-plan.rules.js';
import { measurementInputSchema, type ActionPlanView, type Indicator, type PlanAction } from '../../core/action-plans/action-plan.schema.js';
import { ActionFinancing } from '../financing/action-financing.component.js';
import { isApiError } from '../shared/api-client.js';
import { DayInput } from '../shared/day-input.js';
import { EditIcon, PlusIcon, TrashIcon } from '../shared/icons.js';
import { errorMessage, translateIssue } from '../shared/issue-messages.js';
import { useFormat } from '../shared/use-format.js';
import { useSchemaForm } from '../shared/use-schema-form.js';
import { domainLabel } from '../training/catalogue.api.js';
import { actionStatusColors, needKeyLabel, organisationLabel } from './action-plan-words.js';
import { useAddMeasurement, useRemoveMeasurement } from './action-plans.api.js';
import { IndicatorFormModal } from './indicator-form.modal.js';

/** Who carries the action, in words: the member and their office (the office only for a funder), the consultant, the organisation. */
export function useExecutorText() {
  const { t, i18n } = useTranslation();
  return (action: PlanAction) => {
    const { executor } = action;
    let who: string;
    if (executor.kind === 'member') {
      const role = executor.memberRole ? t(`memberRoles.${executor.memberRole}`, { defaultValue: executor.memberRole }) : t('actionPlans.executorKinds.member');
      who = executor.name ? `${executor.name} · ${role}` : role;
    } else if (executor.kind === 'organisation') {
      who = executor.organisation ? organisationLabel(executor.organisation, i18n.language) : t('actionPlans.executorKinds.organisation');
    } else {
      who = executor.name ?? t('actionPlans.form.cooperativeConsultant');
    }
    return executor.label ? `${who} — ${executor.label}` : who;
  };
}

type MeasurementValues = { measuredOn: string | null; value: number | string; note: string };

function MeasurementForm({ plan, action, indicator }: { plan: ActionPlanView; action: PlanAction; indicator: Indicator }) {
  const { t } = useTranslation();
  const add = useAddMeasurement(plan.id);
  const form = useSchemaForm<MeasurementValues>({ measuredOn: moroccanToday(), value: '', note: '' });
  const submit = () => {
    const parsed = form.validate(measurementInputSchema, { ...form.values, value: form.values.value === '' ? undefined : Number(form.values.value) }, (field) => form.values[field as keyof MeasurementValues] === '');
    if (!parsed) return;
    add.mutate(
      { actionId: action.id, indicatorId: indicator.id, ...parsed },
      { onSuccess: () => form.setValues({ measuredOn: moroccanToday(), value: '', note: '' }), onError: (failure) => isApiError(failure, 'validation') && form.showServerIssues(failure.issues) },
    );
  };
  return (
    <Group gap="xs" align="flex-start" wrap="wrap" component="form" onSubmit={(event) => (event.preventDefault(), submit())}>
      <DayInput size="xs" label={t('fields.indicatorMeasuredOn')} value={form.values.measuredOn} onChange={(value) => form.setField('measuredOn', value)} maxDate={moroccanToday()} error={form.error('measuredOn')} w={130} />
      <NumberInput size="xs" label={t('fields.indicatorMeasuredValue', { unit: indicator.unit })} value={form.values.value} onChange={(value) => form.setField('value', value)} error={form.error('value')} decimalScale={2} w={130} />
      <TextInput size="xs" label={t('fields.indicatorMeasurementNote')} value={form.values.note} onChange={(event) => form.setField('note', event.currentTarget.value)} error={form.error('note')} style={{ flex: '1 1 140px' }} />
      <Button size="xs" type="submit" mt={22} loading={add.isPending} leftSection={<PlusIcon size={14} />}>
        {t('actionPlans.indicators.addValue')}
      </Button>
      {add.error && !isApiError(add.error, 'validation') ? (
        <Text size="xs" c="red.8" w="100%" role="alert">
          {errorMessage(t, add.error)}
        </Text>
      ) : null}
    </Group>
  );
}

function IndicatorBlock({ plan, action, indicator, onEdit }: { plan: ActionPlanView; action: PlanAction; indicator: Indicator; onEdit: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const remove = useRemoveMeasurement(plan.id);
  const editable = plan.permissions.edit;
  const value = (number: number | null) => (number === null ? '—' : `${format.number(number)} ${indicator.unit}`);
  return (
    <Box p="xs" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 6 }} data-testid="action-indicator">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap={6} wrap="wrap">
              <Badge size="xs" variant="outline" color={indicator.kind === 'monitoring' ? 'blue' : 'grape'}>
                {t(`actionPlans.indicatorKinds.${indicator.kind}`)}
              </Badge>
              <Text size="sm" fw={600}>
                {indicator.label}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {t('actionPlans.indicators.line', { baseline: value(indicator.baseline), target: value(indicator.target), date: indicator.targetDate ? format.date(indicator.targetDate) : '—' })}
            </Text>
          </Stack>
          {editable ? (
            <ActionIcon variant="subtle" onClick={onEdit} aria-label={t('actionPlans.indicators.edit', { label: indicator.label })}>
              <EditIcon size={16} />
            </ActionIcon>
          ) : null}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Progress value={(indicator.attainment ?? 0) * 100} style={{ flex: 1 }} color="grape" aria-label={t('actionPlans.indicators.attainment')} />
          <Text size="xs" style={{ minWidth: 110, textAlign: 'end' }}>
            {indicator.latest === null ? t('actionPlans.indicators.noValue') : t('actionPlans.indicators.latest', { value: value(indicator.latest) })}
          </Text>
        </Group>
        {indicator.measurements.length > 0 ? (
          <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {indicator.measurements.map((measurement) => (
              <Group key={measurement.id} component="li" gap="xs" wrap="nowrap" justify="space-between">
                <Text size="xs" style={{ minWidth: 0 }} truncate>
                  {format.date(measurement.measuredOn)} · <b>{value(measurement.value)}</b>
                  {measurement.note ? ` · ${measurement.note}` : ''}
                  {measurement.followUpId ? ` · ${t('actionPlans.indicators.fromFollowUp')}` : ''}
                </Text>
                {editable && !measurement.followUpId ? (
                  <ActionIcon
                    size="sm"
                    variant="subtle"
                    color="red"
                    loading={remove.isPending && remove.variables?.measurementId === measurement.id}
                    onClick={() => remove.mutate({ actionId: action.id, indicatorId: indicator.id, measurementId: measurement.id })}
                    aria-label={t('actionPlans.indicators.removeValue', { date: format.date(measurement.measuredOn) })}
                  >
                    <TrashIcon size={14} />
                  </ActionIcon>
                ) : null}
              </Group>
            ))}
          </Stack>
        ) : null}
        {remove.error ? (
          <Text size="xs" c="red.8" role="alert">
            {isApiError(remove.error) && remove.error.issues[0] ? translateIssue(t, remove.error.issues[0]) : errorMessage(t, remove.error)}
          </Text>
        ) : null}
        {editable ? <MeasurementForm plan={plan} action={action} indicator={indicator} /> : null}
      </Stack>
    </Box>
  );
}

/** One action: where it stands at a glance, and opened, its description, indicators with their values, and its financing. */
export function ActionCard({ plan, action, onEdit }: { plan: ActionPlanView; action: PlanAction; onEdit: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const executorText = useExecutorText();
  const [opened, setOpened] = useState(false);
  const [indicatorShown, setIndicatorShown] = useState<Indicator | 'new' | null>(null);
  const editable = plan.permissions.edit;
  const detailsId = `action-details-${action.id}`;
  return (
    <Card withBorder padding="sm" radius="md" data-testid="plan-action" component="article" aria-labelledby={`action-title-${action.id}`}>
      <Stack gap={8}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600} id={`action-title-${action.id}`}>
              <bdi>{action.title}</bdi>
            </Text>
            <Text size="xs" c="dimmed">
              {executorText(action)}
            </Text>
          </Stack>
          <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }}>
            {editable ? (
              <ActionIcon variant="light" onClick={onEdit} aria-label={t('actionPlans.editAction', { title: action.title })}>
                <EditIcon size={16} />
              </ActionIcon>
            ) : null}
          </Group>
        </Group>
        <Group gap={6} wrap="wrap">
          <Badge variant="light" color={actionStatusColors[action.status]}>
            {t(`actionPlans.actionStatuses.${action.status}`)}
          </Badge>
          {action.isOverdue ? (
            <Badge variant="filled" color="orange">
              {t('actionPlans.overdueBadge')}
            </Badge>
          ) : null}
          {action.driftDays ? (
            <Badge variant="outline" color={action.driftDays > 0 ? 'orange' : 'teal'}>
              {t(action.driftDays > 0 ? 'actionPlans.driftLater' : 'actionPlans.driftEarlier', { count: Math.abs(action.driftDays) })}
            </Badge>
          ) : null}
          {action.domainKey ? (
            <Badge variant="dot" color="gray">
              {domainLabel(action.domainKey, i18n.language)}
            </Badge>
          ) : null}
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Progress value={action.progress} style={{ flex: 1 }} color={actionStatusColors[action.status] === 'gray' ? 'blue' : actionStatusColors[action.status]} aria-label={t('actionPlans.progressLabel', { value: action.progress })} />
          <Text size="sm" fw={600} style={{ minWidth: 44, textAlign: 'end' }}>
            {t('actionPlans.percent', { value: action.progress })}
          </Text>
        </Group>
        <Group gap="md" wrap="wrap">
          <Text size="sm">{t('actionPlans.dates', { from: format.date(action.startsOn), to: format.date(action.dueOn) })}</Text>
          {action.doneOn ? <Text size="sm">{t('actionPlans.doneOn', { date: format.date(action.doneOn) })}</Text> : null}
          {action.budgetMad !== null ? (
            <Text size="sm">
              {t('actionPlans.amount', { amount: format.amount(action.budgetMad) })}
              {action.financingSource ? ` · ${t(`actionPlans.financingSources.${action.financingSource}`)}` : ''}
            </Text>
          ) : action.financingSource ? (
            <Text size="sm">{t(`actionPlans.financingSources.${action.financingSource}`)}</Text>
          ) : null}
        </Group>
        <Button variant="subtle" size="compact-sm" onClick={() => setOpened((value) => !value)} aria-expanded={opened} aria-controls={detailsId} style={{ alignSelf: 'flex-start' }}>
          {opened ? t('actionPlans.hideDetails') : t('actionPlans.showDetails', { count: action.indicators.length })}
        </Button>
        {opened ? (
          <Stack gap="sm" id={detailsId}>
            {action.description ? (
              <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-line' }}>
                {action.description}
              </Text>
            ) : null}
            {action.needKeys.length > 0 ? (
              <Stack gap={4}>
                <Text size="xs" fw={600}>
                  {t('actionPlans.needsAnswered')}
                </Text>
                <Group gap={4} wrap="wrap">
                  {action.needKeys.map((key) => (
                    <Badge key={key} variant="light" color="gray" size="sm" style={{ textTransform: 'none', maxWidth: '100%' }}>
                      {needKeyLabel(key, i18n.language)}
                    </Badge>
                  ))}
                </Group>
              </Stack>
            ) : null}
            <Stack gap={4}>
              <Text size="xs" fw={600}>
                {t('actionPlans.stakeholders')}
              </Text>
              {action.stakeholders.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t('actionPlans.noStakeholders')}
                </Text>
              ) : (
                <Stack gap={2} component="ul" style={{ margin: 0, paddingInlineStart: 18 }}>
                  {action.stakeholders.map((stakeholder) => (
                    <Text key={stakeholder.organisationId} size="sm" component="li">
                      {organisationLabel(stakeholder.organisation, i18n.language)}
                      <Text span size="xs" c="dimmed">
                        {' '}
                        · {t(`organisations.kinds.${stakeholder.organisation.kind}`)}
                        {stakeholder.role ? ` · ${stakeholder.role}` : ''}
                      </Text>
                    </Text>
                  ))}
                </Stack>
              )}
            </Stack>
            <Divider />
            <Group justify="space-between" wrap="nowrap">
              <Text size="xs" fw={600}>
                {t('actionPlans.indicators.title')}
              </Text>
              {editable ? (
                <Button size="compact-xs" variant="light" leftSection={<PlusIcon size={12} />} onClick={() => setIndicatorShown('new')}>
                  {t('actionPlans.indicators.add')}
                </Button>
              ) : null}
            </Group>
            {action.indicators.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('actionPlans.indicators.none')}
              </Text>
            ) : (
              action.indicators.map((indicator) => <IndicatorBlock key={indicator.id} plan={plan} action={action} indicator={indicator} onEdit={() => setIndicatorShown(indicator)} />)
            )}
            <Divider />
            <ActionFinancing programmeId={plan.programmeId} cooperativeId={plan.cooperativeId} actionId={action.id} canManage={plan.permissions.manageFinancing} />
          </Stack>
        ) : null}
      </Stack>
      {editable ? (
        <IndicatorFormModal planId={plan.id} actionId={action.id} indicator={indicatorShown === 'new' ? null : indicatorShown} opened={indicatorShown !== null} onClose={() => setIndicatorShown(null)} />
      ) : null}
    </Card>
  );
}
