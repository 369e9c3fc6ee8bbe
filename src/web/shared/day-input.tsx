import { DateInput, type DateInputProps } from '@mantine/dates';

/**
 * A calendar day typed or picked as dd/mm/yyyy (or ISO), the way users here
 * write dates; its value is YYYY-MM-DD. Mantine's default parser would read
 * "01/12/2026" as January 12th.
 */
export function parseTypedDate(value: string): string | null {
  const trimmed = value.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  const local = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const [year, month, day] = iso ? [iso[1], iso[2], iso[3]] : local ? [local[3], local[2], local[1]] : [];
  if (!year || !month || !day) return null;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (date.getUTCMonth() !== Number(month) - 1) return null;
  return date.toISOString().slice(0, 10);
}

export function DayInput(props: Omit<DateInputProps, 'valueFormat' | 'dateParser'>) {
  return <DateInput valueFormat="DD/MM/YYYY" dateParser={parseTypedDate} {...props} />;
}
