import { Alert, Anchor, Badge, Button, Card, Group, NumberInput, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { planConstraintsSchema, type PlanLabels, type PlanStatus, type PlanVersion, type TrainingPlanView } from '../../core/training/plan.schema.js';
import { usePermissions } from '../access/use-permissions.js';
import { provinceName } from '../registry/territory-names.js';
import { isApiError } from '../shared/api-client.js';
import { ConfirmModal } from '../shared/confirm.modal.js';
import { ArrowStartIcon, CheckIcon } from '../shared/icons.js';
import { errorMessage } from '../shared/issue-messages.js';
import { ErrorState, LoadingState, NothingHere } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { useSchemaForm } from '../shared/use-schema-form.js';
import { domainLabel, needLabel } from './catalogue.api.js';
import { useApprovePlan, useGeneratePlan, usePlan, usePlanVersions } from './plan.api.js';

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
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
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

      {versions.data.length === 0 ? (
        <NothingHere title={t('training.plan.noneTitle')} description={canManage ? t('training.plan.noneHint') : undefined} />
      ) : (
        <Stack gap="md">
          <Group justify="space-between" align="flex-end" wrap="wrap">
            <Select
              label={t('training.plan.version')}
              data={versions.data.map((version) => ({ value: version.id, label: versionLabel(version) }))}
              value={planId ?? null}
              onChange={(value) => setSelected(value)}
              allowDeselect={false}
              w={{ base: '100%', sm: 380 }}
            />
            {plan.data?.canApprove ? (
              <Button color="green" leftSection={<CheckIcon size={16} />} onClick={() => setConfirming(true)}>
                {t('training.plan.approve')}
              </Button>
            ) : null}
          </Group>
          {plan.isPending ? <LoadingState /> : plan.isError ? <ErrorState error={plan.error} onRetry={() => void plan.refetch()} /> : <PlanView plan={plan.data} />}
        </Stack>
      )}

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

function needText(key: string, language: string): string {
  const [domainKey, questionKey] = key.split('.');
  return questionKey ? needLabel(questionKey, language) : domainLabel(domainKey ?? key, language);
}

function PlanView({ plan }: { plan: TrainingPlanView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { summary } = plan;
  const figures: Array<[string, number]> = [
    ['needs', summary.needs],
    ['answeredByGroups', summary.answeredByGroups],
    ['answeredByCoaching', summary.answeredByCoaching],
    ['unanswered', summary.unanswered],
    ['groups', summary.groups],
    ['sessions', summary.sessions],
  ];
  return (
    <Stack gap="lg">
      <Group gap="xs">
        <Badge color={statusColors[plan.status]} variant="light">
          {t(`training.plan.statuses.${plan.status}`)}
        </Badge>
        <Text size="sm" c="dimmed">
          {t('training.plan.versionLabel', { version: plan.version, date: format.dateTime(plan.createdAt) })}
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
      {plan.result && plan.labels ? (
        <PlanDetail result={plan.result} labels={plan.labels} />
      ) : (
        <Alert variant="light" color="blue">
          {t('training.plan.summaryOnly')}
        </Alert>
      )}
    </Stack>
  );
}

function PlanDetail({ result, labels }: { result: NonNullable<TrainingPlanView['result']>; labels: PlanLabels }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const language = i18n.language;
  const cooperative = (id: string) => labels.cooperatives[id]?.name ?? id;
  const moduleName = (id: string) => {
    const found = labels.modules[id];
    return found ? `${found.code} · ${found.title}` : id;
  };
  const trainer = (id: string | null) => (id ? (labels.trainers[id] ?? id) : t('training.plan.noTrainer'));
  const withGroups = result.modules.filter((module) => module.groups.length > 0);
  const unanswered = result.coverage.filter((entry) => entry.status === 'unanswered');
  const answered = result.coverage.filter((entry) => entry.status !== 'unanswered');

  return (
    <Stack gap="lg">
      <section aria-labelledby="plan-modules">
        <Title order={2} size="h4" id="plan-modules" mb="xs">
          {t('training.plan.modules')}
        </Title>
        {withGroups.length === 0 ? <Text size="sm">{t('training.plan.noGroups')}</Text> : null}
        <Stack gap="sm">
          {withGroups.map((module) => (
            <Card key={module.moduleId} withBorder padding="sm">
              <Text fw={600} mb="xs">
                {moduleName(module.moduleId)}
              </Text>
              <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
                {module.groups.map((group) => (
                  <Paper key={group.number} withBorder p="sm" bg="var(--mantine-color-gray-0)">
                    <Group justify="space-between" gap="xs" mb={4}>
                      <Text fw={600} size="sm">
                        {t('training.plan.group', { number: group.number })}
                      </Text>
                      <Badge variant="light">{provinceName(group.hubProvinceCode, language)}</Badge>
                    </Group>
                    <Text size="sm">
                      <b>{t('training.plan.trainer')} :</b> {trainer(group.trainerId)}
                    </Text>
                    <Text size="sm">
                      <b>{t('training.plan.dates')} :</b> {format.list(group.sessions.map((session) => format.date(session.date)))}
                    </Text>
                    <Text size="sm">
                      <b>{t('training.plan.cooperatives')} ({group.cooperativeIds.length}) :</b> {format.list(group.cooperativeIds.map(cooperative))}
                    </Text>
                  </Paper>
                ))}
              </SimpleGrid>
            </Card>
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
                    <Table.Td>{cooperative(entry.cooperativeId)}</Table.Td>
                    <Table.Td>{moduleName(entry.moduleId)}</Table.Td>
                    <Table.Td>{format.list(entry.needKeys.map((key) => needText(key, language)))}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>

      <section aria-labelledby="plan-workshops">
        <Title order={2} size="h4" id="plan-workshops" mb="xs">
          {t('training.plan.workshops')}
        </Title>
        {result.workshops.length === 0 ? (
          <Text size="sm">{t('training.plan.noWorkshops')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={420}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('training.plan.hub')}</Table.Th>
                  <Table.Th>{t('training.plan.dates')}</Table.Th>
                  <Table.Th>{t('training.plan.trainer')}</Table.Th>
                  <Table.Th>{t('training.plan.cooperatives')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {result.workshops.map((workshop, index) => (
                  <Table.Tr key={index}>
                    <Table.Td>{provinceName(workshop.provinceCode, language)}</Table.Td>
                    <Table.Td>{format.date(workshop.date)}</Table.Td>
                    <Table.Td>{trainer(workshop.trainerId)}</Table.Td>
                    <Table.Td>{format.number(workshop.cooperativeIds.length)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>

      <section aria-labelledby="plan-coverage">
        <Title order={2} size="h4" id="plan-coverage" mb="xs">
          {t('training.plan.coverage')}
        </Title>
        <Text size="sm" mb="xs">
          {t('training.plan.answeredByGroups')} / {t('training.plan.answeredByCoaching')} : {format.number(answered.length)} · {t('training.plan.unanswered')} : {format.number(unanswered.length)}
        </Text>
        <Table.ScrollContainer minWidth={560}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.plan.cooperative')}</Table.Th>
                <Table.Th>{t('training.plan.need')}</Table.Th>
                <Table.Th>{t('training.plan.priority')}</Table.Th>
                <Table.Th>{t('training.plan.status')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...unanswered, ...answered].map((entry) => (
                <Table.Tr key={`${entry.cooperativeId}:${entry.needKey}`}>
                  <Table.Td>{cooperative(entry.cooperativeId)}</Table.Td>
                  <Table.Td>{needText(entry.needKey, language)}</Table.Td>
                  <Table.Td>{format.number(Math.round(entry.priority * 10) / 10)}</Table.Td>
                  <Table.Td>
                    {entry.status === 'unanswered' ? (
                      <Badge color="red" variant="light">
                        {t(`training.plan.reasons.${entry.reason}`)}
                      </Badge>
                    ) : (
                      <Badge color={entry.status === 'group' ? 'green' : 'blue'} variant="light">
                        {entry.status === 'group'
                          ? `${t('training.plan.coverageStatus.group')} · ${labels.modules[entry.moduleId]?.code ?? ''} #${entry.groupNumber}`
                          : `${t('training.plan.coverageStatus.coaching')} · ${labels.modules[entry.moduleId]?.code ?? ''}`}
                      </Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </section>
    </Stack>
  );
}
