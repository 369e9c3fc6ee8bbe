import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { displayName } from '../../core/registry/cooperative.rules.js';
import type { CooperativeListPage } from '../registry/cooperative.api.js';
import { provinceName } from '../registry/territory-names.js';
import { api } from '../shared/api-client.js';

interface Props {
  value: string | null;
  onChange: (cooperativeId: string | null) => void;
  error?: string | undefined;
}

/** Finds a cooperative by name or number with the registry's own search, 20 at a time. */
export function CooperativePicker({ value, onChange, error }: Props) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const results = useQuery({
    queryKey: ['cooperatives', 'picker', debounced],
    queryFn: () => api.get<CooperativeListPage>('/api/cooperatives', { q: debounced, pageSize: 20, sort: 'name' }),
  });
  const options = (results.data?.items ?? []).map((item) => ({
    value: item.id,
    label: `${displayName(item, i18n.language)} — ${provinceName(item.provinceCode, i18n.language)}`,
  }));
  if (chosen && !options.some((option) => option.value === chosen.value)) options.unshift(chosen);
  return (
    <Select
      label={t('fields.cooperativeId')}
      placeholder={t('users.cooperativeSearch')}
      searchable
      required
      data={options}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) => {
        setChosen(option ? { value: option.value, label: option.label } : null);
        onChange(id);
      }}
      filter={({ options: all }) => all}
      nothingFoundMessage={results.isFetching ? t('ui.loading') : t('ui.nothingFound')}
      error={error}
    />
  );
}
