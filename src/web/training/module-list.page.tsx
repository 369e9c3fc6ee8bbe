import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ModuleListItem } from '../../core/training/catalogue.schema.js';
import { moduleFormats } from '../../core/training/module.schema.js';
import { usePermissions } from '../access/use-permissions.js';
import { PlusIcon, SearchIcon } from '../shared/icons.js';
import { ErrorState, LoadingState, NothingHere } from '../shared/page-states.js';
import { useFormat } from '../shared/use-format.js';
import { domainLabel, frameworkDomains, localized, useModuleList } from './catalogue.api.js';

export function ModuleCard({ item }: { item: ModuleListItem }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  return (
    <Card withBorder padding="md" radius="md" component={Link} to={`/training/modules/${item.id}`} style={{ textDecoration: 'none' }}>
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
          <Text fw={600} lh={1.3}>
            {localized(item.title, i18n.language)}
          </Text>
          <Badge variant="light" color="gray" style={{ flexShrink: 0 }} dir="ltr">
            {item.code}
          </Badge>
        </Group>
        <Group gap={4}>
          {item.domainKeys.map((key) => (
            <Badge key={key} size="sm" variant="dot">
              {domainLabel(key, i18n.language)}
            </Badge>
          ))}
        </Group>
        <Text size="sm" c="dimmed">
          {t(`training.formats.${item.format}`)} · {t('training.hours', { value: format.number(item.durationHours) })}
        </Text>
        <Text size="sm" c="dimmed">
          {item.audience.map((audience) => t(`training.audiences.${audience}`)).join(', ')}
        </Text>
        {item.archivedAt && (
          <Badge color="orange" variant="light" size="sm">
            {t('training.archived')}
          </Badge>
        )}
      </Stack>
    </Card>
  );
}

/** /training/modules — the catalogue, grouped by domain, filterable by domain, format and text. */
export default function ModuleListPage() {
  const { t, i18n } = useTranslation();
  const permissions = usePermissions();
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q.trim(), 250);
  const [domain, setDomain] = useState<string | null>(null);
  const [formatFilter, setFormatFilter] = useState<string | null>(null);
  const [includeArchived, setIncludeArchived] = useState(false);
  const query = {
    ...(debouncedQ ? { q: debouncedQ } : {}),
    ...(domain ? { domain } : {}),
    ...(formatFilter ? { format: formatFilter as (typeof moduleFormats)[number] } : {}),
    ...(includeArchived ? { includeArchived: true } : {}),
  };
  const modules = useModuleList(query);

  const groups = useMemo(() => {
    const items = modules.data ?? [];
    const keys = domain ? [domain] : frameworkDomains.map((entry) => entry.key);
    return keys
      .map((key) => ({ key, items: items.filter((item) => (domain ? item.domainKeys.includes(key) : item.domainKeys[0] === key)) }))
      .concat(domain ? [] : [{ key: '', items: items.filter((item) => !keys.includes(item.domainKeys[0] ?? '')) }])
      .filter((group) => group.items.length > 0);
  }, [modules.data, domain]);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('training.catalogueTitle')}</Title>
          <Text c="dimmed">{t('training.catalogueIntro')}</Text>
        </div>
        {permissions.canManageCatalogue && (
          <Button component={Link} to="/training/modules/new" leftSection={<PlusIcon />}>
            {t('training.newModule')}
          </Button>
        )}
      </Group>
      <Group gap="sm" align="flex-end" grow preventGrowOverflow={false} wrap="wrap">
        <TextInput
          label={t('training.search')}
          leftSection={<SearchIcon />}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          style={{ minWidth: 200 }}
        />
        <Select
          label={t('training.domain')}
          placeholder={t('training.allDomains')}
          clearable
          data={frameworkDomains.map((entry) => ({ value: entry.key, label: localized(entry.label, i18n.language) }))}
          value={domain}
          onChange={setDomain}
          style={{ minWidth: 180 }}
        />
        <Select
          label={t('training.format')}
          placeholder={t('training.allFormats')}
          clearable
          data={moduleFormats.map((value) => ({ value, label: t(`training.formats.${value}`) }))}
          value={formatFilter}
          onChange={setFormatFilter}
          style={{ minWidth: 180 }}
        />
      </Group>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {modules.data ? t('training.count', { count: modules.data.length }) : ''}
        </Text>
        <Switch label={t('training.showArchived')} checked={includeArchived} onChange={(event) => setIncludeArchived(event.currentTarget.checked)} />
      </Group>
      {modules.isPending ? (
        <LoadingState />
      ) : modules.isError ? (
        <ErrorState error={modules.error} onRetry={() => void modules.refetch()} />
      ) : groups.length === 0 ? (
        <NothingHere title={t('training.noneTitle')} description={t('training.noneHint')} />
      ) : (
        groups.map((group) => (
          <Stack key={group.key} gap="xs" component="section">
            <Title order={2} size="h4">
              {group.key ? domainLabel(group.key, i18n.language) : t('training.domain')}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
              {group.items.map((item) => (
                <ModuleCard key={item.id} item={item} />
              ))}
            </SimpleGrid>
          </Stack>
        ))
      )}
    </Stack>
  );
}
