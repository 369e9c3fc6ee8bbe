import { Alert, Button, Drawer, Group, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Slider, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays, moroccanToday } from '../../core/action-plans/action-plan.rules.js';
import {
  actionInputSchema,
  actionStatuses,
  executorKinds,
  financingSources,
  type ActionPlanView,
  type ActionStatus,
  type ExecutorKind,
  type FinancingSource,
  type PlanAction,
} from '../../core/action-plans/action-plan.schema.js';
import { organisationName } from '../../core/programmes/organisation.schema.js';
import { useOrganisations } from '../programmes/programmes.api.js';
import { isApiError } from '../shared/api-client.js';
import { ConfirmModal } from '../shared/confirm.modal.js';
import { DayInput } from '../shared/day-input.js';
import { errorMessage, translateIssue } from '../shared/issue-messages.js';
import { StaleVersionAlert } from '../shared/stale-version.alert.js';
import { useFormat } from '../shared/use-format.js';
import { useSchemaForm } from '../shared/use-schema-form.js';
import { frameworkDomains, localized } from '../training/catalogue.api.js';
import { useActionPlan, useAddAction, useRemoveAction, useUpdateAction } from './action-plans.api.js';
import { needKeyLabel } from './action-plan-words.js';

interface Values {
  title: string;
  description: string;
  domainKey: string | null;
  needKeys: string[];
  executorKind: ExecutorKind;
  executorMemberId: string | null;
  executorUserId: string | null;
  executorOrganisationId: string | null;
  executorLabel: string;
  startsOn: string | null;
  dueOn: string | null;
  status: ActionStatus;
  progress: number;
  budgetMad: number | string;
  financingSource: FinancingSource | null;
  stakeholderIds: string[];
}

function valuesOf(action: PlanAction | null, plan: ActionPlanView): Values {
  const today = moroccanToday();
  const start = today < plan.calendar.from ? plan.calendar.from : today;
  return {
    title: action?.title ?? '',
    description: action?.description ?? '',
    domainKey: action?.domainKey ?? null,
    needKeys: action?.needKeys ?? [],
    executorKind: action?.executor.kind ?? 'member',
    executorMemberId: action?.executor.memberId ?? null,
    executorUserId: action?.executor.userId ?? null,
    executorOrganisationId: action?.executor.organisationId ?? null,
    executorLabel: action?.executor.label ?? '',
    startsOn: action?.startsOn ?? start,
    dueOn: action?.dueOn ?? addDays(start, 59),
    status: action?.status ?? 'planned',
    progress: action?.progress ?? 0,
    budgetMad: action?.budgetMad ?? '',
    financingSource: action?.financingSource ?? null,
    stakeholderIds: action?.stakeholders.map((stakeholder) => stakeholder.organisationId) ?? [],
  };
}

/**
 * Writes an action whole: what, which needs it answers, who executes it (a
 * member of the cooperative, the consultant, a partner organisation), when,
 * where it stands, its budget and financing, and the organisations that may
 * take part. The server checks it again and names the fields to correct.
 */
