import Papa from 'papaparse';
import { decodeText, type TextEncoding } from './decode.js';
import { tableFromRows, type ImportTable, type TableRow } from './table.js';

export type CsvDelimiter = ',' | ';';

/**
 * The separator of a CSV file: the one that appears most often outside quotes
 * in its first non-blank line (the header). French Excel writes ";", most
 * other tools ",".
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ',': 0, ';': 0 };
  let isQuoted = false;
  let hasContent = false;
  for (const char of text) {
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (char === '\n' || char === '\r')) {
      if (hasContent) break;
    } else if (!isQuoted && (char === ',' || char === ';')) {
      counts[char] += 1;
      hasContent = true;
    } else if (char.trim() !== '') hasContent = true;
  }
  return counts[';'] > counts[','] ? ';' : ',';
}

export interface CsvFile {
  encoding: TextEncoding;
  delimiter: CsvDelimiter;
  table: ImportTable;
}

/**
 * Reads a CSV file. Each record is one spreadsheet row, a quoted cell may
 * hold a line break, and a blank record still counts in the numbering.
 */
export function readCsv(bytes: Uint8Array): CsvFile {
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false, header: false });
  const rows = parsed.data.map((cells, index): TableRow => ({ line: index + 1, cells }));
  return { encoding, delimiter, table: tableFromRows(rows) };
}
