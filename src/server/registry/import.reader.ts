import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { readCsv, type CsvDelimiter } from '../../core/registry/import/csv.js';
import { looksBinary, type TextEncoding } from '../../core/registry/import/decode.js';
import type { ImportFormat } from '../../core/registry/import/import.schema.js';
import { tableFromRows, type Cell, type ImportTable, type TableRow } from '../../core/registry/import/table.js';
import { validationFailed } from '../http/errors.js';

export interface ImportFile {
  format: ImportFormat;
  encoding: TextEncoding | null;
  delimiter: CsvDelimiter | null;
  table: ImportTable;
}

/** XLSX files are zip archives; nothing else the import accepts starts this way. */
function isZip(content: Uint8Array): boolean {
  return content[0] === 0x50 && content[1] === 0x4b && content[2] === 0x03 && content[3] === 0x04;
}

const unreadable = () => validationFailed([{ path: ['file'], key: 'file_unreadable' }]);

/**
 * Reads an uploaded file into a table, whatever its format: XLSX by its
 * content (a zip), CSV otherwise. A file that is neither, or holds no header
 * and no data row, is refused with a key the user can read.
 */
export async function readImportFile(content: Uint8Array): Promise<ImportFile> {
  let file: ImportFile;
  if (isZip(content)) file = { format: 'xlsx', encoding: null, delimiter: null, table: await readXlsx(content) };
  else if (looksBinary(content)) throw unreadable();
  else file = { format: 'csv', ...readCsv(content) };
  if (file.table.headers.length === 0 || file.table.rows.length === 0) throw validationFailed([{ path: ['file'], key: 'file_empty' }]);
  return file;
}

/** Reads the first worksheet that holds anything, streaming its rows rather than loading the whole workbook. */
async function readXlsx(content: Uint8Array): Promise<ImportTable> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(content.buffer, content.byteOffset, content.byteLength)), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of reader) {
      const rows: TableRow[] = [];
      for await (const row of worksheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        rows.push({ line: row.number, cells: Array.from(values, toCell) });
      }
      const table = tableFromRows(rows);
      if (table.headers.length > 0) return table;
    }
  } catch {
    throw unreadable();
  }
  return { headers: [], rows: [] };
}

/** An XLSX cell as a plain value: the result of a formula, the text of rich text or of a link. */
function toCell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    const object = value as { result?: unknown; richText?: Array<{ text: string }>; text?: unknown; error?: unknown };
    if ('result' in object) return toCell(object.result);
    if (Array.isArray(object.richText)) return object.richText.map((part) => part.text).join('');
    if ('text' in object) return toCell(object.text);
  }
  return null;
}
