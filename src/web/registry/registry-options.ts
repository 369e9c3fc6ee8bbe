import type { TFunction } from 'i18next';
import { cooperativeStatuses, legalForms, sectorCodes } from '../../core/registry/sectors.js';

/** Options of the registry's selects, translated and sorted for reading. */
export function sectorOptions(t: TFunction, locale: string) {
  const collator = new Intl.Collator(locale);
  return sectorCodes
    .map((code) => ({ value: code, label: t(`sectors.${code}`) }))
    .sort((a, b) => (a.value === 'other' ? 1 : b.value === 'other' ? -1 : collator.compare(a.label, b.label)));
}

export function legalFormOptions(t: TFunction) {
  return legalForms.map((form) => ({ value: form, label: t(`legalForms.${form}`) }));
}

export function statusOptions(t: TFunction) {
  return cooperativeStatuses.map((status) => ({ value: status, label: t(`statuses.${status}`) }));
}

export function statusFilterOptions(t: TFunction) {
  return [
    { value: '', label: t('registry.statusFilter.current') },
    ...statusOptions(t),
    { value: 'archived', label: t('registry.statusFilter.archived') },
    { value: 'all', label: t('registry.statusFilter.all') },
  ];
}

export function creationYearOptions() {
  const thisYear = new Date().getFullYear();
  return Array.from({ length: thisYear - 1960 + 1 }, (_, index) => String(thisYear - index));
}

export const statusColors: Record<string, string> = { active: 'teal', inactive: 'yellow', dissolved: 'gray' };
