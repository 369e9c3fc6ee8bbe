import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TrainingPlanView } from '../src/core/training/plan.schema.js';
import type { App } from '../src/server/http/types.js';
import { describeEachDatabase } from './support/database.js';
import { createTestCooperative, createTestProgramme, createTestUser } from './support/factories.js';
import { anonymous, buildTestApp, signIn, type Agent } from './support/http.js';
import { pdfText, poppler } from './support/pdf.js';
import { enrolWithBaseline, scoresWith } from './support/plans.js';

/** The text of a PDF on one line (table cells wrap their text). */
const pdfLine = (bytes: Buffer) => pdfText(bytes).replace(/\s+/g, ' ');

async function documentXml(bytes: Buffer): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
}

const tarfaya = '11.537';
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const bookkeeping = scoresWith([{ domainKey: 'finance', questionKey: 'fin_bookkeeping', priority: 50 }]);

describeEachDatabase('the training guide and the training paths', (database) => {
  let app: App;
  let programmeCode: string;
  let planId: string;
  let akhfennir: string;
  let tah: string;
  let outsider: string;
  const agents = {} as Record<'manager' | 'arabicManager' | 'consultant' | 'admin' | 'funder' | 'representative' | 'otherRepresentative' | 'nobody', Agent>;

  beforeAll(async () => {
    app = await buildTestApp(database());
    const db = database().db;
    const programme = await createTestProgramme(db);
    programmeCode = programme.code;
    await db.insertInto('programmePhases').values({ programmeId: programme.id, kind: 'training', startsOn: '2027-01-04', endsOn: '2027-03-31' }).execute();
    akhfennir = await enrolWithBaseline(db, programme.id, tarfaya, { nameFr: 'Coopérative Akhfennir', nameAr: 'تعاونية أخفنير' }, bookkeeping);
    tah = await enrolWithBaseline(db, programme.id, tarfaya, { nameFr: 'Coopérative Tah', nameAr: 'تعاونية الطاح' }, bookkeeping);
    await enrolWithBaseline(db, programme.id, tarfaya, { nameFr: 'Coopérative Tarfaya Mer', nameAr: 'تعاونية طرفاية البحر' }, bookkeeping);
    outsider = (await createTestCooperative(db)).id;
    const trainer = await createTestUser(db, [{ role: 'consultant', programmeId: programme.id }], { displayName: 'Formatrice Salma' });
    await db.insertInto('programmeTeam').values({ programmeId: programme.id, userId: trainer.id, teamRole: 'trainer' }).execute();
    const users = {
      manager: await createTestUser(db, [{ role: 'programme_manager', programmeId: programme.id }]),
      arabicManager: await createTestUser(db, [{ role: 'programme_manager', programmeId: programme.id }], { locale: 'ar' }),
      consultant: trainer,
      admin: await createTestUser(db, [{ role: 'admin' }]),
      funder: await createTestUser(db, [{ role: 'funder', programmeId: programme.id }]),
      representative: await createTestUser(db, [{ role: 'cooperative_representative', cooperativeId: akhfennir }]),
      otherRepresentative: await createTestUser(db, [{ role: 'cooperative_representative', cooperativeId: outsider }]),
    };
    for (const [name, user] of Object.entries(users)) agents[name as keyof typeof users] = await signIn(app, user.email, user.password);
    agents.nobody = anonymous(app);
    const constraints = { minGroupSize: 2, maxGroupSize: 10, maxDistanceKm: 50, sessionCost: 1 };
    const generated = await agents.manager.request({ method: 'POST', url: `/api/programmes/${programme.id}/plans`, payload: { constraints } });
    expect(generated.statusCode).toBe(201);
    planId = generated.json<TrainingPlanView>().id;
  });

  afterAll(async () => {
    await app.close();
  });

  it('gives the guide as PDF and DOCX, in French and Arabic, as attachments named after the programme and the version', async () => {
    const slug = programmeCode.toLowerCase();
    for (const [format, type] of [['pdf', 'application/pdf'], ['docx', docxType]] as const) {
      for (const lang of ['fr', 'ar'] as const) {
        const response = await agents.manager.request({ method: 'GET', url: `/api/plans/${planId}/guide.${format}?lang=${lang}` });
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe(type);
        expect(response.headers['content-disposition']).toContain(`attachment; filename="guide-de-formation-${slug}-v1-${lang}.${format}"`);
        expect(response.headers['content-disposition']).toContain("filename*=UTF-8''");
        expect(response.headers['content-disposition']).toMatch(/^[\x20-\x7e]+$/);
        expect(response.rawPayload.subarray(0, format === 'pdf' ? 5 : 2).toString('latin1')).toBe(format === 'pdf' ? '%PDF-' : 'PK');
      }
    }
    const arabic = await agents.manager.request({ method: 'GET', url: `/api/plans/${planId}/guide.docx?lang=ar` });
    expect(decodeURIComponent(arabic.headers['content-disposition']!.toString().split("UTF-8''")[1]!)).toBe(`دليل-التكوين-${programmeCode}-v1-ar.docx`);
    const xml = await documentXml(arabic.rawPayload);
    expect(xml).toContain('دليل التكوين');
    expect(xml).toContain('تعاونية أخفنير');
    expect(xml).toMatch(/<w:bidi\/>/);
    expect(xml).toMatch(/<w:rtl\/>/);
    // Without `lang`, the reader's language.
    const byLocale = await agents.arabicManager.request({ method: 'GET', url: `/api/plans/${planId}/guide.pdf` });
    expect(byLocale.headers['content-disposition']).toContain('-ar.pdf');
    expect((await agents.manager.request({ method: 'GET', url: `/api/plans/${planId}/guide.docx?lang=en` })).statusCode).toBe(200);
  });

  it('gives a cooperative’s path to the team and to that cooperative’s representative', async () => {
    const consultant = await agents.consultant.request({ method: 'GET', url: `/api/plans/${planId}/cooperatives/${tah}/path.pdf?lang=fr` });
    expect(consultant.statusCode).toBe(200);
    expect(consultant.headers['content-type']).toBe('application/pdf');
    expect(consultant.headers['content-disposition']).toContain('filename="parcours-de-formation-cooperative-tah-v1-fr.pdf"');
    const own = await agents.representative.request({ method: 'GET', url: `/api/plans/${planId}/cooperatives/${akhfennir}/path.docx?lang=ar` });
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe(docxType);
    const xml = await documentXml(own.rawPayload);
    expect(xml).toContain('مسار التكوين');
    expect(xml).toContain('تعاونية أخفنير');
    expect(xml).not.toContain('تعاونية الطاح');
  });

  it('refuses funders and others’ representatives, hides the plan from strangers, and knows only the plan’s cooperatives', async () => {
    const guide = `/api/plans/${planId}/guide.pdf`;
    const path = (cooperativeId: string) => `/api/plans/${planId}/cooperatives/${cooperativeId}/path.pdf`;
    expect((await agents.admin.request({ method: 'GET', url: guide })).statusCode).toBe(200);
    expect((await agents.consultant.request({ method: 'GET', url: `/api/plans/${planId}/guide.docx` })).statusCode).toBe(200);
    expect((await agents.funder.request({ method: 'GET', url: guide })).statusCode).toBe(403);
    expect((await agents.funder.request({ method: 'GET', url: path(tah) })).statusCode).toBe(403);
    expect((await agents.representative.request({ method: 'GET', url: guide })).statusCode).toBe(403);
    expect((await agents.representative.request({ method: 'GET', url: path(tah) })).statusCode).toBe(403);
    expect((await agents.otherRepresentative.request({ method: 'GET', url: guide })).statusCode).toBe(404);
    expect((await agents.otherRepresentative.request({ method: 'GET', url: path(akhfennir) })).statusCode).toBe(404);
    expect((await agents.otherRepresentative.request({ method: 'GET', url: path(outsider) })).statusCode).toBe(404);
    expect((await agents.nobody.request({ method: 'GET', url: guide })).statusCode).toBe(401);
    expect((await agents.manager.request({ method: 'GET', url: path(outsider) })).statusCode).toBe(404);
    expect((await agents.manager.request({ method: 'GET', url: '/api/plans/00000000-0000-4000-8000-000000000000/guide.pdf' })).statusCode).toBe(404);
    expect((await agents.manager.request({ method: 'GET', url: `${guide}?lang=xx` })).statusCode).toBe(422);
    expect((await agents.manager.request({ method: 'GET', url: '/api/plans/not-a-plan/guide.docx' })).statusCode).toBe(422);
  });

  it.skipIf(!poppler)('prints the plan’s names, and marks a version that is not the approved one', async () => {
    const draft = pdfLine((await agents.manager.request({ method: 'GET', url: `/api/plans/${planId}/guide.pdf?lang=fr` })).rawPayload);
    expect(draft).toContain('Guide de formation');
    expect(draft).toContain('Programme PRG-');
    expect(draft).toContain('FIN-ACCOUNTING — Comptabilité simplifiée');
    expect(draft).toContain('Coopérative Akhfennir');
    expect(draft).toContain('Formatrice Salma');
    expect(draft).toContain('Brouillon — non approuvé');

    expect((await agents.manager.request({ method: 'POST', url: `/api/plans/${planId}/approve` })).statusCode).toBe(200);
    const approved = pdfLine((await agents.manager.request({ method: 'GET', url: `/api/plans/${planId}/guide.pdf?lang=ar` })).rawPayload);
    expect(approved).toContain('دليل التكوين');
    expect(approved).toContain('تعاونية الطاح');
    expect(approved).not.toContain('مسودة');

    const programmeId = (await agents.manager.request({ method: 'GET', url: `/api/plans/${planId}` })).json<TrainingPlanView>().programmeId;
    const next = (await agents.manager.request({ method: 'POST', url: `/api/programmes/${programmeId}/plans`, payload: { constraints: { minGroupSize: 2 } } })).json<TrainingPlanView>();
    expect((await agents.manager.request({ method: 'POST', url: `/api/plans/${next.id}/approve` })).statusCode).toBe(200);
    const superseded = pdfLine((await agents.representative.request({ method: 'GET', url: `/api/plans/${planId}/cooperatives/${akhfennir}/path.pdf?lang=fr` })).rawPayload);
    expect(superseded).toContain('Version remplacée');
    expect(superseded).toContain('Comment la comptabilité est-elle tenue ?');
  });
});
