import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  Checkbox,
  Group,
  List,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { proposePhases } from '../../core/programmes/calendar.js';
import { organisationName } from '../../core/programmes/organisation.schema.js';
import { phaseKinds, teamRoles, type PhaseKindCode, type TeamRole } from '../../core/programmes/programme-settings.schema.js';
import { programmeInputSchema, programmeStatuses, type Programme } from '../../core/programmes/programme.schema.js';
import { legalForms } from '../../core/registry/sectors.js';
import { getProvince } from '../../core/territories/territories.js';
import { toIssues, type Issue } from '../../core/shared/errors.js';
import { usePermissions } from '../access/use-permissions.js';
import { isApiError, type ApiError } from '../shared/api-client.js';
import { DayInput } from '../shared/day-input.js';
import { TrashIcon } from '../shared/icons.js';
import { errorMessage, translateIssue } from '../shared/issue-messages.js';
import { ErrorState, LoadingState } from '../shared/page-states.js';
import { ForbiddenPage, NotFoundPage } from '../shell/status.pages.js';
import { sectorOptions } from '../registry/registry-options.js';
import { provinceOptions, regionName, regionOptions } from '../registry/territory-names.js';
import { BackToProgrammes } from './programme-detail.page.js';
import { draftFromProgramme, emptyProgrammeDraft, inputFromDraft, rowKey, type NumberOrEmpty, type ProgrammeFormDraft } from './programme-draft.js';
import { programmeName } from './programme-words.js';
import { useFrameworks, useOrganisations, usePeople, useProgramme, useSaveProgramme } from './programmes.api.js';
import { StaleVersionAlert } from '../shared/stale-version.alert.js';

function Section({ title, children, columns = 2 }: { title: string; children: React.ReactNode; columns?: number }) {
  const titleId = useId();
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId}>
      <Title order={2} size="h4" mb="sm" id={titleId}>
        {title}
      </Title>
      {columns > 0 ? (
        <SimpleGrid cols={{ base: 1, sm: columns }} spacing="sm" verticalSpacing="sm">
          {children}
        </SimpleGrid>
      ) : (
        <Stack gap="sm">{children}</Stack>
      )}
    </Paper>
  );
}

const toNumber = (value: number | string): NumberOrEmpty => (typeof value === 'number' ? value : value === '' ? '' : Number(value));
const fieldId = (path: string) => `field-${path.replace(/\./g, '-')}`;

/** The labels of the fields, for the list of errors above the form. */
const labelKeys: Record<string, string> = {
  nameFr: 'fields.programmeNameFr',
  nameAr: 'fields.programmeNameAr',
  nameEn: 'fields.programmeNameEn',
};

