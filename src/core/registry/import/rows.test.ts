import { describe, expect, it } from 'vitest';
import { convertRow, mapColumns } from './rows.js';
import type { Cell } from './table.js';
import { suggestMapping } from './mapping.js';

const headers = [
  'N° immatriculation',
  'Nom (FR)',
  'Nom (AR)',
  'Forme juridique',
  'Date de création',
  'Secteur',
  'Région',
  'Province',
  'Nombre d’adhérents',
  'dont femmes',
  'Capital (DH)',
  'Téléphone président',
  'Produits',
  'Statut',
];
const mapped = mapColumns(headers, suggestMapping(headers));

function row(values: Partial<Record<(typeof headers)[number], Cell>>, line = 2) {
  return { line, cells: headers.map((header) => values[header] ?? null) };
}

const good = {
  'N° immatriculation': 'RC-2024-17',
  'Nom (FR)': 'Coopérative Tifawin',
  'Nom (AR)': 'تعاونية تيفاوين',
  'Forme juridique': 'Coopérative',
  'Date de création': '05/03/2024',
  Secteur: 'Pêche',
  Région: 'Laâyoune-Sakia El Hamra',
  Province: 'Province de Tarfaya',
  'Nombre d’adhérents': '1 200',
  'dont femmes': '700',
  'Capital (DH)': '12 500,50',
  'Téléphone président': 612_345_678,
  Produits: 'Poulpe; sardine / algues',
  Statut: 'Active',
};

describe('convertRow', () => {
  it('reads a well-filled row into a cooperative', () => {
    const converted = convertRow(row(good), mapped);
    expect(converted.issues).toEqual([]);
    expect(converted.input).toMatchObject({
      registrationNumber: 'RC-2024-17',
      nameFr: 'Coopérative Tifawin',
      nameAr: 'تعاونية تيفاوين',
      legalForm: 'cooperative',
      creationDate: '2024-03-05',
      sector: 'fisheries',
      provinceCode: '11.537',
      membersTotal: 1200,
      membersWomen: 700,
      capitalMad: 12_500.5,
      presidentPhone: '0612345678',
      products: ['Poulpe', 'sardine', 'algues'],
      status: 'active',
    });
    expect(converted.provided.has('nameFr')).toBe(true);
    expect(converted.provided.has('membersYoung')).toBe(false);
  });

  it('reads an XLSX row with typed cells and Arabic names', () => {
    const converted = convertRow(row({ ...good, 'Date de création': new Date(Date.UTC(2019, 11, 31)), Province: 'العيون', Région: 'العيون - الساقية الحمراء', 'Nombre d’adhérents': 12, 'dont femmes': 7 }), mapped);
    expect(converted.issues).toEqual([]);
    expect(converted.input).toMatchObject({ creationDate: '2019-12-31', provinceCode: '11.321', membersTotal: 12 });
  });

  it('leaves defaults to the schema when a cell is empty', () => {
    const converted = convertRow(row({ ...good, 'Forme juridique': '', Statut: null, Produits: '' }), mapped);
    expect(converted.input).toMatchObject({ legalForm: 'cooperative', status: 'active', products: [] });
    expect(converted.provided.has('legalForm')).toBe(false);
  });

  it('names the line, the column and the reason of every bad cell', () => {
    const converted = convertRow(
      row(
        {
          ...good,
          'Nom (FR)': '',
          'Nom (AR)': '',
          'Date de création': '31/02/2024',
          Province: 'Atlantis',
          'dont femmes': 'beaucoup',
          Secteur: 'Astronautique',
          'Forme juridique': 'SARL',
          Statut: 'Peut-être',
          'Téléphone président': '123',
        },
        7,
      ),
      mapped,
    );
    expect(converted.input).toBeNull();
    const issues = converted.issues.map(({ line, column, key }) => ({ line, column, key }));
    expect(issues).toEqual(
      expect.arrayContaining([
        { line: 7, column: 'Date de création', key: 'not_a_date' },
        { line: 7, column: 'Province', key: 'province_unknown' },
        { line: 7, column: 'dont femmes', key: 'not_a_number' },
        { line: 7, column: 'Secteur', key: 'sector_unknown' },
        { line: 7, column: 'Forme juridique', key: 'legal_form_unknown' },
        { line: 7, column: 'Statut', key: 'status_unknown' },
        { line: 7, column: 'Téléphone président', key: 'phone_format' },
        { line: 7, column: 'Nom (FR)', key: 'name_required' },
      ]),
    );
    expect(issues).toHaveLength(8);
    expect(converted.issues.find((issue) => issue.key === 'province_unknown')?.params).toEqual({ value: 'Atlantis' });
  });

  it('applies the rules of the registry form: women within members, no future date', () => {
    const converted = convertRow(row({ ...good, 'Nombre d’adhérents': '10', 'dont femmes': '12', 'Date de création': '01/01/2999' }), mapped);
    expect(converted.issues.map(({ column, key }) => ({ column, key }))).toEqual([
      { column: 'Date de création', key: 'date_in_future' },
      { column: 'dont femmes', key: 'exceeds_members_total' },
    ]);
  });

  it('reports a text too long with its limit', () => {
    const converted = convertRow(row({ ...good, 'Nom (FR)': 'x'.repeat(201) }), mapped);
    expect(converted.issues).toEqual([{ line: 2, column: 'Nom (FR)', field: 'nameFr', key: 'too_big', params: { maximum: 200, origin: 'string' } }]);
  });

  it('requires the province and the sector', () => {
    const converted = convertRow(row({ ...good, Province: '', Secteur: ' ' }), mapped);
    expect(converted.issues.map(({ column, key }) => ({ column, key }))).toEqual([
      { column: 'Secteur', key: 'required' },
      { column: 'Province', key: 'required' },
    ]);
  });

  it('cross-checks the region with the province', () => {
    const converted = convertRow(row({ ...good, Région: 'Souss-Massa' }), mapped);
    expect(converted.issues).toEqual([
      {
        line: 2,
        column: 'Région',
        field: 'regionCode',
        key: 'region_mismatch',
        params: { value: 'Souss-Massa', province: 'Tarfaya', region: 'Souss-Massa' },
      },
    ]);
    expect(convertRow(row({ ...good, Région: 'Mars' }), mapped).issues[0]?.key).toBe('region_unknown');
  });

  it('points a missing name at the Arabic name column when only that one is mapped', () => {
    const arabicOnly = mapColumns(['الاسم', 'Province', 'Secteur'], { الاسم: 'nameAr', Province: 'provinceCode', Secteur: 'sector' });
    const converted = convertRow({ line: 3, cells: ['', 'Tiznit', 'Argan'] }, arabicOnly);
    expect(converted.issues).toEqual([{ line: 3, column: 'الاسم', field: 'nameFr', key: 'name_required' }]);
  });
});
