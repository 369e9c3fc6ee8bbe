import { Alert, Badge, Button, Card, Chip, Group, NativeSelect, NumberInput, Slider, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionStatuses, followUpChannels, type ActionStatus, type ContextAction, type FollowUpChannel, type FollowUpContext } from '../../core/follow-up/follow-up.schema.js';
import { toMoroccanWallClock } from '../../core/sessions/local-time.js';
import type { Issue } from '../../core/shared/errors.js';
import { DayInput } from '../shared/day-input.js';
import { translateIssue } from '../shared/issue-messages.js';
import { useFormat } from '../shared/use-format.js';

/**
 * The follow-up itself, built for a phone: when, how, who, then one card per action (status, progress, blockers,
 * support asked, next steps, its indicators' new values) and a summary of what will be saved. Used to record a
 * follow-up, to report progress (representatives: no indicator values) and to confirm a report.
 */

export interface ActionDraft {
  included: boolean;
  status: ActionStatus;
  progress: number;
  blockers: string;
  supportRequested: string;
  nextSteps: string;
}

export interface EditorValues {
  sessionId: string;
  heldOn: string;
  channel: FollowUpChannel;
  conductedBy: string;
  summary: string;
  actions: Record<string, ActionDraft>;
  measurements: Record<string, number | ''>;
}

export type EditorMode = 'record' | 'report' | 'confirm';

export function initialEditorValues(context: FollowUpContext, options: { sessionId?: string | null; conductedBy?: string; reported?: { heldOn: string; channel: FollowUpChannel; summary: string | null; actions: Array<{ actionId: string; status: ActionStatus; progress: number; blockers: string | null; supportRequested: string | null; nextSteps: string | null }> } }): EditorValues {
  const session = context.dueSessions.find((candidate) => candidate.id === options.sessionId);
  const channel = (followUpChannels as readonly string[]).includes(session?.channel ?? '') ? (session!.channel as FollowUpChannel) : 'phone';
  const reported = new Map((options.reported?.actions ?? []).map((action) => [action.actionId, action]));
  return {
    sessionId: session?.id ?? '',
    heldOn: options.reported?.heldOn ?? context.today,
    channel: options.reported?.channel ?? channel,
    conductedBy: options.conductedBy ?? '',
    summary: options.reported?.summary ?? '',
    actions: Object.fromEntries(
      context.actions.map((action) => {
        const update = reported.get(action.id);
        return [
          action.id,
          {
            included: Boolean(update),
            status: update?.status ?? action.status,
            progress: update?.progress ?? action.progress,
            blockers: update?.blockers ?? '',
            supportRequested: update?.supportRequested ?? '',
            nextSteps: update?.nextSteps ?? '',
          },
        ];
      }),
    ),
    measurements: {},
  };
}

/** The request body's content from the editor's values: only the actions discussed, only the values typed. */
export function contentOf(values: EditorValues) {
  return {
    heldOn: values.heldOn,
    channel: values.channel,
    conductedBy: values.conductedBy || null,
    summary: values.summary.trim() || null,
    actions: Object.entries(values.actions)
      .filter(([, draft]) => draft.included)
      .map(([actionId, draft]) => ({ actionId, status: draft.status, progress: draft.progress, blockers: draft.blockers || null, supportRequested: draft.supportRequested || null, nextSteps: draft.nextSteps || null })),
    measurements: Object.entries(values.measurements)
      .filter(([, value]) => value !== '' && Number.isFinite(value))
      .map(([indicatorId, value]) => ({ indicatorId, value: Number(value) })),
  };
}

const statusColours: Record<ActionStatus, string> = { planned: 'gray', in_progress: 'blue', done: 'teal', blocked: 'red', cancelled: 'dark' };

