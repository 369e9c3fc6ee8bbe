import { Accordion, Alert, Badge, Button, CloseButton, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { unavailabilityInputSchema, type PlanTrainerView } from '../../core/training/plan.schema.js';
import { isApiError } from '../shared/api-client.js';
import { DayInput } from '../shared/day-input.js';
import { PlusIcon } from '../shared/icons.js';
import { errorMessage } from '../shared/issue-messages.js';
import { ErrorState, LoadingState } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { useSchemaForm } from '../shared/use-schema-form.js';
import { useAddUnavailability, useRemoveUnavailability, useTrainers } from './trainers.api.js';

/** The programme's trainers and their unavailability, editable by the programme's managers. */
export function TrainersPanel({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const trainers = useTrainers(programmeId);
  return (
    <Accordion variant="separated" chevronPosition="left">
      <Accordion.Item value="trainers">
        <Accordion.Control>
          <Group gap="xs" wrap="nowrap">
            <Text fw={600}>{t('trainers.title')}</Text>
            {trainers.data ? (
              <Badge variant="light" color="gray">
                {trainers.data.length}
              </Badge>
            ) : null}
          </Group>
        </Accordion.Control>
        <Accordion.Panel>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('trainers.intro')}
            </Text>
            {trainers.isPending ? (
              <LoadingState />
            ) : trainers.isError ? (
              <ErrorState error={trainers.error} onRetry={() => void trainers.refetch()} />
            ) : trainers.data.length === 0 ? (
              <Text size="sm">{t('trainers.none')}</Text>
            ) : (
              trainers.data.map((trainer) => <TrainerRow key={trainer.userId} programmeId={programmeId} trainer={trainer} />)
            )}
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}

type FormValues = { from: string | null; to: string | null; reason: string };

function TrainerRow({ programmeId, trainer }: { programmeId: string; trainer: PlanTrainerView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [adding, setAdding] = useState(false);
  const add = useAddUnavailability(programmeId);
  const remove = useRemoveUnavailability(programmeId);
  const form = useSchemaForm<FormValues>({ from: null, to: null, reason: '' });

  const onAdd = () => {
    const input = form.validate(unavailabilityInputSchema, { from: form.values.from ?? '', to: form.values.to ?? '', reason: form.values.reason });
    if (!input) return;
    add.mutate(
      { userId: trainer.userId, input },
      {
        onSuccess: () => {
          setAdding(false);
          form.setValues({ from: null, to: null, reason: '' });
        },
        onError: (error) => {
          if (isApiError(error, 'validation')) form.showServerIssues(error.issues);
        },
      },
    );
  };

  return (
    <Stack gap={6} py={6} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
      <Group justify="space-between" gap="xs">
        <Group gap="xs">
          <Text fw={600} size="sm">
            {trainer.displayName}
          </Text>
          <Badge variant="light" size="sm">
            {t(`trainers.roles.${trainer.teamRole}`, { defaultValue: trainer.teamRole })}
          </Badge>
        </Group>
        {!adding ? (
          <Button size="compact-sm" variant="subtle" leftSection={<PlusIcon size={14} />} onClick={() => setAdding(true)} aria-label={t('trainers.addFor', { name: trainer.displayName })}>
            {t('trainers.add')}
          </Button>
        ) : null}
      </Group>
      <Group gap="xs">
        {trainer.unavailable.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('trainers.noPeriods')}
          </Text>
        ) : (
          trainer.unavailable.map((period) => (
            <Badge
              key={period.id}
              variant="outline"
              color="orange"
              size="lg"
              style={{ textTransform: 'none' }}
              rightSection={
                <CloseButton
                  size="xs"
                  aria-label={t('trainers.remove', { from: format.date(period.from), to: format.date(period.to) })}
                  onClick={() => remove.mutate({ userId: trainer.userId, id: period.id })}
                  disabled={remove.isPending}
                />
              }
            >
              {t('trainers.period', { from: format.date(period.from), to: format.date(period.to) })}
              {period.reason ? ` · ${period.reason}` : ''}
            </Badge>
          ))
        )}
      </Group>
      {remove.error ? (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(t, remove.error)}
        </Alert>
      ) : null}
      {adding ? (
        <Group component="form" align="flex-end" gap="xs" onSubmit={(event) => (event.preventDefault(), onAdd())}>
          <DayInput label={t('trainers.from')} value={form.values.from} onChange={(value) => form.setField('from', value)} error={form.error('from')} w={150} />
          <DayInput label={t('trainers.to')} value={form.values.to} onChange={(value) => form.setField('to', value)} error={form.error('to')} w={150} />
          <TextInput label={t('trainers.reason')} value={form.values.reason} onChange={(event) => form.setField('reason', event.currentTarget.value)} error={form.error('reason')} w={200} />
          <Button type="submit" loading={add.isPending}>
            {t('trainers.add')}
          </Button>
          <Button variant="default" onClick={() => setAdding(false)}>
            {t('ui.cancel')}
          </Button>
          {add.error && !isApiError(add.error, 'validation') ? (
            <Alert color="red" variant="light" role="alert" w="100%">
              {errorMessage(t, add.error)}
            </Alert>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}
