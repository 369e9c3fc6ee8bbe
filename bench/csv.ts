import { legalFormLabel, sectorLabel, statusLabel } from '../src/core/registry/import/vocabulary.js';
import { formatDate, formatNumber } from '../src/core/registry/import/values.js';
import { getProvince, getRegion } from '../src/core/territories/territories.js';
import type { GeneratedCooperative } from './generate.js';

/**
 * The generated registry in two shapes: the spreadsheet an operator would
 * upload (French headers, ";" as French Excel writes it, dd/mm/yyyy dates,
 * labels rather than codes), and the rows exactly as the table stores them,
 * for PostgreSQL's COPY.
 */

type Value = string | number | null | undefined;

const importColumns: ReadonlyArray<readonly [header: string, value: (row: GeneratedCooperative) => Value]> = [
  ['N° d’immatriculation', (row) => row.input.registrationNumber],
  ['Nom (FR)', (row) => row.input.nameFr],
  ['Nom (AR)', (row) => row.input.nameAr],
  ['Forme juridique', (row) => legalFormLabel(row.input.legalForm)],
  ['Date de création', (row) => (row.input.creationDate ? formatDate(row.input.creationDate) : null)],
  ['Secteur', (row) => sectorLabel(row.input.sector)],
  ['Filière', (row) => row.input.valueChain],
  ['Région', (row) => getRegion(row.derived.regionCode)?.name.fr],
  ['Province', (row) => getProvince(row.input.provinceCode)?.name.fr],
  ['Commune', (row) => row.input.commune],
  ['Adresse', (row) => row.input.address],
  ['Latitude', (row) => (row.input.latitude === null ? null : formatNumber(row.input.latitude))],
  ['Longitude', (row) => (row.input.longitude === null ? null : formatNumber(row.input.longitude))],
  ['Membres', (row) => row.input.membersTotal],
  ['dont femmes', (row) => row.input.membersWomen],
  ['dont jeunes', (row) => row.input.membersYoung],
  ['Capital (DH)', (row) => (row.input.capitalMad === null ? null : formatNumber(row.input.capitalMad))],
  ['Président(e)', (row) => row.input.presidentName],
  ['Téléphone du/de la président(e)', (row) => row.input.presidentPhone],
  ['E-mail', (row) => row.input.email],
  ['Téléphone', (row) => row.input.phone],
  ['Produits', (row) => row.input.products.join(', ')],
  ['Chiffre d’affaires (DH)', (row) => (row.input.turnoverMad === null ? null : formatNumber(row.input.turnoverMad))],
  ['Année du CA', (row) => row.input.turnoverYear],
  ['Statut', (row) => statusLabel(row.input.status)],
];

export const importHeaders = importColumns.map(([header]) => header);

function csvCell(value: Value, delimiter: string): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  if (text.includes(delimiter) || text.includes('"') || text.includes('\n') || text.includes('\r')) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

/** The file to upload: UTF-8 with a byte order mark (Excel's "CSV UTF-8"), ";" between cells, CRLF lines. */
export function toImportCsv(rows: readonly GeneratedCooperative[]): Buffer {
  const lines = [importHeaders.map((header) => csvCell(header, ';')).join(';')];
  for (const row of rows) lines.push(importColumns.map(([, value]) => csvCell(value(row), ';')).join(';'));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

// ---- COPY ------------------------------------------------------------------

const copyColumns: ReadonlyArray<readonly [column: string, value: (row: GeneratedCooperative) => Value]> = [
  ['registration_number', (row) => row.input.registrationNumber],
  ['name_fr', (row) => row.input.nameFr],
  ['name_ar', (row) => row.input.nameAr],
  ['search_text', (row) => row.derived.searchText],
  ['name_key', (row) => row.derived.nameKey],
  ['legal_form', (row) => row.input.legalForm],
  ['creation_date', (row) => row.input.creationDate],
  ['sector', (row) => row.input.sector],
  ['value_chain', (row) => row.input.valueChain],
  ['region_code', (row) => row.derived.regionCode],
  ['province_code', (row) => row.input.provinceCode],
  ['commune', (row) => row.input.commune],
  ['address', (row) => row.input.address],
  ['latitude', (row) => row.input.latitude],
  ['longitude', (row) => row.input.longitude],
  ['members_total', (row) => row.input.membersTotal],
  ['members_women', (row) => row.input.membersWomen],
  ['members_young', (row) => row.input.membersYoung],
  ['capital_mad', (row) => row.input.capitalMad],
  ['president_name', (row) => row.input.presidentName],
  ['president_phone', (row) => row.input.presidentPhone],
  ['manager_name', (row) => row.input.managerName],
  ['manager_phone', (row) => row.input.managerPhone],
  ['email', (row) => row.input.email],
  ['phone', (row) => row.input.phone],
  ['products', (row) => `{${row.input.products.map((product) => `"${product.replace(/["\\]/g, '\\$&')}"`).join(',')}}`],
  ['turnover_mad', (row) => row.input.turnoverMad],
  ['turnover_year', (row) => row.input.turnoverYear],
  ['status', (row) => row.input.status],
];

/** `COPY cooperatives (…) FROM <source> WITH (FORMAT csv)`: an empty unquoted cell is NULL. */
export function copyStatement(source: string): string {
  return `copy cooperatives (${copyColumns.map(([column]) => column).join(', ')}) from ${source} with (format csv)`;
}

/** The rows as the table stores them, derived columns included, in COPY's CSV format (chunks of lines). */
export function toCopyCsv(rows: readonly GeneratedCooperative[], rowsPerChunk = 5_000): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < rows.length; start += rowsPerChunk) {
    let chunk = '';
    for (const row of rows.slice(start, start + rowsPerChunk)) {
      chunk += `${copyColumns
        .map(([, value]) => {
          const cell = value(row);
          // An empty string must stay an empty string, not NULL: quote it.
          return cell === '' ? '""' : csvCell(cell, ',');
        })
        .join(',')}\n`;
    }
    chunks.push(chunk);
  }
  return chunks;
}
