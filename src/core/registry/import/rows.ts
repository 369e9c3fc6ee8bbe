import { toIssues } from '../../shared/errors.js';
import { findProvince, findRegion, getProvince, provinces } from '../../territories/territories.js';
import { cooperativeInputSchema, type CooperativeInput } from '../cooperative.schema.js';
import { importFields, type ColumnMapping, type ImportField } from './mapping.js';
import { isBlankCell, type Cell, type TableRow } from './table.js';
import { cellText, parseDate, parseNumber, phoneText, splitProducts } from './values.js';
import { findLegalForm, findSector, findStatus } from './vocabulary.js';

export type CooperativeField = keyof CooperativeInput;

/** The cooperative's own fields: every import field except the region, which the province decides. */
export const cooperativeFields = importFields.filter((field): field is CooperativeField => field !== 'regionCode');

/** One reason a row cannot be imported: its line, the column as the file names it, a translation key. */
export interface RowIssue {
  line: number;
  column: string | null;
  field: ImportField | null;
  key: string;
  params?: Record<string, unknown>;
}

export interface MappedColumn {
  index: number;
  header: string;
  field: ImportField;
}

/** The columns a mapping uses, and the header of each field to name it in issues. */
export interface MappedColumns {
  columns: MappedColumn[];
  headerOf(field: ImportField): string | null;
}

export function mapColumns(headers: readonly string[], mapping: ColumnMapping): MappedColumns {
  const columns: MappedColumn[] = [];
  headers.forEach((header, index) => {
    const field = mapping[header];
    if (field) columns.push({ index, header, field });
  });
  const headerByField = new Map(columns.map((column) => [column.field, column.header]));
  return { columns, headerOf: (field) => headerByField.get(field) ?? null };
}

/** A row read into a cooperative, or the reasons it cannot be. */
export interface ConvertedRow {
  line: number;
  input: CooperativeInput | null;
  /** Fields whose cell holds a value: a merge copies only these onto the existing record. */
  provided: Set<CooperativeField>;
  issues: RowIssue[];
}

const integerFields = new Set<ImportField>(['membersTotal', 'membersWomen', 'membersYoung', 'turnoverYear']);
const decimalFields = new Set<ImportField>(['latitude', 'longitude']);
const amountFields = new Set<ImportField>(['capitalMad', 'turnoverMad']);
const phoneFields = new Set<ImportField>(['presidentPhone', 'managerPhone', 'phone']);

/** Valid values put in place of cells already reported, so that the schema's rules between fields still run (see convertRow). */
const standIns: Partial<Record<CooperativeField, unknown>> = {
  nameFr: 'x',
  sector: 'other',
  provinceCode: provinces[0]?.code,
  membersTotal: null,
  membersWomen: null,
  membersYoung: null,
};

/**
 * A spreadsheet repeats the same few province, sector and status names on
 * every row: each text is looked up once. The cache is bounded, so that a
 * file of unique garbage cannot grow it without end.
 */
function remembered<T>(lookUp: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    if (cache.has(text)) return cache.get(text) as T;
    const found = lookUp(text);
    if (cache.size < 5_000) cache.set(text, found);
    return found;
  };
}

const provinceCodeOf = remembered((text) => findProvince(text)?.code);
const regionOf = remembered(findRegion);
const sectorOf = remembered(findSector);
const legalFormOf = remembered(findLegalForm);
const statusOf = remembered(findStatus);

const shown = (cell: Cell | undefined) => cellText(cell).slice(0, 100);

/**
 * Reads one row with a mapping: each cell is parsed for its field (dates,
 * French numbers, province and sector names…), then the whole is checked by
 * the same schema as a cooperative typed in the form. Every issue names the
 * column the user knows.
 */
