import { Alert, Badge, Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShiftMode } from '../../core/sessions/rescheduling.js';
import { sessionTimeZone, type ReschedulePlanView } from '../../core/sessions/session.schema.js';
import { intlLocale } from '../shared/i18n.js';
import { errorMessage } from '../shared/issue-messages.js';
import { useReschedule, useReschedulePreview } from './sessions.api.js';

/**
 * Moving a session that others depend on: lists what will move (old → new) for the chosen option and moves
 * nothing until confirmed. The move carries the versions shown, so a schedule changed meanwhile is refused.
 */
export function RescheduleModal({
  sessionId,
  move,
  onClose,
  onMoved,
}: {
  sessionId: string;
  move: { startsAt: string; endsAt: string } | null;
  onClose: () => void;
  onMoved: (newVersion: number) => void;
}) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<ShiftMode>('keep_gaps');
  const preview = useReschedulePreview(sessionId);
  const reschedule = useReschedule(sessionId);
  const { mutate: loadPreview } = preview;
  useEffect(() => {
    if (move) loadPreview({ ...move, shiftDependents: mode });
  }, [move, mode, loadPreview]);
  const format = new Intl.DateTimeFormat(intlLocale(i18n.language), { timeZone: sessionTimeZone, dateStyle: 'medium', timeStyle: 'short' });
  const when = (instant: string) => format.format(new Date(instant));
  const plan: ReschedulePlanView | undefined = preview.data;
  const confirm = () => {
    if (!move || !plan) return;
    const versions = Object.fromEntries(plan.shifts.map((shift) => [shift.sessionId, shift.version]));
    reschedule.mutate({ ...move, shiftDependents: mode, versions }, { onSuccess: (result) => onMoved((result as ReschedulePlanView).shifts[0]!.version), onError: () => loadPreview({ ...move, shiftDependents: mode }) });
  };
  return (
    <Modal opened={move !== null} onClose={onClose} title={t('sessions.reschedule.title')} size="lg">
      <Stack gap="sm">
        <Text size="sm">{t('sessions.reschedule.intro')}</Text>
        <Radio.Group value={mode} onChange={(value) => setMode(value as ShiftMode)}>
          <Stack gap="xs">
            <Radio value="keep_gaps" label={t('sessions.reschedule.keepGaps')} />
            <Radio value="as_needed" label={t('sessions.reschedule.asNeeded')} />
            <Radio value="none" label={t('sessions.reschedule.none')} />
          </Stack>
        </Radio.Group>
        {plan ? (
          <Stack gap={6}>
            <Text fw={600}>{t('sessions.reschedule.willMove')}</Text>
            {plan.shifts.map((shift) => (
              <Stack key={shift.sessionId} gap={0} data-testid="reschedule-shift">
                <Text size="sm" fw={500}>
                  {shift.title}
                </Text>
                <Text size="sm" c="dimmed">
                  <bdi>{when(shift.oldStartsAt)}</bdi> → <bdi>{when(shift.newStartsAt)}</bdi>
                </Text>
              </Stack>
            ))}
            {plan.shifts.length === 1 ? (
              <Text size="sm" c="dimmed">
                {t('sessions.reschedule.nothingElse')}
              </Text>
            ) : null}
            {plan.conflicts.length > 0 ? (
              <Alert color="orange" title={t('sessions.reschedule.conflicts')}>
                <Stack gap={4}>
                  {plan.conflicts.map((conflict) => (
                    <Group key={conflict.sessionId} gap={6} wrap="wrap">
                      <Badge variant="light" color="orange">
                        {conflict.title}
                      </Badge>
                      <Text size="sm">{t(conflict.reason === 'held' ? 'sessions.reschedule.conflictHeld' : 'sessions.reschedule.conflictOverlap')}</Text>
                    </Group>
                  ))}
                </Stack>
              </Alert>
            ) : null}
          </Stack>
        ) : null}
        {preview.error ? <Alert color="red">{errorMessage(t, preview.error)}</Alert> : null}
        {reschedule.error ? <Alert color="red">{errorMessage(t, reschedule.error)}</Alert> : null}
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onClose}>
            {t('sessions.form.cancel')}
          </Button>
          <Button onClick={confirm} disabled={!plan || preview.isPending} loading={reschedule.isPending}>
            {t('sessions.reschedule.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
