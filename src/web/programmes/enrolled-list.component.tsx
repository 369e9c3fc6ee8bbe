import { Alert, Anchor, Badge, Button, Group, Menu, Modal, Paper, Select, Stack, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import type { EnrolmentStatus } from '../../core/programmes/enrolment.schema.js';
import type { Programme } from '../../core/programmes/programme.schema.js';
import { displayName } from '../../core/registry/cooperative.rules.js';
import { usePermissions } from '../access/use-permissions.js';
import { isApiError } from '../shared/api-client.js';
import { isolate } from '../shared/i18n.js';
import { errorMessage, translateIssue } from '../shared/issue-messages.js';
import { ErrorState, LoadingState } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { provinceName } from '../registry/territory-names.js';
import { diagnosticStatusColors, enrolmentStatusColors } from './programme-words.js';
import { useEnrolments, useStartDiagnostic, useUpdateEnrolment, type Enrolment } from './programmes.api.js';

const followingRoles = new Set(['project_lead', 'coordinator', 'consultant', 'trainer', 'coach']);

function statusDate(enrolment: Enrolment): string | null {
  if (enrolment.status === 'enrolled') return enrolment.enrolledAt;
  if (enrolment.status === 'withdrawn') return enrolment.withdrawnAt;
  if (enrolment.status === 'completed') return enrolment.completedAt;
  return enrolment.candidateAt;
}

/** The programme's cooperatives with their baseline diagnostic, and what the team may do with each. */
export function EnrolledList({ programme, canManage }: { programme: Programme; canManage: boolean }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const navigate = useNavigate();
  const permissions = usePermissions();
  const enrolments = useEnrolments(programme.id);
  const start = useStartDiagnostic(programme.id);
  const update = useUpdateEnrolment(programme.id);
  const [withdrawing, setWithdrawing] = useState<Enrolment | null>(null);
  const [reason, setReason] = useState('');
  const locale = i18n.language;
  const canFill = permissions.canFillDiagnostic(programme.id);
  const consultantOptions = [
    { value: '', label: t('enrolment.noConsultant') },
    ...[...new Map(programme.team.filter((member) => followingRoles.has(member.teamRole)).map((member) => [member.userId, member.displayName])).entries()].map(
      ([value, label]) => ({ value, label }),
    ),
  ];

  if (enrolments.isPending) return <LoadingState />;
  if (enrolments.isError) return <ErrorState error={enrolments.error} onRetry={() => void enrolments.refetch()} />;
  if (enrolments.data.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('programmes.detail.noEnrolled')}
      </Text>
    );
  }

  const changeStatus = (enrolment: Enrolment, status: EnrolmentStatus) => update.mutate({ enrolmentId: enrolment.id, update: { status, version: enrolment.version } });

  return (
    <Stack gap="xs">
      {update.error && !withdrawing ? (
        <Alert color="red" variant="light" role="alert" withCloseButton onClose={() => update.reset()}>
          {isApiError(update.error) && update.error.issues[0] ? translateIssue(t, update.error.issues[0]) : errorMessage(t, update.error)}
        </Alert>
      ) : null}
      {start.error ? (
        <Alert color="red" variant="light" role="alert" withCloseButton onClose={() => start.reset()}>
          {errorMessage(t, start.error)}
        </Alert>
      ) : null}
      {enrolments.data.map((enrolment) => {
        const name = displayName({ nameFr: enrolment.cooperativeNameFr, nameAr: enrolment.cooperativeNameAr }, locale);
        const diagnostic = enrolment.baselineDiagnostic;
        const isActive = enrolment.status === 'enrolled' || enrolment.status === 'completed';
        return (
          <Paper
            key={enrolment.id}
            withBorder
            radius="sm"
            p="sm"
            data-testid={isActive ? 'enrolled-row' : 'enrolment-row'}
            data-status={enrolment.status}
          >
            <Group justify="space-between" align="flex-start" gap="sm">
              <Stack gap={2} style={{ minWidth: 0, flex: '1 1 240px' }}>
                <Anchor component={Link} to={`/cooperatives/${enrolment.cooperativeId}`} fw={600}>
                  <bdi>{name}</bdi>
                </Anchor>
                <Text size="xs" c="dimmed">
                  {provinceName(enrolment.provinceCode, locale)} · {t(`sectors.${enrolment.sector}`)}
                </Text>
                <Group gap={6}>
                  <Badge size="sm" variant="light" color={enrolmentStatusColors[enrolment.status]}>
                    {t(`enrolment.statuses.${enrolment.status}`)}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {t(`enrolment.statusDates.${enrolment.status}`, { date: format.date(statusDate(enrolment)) })}
                  </Text>
                </Group>
                {enrolment.status === 'withdrawn' && enrolment.withdrawalReason ? (
                  <Text size="xs">{enrolment.withdrawalReason}</Text>
                ) : null}
                {enrolment.overrideJustification ? (
                  <Text size="xs" c="orange.8">
                    {t('enrolment.overridden', { justification: enrolment.overrideJustification })}
                  </Text>
                ) : null}
                {!canManage && enrolment.consultantName ? (
                  <Text size="xs">
                    {t('programmes.labelled', { label: t('programmes.detail.consultant'), value: enrolment.consultantName })}
                  </Text>
                ) : null}
              </Stack>
              <Stack gap={6} align="flex-end" style={{ flex: '0 1 auto' }}>
                {isActive ? (
                  <Group gap={6} justify="flex-end">
                    <Text size="xs" c="dimmed">
                      {t('programmes.labelled', { label: t('programmes.detail.diagnostic'), value: '' }).trim()}
                    </Text>
                    {diagnostic ? (
                      <>
                        <Badge size="sm" variant="light" color={diagnosticStatusColors[diagnostic.status]} data-testid="diagnostic-status">
                          {t(`programmes.detail.diagnosticStatuses.${diagnostic.status}`)}
                        </Badge>
                        {diagnostic.overallScore !== null ? (
                          <Text size="sm" fw={600} data-testid="diagnostic-score">
                            {t('programmes.detail.scoreValue', { score: format.number(Math.round(diagnostic.overallScore)) })}
                          </Text>
                        ) : null}
                      </>
                    ) : (
                      <Text size="xs">{t('programmes.detail.noDiagnostic')}</Text>
                    )}
                  </Group>
                ) : null}
                <Group gap={6} justify="flex-end">
                  {isActive && diagnostic ? (
                    <Button component={Link} to={`/diagnostics/${diagnostic.id}`} size="xs" variant="light">
                      {t('programmes.detail.openDiagnostic')}
                    </Button>
                  ) : null}
                  {diagnostic?.status === 'validated' ? (
                    <Button component={Link} to={`/diagnostics/${diagnostic.id}/report`} size="xs" variant="default">
                      {t('programmes.detail.report')}
                    </Button>
                  ) : null}
                  {enrolment.status === 'enrolled' && !diagnostic && canFill ? (
                    <Button
                      size="xs"
                      loading={start.isPending && start.variables?.enrolmentId === enrolment.id}
                      onClick={() => start.mutate({ enrolmentId: enrolment.id, kind: 'baseline' }, { onSuccess: (created) => void navigate(`/diagnostics/${created.id}`) })}
                    >
                      {t('programmes.detail.startDiagnostic')}
                    </Button>
                  ) : null}
                  {isActive
                    ? enrolment.followUpDiagnostics.map((followUp) => (
                        <Button
                          key={followUp.id}
                          component={Link}
                          to={followUp.status === 'validated' ? `/diagnostics/${followUp.id}/report` : `/diagnostics/${followUp.id}`}
                          size="xs"
                          variant="default"
                        >
                          {t(`programmes.detail.followUpKinds.${followUp.kind}`)} · {t(`programmes.detail.diagnosticStatuses.${followUp.status}`)}
                        </Button>
                      ))
                    : null}
                  {enrolment.status === 'enrolled' && diagnostic?.status === 'validated' && canFill && enrolment.followUpDiagnostics.length < 2 ? (
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <Button size="xs" variant="light" loading={start.isPending && start.variables?.enrolmentId === enrolment.id}>
                          {t('programmes.detail.startFollowUp')}
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        {(['midline', 'endline'] as const)
                          .filter((kind) => !enrolment.followUpDiagnostics.some((followUp) => followUp.kind === kind))
                          .map((kind) => (
                            <Menu.Item
                              key={kind}
                              onClick={() => start.mutate({ enrolmentId: enrolment.id, kind }, { onSuccess: (created) => void navigate(`/diagnostics/${created.id}`) })}
                            >
                              {t(`programmes.detail.startKinds.${kind}`)}
                            </Menu.Item>
                          ))}
                      </Menu.Dropdown>
                    </Menu>
                  ) : null}
                  {canManage ? (
                    <Menu position="bottom-end" withinPortal>
                      <Menu.Target>
                        <Button size="xs" variant="default" aria-label={`${t('enrolment.changeStatus')} — ${name}`}>
                          {t('enrolment.changeStatus')}
                        </Button>
                      </Menu.Target>
                      <Menu.Dropdown>
                        {enrolment.status === 'candidate' || enrolment.status === 'withdrawn' ? (
                          <Menu.Item onClick={() => changeStatus(enrolment, 'enrolled')}>{t('enrolment.enrolOne')}</Menu.Item>
                        ) : null}
                        {enrolment.status === 'enrolled' ? (
                          <Menu.Item onClick={() => changeStatus(enrolment, 'completed')}>{t('enrolment.complete')}</Menu.Item>
                        ) : null}
                        {enrolment.status === 'candidate' || enrolment.status === 'enrolled' ? (
                          <Menu.Item
                            color="red"
                            onClick={() => {
                              update.reset();
                              setReason('');
                              setWithdrawing(enrolment);
                            }}
                          >
                            {t('enrolment.withdraw')}
                          </Menu.Item>
                        ) : null}
                      </Menu.Dropdown>
                    </Menu>
                  ) : null}
                </Group>
                {canManage && isActive ? (
                  <Select
                    size="xs"
                    w={220}
                    aria-label={t('enrolment.assignConsultant', { name })}
                    placeholder={t('fields.consultantId')}
                    data={consultantOptions}
                    value={enrolment.consultantId ?? ''}
                    onChange={(value) => update.mutate({ enrolmentId: enrolment.id, update: { consultantId: value || null } })}
                    allowDeselect={false}
                  />
                ) : null}
              </Stack>
            </Group>
          </Paper>
        );
      })}

      <Modal
        opened={withdrawing !== null}
        onClose={() => setWithdrawing(null)}
        title={withdrawing ? t('enrolment.withdrawTitle', { name: isolate(displayName({ nameFr: withdrawing.cooperativeNameFr, nameAr: withdrawing.cooperativeNameAr }, locale)) }) : ''}
        centered
      >
        <Stack gap="sm">
          <Textarea
            label={t('fields.withdrawalReason')}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            autosize
            minRows={3}
            required
            data-autofocus
            error={isApiError(update.error) && update.error.issues[0] ? translateIssue(t, update.error.issues[0]) : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setWithdrawing(null)}>
              {t('ui.cancel')}
            </Button>
            <Button
              color="red"
              loading={update.isPending}
              onClick={() =>
                withdrawing &&
                update.mutate(
                  { enrolmentId: withdrawing.id, update: { status: 'withdrawn', withdrawalReason: reason.trim() || null, version: withdrawing.version } },
                  { onSuccess: () => setWithdrawing(null) },
                )
              }
            >
              {t('enrolment.withdraw')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
