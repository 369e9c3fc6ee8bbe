import { Anchor, Box, Button, Collapse, Group, Pagination, Paper, Select, SimpleGrid, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Heatmap, HeatmapQuery } from '../../core/diagnostics/needs.schema.js';
import { sectorCodes } from '../../core/registry/sectors.js';
import { useCooperativeName } from '../registry/cooperative-name.component.js';
import { provinceName } from '../registry/territory-names.js';
import { SortIcon } from '../shared/icons.js';
import { isolate } from '../shared/i18n.js';
import { ErrorState, LoadingState, NothingHere } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { useHeatmap } from './programme-needs.api.js';

/**
 * Colours of a score against its domain's threshold, from the Okabe–Ito
 * palette (safe for the common colour-vision deficiencies): vermilion far
 * below, orange below, yellow just above, bluish green above. The number is
 * always written in the cell, and a need is underlined too, so that colour is
 * never the only cue.
 */
export const scoreBands = [
  { key: 'farBelow', background: '#D55E00', color: '#ffffff' },
  { key: 'below', background: '#E69F00', color: '#1a1a1a' },
  { key: 'near', background: '#F0E442', color: '#1a1a1a' },
  { key: 'good', background: '#009E73', color: '#ffffff' },
] as const;

export function bandOf(score: number | null, threshold: number) {
  if (score === null) return null;
  if (score < threshold - 20) return scoreBands[0];
  if (score < threshold) return scoreBands[1];
  if (score < threshold + 15) return scoreBands[2];
  return scoreBands[3];
}

export type HeatmapFilters = Pick<HeatmapQuery, 'sort' | 'direction' | 'page'> & Partial<Pick<HeatmapQuery, 'province' | 'sector' | 'maturity' | 'needIn' | 'status'>>;

interface Props {
  programmeId: string;
  query: HeatmapFilters;
  update: (changes: Partial<Record<keyof HeatmapFilters, string | number | null>>) => void;
}

const pageSize = 50;

function Legend() {
  const { t } = useTranslation();
  return (
    <Stack gap={6} aria-label={t('needs.legend.title')} role="group">
      <Group gap="md" wrap="wrap">
        {scoreBands.map((band) => (
          <Group key={band.key} gap={6} wrap="nowrap">
            <Box w={18} h={14} style={{ background: band.background, borderRadius: 3 }} aria-hidden />
            <Text size="xs">{t(`needs.legend.${band.key}`)}</Text>
          </Group>
        ))}
        <Group gap={6} wrap="nowrap">
          <Box w={18} h={14} style={{ background: 'var(--mantine-color-gray-1)', border: '1px dashed var(--mantine-color-gray-5)', borderRadius: 3 }} aria-hidden />
          <Text size="xs">{t('needs.legend.none')}</Text>
        </Group>
      </Group>
      <Text size="xs" c="dimmed">
        {t('needs.legend.note')}
      </Text>
    </Stack>
  );
}

function SortHeader({ label, active, direction, onClick }: { label: string; active: boolean; direction: 'asc' | 'desc'; onClick: () => void }) {
  const { t } = useTranslation();
  return (
    <UnstyledButton onClick={onClick} aria-label={t('needs.sortBy', { column: label })} style={{ display: 'inline-flex', alignItems: 'center', gap: 4, fontWeight: 600, fontSize: 'var(--mantine-font-size-xs)' }}>
      <span style={{ whiteSpace: 'normal', lineHeight: 1.2 }}>{label}</span>
      <SortIcon size={12} sortDirection={active ? direction : null} />
    </UnstyledButton>
  );
}

