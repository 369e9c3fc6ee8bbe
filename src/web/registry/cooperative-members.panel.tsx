import { ActionIcon, Alert, Anchor, Badge, Button, Card, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member } from '../../core/registry/cooperative.schema.js';
import { memberRoles } from '../../core/registry/sectors.js';
import { ConfirmModal } from '../shared/confirm.modal.js';
import { isolate } from '../shared/i18n.js';
import { EditIcon, PlusIcon, TrashIcon } from '../shared/icons.js';
import { ErrorState, LoadingState, NothingHere } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { useDeleteMember, useMembers, type MembershipSummary } from './cooperative.api.js';
import { MemberFormModal } from './member-form.modal.js';

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Paper>
  );
}

function MembershipSummaryView({ summary }: { summary: MembershipSummary }) {
  const { t } = useTranslation();
  const format = useFormat();
  const roles = memberRoles.filter((role) => (summary.byRole[role] ?? 0) > 0);
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 3 }} spacing="sm">
        <Stat label={t('members.total')} value={format.number(summary.total)} />
        <Stat label={t('members.women')} value={format.number(summary.women)} />
        <Stat label={t('members.men')} value={format.number(summary.men)} />
      </SimpleGrid>
      {roles.length > 0 ? (
        <Group gap={6}>
          {roles.map((role) => (
            <Badge key={role} variant="light" color="gray" tt="none">
              {t('members.roleCount', { role: t(`memberRoles.${role}`), count: summary.byRole[role] ?? 0 })}
            </Badge>
          ))}
        </Group>
      ) : null}
    </Stack>
  );
}

function Phone({ phone }: { phone: string | null }) {
  if (!phone) return <Text span c="dimmed">—</Text>;
  return (
    <Anchor href={`tel:${phone.replace(/[^\d+]/g, '')}`} size="sm" className="ltr-value">
      {phone}
    </Anchor>
  );
}

export function CooperativeMembersPanel({ cooperativeId, canEdit }: { cooperativeId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const members = useMembers(cooperativeId);
  const remove = useDeleteMember(cooperativeId);
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Member | null>(null);

  if (members.isPending) return <LoadingState />;
  if (members.isError) return <ErrorState error={members.error} onRetry={() => void members.refetch()} />;
  const { members: list, summary } = members.data;
  const label = (member: Member) => ({
    role: t(`memberRoles.${member.role}`),
    details: [member.sex ? t(`sexes.${member.sex}`) : null, member.ageGroup ? t(`ageGroups.${member.ageGroup}`) : null].filter(Boolean).join(' · '),
  });

  const actions = (member: Member) =>
    canEdit ? (
      <Group gap={4} wrap="nowrap">
        <ActionIcon variant="subtle" aria-label={t('members.editNamed', { name: member.fullName })} onClick={() => setEditing(member)}>
          <EditIcon size={16} />
        </ActionIcon>
        <ActionIcon
          variant="subtle"
          color="red"
          aria-label={t('members.deleteNamed', { name: member.fullName })}
          onClick={() => {
            remove.reset();
            setDeleting(member);
          }}
        >
          <TrashIcon size={16} />
        </ActionIcon>
      </Group>
    ) : null;

  return (
    <Stack gap="md">
      <MembershipSummaryView summary={summary} />
      {list === null ? (
        <Alert variant="light" color="gray">
          {t('members.countsOnly')}
        </Alert>
      ) : (
        <>
          <Group justify="space-between">
            <Title order={2} size="h4">
              {t('members.title')}
            </Title>
            {canEdit ? (
              <Button leftSection={<PlusIcon size={16} />} onClick={() => setEditing('new')} size="sm">
                {t('members.add')}
              </Button>
            ) : null}
          </Group>
          {list.length === 0 ? (
            <NothingHere title={t('members.empty')} />
          ) : (
            <>
              <Paper withBorder radius="md" visibleFrom="sm">
                <Table.ScrollContainer minWidth={640}>
                  <Table verticalSpacing="sm" aria-label={t('members.title')}>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('fields.fullName')}</Table.Th>
                        <Table.Th>{t('fields.role')}</Table.Th>
                        <Table.Th>{t('fields.sex')}</Table.Th>
                        <Table.Th>{t('fields.ageGroup')}</Table.Th>
                        <Table.Th>{t('fields.phone')}</Table.Th>
                        {canEdit ? <Table.Th>{t('ui.actions')}</Table.Th> : null}
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {list.map((member) => (
                        <Table.Tr key={member.id}>
                          <Table.Td>
                            <bdi>{member.fullName}</bdi>
                          </Table.Td>
                          <Table.Td>{t(`memberRoles.${member.role}`)}</Table.Td>
                          <Table.Td>{member.sex ? t(`sexes.${member.sex}`) : '—'}</Table.Td>
                          <Table.Td>{member.ageGroup ? t(`ageGroups.${member.ageGroup}`) : '—'}</Table.Td>
                          <Table.Td>
                            <Phone phone={member.phone} />
                          </Table.Td>
                          {canEdit ? <Table.Td>{actions(member)}</Table.Td> : null}
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Paper>
              <Stack gap="xs" hiddenFrom="sm" component="ul" className="plain-list" aria-label={t('members.title')}>
                {list.map((member) => (
                  <Card key={member.id} withBorder padding="sm" radius="md" component="li">
                    <Group justify="space-between" wrap="nowrap" align="flex-start">
                      <div style={{ minWidth: 0 }}>
                        <Text fw={600}>
                          <bdi>{member.fullName}</bdi>
                        </Text>
                        <Text size="sm">{label(member).role}</Text>
                        {label(member).details ? (
                          <Text size="xs" c="dimmed">
                            {label(member).details}
                          </Text>
                        ) : null}
                        <Phone phone={member.phone} />
                      </div>
                      {actions(member)}
                    </Group>
                  </Card>
                ))}
              </Stack>
            </>
          )}
        </>
      )}
      {editing ? <MemberFormModal cooperativeId={cooperativeId} member={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      <ConfirmModal
        opened={deleting !== null}
        title={t('members.deleteTitle')}
        message={t('members.deleteConfirm', { name: isolate(deleting?.fullName) })}
        confirmLabel={t('members.deleteAction')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => deleting && remove.mutate(deleting.id, { onSuccess: () => setDeleting(null) })}
        onClose={() => setDeleting(null)}
      />
    </Stack>
  );
}
