import { Alert, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { sessionsOfPlan } from '../../core/training/plan-sessions.js';
import type { TrainingPlanView } from '../../core/training/plan.schema.js';
import { usePermissions } from '../access/use-permissions.js';
import { errorMessage } from '../shared/issue-messages.js';
import { useCreatePlanSessions } from './trainers.api.js';

/** Creating the sessions of an approved plan, and how many exist. */
export function PlanSessions({ plan }: { plan: TrainingPlanView }) {
  const { t } = useTranslation();
  const permissions = usePermissions();
  const create = useCreatePlanSessions(plan.id);
  const [created, setCreated] = useState<number | null>(null);
  // Counting needs no titles: the same function the server uses, with placeholders.
  const total = useMemo(
    () => (plan.result ? sessionsOfPlan(plan.result, { modules: {}, workshopTitle: () => '', startTime: '09:00', workshopHours: 4 }).length : 0),
    [plan.result],
  );
  if (!plan.result || plan.status === 'superseded') return null;
  const canCreate = permissions.canManageProgramme(plan.programmeId) && plan.status === 'approved';
  const remaining = Math.max(0, total - plan.sessionsCreated);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plan-sessions-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="plan-sessions-title">
          {t('trainers.sessionsTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {plan.status === 'approved' ? t('trainers.sessionsIntro') : t('trainers.approveFirst')}
        </Text>
        {plan.status === 'approved' ? (
          <Group gap="md" align="center">
            <Text size="sm">{remaining === 0 ? t('trainers.allCreated') : `${t('trainers.sessionsToCreate', { count: remaining })} · ${t('trainers.sessionsCreated', { count: plan.sessionsCreated })}`}</Text>
            {canCreate && remaining > 0 ? (
              <Button
                loading={create.isPending}
                onClick={() =>
                  create.mutate(undefined, {
                    onSuccess: (result) => setCreated(result.created),
                  })
                }
              >
                {t('trainers.createSessions')}
              </Button>
            ) : null}
            {plan.sessionsCreated > 0 ? (
              <Anchor component={Link} to={`/sessions?programmeId=${plan.programmeId}`} size="sm">
                {t('trainers.openCalendar')}
              </Anchor>
            ) : null}
          </Group>
        ) : null}
        {created !== null ? (
          <Alert color="green" variant="light" role="status">
            {t('trainers.created', { count: created })}
          </Alert>
        ) : null}
        {create.error ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(t, create.error)}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}
