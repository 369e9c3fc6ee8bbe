import JSZip from 'jszip';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DiagnosticScores } from '../src/core/diagnostics/diagnostic.schema.js';
import type { Db } from '../src/server/db/database.js';
import type { App } from '../src/server/http/types.js';
import { describeEachDatabase } from './support/database.js';
import { createTestCooperative, createTestProgramme, createTestUser, uniqueSuffix } from './support/factories.js';
import { anonymous, buildTestApp, signIn, type Agent } from './support/http.js';
import { pdfFonts, pdfPages, pdfText, poppler } from './support/pdf.js';

/** The text of a PDF on one line (table cells wrap their text). */
const pdfLine = (bytes: Buffer) => pdfText(bytes).replace(/\s+/g, ' ');

async function docxPart(bytes: Buffer, part: string): Promise<string> {
  const file = (await JSZip.loadAsync(bytes)).file(part);
  if (!file) throw new Error(`${part} is missing`);
  return file.async('string');
}

const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const tarfaya = '11.537';

const baseline: DiagnosticScores = {
  domains: [],
  overall: 38,
  maturityLevel: 2,
  needs: [
    { kind: 'question', domainKey: 'finance', questionKey: 'fin_bookkeeping', score: 20, threshold: 60, gap: 40, weight: 2, priority: 80 },
    { kind: 'question', domainKey: 'legal', questionKey: 'legal_statutes', score: 33, threshold: 60, gap: 27, weight: 1.5, priority: 40.5 },
    { kind: 'domain', domainKey: 'governance', questionKey: null, score: 50, threshold: 60, gap: 10, weight: 1, priority: 10 },
  ],
  answered: 40,
  applicable: 50,
  total: 60,
};

async function organisation(db: Db, nameFr: string, nameAr: string, kind: string, acronym: string | null = null): Promise<string> {
  return (await db.insertInto('organisations').values({ nameFr, nameAr, kind, acronym }).returning('id').executeTakeFirstOrThrow()).id;
}

