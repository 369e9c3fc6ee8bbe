import { Anchor, Card, Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CooperativeListItem } from '../../core/registry/cooperative.schema.js';
import { SortIcon } from '../shared/icons.js';
import { useFormat } from '../shared/use-format.js';
import { CooperativeStatusBadges, useCooperativeName } from './cooperative-name.component.js';
import { provinceName, regionName } from './territory-names.js';
import type { SortField } from './use-registry-query.js';

interface Props {
  items: CooperativeListItem[];
  sort: SortField;
  order: 'asc' | 'desc';
  onSort: (sort: SortField, order: 'asc' | 'desc') => void;
}

function SortableHeader({ field, label, sort, order, onSort }: { field: SortField; label: string } & Omit<Props, 'items'>) {
  const { t } = useTranslation();
  const isSorted = sort === field;
  const nextOrder = isSorted && order === 'asc' ? 'desc' : 'asc';
  return (
    <Table.Th aria-sort={isSorted ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton
        className="sort-button"
        onClick={() => onSort(field, nextOrder)}
        title={t('registry.sortBy', { field: label, order: t(`registry.order.${nextOrder}`) })}
      >
        {label}
        <SortIcon size={14} sortDirection={isSorted ? order : null} />
      </UnstyledButton>
    </Table.Th>
  );
}

function MembersCell({ total, women }: { total: number | null; women: number | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (total === null) return <Text span c="dimmed">—</Text>;
  return (
    <Stack gap={0}>
      <Text span size="sm">
        {format.number(total)}
      </Text>
      {women !== null ? (
        <Text span size="xs" c="dimmed">
          {t('registry.ofWhomWomen', { count: women })}
        </Text>
      ) : null}
    </Stack>
  );
}

/** The table on a wide screen. */
export function CooperativeTable({ items, sort, order, onSort }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const nameOf = useCooperativeName();
  const header = { sort, order, onSort };
  return (
    <Table.ScrollContainer minWidth={900} visibleFrom="sm">
      <Table striped highlightOnHover verticalSpacing="sm" aria-label={t('registry.title')}>
        <Table.Thead>
          <Table.Tr>
            <SortableHeader field="name" label={t('registry.columns.name')} {...header} />
            <SortableHeader field="registrationNumber" label={t('registry.columns.registrationNumber')} {...header} />
            <SortableHeader field="province" label={t('registry.columns.province')} {...header} />
            <Table.Th>{t('registry.columns.sector')}</Table.Th>
            <SortableHeader field="creationDate" label={t('registry.columns.creationDate')} {...header} />
            <SortableHeader field="membersTotal" label={t('registry.columns.membersTotal')} {...header} />
            <Table.Th>{t('registry.columns.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td maw={320}>
                <Anchor component={Link} to={`/cooperatives/${item.id}`} fw={500} dir="auto">
                  {nameOf(item)}
                </Anchor>
                {item.valueChain ? (
                  <Text size="xs" c="dimmed">
                    <bdi>{item.valueChain}</bdi>
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <Text span size="sm" className="ltr-value">
                  {item.registrationNumber ?? '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{provinceName(item.provinceCode, i18n.language)}</Text>
                <Text size="xs" c="dimmed">
                  {regionName(item.regionCode, i18n.language)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`sectors.${item.sector}`)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{format.date(item.creationDate)}</Text>
              </Table.Td>
              <Table.Td>
                <MembersCell total={item.membersTotal} women={item.membersWomen} />
              </Table.Td>
              <Table.Td>
                <CooperativeStatusBadges status={item.status} archivedAt={item.archivedAt} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** One card per cooperative on a phone. */
export function CooperativeCards({ items }: { items: CooperativeListItem[] }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const nameOf = useCooperativeName();
  return (
    <Stack gap="sm" hiddenFrom="sm" component="ul" className="plain-list" aria-label={t('registry.title')}>
      {items.map((item) => (
        <li key={item.id}>
          <Card withBorder padding="sm" radius="md" component={Link} to={`/cooperatives/${item.id}`} className="row-card">
            <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
              <Text fw={600} c="teal.9" style={{ minWidth: 0 }}>
                <bdi>{nameOf(item)}</bdi>
              </Text>
              <CooperativeStatusBadges status={item.status} archivedAt={item.archivedAt} />
            </Group>
            <Text size="sm" c="dimmed">
              {provinceName(item.provinceCode, i18n.language)} · {t(`sectors.${item.sector}`)}
            </Text>
            <Group gap="md" mt={4}>
              {item.registrationNumber ? (
                <Text size="xs" className="ltr-value">
                  {item.registrationNumber}
                </Text>
              ) : null}
              {item.membersTotal !== null ? (
                <Text size="xs">{t('registry.membersCount', { count: item.membersTotal })}</Text>
              ) : null}
              {item.creationDate ? <Text size="xs">{t('registry.createdOn', { date: format.date(item.creationDate) })}</Text> : null}
            </Group>
          </Card>
        </li>
      ))}
    </Stack>
  );
}
