import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportColumn, ExportRecord, ExportValue } from '../../core/registry/import/export-columns.js';
import { escapeFormula, formatDate, formatNumber } from '../../core/registry/import/values.js';

/** Rows of an export, in batches, each record with whether its personal cells may be filled. */
export type ExportBatches = AsyncIterable<ReadonlyArray<{ record: ExportRecord; showPersonal: boolean }>>;

function cellValue(column: ExportColumn, record: ExportRecord, showPersonal: boolean): ExportValue | null {
  if (column.isPersonal && !showPersonal) return null;
  return column.read(record);
}

function csvText(value: ExportValue | null): string {
  if (!value) return '';
  switch (value.kind) {
    case 'number':
      return value.value === null ? '' : formatNumber(value.value);
    case 'date':
      return value.value === null ? '' : formatDate(value.value);
    case 'list':
      return escapeFormula(value.value.join(', '));
    case 'text':
      return value.value === null ? '' : escapeFormula(value.value);
  }
}

function csvField(text: string): string {
  return /[";\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * CSV as French Excel opens it with a double click: UTF-8 with a byte order
 * mark, ";" between cells, decimal commas, dd/mm/yyyy dates, CRLF line ends.
 */
export function writeCsv(columns: readonly ExportColumn[], batches: ExportBatches): Readable {
  async function* lines() {
    yield `\ufeff${columns.map((column) => csvField(column.header)).join(';')}\r\n`;
    for await (const batch of batches) {
      let chunk = '';
      for (const { record, showPersonal } of batch) {
        chunk += `${columns.map((column) => csvField(csvText(cellValue(column, record, showPersonal)))).join(';')}\r\n`;
      }
      yield chunk;
    }
  }
  return Readable.from(lines());
}

function xlsxValue(value: ExportValue | null): ExcelJS.CellValue {
  if (!value || value.value === null) return null;
  switch (value.kind) {
    case 'date': {
      const [year, month, day] = value.value.split('-').map(Number);
      return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1));
    }
    case 'list':
      return value.value.join(', ');
    default:
      return value.value;
  }
}

/** XLSX written row by row to the response: dates as date cells, numbers as numbers, phone numbers as text. */
export function writeXlsx(columns: readonly ExportColumn[], batches: ExportBatches): Readable {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Coopératives', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column, index) => ({
    key: String(index),
    header: column.header,
    width: Math.max(12, Math.min(40, column.header.length + 4)),
  }));
  columns.forEach((column, index) => {
    if (column.field === 'creationDate') sheet.getColumn(index + 1).numFmt = 'dd/mm/yyyy';
  });
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  (async () => {
    for await (const batch of batches) {
      for (const { record, showPersonal } of batch) {
        sheet.addRow(columns.map((column) => xlsxValue(cellValue(column, record, showPersonal)))).commit();
      }
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))));
  return output;
}
