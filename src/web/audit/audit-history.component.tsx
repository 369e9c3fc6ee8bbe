import { Badge, Button, Collapse, Group, Paper, Stack, Table, Text, Timeline } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { GrantLabel } from '../admin/user-badges.component.js';
import type { Role } from '../../core/access/roles.js';
import { formatFieldValue } from '../registry/field-values.js';
import { ErrorState, LoadingState, NothingHere } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { useAuditHistory, type AuditEntry, type AuditedEntity } from './audit.api.js';

/** Columns that change with every write or that nobody reads: not shown as changes. */
const technicalFields = new Set(['id', 'version', 'createdAt', 'updatedAt', 'searchText', 'nameKey', 'isDemo', 'cooperativeId', 'passwordHash']);

interface Change {
  field: string;
  before: unknown;
  after: unknown;
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

export function changesOf(entry: AuditEntry): Change[] {
  const before = entry.before ?? {};
  const after = entry.after ?? {};
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((field) => !technicalFields.has(field));
  return fields
    .filter((field) => !same(before[field], after[field]))
    .filter((field) => entry.before !== null || (after[field] !== null && !(Array.isArray(after[field]) && after[field].length === 0)))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

function ChangeTable({ entry }: { entry: AuditEntry }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const changes = changesOf(entry);
  if (changes.length === 0) return null;
  const value = (field: string, raw: unknown) => formatFieldValue(t, format, i18n.language, field, raw);
  const showBefore = entry.before !== null;
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table withTableBorder fz="sm" verticalSpacing={4} className="value-diff" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="30%">{t('history.field')}</Table.Th>
            {showBefore ? <Table.Th>{t('history.before')}</Table.Th> : null}
            <Table.Th>{t('history.after')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {changes.map((change) => (
            <Table.Tr key={change.field}>
              <Table.Td fw={500}>{t(`fields.${change.field}`, { defaultValue: change.field })}</Table.Td>
              {showBefore ? (
                <Table.Td>
                  <del>
                    <bdi>{value(change.field, change.before)}</bdi>
                  </del>
                </Table.Td>
              ) : null}
              <Table.Td>
                <ins>
                  <bdi>{value(change.field, change.after)}</bdi>
                </ins>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function CreatedValues({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  const count = changesOf(entry).length;
  return (
    <Stack gap={4}>
      <Group gap="xs">
        <Text size="xs" c="dimmed">
          {t('history.createdFields', { count })}
        </Text>
        {count > 0 ? (
          <Button variant="subtle" size="compact-xs" onClick={toggle} aria-expanded={opened}>
            {opened ? t('history.hideValues') : t('history.showValues')}
          </Button>
        ) : null}
      </Group>
      <Collapse expanded={opened}>{opened ? <ChangeTable entry={entry} /> : null}</Collapse>
    </Stack>
  );
}

/** A role granted or revoked reads as the role and where it applies, not as ids. */
function grantOf(record: Record<string, unknown> | null) {
  if (!record || typeof record.role !== 'string') return null;
  return {
    role: record.role as Role,
    programmeId: typeof record.programmeId === 'string' ? record.programmeId : null,
    cooperativeId: typeof record.cooperativeId === 'string' ? record.cooperativeId : null,
  };
}

function EntryDetails({ entry }: { entry: AuditEntry }) {
  if (entry.action === 'grant' || entry.action === 'revoke') {
    const grant = grantOf(entry.action === 'grant' ? entry.after : entry.before);
    return grant ? <GrantLabel grant={grant} /> : null;
  }
  if (entry.action === 'create' && entry.before === null) return <CreatedValues entry={entry} />;
  return <ChangeTable entry={entry} />;
}

export function AuditHistory({ entityType, entityId }: { entityType: AuditedEntity; entityId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useAuditHistory(entityType, entityId);
  if (history.isPending) return <LoadingState />;
  if (history.isError) return <ErrorState error={history.error} onRetry={() => void history.refetch()} />;
  if (history.data.length === 0) return <NothingHere title={t('history.empty')} />;
  return (
    <Paper withBorder radius="md" p="md">
      <Timeline bulletSize={14} lineWidth={2}>
        {history.data.map((entry) => (
          <Timeline.Item
            key={entry.id}
            title={
              <Group gap="xs">
                <Badge variant="light" size="sm">
                  {t(`history.actions.${entry.action}`, { defaultValue: entry.action })}
                </Badge>
                <Text size="sm" fw={500}>
                  {entry.actorName ?? t('history.system')}
                </Text>
              </Group>
            }
          >
            <Stack gap={6} mt={4}>
              <Text size="xs" c="dimmed">
                <time dateTime={entry.occurredAt}>{format.dateTime(entry.occurredAt)}</time>
              </Text>
              <EntryDetails entry={entry} />
            </Stack>
          </Timeline.Item>
        ))}
      </Timeline>
    </Paper>
  );
}
