import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../src/server/http/types.js';
import { runImport } from '../src/server/registry/import.service.js';
import { toPrincipal } from '../src/server/access/session.service.js';
import { findUserById } from '../src/server/access/user.repository.js';
import { describeEachDatabase } from './support/database.js';
import { createTestCooperative, createTestUser, uniqueSuffix } from './support/factories.js';
import { anonymous, buildTestApp, signIn, type Agent } from './support/http.js';
import { multipartFile, readFixture, registryFootprint, uploadFile, waitForImport } from './fixtures/import-helpers.js';

const messyFile = () => readFixture('messy-windows-1252.csv');

describeEachDatabase('import of a messy Windows-1252 CSV', (database) => {
  let app: App;
  let manager: Agent;
  let existingId: string;

  beforeAll(async () => {
    app = await buildTestApp(database());
    const db = database().db;
    const user = await createTestUser(db, [{ role: 'programme_manager' }]);
    manager = await signIn(app, user.email, user.password);
    const existing = await createTestCooperative(db, {
      registrationNumber: 'RC-EXIST-1',
      nameFr: 'Coopérative Al Baraka',
      provinceCode: '11.537',
      sector: 'fisheries',
      membersTotal: 12,
      membersWomen: 5,
    });
    existingId = existing.id;
  });

  afterAll(async () => {
    await app.close();
  });

  async function commit(importId: string, body: Record<string, unknown>) {
    const response = await manager.request({ method: 'POST', url: `/api/imports/${importId}/commit`, payload: body });
    expect(response.statusCode, response.body).toBe(202);
    expect(response.json()).toEqual({ id: importId, status: 'running' });
    return waitForImport(manager, importId);
  }

  let importId: string;
  let mapping: Record<string, string | null>;

  it('reads the upload: encoding, separator, headers, first rows and a suggested mapping', async () => {
    const response = await uploadFile(manager, 'registre tarfaya.csv', messyFile());
    expect(response.statusCode, response.body).toBe(201);
    const upload = response.json();
    importId = upload.id;
    mapping = upload.suggestedMapping;
    expect(upload).toMatchObject({ fileName: 'registre tarfaya.csv', format: 'csv', encoding: 'windows-1252', delimiter: ';', rowCount: 9 });
    expect(upload.headers[1]).toBe('Raison sociale');
    expect(upload.sampleRows[0].slice(0, 4)).toEqual(['RC-TAR-101', 'Coopérative Tarfaya Pêche', 'Coopérative', '15/03/2023']);
    expect(upload.sampleRows).toHaveLength(9);
    expect(mapping).toMatchObject({
      'N° immatriculation': 'registrationNumber',
      'Raison sociale': 'nameFr',
      'Date de création': 'creationDate',
      Région: 'regionCode',
      Province: 'provinceCode',
      "Nombre d'adhérents": 'membersTotal',
      'dont femmes': 'membersWomen',
      'Téléphone président': 'presidentPhone',
    });
  });

  it('previews each bad row with its line, column and reason, and each duplicate', async () => {
    const response = await manager.request({ method: 'POST', url: `/api/imports/${importId}/preview`, payload: { mapping } });
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json();
    expect(preview).toMatchObject({ rowCount: 9, validCount: 5, invalidCount: 4, duplicateCount: 2 });
    expect(preview.errors).toEqual([
      { line: 4, column: 'Province', field: 'provinceCode', key: 'province_unknown', params: { value: 'Atlantis' } },
      { line: 5, column: 'Date de création', field: 'creationDate', key: 'not_a_date', params: { value: '31/02/2023' } },
      { line: 6, column: 'dont femmes', field: 'membersWomen', key: 'exceeds_members_total' },
      { line: 7, column: 'Raison sociale', field: 'nameFr', key: 'name_required' },
    ]);
    expect(preview.duplicates).toEqual([
      { line: 8, kind: 'file', matchedBy: 'name', matchedLine: 2, matchedName: 'Coopérative Tarfaya Pêche', key: 'duplicate_in_file', params: { line: 2 } },
      {
        line: 9,
        kind: 'registry',
        matchedBy: 'registrationNumber',
        matchedId: existingId,
        matchedName: 'Coopérative Al Baraka',
        key: 'duplicate_in_registry',
        params: { name: 'Coopérative Al Baraka' },
      },
    ]);
  });

  it('asks for the required columns the mapping leaves out', async () => {
    const response = await manager.request({
      method: 'POST',
      url: `/api/imports/${importId}/preview`,
      payload: { mapping: { ...mapping, Province: null, 'Raison sociale': null } },
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      validCount: 0,
      invalidCount: 9,
      errors: [
        { line: 1, column: null, field: 'nameFr', key: 'column_missing', params: { column: 'nameFr' } },
        { line: 1, column: null, field: 'provinceCode', key: 'column_missing', params: { column: 'provinceCode' } },
      ],
    });
    const commitResponse = await manager.request({
      method: 'POST',
      url: `/api/imports/${importId}/commit`,
      payload: { mapping: { ...mapping, Secteur: null }, mode: 'valid_rows', duplicateAction: 'skip' },
    });
    expect(commitResponse.statusCode).toBe(422);
    expect(commitResponse.json().error.issues).toEqual([{ path: ['mapping', 'sector'], key: 'column_missing', params: { column: 'sector' } }]);
  });

  it('refuses a mapping that names a column the file lacks, or one field twice', async () => {
    const unknown = await manager.request({ method: 'POST', url: `/api/imports/${importId}/preview`, payload: { mapping: { ...mapping, Nope: 'commune' } } });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.issues[0]).toMatchObject({ key: 'column_unknown', params: { column: 'Nope' } });
    const twice = await manager.request({ method: 'POST', url: `/api/imports/${importId}/preview`, payload: { mapping: { ...mapping, Commune: 'provinceCode' } } });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error.issues[0]).toMatchObject({ key: 'column_mapped_twice' });
    const notAField = await manager.request({ method: 'POST', url: `/api/imports/${importId}/preview`, payload: { mapping: { ...mapping, Commune: 'password' } } });
    expect(notAField.statusCode).toBe(422);
  });

  it('writes nothing in "all or nothing" mode when a row is bad', async () => {
    const before = await registryFootprint(database().db);
    const state = await commit(importId, { mapping, mode: 'all_or_nothing', duplicateAction: 'merge' });
    expect(state).toMatchObject({
      status: 'failed',
      summary: { created: 0, merged: 0, unchanged: 0, skipped: 0, invalid: 4 },
      failure: { key: 'import_has_invalid_rows', params: { count: 4 } },
      progress: { processed: 9, total: 9 },
    });
    expect(await registryFootprint(database().db)).toEqual(before);
  });

  it('imports the valid rows, merging duplicates, with an audit entry for each record', async () => {
    const before = await registryFootprint(database().db);
    const state = await commit(importId, { mapping, mode: 'valid_rows', duplicateAction: 'merge' });
    expect(state).toMatchObject({ status: 'completed', summary: { created: 3, merged: 2, unchanged: 0, skipped: 0, invalid: 4 }, failure: null });
    expect(state.progress).toEqual({ processed: 9, total: 9 });
    expect(state.finishedAt).not.toBeNull();
    expect(await registryFootprint(database().db)).toEqual({ cooperatives: before.cooperatives + 3, versions: before.versions + 3 + 1, auditEntries: before.auditEntries + 4 });

    const db = database().db;
    const tarfaya = await db.selectFrom('cooperatives').selectAll().where('registrationNumber', '=', 'RC-TAR-101').executeTakeFirstOrThrow();
    // Line 8 repeats line 2 by name: its values land on the same record, which keeps line 2's number.
    expect(tarfaya).toMatchObject({
      nameFr: 'COOPERATIVE TARFAYA PECHE',
      membersTotal: 27,
      membersWomen: 13,
      capitalMad: 12_500.5,
      presidentPhone: '06 61 23 45 67',
      products: ['Poulpe', 'sardine'],
      creationDate: '2023-03-15',
      regionCode: '11',
      version: 1,
    });
    const ennakhil = await db.selectFrom('cooperatives').selectAll().where('registrationNumber', '=', 'RC-TAR-102').executeTakeFirstOrThrow();
    expect(ennakhil).toMatchObject({ legalForm: 'union', creationDate: '2024-02-01', sector: 'agrifood', membersTotal: 1200, capitalMad: 1200.5, products: ['Dattes', 'confiture'] });
    const existing = await db.selectFrom('cooperatives').selectAll().where('id', '=', existingId).executeTakeFirstOrThrow();
    expect(existing).toMatchObject({ membersTotal: 30, membersWomen: 18, products: ['Algues'], version: 2 });

    const audit = await db.selectFrom('auditLog').selectAll().where('entityType', '=', 'cooperative').where(({ eb, ref }) => eb(ref('context'), '@>', JSON.stringify({ importId }) as never)).execute();
    expect(audit.map((entry) => entry.action).sort()).toEqual(['create', 'create', 'create', 'update']);
    const update = audit.find((entry) => entry.action === 'update')!;
    expect(update.entityId).toBe(existingId);
    expect(update.before).toMatchObject({ membersTotal: 12, version: 1 });
    expect(update.after).toMatchObject({ membersTotal: 30, version: 2 });
    const created = audit.find((entry) => entry.action === 'create' && entry.entityId === tarfaya.id)!;
    expect(created.after).toMatchObject({ registrationNumber: 'RC-TAR-101', provinceCode: '11.537' });
    expect(created.after).not.toHaveProperty('searchText');
  });

  it('refuses to run a completed import again', async () => {
    const again = await manager.request({ method: 'POST', url: `/api/imports/${importId}/commit`, payload: { mapping, mode: 'valid_rows', duplicateAction: 'merge' } });
    expect(again.statusCode).toBe(409);
  });

  it('changes nothing when the same file comes again, merged or skipped', async () => {
    const before = await registryFootprint(database().db);
    const merged = await uploadFile(manager, 'registre tarfaya.csv', messyFile());
    const mergedState = await commit(merged.json().id, { mapping, mode: 'valid_rows', duplicateAction: 'merge' });
    expect(mergedState.summary).toEqual({ created: 0, merged: 0, unchanged: 5, skipped: 0, invalid: 4 });
    expect(await registryFootprint(database().db)).toEqual(before);

    const skipped = await uploadFile(manager, 'registre tarfaya.csv', messyFile());
    const preview = await manager.request({ method: 'POST', url: `/api/imports/${skipped.json().id}/preview`, payload: { mapping } });
    expect(preview.json().duplicates.map((duplicate: { line: number; kind: string }) => [duplicate.line, duplicate.kind])).toEqual([
      [2, 'registry'],
      [3, 'registry'],
      [8, 'registry'],
      [9, 'registry'],
      [11, 'registry'],
    ]);
    const skippedState = await commit(skipped.json().id, { mapping, mode: 'valid_rows', duplicateAction: 'skip' });
    expect(skippedState.summary).toEqual({ created: 0, merged: 0, unchanged: 0, skipped: 5, invalid: 4 });
    expect(await registryFootprint(database().db)).toEqual(before);
  });

  it('follows a choice made for one line over the default', async () => {
    const file = Buffer.from(`\ufeffN° immatriculation;Nom;Province;Secteur;Nombre d'adhérents\r\nRC-TAR-101;Coopérative Tarfaya Pêche;Tarfaya;Pêche;40\r\nRC-TAR-102;Coopérative Ennakhil;Tarfaya;Agroalimentaire;1300\r\n`);
    const upload = (await uploadFile(manager, 'corrections.csv', file)).json();
    const state = await commit(upload.id, { mapping: upload.suggestedMapping, mode: 'all_or_nothing', duplicateAction: 'skip', duplicateActions: { '3': 'merge' } });
    expect(state.summary).toEqual({ created: 0, merged: 1, unchanged: 0, skipped: 1, invalid: 0 });
    const db = database().db;
    const rows = await db.selectFrom('cooperatives').select(['registrationNumber', 'membersTotal']).where('registrationNumber', 'in', ['RC-TAR-101', 'RC-TAR-102']).orderBy('registrationNumber').execute();
    expect(rows).toEqual([
      { registrationNumber: 'RC-TAR-101', membersTotal: 27 },
      { registrationNumber: 'RC-TAR-102', membersTotal: 1300 },
    ]);
  });
});

