import { Alert, Anchor, Badge, Button, Card, Group, Progress, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { FollowUpDetail } from '../../core/follow-up/follow-up.schema.js';
import type { Issue } from '../../core/shared/errors.js';
import { useSession } from '../access/session.api.js';
import { isApiError } from '../shared/api-client.js';
import { errorMessage } from '../shared/issue-messages.js';
import { ErrorState, LoadingState } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { useConfirmFollowUp, useFollowUp, useFollowUpContext } from './follow-up.api.js';
import { contentOf, FollowUpEditor, initialEditorValues, type EditorValues } from './follow-up-editor.component.js';

function ConfirmPanel({ followUp }: { followUp: FollowUpDetail }) {
  const { t } = useTranslation();
  const context = useFollowUpContext(followUp.programmeId, followUp.cooperativeId);
  const { data: user } = useSession();
  const confirm = useConfirmFollowUp(followUp.id);
  const [issues, setIssues] = useState<Issue[]>([]);
  if (context.isPending) return <LoadingState />;
  if (context.error) return <ErrorState error={context.error} onRetry={() => void context.refetch()} />;
  const submit = (values: EditorValues) => {
    setIssues([]);
    confirm.mutate({ version: followUp.version, ...contentOf(values) }, { onError: (error) => setIssues(isApiError(error) ? error.issues : []) });
  };
  const stale = isApiError(confirm.error, 'conflict');
  return (
    <Stack gap="sm">
      <Title order={3}>{t('followUp.detail.confirmTitle')}</Title>
      <Text size="sm" c="dimmed">
        {t('followUp.detail.confirmIntro')}
      </Text>
      <FollowUpEditor
        context={context.data}
        mode="confirm"
        initial={initialEditorValues(context.data, { conductedBy: context.data.team.find((member) => member.id === user?.id)?.id ?? context.data.team[0]?.id ?? '', reported: { heldOn: followUp.heldOn, channel: followUp.channel, summary: followUp.summary, actions: followUp.actions } })}
        onSubmit={submit}
        pending={confirm.isPending}
        issues={issues}
      />
      {stale ? (
        <Alert color="orange" role="alert">
          <Stack gap="xs" align="flex-start">
            <Text size="sm">{t('followUp.detail.stale')}</Text>
            <Button size="xs" variant="white" onClick={() => window.location.reload()}>
              {t('followUp.detail.reload')}
            </Button>
          </Stack>
        </Alert>
      ) : confirm.error && issues.length === 0 ? (
        <Alert color="red">{errorMessage(t, confirm.error)}</Alert>
      ) : null}
    </Stack>
  );
}

/** `/follow-ups/:followUpId`: what was said, per action and indicator; the team confirms a representative's report here. */
export default function FollowUpPage() {
  const { followUpId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const query = useFollowUp(followUpId);
  if (query.isPending) return <LoadingState />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const followUp = query.data;
  const name = (i18n.language === 'ar' ? followUp.cooperative.nameAr : null) ?? followUp.cooperative.nameFr ?? '';
  return (
    <Stack gap="md" maw={720}>
      <Anchor component={Link} to="/follow-ups" size="sm">
        {t('followUp.detail.back')}
      </Anchor>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={2}>{t('followUp.detail.title', { date: format.date(followUp.heldOn) })}</Title>
          <Text fw={500}>{name}</Text>
          <Text size="sm" c="dimmed">
            {followUp.programme.code} · {t(`followUp.channels.${followUp.channel}`)}
          </Text>
        </Stack>
        <Badge size="lg" variant="light" color={followUp.status === 'confirmed' ? 'teal' : 'orange'} style={{ flexShrink: 0 }}>
          {t(`followUp.statuses.${followUp.status}`)}
        </Badge>
      </Group>
      <Stack gap={2}>
        {followUp.conductedBy ? <Text size="sm">{t('followUp.detail.conductedBy', { name: followUp.conductedBy.name })}</Text> : null}
        {followUp.reportedByRole === 'representative' && followUp.reportedBy ? <Text size="sm">{t('followUp.detail.reportedBy', { name: followUp.reportedBy.name })}</Text> : null}
        {followUp.confirmedBy && followUp.confirmedAt ? <Text size="sm">{t('followUp.detail.confirmedBy', { name: followUp.confirmedBy.name, date: format.date(followUp.confirmedAt.slice(0, 10)) })}</Text> : null}
        {followUp.sessionId ? (
          <Anchor component={Link} to={`/sessions/${followUp.sessionId}`} size="sm">
            {t('followUp.kinds.remote_follow_up')}
          </Anchor>
        ) : null}
      </Stack>
      {followUp.status === 'reported' ? <Alert color="orange">{t('followUp.detail.awaiting')}</Alert> : null}
      {followUp.summary ? (
        <Card withBorder padding="sm">
          <Text fw={600} size="sm">
            {t('followUp.detail.summary')}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{followUp.summary}</Text>
        </Card>
      ) : null}
      <Title order={3}>{t('followUp.detail.actions')}</Title>
      {followUp.actions.length === 0 ? <Text c="dimmed">{t('followUp.detail.noActions')}</Text> : null}
      {followUp.actions.map((action) => (
        <Card key={action.actionId} withBorder padding="sm">
          <Stack gap={6}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Text fw={600}>{action.title}</Text>
              <Badge variant="light" style={{ flexShrink: 0 }}>
                {t(`followUp.actionStatuses.${action.status}`)}
              </Badge>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <Progress value={action.progress} style={{ flex: 1 }} aria-label={t('followUp.form.progress')} />
              <Text size="sm">{t('followUp.form.progressValue', { value: action.progress })}</Text>
            </Group>
            {(['blockers', 'supportRequested', 'nextSteps'] as const).map((field) =>
              action[field] ? (
                <Text key={field} size="sm">
                  <Text span fw={500}>
                    {t(`followUp.form.${field}`)} :{' '}
                  </Text>
                  {action[field]}
                </Text>
              ) : null,
            )}
          </Stack>
        </Card>
      ))}
      {followUp.measurements.length > 0 ? (
        <Card withBorder padding="sm">
          <Text fw={600} mb={4}>
            {t('followUp.detail.measurements')}
          </Text>
          {followUp.measurements.map((measurement) => (
            <Text key={measurement.indicatorId} size="sm">
              {measurement.label} : {format.number(measurement.value)} {measurement.unit}
            </Text>
          ))}
        </Card>
      ) : null}
      {followUp.permissions.confirm ? <ConfirmPanel followUp={followUp} /> : null}
    </Stack>
  );
}
