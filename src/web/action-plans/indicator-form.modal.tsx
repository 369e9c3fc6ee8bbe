import { Alert, Button, Group, Modal, NumberInput, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { indicatorInputSchema, indicatorKinds, type Indicator, type IndicatorKind } from '../../core/action-plans/action-plan.schema.js';
import { isApiError } from '../shared/api-client.js';
import { DayInput } from '../shared/day-input.js';
import { errorMessage, translateIssue } from '../shared/issue-messages.js';
import { useSchemaForm } from '../shared/use-schema-form.js';
import { useAddIndicator, useRemoveIndicator, useUpdateIndicator } from './action-plans.api.js';

type Values = { kind: IndicatorKind; label: string; unit: string; baseline: number | string; target: number | string; targetDate: string | null };

const valuesOf = (indicator: Indicator | null): Values => ({
  kind: indicator?.kind ?? 'monitoring',
  label: indicator?.label ?? '',
  unit: indicator?.unit ?? '',
  baseline: indicator?.baseline ?? '',
  target: indicator?.target ?? '',
  targetDate: indicator?.targetDate ?? null,
});

/** Adds an indicator to an action, or changes one: kind, label, unit, baseline, target and its date. */
export function IndicatorFormModal({ planId, actionId, indicator, opened, onClose }: { planId: string; actionId: string; indicator: Indicator | null; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddIndicator(planId);
  const update = useUpdateIndicator(planId);
  const remove = useRemoveIndicator(planId);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const form = useSchemaForm<Values>(() => valuesOf(indicator));
  const pending = add.isPending || update.isPending;
  const error = add.error ?? update.error ?? remove.error;

  useEffect(() => {
    if (!opened) return;
    form.setValues(valuesOf(indicator));
    form.clearIssues();
    add.reset();
    update.reset();
    remove.reset();
    setConfirmingDelete(false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, indicator?.id]);

  const submit = () => {
    const draft = { ...form.values, baseline: form.values.baseline === '' ? null : Number(form.values.baseline), target: form.values.target === '' ? undefined : Number(form.values.target) };
    const parsed = form.validate(indicatorInputSchema, draft, (field) => form.values[field as keyof Values] === '');
    if (!parsed) return;
    const options = { onSuccess: onClose, onError: (failure: unknown) => isApiError(failure, 'validation') && form.showServerIssues(failure.issues) };
    if (indicator) update.mutate({ actionId, indicatorId: indicator.id, ...parsed }, options);
    else add.mutate({ actionId, ...parsed }, options);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={indicator ? t('actionPlans.indicators.editTitle') : t('actionPlans.indicators.newTitle')} centered>
      <Stack gap="sm" component="form" onSubmit={(event) => (event.preventDefault(), submit())}>
        <SegmentedControl
          value={form.values.kind}
          onChange={(value) => form.setField('kind', value as IndicatorKind)}
          data={indicatorKinds.map((kind) => ({ value: kind, label: t(`actionPlans.indicatorKinds.${kind}`) }))}
          aria-label={t('fields.indicatorKind')}
        />
        <TextInput label={t('fields.indicatorLabel')} required value={form.values.label} onChange={(event) => form.setField('label', event.currentTarget.value)} error={form.error('label')} />
        <Group grow align="flex-start">
          <TextInput label={t('fields.indicatorUnit')} required value={form.values.unit} onChange={(event) => form.setField('unit', event.currentTarget.value)} error={form.error('unit')} />
          <DayInput label={t('fields.indicatorTargetDate')} value={form.values.targetDate} onChange={(value) => form.setField('targetDate', value)} error={form.error('targetDate')} clearable />
        </Group>
        <Group grow align="flex-start">
          <NumberInput label={t('fields.indicatorBaseline')} value={form.values.baseline} onChange={(value) => form.setField('baseline', value)} error={form.error('baseline')} decimalScale={2} />
          <NumberInput label={t('fields.indicatorTarget')} required value={form.values.target} onChange={(value) => form.setField('target', value)} error={form.error('target')} decimalScale={2} />
        </Group>
        {error && !isApiError(error, 'validation') ? (
          <Alert color="red" variant="light" role="alert">
            {isApiError(error) && error.issues[0] ? translateIssue(t, error.issues[0]) : errorMessage(t, error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          {indicator ? (
            <Button variant="subtle" color="red" me="auto" loading={remove.isPending} onClick={() => (confirmingDelete ? remove.mutate({ actionId, indicatorId: indicator.id }, { onSuccess: onClose }) : setConfirmingDelete(true))}>
              {confirmingDelete ? t('actionPlans.indicators.deleteConfirm', { count: indicator.measurements.length }) : t('actionPlans.indicators.delete')}
            </Button>
          ) : null}
          <Button variant="default" onClick={onClose}>
            {t('ui.cancel')}
          </Button>
          <Button type="submit" loading={pending}>
            {t('ui.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
