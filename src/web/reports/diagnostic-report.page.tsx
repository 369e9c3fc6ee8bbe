import { Alert, Anchor, Badge, Box, Button, Card, Group, List, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { DiagnosticReport, ReportDomain, ReportNeed } from '../../core/diagnostics/report.js';
import { usePermissions } from '../access/use-permissions.js';
import { isApiError } from '../shared/api-client.js';
import { asLocale, intlLocale } from '../shared/i18n.js';
import { AlertIcon, ArrowStartIcon, DownloadIcon } from '../shared/icons.js';
import { ErrorState, LoadingState } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { NotFoundPage } from '../shell/status.pages.js';
import { downloadDiagnosticReportPdf, useDiagnosticReport } from './diagnostic-report.api.js';
import { DiagnosticReportRadar } from './diagnostic-report-radar.component.js';

const statusColors: Record<string, string> = { draft: 'gray', submitted: 'blue', returned: 'orange', validated: 'teal' };
/** Needs shown before "show more": the top of the ranking is what a reader acts on. */
const topNeeds = 10;

/** Scores, gaps and priorities with one decimal at most, as in the PDF. */
function useScoreFormat() {
  const { i18n } = useTranslation();
  return useMemo(() => {
    const format = new Intl.NumberFormat(intlLocale(i18n.language), { maximumFractionDigits: 1 });
    return (value: number | null | undefined) => (value === null || value === undefined ? '—' : format.format(value));
  }, [i18n.language]);
}

/** A text typed by someone, in its own direction whatever the page's. */
function Own({ children }: { children: string }) {
  return <bdi dir="auto">{children}</bdi>;
}

function ScoreBar({ domain }: { domain: ReportDomain }) {
  const { t } = useTranslation();
  const score = useScoreFormat();
  return (
    <Box pos="relative" miw={90} aria-hidden="true">
      <Progress value={domain.score ?? 0} color={domain.isNeed ? 'orange' : 'teal'} size="md" aria-label={t('reports.score')} />
      {/* The threshold, as a mark across the bar; inset-inline-start keeps it on the right side in Arabic. */}
      <Box
        pos="absolute"
        top={-3}
        style={{ insetInlineStart: `calc(${domain.threshold}% - 1px)`, width: 2, height: 'calc(100% + 6px)', background: 'var(--mantine-color-dark-6)' }}
        title={`${t('reports.threshold')} ${score(domain.threshold)}`}
      />
    </Box>
  );
}

function DomainTable({ report }: { report: DiagnosticReport }) {
  const { t } = useTranslation();
  const format = useFormat();
  const score = useScoreFormat();
  return (
    <Table verticalSpacing="xs" highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('reports.domain')}</Table.Th>
          <Table.Th ta="end">{t('reports.score')}</Table.Th>
          <Table.Th w="30%" visibleFrom="sm">
            <Text span size="xs" c="dimmed" fw={400}>
              {t('reports.threshold')} ▏
            </Text>
          </Table.Th>
          <Table.Th ta="end" visibleFrom="sm">
            {t('reports.answers')}
          </Table.Th>
          <Table.Th>{t('reports.needColumn')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.domains.map((domain) => (
          <Table.Tr key={domain.key}>
            <Table.Td>
              <Stack gap={4}>
                <Text size="sm">
                  <Own>{domain.label}</Own>
                </Text>
                <Box hiddenFrom="sm">
                  <ScoreBar domain={domain} />
                </Box>
              </Stack>
            </Table.Td>
            <Table.Td ta="end" fw={700}>
              {score(domain.score)}
            </Table.Td>
            <Table.Td visibleFrom="sm">
              <ScoreBar domain={domain} />
            </Table.Td>
            <Table.Td ta="end" visibleFrom="sm">
              {format.number(domain.answered)} / {format.number(domain.applicable)}
            </Table.Td>
            <Table.Td>
              {domain.isNeed ? (
                <Text size="sm" fw={700} c="orange.8">
                  {t('reports.isNeed')}
                </Text>
              ) : domain.score === null ? (
                <Text c="dimmed">—</Text>
              ) : (
                <Text size="sm" c="teal.8">
                  {t('reports.noNeed')}
                </Text>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function NeedItem({ need }: { need: ReportNeed }) {
  const { t } = useTranslation();
  const score = useScoreFormat();
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Badge size="lg" circle variant="filled" color={need.rank <= 3 ? 'orange' : 'gray'} aria-label={`${t('reports.rank')} ${need.rank}`}>
          {need.rank}
        </Badge>
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Text fw={700} size="sm">
            <Own>{need.domainLabel}</Own>
          </Text>
          <Text size="sm" c={need.questionLabel ? undefined : 'dimmed'} fs={need.questionLabel ? undefined : 'italic'}>
            {need.questionLabel ? <Own>{need.questionLabel}</Own> : t('reports.wholeDomain')}
          </Text>
          <Group gap="md">
            <Text size="xs" c="dimmed">
              {t('reports.score')} {score(need.score)} / {score(need.threshold)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('reports.gap')} {score(need.gap)}
            </Text>
            <Text size="xs" fw={700}>
              {t('reports.priority')} {score(need.priority)}
            </Text>
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}

function NeedsList({ report }: { report: DiagnosticReport }) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  if (report.needs.length === 0) {
    return (
      <Alert color="teal" variant="light">
        {t('reports.noNeeds')}
      </Alert>
    );
  }
  const hidden = report.needs.length - topNeeds;
  const shown = showAll || hidden <= 0 ? report.needs : report.needs.slice(0, topNeeds);
  return (
    <Stack gap="xs">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {shown.map((need) => (
          <NeedItem key={`${need.domainKey}-${need.questionKey ?? ''}`} need={need} />
        ))}
      </SimpleGrid>
      {hidden > 0 ? (
        <Button variant="subtle" size="sm" style={{ alignSelf: 'flex-start' }} onClick={() => setShowAll((value) => !value)} aria-expanded={showAll}>
          {showAll ? t('reports.showFewerNeeds') : t('reports.showMoreNeeds', { count: hidden })}
        </Button>
      ) : null}
    </Stack>
  );
}

const swotTones = { strengths: 'teal', weaknesses: 'orange', opportunities: 'blue', threats: 'red' } as const;

function Swot({ report }: { report: DiagnosticReport }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
      {(Object.keys(swotTones) as Array<keyof typeof swotTones>).map((key) => (
        <Card key={key} withBorder radius="md" padding="sm" style={{ borderColor: `var(--mantine-color-${swotTones[key]}-4)` }}>
          <Title order={3} size="h5" c={`${swotTones[key]}.8`} mb="xs">
            {t(`reports.${key}`)}
          </Title>
          {report.swot[key].length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('reports.swotEmpty')}
            </Text>
          ) : (
            <List size="sm" spacing={4}>
              {report.swot[key].map((item, index) => (
                <List.Item key={index}>
                  <Own>{item}</Own>
                </List.Item>
              ))}
            </List>
          )}
        </Card>
      ))}
    </SimpleGrid>
  );
}

export default function DiagnosticReportPage() {
  const { diagnosticId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const score = useScoreFormat();
  const locale = asLocale(i18n.language);
  const query = useDiagnosticReport(diagnosticId, locale);
  const permissions = usePermissions();

  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    if (isApiError(query.error, 'not_found', 'validation')) return <NotFoundPage />;
    return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  }
  const report = query.data;
  const { diagnostic, cooperative, overall } = report;
  const otherName = locale === 'ar' ? cooperative.nameFr : cooperative.nameAr;

  return (
    <Stack gap="lg">
      <Group gap="md">
        {/* Funders read the report, not the diagnostic's answers (whoever may comment it may read it). */}
        {permissions.canCommentDiagnostic(report.programme.id, cooperative.id) ? (
          <Anchor component={Link} to={`/diagnostics/${diagnostic.id}`} size="sm">
            <Group gap={4} component="span">
              <ArrowStartIcon size={14} />
              {t('reports.backToDiagnostic')}
            </Group>
          </Anchor>
        ) : null}
        <Anchor component={Link} to={`/programmes/${report.programme.id}`} size="sm">
          {t('reports.toProgramme')}
        </Anchor>
      </Group>

      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 20rem' }}>
          <Text size="sm" c="dimmed" tt="uppercase" fw={600}>
            {t('reports.title')}
          </Text>
          <Title order={1} size="h2">
            <Own>{cooperative.name}</Own>
          </Title>
          {otherName && otherName !== cooperative.name ? (
            <Text c="dimmed">
              <bdi lang={locale === 'ar' ? 'fr' : 'ar'}>{otherName}</bdi>
            </Text>
          ) : null}
          <Text size="sm">
            <Own>{report.programme.name}</Own>
            {' · '}
            <Own>{cooperative.provinceName}</Own>
            {' · '}
            {cooperative.sectorLabel}
          </Text>
          <Group gap="xs" mt={4}>
            <Badge variant="light" color="indigo">
              {diagnostic.kindLabel}
            </Badge>
            <Badge variant="light" color={statusColors[diagnostic.status] ?? 'gray'}>
              {diagnostic.statusLabel}
            </Badge>
          </Group>
          {diagnostic.isValidated ? (
            <Text size="sm" c="dimmed">
              {diagnostic.validatedByName
                ? t('reports.validatedBy', { name: diagnostic.validatedByName, date: format.date(diagnostic.validatedAt) })
                : t('reports.validatedOn', { date: format.date(diagnostic.validatedAt) })}
            </Text>
          ) : null}
          <Text size="xs" c="dimmed">
            {t('reports.frameworkVersion', { name: report.framework.name, version: report.framework.version })}
          </Text>
        </Stack>
        <Stack gap="xs" style={{ flex: '0 1 auto' }}>
          <Button leftSection={<DownloadIcon size={16} />} onClick={() => downloadDiagnosticReportPdf(diagnostic.id, 'fr')}>
            {t('reports.downloadFr')}
          </Button>
          <Button variant="default" leftSection={<DownloadIcon size={16} />} onClick={() => downloadDiagnosticReportPdf(diagnostic.id, 'ar')}>
            {t('reports.downloadAr')}
          </Button>
        </Stack>
      </Group>

      {!diagnostic.isValidated ? (
        <Alert color="red" variant="light" icon={<AlertIcon />} title={t('reports.notValidated')}>
          {t('reports.notValidatedHelp')}
        </Alert>
      ) : null}

      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Paper withBorder p="md" radius="md">
          <Text size="sm" c="dimmed">
            {t('reports.overallScore')}
          </Text>
          <Group gap={6} align="baseline">
            <Text fz={36} fw={700} c="teal.8" lh={1.2}>
              {score(overall.score)}
            </Text>
            {overall.score === null ? (
              <Text c="dimmed">{t('reports.notScored')}</Text>
            ) : (
              <Text c="dimmed">{t('reports.outOf100')}</Text>
            )}
          </Group>
          <Text size="sm" c="dimmed">
            {t('reports.answered', { answered: format.number(overall.answered), applicable: format.number(overall.applicable) })}
          </Text>
        </Paper>
        <Paper withBorder p="md" radius="md">
          <Text size="sm" c="dimmed">
            {t('reports.maturityLevel')}
          </Text>
          <Text fz={28} fw={700} c="teal.8" lh={1.3}>
            {overall.maturityLevel === null ? t('reports.notScored') : t('reports.maturityValue', { level: overall.maturityLevel })}
          </Text>
          {overall.maturityLabel ? <Text fw={600}>{overall.maturityLabel}</Text> : null}
        </Paper>
      </SimpleGrid>

      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
        <Stack gap="xs" component="section">
          <Title order={2} size="h3">
            {t('reports.radarTitle')}
          </Title>
          <Paper withBorder p={{ base: 4, sm: 'md' }} radius="md">
            <DiagnosticReportRadar domains={report.domains} />
          </Paper>
        </Stack>

        <Stack gap="xs" component="section">
          <Title order={2} size="h3">
            {t('reports.domainsTitle')}
          </Title>
          <DomainTable report={report} />
        </Stack>
      </SimpleGrid>

      <Stack gap="xs" component="section">
        <Title order={2} size="h3">
          {t('reports.needsTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('reports.needsHelp')}
        </Text>
        <NeedsList report={report} />
      </Stack>

      {report.swot.enabled ? (
        <Stack gap="xs" component="section">
          <Title order={2} size="h3">
            {t('reports.swotTitle')}
          </Title>
          <Swot report={report} />
        </Stack>
      ) : null}
    </Stack>
  );
}