export function ActionFormDrawer({ plan, action, opened, onClose }: { plan: ActionPlanView; action: PlanAction | null; opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const language = i18n.language;
  const add = useAddAction(plan.id);
  const update = useUpdateAction(plan.id);
  const remove = useRemoveAction(plan.id);
  const reload = useActionPlan(plan.id);
  const organisations = useOrganisations({}, opened);
  const form = useSchemaForm<Values>(() => valuesOf(action, plan));
  const [deleting, setDeleting] = useState(false);
  const error = add.error ?? update.error;
  const stale = isApiError(update.error, 'conflict') && update.error.issues[0]?.key === 'action_plan_stale';

  useEffect(() => {
    if (!opened) return;
    form.setValues(valuesOf(action, plan));
    form.clearIssues();
    add.reset();
    update.reset();
    remove.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, action?.id, action?.version]);

  const organisationOptions = useMemo(() => {
    const known = new Map((organisations.data ?? []).map((organisation) => [organisation.id, organisationName(organisation, language)]));
    // Organisations already named keep their label while the directory loads.
    for (const stakeholder of action?.stakeholders ?? []) if (!known.has(stakeholder.organisationId)) known.set(stakeholder.organisationId, organisationName(stakeholder.organisation, language));
    if (action?.executor.organisation && !known.has(action.executor.organisation.id)) known.set(action.executor.organisation.id, organisationName(action.executor.organisation, language));
    return [...known].map(([value, label]) => ({ value, label }));
  }, [organisations.data, action, language]);

  const needOptions = useMemo(() => {
    const keys = [...new Set([...plan.needs.map((need) => need.needKey), ...form.values.needKeys])];
    return keys.map((key) => ({ value: key, label: needKeyLabel(key, language) }));
  }, [plan.needs, form.values.needKeys, language]);

  const members = plan.choices?.members ?? [];
  const team = plan.choices?.team ?? [];

  const submit = () => {
    const { stakeholderIds, ...rest } = form.values;
    const draft = {
      ...rest,
      budgetMad: rest.budgetMad === '' ? null : Number(rest.budgetMad),
      stakeholders: stakeholderIds.map((organisationId) => ({ organisationId, role: action?.stakeholders.find((stakeholder) => stakeholder.organisationId === organisationId)?.role ?? null })),
      doneOn: rest.status === 'done' ? (action?.status === 'done' ? action.doneOn : null) : null,
      templateCode: action?.templateCode ?? null,
      moduleCode: action?.moduleCode ?? null,
    };
    const parsed = form.validate(actionInputSchema, draft, (field) => {
      const value = form.values[field as keyof Values];
      return value === '' || value === null;
    });
    if (!parsed) return;
    const options = { onSuccess: onClose, onError: (failure: unknown) => isApiError(failure, 'validation') && form.showServerIssues(failure.issues) };
    if (action) update.mutate({ actionId: action.id, version: action.version, ...parsed }, options);
    else add.mutate({ ...parsed, indicators: [] }, options);
  };

  const canDelete = action !== null && action.agreedDueOn === null && !action.hasHistory;

  return (
    <Drawer opened={opened} onClose={onClose} position="right" size="lg" title={action ? t('actionPlans.form.editTitle') : t('actionPlans.form.newTitle')}>
      <Stack gap="sm" component="form" onSubmit={(event) => (event.preventDefault(), submit())}>
        <TextInput label={t('fields.actionTitle')} required value={form.values.title} onChange={(event) => form.setField('title', event.currentTarget.value)} error={form.error('title')} />
        <Textarea label={t('fields.actionDescription')} autosize minRows={2} value={form.values.description} onChange={(event) => form.setField('description', event.currentTarget.value)} error={form.error('description')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('fields.actionDomain')}
            clearable
            value={form.values.domainKey}
            onChange={(value) => form.setField('domainKey', value)}
            data={frameworkDomains.map((domain) => ({ value: domain.key, label: localized(domain.label, language) }))}
            error={form.error('domainKey')}
          />
          <MultiSelect label={t('fields.actionNeedKeys')} value={form.values.needKeys} onChange={(value) => form.setField('needKeys', value)} data={needOptions} searchable error={form.error('needKeys')} />
        </SimpleGrid>

        <Text size="sm" fw={600}>
          {t('actionPlans.form.executor')}
        </Text>
        <SegmentedControl
          value={form.values.executorKind}
          onChange={(value) => form.setField('executorKind', value as ExecutorKind)}
          data={executorKinds.map((kind) => ({ value: kind, label: t(`actionPlans.executorKinds.${kind}`) }))}
          aria-label={t('fields.actionExecutorKind')}
          fullWidth
        />
        {form.values.executorKind === 'member' ? (
          <Select
            label={t('fields.actionExecutorMember')}
            required
            value={form.values.executorMemberId}
            onChange={(value) => form.setField('executorMemberId', value)}
            data={members.map((member) => ({ value: member.id, label: `${member.fullName} — ${t(`memberRoles.${member.role}`, { defaultValue: member.role })}` }))}
            nothingFoundMessage={t('ui.nothingFound')}
            searchable
            error={form.error('executorMemberId')}
          />
        ) : null}
        {form.values.executorKind === 'consultant' ? (
          <Select
            label={t('fields.actionExecutorConsultant')}
            placeholder={t('actionPlans.form.cooperativeConsultant')}
            clearable
            value={form.values.executorUserId}
            onChange={(value) => form.setField('executorUserId', value)}
            data={team.map((person) => ({ value: person.userId, label: person.displayName }))}
            error={form.error('executorUserId')}
          />
        ) : null}
        {form.values.executorKind === 'organisation' ? (
          <Select
            label={t('fields.actionExecutorOrganisation')}
            required
            searchable
            value={form.values.executorOrganisationId}
            onChange={(value) => form.setField('executorOrganisationId', value)}
            data={organisationOptions}
            nothingFoundMessage={t('ui.nothingFound')}
            error={form.error('executorOrganisationId')}
          />
        ) : null}
        <TextInput label={t('fields.actionExecutorLabel')} placeholder={t('actionPlans.form.executorLabelHint')} value={form.values.executorLabel} onChange={(event) => form.setField('executorLabel', event.currentTarget.value)} error={form.error('executorLabel')} />

        <SimpleGrid cols={2} spacing="sm">
          <DayInput label={t('fields.actionStartsOn')} required value={form.values.startsOn} onChange={(value) => form.setField('startsOn', value)} error={form.error('startsOn')} />
          <DayInput label={t('fields.actionDueOn')} required value={form.values.dueOn} onChange={(value) => form.setField('dueOn', value)} error={form.error('dueOn')} />
        </SimpleGrid>
        {action?.agreedDueOn && action.agreedDueOn !== form.values.dueOn ? (
          <Text size="xs" c="orange.8">
            {t('actionPlans.form.agreedDue', { date: format.date(action.agreedDueOn) })}
          </Text>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('fields.actionStatus')}
            value={form.values.status}
            onChange={(value) => value && form.setField('status', value as ActionStatus)}
            data={actionStatuses.map((status) => ({ value: status, label: t(`actionPlans.actionStatuses.${status}`) }))}
            allowDeselect={false}
            error={form.error('status')}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500} id="action-progress-label">
              {t('fields.actionProgress')} — {t('actionPlans.percent', { value: form.values.status === 'done' ? 100 : form.values.progress })}
            </Text>
            <Slider
              value={form.values.status === 'done' ? 100 : form.values.progress}
              onChange={(value) => form.setField('progress', value)}
              step={5}
              disabled={form.values.status === 'done'}
              aria-labelledby="action-progress-label"
              label={(value) => `${value} %`}
            />
          </Stack>
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NumberInput label={t('fields.actionBudgetMad')} min={0} thousandSeparator=" " value={form.values.budgetMad} onChange={(value) => form.setField('budgetMad', value)} error={form.error('budgetMad')} />
          <Select
            label={t('fields.actionFinancingSource')}
            clearable
            value={form.values.financingSource}
            onChange={(value) => form.setField('financingSource', value as FinancingSource | null)}
            data={financingSources.map((source) => ({ value: source, label: t(`actionPlans.financingSources.${source}`) }))}
            error={form.error('financingSource')}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('fields.actionStakeholders')}
          description={t('actionPlans.form.stakeholdersHint')}
          searchable
          value={form.values.stakeholderIds}
          onChange={(value) => form.setField('stakeholderIds', value)}
          data={organisationOptions}
          nothingFoundMessage={t('ui.nothingFound')}
          error={form.error('stakeholders')}
        />

        {stale ? (
          <StaleVersionAlert
            title={t('actionPlans.form.staleTitle')}
            message={t('actionPlans.form.stale')}
            reloadLabel={t('actionPlans.reload')}
            onReload={async () => {
              update.reset();
              const fresh = await reload.refetch();
              const current = fresh.data?.actions.find((entry) => entry.id === action?.id);
              if (fresh.data && current) form.setValues(valuesOf(current, fresh.data));
            }}
          />
        ) : error && !isApiError(error, 'validation') ? (
          <Alert color="red" variant="light" role="alert">
            {isApiError(error) && error.issues[0] ? translateIssue(t, error.issues[0]) : errorMessage(t, error)}
          </Alert>
        ) : form.errorFields.length > 0 ? (
          <Alert color="red" variant="light" role="alert">
            {t('errors.validation')}
          </Alert>
        ) : null}
        <Group justify="space-between">
          {canDelete ? (
            <Button variant="subtle" color="red" onClick={() => setDeleting(true)}>
              {t('actionPlans.form.delete')}
            </Button>
          ) : (
            <span />
          )}
          <Group gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('ui.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending || update.isPending}>
              {t('ui.save')}
            </Button>
          </Group>
        </Group>
        {action && !canDelete ? (
          <Text size="xs" c="dimmed">
            {t('actionPlans.form.cancelInstead')}
          </Text>
        ) : null}
      </Stack>
      <ConfirmModal
        opened={deleting}
        title={t('actionPlans.form.delete')}
        message={t('actionPlans.form.deleteConfirm', { title: action?.title ?? '' })}
        confirmLabel={t('actionPlans.form.delete')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onClose={() => setDeleting(false)}
        onConfirm={() =>
          action &&
          remove.mutate(action.id, {
            onSuccess: () => {
              setDeleting(false);
              onClose();
            },
          })
        }
      />
    </Drawer>
  );
}
