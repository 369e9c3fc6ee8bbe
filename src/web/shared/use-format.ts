import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from './i18n.js';

export interface Formatters {
  number: (value: number | null | undefined) => string;
  /** An amount in dirhams, without decimals. */
  amount: (value: number | null | undefined) => string;
  /** A calendar date (YYYY-MM-DD), shown without any time-zone shift. */
  date: (value: string | null | undefined) => string;
  dateTime: (value: string | null | undefined) => string;
  list: (values: string[]) => string;
}

const empty = '—';

export function makeFormatters(locale: string): Formatters {
  const tag = intlLocale(locale);
  const numberFormat = new Intl.NumberFormat(tag);
  const amountFormat = new Intl.NumberFormat(tag, { maximumFractionDigits: 0 });
  const dateFormat = new Intl.DateTimeFormat(tag, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const listFormat = new Intl.ListFormat(tag, { type: 'conjunction', style: 'short' });
  return {
    number: (value) => (value === null || value === undefined ? empty : numberFormat.format(value)),
    amount: (value) => (value === null || value === undefined ? empty : amountFormat.format(value)),
    date: (value) => {
      if (!value) return empty;
      const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
      return Number.isNaN(date.getTime()) ? value : dateFormat.format(date);
    },
    dateTime: (value) => {
      if (!value) return empty;
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : dateTimeFormat.format(date);
    },
    list: (values) => listFormat.format(values),
  };
}

/** Numbers and dates in the current language, with Latin digits. */
export function useFormat(): Formatters {
  const { i18n } = useTranslation();
  return useMemo(() => makeFormatters(i18n.language), [i18n.language]);
}
