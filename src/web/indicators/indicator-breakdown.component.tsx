import { Alert, Box, Button, Group, SegmentedControl, Select, Stack, Table, Text, Title, useMantineTheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { breakdownDimensions, indicatorKeys, type BreakdownDimension, type Indicator, type IndicatorReport } from '../../core/indicators/indicators.schema.js';
import { provinceName } from '../registry/territory-names.js';
import { DownloadIcon } from '../shared/icons.js';
import { useIndicatorFormat } from './indicator-cards.component.js';

/** Indicators whose breakdown rows carry a first and a latest figure. */
const withBaseline = new Set<Indicator['key']>(['turnover', 'jobs', 'members']);
/** Indicators that may gather several groups in one session: each group counts it. */
const sessionCounts = new Set<Indicator['key']>(['trainings_held', 'training_hours', 'workshops_held']);

export function useGroupLabel(by: BreakdownDimension) {
  const { t, i18n } = useTranslation();
  return (group: string) => {
    if (by === 'province') return provinceName(group, i18n.language) || '—';
    if (by === 'sector') return group ? t(`sectors.${group}`) : '—';
    return t(`indicators.groups.${group}`);
  };
}

interface Props {
  report: IndicatorReport;
  by: BreakdownDimension;
  indicatorKey: Indicator['key'];
  onBy: (by: BreakdownDimension) => void;
  onIndicator: (key: Indicator['key']) => void;
}

/** A CSV cell: quoted when it holds the separator, a quote or a line break. */
const cell = (value: string | number | null | undefined) => {
  const text = value === null || value === undefined ? '' : String(value);
  return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Every indicator of the report, total then each group, as a CSV file French Excel opens as is (`;`, UTF-8 with BOM). */
function exportCsv(report: IndicatorReport, by: BreakdownDimension, t: (key: string) => string, groupLabel: (group: string) => string) {
  const header = [
    t('indicators.breakdown.indicator'),
    t(`indicators.breakdown.dimensions.${by}`),
    t('indicators.breakdown.value'),
    t('indicators.breakdown.planned'),
    t('indicators.breakdown.rate'),
    t('indicators.breakdown.baseline'),
    t('indicators.breakdown.latest'),
  ];
  const lines = [header.map(cell).join(';')];
  for (const indicator of report.indicators) {
    const name = t(`indicators.names.${indicator.key}`);
    const rows = [{ ...indicator, group: t('indicators.breakdown.total') }, ...indicator.breakdown.map((row) => ({ ...row, group: groupLabel(row.group) }))];
    for (const row of rows) lines.push([name, row.group, row.value, row.planned, row.rate, row.baseline, row.latest].map(cell).join(';'));
  }
  const blob = new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `indicateurs-${by}-${report.today}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

export function IndicatorBreakdown({ report, by, indicatorKey, onBy, onIndicator }: Props) {
  const { t, i18n } = useTranslation();
  const theme = useMantineTheme();
  const format = useIndicatorFormat();
  const groupLabel = useGroupLabel(by);
  const indicator = report.indicators.find((entry) => entry.key === indicatorKey) ?? report.indicators[0]!;
  const isRtl = i18n.language === 'ar';
  const hasPlanned = indicator.breakdown.some((row) => row.planned !== null);
  const hasBaseline = withBaseline.has(indicator.key);
  const rows = indicator.breakdown.map((row) => ({ ...row, label: groupLabel(row.group) }));
  const data = rows.map((row) => ({ label: row.label, value: row.value ?? 0, planned: row.planned ?? undefined }));
  const chartHeight = 48 + rows.length * (hasPlanned ? 44 : 32);
  const dimension = t(`indicators.breakdown.dimensions.${by}`);
  const name = t(`indicators.names.${indicator.key}`);

  return (
    <Stack gap="sm" component="section" aria-label={t('indicators.breakdown.title')}>
      <Title order={2} size="h3">
        {t('indicators.breakdown.title')}
      </Title>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="breakdown-by">
            {t('indicators.breakdown.by')}
          </Text>
          <SegmentedControl
            aria-labelledby="breakdown-by"
            value={by}
            onChange={(value) => onBy(value as BreakdownDimension)}
            data={breakdownDimensions.map((value) => ({ value, label: t(`indicators.breakdown.dimensions.${value}`) }))}
          />
        </Stack>
        <Select
          label={t('indicators.breakdown.indicator')}
          value={indicator.key}
          onChange={(value) => value && onIndicator(value as Indicator['key'])}
          data={indicatorKeys.map((key) => ({ value: key, label: t(`indicators.names.${key}`) }))}
          allowDeselect={false}
          w={{ base: '100%', xs: 280 }}
        />
        <Button variant="default" leftSection={<DownloadIcon size={16} />} onClick={() => exportCsv(report, by, t, groupLabel)}>
          {t('indicators.breakdown.export')}
        </Button>
      </Group>
      {by === 'sex' ? (
        <Alert variant="light" color="blue">
          {t(`indicators.breakdown.sexNote.${indicator.sexBasis}`)}
        </Alert>
      ) : sessionCounts.has(indicator.key) ? (
        <Text size="sm" c="dimmed">
          {t('indicators.breakdown.crossGroups')}
        </Text>
      ) : null}
      {rows.length === 0 ? (
        <Text size="sm">{t('indicators.breakdown.empty')}</Text>
      ) : (
        <>
          <Box role="img" aria-label={t('indicators.breakdown.chart', { indicator: name, dimension })} dir="ltr">
            <ResponsiveContainer width="100%" height={chartHeight}>
              <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
                <CartesianGrid horizontal={false} strokeDasharray="3 3" />
                <XAxis type="number" reversed={isRtl} tickFormatter={(value: number) => format.number(value)} fontSize={12} allowDecimals={false} />
                <YAxis type="category" dataKey="label" orientation={isRtl ? 'right' : 'left'} width={120} fontSize={12} interval={0} tickFormatter={(label: string) => (label.length > 18 ? `${label.slice(0, 17)}…` : label)} />
                <Tooltip formatter={(value) => format.value(indicator, Number(value))} />
                {hasPlanned ? <Legend /> : null}
                <Bar dataKey="value" name={t('indicators.breakdown.value')} fill={theme.colors.teal[7]} radius={2} isAnimationActive={false} />
                {hasPlanned ? <Bar dataKey="planned" name={t('indicators.breakdown.planned')} fill={theme.colors.gray[4]} radius={2} isAnimationActive={false} /> : null}
              </BarChart>
            </ResponsiveContainer>
          </Box>
          <Table.ScrollContainer minWidth={hasBaseline ? 520 : 360} type="native">
            <Table striped withTableBorder verticalSpacing={6} fz="sm" data-testid="indicator-breakdown">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{dimension}</Table.Th>
                  <Table.Th ta="end">{t('indicators.breakdown.value')}</Table.Th>
                  {hasPlanned ? <Table.Th ta="end">{t('indicators.breakdown.planned')}</Table.Th> : null}
                  <Table.Th ta="end">{t('indicators.breakdown.rate')}</Table.Th>
                  {hasBaseline ? <Table.Th ta="end">{t('indicators.breakdown.baseline')}</Table.Th> : null}
                  {hasBaseline ? <Table.Th ta="end">{t('indicators.breakdown.latest')}</Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.group}>
                    <Table.Th scope="row" fw={400}>
                      {row.label}
                    </Table.Th>
                    <Table.Td ta="end" fw={600}>
                      {format.value(indicator, row.value)}
                    </Table.Td>
                    {hasPlanned ? <Table.Td ta="end">{format.number(row.planned)}</Table.Td> : null}
                    <Table.Td ta="end">{format.rate(row.rate)}</Table.Td>
                    {hasBaseline ? <Table.Td ta="end">{format.value(indicator, row.baseline, { signed: false })}</Table.Td> : null}
                    {hasBaseline ? <Table.Td ta="end">{format.value(indicator, row.latest, { signed: false })}</Table.Td> : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th scope="row">{t('indicators.breakdown.total')}</Table.Th>
                  <Table.Td ta="end" fw={700}>
                    {format.value(indicator, indicator.value)}
                  </Table.Td>
                  {hasPlanned ? <Table.Td ta="end">{format.number(indicator.planned)}</Table.Td> : null}
                  <Table.Td ta="end">{format.rate(indicator.rate)}</Table.Td>
                  {hasBaseline ? <Table.Td ta="end">{format.value(indicator, indicator.baseline, { signed: false })}</Table.Td> : null}
                  {hasBaseline ? <Table.Td ta="end">{format.value(indicator, indicator.latest, { signed: false })}</Table.Td> : null}
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </Table.ScrollContainer>
        </>
      )}
    </Stack>
  );
}