function HeatmapTable({ data, query, update }: { data: Heatmap } & Pick<Props, 'query' | 'update'>) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const nameOf = useCooperativeName();
  const sortBy = (column: string) =>
    update({ sort: column, direction: query.sort === column && query.direction === 'asc' ? 'desc' : 'asc' });
  const ariaSort = (column: string) => (query.sort === column ? (query.direction === 'asc' ? 'ascending' : 'descending') : 'none');
  const sticky: React.CSSProperties = { position: 'sticky', insetInlineStart: 0, zIndex: 1, background: 'var(--mantine-color-body)', boxShadow: 'inset -1px 0 0 var(--mantine-color-gray-3)' };
  const cell: React.CSSProperties = { textAlign: 'center', padding: '6px 4px', minWidth: 52 };

  return (
    <Table.ScrollContainer minWidth={Math.max(480, 220 + data.domains.length * 70)} type="native">
      <Table withTableBorder withColumnBorders verticalSpacing={4} horizontalSpacing={6} fz="sm" data-testid="needs-heatmap">
        <Table.Thead>
          <Table.Tr>
            <Table.Th style={{ ...sticky, zIndex: 2, minWidth: 120, maxWidth: 200 }} aria-sort={ariaSort('name')}>
              <SortHeader label={t('needs.cooperative')} active={query.sort === 'name'} direction={query.direction} onClick={() => sortBy('name')} />
            </Table.Th>
            <Table.Th style={cell} aria-sort={ariaSort('overall')}>
              <SortHeader label={t('needs.overall')} active={query.sort === 'overall'} direction={query.direction} onClick={() => sortBy('overall')} />
            </Table.Th>
            {data.domains.map((domain) => (
              <Table.Th key={domain.key} style={{ ...cell, verticalAlign: 'bottom' }} aria-sort={ariaSort(domain.key)}>
                <SortHeader label={domain.label} active={query.sort === domain.key} direction={query.direction} onClick={() => sortBy(domain.key)} />
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.rows.map((row) => {
            const name = nameOf(row);
            return (
              <Table.Tr key={row.diagnosticId}>
                <Table.Th scope="row" style={{ ...sticky, fontWeight: 400, minWidth: 120, maxWidth: 200 }}>
                  <Anchor component={Link} to={`/diagnostics/${row.diagnosticId}/report`} size="sm" aria-label={t('needs.openReport', { name: isolate(name) })} dir="auto" lineClamp={2}>
                    {name}
                  </Anchor>
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {provinceName(row.provinceCode, i18n.language)}
                    {' · '}
                    {row.maturityLevel ? t(`needs.levels.${row.maturityLevel}`) : '—'}
                  </Text>
                </Table.Th>
                <Table.Td style={{ ...cell, fontWeight: 600 }}>{format.number(row.overall === null ? null : Math.round(row.overall))}</Table.Td>
                {data.domains.map((domain) => {
                  const score = row.scores[domain.key] ?? null;
                  const band = bandOf(score, domain.threshold);
                  const isNeed = row.needs.includes(domain.key);
                  const shown = score === null ? '—' : format.number(Math.round(score));
                  return (
                    <Table.Td
                      key={domain.key}
                      style={{
                        ...cell,
                        background: band?.background ?? 'var(--mantine-color-gray-1)',
                        color: band?.color ?? 'var(--mantine-color-dimmed)',
                        textDecoration: isNeed ? 'underline' : undefined,
                        textDecorationThickness: isNeed ? 2 : undefined,
                        textUnderlineOffset: 3,
                        fontWeight: isNeed ? 700 : 500,
                      }}
                      aria-label={t(isNeed ? 'needs.cellNeed' : 'needs.cellLabel', { domain: domain.label, score: shown, threshold: domain.threshold })}
                    >
                      {shown}
                    </Table.Td>
                  );
                })}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th style={{ ...sticky, zIndex: 1 }}>
              <Text size="xs" fw={600}>
                {t('needs.programmeMean')}
              </Text>
            </Table.Th>
            <Table.Td style={{ ...cell, fontWeight: 700 }}>{format.number(data.overallMean === null ? null : Math.round(data.overallMean))}</Table.Td>
            {data.domains.map((domain) => {
              const band = bandOf(domain.mean, domain.threshold);
              return (
                <Table.Td key={domain.key} style={{ ...cell, fontWeight: 700, background: band?.background, color: band?.color }}>
                  <div>{format.number(domain.mean === null ? null : Math.round(domain.mean))}</div>
                  <Text size="10px" style={{ color: 'inherit', opacity: 0.9 }}>
                    {t('needs.needCount', { count: domain.needCount })}
                  </Text>
                </Table.Td>
              );
            })}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}

export function NeedsHeatmap({ programmeId, query, update }: Props) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const heatmap = useHeatmap(programmeId, { ...query, pageSize });
  const data = heatmap.data;
  const hasFilters = Boolean(query.province || query.sector || query.maturity || query.needIn);
  const pageCount = data ? Math.max(1, Math.ceil(data.total / pageSize)) : 1;
  const collator = new Intl.Collator(i18n.language === 'ar' ? 'ar' : 'fr');
  // On a phone the filters fold away behind one button, so that the map comes first.
  const isWide = useMediaQuery('(min-width: 48em)', true);
  const [filtersOpened, { toggle: toggleFilters }] = useDisclosure(false);
  const activeFilterCount = [query.province, query.sector, query.maturity, query.needIn, query.status].filter(Boolean).length;

  return (
    <Stack gap="md">
      {!isWide ? (
        <Button variant="default" onClick={toggleFilters} aria-expanded={filtersOpened} style={{ alignSelf: 'flex-start' }}>
          {t('needs.filters', { count: activeFilterCount })}
        </Button>
      ) : null}
      <Collapse expanded={isWide || filtersOpened}>
        <Paper withBorder p="md" radius="md">
          <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
            <Select
              label={t('fields.provinceCode')}
              placeholder={t('needs.allProvinces')}
              data={(data?.facets.provinces ?? (query.province ? [query.province] : []))
                .map((code) => ({ value: code, label: provinceName(code, i18n.language) }))
                .sort((a, b) => collator.compare(a.label, b.label))}
              value={query.province ?? null}
              onChange={(province) => update({ province })}
              clearable
              searchable
              nothingFoundMessage={t('ui.nothingFound')}
            />
            <Select
              label={t('fields.sector')}
              placeholder={t('needs.allSectors')}
              data={(data?.facets.sectors ?? sectorCodes).map((code) => ({ value: code, label: t(`sectors.${code}`) }))}
              value={query.sector ?? null}
              onChange={(sector) => update({ sector })}
              clearable
            />
            <Select
              label={t('fields.maturity')}
              placeholder={t('needs.allLevels')}
              data={(['1', '2', '3', '4'] as const).map((level) => ({ value: level, label: t(`needs.levels.${level}`) }))}
              value={query.maturity ? String(query.maturity) : null}
              onChange={(maturity) => update({ maturity })}
              clearable
            />
            <Select
              label={t('fields.needIn')}
              placeholder={t('needs.anyNeed')}
              data={(data?.domains ?? []).map((domain) => ({ value: domain.key, label: domain.label }))}
              value={query.needIn ?? null}
              onChange={(needIn) => update({ needIn })}
              clearable
            />
            <Select
              label={t('needs.statusFilter')}
              data={(['validated', 'all'] as const).map((status) => ({ value: status, label: t(`needs.statuses.${status}`) }))}
              value={query.status ?? 'validated'}
              onChange={(status) => update({ status: status === 'validated' ? null : status })}
              allowDeselect={false}
            />
          </SimpleGrid>
        </Paper>
      </Collapse>

      <Group justify="space-between" gap="sm">
        <Text fw={500} aria-live="polite" data-testid="needs-total">
          {data ? t('needs.count', { count: data.total }) : '\u00a0'}
        </Text>
        {hasFilters ? (
          <Button variant="subtle" size="xs" onClick={() => update({ province: null, sector: null, maturity: null, needIn: null })}>
            {t('needs.clearFilters')}
          </Button>
        ) : null}
      </Group>

      {heatmap.isPending ? <LoadingState /> : null}
      {heatmap.isError ? <ErrorState error={heatmap.error} onRetry={() => void heatmap.refetch()} /> : null}
      {data && data.rows.length === 0 ? (
        <NothingHere title={t('needs.emptyTitle')} description={hasFilters ? t('needs.emptyDescription') : t('needs.emptyProgramme')} />
      ) : null}
      {data && data.rows.length > 0 ? (
        <Stack gap="sm" style={{ opacity: heatmap.isPlaceholderData ? 0.6 : 1, transition: 'opacity 120ms' }} aria-busy={heatmap.isFetching}>
          <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
            <HeatmapTable data={data} query={query} update={update} />
          </Paper>
          <Legend />
          {pageCount > 1 ? (
            <Group justify="center">
              <Pagination
                total={pageCount}
                value={query.page}
                onChange={(page) => update({ page })}
                size="sm"
                siblings={1}
                boundaries={1}
                getControlProps={(control) => ({ 'aria-label': t(`ui.pagination.${control}`) })}
                getItemProps={(page) => ({ 'aria-label': t('ui.pagination.page', { page: format.number(page) }) })}
              />
            </Group>
          ) : null}
        </Stack>
      ) : null}
    </Stack>
  );
}
