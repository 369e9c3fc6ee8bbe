import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Issue } from '../../core/shared/errors.js';
import { useSession } from '../access/session.api.js';
import { isApiError } from '../shared/api-client.js';
import { errorMessage } from '../shared/issue-messages.js';
import { ErrorState, LoadingState } from '../shared/page-states.js';
import { useFollowUpContext, useRecordFollowUp } from './follow-up.api.js';
import { contentOf, FollowUpEditor, initialEditorValues, type EditorValues } from './follow-up-editor.component.js';

/** `/follow-ups/new?programmeId=&cooperativeId=&sessionId=`: record a follow-up (the team) or report progress (the representative), on a phone. */
export default function FollowUpFormPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [search] = useSearchParams();
  const programmeId = search.get('programmeId') ?? '';
  const cooperativeId = search.get('cooperativeId') ?? '';
  const sessionId = search.get('sessionId');
  const { data: user } = useSession();
  const context = useFollowUpContext(programmeId, cooperativeId);
  const save = useRecordFollowUp();
  const [issues, setIssues] = useState<Issue[]>([]);

  if (!programmeId || !cooperativeId) return <Alert color="orange">{t('followUp.form.missing')}</Alert>;
  if (context.isPending) return <LoadingState />;
  if (context.error) return <ErrorState error={context.error} onRetry={() => void context.refetch()} />;
  const data = context.data;
  const mode = data.recordsAs === 'confirmed' ? 'record' : 'report';
  const name = (i18n.language === 'ar' ? data.cooperative.nameAr : null) ?? data.cooperative.nameFr ?? '';
  const submit = (values: EditorValues) => {
    setIssues([]);
    save.mutate(
      { programmeId, cooperativeId, sessionId: values.sessionId || null, ...contentOf(values) },
      {
        onSuccess: (created) => void navigate(`/follow-ups/${created.id}`),
        onError: (error) => setIssues(isApiError(error) ? error.issues : []),
      },
    );
  };
  return (
    <Stack gap="md" maw={720}>
      <Anchor component={Link} to={mode === 'record' ? '/follow-ups' : `/`} size="sm" onClick={(event) => (window.history.length > 1 ? (event.preventDefault(), void navigate(-1)) : undefined)}>
        {t('followUp.form.back')}
      </Anchor>
      <Stack gap={4}>
        <Title order={2}>{mode === 'record' ? t('followUp.form.title', { name }) : t('followUp.form.reportTitle', { name })}</Title>
        <Text c="dimmed" size="sm">
          {data.programme.code} — {data.programme.name}
        </Text>
        {mode === 'report' ? <Alert color="blue">{t('followUp.form.reportIntro')}</Alert> : null}
      </Stack>
      <FollowUpEditor key={`${programmeId}/${cooperativeId}`} context={data} mode={mode} initial={initialEditorValues(data, { sessionId, conductedBy: mode === 'record' ? (data.team.find((member) => member.id === user?.id)?.id ?? data.team[0]?.id ?? '') : '' })} onSubmit={submit} pending={save.isPending} issues={issues} />
      {save.error && !(isApiError(save.error) && save.error.issues.length > 0) ? <Alert color="red">{errorMessage(t, save.error)}</Alert> : null}
      {isApiError(save.error, 'conflict') ? <Alert color="orange">{t('followUp.form.taken')}</Alert> : null}
      {issues.length > 0 ? <Alert color="red">{t('followUp.form.fixErrors')}</Alert> : null}
    </Stack>
  );
}
