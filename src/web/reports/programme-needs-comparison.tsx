import { Anchor, List, Paper, Spoiler, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Comparison } from '../../core/diagnostics/needs.schema.js';
import { useCooperativeName } from '../registry/cooperative-name.component.js';
import { asLocale, directionOf, isolate } from '../shared/i18n.js';
import { ErrorState, LoadingState, NothingHere } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { useComparison } from './programme-needs.api.js';

/** A change with its arrow and colour (and the words, for screen readers): up is bluish green, down vermilion. */
function Delta({ value }: { value: number | null }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (value === null) return <Text span c="dimmed">—</Text>;
  const magnitude = format.number(Math.abs(Math.round(value * 10) / 10));
  if (value === 0) return <Text span c="dimmed" aria-label={t('needs.comparison.same')}>= 0</Text>;
  const isUp = value > 0;
  return (
    <Text span fw={700} dir="ltr" style={{ color: isUp ? '#007A5A' : '#B34700', whiteSpace: 'nowrap', unicodeBidi: 'isolate' }} aria-label={t(isUp ? 'needs.comparison.up' : 'needs.comparison.down', { value: magnitude })}>
      {isUp ? '▲' : '▼'} {isUp ? '+' : '−'}
      {magnitude}
    </Text>
  );
}

const score = (format: ReturnType<typeof useFormat>, value: number | null) => format.number(value === null ? null : Math.round(value * 10) / 10);

/** "before → after", the arrow following the reading direction, each number kept whole. */
function FromTo({ from, to }: { from: string; to: string }) {
  const { i18n } = useTranslation();
  return <>{`${isolate(from)} ${directionOf(asLocale(i18n.language)) === 'rtl' ? '←' : '→'} ${isolate(to)}`}</>;
}

function ProgrammeMeans({ data }: { data: Comparison }) {
  const { t } = useTranslation();
  const format = useFormat();
  const labels = new Map(data.domains.map((domain) => [domain.key, domain.label]));
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('needs.comparison.programmeTitle')} · {t('needs.count', { count: data.programme.cooperatives })}
        </Title>
        <Table.ScrollContainer minWidth={300} type="native">
          <Table striped verticalSpacing={6} fz="sm" data-testid="needs-comparison-programme">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('needs.comparison.domain')}</Table.Th>
                <Table.Th ta="end">{t('needs.comparison.baseline')}</Table.Th>
                <Table.Th ta="end">{t('needs.comparison.endline')}</Table.Th>
                <Table.Th ta="end">{t('needs.comparison.delta')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.programme.domains.map((domain) => (
                <Table.Tr key={domain.domainKey}>
                  <Table.Td>{labels.get(domain.domainKey) ?? domain.domainKey}</Table.Td>
                  <Table.Td ta="end">{score(format, domain.baseline)}</Table.Td>
                  <Table.Td ta="end">{score(format, domain.endline)}</Table.Td>
                  <Table.Td ta="end">
                    <Delta value={domain.delta} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th>{t('needs.overall')}</Table.Th>
                <Table.Th ta="end">{score(format, data.programme.overall.baseline)}</Table.Th>
                <Table.Th ta="end">{score(format, data.programme.overall.endline)}</Table.Th>
                <Table.Th ta="end">
                  <Delta value={data.programme.overall.delta} />
                </Table.Th>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}

function CooperativeChanges({ data }: { data: Comparison }) {
  const { t } = useTranslation();
  const format = useFormat();
  const nameOf = useCooperativeName();
  const labels = new Map(data.domains.map((domain) => [domain.key, domain.label]));
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('needs.comparison.cooperativesTitle')}
        </Title>
        <Table.ScrollContainer minWidth={420 + data.domains.length * 64} type="native">
          <Table verticalSpacing={6} fz="sm" withColumnBorders data-testid="needs-comparison-cooperatives">
            <Table.Thead>
              <Table.Tr>
                <Table.Th style={{ position: 'sticky', insetInlineStart: 0, background: 'var(--mantine-color-body)', zIndex: 1, minWidth: 160 }}>{t('needs.cooperative')}</Table.Th>
                <Table.Th ta="center">{t('needs.overall')}</Table.Th>
                <Table.Th ta="center">{t('needs.level')}</Table.Th>
                {data.domains.map((domain) => (
                  <Table.Th key={domain.key} ta="center" fz="xs">
                    {labels.get(domain.key)}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.cooperatives.map((cooperative) => {
                const byDomain = new Map(cooperative.domains.map((domain) => [domain.domainKey, domain]));
                return (
                  <Table.Tr key={cooperative.cooperativeId}>
                    <Table.Th scope="row" style={{ position: 'sticky', insetInlineStart: 0, background: 'var(--mantine-color-body)', zIndex: 1, fontWeight: 400 }}>
                      <Anchor component={Link} to={`/diagnostics/${cooperative.endlineId}/report`} size="sm" dir="auto">
                        {nameOf(cooperative)}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {t('needs.comparison.compared', { count: cooperative.comparedCount })} · {t('needs.comparison.leftOut', { count: cooperative.leftOut.length })}
                      </Text>
                      {cooperative.leftOut.length > 0 ? (
                        <Spoiler maxHeight={0} showLabel="…" hideLabel="×" fz="xs">
                          <List size="xs" spacing={2}>
                            {cooperative.leftOut.map((entry) => (
                              <List.Item key={entry.questionKey}>
                                {entry.label} — {t(`needs.comparison.reasons.${entry.reason}`)}
                              </List.Item>
                            ))}
                          </List>
                        </Spoiler>
                      ) : null}
                    </Table.Th>
                    <Table.Td ta="center">
                      <Text size="xs" c="dimmed">
                        <FromTo from={score(format, cooperative.overall.baseline)} to={score(format, cooperative.overall.endline)} />
                      </Text>
                      <Delta value={cooperative.overall.delta} />
                    </Table.Td>
                    <Table.Td ta="center" style={{ whiteSpace: 'nowrap' }}>
                      <FromTo from={format.number(cooperative.maturityLevel.baseline)} to={format.number(cooperative.maturityLevel.endline)} />
                    </Table.Td>
                    {data.domains.map((domain) => (
                      <Table.Td key={domain.key} ta="center">
                        <Delta value={byDomain.get(domain.key)?.delta ?? null} />
                      </Table.Td>
                    ))}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}

export function NeedsComparison({ programmeId }: { programmeId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const comparison = useComparison(programmeId);
  if (comparison.isPending) return <LoadingState />;
  if (comparison.isError) return <ErrorState error={comparison.error} onRetry={() => void comparison.refetch()} />;
  const data = comparison.data;
  const counts = t('needs.comparison.counts', { baselines: format.number(data.baselines), endlines: format.number(data.endlines) });
  if (!data.hasEndline) {
    return (
      <Stack gap="xs">
        <NothingHere title={t('needs.comparison.emptyTitle')} description={t('needs.comparison.emptyDescription')} />
        <Text size="sm" c="dimmed" ta="center">
          {counts}
        </Text>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('needs.comparison.intro')} {counts}
      </Text>
      <ProgrammeMeans data={data} />
      <CooperativeChanges data={data} />
    </Stack>
  );
}
