import type { TFunction } from 'i18next';
import { locales } from '../../core/access/roles.js';
import type { Formatters } from '../shared/use-format.js';
import { provinceName, regionName } from './territory-names.js';

const amountFields = new Set(['capitalMad', 'turnoverMad']);
const countFields = new Set(['membersTotal', 'membersWomen', 'membersYoung']);
const dateTimeFields = new Set(['archivedAt', 'createdAt', 'updatedAt']);

/** A stored value as a reader expects it: names of provinces, translated codes, dates and numbers in the locale. */
export function formatFieldValue(t: TFunction, format: Formatters, locale: string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.length === 0 ? '—' : format.list(value.map(String));
  if (typeof value === 'boolean') return value ? t('ui.yes') : t('ui.no');
  if (field === 'provinceCode') return provinceName(String(value), locale);
  if (field === 'regionCode') return regionName(String(value), locale);
  if (field === 'sector') return t(`sectors.${String(value)}`, { defaultValue: String(value) });
  if (field === 'legalForm') return t(`legalForms.${String(value)}`, { defaultValue: String(value) });
  if (field === 'status') return t(`statuses.${String(value)}`, { defaultValue: String(value) });
  if (field === 'role') return t(`memberRoles.${String(value)}`, { defaultValue: t(`roles.${String(value)}`, { defaultValue: String(value) }) });
  if (field === 'sex') return t(`sexes.${String(value)}`, { defaultValue: String(value) });
  if (field === 'ageGroup') return t(`ageGroups.${String(value)}`, { defaultValue: String(value) });
  if (field === 'locale' && (locales as readonly string[]).includes(String(value))) return t(`ui.languages.${String(value)}`);
  if (field === 'creationDate') return format.date(String(value));
  if (dateTimeFields.has(field)) return format.dateTime(String(value));
  if (typeof value === 'number') return amountFields.has(field) || countFields.has(field) ? format.amount(value) : String(value);
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