function ActionCard({ action, draft, withIndicators, values, onChange, onMeasure, problem }: { action: ContextAction; draft: ActionDraft; withIndicators: boolean; values: EditorValues['measurements']; onChange: (change: Partial<ActionDraft>) => void; onMeasure: (indicatorId: string, value: number | '') => void; problem: string | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const touch = (change: Partial<ActionDraft>) => onChange({ ...change, included: true });
  return (
    <Card withBorder radius="md" padding="sm" data-testid={`action-${action.id}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600}>{action.title}</Text>
            <Text size="xs" c="dimmed">
              {t('followUp.form.dueOn', { date: format.date(action.dueOn) })}
            </Text>
          </Stack>
          <Badge color={statusColours[action.status]} variant="light" style={{ flexShrink: 0 }}>
            {t(`followUp.actionStatuses.${action.status}`)}
          </Badge>
        </Group>
        <Switch checked={draft.included} onChange={(event) => onChange({ included: event.currentTarget.checked })} label={t('followUp.form.discussed')} size="md" />
        {draft.included ? (
          <>
            <NativeSelect label={t('followUp.form.status')} value={draft.status} onChange={(event) => touch({ status: event.currentTarget.value as ActionStatus, ...(event.currentTarget.value === 'done' ? { progress: 100 } : {}) })} data={actionStatuses.map((status) => ({ value: status, label: t(`followUp.actionStatuses.${status}`) }))} />
            <Stack gap={4}>
              <Group justify="space-between">
                <Text size="sm" fw={500} id={`progress-${action.id}`}>
                  {t('followUp.form.progress')}
                </Text>
                <NumberInput aria-labelledby={`progress-${action.id}`} size="xs" w={90} min={0} max={100} step={5} suffix=" %" value={draft.progress} onChange={(value) => touch({ progress: Math.max(0, Math.min(100, Math.round(Number(value) || 0))) })} clampBehavior="strict" />
              </Group>
              <Slider aria-labelledby={`progress-${action.id}`} min={0} max={100} step={5} value={draft.progress} onChange={(value) => touch({ progress: value })} label={(value) => t('followUp.form.progressValue', { value })} color={statusColours[draft.status]} />
            </Stack>
            <Textarea label={t('followUp.form.blockers')} autosize minRows={1} maxRows={5} value={draft.blockers} onChange={(event) => touch({ blockers: event.currentTarget.value })} />
            <Textarea label={t('followUp.form.supportRequested')} autosize minRows={1} maxRows={5} value={draft.supportRequested} onChange={(event) => touch({ supportRequested: event.currentTarget.value })} />
            <Textarea label={t('followUp.form.nextSteps')} autosize minRows={1} maxRows={5} value={draft.nextSteps} onChange={(event) => touch({ nextSteps: event.currentTarget.value })} />
          </>
        ) : null}
        {withIndicators && action.indicators.length > 0 ? (
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t('followUp.form.indicators')}
            </Text>
            {action.indicators.map((indicator) => (
              <Card key={indicator.id} withBorder padding="xs" radius="sm" bg="var(--mantine-color-gray-0)">
                <Stack gap={4}>
                  <Text size="sm" fw={500}>
                    {indicator.label}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {indicator.latest ? t('followUp.form.latest', { value: format.number(indicator.latest.value), unit: indicator.unit, date: format.date(indicator.latest.measuredOn) }) : t('followUp.form.noLatest')}
                    {' · '}
                    {t('followUp.form.target', { value: format.number(indicator.target), unit: indicator.unit })}
                  </Text>
                  <NumberInput label={t('followUp.form.newValue', { unit: indicator.unit })} decimalScale={2} value={values[indicator.id] ?? ''} onChange={(value) => onMeasure(indicator.id, value === '' ? '' : Number(value))} />
                </Stack>
              </Card>
            ))}
          </Stack>
        ) : null}
        {problem ? (
          <Text size="sm" c="red" role="alert">
            {problem}
          </Text>
        ) : null}
      </Stack>
    </Card>
  );
}

export function FollowUpEditor({ context, mode, initial, onSubmit, pending, issues }: { context: FollowUpContext; mode: EditorMode; initial: EditorValues; onSubmit: (values: EditorValues) => void; pending: boolean; issues: readonly Issue[] }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [values, setValues] = useState<EditorValues>(initial);
  const set = (change: Partial<EditorValues>) => setValues((current) => ({ ...current, ...change }));
  const withIndicators = mode !== 'report';
  const fieldIssue = (field: string) => {
    const issue = issues.find((candidate) => candidate.path[0] === field && candidate.path.length === 1);
    return issue ? translateIssue(t, issue) : undefined;
  };
  // Issues on actions and measurements name their position in the request: find the card they belong to.
  const content = contentOf(values);
  const actionProblem = (actionId: string) => {
    const index = content.actions.findIndex((action) => action.actionId === actionId);
    const indicators = new Set(context.actions.find((action) => action.id === actionId)?.indicators.map((indicator) => indicator.id));
    const found = issues.find(
      (issue) =>
        (issue.path[0] === 'actions' && issue.path[1] === index && index >= 0) ||
        (issue.path[0] === 'measurements' && typeof issue.path[1] === 'number' && indicators.has(content.measurements[issue.path[1]]?.indicatorId ?? '')),
    );
    return found ? translateIssue(t, found) : undefined;
  };
  const general = issues.filter((issue) => (issue.path[0] === 'actions' || issue.path[0] === 'measurements') && issue.path.length === 1);
  const sessionDay = (startsAt: string) => format.date(toMoroccanWallClock(startsAt).date);
  const isAr = i18n.language === 'ar';

  return (
    <Stack gap="md">
      <Card withBorder radius="md" padding="sm">
        <Stack gap="sm">
          {mode !== 'confirm' ? (
            <NativeSelect
              label={t('followUp.form.session')}
              value={values.sessionId}
              onChange={(event) => {
                const session = context.dueSessions.find((candidate) => candidate.id === event.currentTarget.value);
                set({ sessionId: event.currentTarget.value, ...(session && (followUpChannels as readonly string[]).includes(session.channel ?? '') ? { channel: session.channel as FollowUpChannel } : {}) });
              }}
              data={[
                { value: '', label: t('followUp.form.noSession') },
                ...context.dueSessions.map((session) => ({ value: session.id, label: t('followUp.form.sessionOption', { date: sessionDay(session.startsAt), kind: t(`followUp.kinds.${session.kind}`) }) })),
              ]}
              error={fieldIssue('sessionId')}
            />
          ) : null}
          <DayInput label={t('followUp.form.heldOn')} required value={values.heldOn || null} onChange={(value) => set({ heldOn: value ?? '' })} maxDate={context.today} error={fieldIssue('heldOn')} />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              {t('followUp.form.channel')}
            </Text>
            <Chip.Group value={values.channel} onChange={(value) => set({ channel: value as FollowUpChannel })}>
              <Group gap="xs">
                {followUpChannels.map((channel) => (
                  <Chip key={channel} value={channel}>
                    {t(`followUp.channels.${channel}`)}
                  </Chip>
                ))}
              </Group>
            </Chip.Group>
          </Stack>
          {mode !== 'report' && context.team.length > 0 ? (
            <NativeSelect label={t('followUp.form.conductedBy')} value={values.conductedBy} onChange={(event) => set({ conductedBy: event.currentTarget.value })} data={context.team.map((member) => ({ value: member.id, label: member.name }))} error={fieldIssue('conductedBy')} />
          ) : null}
          <Textarea label={t('followUp.form.summary')} description={t('followUp.form.summaryHint')} autosize minRows={2} maxRows={8} value={values.summary} onChange={(event) => set({ summary: event.currentTarget.value })} error={fieldIssue('summary')} />
        </Stack>
      </Card>

      <Title order={3}>{t('followUp.form.actionsTitle')}</Title>
      {context.actions.length === 0 ? <Alert color="gray">{t('followUp.form.noPlan')}</Alert> : null}
      {context.actions.map((action) => (
        <ActionCard
          key={action.id}
          action={action}
          draft={values.actions[action.id]!}
          withIndicators={withIndicators}
          values={values.measurements}
          onChange={(change) => setValues((current) => ({ ...current, actions: { ...current.actions, [action.id]: { ...current.actions[action.id]!, ...change } } }))}
          onMeasure={(indicatorId, value) => setValues((current) => ({ ...current, measurements: { ...current.measurements, [indicatorId]: value } }))}
          problem={actionProblem(action.id)}
        />
      ))}

      <Card withBorder radius="md" padding="sm" bg="var(--mantine-color-blue-0)">
        <Stack gap={4}>
          <Text fw={600}>{t('followUp.form.recapTitle')}</Text>
          <Text size="sm" data-testid="follow-up-recap">
            {t('followUp.form.recapActions', { count: content.actions.length })}
            {withIndicators ? ` · ${t('followUp.form.recapIndicators', { count: content.measurements.length })}` : ''}
          </Text>
          {content.actions.map((action) => (
            <Text key={action.actionId} size="xs" c="dimmed" dir={isAr ? 'rtl' : undefined}>
              • {context.actions.find((candidate) => candidate.id === action.actionId)?.title} — {t(`followUp.actionStatuses.${action.status}`)}, {t('followUp.form.progressValue', { value: action.progress })}
            </Text>
          ))}
        </Stack>
      </Card>
      {general.length > 0 ? (
        <Alert color="red" role="alert">
          {general.map((issue) => translateIssue(t, issue)).join(' ')}
        </Alert>
      ) : null}
      <Button size="md" fullWidth onClick={() => onSubmit(values)} loading={pending}>
        {mode === 'record' ? t('followUp.form.save') : mode === 'report' ? t('followUp.form.report') : t('followUp.detail.confirm')}
      </Button>
    </Stack>
  );
}
