/**
 * A spreadsheet as the import sees it, whatever the file format: a header row
 * and data rows, each with the line number a spreadsheet user sees (the
 * header row of a plain file is line 1).
 */

/** A cell as a reader gives it: XLSX keeps numbers, dates and booleans typed; CSV gives text. */
export type Cell = string | number | boolean | Date | null;

export interface TableRow {
  line: number;
  cells: Cell[];
}

export interface ImportTable {
  /** Column headers, made unique and never empty so that a mapping can name each one. */
  headers: string[];
  rows: TableRow[];
}

export function isBlankCell(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function isBlankRow(cells: readonly Cell[]): boolean {
  return cells.every((cell) => isBlankCell(cell));
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let letters = '';
  let rest = index + 1;
  while (rest > 0) {
    const remainder = (rest - 1) % 26;
    letters = String.fromCharCode(65 + remainder) + letters;
    rest = Math.floor((rest - 1) / 26);
  }
  return letters;
}

/** How far down a header row is looked for, past titles above the table. */
const headerSearchDepth = 10;

/**
 * The header is the first row with at least two values among the first
 * non-blank rows, so that a title above the table ("Liste des coopératives
 * — Tarfaya") is passed over; rows above it are left aside. Blank rows are
 * dropped but keep their place in the numbering, so that line numbers match
 * what the user sees. A header left empty takes its column letter; a
 * repeated one gets " (2)".
 */
export function tableFromRows(rows: Iterable<TableRow>): ImportTable {
  const filled: TableRow[] = [];
  for (const row of rows) {
    if (!isBlankRow(row.cells)) filled.push(row);
  }
  const candidates = filled.slice(0, headerSearchDepth);
  const headerIndex = Math.max(0, candidates.findIndex((row) => row.cells.filter((cell) => !isBlankCell(cell)).length >= 2));
  const header = filled[headerIndex];
  if (!header) return { headers: [], rows: [] };
  return { headers: uniqueHeaders(header.cells), rows: filled.slice(headerIndex + 1) };
}

function uniqueHeaders(cells: readonly Cell[]): string[] {
  let width = cells.length;
  while (width > 0 && isBlankCell(cells[width - 1])) width -= 1;
  const seen = new Map<string, number>();
  const headers: string[] = [];
  for (let index = 0; index < width; index += 1) {
    const cell = cells[index];
    const text = isBlankCell(cell) ? columnLetter(index) : String(cell instanceof Date ? cell.toISOString().slice(0, 10) : cell).trim().replace(/\s+/g, ' ');
    const count = (seen.get(text) ?? 0) + 1;
    seen.set(text, count);
    headers.push(count === 1 ? text : `${text} (${count})`);
  }
  return headers;
}
