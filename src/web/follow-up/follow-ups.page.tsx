import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { hasRole } from '../../core/access/policies.js';
import { canSeeProgrammeFollowUps } from '../../core/follow-up/follow-up.policies.js';
import type { ComplianceRow, DriftSummary, DueItem } from '../../core/follow-up/follow-up.schema.js';
import { toMoroccanWallClock } from '../../core/sessions/local-time.js';
import { principalOf, useSession } from '../access/session.api.js';
import { useProgramme, useProgrammeList } from '../programmes/programmes.api.js';
import { ErrorState, LoadingState, NothingHere } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { useCompliance, useDrift, useDueFollowUps, useReportedFollowUps, type ListFilter } from './follow-up.api.js';

const tabs = ['week', 'overdue', 'reported', 'compliance', 'drift'] as const;
type Tab = (typeof tabs)[number];

function cooperativeName(language: string, row: { cooperativeNameFr: string | null; cooperativeNameAr: string | null }) {
  return (language === 'ar' ? row.cooperativeNameAr : null) ?? row.cooperativeNameFr ?? '';
}

function DueRow({ item }: { item: DueItem }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const when = toMoroccanWallClock(item.startsAt);
  return (
    <Card withBorder padding="sm" radius="md" data-testid="due-follow-up">
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Text fw={600}>{cooperativeName(i18n.language, item)}</Text>
            <Text size="xs" c="dimmed" lineClamp={2}>
              {item.programmeName} · {t(`followUp.kinds.${item.kind}`)}
              {item.consultant ? ` · ${item.consultant.name}` : ''}
            </Text>
            <Text size="sm">{t('followUp.plannedOn', { date: format.date(when.date), time: when.time })}</Text>
          </Stack>
          {item.daysLate > 0 ? (
            <Badge color="red" variant="light" style={{ flexShrink: 0 }}>
              {t('followUp.daysLate', { count: item.daysLate })}
            </Badge>
          ) : null}
        </Group>
        <Button component={Link} to={`/follow-ups/new?programmeId=${item.programmeId}&cooperativeId=${item.cooperativeId}&sessionId=${item.sessionId}`} size="sm" variant={item.daysLate > 0 ? 'filled' : 'light'} style={{ alignSelf: 'flex-start' }}>
          {t('followUp.record')}
        </Button>
      </Stack>
    </Card>
  );
}

function DueList({ scope, filter }: { scope: 'week' | 'overdue'; filter: ListFilter }) {
  const { t } = useTranslation();
  const query = useDueFollowUps(scope, filter);
  if (query.isPending) return <LoadingState />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const { items, total } = query.data;
  if (items.length === 0) return <NothingHere title={t(`followUp.empty.${scope}`)} />;
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('followUp.count', { count: total })}
      </Text>
      {items.map((item) => (
        <DueRow key={`${item.sessionId}/${item.cooperativeId}`} item={item} />
      ))}
      {total > items.length ? (
        <Text size="sm" c="dimmed">
          {t('followUp.more', { shown: items.length, total })}
        </Text>
      ) : null}
    </Stack>
  );
}

