import { Anchor, Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { organisationName } from '../../core/programmes/organisation.schema.js';
import { usePermissions } from '../access/use-permissions.js';
import { isApiError } from '../shared/api-client.js';
import { ArrowStartIcon, EditIcon, PlusIcon } from '../shared/icons.js';
import { ErrorState, LoadingState } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { NotFoundPage } from '../shell/status.pages.js';
import { EnrolledList } from './enrolled-list.component.js';
import { PhaseTimeline } from './phase-timeline.component.js';
import { describeCadences, describeRules, describeTerritory, programmeName, programmeStatusColors } from './programme-words.js';
import { useFrameworks, useProgramme } from './programmes.api.js';

function Section({ title, children, testId }: { title: string; children: React.ReactNode; testId?: string }) {
  const titleId = useId();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId} data-testid={testId}>
      <Title order={2} size="h4" mb="sm" id={titleId}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

export function BackToProgrammes() {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/programmes" size="sm">
      <Group gap={4} component="span">
        <ArrowStartIcon size={14} />
        {t('programmes.back')}
      </Group>
    </Anchor>
  );
}

export default function ProgrammeDetailPage() {
  const { programmeId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const permissions = usePermissions();
  const programme = useProgramme(programmeId);
  const canManage = permissions.canManageProgramme(programmeId);
  const frameworks = useFrameworks(Boolean(programme.data?.frameworkId));
  const locale = i18n.language;

  if (programme.isPending) return <LoadingState />;
  if (programme.isError) {
    if (isApiError(programme.error, 'not_found', 'validation')) return <NotFoundPage />;
    return <ErrorState error={programme.error} onRetry={() => void programme.refetch()} />;
  }
  const record = programme.data;
  const name = programmeName(record, locale);
  const description = locale === 'ar' ? (record.descriptionAr ?? record.descriptionFr) : locale === 'en' ? (record.descriptionEn ?? record.descriptionFr) : record.descriptionFr;
  const cadences = describeCadences(t, record.cadences, locale);
  const rules = describeRules(t, record.eligibility, locale, record.regionCodes.length + record.provinceCodes.length > 0);
  const funders = record.organisations.filter((item) => item.role === 'funder');
  const partners = record.organisations.filter((item) => item.role === 'partner');
  const framework = frameworks.data?.find((item) => item.id === record.frameworkId);
  const enrolled = record.counts.enrolled + record.counts.completed;

  return (
    <Stack gap="md">
      <BackToProgrammes />
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={1} size="h2">
            <bdi>{name}</bdi>
          </Title>
          <Group gap="xs">
            <Badge color={programmeStatusColors[record.status]} variant="light">
              {t(`programmes.statuses.${record.status}`)}
            </Badge>
            <Text size="sm" c="dimmed" dir="ltr">
              {record.code}
            </Text>
          </Group>
          <Text size="sm">
            {record.startDate && record.endDate ? t('programmes.dates', { from: format.date(record.startDate), to: format.date(record.endDate) }) : t('programmes.noDates')}
            {record.durationMonths ? ` · ${t('programmes.duration', { count: record.durationMonths })}` : ''}
          </Text>
          <Text size="sm" c="dimmed">
            {t('programmes.labelled', { label: t('programmes.territory'), value: describeTerritory(t, record, locale) })}
          </Text>
        </Stack>
        <Group gap="xs">
          {canManage ? (
            <Button component={Link} to={`/programmes/${record.id}/edit`} variant="default" leftSection={<EditIcon size={16} />}>
              {t('programmes.edit')}
            </Button>
          ) : null}
          {canManage ? (
            <Button component={Link} to={`/programmes/${record.id}/enrolment`} leftSection={<PlusIcon size={16} />}>
              {t('programmes.enrol')}
            </Button>
          ) : null}
          {permissions.canReadProgrammeReports(record.id) ? (
            <Button component={Link} to={`/programmes/${record.id}/needs`} variant="light">
              {t('programmes.needs')}
            </Button>
          ) : null}
          {permissions.canReadProgrammeReports(record.id) ? (
            <Button component={Link} to={`/programmes/${record.id}/plan`} variant="light">
              {t('training.plan.title')}
            </Button>
          ) : null}
          {permissions.canReadProgrammeReports(record.id) ? (
            <Button component={Link} to={`/programmes/${record.id}/action-plans`} variant="light">
              {t('actionPlans.listTitle')}
            </Button>
          ) : null}
          {permissions.canReadProgrammeReports(record.id) ? (
            <Button component={Link} to={`/programmes/${record.id}/financing`} variant="light">
              {t('financing.title')}
            </Button>
          ) : null}
          {permissions.canReadProgrammeReports(record.id) ? (
            <Button component={Link} to={`/programmes/${record.id}/indicators`} variant="light">
              {t('indicators.title')}
            </Button>
          ) : null}
        </Group>
      </Group>

      {description ? (
        <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
          {description}
        </Text>
      ) : null}

      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Paper withBorder radius="md" p="sm">
          <Text size="xs" c="dimmed">
            {t('programmes.detail.target')}
          </Text>
          <Text fw={700} size="lg">
            {record.targetCooperatives ? t('programmes.enrolledOfTarget', { enrolled, target: record.targetCooperatives }) : t('programmes.enrolledCount', { count: enrolled })}
          </Text>
        </Paper>
        <Paper withBorder radius="md" p="sm">
          <Text size="xs" c="dimmed">
            {t('programmes.detail.budget')}
          </Text>
          <Text fw={700} size="lg">
            {record.budgetMad !== null ? t('programmes.detail.contribution', { amount: format.amount(record.budgetMad) }) : '—'}
          </Text>
        </Paper>
        <Paper withBorder radius="md" p="sm">
          <Text size="xs" c="dimmed">
            {t('programmes.detail.framework')}
          </Text>
          <Text fw={700} size="lg">
            {framework ? t('programmes.form.frameworkVersion', { name: organisationName(framework, locale), version: framework.version }) : t('programmes.detail.defaultFramework')}
          </Text>
        </Paper>
      </SimpleGrid>

      <Section title={t('programmes.sections.timeline')} testId="programme-timeline">
        <PhaseTimeline programme={record} />
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title={t('programmes.sections.cadences')}>
          {cadences.length > 0 ? (
            <List size="sm" spacing={4} data-testid="programme-cadences">
              {cadences.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              {t('programmes.cadences.none')}
            </Text>
          )}
        </Section>
        <Section title={t('programmes.sections.eligibility')}>
          {rules.length > 0 ? (
            <List size="sm" spacing={4} data-testid="programme-rules">
              {rules.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              {t('programmes.rules.none')}
            </Text>
          )}
        </Section>
        <Section title={t('programmes.sections.organisations')}>
          <Stack gap="xs">
            {record.operator ? (
              <Text size="sm">
                <Text span fw={600}>
                  {t('ui.labelColon', { label: t('programmes.detail.operator') })}{' '}
                </Text>
                <bdi>{organisationName(record.operator, locale)}</bdi>
              </Text>
            ) : null}
            {[
              { label: t('programmes.detail.funders'), items: funders },
              { label: t('programmes.detail.partners'), items: partners },
            ]
              .filter((group) => group.items.length > 0)
              .map((group) => (
                <Text size="sm" key={group.label}>
                  <Text span fw={600}>
                    {t('ui.labelColon', { label: group.label })}{' '}
                  </Text>
                  {format.list(
                    group.items.map(
                      (item) =>
                        `${organisationName(item.organisation, locale)}${item.contributionMad !== null ? ` (${t('programmes.detail.contribution', { amount: format.amount(item.contributionMad) })})` : ''}`,
                    ),
                  )}
                </Text>
              ))}
            {!record.operator && record.organisations.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('programmes.detail.noOrganisations')}
              </Text>
            ) : null}
          </Stack>
        </Section>
        <Section title={t('programmes.sections.team')}>
          {record.team.length > 0 ? (
            <List size="sm" spacing={4}>
              {record.team.map((member) => (
                <List.Item key={`${member.userId}-${member.teamRole}`}>
                  <bdi>{member.displayName}</bdi> — {t(`programmes.teamRoles.${member.teamRole}`)}
                </List.Item>
              ))}
            </List>
          ) : (
            <Text size="sm" c="dimmed">
              {t('programmes.detail.noTeam')}
            </Text>
          )}
        </Section>
      </SimpleGrid>

      <Section title={t('programmes.sections.enrolled')}>
        <EnrolledList programme={record} canManage={canManage} />
      </Section>
    </Stack>
  );
}
