import { Accordion, Alert, Anchor, Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router-dom';
import { frameworkEditSchema } from '../../core/diagnostics/framework-edit.schema.js';
import type { Framework } from '../../core/diagnostics/framework.schema.js';
import { toIssues, type Issue } from '../../core/shared/errors.js';
import { usePermissions } from '../access/use-permissions.js';
import { isApiError, type ApiError } from '../shared/api-client.js';
import { ConfirmModal } from '../shared/confirm.modal.js';
import { ArrowStartIcon, PlusIcon } from '../shared/icons.js';
import { errorMessage, translateIssue } from '../shared/issue-messages.js';
import { ErrorState, LoadingState } from '../shared/page-states.js';
import { NotFoundPage } from '../shell/status.pages.js';
import { FrameworkStatusBadges } from './framework-list.page.js';
import { allQuestionKeys, draftOf, freeKey, getIn, inputOf, move, newDomain, newQuestion, setIn, type FrameworkDraft, type Path } from './framework-draft.js';
import { EditorContext, LocalizedAt, NumberAt, SwitchAt, TextAt, type EditorState } from './framework-fields.component.js';
import { QuestionCard } from './question-card.component.js';
import { frameworkName, localized } from './framework-texts.js';
import { useFramework, useFrameworks, useSaveFramework } from './frameworks.api.js';
import { StaleVersionAlert } from '../shared/stale-version.alert.js';

const startsWith = (path: Path, prefix: Path) => prefix.every((part, index) => path[index] === part);

/** Where an issue sits, in words: "Domaine 3 › Question 2 › Niveau 1 › Arabe". */
function describePath(t: (key: string, options?: Record<string, unknown>) => string, path: Path): string {
  const parts: string[] = [];
  for (let index = 0; index < path.length; index += 1) {
    const part = path[index]!;
    const previous = path[index - 1];
    if (part === 'definition') continue;
    if (typeof part === 'number') {
      if (previous === 'domains') parts.push(t('frameworks.domain', { index: part + 1 }));
      else if (previous === 'questions') parts.push(t('frameworks.question', { index: part + 1 }));
      else if (previous === 'levels' || previous === 'maturityLabels') parts.push(t('frameworks.level', { level: part + 1 }));
      else if (previous === 'options') parts.push(t('frameworks.option', { index: part + 1 }));
      continue;
    }
    if (part === 'domains' || part === 'options' || part === 'levels' || (part === 'questions' && typeof path[index + 1] === 'number')) continue;
    const labels: Record<string, string> = {
      nameFr: t('frameworks.nameFr'),
      nameAr: t('frameworks.nameAr'),
      nameEn: t('frameworks.nameEn'),
      maturityLabels: t('frameworks.maturityLabels'),
      questions: t('frameworks.questions'),
      key: typeof path[index - 2] === 'number' && path[index - 3] === 'questions' ? t('frameworks.questionKey') : t('frameworks.domainKey'),
      label: t('frameworks.optionLabel'),
      text: t('frameworks.questionText'),
      help: t('frameworks.help'),
      weight: t('frameworks.weight'),
      needThreshold: t('frameworks.needThreshold'),
      value: t('frameworks.optionValue'),
      score: t('frameworks.optionScore'),
      numberScale: t('frameworks.numberScale'),
      worst: t('frameworks.worst'),
      best: t('frameworks.best'),
      unit: t('frameworks.unit'),
      reference: t('frameworks.reference'),
      description: t('frameworks.domainDescription'),
      fr: t('frameworks.languages.fr'),
      ar: t('frameworks.languages.ar'),
      en: t('frameworks.languages.en'),
    };
    if (part === 'label' && path[index - 2] === 'domains') parts.push(t('frameworks.domainLabel'));
    else parts.push(labels[part] ?? part);
  }
  return parts.join(' › ');
}

function FrameworkEditor({ framework, onReload }: { framework: Framework; onReload: () => void }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const permissions = usePermissions();
  const readOnly = !permissions.canManageFrameworks;
  const versions = useFrameworks(permissions.canManageFrameworks);
  const save = useSaveFramework(framework.id);
  const [draft, setDraft] = useState<FrameworkDraft>(() => draftOf(framework));
  const [issues, setIssues] = useState<Issue[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const [savedInPlace, setSavedInPlace] = useState(false);
  const [openDomains, setOpenDomains] = useState<string[]>([]);
  const [openQuestions, setOpenQuestions] = useState<string[]>([]);
  const [removingDomain, setRemovingDomain] = useState<number | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const createdVersion = (location.state as { createdVersion?: number } | null)?.createdVersion;

  // Arriving on a version just created by saving: show its message, not the bottom of the page where the button was.
  useEffect(() => {
    if (createdVersion) {
      window.scrollTo(0, 0);
      summaryRef.current?.focus();
    }
  }, [createdVersion]);

  const highest = Math.max(framework.version, ...(versions.data ?? []).filter((item) => item.family === framework.family).map((item) => item.version));
  const nextVersion = highest + 1;
  const isFrozen = framework.frozenAt !== null;

  const context = useMemo<EditorState>(
    () => ({
      draft,
      readOnly,
      set: (path, value) => {
        setDraft((previous) => setIn(previous, path, value));
        setSavedInPlace(false);
        setIssues((previous) => (previous.some((issue) => startsWith(issue.path, path)) ? previous.filter((issue) => !startsWith(issue.path, path)) : previous));
      },
      errorAt: (path) => {
        const issue = issues.find((candidate) => candidate.path.length === path.length && startsWith(candidate.path, path));
        return issue ? translateIssue(t, issue) : undefined;
      },
      errorCountUnder: (path) => issues.filter((issue) => startsWith(issue.path, path)).length,
    }),
    [draft, issues, readOnly, t],
  );

  const domains = draft.definition.domains;
  const update = (path: Path, change: (value: unknown) => unknown) => context.set(path, change(getIn(draft, path)));

  const addDomain = () => {
    const keys = domains.map((domain) => domain.key);
    const domainKey = freeKey('domain', keys);
    const domain = newDomain(domainKey, freeKey(domainKey, allQuestionKeys(draft)));
    update(['definition', 'domains'], (list) => [...(list as unknown[]), domain]);
    setOpenDomains((open) => [...open, domain.uid]);
    setOpenQuestions((open) => [...open, domain.questions[0]!.uid]);
  };

  const addQuestion = (d: number) => {
    const question = newQuestion(freeKey(domains[d]!.key, allQuestionKeys(draft)));
    update(['definition', 'domains', d, 'questions'], (list) => [...(list as unknown[]), question]);
    setOpenQuestions((open) => [...open, question.uid]);
  };

  /** Opens every domain and question holding an issue, so that each message is in view. */
  const revealIssues = (found: Issue[]) => {
    const domainIndexes = new Set<number>();
    const questionUids = new Set<string>();
    for (const issue of found) {
      if (issue.path[1] !== 'domains' || typeof issue.path[2] !== 'number') continue;
      const domain = domains[issue.path[2]];
      if (!domain) continue;
      domainIndexes.add(issue.path[2]);
      if (issue.path[3] === 'questions' && typeof issue.path[4] === 'number') {
        const question = domain.questions[issue.path[4]];
        if (question) questionUids.add(question.uid);
      }
    }
    setOpenDomains((open) => [...new Set([...open, ...[...domainIndexes].map((index) => domains[index]!.uid)])]);
    setOpenQuestions((open) => [...new Set([...open, ...questionUids])]);
    requestAnimationFrame(() => summaryRef.current?.focus());
  };

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (readOnly) return;
    setFailure(null);
    setSavedInPlace(false);
    const parsed = frameworkEditSchema.safeParse(inputOf(draft));
    if (!parsed.success) {
      const found = toIssues(parsed.error.issues);
      setIssues(found);
      revealIssues(found);
      return;
    }
    setIssues([]);
    save.mutate(
      { input: parsed.data, updatedAt: framework.updatedAt },
      {
        onSuccess: (saved) => {
          if (saved.id !== framework.id) {
            void navigate(`/frameworks/${saved.id}`, { state: { createdVersion: saved.version } });
          } else {
            setSavedInPlace(true);
            requestAnimationFrame(() => summaryRef.current?.focus());
          }
        },
        onError: (error) => {
          if (!isApiError(error)) return;
          setFailure(error);
          setIssues(error.issues);
          revealIssues(error.issues);
        },
      },
    );
  };

  const isStale = failure?.code === 'conflict' && failure.params.reason === 'stale_version';
  const name = frameworkName(framework, i18n.language);
  const removing = removingDomain === null ? null : domains[removingDomain];

  return (
    <EditorContext.Provider value={context}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Anchor component={Link} to="/frameworks" size="sm">
            <Group gap={4} component="span">
              <ArrowStartIcon size={14} className="flip-rtl" />
              {t('frameworks.backToList')}
            </Group>
          </Anchor>
          <Stack gap={6}>
            <Title order={1} size="h2">
              <bdi>{name}</bdi>
            </Title>
            <Group gap="xs" wrap="wrap">
              <Text size="sm" c="dimmed">
                {t('frameworks.version', { version: framework.version })} · <span className="ltr-value">{framework.family}</span>
              </Text>
              <FrameworkStatusBadges framework={framework} />
            </Group>
          </Stack>

          <div ref={summaryRef} tabIndex={-1} aria-live="polite">
            <Stack gap="sm">
              {createdVersion ? (
                <Alert color="teal" variant="light" role="status">
                  {t('frameworks.versionCreated', { version: createdVersion })}
                </Alert>
              ) : null}
              {savedInPlace ? (
                <Alert color="teal" variant="light" role="status">
                  {t('frameworks.saved')}
                </Alert>
              ) : null}
              {readOnly ? (
                <Alert color="gray" variant="light">
                  {t('frameworks.readOnly')}
                </Alert>
              ) : null}
              {isFrozen && !readOnly ? (
                <Alert color="orange" variant="light" title={t('frameworks.frozenBannerTitle')}>
                  <Text size="sm">{t('frameworks.frozenBanner', { next: nextVersion })}</Text>
                  {framework.isDefault ? <Text size="sm">{t('frameworks.frozenBannerDefault')}</Text> : null}
                </Alert>
              ) : null}
              {isStale ? (
                <StaleVersionAlert title={t('frameworks.staleTitle')} message={t('frameworks.stale')} reloadLabel={t('frameworks.reload')} onReload={onReload} />
              ) : null}
              {failure && !isStale && issues.length === 0 ? (
                <Alert color="red" variant="light" role="alert">
                  {errorMessage(t, failure)}
                </Alert>
              ) : null}
              {issues.length > 0 ? (
                <Alert color="red" variant="light" title={t('frameworks.fixErrors', { count: issues.length })} role="alert">
                  <List size="sm">
                    {issues.slice(0, 20).map((issue) => (
                      <List.Item key={issue.path.join('.')}>
                        <Anchor href={`#field-${issue.path.join('-')}`} size="sm">
                          {describePath(t, issue.path)}
                        </Anchor>{' '}
                        — {translateIssue(t, issue)}
                      </List.Item>
                    ))}
                  </List>
                </Alert>
              ) : null}
            </Stack>
          </div>

          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="framework-names">
            <Title order={2} size="h4" mb="sm" id="framework-names">
              {t('frameworks.names')}
            </Title>
            <Stack gap="sm">
              <TextAt path={['nameFr']} label={t('frameworks.nameFr')} lang="fr" dir="ltr" />
              <TextAt path={['nameAr']} label={t('frameworks.nameAr')} lang="ar" dir="rtl" />
              <TextAt path={['nameEn']} label={t('frameworks.nameEn')} lang="en" dir="ltr" />
            </Stack>
          </Paper>

          <Paper withBorder radius="md" p="md" component="section" aria-labelledby="framework-settings">
            <Title order={2} size="h4" mb="sm" id="framework-settings">
              {t('frameworks.settings')}
            </Title>
            <Stack gap="md">
              <SwitchAt path={['definition', 'swot']} label={t('frameworks.swot')} />
              <Text fw={600} size="sm">
                {t('frameworks.maturityLabels')}
              </Text>
              {draft.definition.maturityLabels.map((_label, index) => (
                <LocalizedAt key={index} path={['definition', 'maturityLabels', index]} label={t('frameworks.maturityLevel', { level: index + 1 })} />
              ))}
            </Stack>
          </Paper>

          <Stack gap="xs" component="section" aria-labelledby="framework-domains">
            <Group justify="space-between" align="center">
              <Title order={2} size="h4" id="framework-domains">
                {t('frameworks.domains')}
              </Title>
              {context.errorAt(['definition', 'domains']) ? (
                <Text size="sm" c="red">
                  {context.errorAt(['definition', 'domains'])}
                </Text>
              ) : null}
            </Group>
            <Accordion multiple variant="separated" radius="md" value={openDomains} onChange={setOpenDomains} chevronPosition="left">
              {domains.map((domain, d) => {
                const base = ['definition', 'domains', d] as const;
                const errors = context.errorCountUnder(base);
                const isOpen = openDomains.includes(domain.uid);
                return (
                  <Accordion.Item key={domain.uid} value={domain.uid}>
                    <Accordion.Control aria-label={`${t('frameworks.domain', { index: d + 1 })} — ${localized(domain.label, i18n.language)}`}>
                      <Group gap="xs" wrap="wrap">
                        <Text fw={600}>
                          {d + 1}. <bdi>{localized(domain.label, i18n.language) || t('frameworks.newDomain')}</bdi>
                        </Text>
                        <Badge variant="light" color="gray">
                          {t('frameworks.questionCount', { count: domain.questions.length })}
                        </Badge>
                        <Badge variant="light" color="blue">
                          {t('frameworks.weightShort', { weight: domain.weight })}
                        </Badge>
                        <Badge variant="light" color="grape">
                          {t('frameworks.thresholdShort', { threshold: domain.needThreshold })}
                        </Badge>
                        {errors > 0 ? (
                          <Badge color="red" variant="filled">
                            {t('frameworks.errorCount', { count: errors })}
                          </Badge>
                        ) : null}
                      </Group>
                    </Accordion.Control>
                    <Accordion.Panel>
                      {isOpen ? (
                        <Stack gap="md">
                          <LocalizedAt path={[...base, 'label']} label={t('frameworks.domainLabel')} />
                          <LocalizedAt path={[...base, 'description']} label={t('frameworks.domainDescription')} optional multiline />
                          <Group gap="sm" align="flex-start" wrap="wrap">
                            <TextAt path={[...base, 'key']} label={t('frameworks.domainKey')} dir="ltr" w={200} />
                            <NumberAt path={[...base, 'weight']} label={t('frameworks.weight')} description={t('frameworks.weightHelp')} min={0} max={10} step={0.1} w={200} />
                            <NumberAt
                              path={[...base, 'needThreshold']}
                              label={t('frameworks.needThreshold')}
                              description={t('frameworks.needThresholdHelp')}
                              min={0}
                              max={100}
                              step={1}
                              w={200}
                            />
                          </Group>
                          <Text fw={600} size="sm">
                            {t('frameworks.questions')}
                          </Text>
                          {context.errorAt([...base, 'questions']) ? (
                            <Text size="sm" c="red" role="alert">
                              {context.errorAt([...base, 'questions'])}
                            </Text>
                          ) : null}
                          {domain.questions.map((question, q) => (
                            <QuestionCard
                              key={question.uid}
                              path={[...base, 'questions', q]}
                              index={q}
                              count={domain.questions.length}
                              isOpen={openQuestions.includes(question.uid)}
                              onToggle={() =>
                                setOpenQuestions((open) => (open.includes(question.uid) ? open.filter((uid) => uid !== question.uid) : [...open, question.uid]))
                              }
                              onMove={(step) => update([...base, 'questions'], (list) => move(list as unknown[], q, step))}
                              onRemove={() => update([...base, 'questions'], (list) => (list as unknown[]).filter((_item, index) => index !== q))}
                            />
                          ))}
                          {!readOnly ? (
                            <Group justify="space-between" wrap="wrap" gap="xs">
                              <Button variant="light" size="xs" leftSection={<PlusIcon size={14} />} onClick={() => addQuestion(d)}>
                                {t('frameworks.addQuestion')}
                              </Button>
                              <Group gap="xs" wrap="wrap">
                                <Button variant="default" size="xs" disabled={d === 0} onClick={() => update(['definition', 'domains'], (list) => move(list as unknown[], d, -1))}>
                                  ↑ {t('frameworks.moveUp')}
                                </Button>
                                <Button
                                  variant="default"
                                  size="xs"
                                  disabled={d === domains.length - 1}
                                  onClick={() => update(['definition', 'domains'], (list) => move(list as unknown[], d, 1))}
                                >
                                  ↓ {t('frameworks.moveDown')}
                                </Button>
                                <Button variant="subtle" color="red" size="xs" disabled={domains.length === 1} onClick={() => setRemovingDomain(d)}>
                                  {t('frameworks.removeDomain')}
                                </Button>
                              </Group>
                            </Group>
                          ) : null}
                        </Stack>
                      ) : null}
                    </Accordion.Panel>
                  </Accordion.Item>
                );
              })}
            </Accordion>
            {!readOnly ? (
              <Group>
                <Button variant="light" leftSection={<PlusIcon size={16} />} onClick={addDomain}>
                  {t('frameworks.addDomain')}
                </Button>
              </Group>
            ) : null}
          </Stack>

          {!readOnly ? (
            <Paper withBorder radius="md" p="sm" className="framework-save-bar">
              <Group justify="flex-end" gap="sm" wrap="wrap">
                {issues.length > 0 ? (
                  <Text size="sm" c="red">
                    {t('frameworks.fixErrors', { count: issues.length })}
                  </Text>
                ) : null}
                <Button type="submit" loading={save.isPending}>
                  {isFrozen ? t('frameworks.saveAsVersion', { next: nextVersion }) : t('frameworks.save')}
                </Button>
              </Group>
            </Paper>
          ) : null}
        </Stack>
      </form>
      <ConfirmModal
        opened={removing !== null && removing !== undefined}
        title={t('frameworks.removeDomainTitle')}
        message={t('frameworks.removeDomainMessage', { label: localized(removing?.label, i18n.language), count: removing?.questions.length ?? 0 })}
        confirmLabel={t('frameworks.removeDomain')}
        danger
        onConfirm={() => {
          const index = removingDomain;
          setRemovingDomain(null);
          if (index !== null) update(['definition', 'domains'], (list) => (list as unknown[]).filter((_item, position) => position !== index));
        }}
        onClose={() => setRemovingDomain(null)}
      />
    </EditorContext.Provider>
  );
}

export default function FrameworkEditorPage() {
  const { frameworkId } = useParams();
  const framework = useFramework(frameworkId);
  const [generation, setGeneration] = useState(0);
  if (framework.isPending) return <LoadingState />;
  if (isApiError(framework.error, 'not_found', 'validation')) return <NotFoundPage />;
  if (framework.isError) return <ErrorState error={framework.error} onRetry={() => void framework.refetch()} />;
  return (
    <FrameworkEditor
      key={`${framework.data.id}-${generation}`}
      framework={framework.data}
      onReload={() => {
        void framework.refetch().then(() => setGeneration((value) => value + 1));
      }}
    />
  );
}
