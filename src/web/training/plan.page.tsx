import { Alert, Anchor, Badge, Button, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { planClashContext } from '../../core/training/plan-edit.js';
import { planConstraintsSchema, type PlanStatus, type PlanVersion, type TrainingPlanView } from '../../core/training/plan.schema.js';
import { usePermissions } from '../access/use-permissions.js';
import { isApiError } from '../shared/api-client.js';
import { ConfirmModal } from '../shared/confirm.modal.js';
import { ArrowStartIcon, CheckIcon, EditIcon } from '../shared/icons.js';
import { errorMessage } from '../shared/issue-messages.js';
import { ErrorState, LoadingState, NothingHere } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { useSchemaForm } from '../shared/use-schema-form.js';
import { domainLabel, needLabel } from './catalogue.api.js';
import { GuideDownloads } from './guide-downloads.component.js';
import { ClashPanel, clashLevels } from './plan-editor-clashes.js';
import { PlanCoverage } from './plan-editor-coverage.js';
import { ModuleGroups } from './plan-editor-groups.js';
import { PlanWorkshops } from './plan-editor-workshops.js';
import { PlanEditBar, usePlanEditing, usePlanNames, type PlanEditing } from './plan-editor.js';
import { PlanSessions } from './plan-sessions.component.js';
import { TrainersPanel } from './trainers-panel.component.js';
import { useApprovePlan, useCopyPlan, useGeneratePlan, usePlan, usePlanVersions, useUpdatePlan } from './plan.api.js';

const statusColors: Record<PlanStatus, string> = { draft: 'yellow', approved: 'green', superseded: 'gray' };

type FormValues = { minGroupSize: number | string; maxGroupSize: number | string; maxDistanceKm: number | string; maxSessionsPerMonth: number | string };
const defaults = planConstraintsSchema.parse({});

/** `/programmes/:programmeId/plan`: generate, compare and approve the programme's training plan. */
export default function TrainingPlanPage() {
  const { programmeId = '' } = useParams();
  const { t } = useTranslation();
  const format = useFormat();
  const permissions = usePermissions();
  const canManage = permissions.canManageProgramme(programmeId);
  const versions = usePlanVersions(programmeId);
  const [selected, setSelected] = useState<string | null>(null);
  const planId = selected ?? versions.data?.[0]?.id;
  const plan = usePlan(planId);
  const generate = useGeneratePlan(programmeId);
  const approve = useApprovePlan(programmeId);
  const update = useUpdatePlan(programmeId);
  const copy = useCopyPlan(programmeId);
  const editing = usePlanEditing(plan.data);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [editNotice, setEditNotice] = useState<string | null>(null);
  const form = useSchemaForm<FormValues>({
    minGroupSize: defaults.minGroupSize,
    maxGroupSize: defaults.maxGroupSize,
    maxDistanceKm: defaults.maxDistanceKm,
    maxSessionsPerMonth: defaults.maxSessionsPerMonth,
  });

  // The form starts from the constraints of the version shown.
  const shownConstraints = plan.data?.parameters.constraints;
  useEffect(() => {
    if (!shownConstraints) return;
    const pick = (key: keyof FormValues) => (typeof shownConstraints[key] === 'number' ? (shownConstraints[key] as number) : defaults[key]);
    form.setValues({ minGroupSize: pick('minGroupSize'), maxGroupSize: pick('maxGroupSize'), maxDistanceKm: pick('maxDistanceKm'), maxSessionsPerMonth: pick('maxSessionsPerMonth') });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [plan.data?.id]);

  const onGenerate = () => {
    const toNumber = (value: number | string) => (value === '' ? undefined : Number(value));
    const constraints = form.validate(
      planConstraintsSchema,
      Object.fromEntries(Object.entries(form.values).map(([key, value]) => [key, toNumber(value)])),
      (field) => form.values[field as keyof FormValues] === '',
    );
    if (!constraints) return;
    setNotice(null);
    generate.mutate(constraints, {
      onSuccess: (created) => {
        setSelected(created.id);
        setNotice(t('training.plan.generated', { version: created.version }));
      },
      onError: (error) => {
        if (isApiError(error, 'validation')) form.showServerIssues(error.issues.map((issue) => ({ ...issue, path: issue.path[0] === 'constraints' ? issue.path.slice(1) : issue.path })));
      },
    });
  };

  const onSave = () => {
    if (!plan.data || editing.edits.length === 0) return;
    setEditNotice(null);
    update.mutate(
      { planId: plan.data.id, revision: plan.data.revision, edits: editing.edits },
      { onSuccess: (saved) => setEditNotice(t('planEditing.saved', { revision: saved.revision })) },
    );
  };

  const onCopy = () => {
    if (!plan.data) return;
    const from = plan.data.version;
    copy.mutate(plan.data.id, {
      onSuccess: (created) => {
        setSelected(created.id);
        setNotice(null);
        setEditNotice(t('planEditing.copied', { version: created.version, from }));
      },
    });
  };

  const approveBlocker =
    editing.edits.length > 0 ? t('planEditing.approveUnsaved') : editing.blockingCount > 0 ? t('planEditing.approveBlocked', { count: editing.blockingCount }) : null;

  if (versions.isPending) return <LoadingState />;
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;

  const versionLabel = (version: PlanVersion) => `${t('training.plan.versionLabel', { version: version.version, date: format.dateTime(version.createdAt) })} · ${t(`training.plan.statuses.${version.status}`)}`;
  const generateError = generate.error && !(isApiError(generate.error, 'validation') && generate.error.issues.every((issue) => issue.path[0] === 'constraints')) ? generate.error : null;

  return (
    <Stack gap="lg">
      <Anchor component={Link} to={`/programmes/${programmeId}`} size="sm">
        <Group gap={4} component="span">
          <ArrowStartIcon size={14} />
          {t('training.plan.backToProgramme')}
        </Group>
      </Anchor>
      <div>
        <Title order={1}>{t('training.plan.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('training.plan.intro')}
        </Text>
      </div>

      {canManage ? (
        <Paper withBorder p="md" component="form" onSubmit={(event) => (event.preventDefault(), onGenerate())}>
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('training.plan.constraints')}
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
              {(['minGroupSize', 'maxGroupSize', 'maxDistanceKm', 'maxSessionsPerMonth'] as const).map((field) => (
                <NumberInput
                  key={field}
                  label={t(`training.plan.${field}`)}
                  value={form.values[field]}
                  onChange={(value) => form.setField(field, value)}
                  error={form.error(field)}
                  min={field === 'maxDistanceKm' ? 0 : 1}
                  allowDecimal={false}
                  // The form takes the shown version's constraints when it arrives: typing before would be overwritten.
                  disabled={planId !== undefined && plan.isPending}
                />
              ))}
            </SimpleGrid>
            {generateError ? (
              <Alert color="red" variant="light" role="alert">
                {isApiError(generateError) && generateError.issues[0] ? t(`issues.${generateError.issues[0].key}`, { defaultValue: errorMessage(t, generateError) }) : errorMessage(t, generateError)}
              </Alert>
            ) : null}
            {notice ? (
              <Alert color="green" variant="light" role="status">
                {notice}
              </Alert>
            ) : null}
            <Group>
              <Button type="submit" loading={generate.isPending}>
                {t('training.plan.generate')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      ) : null}
      {canManage ? <TrainersPanel programmeId={programmeId} /> : null}

      {versions.data.length === 0 ? (
        <NothingHere title={t('training.plan.noneTitle')} description={canManage ? t('training.plan.noneHint') : undefined} />
      ) : (
        <Stack gap="md">
          <Group justify="space-between" align="flex-end" wrap="wrap">
            <Select
              label={t('training.plan.version')}
              data={versions.data.map((version) => ({ value: version.id, label: versionLabel(version) }))}
              value={planId ?? null}
              onChange={(value) => {
                setSelected(value);
                setEditNotice(null);
                update.reset();
              }}
              allowDeselect={false}
              w={{ base: '100%', sm: 380 }}
            />
            <Group gap="sm" align="flex-end" wrap="wrap">
              {plan.data?.canApprove ? (
                <Stack gap={4} align="flex-end">
                  <Button color="green" leftSection={<CheckIcon size={16} />} onClick={() => setConfirming(true)} disabled={approveBlocker !== null} aria-describedby={approveBlocker ? 'plan-approve-blocker' : undefined}>
                    {t('training.plan.approve')}
                  </Button>
                  {approveBlocker ? (
                    <Text size="xs" c="dimmed" id="plan-approve-blocker" maw={320} ta="end">
                      {approveBlocker}
                    </Text>
                  ) : null}
                </Stack>
              ) : null}
              {canManage && plan.data?.result && plan.data.status !== 'draft' ? (
                <Button variant="light" leftSection={<EditIcon size={16} />} loading={copy.isPending} onClick={onCopy}>
                  {t('planEditing.editInNewVersion')}
                </Button>
              ) : null}
            </Group>
          </Group>
          {copy.error ? (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(t, copy.error)}
            </Alert>
          ) : null}
          {plan.isPending ? (
            <LoadingState />
          ) : plan.isError ? (
            <ErrorState error={plan.error} onRetry={() => void plan.refetch()} />
          ) : (
            <PlanView plan={plan.data} editing={editing} versions={versions.data} />
          )}
        </Stack>
      )}

      {editing.canEdit ? (
        <PlanEditBar
          count={editing.edits.length}
          saving={update.isPending}
          error={update.error}
          notice={editNotice}
          onCloseNotice={() => setEditNotice(null)}
          onSave={onSave}
          onDiscard={() => {
            update.reset();
            editing.discard();
          }}
          onReload={() => {
            update.reset();
            editing.discard();
            void plan.refetch();
          }}
        />
      ) : null}

      <ConfirmModal
        opened={confirming}
        title={t('training.plan.approveTitle', { version: plan.data?.version ?? '' })}
        message={t('training.plan.approveBody')}
        confirmLabel={t('training.plan.approve')}
        pending={approve.isPending}
        error={approve.error}
        onClose={() => {
          setConfirming(false);
          approve.reset();
        }}
        onConfirm={() =>
          plan.data &&
          approve.mutate(plan.data.id, {
            onSuccess: (approved) => {
              setConfirming(false);
              setNotice(t('training.plan.approved', { version: approved.version }));
            },
          })
        }
      />
    </Stack>
  );
}

function PlanView({ plan, editing, versions }: { plan: TrainingPlanView; editing: PlanEditing; versions: PlanVersion[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = usePlanNames(plan);
  const result = editing.result;
  const summary = result?.summary ?? plan.summary;
  const figures: Array<[string, number]> = [
    ['needs', summary.needs],
    ['answeredByGroups', summary.answeredByGroups],
    ['answeredByCoaching', summary.answeredByCoaching],
    ['unanswered', summary.unanswered],
    ['groups', summary.groups],
    ['sessions', summary.sessions],
  ];
  const basedOn = plan.basedOnId ? versions.find((version) => version.id === plan.basedOnId) : undefined;
  const phase = planClashContext(plan.parameters, []).trainingPhase;
  return (
    <Stack gap="lg">
      <Group gap="xs">
        <Badge color={statusColors[plan.status]} variant="light">
          {t(`training.plan.statuses.${plan.status}`)}
        </Badge>
        <Text size="sm" c="dimmed">
          {[
            t('training.plan.versionLabel', { version: plan.version, date: format.dateTime(plan.createdAt) }),
            basedOn ? t('planEditing.basedOn', { version: basedOn.version }) : null,
            plan.editedAt ? t('planEditing.edited', { date: format.dateTime(plan.editedAt), revision: plan.revision }) : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Group>
      <section aria-labelledby="plan-summary">
        <Title order={2} size="h4" id="plan-summary" mb="xs">
          {t('training.plan.summary')}
        </Title>
        <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }} spacing="sm">
          {figures.map(([key, value]) => (
            <Paper key={key} withBorder p="sm">
              <Text size="xs" c="dimmed">
                {t(`training.plan.${key}`)}
              </Text>
              <Text fw={700} size="xl">
                {format.number(value)}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      </section>
      {plan.result ? (
        <>
          <PlanSessions plan={plan} />
          <GuideDownloads plan={plan} />
        </>
      ) : null}
      {result && plan.labels ? (
        <>
          <ClashPanel clashes={editing.clashes} result={result} names={names} phase={phase} />
          <PlanDetail result={result} plan={plan} editing={editing} />
        </>
      ) : (
        <Alert variant="light" color="blue">
          {t('training.plan.summaryOnly')}
        </Alert>
      )}
    </Stack>
  );
}

function needText(key: string, language: string): string {
  const [domainKey, questionKey] = key.split('.');
  return questionKey ? needLabel(questionKey, language) : domainLabel(domainKey ?? key, language);
}

function PlanDetail({ result, plan, editing }: { result: NonNullable<TrainingPlanView['result']>; plan: TrainingPlanView; editing: PlanEditing }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const language = i18n.language;
  const names = usePlanNames(plan);
  const levels = useMemo(() => clashLevels(editing.clashes), [editing.clashes]);
  const editor = editing.canEdit ? { trainers: plan.trainers ?? [], record: editing.record } : null;
  const withGroups = result.modules.filter((module) => module.groups.length > 0);

  return (
    <Stack gap="lg">
      <section aria-labelledby="plan-modules">
        <Title order={2} size="h4" id="plan-modules" mb="xs">
          {t('training.plan.modules')}
        </Title>
        {editor ? (
          <Text size="sm" c="dimmed" mb="xs">
            {t('planEditing.hint')}
          </Text>
        ) : null}
        {withGroups.length === 0 ? <Text size="sm">{t('training.plan.noGroups')}</Text> : null}
        <Stack gap="sm">
          {withGroups.map((module) => (
            <ModuleGroups key={module.moduleId} module={module} names={names} levels={levels} editor={editor} />
          ))}
        </Stack>
      </section>

      <section aria-labelledby="plan-coaching">
        <Title order={2} size="h4" id="plan-coaching" mb="xs">
          {t('training.plan.coaching')}
        </Title>
        {result.coaching.length === 0 ? (
          <Text size="sm">{t('training.plan.noCoaching')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={520}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('training.plan.cooperative')}</Table.Th>
                  <Table.Th>{t('training.plan.modules')}</Table.Th>
                  <Table.Th>{t('training.plan.needs')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.coaching.map((entry) => (
                  <Table.Tr key={`${entry.cooperativeId}:${entry.moduleId}`}>
                    <Table.Td>{names.cooperative(entry.cooperativeId)}</Table.Td>
                    <Table.Td>{names.module(entry.moduleId)}</Table.Td>
                    <Table.Td>{format.list(entry.needKeys.map((key) => needText(key, language)))}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>

      <PlanWorkshops workshops={result.workshops} names={names} levels={levels} editor={editor} />
      <PlanCoverage coverage={result.coverage} labels={plan.labels!} names={names} />
    </Stack>
  );
}