export function convertRow(row: TableRow, mapped: MappedColumns): ConvertedRow {
  const draft: Record<string, unknown> = {};
  const provided = new Set<CooperativeField>();
  const issues: RowIssue[] = [];
  const failed = new Set<ImportField>();
  let regionCell: { column: MappedColumn; cell: Cell } | undefined;

  const fail = (column: MappedColumn, key: string, params?: Record<string, unknown>) => {
    failed.add(column.field);
    issues.push({ line: row.line, column: column.header, field: column.field, key, ...(params ? { params } : {}) });
  };

  for (const column of mapped.columns) {
    const cell = row.cells[column.index] ?? null;
    const field = column.field;
    if (isBlankCell(cell)) {
      if (field === 'provinceCode' || field === 'sector') fail(column, 'required');
      continue;
    }
    if (field === 'regionCode') {
      regionCell = { column, cell };
      continue;
    }
    const value = parseCell(field, cell);
    if (value instanceof CellProblem) {
      fail(column, value.key, { value: shown(cell) });
      continue;
    }
    draft[field] = value;
    provided.add(field);
  }

  if (regionCell && typeof draft.provinceCode === 'string') {
    const region = regionOf(cellText(regionCell.cell));
    const province = getProvince(draft.provinceCode);
    if (!region) fail(regionCell.column, 'region_unknown', { value: shown(regionCell.cell) });
    else if (province && province.regionCode !== region.code) {
      fail(regionCell.column, 'region_mismatch', { value: shown(regionCell.cell), province: province.name.fr, region: region.name.fr });
    }
  }

  if (!draft.nameFr && !draft.nameAr && !failed.has('nameFr') && !failed.has('nameAr')) {
    failed.add('nameFr');
    issues.push(issueAt(row.line, 'nameFr', 'name_required', undefined, mapped));
  }
  // The schema checks the rules between fields only once every field is valid:
  // a stand-in for each cell already reported lets those rules run too.
  for (const field of failed) {
    if (field !== 'regionCode') draft[field] = standIns[field];
  }

  const result = cooperativeInputSchema.safeParse(draft);
  if (!result.success) {
    for (const issue of toIssues(result.error.issues)) {
      const field = issue.path[0];
      if (typeof field !== 'string' || failed.has(field as ImportField)) continue;
      issues.push(issueAt(row.line, field as CooperativeField, issue.key, issue.params, mapped));
    }
  }
  if (issues.length > 0 || !result.success) return { line: row.line, input: null, provided, issues };
  return { line: row.line, input: result.data, provided, issues };
}

/** A schema issue placed on the column of its field; a missing name points at whichever name column there is. */
export function issueAt(line: number, field: CooperativeField, key: string, params: Record<string, unknown> | undefined, mapped: MappedColumns): RowIssue {
  const column = mapped.headerOf(field) ?? (field === 'nameFr' ? mapped.headerOf('nameAr') : null);
  return { line, column, field, key, ...(params ? { params } : {}) };
}

/** Why a cell could not be read: one shared instance per reason, so that reading allocates nothing per cell. */
class CellProblem {
  constructor(readonly key: string) {}
}
const problems = {
  notANumber: new CellProblem('not_a_number'),
  notADate: new CellProblem('not_a_date'),
  provinceUnknown: new CellProblem('province_unknown'),
  sectorUnknown: new CellProblem('sector_unknown'),
  legalFormUnknown: new CellProblem('legal_form_unknown'),
  statusUnknown: new CellProblem('status_unknown'),
};

function parseCell(field: Exclude<ImportField, 'regionCode'>, cell: Cell): unknown {
  if (integerFields.has(field) || decimalFields.has(field) || amountFields.has(field)) {
    const number = parseNumber(cell);
    if (number === undefined) return problems.notANumber;
    return amountFields.has(field) ? Math.round(number * 100) / 100 : number;
  }
  if (phoneFields.has(field)) return phoneText(cell);
  switch (field) {
    case 'creationDate':
      return parseDate(cell) ?? problems.notADate;
    case 'provinceCode':
      return provinceCodeOf(cellText(cell)) ?? problems.provinceUnknown;
    case 'sector':
      return sectorOf(cellText(cell)) ?? problems.sectorUnknown;
    case 'legalForm':
      return legalFormOf(cellText(cell)) ?? problems.legalFormUnknown;
    case 'status':
      return statusOf(cellText(cell)) ?? problems.statusUnknown;
    case 'products':
      return splitProducts(cell);
    default:
      return cellText(cell);
  }
}
