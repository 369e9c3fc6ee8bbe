import { Alert, Button, CloseButton, Group, Paper, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyPlanEdits, findPlanClashes, mergePlanEdit, planClashContext, planEditContext } from '../../core/training/plan-edit.js';
import type { PlanClash, PlanEdit, PlanResult, TrainingPlanView } from '../../core/training/plan.schema.js';
import { isApiError } from '../shared/api-client.js';
import { errorMessage, translateIssue } from '../shared/issue-messages.js';
import { StaleVersionAlert } from '../shared/stale-version.alert.js';

/** A plan version being edited on the page: the edits not saved yet, the plan as they leave it, and its clashes. */
export interface PlanEditing {
  /** Whether the reader may edit this version (a draft of a programme they manage). */
  canEdit: boolean;
  edits: PlanEdit[];
  /** The version's result with the pending edits applied (the stored one when there are none). */
  result: PlanResult | null;
  /** Clashes of `result`, recomputed at every edit. */
  clashes: PlanClash[];
  blockingCount: number;
  record: (edit: PlanEdit) => void;
  discard: () => void;
}

/**
 * Keeps the pending edits of the version shown. They start again from none
 * when another version or a new revision of it arrives (saved, or reloaded).
 */
export function usePlanEditing(plan: TrainingPlanView | undefined): PlanEditing {
  const key = plan ? `${plan.id}:${plan.revision}` : '';
  const [pending, setPending] = useState<{ key: string; edits: PlanEdit[] }>({ key, edits: [] });
  const edits = useMemo(() => (pending.key === key ? pending.edits : []), [pending, key]);
  const saved = plan?.result ?? null;
  const trainers = plan?.trainers;
  const parameters = plan?.parameters;

  const result = useMemo(() => {
    if (!saved || !parameters || edits.length === 0) return saved;
    const outcome = applyPlanEdits(saved, edits, planEditContext(parameters, (trainers ?? []).map((trainer) => trainer.userId)));
    return outcome.ok ? outcome.result : saved;
  }, [saved, parameters, trainers, edits]);

  const clashes = useMemo(() => {
    if (!result || !parameters) return plan?.clashes ?? [];
    if (edits.length === 0 && plan?.clashes) return plan.clashes;
    return findPlanClashes(result, planClashContext(parameters, trainers ?? []));
  }, [result, parameters, trainers, edits.length, plan?.clashes]);

  return {
    canEdit: Boolean(plan?.canEdit && saved),
    edits,
    result,
    clashes,
    blockingCount: clashes.filter((clash) => clash.blocking).length,
    record: (edit) => {
      if (!saved) return;
      setPending((current) => ({ key, edits: mergePlanEdit(saved, current.key === key ? current.edits : [], edit) }));
    },
    discard: () => setPending({ key, edits: [] }),
  };
}

interface EditBarProps {
  count: number;
  saving: boolean;
  error: unknown;
  /** What the last save or copy did, until closed. */
  notice: string | null;
  onCloseNotice: () => void;
  onSave: () => void;
  onDiscard: () => void;
  onReload: () => void;
}

/** Pending edits, kept in view at the bottom of the screen while the manager edits; and what saving them answered. */
export function PlanEditBar({ count, saving, error, notice, onCloseNotice, onSave, onDiscard, onReload }: EditBarProps) {
  const { t } = useTranslation();
  const stale = isApiError(error, 'conflict') && error.params.reason === 'plan_stale';
  if (count === 0 && !notice && !error) return null;
  return (
    <Paper withBorder shadow="md" p="sm" pos="sticky" bottom={0} style={{ zIndex: 5 }} component="section" aria-label={t('planEditing.barLabel')}>
      <Stack gap="xs">
        {stale ? <StaleVersionAlert title={t('planEditing.staleTitle')} message={t('planEditing.staleMessage')} reloadLabel={t('planEditing.reload')} onReload={onReload} /> : null}
        {error && !stale ? (
          <Alert color="red" variant="light" role="alert">
            {isApiError(error) && error.issues[0] ? translateIssue(t, error.issues[0]) : errorMessage(t, error)}
          </Alert>
        ) : null}
        {count > 0 ? (
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Text size="sm" fw={600} role="status">
              {t('planEditing.pending', { count })}
            </Text>
            <Group gap="xs">
              <Button variant="default" onClick={onDiscard} disabled={saving}>
                {t('planEditing.discard')}
              </Button>
              <Button onClick={onSave} loading={saving}>
                {t('planEditing.save')}
              </Button>
            </Group>
          </Group>
        ) : notice ? (
          <Group justify="space-between" gap="sm" wrap="nowrap">
            <Text size="sm" c="green.8" role="status">
              {notice}
            </Text>
            <CloseButton onClick={onCloseNotice} aria-label={t('ui.close')} />
          </Group>
        ) : null}
      </Stack>
    </Paper>
  );
}

/** The names a plan shows: cooperatives, modules, trainers (the team's, then those the plan named when made). */
export interface PlanNames {
  cooperative: (id: string) => string;
  /** Code and title. */
  module: (id: string) => string;
  moduleTitle: (id: string) => string;
  trainer: (id: string | null) => string;
}

export function usePlanNames(plan: Pick<TrainingPlanView, 'labels' | 'trainers'>): PlanNames {
  const { t } = useTranslation();
  const { labels, trainers } = plan;
  return useMemo(() => {
    const trainerNames = new Map<string, string>(Object.entries(labels?.trainers ?? {}));
    for (const trainer of trainers ?? []) trainerNames.set(trainer.userId, trainer.displayName);
    return {
      cooperative: (id) => labels?.cooperatives[id]?.name ?? id,
      module: (id) => {
        const found = labels?.modules[id];
        return found ? `${found.code} · ${found.title}` : id;
      },
      moduleTitle: (id) => labels?.modules[id]?.title ?? id,
      trainer: (id) => (id ? (trainerNames.get(id) ?? id) : t('training.plan.noTrainer')),
    };
  }, [labels, trainers, t]);
}
