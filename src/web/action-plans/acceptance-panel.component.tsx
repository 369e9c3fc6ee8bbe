import { Alert, Badge, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { moroccanToday } from '../../core/action-plans/action-plan.rules.js';
import type { ActionPlanView } from '../../core/action-plans/action-plan.schema.js';
import { isApiError } from '../shared/api-client.js';
import { ConfirmModal } from '../shared/confirm.modal.js';
import { DayInput } from '../shared/day-input.js';
import { CheckIcon } from '../shared/icons.js';
import { errorMessage, translateIssue } from '../shared/issue-messages.js';
import { StaleVersionAlert } from '../shared/stale-version.alert.js';
import { useFormat } from '../shared/use-format.js';
import { useAcceptPlan, useActionPlan, useDeletePlan, useReopenPlan } from './action-plans.api.js';

function ErrorLine({ error }: { error: unknown }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert">
      {isApiError(error) && error.issues[0] ? translateIssue(t, error.issues[0]) : errorMessage(t, error)}
    </Alert>
  );
}

/**
 * Where the plan is agreed: the representative accepts it in Taawon; the team
 * records an acceptance the cooperative gave on a signed paper (who signed,
 * and when); an agreed plan shows who accepted and when, and the team may
 * reopen it for revision.
 */
export function AcceptancePanel({ plan }: { plan: ActionPlanView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const accept = useAcceptPlan(plan.id);
  const reopen = useReopenPlan(plan.id);
  const remove = useDeletePlan(plan.id);
  const reload = useActionPlan(plan.id);
  const [note, setNote] = useState('');
  const [signedOn, setSignedOn] = useState<string | null>(moroccanToday());
  const [confirming, setConfirming] = useState<'accept' | 'paper' | 'reopen' | 'delete' | null>(null);
  const stale = [accept.error, reopen.error].some((error) => isApiError(error, 'conflict') && error.issues[0]?.key === 'action_plan_stale');
  const { acceptance, permissions } = plan;

  const staleAlert = stale ? (
    <StaleVersionAlert
      title={t('actionPlans.acceptance.staleTitle')}
      message={t('actionPlans.acceptance.stale')}
      reloadLabel={t('actionPlans.reload')}
      onReload={async () => {
        accept.reset();
        reopen.reset();
        await reload.refetch();
      }}
    />
  ) : null;

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="plan-acceptance-title">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={2} size="h4" id="plan-acceptance-title">
            {t('actionPlans.acceptance.title')}
          </Title>
          {acceptance ? (
            <Badge color="green" variant="light" leftSection={<CheckIcon size={12} />}>
              {acceptance.onPaper ? t('actionPlans.acceptance.onPaper') : t('actionPlans.acceptance.inApp')}
            </Badge>
          ) : null}
        </Group>
        {acceptance ? (
          <Stack gap={4}>
            <Text size="sm">
              {acceptance.acceptedBy
                ? t(acceptance.onPaper ? 'actionPlans.acceptance.recordedBy' : 'actionPlans.acceptance.acceptedBy', { date: format.date(acceptance.acceptedAt.slice(0, 10)), name: acceptance.acceptedBy.displayName })
                : t('actionPlans.acceptance.acceptedOn', { date: format.date(acceptance.acceptedAt.slice(0, 10)) })}
            </Text>
            {acceptance.note ? (
              <Text size="sm" c="dimmed" fs="italic" dir="auto" style={{ whiteSpace: 'pre-line' }}>
                {acceptance.note}
              </Text>
            ) : null}
            {permissions.reopen ? (
              <Group>
                <Button size="xs" variant="default" onClick={() => setConfirming('reopen')}>
                  {t('actionPlans.acceptance.reopen')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        ) : (
          <Text size="sm">{permissions.accept ? t('actionPlans.acceptance.invite') : t('actionPlans.acceptance.awaiting')}</Text>
        )}

        {permissions.accept ? (
          <Stack gap="xs">
            <Textarea label={t('actionPlans.acceptance.note')} autosize minRows={2} maxLength={2000} value={note} onChange={(event) => setNote(event.currentTarget.value)} />
            <Group>
              <Button color="green" leftSection={<CheckIcon size={16} />} onClick={() => setConfirming('accept')}>
                {t('actionPlans.acceptance.accept')}
              </Button>
            </Group>
          </Stack>
        ) : null}

        {permissions.recordPaperAcceptance && !permissions.accept ? (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t('actionPlans.acceptance.paperTitle')}
            </Text>
            <Text size="xs" c="dimmed">
              {t('actionPlans.acceptance.paperHelp')}
            </Text>
            <Textarea
              label={t('fields.planAcceptanceNote')}
              placeholder={t('actionPlans.acceptance.paperPlaceholder')}
              autosize
              minRows={2}
              maxLength={2000}
              required
              value={note}
              onChange={(event) => setNote(event.currentTarget.value)}
              error={isApiError(accept.error, 'validation') && accept.error.issues[0]?.path[0] === 'note' ? translateIssue(t, accept.error.issues[0]) : undefined}
            />
            <DayInput
              label={t('fields.planSignedOn')}
              value={signedOn}
              onChange={(value) => setSignedOn(value)}
              maxDate={moroccanToday()}
              maw={220}
              error={isApiError(accept.error, 'validation') && accept.error.issues[0]?.path[0] === 'signedOn' ? translateIssue(t, accept.error.issues[0]) : undefined}
            />
            <Group>
              <Button variant="light" disabled={!note.trim()} onClick={() => setConfirming('paper')}>
                {t('actionPlans.acceptance.recordPaper')}
              </Button>
            </Group>
          </Stack>
        ) : null}

        {staleAlert}
        {!stale && !(isApiError(accept.error, 'validation') && permissions.recordPaperAcceptance) ? <ErrorLine error={accept.error ?? reopen.error} /> : null}
        {permissions.delete ? (
          <Group justify="flex-end">
            <Button size="xs" variant="subtle" color="red" onClick={() => setConfirming('delete')}>
              {t('actionPlans.deletePlan')}
            </Button>
          </Group>
        ) : null}
      </Stack>

      <ConfirmModal
        opened={confirming === 'accept' || confirming === 'paper'}
        title={confirming === 'paper' ? t('actionPlans.acceptance.recordPaper') : t('actionPlans.acceptance.accept')}
        message={t('actionPlans.acceptance.confirm', { count: plan.summary.actions })}
        confirmLabel={confirming === 'paper' ? t('actionPlans.acceptance.recordPaper') : t('actionPlans.acceptance.accept')}
        pending={accept.isPending}
        onClose={() => setConfirming(null)}
        onConfirm={() =>
          accept.mutate(
            { revision: plan.revision, note: note.trim() || null, ...(confirming === 'paper' ? { signedOn } : {}) },
            { onSettled: () => setConfirming(null), onSuccess: () => setNote('') },
          )
        }
      />
      <ConfirmModal
        opened={confirming === 'reopen'}
        title={t('actionPlans.acceptance.reopen')}
        message={t('actionPlans.acceptance.reopenConfirm')}
        confirmLabel={t('actionPlans.acceptance.reopen')}
        pending={reopen.isPending}
        onClose={() => setConfirming(null)}
        onConfirm={() => reopen.mutate(plan.revision, { onSettled: () => setConfirming(null) })}
      />
      <ConfirmModal
        opened={confirming === 'delete'}
        title={t('actionPlans.deletePlan')}
        message={t('actionPlans.deletePlanConfirm')}
        confirmLabel={t('actionPlans.deletePlan')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onClose={() => setConfirming(null)}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => void navigate(`/programmes/${plan.programmeId}/action-plans`) })}
      />
    </Paper>
  );
}