describeEachDatabase('import of Arabic names, XLSX and large files', (database) => {
  let app: App;
  let manager: Agent;

  beforeAll(async () => {
    app = await buildTestApp(database());
    const user = await createTestUser(database().db, [{ role: 'programme_manager' }]);
    manager = await signIn(app, user.email, user.password);
  });

  afterAll(async () => {
    await app.close();
  });

  it('reads a UTF-8 file with a byte order mark, Arabic headers and province names', async () => {
    const upload = (await uploadFile(manager, 'arabe.csv', readFixture('arabic-utf8-bom.csv'))).json();
    expect(upload).toMatchObject({ encoding: 'utf-8', delimiter: ',', rowCount: 4 });
    expect(upload.headers[0]).toBe('رقم التسجيل');
    expect(upload.suggestedMapping).toMatchObject({ 'رقم التسجيل': 'registrationNumber', الاسم: 'nameAr', الإقليم: 'provinceCode', القطاع: 'sector', 'منها نساء': 'membersWomen' });
    const preview = (await manager.request({ method: 'POST', url: `/api/imports/${upload.id}/preview`, payload: { mapping: upload.suggestedMapping } })).json();
    expect(preview.errors).toEqual([{ line: 5, column: 'الإقليم', field: 'provinceCode', key: 'province_unknown', params: { value: 'الداخلة' } }]);
    await manager.request({ method: 'POST', url: `/api/imports/${upload.id}/commit`, payload: { mapping: upload.suggestedMapping, mode: 'valid_rows', duplicateAction: 'skip' } });
    expect((await waitForImport(manager, upload.id)).summary).toEqual({ created: 3, merged: 0, unchanged: 0, skipped: 0, invalid: 1 });
    const boujdour = await database().db.selectFrom('cooperatives').selectAll().where('registrationNumber', '=', 'AR-003').executeTakeFirstOrThrow();
    expect(boujdour).toMatchObject({ nameFr: null, nameAr: 'تعاونية بوجدور', provinceCode: '11.121', sector: 'aromatic_medicinal_plants', creationDate: '2022-09-01' });
  });

  it('reads an XLSX workbook: a title row, date cells, numbers, formulas and English headers', async () => {
    const suffix = uniqueSuffix();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Registry');
    sheet.addRow(['Cooperatives of Souss-Massa, 2024']);
    sheet.addRow(['Registration number', 'Name', 'Arabic name', 'Created on', 'Sector', 'Province', 'Members', 'Women', 'Phone', 'Products']);
    sheet.addRow([`X-${suffix}-1`, 'Coopérative Tagant', 'تعاونية تاكانت', new Date(Date.UTC(2021, 4, 20)), 'Argan', 'Taroudant', 30, { formula: 'G3-10', result: 20 }, 612_345_678, 'Argan oil; amlou']);
    sheet.addRow([`X-${suffix}-2`, { richText: [{ text: 'Coopérative ' }, { text: 'Amazigh' }] }, null, '03/07/2019', 'Handicrafts', 'Tiznit', 12, 12, null, null]);
    sheet.addRow([`X-${suffix}-3`, 'Coopérative Plus Tard', null, 'someday', 'Argan', 'Tiznit', 5, 1, null, null]);
    sheet.getCell('D3').numFmt = 'dd/mm/yyyy';
    const content = Buffer.from(await workbook.xlsx.writeBuffer());

    const response = await uploadFile(manager, 'registry.xlsx', content);
    expect(response.statusCode, response.body).toBe(201);
    const upload = response.json();
    expect(upload).toMatchObject({ format: 'xlsx', encoding: null, delimiter: null, rowCount: 3 });
    expect(upload.sampleRows[0].slice(3, 9)).toEqual(['20/05/2021', 'Argan', 'Taroudant', '30', '20', '612345678']);
    const preview = (await manager.request({ method: 'POST', url: `/api/imports/${upload.id}/preview`, payload: { mapping: upload.suggestedMapping } })).json();
    expect(preview.errors).toEqual([{ line: 5, column: 'Created on', field: 'creationDate', key: 'not_a_date', params: { value: 'someday' } }]);

    await manager.request({ method: 'POST', url: `/api/imports/${upload.id}/commit`, payload: { mapping: upload.suggestedMapping, mode: 'valid_rows', duplicateAction: 'skip' } });
    expect((await waitForImport(manager, upload.id)).summary).toEqual({ created: 2, merged: 0, unchanged: 0, skipped: 0, invalid: 1 });
    const tagant = await database().db.selectFrom('cooperatives').selectAll().where('registrationNumber', '=', `X-${suffix}-1`).executeTakeFirstOrThrow();
    expect(tagant).toMatchObject({ creationDate: '2021-05-20', provinceCode: '09.541', sector: 'argan', membersTotal: 30, membersWomen: 20, phone: '0612345678', products: ['Argan oil', 'amlou'] });
    const amazigh = await database().db.selectFrom('cooperatives').selectAll().where('registrationNumber', '=', `X-${suffix}-2`).executeTakeFirstOrThrow();
    expect(amazigh).toMatchObject({ nameFr: 'Coopérative Amazigh', creationDate: '2019-07-03', sector: 'handicrafts' });
  });

  it('imports thousands of rows in batches, and its progress reaches the total', async () => {
    const suffix = uniqueSuffix();
    const count = 4_500;
    const lines = ['N° immatriculation;Nom (FR);Province;Secteur;Date de création;Membres;dont femmes'];
    for (let index = 0; index < count; index += 1) {
      lines.push(`BULK-${suffix}-${index};Coopérative Lot ${suffix} ${index};Tarfaya;Pêche;01/02/2020;${10 + (index % 7)};${index % 5}`);
    }
    // Two batches further down, a row repeats the first one with another member count.
    lines.push(`BULK-${suffix}-0;Coopérative Lot ${suffix} 0;Tarfaya;Pêche;01/02/2020;99;0`);
    const content = Buffer.from(lines.join('\n'));
    const before = await registryFootprint(database().db);
    const upload = (await uploadFile(manager, 'bulk.csv', content)).json();
    expect(upload.rowCount).toBe(count + 1);
    const body = { mapping: upload.suggestedMapping, mode: 'all_or_nothing', duplicateAction: 'merge' };
    await manager.request({ method: 'POST', url: `/api/imports/${upload.id}/commit`, payload: body });
    const state = await waitForImport(manager, upload.id);
    expect(state).toMatchObject({ status: 'completed', progress: { processed: count + 1, total: count + 1 }, summary: { created: count, merged: 1 } });
    // The repeated record was written with its first batch, then updated: one version and one audit entry more.
    expect(await registryFootprint(database().db)).toEqual({
      cooperatives: before.cooperatives + count,
      versions: before.versions + count + 1,
      auditEntries: before.auditEntries + count + 1,
    });
    const first = await database().db.selectFrom('cooperatives').select(['membersTotal', 'version']).where('registrationNumber', '=', `BULK-${suffix}-0`).executeTakeFirstOrThrow();
    expect(first).toEqual({ membersTotal: 99, version: 2 });

    const again = (await uploadFile(manager, 'bulk.csv', content)).json();
    await manager.request({ method: 'POST', url: `/api/imports/${again.id}/commit`, payload: body });
    expect((await waitForImport(manager, again.id)).summary).toEqual({ created: 0, merged: 0, unchanged: count + 1, skipped: 0, invalid: 0 });
    expect(await registryFootprint(database().db)).toEqual({
      cooperatives: before.cooperatives + count,
      versions: before.versions + count + 1,
      auditEntries: before.auditEntries + count + 1,
    });
  });

  it('undoes every batch already written when "all or nothing" meets a bad row at the end', async () => {
    const suffix = uniqueSuffix();
    const lines = ['Nom (FR);Province;Secteur'];
    for (let index = 0; index < 4_100; index += 1) lines.push(`Coopérative Tout ${suffix} ${index};Tata;Argan`);
    lines.push(`Coopérative Tout ${suffix} fin;Atlantis;Argan`);
    const before = await registryFootprint(database().db);
    const upload = (await uploadFile(manager, 'tout.csv', Buffer.from(lines.join('\n')))).json();
    await manager.request({ method: 'POST', url: `/api/imports/${upload.id}/commit`, payload: { mapping: upload.suggestedMapping, mode: 'all_or_nothing', duplicateAction: 'skip' } });
    const state = await waitForImport(manager, upload.id);
    expect(state).toMatchObject({ status: 'failed', summary: { created: 0, invalid: 1 }, failure: { key: 'import_has_invalid_rows', params: { count: 1 } } });
    expect(await registryFootprint(database().db)).toEqual(before);
  });

  it('runs without HTTP for scripts and benchmarks, with the same result', async () => {
    const db = database().db;
    const user = await createTestUser(db, [{ role: 'admin' }]);
    const principal = toPrincipal((await findUserById(db, user.id))!);
    const suffix = uniqueSuffix();
    const content = Buffer.from(`Nom;Province;Secteur\nCoopérative Direct ${suffix};Boujdour;Pêche\n`);
    const first = await runImport(db, principal, { fileName: 'direct.csv', content, mode: 'all_or_nothing', duplicateAction: 'merge' });
    expect(first).toMatchObject({ status: 'completed', summary: { created: 1 } });
    const second = await runImport(db, principal, { fileName: 'direct.csv', content, mode: 'all_or_nothing', duplicateAction: 'merge' });
    expect(second).toMatchObject({ status: 'completed', summary: { created: 0, unchanged: 1 } });
  });

  it('refuses an empty or unreadable file with a key the user can read', async () => {
    const empty = await uploadFile(manager, 'empty.csv', Buffer.from('\ufeff\r\n'));
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.issues).toEqual([{ path: ['file'], key: 'file_empty' }]);
    const headersOnly = await uploadFile(manager, 'headers.csv', Buffer.from('Nom;Province\r\n'));
    expect(headersOnly.json().error.issues[0].key).toBe('file_empty');
    const oldExcel = await uploadFile(manager, 'old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    expect(oldExcel.statusCode).toBe(422);
    expect(oldExcel.json().error.issues[0].key).toBe('file_unreadable');
    const brokenZip = await uploadFile(manager, 'broken.xlsx', Buffer.from('PK\u0003\u0004 not really a zip'));
    expect(brokenZip.statusCode).toBe(422);
    expect(brokenZip.json().error.issues[0].key).toBe('file_unreadable');
    const noFile = await manager.request({ method: 'POST', url: '/api/imports', ...multipartFile('x.csv', Buffer.from('a;b\n1;2\n'), 'other') });
    expect(noFile.statusCode).toBe(422);
    expect(noFile.json().error.issues[0]).toEqual({ path: ['file'], key: 'required' });
    const notMultipart = await manager.request({ method: 'POST', url: '/api/imports', payload: { file: 'x' } });
    expect(notMultipart.statusCode).toBe(422);
  });
});