function TeamPersonSelect({ value, displayName, onChange, error, label }: { value: string | null; displayName: string; onChange: (id: string | null, name: string) => void; error?: string | undefined; label: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const people = usePeople(debounced);
  const options = new Map<string, string>();
  if (value) options.set(value, displayName);
  for (const person of people.data ?? []) options.set(person.id, `${person.displayName} — ${person.email}`);
  return (
    <Select
      label={label}
      placeholder={t('programmes.form.personSearch')}
      searchable
      data={[...options.entries()].map(([id, name]) => ({ value: id, label: name }))}
      value={value}
      onChange={(id, option) => onChange(id, option ? option.label.split(' — ')[0]! : '')}
      onSearchChange={setSearch}
      nothingFoundMessage={t('ui.nothingFound')}
      filter={({ options: all }) => all}
      error={error}
    />
  );
}

function ProgrammeForm({ existing, onReload }: { existing: Programme | null; onReload: () => Promise<unknown> }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const locale = i18n.language;
  const [values, setValues] = useState<ProgrammeFormDraft>(() => (existing ? draftFromProgramme(existing) : emptyProgrammeDraft()));
  const [issues, setIssues] = useState<Issue[]>([]);
  const [failure, setFailure] = useState<ApiError | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const save = useSaveProgramme(existing?.id);
  const organisations = useOrganisations();
  const frameworks = useFrameworks();

  const set = <Key extends keyof ProgrammeFormDraft>(key: Key, value: ProgrammeFormDraft[Key]) => setValues((previous) => ({ ...previous, [key]: value }));
  const setRule = <Key extends keyof ProgrammeFormDraft['eligibility']>(key: Key, value: ProgrammeFormDraft['eligibility'][Key]) =>
    setValues((previous) => ({ ...previous, eligibility: { ...previous.eligibility, [key]: value } }));
  const error = (path: string): string | undefined => {
    const issue = issues.find((candidate) => candidate.path.join('.') === path);
    return issue ? translateIssue(t, issue) : undefined;
  };
  const fieldLabel = (path: string) => {
    const [first, index, last] = path.split('.');
    if (labelKeys[path]) return t(labelKeys[path]);
    if (index !== undefined && /^\d+$/.test(index)) return `${t(`fields.${first}`)} ${Number(index) + 1}${last ? ` — ${last}` : ''}`;
    return t(`fields.${last ?? index ?? first}`, { defaultValue: path });
  };

  const organisationOptions = (organisations.data ?? []).map((organisation) => ({
    value: organisation.id,
    label: `${organisationName(organisation, locale)}${organisation.acronym ? ` (${organisation.acronym})` : ''}`,
  }));
  const frameworkOptions = [
    { value: '', label: t('programmes.form.defaultFramework') },
    ...(frameworks.data ?? []).map((framework) => ({ value: framework.id, label: t('programmes.form.frameworkVersion', { name: organisationName(framework, locale), version: framework.version }) })),
  ];
  const provinceChoices =
    values.regionCodes.length > 0
      ? values.regionCodes.map((code) => ({ group: regionName(code, locale), items: provinceOptions(locale, code) }))
      : regionOptions(locale).map((region) => ({ group: region.label, items: provinceOptions(locale, region.value) }));

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const parsed = programmeInputSchema.safeParse(inputFromDraft(values));
    if (!parsed.success) {
      setIssues(toIssues(parsed.error.issues));
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setIssues([]);
    save.mutate(
      { input: parsed.data, ...(existing ? { version: existing.version } : {}) },
      {
        onSuccess: (saved) => void navigate(`/programmes/${saved.id}`),
        onError: (caught) => {
          if (!isApiError(caught)) return;
          setFailure(caught);
          setIssues(caught.issues);
          requestAnimationFrame(() => summaryRef.current?.focus());
        },
      },
    );
  };

  const isStale = failure?.code === 'conflict' && failure.params.reason === 'stale_version';
  const startAndDuration = values.startDate && values.durationMonths !== '' && values.durationMonths > 0;

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <div ref={summaryRef} tabIndex={-1} aria-live="assertive">
          {isStale ? (
            <StaleVersionAlert title={t('programmes.form.staleTitle')} message={t('programmes.form.stale')} reloadLabel={t('programmes.form.reload')} onReload={onReload} />
          ) : null}
          {failure && !isStale && issues.length === 0 ? (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(t, failure)}
            </Alert>
          ) : null}
          {issues.length > 0 ? (
            <Alert color="red" variant="light" title={t('programmes.form.fixErrors', { count: issues.length })} role="alert">
              <List size="sm">
                {issues.map((issue) => {
                  const path = issue.path.join('.');
                  return (
                    <List.Item key={path + issue.key}>
                      <Anchor href={`#${fieldId(path)}`} size="sm">
                        {fieldLabel(path)}
                      </Anchor>{' '}
                      — {translateIssue(t, issue)}
                    </List.Item>
                  );
                })}
              </List>
            </Alert>
          ) : null}
        </div>

        <Section title={t('programmes.sections.identity')}>
          <TextInput id={fieldId('nameFr')} label={t('fields.programmeNameFr')} required lang="fr" dir="ltr" value={values.nameFr} onChange={(e) => set('nameFr', e.currentTarget.value)} error={error('nameFr')} />
          <TextInput id={fieldId('nameAr')} label={t('fields.programmeNameAr')} lang="ar" dir="rtl" value={values.nameAr} onChange={(e) => set('nameAr', e.currentTarget.value)} error={error('nameAr')} />
          <TextInput id={fieldId('nameEn')} label={t('fields.programmeNameEn')} lang="en" dir="ltr" value={values.nameEn} onChange={(e) => set('nameEn', e.currentTarget.value)} error={error('nameEn')} />
          <TextInput id={fieldId('code')} label={t('fields.code')} required dir="ltr" value={values.code} onChange={(e) => set('code', e.currentTarget.value)} error={error('code')} />
          <Select
            id={fieldId('status')}
            label={t('fields.status')}
            data={programmeStatuses.map((status) => ({ value: status, label: t(`programmes.statuses.${status}`) }))}
            value={values.status}
            onChange={(value) => set('status', (value ?? 'draft') as ProgrammeFormDraft['status'])}
            allowDeselect={false}
          />
          <div />
          <Textarea id={fieldId('descriptionFr')} label={t('fields.descriptionFr')} lang="fr" dir="ltr" autosize minRows={2} value={values.descriptionFr} onChange={(e) => set('descriptionFr', e.currentTarget.value)} error={error('descriptionFr')} />
          <Textarea id={fieldId('descriptionAr')} label={t('fields.descriptionAr')} lang="ar" dir="rtl" autosize minRows={2} value={values.descriptionAr} onChange={(e) => set('descriptionAr', e.currentTarget.value)} error={error('descriptionAr')} />
        </Section>

        <Section title={t('programmes.sections.organisations')} columns={0}>
          <Select
            id={fieldId('operatorId')}
            label={t('fields.operatorId')}
            placeholder={t('programmes.form.choose')}
            searchable
            clearable
            data={organisationOptions}
            value={values.operatorId}
            onChange={(value) => set('operatorId', value)}
            nothingFoundMessage={t('ui.nothingFound')}
            error={error('operatorId')}
          />
          {values.organisations.map((item, index) => (
            <Group key={item.key} align="flex-end" gap="xs" wrap="wrap">
              <Select
                id={fieldId(`organisations.${index}.organisationId`)}
                label={t('programmes.form.organisation')}
                searchable
                data={organisationOptions}
                value={item.organisationId}
                onChange={(value) => set('organisations', values.organisations.map((row) => (row.key === item.key ? { ...row, organisationId: value } : row)))}
                error={error(`organisations.${index}.organisationId`)}
                style={{ flex: '2 1 220px' }}
              />
              <Select
                label={t('programmes.form.organisationRole')}
                data={(['funder', 'partner'] as const).map((role) => ({ value: role, label: t(`programmes.organisationRoles.${role}`) }))}
                value={item.role}
                onChange={(value) => set('organisations', values.organisations.map((row) => (row.key === item.key ? { ...row, role: (value ?? 'funder') as 'funder' | 'partner' } : row)))}
                allowDeselect={false}
                style={{ flex: '1 1 130px' }}
              />
              <NumberInput
                label={t('programmes.form.contribution')}
                value={item.contributionMad}
                onChange={(value) => set('organisations', values.organisations.map((row) => (row.key === item.key ? { ...row, contributionMad: toNumber(value) } : row)))}
                allowNegative={false}
                thousandSeparator=" "
                hideControls
                style={{ flex: '1 1 140px' }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mb={2}
                aria-label={t('programmes.form.removeOrganisation', { name: organisationOptions.find((option) => option.value === item.organisationId)?.label ?? '' })}
                onClick={() => set('organisations', values.organisations.filter((row) => row.key !== item.key))}
              >
                <TrashIcon size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group gap="sm">
            <Button variant="light" size="xs" onClick={() => set('organisations', [...values.organisations, { key: rowKey(), organisationId: null, role: 'funder', contributionMad: '' }])}>
              {t('programmes.form.addOrganisation')}
            </Button>
            <Anchor component={Link} to="/organisations" size="sm" target="_blank">
              {t('programmes.form.manageDirectory')}
            </Anchor>
          </Group>
        </Section>

        <Section title={t('programmes.sections.territory')}>
          <MultiSelect
            id={fieldId('regionCodes')}
            label={t('fields.regionCodes')}
            placeholder={values.regionCodes.length === 0 ? t('programmes.form.regionsPlaceholder') : undefined}
            data={regionOptions(locale)}
            value={values.regionCodes}
            onChange={(codes) =>
              setValues((previous) => ({
                ...previous,
                regionCodes: codes,
                provinceCodes: codes.length === 0 ? previous.provinceCodes : previous.provinceCodes.filter((code) => codes.includes(getProvince(code)?.regionCode ?? '')),
              }))
            }
            searchable
            clearable
            error={error('regionCodes')}
          />
          <MultiSelect
            id={fieldId('provinceCodes')}
            label={t('fields.provinceCodes')}
            description={values.regionCodes.length > 0 ? t('programmes.form.provincesHint') : undefined}
            placeholder={values.provinceCodes.length === 0 ? t('programmes.form.provincesPlaceholder') : undefined}
            data={provinceChoices}
            value={values.provinceCodes}
            onChange={(codes) => set('provinceCodes', codes)}
            searchable
            clearable
            error={error('provinceCodes') ?? issues.filter((issue) => issue.path[0] === 'provinceCodes').map((issue) => translateIssue(t, issue))[0]}
          />
        </Section>

        <Section title={t('programmes.sections.calendar')} columns={0}>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <DayInput
              id={fieldId('startDate')}
              label={t('fields.startDate')}
              placeholder={t('form.datePlaceholder')}
              value={values.startDate}
              onChange={(value) => set('startDate', value)}
              clearable
              error={error('startDate')}
            />
            <NumberInput
              id={fieldId('durationMonths')}
              label={t('fields.durationMonths')}
              value={values.durationMonths}
              onChange={(value) => set('durationMonths', toNumber(value))}
              allowNegative={false}
              allowDecimal={false}
              min={1}
              max={240}
              error={error('durationMonths')}
            />
          </SimpleGrid>
          <Group gap="sm">
            <Button
              variant="light"
              size="xs"
              disabled={!startAndDuration}
              onClick={() =>
                startAndDuration &&
                set(
                  'phases',
                  proposePhases(values.startDate!, values.durationMonths as number).map((phase) => ({ key: rowKey(), kind: phase.kind, label: '', startsOn: phase.startsOn, endsOn: phase.endsOn })),
                )
              }
            >
              {t('programmes.form.proposePhases')}
            </Button>
            {!startAndDuration ? (
              <Text size="xs" c="dimmed">
                {t('programmes.form.proposePhasesHint')}
              </Text>
            ) : null}
          </Group>
          {values.phases.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('programmes.form.noPhases')}
            </Text>
          ) : null}
          {values.phases.map((phase, index) => {
            const update = (patch: Partial<typeof phase>) => set('phases', values.phases.map((row) => (row.key === phase.key ? { ...row, ...patch } : row)));
            return (
              <Group key={phase.key} align="flex-start" gap="xs" wrap="wrap" data-testid="phase-row">
                <Select
                  label={t('programmes.form.phaseKind')}
                  data={phaseKinds.map((kind) => ({ value: kind, label: t(`programmes.phaseKinds.${kind}`) }))}
                  value={phase.kind}
                  onChange={(value) => update({ kind: (value ?? 'diagnostic') as PhaseKindCode })}
                  allowDeselect={false}
                  style={{ flex: '1 1 150px' }}
                />
                <TextInput label={t('programmes.form.phaseLabel')} value={phase.label} onChange={(e) => update({ label: e.currentTarget.value })} style={{ flex: '1 1 150px' }} />
                <DayInput
                  id={fieldId(`phases.${index}.startsOn`)}
                  label={t('programmes.form.phaseStarts')}
                  value={phase.startsOn}
                  onChange={(value) => update({ startsOn: value })}
                  error={error(`phases.${index}.startsOn`)}
                  style={{ flex: '1 1 130px' }}
                />
                <DayInput
                  id={fieldId(`phases.${index}.endsOn`)}
                  label={t('programmes.form.phaseEnds')}
                  value={phase.endsOn}
                  onChange={(value) => update({ endsOn: value })}
                  error={error(`phases.${index}.endsOn`)}
                  style={{ flex: '1 1 130px' }}
                />
                <ActionIcon
                  variant="subtle"
                  color="red"
                  size="lg"
                  mt={26}
                  aria-label={t('programmes.form.removePhase', { name: phase.label || t(`programmes.phaseKinds.${phase.kind}`) })}
                  onClick={() => set('phases', values.phases.filter((row) => row.key !== phase.key))}
                >
                  <TrashIcon size={16} />
                </ActionIcon>
              </Group>
            );
          })}
          <Group>
            <Button
              variant="subtle"
              size="xs"
              onClick={() => set('phases', [...values.phases, { key: rowKey(), kind: phaseKinds[Math.min(values.phases.length, phaseKinds.length - 1)]!, label: '', startsOn: null, endsOn: null }])}
            >
              {t('programmes.form.addPhase')}
            </Button>
          </Group>
        </Section>

        <Section title={t('programmes.sections.targets')}>
          <NumberInput
            id={fieldId('targetCooperatives')}
            label={t('fields.targetCooperatives')}
            value={values.targetCooperatives}
            onChange={(value) => set('targetCooperatives', toNumber(value))}
            allowNegative={false}
            allowDecimal={false}
            error={error('targetCooperatives')}
          />
          <NumberInput
            id={fieldId('budgetMad')}
            label={t('fields.budgetMad')}
            value={values.budgetMad}
            onChange={(value) => set('budgetMad', toNumber(value))}
            allowNegative={false}
            thousandSeparator=" "
            hideControls
            error={error('budgetMad')}
          />
        </Section>

        <Section title={t('programmes.sections.cadences')} columns={0}>
          <Stack gap={6}>
            <Switch label={t('programmes.form.workshopsEnabled')} checked={values.workshops.enabled} onChange={(e) => set('workshops', { ...values.workshops, enabled: e.currentTarget.checked })} />
            {values.workshops.enabled ? (
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <NumberInput
                  id={fieldId('cadences.workshops.perMonth')}
                  label={t('programmes.form.workshopsPerMonth')}
                  value={values.workshops.perMonth}
                  onChange={(value) => set('workshops', { ...values.workshops, perMonth: toNumber(value) })}
                  min={0.25}
                  max={8}
                  step={1}
                  decimalScale={2}
                  error={error('cadences.workshops.perMonth')}
                />
                <NumberInput
                  id={fieldId('cadences.workshops.durationMonths')}
                  label={t('programmes.form.workshopsDuration')}
                  value={values.workshops.durationMonths}
                  onChange={(value) => set('workshops', { ...values.workshops, durationMonths: toNumber(value) })}
                  allowDecimal={false}
                  min={1}
                  error={error('cadences.workshops.durationMonths')}
                />
                <Select
                  label={t('programmes.form.workshopsAfter')}
                  data={phaseKinds.map((kind) => ({ value: kind, label: t(`programmes.phaseKinds.${kind}`) }))}
                  value={values.workshops.startsAfterPhase}
                  onChange={(value) => set('workshops', { ...values.workshops, startsAfterPhase: (value ?? 'training') as PhaseKindCode })}
                  allowDeselect={false}
                />
              </SimpleGrid>
            ) : null}
          </Stack>
          <Stack gap={6}>
            <Switch label={t('programmes.form.followUpEnabled')} checked={values.remoteFollowUp.enabled} onChange={(e) => set('remoteFollowUp', { ...values.remoteFollowUp, enabled: e.currentTarget.checked })} />
            {values.remoteFollowUp.enabled ? (
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <NumberInput
                  id={fieldId('cadences.remoteFollowUp.perMonth')}
                  label={t('programmes.form.followUpPerMonth')}
                  value={values.remoteFollowUp.perMonth}
                  onChange={(value) => set('remoteFollowUp', { ...values.remoteFollowUp, perMonth: toNumber(value) })}
                  min={0.25}
                  max={8}
                  decimalScale={2}
                  error={error('cadences.remoteFollowUp.perMonth')}
                />
              </SimpleGrid>
            ) : null}
          </Stack>
          <Stack gap={6}>
            <Switch label={t('programmes.form.coachingEnabled')} checked={values.coaching.enabled} onChange={(e) => set('coaching', { ...values.coaching, enabled: e.currentTarget.checked })} />
            {values.coaching.enabled ? (
              <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
                <NumberInput
                  id={fieldId('cadences.coaching.sessions')}
                  label={t('programmes.form.coachingSessions')}
                  value={values.coaching.sessions}
                  onChange={(value) => set('coaching', { ...values.coaching, sessions: toNumber(value) })}
                  allowDecimal={false}
                  min={1}
                  error={error('cadences.coaching.sessions')}
                />
                <NumberInput
                  id={fieldId('cadences.coaching.overMonths')}
                  label={t('programmes.form.coachingMonths')}
                  value={values.coaching.overMonths}
                  onChange={(value) => set('coaching', { ...values.coaching, overMonths: toNumber(value) })}
                  allowDecimal={false}
                  min={1}
                  error={error('cadences.coaching.overMonths')}
                />
              </SimpleGrid>
            ) : null}
          </Stack>
        </Section>

        <Section title={t('programmes.sections.eligibility')}>
          <NumberInput
            id={fieldId('eligibility.maxAgeMonths')}
            label={t('fields.maxAgeMonths')}
            value={values.eligibility.maxAgeMonths}
            onChange={(value) => setRule('maxAgeMonths', toNumber(value))}
            allowNegative={false}
            allowDecimal={false}
            error={error('eligibility.maxAgeMonths')}
          />
          <NumberInput
            id={fieldId('eligibility.minMembers')}
            label={t('fields.minMembers')}
            value={values.eligibility.minMembers}
            onChange={(value) => setRule('minMembers', toNumber(value))}
            allowNegative={false}
            allowDecimal={false}
            error={error('eligibility.minMembers')}
          />
          <MultiSelect
            id={fieldId('eligibility.sectors')}
            label={t('fields.sectors')}
            placeholder={values.eligibility.sectors.length === 0 ? t('programmes.form.anySector') : undefined}
            data={sectorOptions(t, locale)}
            value={values.eligibility.sectors}
            onChange={(codes) => setRule('sectors', codes)}
            searchable
            clearable
          />
          <MultiSelect
            id={fieldId('eligibility.legalForms')}
            label={t('fields.legalForms')}
            placeholder={values.eligibility.legalForms.length === 0 ? t('programmes.form.anyLegalForm') : undefined}
            data={legalForms.map((form) => ({ value: form, label: t(`legalForms.${form}`) }))}
            value={values.eligibility.legalForms}
            onChange={(codes) => setRule('legalForms', codes)}
            clearable
          />
          <NumberInput
            id={fieldId('eligibility.minWomenSharePercent')}
            label={t('fields.minWomenSharePercent')}
            value={values.eligibility.minWomenSharePercent}
            onChange={(value) => setRule('minWomenSharePercent', toNumber(value))}
            min={0}
            max={100}
            allowNegative={false}
            error={error('eligibility.minWomenSharePercent')}
          />
          <NumberInput
            id={fieldId('eligibility.minYoungSharePercent')}
            label={t('fields.minYoungSharePercent')}
            value={values.eligibility.minYoungSharePercent}
            onChange={(value) => setRule('minYoungSharePercent', toNumber(value))}
            min={0}
            max={100}
            allowNegative={false}
            error={error('eligibility.minYoungSharePercent')}
          />
          {values.eligibility.minWomenSharePercent !== '' && values.eligibility.minYoungSharePercent !== '' ? (
            <Stack gap={4}>
              <Text size="sm" fw={500}>
                {t('fields.sharesCombine')}
              </Text>
              <SegmentedControl
                data={[
                  { value: 'all', label: t('programmes.form.sharesAll') },
                  { value: 'any', label: t('programmes.form.sharesAny') },
                ]}
                value={values.eligibility.sharesCombine}
                onChange={(value) => setRule('sharesCombine', value as 'all' | 'any')}
                orientation="vertical"
                aria-label={t('fields.sharesCombine')}
              />
            </Stack>
          ) : null}
          <Stack gap="xs" justify="center">
            <Checkbox label={t('fields.withinTerritory')} checked={values.eligibility.withinTerritory} onChange={(e) => setRule('withinTerritory', e.currentTarget.checked)} />
            <Checkbox
              label={t('fields.excludeIfInActiveProgramme')}
              checked={values.eligibility.excludeIfInActiveProgramme}
              onChange={(e) => setRule('excludeIfInActiveProgramme', e.currentTarget.checked)}
            />
          </Stack>
        </Section>

        <Section title={t('programmes.sections.team')} columns={0}>
          <Text size="xs" c="dimmed">
            {t('programmes.form.teamHint')}
          </Text>
          {values.team.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('programmes.form.noTeam')}
            </Text>
          ) : null}
          {values.team.map((member, index) => (
            <Group key={member.key} align="flex-end" gap="xs" wrap="wrap" data-testid="team-row">
              <div style={{ flex: '2 1 240px' }}>
                <TeamPersonSelect
                  label={t('programmes.form.person')}
                  value={member.userId}
                  displayName={member.displayName}
                  error={error(`team.${index}.userId`)}
                  onChange={(userId, displayName) => set('team', values.team.map((row) => (row.key === member.key ? { ...row, userId, displayName } : row)))}
                />
              </div>
              <Select
                label={t('programmes.form.teamRole')}
                data={teamRoles.map((role) => ({ value: role, label: t(`programmes.teamRoles.${role}`) }))}
                value={member.teamRole}
                onChange={(value) => set('team', values.team.map((row) => (row.key === member.key ? { ...row, teamRole: (value ?? 'consultant') as TeamRole } : row)))}
                allowDeselect={false}
                style={{ flex: '1 1 160px' }}
              />
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                mb={2}
                aria-label={t('programmes.form.removeMember', { name: member.displayName })}
                onClick={() => set('team', values.team.filter((row) => row.key !== member.key))}
              >
                <TrashIcon size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button variant="light" size="xs" onClick={() => set('team', [...values.team, { key: rowKey(), userId: null, displayName: '', teamRole: 'consultant' }])}>
              {t('programmes.form.addMember')}
            </Button>
          </Group>
        </Section>

        <Section title={t('programmes.sections.framework')}>
          <Select
            id={fieldId('frameworkId')}
            label={t('fields.frameworkId')}
            data={frameworkOptions}
            value={values.frameworkId ?? ''}
            onChange={(value) => set('frameworkId', value || null)}
            allowDeselect={false}
            error={error('frameworkId')}
          />
        </Section>

        <Group justify="flex-end">
          <Button variant="default" component={Link} to={existing ? `/programmes/${existing.id}` : '/programmes'}>
            {t('ui.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {existing ? t('programmes.form.save') : t('programmes.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function ProgrammeFormPage() {
  const { programmeId } = useParams();
  const { t, i18n } = useTranslation();
  const permissions = usePermissions();
  const programme = useProgramme(programmeId);
  const [formKey, setFormKey] = useState(0);

  if (programmeId) {
    if (programme.isPending) return <LoadingState />;
    if (programme.isError) {
      if (isApiError(programme.error, 'not_found', 'validation')) return <NotFoundPage />;
      return <ErrorState error={programme.error} onRetry={() => void programme.refetch()} />;
    }
    if (!permissions.canManageProgramme(programmeId)) return <ForbiddenPage />;
  } else if (!permissions.canCreateProgramme) {
    return <ForbiddenPage />;
  }
  const existing = programmeId ? (programme.data ?? null) : null;

  return (
    <Stack gap="md">
      <BackToProgrammes />
      <Title order={1} size="h2">
        {existing ? t('programmes.form.editTitle', { name: programmeName(existing, i18n.language) }) : t('programmes.form.newTitle')}
      </Title>
      <ProgrammeForm
        key={`${existing?.id ?? 'new'}-${existing?.version ?? 0}-${formKey}`}
        existing={existing}
        onReload={async () => {
          await programme.refetch();
          setFormKey((key) => key + 1);
        }}
      />
    </Stack>
  );
}
