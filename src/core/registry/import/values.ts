import type { Cell } from './table.js';

/**
 * Reading the values people type in French spreadsheets: "1 200,50",
 * "15/03/2024", a phone number that Excel turned into 612345678.
 */

/** What a cell says, as text: dates as dd/mm/yyyy, numbers without a thousands separator. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : formatDate(cell.toISOString().slice(0, 10));
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  return unescapeFormula(cell.trim());
}

/**
 * The export writes a quote before text that a spreadsheet would run as a
 * formula (see escapeFormula); reading the file back removes it.
 */
function unescapeFormula(text: string): string {
  return /^'[=+\-@]/.test(text) ? text.slice(1) : text;
}

/** Prefixes text that Excel would evaluate ("=HYPERLINK(…)") with a quote; phone numbers and signed numbers stay as they are. */
export function escapeFormula(text: string): string {
  if (/^[=@\t\r]/.test(text)) return `'${text}`;
  if (/^[+-]/.test(text) && !/^[+-][\d\s.,]*$/.test(text)) return `'${text}`;
  return text;
}

const spaces = /[\s\u00a0\u202f']/g;
const currency = /\s*(?:dh|dhs|mad|درهم)\.?$/i;

/**
 * A number in French or English notation: "1 200,50", "1200.5", "1.200.000",
 * "1,200.50", "12 000 DH". With both separators the last one is the decimal
 * mark; a single comma is a decimal comma, as in French; commas or dots
 * every three digits, more than once, are thousands.
 */
export function parseNumber(cell: Cell | undefined): number | undefined {
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : undefined;
  if (typeof cell !== 'string') return undefined;
  let text = cell.trim().replace(currency, '').replace(spaces, '');
  if (text === '') return undefined;
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    const decimal = lastComma > lastDot ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    text = text.split(thousands).join('').replace(decimal, '.');
  } else if (lastComma >= 0) {
    if (/^[+-]?\d{1,3}(,\d{3}){2,}$/.test(text)) text = text.replace(/,/g, '');
    else if (text.indexOf(',') === lastComma) text = text.replace(',', '.');
    else return undefined;
  } else if (/^[+-]?\d{1,3}(\.\d{3}){2,}$/.test(text)) {
    text = text.replace(/\./g, '');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return undefined;
  return Number(text);
}

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Excel counts days from 30 December 1899; beyond this range a number is not a date. */
const excelEpoch = Date.UTC(1899, 11, 30);
const plausibleSerials = { min: 3_000, max: 100_000 };

/**
 * A calendar date as yyyy-mm-dd from dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy,
 * dd.mm.yyyy, yyyy-mm-dd (with or without a time after it), an XLSX date
 * cell or an Excel day number. Days come first, as in Morocco and France.
 */
export function parseDate(cell: Cell | undefined): string | undefined {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return undefined;
    return isoDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate());
  }
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < plausibleSerials.min || cell > plausibleSerials.max) return undefined;
    return new Date(excelEpoch + cell * 86_400_000).toISOString().slice(0, 10);
  }
  if (typeof cell !== 'string') return undefined;
  const text = cell.trim();
  const dayFirst = /^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(text);
  if (dayFirst) return isoDate(Number(dayFirst[3]), Number(dayFirst[2]), Number(dayFirst[1]));
  const yearFirst = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (yearFirst) return isoDate(Number(yearFirst[1]), Number(yearFirst[2]), Number(yearFirst[3]));
  return undefined;
}

/** yyyy-mm-dd → dd/mm/yyyy, the way French Excel shows a date. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** A number with a decimal comma and no thousands separator: what French Excel reads back as a number. */
export function formatNumber(value: number): string {
  return String(value).replace('.', ',');
}

/** Products listed in one cell: "miel, amlou; huile d'argan / savon". */
export function splitProducts(cell: Cell | undefined): string[] {
  return cellText(cell)
    .split(/[,;/]/)
    .map((product) => product.trim().replace(/\s+/g, ' '))
    .filter((product) => product.length > 0);
}

/**
 * A phone number as text. Excel stores 0612345678 typed in a cell as the
 * number 612345678 and 212612345678 without its plus: both are put back.
 */
export function phoneText(cell: Cell | undefined): string {
  if (typeof cell === 'number' && Number.isInteger(cell)) {
    const digits = String(cell);
    if (/^[5-8]\d{8}$/.test(digits)) return `0${digits}`;
    if (/^212[5-8]\d{8}$/.test(digits)) return `+${digits}`;
    return digits;
  }
  return cellText(cell);
}
