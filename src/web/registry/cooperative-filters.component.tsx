import { Button, Collapse, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getProvince } from '../../core/territories/territories.js';
import { SearchIcon } from '../shared/icons.js';
import type { CooperativeListQuery } from './cooperative.api.js';
import { creationYearOptions, sectorOptions, statusFilterOptions } from './registry-options.js';
import { provinceOptions, regionOptions } from './territory-names.js';
import type { useRegistryQuery } from './use-registry-query.js';

interface Props {
  query: CooperativeListQuery;
  update: ReturnType<typeof useRegistryQuery>['update'];
  hasFilters: boolean;
}

function SearchBox({ value, onSearch }: { value: string; onSearch: (value: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState(value);
  const [debounced] = useDebouncedValue(text, 300);
  // The latest URL value and callback, read when the typing settles rather than re-running the search on them.
  const latest = useRef({ value, onSearch });
  latest.current = { value, onSearch };

  // Back and forward in the history change the URL: the box follows.
  useEffect(() => setText(value), [value]);
  useEffect(() => {
    if (debounced.trim() !== latest.current.value.trim()) latest.current.onSearch(debounced.trim());
  }, [debounced]);

  return (
    <TextInput
      type="search"
      label={t('registry.search')}
      placeholder={t('registry.searchPlaceholder')}
      leftSection={<SearchIcon size={16} />}
      value={text}
      onChange={(event) => setText(event.currentTarget.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') onSearch(text.trim());
      }}
      dir="auto"
    />
  );
}

export function CooperativeFilters({ query, update, hasFilters }: Props) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const isWide = useMediaQuery('(min-width: 48em)', true);
  const [opened, { toggle }] = useDisclosure(false);
  const activeFilterCount = [query.regionCode, query.provinceCode, query.sector, query.creationYear, query.status].filter(Boolean).length;

  return (
    <Stack gap="sm">
      <Group align="flex-end" gap="sm" wrap="nowrap">
        <div style={{ flex: 1, minWidth: 0 }}>
          <SearchBox value={query.q ?? ''} onSearch={(q) => update({ q }, { replace: true })} />
        </div>
        {!isWide ? (
          <Button variant="default" onClick={toggle} aria-expanded={opened}>
            {t('registry.filters', { count: activeFilterCount })}
          </Button>
        ) : null}
      </Group>
      <Collapse expanded={isWide || opened}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 5 }} spacing="sm">
          <Select
            label={t('fields.regionCode')}
            placeholder={t('registry.allRegions')}
            data={regionOptions(locale)}
            value={query.regionCode ?? null}
            onChange={(regionCode) => {
              const province = query.provinceCode ? getProvince(query.provinceCode) : undefined;
              update({ regionCode, provinceCode: province && province.regionCode === regionCode ? query.provinceCode : null });
            }}
            searchable
            clearable
            nothingFoundMessage={t('ui.nothingFound')}
          />
          <Select
            label={t('fields.provinceCode')}
            placeholder={t('registry.allProvinces')}
            data={provinceOptions(locale, query.regionCode)}
            value={query.provinceCode ?? null}
            onChange={(provinceCode) => update({ provinceCode })}
            searchable
            clearable
            nothingFoundMessage={t('ui.nothingFound')}
          />
          <Select
            label={t('fields.sector')}
            placeholder={t('registry.allSectors')}
            data={sectorOptions(t, locale)}
            value={query.sector ?? null}
            onChange={(sector) => update({ sector })}
            clearable
          />
          <Select
            label={t('registry.creationYear')}
            placeholder={t('registry.anyYear')}
            data={creationYearOptions()}
            value={query.creationYear ? String(query.creationYear) : null}
            onChange={(creationYear) => update({ creationYear })}
            searchable
            clearable
            nothingFoundMessage={t('ui.nothingFound')}
          />
          <Select
            label={t('fields.status')}
            data={statusFilterOptions(t)}
            value={query.status ?? ''}
            onChange={(status) => update({ status })}
            allowDeselect={false}
          />
        </SimpleGrid>
        {hasFilters ? (
          <Group justify="flex-end" mt="xs">
            <Button
              variant="subtle"
              size="xs"
              onClick={() => update({ q: null, regionCode: null, provinceCode: null, sector: null, creationYear: null, status: null })}
            >
              {t('registry.clearFilters')}
            </Button>
          </Group>
        ) : null}
      </Collapse>
    </Stack>
  );
}
