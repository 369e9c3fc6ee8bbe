import { getProvince, getRegion } from '../../territories/territories.js';
import { cooperativePersonalFields, type CooperativeInput } from '../cooperative.schema.js';
import type { ImportField } from './mapping.js';
import { legalFormLabel, sectorLabel, statusLabel } from './vocabulary.js';

/** A registry record as the export reads it. */
export type ExportRecord = CooperativeInput & { regionCode: string };

export type ExportValue =
  | { kind: 'text'; value: string | null }
  | { kind: 'number'; value: number | null }
  | { kind: 'date'; value: string | null }
  | { kind: 'list'; value: readonly string[] };

export interface ExportColumn {
  /** French header, which suggestMapping maps back to `field`. */
  header: string;
  /** The field the import reads this column into; null for a column it leaves aside. */
  field: ImportField | null;
  /** Personal data (law 09-08): left out of a funder's export. */
  isPersonal: boolean;
  read(record: ExportRecord): ExportValue;
}

const text = (value: string | null | undefined): ExportValue => ({ kind: 'text', value: value ?? null });
const personal = new Set<string>(cooperativePersonalFields);

function fieldColumn(header: string, field: keyof CooperativeInput & ImportField, kind: 'text' | 'number' | 'date'): ExportColumn {
  return {
    header,
    field,
    isPersonal: personal.has(field),
    read: (record) => ({ kind, value: record[field] }) as ExportValue,
  };
}

/**
 * The columns of an export, in the order a French reader expects. Sector,
 * region and province are written as French names (the Arabic names have
 * their own columns), which the import reads back to the same codes: an
 * exported file imported again changes nothing.
 */
export const exportColumns: readonly ExportColumn[] = [
  fieldColumn('N° d’immatriculation', 'registrationNumber', 'text'),
  fieldColumn('Nom (FR)', 'nameFr', 'text'),
  fieldColumn('Nom (AR)', 'nameAr', 'text'),
  { header: 'Forme juridique', field: 'legalForm', isPersonal: false, read: (record) => text(legalFormLabel(record.legalForm)) },
  fieldColumn('Date de création', 'creationDate', 'date'),
  { header: 'Secteur', field: 'sector', isPersonal: false, read: (record) => text(sectorLabel(record.sector)) },
  fieldColumn('Filière', 'valueChain', 'text'),
  { header: 'Région', field: 'regionCode', isPersonal: false, read: (record) => text(getRegion(record.regionCode)?.name.fr) },
  { header: 'Région (AR)', field: null, isPersonal: false, read: (record) => text(getRegion(record.regionCode)?.name.ar) },
  { header: 'Province', field: 'provinceCode', isPersonal: false, read: (record) => text(getProvince(record.provinceCode)?.name.fr) },
  { header: 'Province (AR)', field: null, isPersonal: false, read: (record) => text(getProvince(record.provinceCode)?.name.ar) },
  fieldColumn('Commune', 'commune', 'text'),
  fieldColumn('Adresse', 'address', 'text'),
  fieldColumn('Latitude', 'latitude', 'number'),
  fieldColumn('Longitude', 'longitude', 'number'),
  fieldColumn('Nombre d’adhérents', 'membersTotal', 'number'),
  fieldColumn('dont femmes', 'membersWomen', 'number'),
  fieldColumn('dont jeunes', 'membersYoung', 'number'),
  fieldColumn('Capital (DH)', 'capitalMad', 'number'),
  fieldColumn('Président(e)', 'presidentName', 'text'),
  fieldColumn('Téléphone du/de la président(e)', 'presidentPhone', 'text'),
  fieldColumn('Gestionnaire', 'managerName', 'text'),
  fieldColumn('Téléphone du/de la gestionnaire', 'managerPhone', 'text'),
  fieldColumn('E-mail', 'email', 'text'),
  fieldColumn('Téléphone', 'phone', 'text'),
  { header: 'Produits', field: 'products', isPersonal: false, read: (record) => ({ kind: 'list', value: record.products }) },
  fieldColumn('Chiffre d’affaires (DH)', 'turnoverMad', 'number'),
  fieldColumn('Année du chiffre d’affaires', 'turnoverYear', 'number'),
  { header: 'Statut', field: 'status', isPersonal: false, read: (record) => text(statusLabel(record.status)) },
];

/** The columns one reader may receive: a funder's export has no personal column at all. */
export function exportColumnsFor(includePersonal: boolean): readonly ExportColumn[] {
  return includePersonal ? exportColumns : exportColumns.filter((column) => !column.isPersonal);
}