function ReportedList({ filter }: { filter: ListFilter }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const query = useReportedFollowUps(filter);
  if (query.isPending) return <LoadingState />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  if (query.data.items.length === 0) return <NothingHere title={t('followUp.empty.reported')} />;
  return (
    <Stack gap="sm">
      {query.data.items.map((item) => (
        <Card key={item.id} withBorder padding="sm" radius="md">
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text fw={600}>{cooperativeName(i18n.language, item)}</Text>
              <Text size="xs" c="dimmed">
                {item.programmeName} · {t(`followUp.channels.${item.channel}`)} · {t('followUp.actionsCount', { count: item.actionCount })}
              </Text>
              <Text size="sm">{t('followUp.reportedOn', { date: format.date(item.heldOn), name: item.reportedBy?.name ?? '' })}</Text>
            </Stack>
            <Button component={Link} to={`/follow-ups/${item.id}`} size="sm" style={{ flexShrink: 0 }}>
              {t('followUp.review')}
            </Button>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

function RateCell({ row }: { row: Pick<ComplianceRow, 'rate'> }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (row.rate === null) return <Text size="sm" c="dimmed">{t('followUp.compliance.noneDue')}</Text>;
  const colour = row.rate >= 0.9 ? 'teal' : row.rate >= 0.7 ? 'yellow' : 'red';
  return (
    <Badge color={colour} variant="light">
      {format.number(Math.round(row.rate * 100))} %
    </Badge>
  );
}

interface SummaryColumn<Row> {
  header: string;
  cell: (row: Row) => ReactNode;
}

/** A titled table of one row per programme, consultant or cooperative; long lists show their first 15 rows, the rest on demand. */
function SummaryTable<Row extends { id: string; name: string; nameAr?: string | null | undefined }>({
  title,
  caption,
  rows: allRows,
  columns,
  minWidth,
}: {
  title: string;
  caption?: string;
  rows: Row[];
  columns: Array<SummaryColumn<Row>>;
  minWidth: number;
}) {
  const { t, i18n } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const rows = expanded ? allRows : allRows.slice(0, 15);
  if (allRows.length === 0) return null;
  return (
    <Stack gap={4}>
      <Title order={4}>{title}</Title>
      {caption ? (
        <Text size="xs" c="dimmed">
          {caption}
        </Text>
      ) : null}
      <Table.ScrollContainer minWidth={minWidth}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th />
              {columns.map((column) => (
                <Table.Th key={column.header}>{column.header}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id}>
                <Table.Td>{(i18n.language === 'ar' ? row.nameAr : null) ?? row.name}</Table.Td>
                {columns.map((column) => (
                  <Table.Td key={column.header}>{column.cell(row)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {allRows.length > rows.length ? (
        <Button variant="subtle" size="xs" onClick={() => setExpanded(true)} style={{ alignSelf: 'flex-start' }}>
          {t('followUp.showAll', { count: allRows.length })}
        </Button>
      ) : null}
    </Stack>
  );
}

/** Compliance per programme, consultant or cooperative (the cooperatives come worst first). */
function ComplianceTable({ title, rows, caption }: { title: string; rows: Array<ComplianceRow & { nameAr?: string | null | undefined }>; caption?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const count = (key: 'planned' | 'held' | 'late' | 'unplanned') => ({ header: t(`followUp.compliance.${key}`), cell: (row: ComplianceRow) => format.number(row[key]) });
  return (
    <SummaryTable
      title={title}
      caption={caption}
      rows={rows}
      minWidth={460}
      columns={[count('planned'), count('held'), count('late'), count('unplanned'), { header: t('followUp.compliance.rate'), cell: (row) => <RateCell row={row} /> }]}
    />
  );
}

function Figure({ label, value, colour }: { label: string; value: string; colour?: string }) {
  return (
    <Card withBorder padding="sm" radius="md">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="xl" c={colour}>
        {value}
      </Text>
    </Card>
  );
}

function CompliancePanel({ filter }: { filter: ListFilter }) {
  const { t } = useTranslation();
  const format = useFormat();
  const query = useCompliance(filter);
  if (query.isPending) return <LoadingState />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  if (data.total.planned === 0 && data.total.unplanned === 0) return <NothingHere title={t('followUp.compliance.empty')} />;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('followUp.compliance.asOf', { date: format.date(data.today) })}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure label={t('followUp.compliance.planned')} value={format.number(data.total.planned)} />
        <Figure label={t('followUp.compliance.held')} value={format.number(data.total.held)} />
        <Figure label={t('followUp.compliance.late')} value={format.number(data.total.late)} colour={data.total.late > 0 ? 'red' : undefined} />
        <Figure label={t('followUp.compliance.rate')} value={data.total.rate === null ? '—' : `${format.number(Math.round(data.total.rate * 100))} %`} />
      </SimpleGrid>
      <ComplianceTable title={t('followUp.compliance.byProgramme')} rows={data.programmes} />
      <ComplianceTable title={t('followUp.compliance.byConsultant')} rows={data.consultants} />
      <ComplianceTable title={t('followUp.compliance.byCooperative')} rows={data.cooperatives} caption={t('followUp.compliance.worstFirst', { shown: data.cooperatives.length, total: data.cooperativeCount })} />
    </Stack>
  );
}

function DriftTable({ title, rows }: { title: string; rows: Array<DriftSummary & { id: string; name: string; nameAr?: string | null }> }) {
  const { t } = useTranslation();
  const format = useFormat();
  type Row = (typeof rows)[number];
  return (
    <SummaryTable
      title={title}
      rows={rows}
      minWidth={520}
      columns={[
        { header: t('followUp.drift.actions'), cell: (row: Row) => format.number(row.actions) },
        { header: t('followUp.drift.slipped'), cell: (row: Row) => format.number(row.slipped) },
        { header: t('followUp.drift.average'), cell: (row: Row) => (row.averageDriftDays === null ? '—' : format.number(row.averageDriftDays)) },
        { header: t('followUp.drift.max'), cell: (row: Row) => (row.maxDriftDays === null ? '—' : t('followUp.drift.days', { count: row.maxDriftDays })) },
        { header: t('followUp.drift.late'), cell: (row: Row) => format.number(row.late) },
        { header: t('followUp.drift.doneOnTime'), cell: (row: Row) => `${format.number(row.doneOnTime)} / ${format.number(row.done)}` },
      ]}
    />
  );
}

function DriftPanel({ filter }: { filter: ListFilter }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const query = useDrift(filter);
  const [allLate, setAllLate] = useState(false);
  if (query.isPending) return <LoadingState />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  const data = query.data;
  if (data.total.actions === 0) return <NothingHere title={t('followUp.drift.empty')} />;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('followUp.drift.intro')}
      </Text>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Figure label={t('followUp.drift.actions')} value={format.number(data.total.actions)} />
        <Figure label={t('followUp.drift.slipped')} value={format.number(data.total.slipped)} />
        <Figure label={t('followUp.drift.average')} value={data.total.averageDriftDays === null ? '—' : t('followUp.drift.days', { count: data.total.averageDriftDays })} />
        <Figure label={t('followUp.drift.late')} value={format.number(data.total.late)} colour={data.total.late > 0 ? 'red' : undefined} />
      </SimpleGrid>
      <DriftTable title={t('followUp.drift.byProgramme')} rows={data.programmes} />
      <DriftTable title={t('followUp.drift.byCooperative')} rows={data.cooperatives} />
      <Title order={4}>{t('followUp.drift.lateActions')}</Title>
      {data.lateActions.length === 0 ? <Text c="dimmed">{t('followUp.drift.noLate')}</Text> : null}
      {(allLate ? data.lateActions : data.lateActions.slice(0, 10)).map((action) => (
        <Card key={action.actionId} withBorder padding="sm" radius="md">
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Text fw={600}>{action.title}</Text>
              <Text size="xs" c="dimmed">
                {cooperativeName(i18n.language, action)} · {t(`followUp.actionStatuses.${action.status}`)} · {t('followUp.form.progressValue', { value: action.progress })}
              </Text>
              <Text size="sm">
                {t('followUp.drift.dueOn')} : {format.date(action.dueOn)}
                {action.agreedDueOn ? ` · ${t('followUp.drift.agreedDueOn')} : ${format.date(action.agreedDueOn)}` : ''}
              </Text>
              <Anchor component={Link} to={`/action-plans/${action.actionPlanId}`} size="sm">
                {t('followUp.drift.openPlan')}
              </Anchor>
            </Stack>
            <Badge color="red" variant="light" style={{ flexShrink: 0 }}>
              {t('followUp.daysLate', { count: action.daysLate })}
            </Badge>
          </Group>
        </Card>
      ))}
      {!allLate && data.lateActions.length > 10 ? (
        <Button variant="subtle" size="xs" onClick={() => setAllLate(true)} style={{ alignSelf: 'flex-start' }}>
          {t('followUp.showAll', { count: data.lateActions.length })}
        </Button>
      ) : null}
    </Stack>
  );
}

/** `/follow-ups`: this week's and overdue follow-ups, reports to confirm, compliance and deadline drift; a consultant sees their own by default. */
export default function FollowUpsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const { data: user } = useSession();
  const principal = user ? principalOf(user) : null;
  const programmes = useProgrammeList();
  const isConsultantOnly = principal ? hasRole(principal, 'consultant') && !hasRole(principal, 'admin', 'programme_manager') : false;
  const tab: Tab = (tabs as readonly string[]).includes(search.get('tab') ?? '') ? (search.get('tab') as Tab) : 'week';
  const programmeId = search.get('programmeId') ?? undefined;
  // A consultant sees their own follow-ups unless they choose "all" (consultant=all).
  const consultantParam = search.get('consultant');
  const consultantId = consultantParam === 'all' ? undefined : (consultantParam ?? (isConsultantOnly ? user?.id : undefined));
  const programme = useProgramme(programmeId);
  const filter: ListFilter = { programmeId, consultantId };
  const overdue = useDueFollowUps('overdue', filter, Boolean(user));
  const reported = useReportedFollowUps(filter, Boolean(user));
  const update = (changes: Record<string, string | null>) =>
    setSearch((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) (value === null ? next.delete(key) : next.set(key, value));
      return next;
    });

  if (!principal || programmes.isPending) return <LoadingState />;
  const visible = (programmes.data ?? []).filter((item) => canSeeProgrammeFollowUps(principal, item.id));
  const team = (programme.data?.team ?? []).filter((member, index, all) => all.findIndex((other) => other.userId === member.userId) === index);
  const consultants = [{ value: principal.userId, label: principal.displayName }, ...team.filter((member) => member.userId !== principal.userId).map((member) => ({ value: member.userId, label: member.displayName }))];
  const counter = (count: number | undefined, colour: string) =>
    count ? (
      <Badge size="sm" color={colour} variant="filled" circle={count < 10}>
        {count}
      </Badge>
    ) : null;

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={2}>{t('followUp.title')}</Title>
        <Text c="dimmed" size="sm">
          {t('followUp.subtitle')}
        </Text>
      </Stack>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" maw={720}>
        <Select
          label={t('followUp.filters.programme')}
          placeholder={t('followUp.filters.allProgrammes')}
          clearable
          data={visible.map((item) => ({ value: item.id, label: `${item.code} — ${item.nameFr}` }))}
          value={programmeId ?? null}
          onChange={(value) => update({ programmeId: value })}
        />
        <Select
          label={t('followUp.filters.consultant')}
          placeholder={t('followUp.filters.allConsultants')}
          clearable
          data={consultants}
          value={consultantId ?? null}
          onChange={(value) => update({ consultant: value ?? 'all' })}
        />
      </SimpleGrid>
      <Tabs value={tab} onChange={(value) => update({ tab: value })} keepMounted={false}>
        <Tabs.List style={{ flexWrap: 'wrap' }}>
          <Tabs.Tab value="week">{t('followUp.tabs.week')}</Tabs.Tab>
          <Tabs.Tab value="overdue" rightSection={counter(overdue.data?.total, 'red')}>
            {t('followUp.tabs.overdue')}
          </Tabs.Tab>
          <Tabs.Tab value="reported" rightSection={counter(reported.data?.total, 'orange')}>
            {t('followUp.tabs.reported')}
          </Tabs.Tab>
          <Tabs.Tab value="compliance">{t('followUp.tabs.compliance')}</Tabs.Tab>
          <Tabs.Tab value="drift">{t('followUp.tabs.drift')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="week" pt="md">
          <DueList scope="week" filter={filter} />
        </Tabs.Panel>
        <Tabs.Panel value="overdue" pt="md">
          <DueList scope="overdue" filter={filter} />
        </Tabs.Panel>
        <Tabs.Panel value="reported" pt="md">
          <ReportedList filter={filter} />
        </Tabs.Panel>
        <Tabs.Panel value="compliance" pt="md">
          <CompliancePanel filter={filter} />
        </Tabs.Panel>
        <Tabs.Panel value="drift" pt="md">
          <DriftPanel filter={filter} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
