import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Loader,
  Modal,
  NavLink,
  Progress,
  Select,
  Stack,
  Tabs,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { DiagnosticDetail } from '../../core/diagnostics/diagnostic-api.schema.js';
import { completionOf, isSettled, isScoredQuestion } from '../../core/diagnostics/diagnostic.rules.js';
import type { DiagnosticStatus, ScoringAnswer } from '../../core/diagnostics/diagnostic.schema.js';
import { isApiError } from '../shared/api-client.js';
import { isolate } from '../shared/i18n.js';
import { ConfirmModal } from '../shared/confirm.modal.js';
import { AlertIcon, ArrowStartIcon, CheckIcon, FileIcon } from '../shared/icons.js';
import { errorMessage, translateIssue } from '../shared/issue-messages.js';
import { ErrorState, LoadingState } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { NotFoundPage } from '../shell/status.pages.js';
import { CommentsPanel } from './comments.panel.js';
import { useDiagnostic, useDiagnosticAction } from './diagnostic.api.js';
import { QuestionCard, useLocalized } from './question-card.component.js';
import { SwotPanel } from './swot.panel.js';
import { useDiagnosticDraft, type DraftAnswer, type SaveState } from './use-diagnostic-draft.js';

const statusColours: Record<DiagnosticStatus, string> = { draft: 'gray', submitted: 'blue', returned: 'orange', validated: 'teal' };

/** /diagnostics/:diagnosticId — filling a diagnostic, phone first: one domain at a time, saved as you go. */
export default function DiagnosticFillPage() {
  const { diagnosticId = '' } = useParams();
  const diagnostic = useDiagnostic(diagnosticId);
  if (diagnostic.isPending) return <LoadingState />;
  if (diagnostic.isError) {
    if (isApiError(diagnostic.error, 'not_found', 'validation')) return <NotFoundPage />;
    return <ErrorState error={diagnostic.error} onRetry={() => void diagnostic.refetch()} />;
  }
  return <DiagnosticFill key={diagnosticId} detail={diagnostic.data} reload={diagnostic.refetch} />;
}

function toScoring(answers: Record<string, DraftAnswer>): Map<string, ScoringAnswer> {
  return new Map(Object.entries(answers).map(([key, draft]) => [key, { value: typeof draft.value === 'string' && draft.value.trim() === '' ? null : draft.value, notApplicable: draft.notApplicable }]));
}