describeEachDatabase('import access', (database) => {
  let app: App;
  let manager: Agent;
  let otherManager: Agent;
  let admin: Agent;
  let funder: Agent;
  let consultant: Agent;
  let representative: Agent;
  let importId: string;

  beforeAll(async () => {
    app = await buildTestApp(database());
    const db = database().db;
    const cooperative = await createTestCooperative(db);
    const users = await Promise.all([
      createTestUser(db, [{ role: 'programme_manager' }]),
      createTestUser(db, [{ role: 'programme_manager' }]),
      createTestUser(db, [{ role: 'admin' }]),
      createTestUser(db, [{ role: 'funder' }]),
      createTestUser(db, [{ role: 'consultant' }]),
      createTestUser(db, [{ role: 'cooperative_representative', cooperativeId: cooperative.id }]),
    ]);
    const agents = await Promise.all(users.map((user) => signIn(app, user.email, user.password)));
    [manager, otherManager, admin, funder, consultant, representative] = agents as [Agent, Agent, Agent, Agent, Agent, Agent];
    importId = (await uploadFile(manager, 'mine.csv', readFixture('arabic-utf8-bom.csv'))).json().id;
  });

  afterAll(async () => {
    await app.close();
  });

  const body = { mapping: {}, mode: 'valid_rows', duplicateAction: 'skip' };

  it('lets only the operator’s managers import', async () => {
    for (const agent of [funder, consultant, representative]) {
      expect((await uploadFile(agent, 'x.csv', readFixture('arabic-utf8-bom.csv'))).statusCode).toBe(403);
      expect((await agent.request({ method: 'GET', url: `/api/imports/${importId}` })).statusCode).toBe(403);
      expect((await agent.request({ method: 'POST', url: `/api/imports/${importId}/preview`, payload: { mapping: {} } })).statusCode).toBe(403);
      expect((await agent.request({ method: 'POST', url: `/api/imports/${importId}/commit`, payload: body })).statusCode).toBe(403);
    }
    const nobody = anonymous(app);
    expect((await nobody.request({ method: 'POST', url: '/api/imports', ...multipartFile('x.csv', readFixture('arabic-utf8-bom.csv')) })).statusCode).toBe(401);
    expect((await nobody.request({ method: 'GET', url: `/api/imports/${importId}` })).statusCode).toBe(401);
  });

  it('shows an import to its creator and admins only; others are told it does not exist', async () => {
    expect((await otherManager.request({ method: 'GET', url: `/api/imports/${importId}` })).statusCode).toBe(404);
    expect((await otherManager.request({ method: 'POST', url: `/api/imports/${importId}/preview`, payload: { mapping: {} } })).statusCode).toBe(404);
    expect((await otherManager.request({ method: 'POST', url: `/api/imports/${importId}/commit`, payload: body })).statusCode).toBe(404);
    expect((await otherManager.request({ method: 'GET', url: '/api/imports/00000000-0000-4000-8000-000000000000' })).statusCode).toBe(404);
    const mine = await manager.request({ method: 'GET', url: `/api/imports/${importId}` });
    expect(mine.statusCode).toBe(200);
    expect(mine.json()).toMatchObject({ id: importId, fileName: 'mine.csv', status: 'uploaded', progress: { processed: 0, total: 0 }, summary: null, failure: null });
    expect((await admin.request({ method: 'GET', url: `/api/imports/${importId}` })).statusCode).toBe(200);
  });

  it('refuses a write without the CSRF token', async () => {
    const response = await manager.request({ method: 'POST', url: '/api/imports', ...multipartFile('x.csv', readFixture('arabic-utf8-bom.csv')), headers: { 'x-csrf-token': 'forged', ...multipartFile('x.csv', Buffer.from('')).headers } });
    expect(response.statusCode).toBe(403);
  });

  it('documents its routes in the OpenAPI description', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/imports', '/api/imports/{importId}/preview', '/api/imports/{importId}/commit', '/api/imports/{importId}', '/api/cooperatives/export']) {
      expect(document.paths[path], path).toBeDefined();
    }
    expect(document.paths['/api/imports/{importId}/commit'].post.responses['202']).toBeDefined();
    expect(document.paths['/api/imports'].post.tags).toEqual(['registry']);
  });
});

describe('fixtures', () => {
  it('keeps the Windows-1252 fixture in Windows-1252', () => {
    const bytes = messyFile();
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  });
});
