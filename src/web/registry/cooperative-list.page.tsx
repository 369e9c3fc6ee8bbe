import { Button, Group, Pagination, Paper, Select, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { cooperativeSortFields } from '../../core/registry/cooperative.schema.js';
import { usePermissions } from '../access/use-permissions.js';
import { DownloadIcon, PlusIcon, UploadIcon } from '../shared/icons.js';
import { ErrorState, LoadingState, NothingHere } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { exportHref, useCooperativeList } from './cooperative.api.js';
import { CooperativeFilters } from './cooperative-filters.component.js';
import { CooperativeCards, CooperativeTable } from './cooperative-results.component.js';
import { useRegistryQuery, type SortField } from './use-registry-query.js';

const pageSizes = ['10', '25', '50', '100'];

export default function CooperativeListPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const permissions = usePermissions();
  const { query, update, hasFilters } = useRegistryQuery();
  const list = useCooperativeList(query);

  const total = list.data?.total ?? 0;
  const isCapped = list.data?.totalIsCapped ?? false;
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const from = total === 0 ? 0 : (query.page - 1) * query.pageSize + 1;
  const to = Math.min(total, query.page * query.pageSize);
  const onSort = (sort: SortField, order: 'asc' | 'desc') => update({ sort, order });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={1} size="h2">
          {t('registry.title')}
        </Title>
        <Group gap="xs">
          {permissions.canImportRegistry ? (
            <Button component={Link} to="/cooperatives/import" variant="default" leftSection={<UploadIcon size={16} />}>
              {t('registry.import')}
            </Button>
          ) : null}
          {permissions.canWriteRegistry ? (
            <Button component={Link} to="/cooperatives/new" leftSection={<PlusIcon size={16} />}>
              {t('registry.newCooperative')}
            </Button>
          ) : null}
        </Group>
      </Group>

      <Paper withBorder p="md" radius="md">
        <CooperativeFilters query={query} update={update} hasFilters={hasFilters} />
      </Paper>

      <Group justify="space-between" gap="sm" align="center">
        <Text fw={500} aria-live="polite" data-testid="registry-total">
          {list.data ? t(isCapped ? 'registry.countCapped' : 'registry.count', { count: total }) : '\u00a0'}
        </Text>
        <Group gap="xs" wrap="wrap" w={{ base: '100%', sm: 'auto' }}>
          <Select
            size="xs"
            w={{ base: '100%', sm: 210 }}
            aria-label={t('registry.sortLabel')}
            data={cooperativeSortFields.flatMap((field) =>
              (['asc', 'desc'] as const).map((order) => ({
                value: `${field}:${order}`,
                label: t('registry.sortOption', { field: t(`registry.sortFields.${field}`), order: t(`registry.order.${order}`) }),
              })),
            )}
            value={`${query.sort}:${query.order}`}
            onChange={(value) => {
              const [sort, order] = (value ?? 'name:asc').split(':') as [SortField, 'asc' | 'desc'];
              onSort(sort, order);
            }}
            allowDeselect={false}
          />
          <Group gap="xs" wrap="nowrap" grow preventGrowOverflow={false} w={{ base: '100%', sm: 'auto' }}>
            <Button component="a" href={exportHref(query, 'csv')} download variant="default" size="xs" leftSection={<DownloadIcon size={14} />}>
              {t('registry.exportCsv')}
            </Button>
            <Button component="a" href={exportHref(query, 'xlsx')} download variant="default" size="xs" leftSection={<DownloadIcon size={14} />}>
              {t('registry.exportXlsx')}
            </Button>
          </Group>
        </Group>
      </Group>

      {list.isPending ? <LoadingState /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data && list.data.items.length === 0 ? (
        <NothingHere
          title={hasFilters ? t('registry.emptyTitle') : t('registry.registryEmpty')}
          {...(hasFilters ? { description: t('registry.emptyDescription') } : {})}
        >
          {hasFilters ? (
            <Button
              variant="light"
              onClick={() => update({ q: null, regionCode: null, provinceCode: null, sector: null, creationYear: null, status: null })}
            >
              {t('registry.clearFilters')}
            </Button>
          ) : null}
        </NothingHere>
      ) : null}
      {list.data && list.data.items.length > 0 ? (
        <div style={{ opacity: list.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }} aria-busy={list.isFetching}>
          <Paper withBorder radius="md" visibleFrom="sm">
            <CooperativeTable items={list.data.items} sort={query.sort} order={query.order} onSort={onSort} />
          </Paper>
          <CooperativeCards items={list.data.items} />
        </div>
      ) : null}

      {list.data && total > 0 ? (
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed">
            {t(isCapped ? 'registry.rangeCapped' : 'registry.range', { from: format.number(from), to: format.number(to), total: format.number(total) })}
          </Text>
          <Group gap="sm">
            {pageCount > 1 ? (
            <Pagination
              total={pageCount}
              value={query.page}
              onChange={(page) => update({ page })}
              size="sm"
              siblings={1}
              boundaries={1}
              getControlProps={(control) => ({
                'aria-label': t(`ui.pagination.${control}`),
              })}
              getItemProps={(page) => ({ 'aria-label': t('ui.pagination.page', { page }) })}
            />
            ) : null}
            <Select
              size="xs"
              w={90}
              aria-label={t('registry.pageSize')}
              data={pageSizes}
              value={String(query.pageSize)}
              onChange={(pageSize) => update({ pageSize })}
              allowDeselect={false}
            />
          </Group>
        </Group>
      ) : null}
    </Stack>
  );
}
