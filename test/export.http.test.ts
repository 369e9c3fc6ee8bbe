import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { exportColumns } from '../src/core/registry/import/export-columns.js';
import { readCsv } from '../src/core/registry/import/csv.js';
import type { App } from '../src/server/http/types.js';
import { describeEachDatabase } from './support/database.js';
import { createTestCooperative, createTestUser, uniqueSuffix } from './support/factories.js';
import { anonymous, buildTestApp, signIn, type Agent } from './support/http.js';
import { registryFootprint, uploadFile, waitForImport } from './fixtures/import-helpers.js';

async function readXlsx(content: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describeEachDatabase('export of the registry', (database) => {
  let app: App;
  let manager: Agent;
  let funder: Agent;
  let representative: Agent;
  let nobody: Agent;
  let representedId: string;
  const province = '11.121';

  beforeAll(async () => {
    app = await buildTestApp(database());
    const db = database().db;
    const represented = await createTestCooperative(db, {
      provinceCode: province,
      nameFr: 'Coopérative Boujdour Mer',
      nameAr: 'تعاونية بوجدور البحر',
      presidentName: 'Khadija Ait Ali',
      presidentPhone: '0661112233',
      phone: '0528998877',
      email: 'contact@boujdour-mer.ma',
      capitalMad: 15_000.5,
      latitude: 26.1258,
      longitude: -14.4847,
      products: ['Poulpe', 'Sardine'],
      valueChain: 'Poulpe',
      creationDate: '2023-01-09',
      membersTotal: 21,
      membersWomen: 9,
      membersYoung: 4,
      turnoverMad: 230_000,
      turnoverYear: 2024,
      status: 'active',
    });
    representedId = represented.id;
    await createTestCooperative(db, { provinceCode: province, sector: 'handicrafts', legalForm: 'union', presidentPhone: '0662223344', status: 'inactive' });
    await createTestCooperative(db, { provinceCode: province, nameFr: '=HYPERLINK("http://x.test","Coopérative")', sector: 'aromatic_medicinal_plants', presidentPhone: '0663334455' });
    await createTestCooperative(db, { provinceCode: '09.581', sector: 'argan' });
    const users = await Promise.all([
      createTestUser(db, [{ role: 'programme_manager' }]),
      createTestUser(db, [{ role: 'funder' }]),
      createTestUser(db, [{ role: 'cooperative_representative', cooperativeId: representedId }]),
      createTestUser(db, []),
    ]);
    const agents = await Promise.all(users.map((user) => signIn(app, user.email, user.password)));
    [manager, funder, representative, nobody] = agents as [Agent, Agent, Agent, Agent];
  });

  afterAll(async () => {
    await app.close();
  });

  it('writes a CSV French Excel opens: BOM, ";", French headers and labels, dd/mm/yyyy, decimal commas', async () => {
    const response = await manager.request({ method: 'GET', url: `/api/cooperatives/export?format=csv&provinceCode=${province}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="cooperatives-\d{4}-\d{2}-\d{2}\.csv"$/);
    const bytes = response.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = response.body.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe(exportColumns.map((column) => column.header).join(';'));
    expect(lines.filter((line) => line !== '')).toHaveLength(4);
    const file = readCsv(bytes);
    expect(file).toMatchObject({ encoding: 'utf-8', delimiter: ';' });
    const row = file.table.rows.find((candidate) => candidate.cells[1] === 'Coopérative Boujdour Mer')!;
    const cell = (header: string) => row.cells[file.table.headers.indexOf(header)];
    expect(cell('Nom (AR)')).toBe('تعاونية بوجدور البحر');
    expect(cell('Date de création')).toBe('09/01/2023');
    expect(cell('Secteur')).toBe('Pêche');
    expect(cell('Région')).toBe('Laâyoune-Sakia El Hamra');
    expect(cell('Province')).toBe('Boujdour');
    expect(cell('Province (AR)')).toBe('بوجدور');
    expect(cell('Capital (DH)')).toBe('15000,5');
    expect(cell('Latitude')).toBe('26,1258');
    expect(cell('Longitude')).toBe('-14,4847');
    expect(cell('Téléphone du/de la président(e)')).toBe('0661112233');
    expect(cell('Produits')).toBe('Poulpe, Sardine');
    expect(cell('Forme juridique')).toBe('Coopérative');
    expect(cell('Statut')).toBe('Active');
    expect(file.table.rows.some((candidate) => candidate.cells[3] === 'Union' && candidate.cells.includes('Inactive'))).toBe(true);
    // A name a spreadsheet would run as a formula is quoted, and the import takes the quote off again.
    expect(response.body).toContain(`"'=HYPERLINK(""http://x.test"",""Coopérative"")"`);
  });

  it('writes an XLSX workbook with date cells and numbers', async () => {
    const response = await manager.request({ method: 'GET', url: `/api/cooperatives/export?format=xlsx&provinceCode=${province}&sector=fisheries` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(response.headers['content-disposition']).toMatch(/filename="cooperatives-[\d-]+\.xlsx"/);
    const rows = await readXlsx(response.rawPayload);
    expect(rows[0]).toEqual(exportColumns.map((column) => column.header));
    expect(rows).toHaveLength(2);
    const headers = rows[0] as string[];
    const row = rows[1]!;
    expect(row[headers.indexOf('Date de création')]).toEqual(new Date(Date.UTC(2023, 0, 9)));
    expect(row[headers.indexOf('Capital (DH)')]).toBe(15_000.5);
    expect(row[headers.indexOf('Nombre d’adhérents')]).toBe(21);
    expect(row[headers.indexOf('Téléphone')]).toBe('0528998877');
  });

  it('leaves every personal column out of a funder’s export', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const response = await funder.request({ method: 'GET', url: `/api/cooperatives/export?format=${format}&provinceCode=${province}` });
      expect(response.statusCode).toBe(200);
      const rows = format === 'csv' ? [readCsv(response.rawPayload).table.headers, ...readCsv(response.rawPayload).table.rows.map((row) => row.cells)] : await readXlsx(response.rawPayload);
      const text = JSON.stringify(rows);
      for (const secret of ['0661112233', '0528998877', '0662223344', 'Khadija', 'contact@boujdour-mer.ma', 'Téléphone', 'Président', 'E-mail']) {
        expect(text, `${format}: ${secret}`).not.toContain(secret);
      }
      expect(text).toContain('Coopérative Boujdour Mer');
      expect(rows).toHaveLength(4);
    }
  });

  it('gives a representative their own cooperatives only, with their contacts', async () => {
    const response = await representative.request({ method: 'GET', url: '/api/cooperatives/export?format=csv' });
    expect(response.statusCode).toBe(200);
    const { table } = readCsv(response.rawPayload);
    expect(table.rows).toHaveLength(1);
    expect(table.rows[0]!.cells[1]).toBe('Coopérative Boujdour Mer');
    expect(table.rows[0]!.cells).toContain('0661112233');
  });

  it('refuses anyone without access to the registry', async () => {
    expect((await anonymous(app).request({ method: 'GET', url: '/api/cooperatives/export' })).statusCode).toBe(401);
    expect((await nobody.request({ method: 'GET', url: '/api/cooperatives/export' })).statusCode).toBe(403);
    expect((await manager.request({ method: 'GET', url: '/api/cooperatives/export?format=pdf' })).statusCode).toBe(422);
  });

  it('reads back its own export without changing anything, in both formats', async () => {
    for (const format of ['csv', 'xlsx'] as const) {
      const before = await registryFootprint(database().db);
      const exported = await manager.request({ method: 'GET', url: `/api/cooperatives/export?format=${format}` });
      const upload = (await uploadFile(manager, `export.${format}`, exported.rawPayload)).json();
      expect(Object.entries(upload.suggestedMapping).filter(([, field]) => field !== null)).toHaveLength(exportColumns.filter((column) => column.field).length);
      const preview = (await manager.request({ method: 'POST', url: `/api/imports/${upload.id}/preview`, payload: { mapping: upload.suggestedMapping } })).json();
      expect(preview, format).toMatchObject({ invalidCount: 0, errors: [], duplicateCount: upload.rowCount });
      const commit = await manager.request({ method: 'POST', url: `/api/imports/${upload.id}/commit`, payload: { mapping: upload.suggestedMapping, mode: 'all_or_nothing', duplicateAction: 'merge' } });
      expect(commit.statusCode).toBe(202);
      const state = await waitForImport(manager, upload.id);
      expect(state.summary, format).toEqual({ created: 0, merged: 0, unchanged: upload.rowCount, skipped: 0, invalid: 0 });
      expect(await registryFootprint(database().db)).toEqual(before);
    }
  });

  it('exports thousands of records in batches', async () => {
    const db = database().db;
    const suffix = uniqueSuffix();
    const lines = ['Nom;Province;Secteur'];
    for (let index = 0; index < 4_100; index += 1) lines.push(`Coopérative Export ${suffix} ${index};Tata;Argan`);
    const upload = (await uploadFile(manager, 'many.csv', Buffer.from(lines.join('\n')))).json();
    await manager.request({ method: 'POST', url: `/api/imports/${upload.id}/commit`, payload: { mapping: upload.suggestedMapping, mode: 'all_or_nothing', duplicateAction: 'skip' } });
    expect((await waitForImport(manager, upload.id)).summary.created).toBe(4_100);
    const response = await manager.request({ method: 'GET', url: `/api/cooperatives/export?provinceCode=09.551&q=${suffix}` });
    const { table } = readCsv(response.rawPayload);
    expect(table.rows).toHaveLength(4_100);
    expect(new Set(table.rows.map((row) => row.cells[1])).size).toBe(4_100);
    expect(await db.selectFrom('cooperatives').select((eb) => eb.fn.countAll<number>().as('n')).where('provinceCode', '=', '09.551').executeTakeFirstOrThrow()).toEqual({ n: 4_100 });
  });
});