function DiagnosticFill({ detail, reload }: { detail: DiagnosticDetail; reload: () => Promise<{ data?: DiagnosticDetail }> }) {
  const { t, i18n } = useTranslation();
  const localized = useLocalized();
  const format = useFormat();
  const draft = useDiagnosticDraft(detail, reload);
  const action = useDiagnosticAction(detail.diagnostic.id);
  const [searchParams, setSearchParams] = useSearchParams();
  const [tab, setTab] = useState<string>('questions');
  const [commentQuestion, setCommentQuestion] = useState<string | null>(null);
  const [missing, setMissing] = useState<string[]>([]);
  const [returning, setReturning] = useState(false);
  const [returnComment, setReturnComment] = useState('');
  const [confirmingValidation, setConfirmingValidation] = useState(false);

  const { definition } = detail.framework;
  const status = detail.diagnostic.status;
  const readOnly = !detail.can.edit;
  const domainCount = definition.domains.length;
  const requested = Number(searchParams.get('domain') ?? '1');
  const domainIndex = Number.isInteger(requested) && requested >= 1 && requested <= domainCount ? requested - 1 : 0;
  const domain = definition.domains[domainIndex]!;

  const scoring = useMemo(() => toScoring(draft.answers), [draft.answers]);
  const completion = useMemo(() => completionOf(definition, scoring), [definition, scoring]);
  const savedByKey = useMemo(() => new Map(detail.answers.map((answer) => [answer.questionKey, answer])), [detail.answers]);
  const commentCounts = useMemo(() => {
    const counts = new Map<string, number>();
    for (const comment of detail.comments) if (comment.questionKey) counts.set(comment.questionKey, (counts.get(comment.questionKey) ?? 0) + 1);
    return counts;
  }, [detail.comments]);
  const domainProgress = (index: number) => {
    const scored = definition.domains[index]!.questions.filter(isScoredQuestion);
    return { settled: scored.filter((question) => isSettled(question, scoring.get(question.key))).length, total: scored.length };
  };

  const cooperativeName =
    (i18n.language === 'ar' ? detail.cooperative.nameAr || detail.cooperative.nameFr : detail.cooperative.nameFr || detail.cooperative.nameAr) ?? '';
  const programmeName = (i18n.language === 'ar' ? detail.programme.nameAr : i18n.language === 'en' ? detail.programme.nameEn : null) || detail.programme.nameFr;
  const provinceName = (i18n.language === 'ar' ? detail.cooperative.provinceNameAr : detail.cooperative.provinceNameFr) ?? detail.cooperative.provinceCode;
  const lastReturn = [...detail.comments].reverse().find((comment) => comment.kind === 'return');

  // A reload after a conflict says so at the top of the page: bring the reader there.
  useEffect(() => {
    if (draft.state.kind === 'conflict') window.scrollTo({ top: 0, behavior: 'smooth' });
  }, [draft.state.kind]);

  const goToDomain = useCallback(
    (index: number) => {
      void draft.flush();
      setSearchParams(index === 0 ? {} : { domain: String(index + 1) }, { replace: true });
      setTab('questions');
      window.scrollTo({ top: 0, behavior: 'smooth' });
    },
    [draft, setSearchParams],
  );

  const goToQuestion = (questionKey: string) => {
    const index = definition.domains.findIndex((item) => item.questions.some((question) => question.key === questionKey));
    if (index >= 0) goToDomain(index);
  };

  const act = async (name: 'submit' | 'validate' | 'return', comment?: string) => {
    setMissing([]);
    if (name === 'submit') {
      if (!(await draft.flush())) return;
    }
    action.mutate(
      { action: name, ...(comment ? { comment } : {}) },
      {
        onSuccess: async () => {
          setReturning(false);
          setConfirmingValidation(false);
          setReturnComment('');
          const fresh = await reload();
          if (fresh.data) draft.adopt(fresh.data);
        },
        onError: (error) => {
          if (isApiError(error, 'validation')) {
            const keys = error.issues.filter((issue) => issue.key === 'question_unanswered').map((issue) => String(issue.params?.questionKey ?? ''));
            if (keys.length > 0) setMissing(keys);
          }
        },
      },
    );
  };

  const questionLabel = (key: string) => {
    for (const [d, item] of definition.domains.entries()) {
      const q = item.questions.findIndex((question) => question.key === key);
      if (q >= 0) return `${d + 1}.${q + 1} ${localized(item.questions[q]!.text)}`;
    }
    return key;
  };

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/programmes/${detail.programme.id}`} size="sm">
        <Group gap={4} component="span" wrap="nowrap">
          <ArrowStartIcon size={14} />
          {t('diagnostics.fill.backToProgramme')}
        </Group>
      </Anchor>

      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" gap="xs">
          <Title order={1} size="h2" style={{ minWidth: 0 }}>
            <bdi>{cooperativeName}</bdi>
          </Title>
          <Badge size="lg" color={statusColours[status]} variant="light" data-testid="diagnostic-status" data-status={status}>
            {t(`diagnostics.statuses.${status}`)}
          </Badge>
        </Group>
        <Text c="dimmed" size="sm">
          {t(`diagnostics.kinds.${detail.diagnostic.kind}`)} · <bdi>{programmeName}</bdi> · <bdi>{provinceName}</bdi>
        </Text>
        <Text c="dimmed" size="xs">
          {t('diagnostics.fill.framework', { name: localizedName(detail.framework, i18n.language), version: detail.framework.version })}
        </Text>
      </Stack>

      <Card withBorder radius="md" padding="sm">
        <Stack gap={6}>
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={500}>
              {t('diagnostics.fill.progress', { settled: completion.settled, total: completion.total })}
            </Text>
            <SaveIndicator state={draft.state} readOnly={readOnly} onRetry={() => void draft.flush()} />
          </Group>
          <Progress value={completion.total ? (100 * completion.settled) / completion.total : 0} size="md" aria-label={t('diagnostics.fill.progressLabel')} />
          {detail.visits.length > 0 ? (
            <Text size="xs" c="dimmed">
              {t('diagnostics.fill.visits', {
                visits: format.list(detail.visits.map((visit) => isolate(`${format.date(visit.day)} (${format.list(visit.people.map((person) => person.name))})`))),
              })}
            </Text>
          ) : null}
        </Stack>
      </Card>

      {draft.state.kind === 'conflict' ? (
        <Alert color="orange" variant="light" icon={<AlertIcon />} role="alert" title={t('diagnostics.fill.conflictTitle')}>
          {t('diagnostics.fill.conflict')}
        </Alert>
      ) : null}
      {status === 'returned' && lastReturn ? (
        <Alert color="orange" variant="light" title={t('diagnostics.fill.returnedTitle', { name: isolate(lastReturn.author?.name) })}>
          <Text size="sm" dir="auto" style={{ whiteSpace: 'pre-wrap' }}>
            {lastReturn.body}
          </Text>
        </Alert>
      ) : null}
      {status === 'submitted' || status === 'validated' ? (
        <Alert color={status === 'validated' ? 'teal' : 'blue'} variant="light" icon={<CheckIcon />}>
          <Stack gap="xs" align="flex-start">
            <Text size="sm">
              {status === 'validated'
                ? t('diagnostics.fill.validatedNotice', { name: isolate(detail.diagnostic.validatedBy?.name), date: isolate(format.dateTime(detail.diagnostic.validatedAt)) })
                : t('diagnostics.fill.submittedNotice', { name: isolate(detail.diagnostic.submittedBy?.name), date: isolate(format.dateTime(detail.diagnostic.submittedAt)) })}
            </Text>
            {status === 'validated' ? (
              <Button component={Link} to={`/diagnostics/${detail.diagnostic.id}/report`} size="xs" leftSection={<FileIcon size={14} />}>
                {t('diagnostics.fill.report')}
              </Button>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      {readOnly && (status === 'draft' || status === 'returned') ? (
        <Alert color="gray" variant="light">
          {t('diagnostics.fill.readOnlyNotice')}
        </Alert>
      ) : null}

      {missing.length > 0 ? (
        <Alert color="red" variant="light" role="alert" title={t('diagnostics.fill.missingTitle', { count: missing.length })}>
          <Stack gap={4} align="flex-start">
            {missing.slice(0, 8).map((key) => (
              <Anchor key={key} component="button" type="button" size="sm" onClick={() => goToQuestion(key)} style={{ textAlign: 'start' }}>
                {questionLabel(key)}
              </Anchor>
            ))}
            {missing.length > 8 ? (
              <Text size="sm" c="dimmed">
                {t('diagnostics.fill.missingMore', { count: missing.length - 8 })}
              </Text>
            ) : null}
          </Stack>
        </Alert>
      ) : null}
      {action.error && !(isApiError(action.error, 'validation') && missing.length > 0) ? (
        <Alert color="red" variant="light" role="alert">
          {isApiError(action.error) && action.error.issues[0] ? translateIssue(t, action.error.issues[0]) : errorMessage(t, action.error)}
        </Alert>
      ) : null}

      <WorkflowButtons
        can={detail.can}
        pending={action.isPending}
        onSubmit={() => void act('submit')}
        onValidate={() => {
          action.reset();
          setConfirmingValidation(true);
        }}
        onReturn={() => {
          action.reset();
          setReturning(true);
        }}
      />

      <Tabs value={tab} onChange={(value) => setTab(value ?? 'questions')} keepMounted={false}>
        <Tabs.List grow>
          <Tabs.Tab value="questions">{t('diagnostics.fill.tabs.questions')}</Tabs.Tab>
          {definition.swot ? <Tabs.Tab value="swot">{t('diagnostics.fill.tabs.swot')}</Tabs.Tab> : null}
          <Tabs.Tab value="comments">{t('diagnostics.fill.tabs.comments', { count: detail.comments.length })}</Tabs.Tab>
        </Tabs.List>

        <Tabs.Panel value="questions" pt="md">
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 4, lg: 3 }} visibleFrom="md">
              <Card withBorder radius="md" padding={4} component="nav" aria-label={t('diagnostics.fill.domains')}>
                {definition.domains.map((item, index) => {
                  const progress = domainProgress(index);
                  return (
                    <NavLink
                      key={item.key}
                      active={index === domainIndex}
                      label={`${index + 1}. ${localized(item.label)}`}
                      description={t('diagnostics.fill.domainProgress', progress)}
                      rightSection={progress.settled === progress.total && progress.total > 0 ? <CheckIcon size={14} /> : null}
                      onClick={() => goToDomain(index)}
                    />
                  );
                })}
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 8, lg: 9 }}>
              <Stack gap="md">
                <Select
                  hiddenFrom="md"
                  label={t('diagnostics.fill.domainOf', { index: domainIndex + 1, count: domainCount })}
                  data={definition.domains.map((item, index) => {
                    const progress = domainProgress(index);
                    return { value: String(index), label: `${index + 1}. ${localized(item.label)} (${progress.settled}/${progress.total})` };
                  })}
                  value={String(domainIndex)}
                  onChange={(value) => value !== null && goToDomain(Number(value))}
                  allowDeselect={false}
                  size="md"
                />
                <Stack gap={4}>
                  <Title order={2} size="h3">
                    {domainIndex + 1}. {localized(domain.label)}
                  </Title>
                  {domain.description ? (
                    <Text size="sm" c="dimmed">
                      {localized(domain.description)}
                    </Text>
                  ) : null}
                </Stack>
                {domain.questions.map((question, index) => (
                  <QuestionCard
                    key={question.key}
                    question={question}
                    number={`${domainIndex + 1}.${index + 1}`}
                    draft={draft.answers[question.key]}
                    saved={savedByKey.get(question.key)}
                    readOnly={readOnly}
                    commentCount={commentCounts.get(question.key) ?? 0}
                    onChange={(patch) => draft.setAnswer(question.key, patch)}
                    {...(detail.can.comment
                      ? {
                          onComment: () => {
                            setCommentQuestion(question.key);
                            setTab('comments');
                          },
                        }
                      : {})}
                  />
                ))}
                <Group justify="space-between" gap="sm" wrap="nowrap">
                  <Button variant="default" size="md" disabled={domainIndex === 0} onClick={() => goToDomain(domainIndex - 1)}>
                    {t('diagnostics.fill.previousDomain')}
                  </Button>
                  {domainIndex < domainCount - 1 ? (
                    <Button size="md" onClick={() => goToDomain(domainIndex + 1)}>
                      {t('diagnostics.fill.nextDomain')}
                    </Button>
                  ) : definition.swot ? (
                    <Button size="md" variant="light" onClick={() => setTab('swot')}>
                      {t('diagnostics.fill.toSwot')}
                    </Button>
                  ) : null}
                </Group>
              </Stack>
            </Grid.Col>
          </Grid>
        </Tabs.Panel>

        {definition.swot ? (
          <Tabs.Panel value="swot" pt="md">
            <SwotPanel swot={draft.swot} readOnly={readOnly} onChange={draft.setSwot} />
          </Tabs.Panel>
        ) : null}

        <Tabs.Panel value="comments" pt="md">
          <CommentsPanel
            diagnosticId={detail.diagnostic.id}
            definition={definition}
            comments={detail.comments}
            canComment={detail.can.comment}
            questionKey={commentQuestion}
            onQuestionKeyChange={setCommentQuestion}
          />
        </Tabs.Panel>
      </Tabs>

      <Modal opened={returning} onClose={() => setReturning(false)} title={t('diagnostics.workflow.returnTitle')} centered>
        <Stack gap="md">
          <Text size="sm">{t('diagnostics.workflow.returnExplain')}</Text>
          <Textarea
            label={t('diagnostics.workflow.returnComment')}
            required
            autosize
            minRows={4}
            maxLength={4000}
            value={returnComment}
            onChange={(event) => setReturnComment(event.currentTarget.value)}
            data-autofocus
          />
          {action.error ? (
            <Alert color="red" variant="light" role="alert">
              {isApiError(action.error) && action.error.issues[0] ? translateIssue(t, action.error.issues[0]) : errorMessage(t, action.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setReturning(false)}>
              {t('ui.cancel')}
            </Button>
            <Button color="orange" loading={action.isPending} disabled={!returnComment.trim()} onClick={() => void act('return', returnComment.trim())}>
              {t('diagnostics.workflow.returnConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <ConfirmModal
        opened={confirmingValidation}
        title={t('diagnostics.workflow.validateTitle')}
        message={t('diagnostics.workflow.validateConfirm')}
        confirmLabel={t('diagnostics.workflow.validateConfirmButton')}
        pending={action.isPending}
        error={action.error}
        onConfirm={() => void act('validate')}
        onClose={() => setConfirmingValidation(false)}
      />
    </Stack>
  );
}

function localizedName(framework: DiagnosticDetail['framework'], language: string): string {
  return (language === 'ar' ? framework.nameAr : language === 'en' ? framework.nameEn : null) || framework.nameFr;
}

function WorkflowButtons({
  can,
  pending,
  onSubmit,
  onValidate,
  onReturn,
}: {
  can: DiagnosticDetail['can'];
  pending: boolean;
  onSubmit: () => void;
  onValidate: () => void;
  onReturn: () => void;
}) {
  const { t } = useTranslation();
  if (!can.submit && !can.validate) return null;
  return (
    <Group gap="sm" justify="flex-end">
      {can.submit ? (
        <Button size="md" w={{ base: '100%', sm: 'auto' }} onClick={onSubmit} loading={pending}>
          {t('diagnostics.workflow.submit')}
        </Button>
      ) : null}
      {can.validate ? (
        <>
          <Button size="md" w={{ base: '100%', sm: 'auto' }} color="teal" onClick={onValidate} disabled={pending}>
            {t('diagnostics.workflow.validate')}
          </Button>
          <Button size="md" w={{ base: '100%', sm: 'auto' }} variant="default" onClick={onReturn} disabled={pending}>
            {t('diagnostics.workflow.return')}
          </Button>
        </>
      ) : null}
    </Group>
  );
}

/** "Enregistré à 10:42", "Enregistrement…", or the error with a retry. */
function SaveIndicator({ state, readOnly, onRetry }: { state: SaveState; readOnly: boolean; onRetry: () => void }) {
  const { t, i18n } = useTranslation();
  if (readOnly) return null;
  const time = (iso: string) => new Intl.DateTimeFormat(i18n.language === 'ar' ? 'ar-MA-u-nu-latn' : i18n.language, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));
  const content = (() => {
    switch (state.kind) {
      case 'idle':
        return (
          <Text size="xs" c="dimmed">
            {t('diagnostics.save.idle')}
          </Text>
        );
      case 'pending':
      case 'saving':
        return (
          <Group gap={6} wrap="nowrap">
            <Loader size={12} />
            <Text size="xs" c="dimmed">
              {t('diagnostics.save.saving')}
            </Text>
          </Group>
        );
      case 'saved':
        return (
          <Group gap={4} wrap="nowrap">
            <CheckIcon size={14} color="var(--mantine-color-teal-7)" />
            <Text size="xs" c="teal.8">
              {t('diagnostics.save.saved', { time: time(state.at) })}
            </Text>
          </Group>
        );
      case 'conflict':
        return (
          <Text size="xs" c="orange.8">
            {t('diagnostics.save.reloaded')}
          </Text>
        );
      case 'error':
        return (
          <Group gap={6} wrap="nowrap">
            <Text size="xs" c="red.8">
              {isApiError(state.error, 'network') ? t('diagnostics.save.offline') : t('diagnostics.save.failed')}
            </Text>
            <Button size="compact-xs" variant="light" color="red" onClick={onRetry}>
              {t('ui.retry')}
            </Button>
          </Group>
        );
    }
  })();
  return (
    <div data-testid="save-status" data-state={state.kind} role="status" aria-live="polite">
      {content}
    </div>
  );
}