describeEachDatabase('the action plan document', (database) => {
  let app: App;
  let db: Db;
  let planId: string;
  let otherPlanId: string;
  let slug: string;
  const agents = {} as Record<'manager' | 'arabicManager' | 'consultant' | 'admin' | 'funder' | 'representative' | 'otherRepresentative' | 'stranger' | 'nobody', Agent>;
  let representativeId: string;
  let consultantId: string;

  beforeAll(async () => {
    app = await buildTestApp(database());
    db = database().db;
    const operatorId = await organisation(db, 'Injaz Al Maghrib', 'إنجاز المغرب', 'operator');
    const odco = await organisation(db, 'Office du développement de la coopération', 'مكتب تنمية التعاون', 'cooperatives_office', 'ODCO');
    const onssa = await organisation(db, 'Office national de sécurité sanitaire des produits alimentaires', 'المكتب الوطني للسلامة الصحية للمنتجات الغذائية', 'public_agency', 'ONSSA');
    const programme = await createTestProgramme(db);
    await db.updateTable('programmes').set({ operatorId, nameAr: 'مواكبة تعاونيات طرفاية' }).where('id', '=', programme.id).execute();
    const other = await createTestProgramme(db);

    const suffix = uniqueSuffix();
    const cooperative = await createTestCooperative(db, {
      nameFr: `Coopérative Tah ${suffix}`,
      nameAr: `تعاونية الطاح ${suffix}`,
      registrationNumber: `LAA-${suffix}`,
      provinceCode: tarfaya,
      sector: 'fisheries',
      valueChain: 'Poisson séché',
    });
    slug = `cooperative-tah-${suffix}`;
    const neighbour = await createTestCooperative(db, { provinceCode: tarfaya });

    const users = {
      manager: await createTestUser(db, [{ role: 'programme_manager', programmeId: programme.id }]),
      arabicManager: await createTestUser(db, [{ role: 'programme_manager', programmeId: programme.id }], { locale: 'ar' }),
      consultant: await createTestUser(db, [{ role: 'consultant', programmeId: programme.id }], { displayName: 'Youssef Amrani' }),
      admin: await createTestUser(db, [{ role: 'admin' }]),
      funder: await createTestUser(db, [{ role: 'funder', programmeId: programme.id }]),
      representative: await createTestUser(db, [{ role: 'cooperative_representative', cooperativeId: cooperative.id }], { displayName: 'Mohamed Ould Ahmed' }),
      // Represents a cooperative enrolled in the same programme: still not theirs.
      otherRepresentative: await createTestUser(db, [{ role: 'cooperative_representative', cooperativeId: neighbour.id }]),
      stranger: await createTestUser(db, [{ role: 'consultant', programmeId: other.id }]),
    };
    representativeId = users.representative.id;
    consultantId = users.consultant.id;
    for (const [name, user] of Object.entries(users)) agents[name as keyof typeof users] = await signIn(app, user.email, user.password);
    agents.nobody = anonymous(app);

    const enrolmentId = (
      await db
        .insertInto('enrolments')
        .values({ programmeId: programme.id, cooperativeId: cooperative.id, status: 'enrolled', candidateAt: '2026-01-05', enrolledAt: '2026-01-10', eligible: true, consultantId })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto('enrolments')
      .values({ programmeId: programme.id, cooperativeId: neighbour.id, status: 'enrolled', candidateAt: '2026-01-05', enrolledAt: '2026-01-10', eligible: true })
      .execute();
    const framework = await db.selectFrom('diagnosticFrameworks').select('id').where('isDefault', '=', true).orderBy('version', 'desc').executeTakeFirstOrThrow();
    const diagnosticId = (
      await db
        .insertInto('diagnostics')
        .values({
          enrolmentId,
          programmeId: programme.id,
          cooperativeId: cooperative.id,
          frameworkId: framework.id,
          kind: 'baseline',
          status: 'validated',
          validatedAt: '2026-08-28T11:00:00Z',
          scores: JSON.stringify(baseline),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    const treasurer = (
      await db.insertInto('cooperativeMembers').values({ cooperativeId: cooperative.id, fullName: 'Fatima Zahra El Idrissi', role: 'treasurer', sex: 'female' }).returning('id').executeTakeFirstOrThrow()
    ).id;

    planId = (
      await db
        .insertInto('actionPlans')
        .values({ programmeId: programme.id, cooperativeId: cooperative.id, diagnosticId, status: 'draft', createdBy: users.manager.id })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    otherPlanId = (await db.insertInto('actionPlans').values({ programmeId: programme.id, cooperativeId: neighbour.id }).returning('id').executeTakeFirstOrThrow()).id;

    const action = async (values: Record<string, unknown>) =>
      (
        await db
          .insertInto('planActions')
          .values({ actionPlanId: planId, executorKind: 'member', title: '', startsOn: '2026-09-01', dueOn: '2026-12-15', needKeys: '[]', ...values })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
    const books = await action({
      position: 0,
      title: 'Tenir le journal de caisse et de banque',
      description: 'Le trésorier tient le journal chaque semaine.',
      domainKey: 'finance',
      needKeys: JSON.stringify(['finance.fin_bookkeeping']),
      executorMemberId: treasurer,
      agreedDueOn: '2026-11-30',
      status: 'in_progress',
      progress: 75,
      budgetMad: 4500,
      financingSource: 'programme',
    });
    // Drafted from a template and not reworded: the Arabic document shows the template's Arabic title.
    const statutes = await action({
      position: 1,
      title: 'Mettre les statuts en conformité avec la loi 112-12',
      templateCode: 'AP-LEG-STATUTES',
      domainKey: 'legal',
      needKeys: JSON.stringify(['legal.legal_statutes']),
      executorKind: 'organisation',
      executorOrganisationId: odco,
      startsOn: '2026-10-01',
      dueOn: '2027-03-31',
      status: 'blocked',
      progress: 30,
    });
    await action({
      position: 2,
      title: 'Obtenir l’autorisation sanitaire ONSSA',
      domainKey: 'production',
      executorKind: 'consultant',
      executorUserId: consultantId,
      startsOn: '2026-12-01',
      dueOn: '2027-06-30',
      budgetMad: 85000,
      financingSource: 'own_funds',
    });
    await db
      .insertInto('actionStakeholders')
      .values([
        { actionId: statutes, organisationId: odco, role: 'Appui juridique' },
        { actionId: books, organisationId: onssa, role: null },
      ])
      .execute();
    const journal = (
      await db
        .insertInto('actionIndicators')
        .values({ actionId: books, kind: 'monitoring', label: 'Mois tenus dans le journal', unit: 'mois', baseline: 0, target: 4, targetDate: '2026-12-31' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    await db
      .insertInto('actionIndicators')
      .values({ actionId: statutes, kind: 'monitoring', label: 'Statuts révisés adoptés en assemblée générale', unit: 'document', baseline: 0, target: 1, position: 0 })
      .execute();
    await db
      .insertInto('indicatorMeasurements')
      .values([
        { indicatorId: journal, measuredOn: '2026-10-01', value: 1 },
        { indicatorId: journal, measuredOn: '2026-11-02', value: 2.5, note: 'Rattrapage d’octobre' },
        { indicatorId: journal, measuredOn: '2026-12-01', value: 3 },
      ])
      .execute();
  });

  afterAll(async () => {
    await app.close();
  });

  const url = (format: string, locale?: string, id = planId) => `/api/action-plans/${id}/document?format=${format}${locale ? `&locale=${locale}` : ''}`;

  it('gives the plan as PDF and DOCX, in French and Arabic, as attachments named after the cooperative', async () => {
    for (const [format, type] of [['pdf', 'application/pdf'], ['docx', docxType]] as const) {
      for (const locale of ['fr', 'ar', 'en'] as const) {
        const response = await agents.manager.request({ method: 'GET', url: url(format, locale) });
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe(type);
        expect(response.headers['cache-control']).toBe('private, no-store');
        expect(response.headers['content-disposition']).toContain(`attachment; filename="${locale === 'en' ? 'action-plan' : 'plan-d-action'}-${slug}-${locale}.${format}"`);
        expect(response.headers['content-disposition']).toMatch(/^[\x20-\x7e]+$/);
        expect(response.rawPayload.subarray(0, format === 'pdf' ? 5 : 2).toString('latin1')).toBe(format === 'pdf' ? '%PDF-' : 'PK');
      }
    }
    const arabic = await agents.manager.request({ method: 'GET', url: url('docx', 'ar') });
    expect(decodeURIComponent(arabic.headers['content-disposition']!.toString().split("UTF-8''")[1]!)).toMatch(/^خطة-العمل-تعاونية-الطاح-[0-9a-f]{8}-ar\.docx$/);
    // Without a locale, the reader's language; without a format, PDF.
    const byLocale = await agents.arabicManager.request({ method: 'GET', url: `/api/action-plans/${planId}/document` });
    expect(byLocale.headers['content-type']).toBe('application/pdf');
    expect(byLocale.headers['content-disposition']).toContain('-ar.pdf');
  });

  it.skipIf(!poppler)('prints the cooperative, the needs, each action with its executor, indicators and measurements, the timeline and the signature lines, marked as a draft', async () => {
    const text = pdfLine((await agents.consultant.request({ method: 'GET', url: url('pdf', 'fr') })).rawPayload);
    for (const expected of [
      'Plan d’action',
      `Coopérative Tah`,
      `LAA-`,
      'Pêche — Poisson séché',
      'Injaz Al Maghrib',
      'Projet — non encore accepté',
      // The needs of the baseline, ranked, with the actions answering them.
      'Comment la comptabilité est-elle tenue ?',
      'Aucune action',
      '1. Tenir le journal de caisse et de banque',
      'Fatima Zahra El Idrissi — Trésorier(ère)',
      'Office du développement de la coopération — Organisation partenaire',
      'Youssef Amrani — Consultant(e) du programme',
      '30 novembre 2026 (reportée au 15 décembre 2026)',
      '4.500 MAD',
      'Office national de sécurité sanitaire des produits alimentaires (ONSSA)',
      'Office du développement de la coopération (ODCO) — Appui juridique',
      'Mois tenus dans le journal',
      '2 novembre 2026 : 2,5 — Rattrapage d’octobre',
      '75 % de l’objectif',
      'Calendrier des actions',
      'Pour la coopérative',
      'Mohamed Ould Ahmed',
    ]) {
      expect(text).toContain(expected);
    }
    // The draft mark is at the top of every page.
    const pages = pdfPages((await agents.consultant.request({ method: 'GET', url: url('pdf', 'fr') })).rawPayload);
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toContain('Projet — non encore accepté');
  });

  it.skipIf(!poppler)('prints the Arabic plan shaped, right to left, with embedded fonts and template texts in Arabic', async () => {
    const bytes = (await agents.manager.request({ method: 'GET', url: url('pdf', 'ar') })).rawPayload;
    const text = pdfLine(bytes);
    expect(text).toContain('خطة العمل');
    expect(text).toContain('تعاونية الطاح');
    expect(text).toContain('مشروع — لم تتم الموافقة عليه بعد');
    expect(text).toContain('ملاءمة النظام الأساسي مع القانون 112.12');
    // (poppler splits a hamza from its alef: the indicator is looked for by its other words)
    expect(text).toContain('معدل مصادق عليه في الجمع العام');
    // A title the consultant typed stays as typed.
    expect(text).toContain('Tenir le journal de caisse et de banque');
    expect(text).toMatch(/4\.500 ?درهم/);
    expect(pdfFonts(bytes)).toMatch(/NotoNaskhArabic-Regular\s+CID TrueType\s+Identity-H\s+yes/);
    expect(pdfFonts(bytes)).toMatch(/NotoSans-Regular\s+CID TrueType\s+Identity-H\s+yes/);
  });

  it('writes the Arabic DOCX right to left with mirrored tables, and the French one left to right', async () => {
    const arabic = (await agents.manager.request({ method: 'GET', url: url('docx', 'ar') })).rawPayload;
    const xml = await docxPart(arabic, 'word/document.xml');
    expect(xml).toMatch(/<w:bidi\/>/);
    expect(xml).toMatch(/<w:rtl\/>/);
    expect(xml).toMatch(/<w:bidiVisual\/>/);
    expect(xml).toContain('w:cs="Noto Naskh Arabic"');
    expect(xml).toContain('ملاءمة النظام الأساسي مع القانون 112.12');
    expect(xml).toContain('الجدول الزمني للإجراءات');
    // A Latin name stays a left-to-right run in the Arabic document.
    expect(xml).toMatch(/<w:rtl w:val="false"\/><\/w:rPr><w:t xml:space="preserve">1\. Tenir le journal de caisse et de banque<\/w:t>/);
    expect(await docxPart(arabic, 'word/header1.xml')).toContain('مشروع — لم تتم الموافقة عليه بعد');

    const french = await docxPart((await agents.manager.request({ method: 'GET', url: url('docx', 'fr') })).rawPayload, 'word/document.xml');
    expect(french).not.toMatch(/<w:bidiVisual\/>/);
    expect(french).toContain('Mettre les statuts en conformité avec la loi 112');
    expect(french).toContain('Fatima Zahra El Idrissi — Trésorier(ère)');
  });

  it.skipIf(!poppler)('once accepted, says who accepted it and when, without the draft mark or signature lines', async () => {
    await db.updateTable('actionPlans').set({ status: 'agreed', acceptedAt: '2026-09-20T14:00:00Z', acceptedBy: representativeId, acceptanceNote: 'Accepté en assemblée générale.' }).where('id', '=', planId).execute();
    try {
      const text = pdfLine((await agents.representative.request({ method: 'GET', url: url('pdf', 'fr') })).rawPayload);
      expect(text).toContain('Plan accepté par Mohamed Ould Ahmed le 20 septembre 2026.');
      expect(text).toContain('Accepté en assemblée générale.');
      expect(text).not.toContain('Projet — non encore accepté');
      expect(text).not.toContain('Pour la coopérative');

      // Recorded by the consultant from a plan signed on paper.
      await db.updateTable('actionPlans').set({ acceptedBy: consultantId }).where('id', '=', planId).execute();
      const paper = pdfLine((await agents.manager.request({ method: 'GET', url: url('pdf', 'fr') })).rawPayload);
      expect(paper).toContain('acceptation signée sur papier, enregistrée par Youssef Amrani');
      const header = await docxPart((await agents.manager.request({ method: 'GET', url: url('docx', 'ar') })).rawPayload, 'word/document.xml');
      expect(header).toContain('سجّلها Youssef Amrani');
    } finally {
      await db.updateTable('actionPlans').set({ status: 'draft', acceptedAt: null, acceptedBy: null, acceptanceNote: null }).where('id', '=', planId).execute();
    }
  });

  it('goes to the team and the cooperative’s representative; a funder is refused, anyone else is told it does not exist', async () => {
    const status = async (agent: Agent, target = url('docx', 'fr')) => (await agent.request({ method: 'GET', url: target })).statusCode;
    expect(await status(agents.admin)).toBe(200);
    expect(await status(agents.consultant)).toBe(200);
    expect(await status(agents.representative)).toBe(200);
    expect(await status(agents.funder)).toBe(403);
    expect(await status(agents.otherRepresentative)).toBe(404);
    expect(await status(agents.representative, url('docx', 'fr', otherPlanId))).toBe(404);
    expect(await status(agents.otherRepresentative, url('docx', 'fr', otherPlanId))).toBe(200);
    expect(await status(agents.stranger)).toBe(404);
    expect(await status(agents.nobody)).toBe(401);
    expect(await status(agents.manager, url('pdf', 'fr', '00000000-0000-4000-8000-000000000000'))).toBe(404);
    expect(await status(agents.manager, url('odt', 'fr'))).toBe(422);
    expect(await status(agents.manager, url('pdf', 'xx'))).toBe(422);
    expect(await status(agents.manager, '/api/action-plans/not-a-plan/document')).toBe(422);
  });

  it('prints an empty plan without failing', async () => {
    const response = await agents.manager.request({ method: 'GET', url: url('pdf', 'ar', otherPlanId) });
    expect(response.statusCode).toBe(200);
    if (poppler) expect(pdfLine(response.rawPayload)).toContain('لا تتضمن هذه الخطة أي إجراء بعد.');
  });
});
