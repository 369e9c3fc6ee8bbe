import { Alert, Anchor, Badge, Button, Checkbox, Group, List, Modal, Pagination, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { overrideJustificationMinLength, type CandidateQuery } from '../../core/programmes/enrolment.schema.js';
import { displayName } from '../../core/registry/cooperative.rules.js';
import { usePermissions } from '../access/use-permissions.js';
import { isApiError } from '../shared/api-client.js';
import { ArrowStartIcon, SearchIcon } from '../shared/icons.js';
import { errorMessage, translateIssue } from '../shared/issue-messages.js';
import { ErrorState, LoadingState, NothingHere } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { ForbiddenPage, NotFoundPage } from '../shell/status.pages.js';
import { creationYearOptions, sectorOptions } from '../registry/registry-options.js';
import { provinceName, provinceOptions, regionOptions } from '../registry/territory-names.js';
import { describeReason, describeRules, enrolmentStatusColors, programmeName } from './programme-words.js';
import { useCandidates, useEnrolCooperatives, useProgramme, type Candidate } from './programmes.api.js';

type Filters = Omit<CandidateQuery, 'page' | 'pageSize'>;

function CandidateRow({ candidate, selected, onToggle }: { candidate: Candidate; selected: boolean; onToggle: (checked: boolean) => void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const locale = i18n.language;
  const name = displayName(candidate, locale);
  const inProgramme = candidate.enrolmentStatus === 'enrolled' || candidate.enrolmentStatus === 'completed';
  return (
    <Paper withBorder radius="sm" p="sm" data-testid="candidate-row" data-eligible={String(candidate.eligible)} data-cooperative-id={candidate.cooperativeId}>
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <Checkbox
          mt={4}
          checked={selected}
          disabled={inProgramme}
          onChange={(event) => onToggle(event.currentTarget.checked)}
          aria-label={t('enrolment.selectRow', { name })}
        />
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Group justify="space-between" gap="xs" align="flex-start">
            <Anchor component={Link} to={`/cooperatives/${candidate.cooperativeId}`} fw={600} target="_blank">
              <bdi>{name}</bdi>
            </Anchor>
            <Group gap={6}>
              <Badge color={candidate.eligible ? 'teal' : 'red'} variant="light" data-testid="eligibility-badge">
                {candidate.eligible ? t('enrolment.eligible') : t('enrolment.ineligible')}
              </Badge>
              {candidate.enrolmentStatus ? (
                <Badge color={enrolmentStatusColors[candidate.enrolmentStatus]} variant="outline">
                  {t(`enrolment.statuses.${candidate.enrolmentStatus}`)}
                </Badge>
              ) : null}
            </Group>
          </Group>
          <Text size="xs" c="dimmed">
            {provinceName(candidate.provinceCode, locale)} · {t(`sectors.${candidate.sector}`)} · {t(`legalForms.${candidate.legalForm}`)}
            {candidate.creationDate ? ` · ${t('registry.createdOn', { date: format.date(candidate.creationDate) })}` : ''}
            {candidate.membersTotal !== null ? ` · ${t('registry.membersCount', { count: candidate.membersTotal })}` : ''}
          </Text>
          {!candidate.eligible ? (
            <List size="xs" c="red.8" spacing={2} data-testid="eligibility-reasons">
              {candidate.reasons.map((reason) => (
                <List.Item key={reason.rule}>{describeReason(t, reason, locale)}</List.Item>
              ))}
            </List>
          ) : null}
          {candidate.otherActiveProgrammes.length > 0 ? (
            <Text size="xs" c="orange.8" data-testid="other-programmes">
              {t('enrolment.alsoIn', {
                programmes: format.list(candidate.otherActiveProgrammes.map((other) => `${programmeName(other, locale)} (${t(`enrolment.statuses.${other.status}`)})`)),
              })}
            </Text>
          ) : null}
        </Stack>
      </Group>
    </Paper>
  );
}

export default function EnrolmentPage() {
  const { programmeId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const permissions = usePermissions();
  const locale = i18n.language;
  const programme = useProgramme(programmeId);
  const [filters, setFilters] = useState<Filters>({});
  const [search, setSearch] = useState('');
  const [debouncedSearch] = useDebouncedValue(search, 300);
  const [page, setPage] = useState(1);
  const pageSize = 25;
  const query = useMemo(() => ({ ...filters, q: debouncedSearch || undefined, page, pageSize }), [filters, debouncedSearch, page]);
  const canManage = permissions.canManageProgramme(programmeId);
  const candidates = useCandidates(programmeId, query);
  const enrol = useEnrolCooperatives(programmeId);
  const [selection, setSelection] = useState<Map<string, Candidate>>(new Map());
  const [justifying, setJustifying] = useState(false);
  const [justification, setJustification] = useState('');
  const [done, setDone] = useState<number | null>(null);

  const setFilter = <Key extends keyof Filters>(key: Key, value: Filters[Key] | null) => {
    setFilters((previous) => ({ ...previous, [key]: value ?? undefined, ...(key === 'regionCode' ? { provinceCode: undefined } : {}) }));
    setPage(1);
  };

  if (programme.isPending) return <LoadingState />;
  if (programme.isError) {
    if (isApiError(programme.error, 'not_found', 'validation')) return <NotFoundPage />;
    return <ErrorState error={programme.error} onRetry={() => void programme.refetch()} />;
  }
  if (!canManage) return <ForbiddenPage />;
  const record = programme.data;
  const items = candidates.data?.items ?? [];
  const selectable = items.filter((item) => item.eligible && item.enrolmentStatus !== 'enrolled' && item.enrolmentStatus !== 'completed');
  const allEligibleSelected = selectable.length > 0 && selectable.every((item) => selection.has(item.cooperativeId));
  const someEligibleSelected = selectable.some((item) => selection.has(item.cooperativeId));
  const selected = [...selection.values()];
  const ineligibleSelected = selected.filter((item) => !item.eligible);
  const total = candidates.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const rules = describeRules(t, record.eligibility, locale, record.regionCodes.length + record.provinceCodes.length > 0);

  const toggle = (candidate: Candidate, checked: boolean) =>
    setSelection((previous) => {
      const next = new Map(previous);
      if (checked) next.set(candidate.cooperativeId, candidate);
      else next.delete(candidate.cooperativeId);
      return next;
    });

  const submit = (status: 'enrolled' | 'candidate', overrideJustification?: string) => {
    setDone(null);
    enrol.mutate(
      { cooperativeIds: selected.map((item) => item.cooperativeId), status, overrideJustification: overrideJustification ?? null },
      {
        onSuccess: (result) => {
          setDone(result.created + result.updated);
          setSelection(new Map());
          setJustifying(false);
          setJustification('');
        },
      },
    );
  };

  const serverIssues = isApiError(enrol.error) ? enrol.error.issues : [];

  return (
    <Stack gap="md">
      <Anchor component={Link} to={`/programmes/${record.id}`} size="sm">
        <Group gap={4} component="span">
          <ArrowStartIcon size={14} />
          {t('enrolment.back')}
        </Group>
      </Anchor>
      <Title order={1} size="h2">
        {t('enrolment.title', { name: programmeName(record, locale) })}
      </Title>

      <Paper withBorder radius="md" p="md">
        <Text fw={600} size="sm" mb={4}>
          {t('enrolment.rulesSummary')}
        </Text>
        {rules.length > 0 ? (
          <List size="sm" spacing={2}>
            {rules.map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm">{t('programmes.rules.none')}</Text>
        )}
        {candidates.data ? (
          <Text size="xs" c="dimmed" mt={6}>
            {t('enrolment.asOf', { date: format.date(candidates.data.asOf) })}
          </Text>
        ) : null}
      </Paper>

      <Paper withBorder radius="md" p="md" component="section" aria-label={t('registry.search')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
          <TextInput
            label={t('registry.search')}
            placeholder={t('registry.searchPlaceholder')}
            leftSection={<SearchIcon size={16} />}
            value={search}
            onChange={(event) => {
              setSearch(event.currentTarget.value);
              setPage(1);
            }}
          />
          <Select
            label={t('fields.regionCode')}
            placeholder={t('registry.allRegions')}
            data={regionOptions(locale)}
            value={filters.regionCode ?? null}
            onChange={(value) => setFilter('regionCode', value)}
            clearable
            searchable
          />
          <Select
            label={t('fields.provinceCode')}
            placeholder={t('registry.allProvinces')}
            data={provinceOptions(locale, filters.regionCode)}
            value={filters.provinceCode ?? null}
            onChange={(value) => setFilter('provinceCode', value)}
            clearable
            searchable
          />
          <Select
            label={t('fields.sector')}
            placeholder={t('registry.allSectors')}
            data={sectorOptions(t, locale)}
            value={filters.sector ?? null}
            onChange={(value) => setFilter('sector', value as Filters['sector'])}
            clearable
          />
          <Select
            label={t('registry.creationYear')}
            placeholder={t('registry.anyYear')}
            data={creationYearOptions()}
            value={filters.creationYear ? String(filters.creationYear) : null}
            onChange={(value) => setFilter('creationYear', value ? Number(value) : null)}
            clearable
            searchable
          />
          <Select
            label={t('enrolment.eligibleFilter')}
            placeholder={t('enrolment.anyEligibility')}
            data={[
              { value: 'yes', label: t('enrolment.eligibleOnly') },
              { value: 'no', label: t('enrolment.ineligibleOnly') },
            ]}
            value={filters.eligible ?? null}
            onChange={(value) => setFilter('eligible', value as Filters['eligible'])}
            clearable
          />
          <Select
            label={t('enrolment.statusFilter')}
            placeholder={t('enrolment.anyStatus')}
            data={(['none', 'candidate', 'enrolled', 'withdrawn', 'completed'] as const).map((status) => ({ value: status, label: t(`enrolment.statuses.${status}`) }))}
            value={filters.enrolmentStatus ?? null}
            onChange={(value) => setFilter('enrolmentStatus', value as Filters['enrolmentStatus'])}
            clearable
          />
        </SimpleGrid>
      </Paper>

      <Paper withBorder radius="md" p="sm" pos={{ base: 'static', sm: 'sticky' }} top={60} style={{ zIndex: 2 }}>
        <Group justify="space-between" gap="sm">
          <Group gap="md">
            <Checkbox
              label={t('enrolment.selectEligible')}
              checked={allEligibleSelected}
              indeterminate={someEligibleSelected && !allEligibleSelected}
              disabled={selectable.length === 0}
              onChange={(event) => {
                const checked = event.currentTarget.checked;
                setSelection((previous) => {
                  const next = new Map(previous);
                  for (const item of selectable) {
                    if (checked) next.set(item.cooperativeId, item);
                    else next.delete(item.cooperativeId);
                  }
                  return next;
                });
              }}
            />
            <Text size="sm" aria-live="polite" data-testid="selection-count">
              {t('enrolment.selected', { count: selection.size })}
            </Text>
            {selection.size > 0 ? (
              <Button size="xs" variant="subtle" onClick={() => setSelection(new Map())}>
                {t('enrolment.clearSelection')}
              </Button>
            ) : null}
          </Group>
          <Group gap="xs">
            <Button variant="default" disabled={selection.size === 0} loading={enrol.isPending && enrol.variables?.status === 'candidate'} onClick={() => submit('candidate')}>
              {t('enrolment.addAsCandidates')}
            </Button>
            <Button
              disabled={selection.size === 0}
              loading={enrol.isPending && enrol.variables?.status === 'enrolled' && !justifying}
              onClick={() => {
                enrol.reset();
                if (ineligibleSelected.length > 0) setJustifying(true);
                else submit('enrolled');
              }}
            >
              {t('enrolment.enrolSelection')}
            </Button>
          </Group>
        </Group>
      </Paper>

      {done !== null ? (
        <Alert color="teal" variant="light" withCloseButton onClose={() => setDone(null)} role="status">
          {t('enrolment.done', { count: done })}
        </Alert>
      ) : null}
      {enrol.error && !justifying ? (
        <Alert color="red" variant="light" role="alert">
          {serverIssues.length > 0 ? (
            <List size="sm">
              {serverIssues.map((issue, index) => (
                <List.Item key={index}>{translateIssue(t, issue)}</List.Item>
              ))}
            </List>
          ) : (
            errorMessage(t, enrol.error)
          )}
        </Alert>
      ) : null}

      <Group justify="space-between">
        <Text fw={500} aria-live="polite" data-testid="candidate-total">
          {candidates.data ? t('enrolment.count', { count: total }) : '\u00a0'}
        </Text>
      </Group>
      {candidates.isPending ? <LoadingState /> : null}
      {candidates.isError ? <ErrorState error={candidates.error} onRetry={() => void candidates.refetch()} /> : null}
      {candidates.data && items.length === 0 ? <NothingHere title={t('enrolment.empty')} /> : null}
      <Stack gap="xs" style={{ opacity: candidates.isPlaceholderData ? 0.6 : 1 }} aria-busy={candidates.isFetching}>
        {items.map((candidate) => (
          <CandidateRow key={candidate.cooperativeId} candidate={candidate} selected={selection.has(candidate.cooperativeId)} onToggle={(checked) => toggle(candidate, checked)} />
        ))}
      </Stack>
      {pageCount > 1 ? (
        <Group justify="center">
          <Pagination
            total={pageCount}
            value={page}
            onChange={setPage}
            size="sm"
            siblings={1}
            boundaries={1}
            getControlProps={(control) => ({ 'aria-label': t(`ui.pagination.${control}`) })}
            getItemProps={(item) => ({ 'aria-label': t('ui.pagination.page', { page: item }) })}
          />
        </Group>
      ) : null}

      <Modal opened={justifying} onClose={() => setJustifying(false)} title={t('enrolment.justificationTitle')} centered size="lg">
        <Stack gap="sm">
          <Text size="sm">{t('enrolment.justificationIntro', { count: ineligibleSelected.length })}</Text>
          <List size="sm" spacing={4}>
            {ineligibleSelected.map((item) => (
              <List.Item key={item.cooperativeId}>
                <Text size="sm" fw={600} span>
                  <bdi>{displayName(item, locale)}</bdi>
                </Text>
                <List size="xs" c="red.8" withPadding>
                  {item.reasons.map((reason) => (
                    <List.Item key={reason.rule}>{describeReason(t, reason, locale)}</List.Item>
                  ))}
                </List>
              </List.Item>
            ))}
          </List>
          <Textarea
            label={t('fields.overrideJustification')}
            description={t('enrolment.justificationHint')}
            value={justification}
            onChange={(event) => setJustification(event.currentTarget.value)}
            autosize
            minRows={3}
            required
            data-autofocus
            error={serverIssues[0] ? translateIssue(t, serverIssues[0]) : undefined}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setJustifying(false)}>
              {t('ui.cancel')}
            </Button>
            <Button
              color="orange"
              disabled={justification.trim().length < overrideJustificationMinLength}
              loading={enrol.isPending}
              onClick={() => submit('enrolled', justification.trim())}
            >
              {t('enrolment.confirmOverride')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
