import { ActionIcon, Alert, Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { organisationKinds, type OrganisationKind } from '../../core/programmes/programme-settings.schema.js';
import { organisationInputSchema, organisationName, type Organisation } from '../../core/programmes/organisation.schema.js';
import { toIssues, type Issue } from '../../core/shared/errors.js';
import { usePermissions } from '../access/use-permissions.js';
import { isApiError } from '../shared/api-client.js';
import { EditIcon, PlusIcon, SearchIcon } from '../shared/icons.js';
import { errorMessage, translateIssue } from '../shared/issue-messages.js';
import { ErrorState, LoadingState, NothingHere } from '../shared/page-states.js';
import { regionName, regionOptions } from '../registry/territory-names.js';
import { useOrganisations, useSaveOrganisation } from '../programmes/programmes.api.js';

interface Draft {
  nameFr: string;
  nameAr: string;
  nameEn: string;
  acronym: string;
  kind: OrganisationKind | null;
  email: string;
  phone: string;
  website: string;
  regionCode: string | null;
  notes: string;
}

const emptyDraft: Draft = { nameFr: '', nameAr: '', nameEn: '', acronym: '', kind: null, email: '', phone: '', website: '', regionCode: null, notes: '' };

function draftOf(organisation: Organisation | null): Draft {
  if (!organisation) return emptyDraft;
  return {
    nameFr: organisation.nameFr,
    nameAr: organisation.nameAr ?? '',
    nameEn: organisation.nameEn ?? '',
    acronym: organisation.acronym ?? '',
    kind: organisation.kind,
    email: organisation.email ?? '',
    phone: organisation.phone ?? '',
    website: organisation.website ?? '',
    regionCode: organisation.regionCode,
    notes: organisation.notes ?? '',
  };
}

function OrganisationModal({ organisation, onClose }: { organisation: Organisation | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState<Draft>(() => draftOf(organisation));
  const [issues, setIssues] = useState<Issue[]>([]);
  const save = useSaveOrganisation(organisation?.id);
  const set = <Key extends keyof Draft>(key: Key, value: Draft[Key]) => setValues((previous) => ({ ...previous, [key]: value }));
  const error = (field: string) => {
    const issue = issues.find((candidate) => candidate.path[0] === field);
    return issue ? translateIssue(t, issue) : undefined;
  };
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const parsed = organisationInputSchema.safeParse(values);
    if (!parsed.success) {
      setIssues(toIssues(parsed.error.issues).map((issue) => (issue.path[0] === 'kind' && !values.kind ? { ...issue, key: 'required' } : issue)));
      return;
    }
    setIssues([]);
    save.mutate(
      { input: parsed.data, ...(organisation ? { version: organisation.version } : {}) },
      {
        onSuccess: onClose,
        onError: (caught) => {
          if (isApiError(caught)) setIssues(caught.issues);
        },
      },
    );
  };
  const isStale = isApiError(save.error, 'conflict');
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {isStale ? (
          <Alert color="orange" variant="light" title={t('organisations.staleTitle')} role="alert">
            {t('organisations.stale')}
          </Alert>
        ) : save.error && issues.length === 0 ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(t, save.error)}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('fields.nameFr')} required lang="fr" dir="ltr" value={values.nameFr} onChange={(e) => set('nameFr', e.currentTarget.value)} error={error('nameFr')} data-autofocus />
          <TextInput label={t('fields.nameAr')} lang="ar" dir="rtl" value={values.nameAr} onChange={(e) => set('nameAr', e.currentTarget.value)} error={error('nameAr')} />
          <TextInput label={t('fields.nameEn')} lang="en" dir="ltr" value={values.nameEn} onChange={(e) => set('nameEn', e.currentTarget.value)} error={error('nameEn')} />
          <TextInput label={t('fields.acronym')} dir="auto" value={values.acronym} onChange={(e) => set('acronym', e.currentTarget.value)} error={error('acronym')} />
          <Select
            label={t('fields.kind')}
            required
            placeholder={t('form.choose')}
            data={organisationKinds.map((kind) => ({ value: kind, label: t(`organisations.kinds.${kind}`) }))}
            value={values.kind}
            onChange={(value) => set('kind', value as OrganisationKind | null)}
            error={error('kind')}
          />
          <Select
            label={t('fields.regionCode')}
            placeholder={t('form.choose')}
            data={regionOptions(i18n.language)}
            value={values.regionCode}
            onChange={(value) => set('regionCode', value)}
            clearable
            searchable
            error={error('regionCode')}
          />
          <TextInput label={t('fields.email')} type="email" dir="ltr" value={values.email} onChange={(e) => set('email', e.currentTarget.value)} error={error('email')} />
          <TextInput label={t('fields.phone')} dir="ltr" value={values.phone} onChange={(e) => set('phone', e.currentTarget.value)} error={error('phone')} />
          <TextInput label={t('fields.website')} dir="ltr" value={values.website} onChange={(e) => set('website', e.currentTarget.value)} error={error('website')} />
        </SimpleGrid>
        <Textarea label={t('fields.notes')} autosize minRows={2} value={values.notes} onChange={(e) => set('notes', e.currentTarget.value)} error={error('notes')} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('ui.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('ui.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export default function OrganisationListPage() {
  const { t, i18n } = useTranslation();
  const permissions = usePermissions();
  const locale = i18n.language;
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [kind, setKind] = useState<OrganisationKind | null>(null);
  const list = useOrganisations({ ...(debounced ? { q: debounced } : {}), ...(kind ? { kind } : {}) });
  const [editing, setEditing] = useState<Organisation | 'new' | null>(null);
  const canManage = permissions.canManageOrganisations;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Title order={1} size="h2">
          {t('organisations.title')}
        </Title>
        {canManage ? (
          <Button leftSection={<PlusIcon size={16} />} onClick={() => setEditing('new')}>
            {t('organisations.new')}
          </Button>
        ) : null}
      </Group>
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('organisations.search')} leftSection={<SearchIcon size={16} />} value={search} onChange={(e) => setSearch(e.currentTarget.value)} />
          <Select
            label={t('fields.kind')}
            placeholder={t('organisations.allKinds')}
            data={organisationKinds.map((value) => ({ value, label: t(`organisations.kinds.${value}`) }))}
            value={kind}
            onChange={(value) => setKind(value as OrganisationKind | null)}
            clearable
          />
        </SimpleGrid>
      </Paper>
      {list.isPending ? <LoadingState /> : null}
      {list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : null}
      {list.data ? (
        <Text fw={500} aria-live="polite">
          {t('organisations.count', { count: list.data.length })}
        </Text>
      ) : null}
      {list.data && list.data.length === 0 ? <NothingHere title={t('organisations.empty')} /> : null}
      <Stack gap="xs">
        {(list.data ?? []).map((organisation) => {
          const name = organisationName(organisation, locale);
          return (
            <Paper key={organisation.id} withBorder radius="sm" p="sm" data-testid="organisation-row">
              <Group justify="space-between" gap="sm" wrap="nowrap" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text fw={600}>
                    <bdi>{name}</bdi>
                    {organisation.acronym ? (
                      <Text span c="dimmed" fw={400}>
                        {' '}
                        (<bdi>{organisation.acronym}</bdi>)
                      </Text>
                    ) : null}
                  </Text>
                  <Group gap={6}>
                    <Badge variant="light" size="sm">
                      {t(`organisations.kinds.${organisation.kind}`)}
                    </Badge>
                    {organisation.regionCode ? (
                      <Text size="xs" c="dimmed">
                        {regionName(organisation.regionCode, locale)}
                      </Text>
                    ) : null}
                    <Text size="xs" c="dimmed">
                      {t('organisations.programmes', { count: organisation.programmeCount })}
                    </Text>
                  </Group>
                </Stack>
                {canManage ? (
                  <ActionIcon variant="subtle" size="lg" aria-label={t('organisations.edit', { name })} onClick={() => setEditing(organisation)}>
                    <EditIcon size={16} />
                  </ActionIcon>
                ) : null}
              </Group>
            </Paper>
          );
        })}
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('organisations.newTitle') : editing ? t('organisations.editTitle', { name: organisationName(editing, locale) }) : ''}
        size="lg"
        centered
      >
        {editing !== null ? <OrganisationModal organisation={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      </Modal>
    </Stack>
  );
}
