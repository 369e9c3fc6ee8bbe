import { Alert, Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePermissions } from '../access/use-permissions.js';
import { useCooperativeActionPlans } from '../action-plans/action-plans.api.js';
import { AlertIcon } from '../shared/icons.js';
import { TrainingPathLinks } from '../training/guide-downloads.component.js';
import { ErrorState } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { enrolmentStatusColors, programmeName } from './programme-words.js';
import { useCooperativeProgrammes } from './programmes.api.js';

/** On a cooperative's page: every programme it has been in, and a warning when several active ones support it. */
export function CooperativeProgrammesPanel({ cooperativeId }: { cooperativeId: string }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const titleId = useId();
  const programmes = useCooperativeProgrammes(cooperativeId);
  const permissions = usePermissions();
  const actionPlans = useCooperativeActionPlans(cooperativeId);
  const locale = i18n.language;
  if (programmes.isPending) return null;
  if (programmes.isError) return <ErrorState error={programmes.error} onRetry={() => void programmes.refetch()} />;
  const { items, hasSeveralActiveProgrammes } = programmes.data;
  const active = items.filter((item) => item.isActiveSupport && item.status === 'enrolled');

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId} data-testid="cooperative-programmes">
      <Title order={2} size="h4" mb="xs" id={titleId}>
        {t('cooperativeProgrammes.title')}
      </Title>
      {hasSeveralActiveProgrammes ? (
        <Alert color="orange" variant="light" icon={<AlertIcon />} mb="sm" data-testid="several-programmes-warning">
          {t('cooperativeProgrammes.severalActive', { programmes: format.list(active.map((item) => programmeName(item, locale))) })}
        </Alert>
      ) : null}
      {items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('cooperativeProgrammes.empty')}
        </Text>
      ) : (
        <Stack gap={6}>
          {items.map((item) => {
            const date = item.status === 'enrolled' ? item.enrolledAt : item.status === 'withdrawn' ? item.withdrawnAt : item.status === 'completed' ? item.completedAt : item.candidateAt;
            return (
              <Group key={item.enrolmentId} gap="xs" justify="space-between" wrap="wrap">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Anchor component={Link} to={`/programmes/${item.programmeId}`} fw={600} size="sm">
                    <bdi>{programmeName(item, locale)}</bdi>
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {item.operatorName ? `${item.operatorName} · ` : ''}
                    {item.startDate && item.endDate ? t('programmes.dates', { from: format.date(item.startDate), to: format.date(item.endDate) }) : t(`programmes.statuses.${item.programmeStatus}`)}
                  </Text>
                </Stack>
                <Group gap={6}>
                  <Badge size="sm" variant="light" color={enrolmentStatusColors[item.status]}>
                    {t(`enrolment.statuses.${item.status}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {format.date(date)}
                  </Text>
                </Group>
                {(() => {
                  const plan = actionPlans.data?.find((entry) => entry.programmeId === item.programmeId);
                  return plan ? (
                    <Anchor component={Link} to={`/action-plans/${plan.id}`} size="sm" w="100%" data-testid="cooperative-action-plan-link">
                      {t(plan.status === 'agreed' ? 'actionPlans.panelLinkAgreed' : 'actionPlans.panelLinkDraft')}
                    </Anchor>
                  ) : null;
                })()}
                {item.approvedPlanId && permissions.canReadTrainingPath(item.programmeId, cooperativeId) ? (
                  <Stack gap={4} w="100%">
                    <Text size="xs" fw={600}>
                      {t('guide.document.pathTitle')}
                    </Text>
                    <TrainingPathLinks planId={item.approvedPlanId} cooperativeId={cooperativeId} />
                  </Stack>
                ) : null}
              </Group>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
