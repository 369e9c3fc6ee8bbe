import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ScoringAnswer } from '../src/core/diagnostics/diagnostic.schema.js';
import { frameworkDefinitionSchema, type FrameworkDefinition, type FrameworkDefinitionInput } from '../src/core/diagnostics/framework.schema.js';
import type { Comparison, Constraints, Heatmap } from '../src/core/diagnostics/needs.schema.js';
import { scoreDiagnostic } from '../src/core/diagnostics/scoring.js';
import type { Db } from '../src/server/db/database.js';
import type { App } from '../src/server/http/types.js';
import { describeEachDatabase } from './support/database.js';
import { createTestCooperative, createTestProgramme, createTestUser, uniqueSuffix } from './support/factories.js';
import { buildTestApp, signIn, type Agent } from './support/http.js';

const text = (fr: string) => ({ fr, ar: `${fr} بالعربية`, en: `${fr} in English` });
const levels = [text('Aucun'), text('Partiel'), text('Établi'), text('Maîtrisé')];

function frameworkInput(): FrameworkDefinitionInput {
  return {
    maturityLabels: levels,
    domains: [
      {
        key: 'financial',
        label: text('Financier'),
        needThreshold: 60,
        questions: [
          { key: 'bookkeeping', type: 'maturity', text: text('Comptabilité tenue'), levels },
          { key: 'turnover', type: 'number', text: text('Chiffre d’affaires'), numberScale: { worst: 0, best: 100_000 } },
        ],
      },
      {
        key: 'good_governance',
        label: text('Gouvernance'),
        needThreshold: 50,
        weight: 2,
        questions: [{ key: 'general_assembly', type: 'yes_no', text: text('Assemblée générale tenue') }],
      },
    ],
  };
}

const version1 = frameworkDefinitionSchema.parse(frameworkInput());
// Version 2: the turnover scale changed, so turnover no longer means the same.
const version2 = frameworkDefinitionSchema.parse(
  (() => {
    const input = frameworkInput();
    input.domains[0]!.questions[1] = { ...input.domains[0]!.questions[1]!, numberScale: { worst: 0, best: 500_000 } };
    return input;
  })(),
);

async function insertFramework(db: Db, family: string, version: number, definition: FrameworkDefinition) {
  return (
    await db
      .insertInto('diagnosticFrameworks')
      .values({ family, version, nameFr: `Grille ${family} v${version}`, definition: JSON.stringify(definition), frozenAt: new Date().toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

async function insertDiagnostic(
  db: Db,
  options: { enrolmentId: string; programmeId: string; cooperativeId: string; frameworkId: string; definition: FrameworkDefinition; kind: 'baseline' | 'endline'; status?: 'validated' | 'draft'; answers: Record<string, ScoringAnswer['value']> },
) {
  const answers = new Map(Object.entries(options.answers).map(([key, value]) => [key, { value, notApplicable: false }]));
  const scores = scoreDiagnostic(options.definition, answers);
  const diagnostic = await db
    .insertInto('diagnostics')
    .values({
      enrolmentId: options.enrolmentId,
      programmeId: options.programmeId,
      cooperativeId: options.cooperativeId,
      frameworkId: options.frameworkId,
      kind: options.kind,
      status: options.status ?? 'validated',
      scores: JSON.stringify(scores),
      overallScore: scores.overall,
      maturityLevel: scores.maturityLevel,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const [questionKey, answer] of answers) {
    await db.insertInto('diagnosticAnswers').values({ diagnosticId: diagnostic.id, questionKey, value: JSON.stringify(answer.value), notApplicable: false }).execute();
  }
  return diagnostic.id;
}

async function enrol(db: Db, programmeId: string, cooperativeId: string) {
  return (
    await db
      .insertInto('enrolments')
      .values({ programmeId, cooperativeId, status: 'enrolled', candidateAt: '2026-01-05', enrolledAt: '2026-01-10', eligible: true })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
}

describeEachDatabase('programme needs', (database) => {
  let app: App;
  let programmeId: string;
  let emptyProgrammeId: string;
  let mixedProgrammeId: string;
  let mixedCooperativeId: string;
  let admin: Agent;
  let funder: Agent;
  let otherFunder: Agent;
  let representative: Agent;
  const cooperatives = {} as Record<'tarfaya' | 'boujdour' | 'draft', { id: string; baselineId: string }>;

  beforeAll(async () => {
    const db = database().db;
    app = await buildTestApp(database());
    const family = `needs-${uniqueSuffix()}`;
    const v1 = await insertFramework(db, family, 1, version1);
    const v2 = await insertFramework(db, family, 2, version2);
    programmeId = (await createTestProgramme(db)).id;
    emptyProgrammeId = (await createTestProgramme(db)).id;

    const tarfaya = await createTestCooperative(db, { nameFr: 'Coopérative Akhfennir Pêche', provinceCode: '11.537', sector: 'fisheries' });
    const boujdour = await createTestCooperative(db, { nameFr: 'Coopérative Boujdour Couscous', provinceCode: '11.121', sector: 'agrifood' });
    const drafted = await createTestCooperative(db, { nameFr: 'Coopérative Brouillon', provinceCode: '11.537', sector: 'fisheries' });
    const tarfayaEnrolment = await enrol(db, programmeId, tarfaya.id);
    const boujdourEnrolment = await enrol(db, programmeId, boujdour.id);
    const draftEnrolment = await enrol(db, programmeId, drafted.id);
    await enrol(db, emptyProgrammeId, tarfaya.id);

    const common = { programmeId, frameworkId: v1, definition: version1 };
    cooperatives.tarfaya = {
      id: tarfaya.id,
      // Financial (1 + 0.2) / 2 → 10 → a need; governance 0 → a need.
      baselineId: await insertDiagnostic(db, { ...common, enrolmentId: tarfayaEnrolment, cooperativeId: tarfaya.id, kind: 'baseline', answers: { bookkeeping: 1, turnover: 20_000, general_assembly: false } }),
    };
    cooperatives.boujdour = {
      id: boujdour.id,
      // Financial (2/3 + 0.8) / 2 → 73.33; governance 100.
      baselineId: await insertDiagnostic(db, { ...common, enrolmentId: boujdourEnrolment, cooperativeId: boujdour.id, kind: 'baseline', answers: { bookkeeping: 3, turnover: 80_000, general_assembly: true } }),
    };
    cooperatives.draft = {
      id: drafted.id,
      baselineId: await insertDiagnostic(db, { ...common, enrolmentId: draftEnrolment, cooperativeId: drafted.id, kind: 'baseline', status: 'draft', answers: { bookkeeping: 2 } }),
    };
    // The endline of Tarfaya, on version 2.
    await insertDiagnostic(db, {
      programmeId,
      frameworkId: v2,
      definition: version2,
      enrolmentId: tarfayaEnrolment,
      cooperativeId: tarfaya.id,
      kind: 'endline',
      answers: { bookkeeping: 4, turnover: 120_000, general_assembly: true },
    });

    // A programme whose baselines were filled on two versions with different domains: v3 adds marketing.
    const version3 = frameworkDefinitionSchema.parse({
      ...frameworkInput(),
      domains: [
        ...frameworkInput().domains,
        { key: 'marketing', label: text('Marketing'), needThreshold: 60, questions: [{ key: 'brand', type: 'yes_no', text: text('Marque déposée') }] },
      ],
    });
    const v3 = await insertFramework(db, family, 3, version3);
    mixedProgrammeId = (await createTestProgramme(db)).id;
    const mixedOld = await createTestCooperative(db, { nameFr: 'Coopérative Ancienne Grille' });
    const mixedNew = await createTestCooperative(db, { nameFr: 'Coopérative Nouvelle Grille' });
    mixedCooperativeId = mixedNew.id;
    await insertDiagnostic(db, { programmeId: mixedProgrammeId, frameworkId: v1, definition: version1, enrolmentId: await enrol(db, mixedProgrammeId, mixedOld.id), cooperativeId: mixedOld.id, kind: 'baseline', answers: { bookkeeping: 4, turnover: 100_000, general_assembly: true } });
    await insertDiagnostic(db, { programmeId: mixedProgrammeId, frameworkId: v3, definition: version3, enrolmentId: await enrol(db, mixedProgrammeId, mixedNew.id), cooperativeId: mixedNew.id, kind: 'baseline', answers: { bookkeeping: 1, turnover: 0, general_assembly: false, brand: false } });

    const adminUser = await createTestUser(db, [{ role: 'admin' }]);
    const funderUser = await createTestUser(db, [{ role: 'funder', programmeId }]);
    const otherFunderUser = await createTestUser(db, [{ role: 'funder', programmeId: emptyProgrammeId }]);
    const representativeUser = await createTestUser(db, [{ role: 'cooperative_representative', cooperativeId: tarfaya.id }]);
    admin = await signIn(app, adminUser.email, adminUser.password);
    funder = await signIn(app, funderUser.email, funderUser.password);
    otherFunder = await signIn(app, otherFunderUser.email, otherFunderUser.password);
    representative = await signIn(app, representativeUser.email, representativeUser.password);
  });

  afterAll(async () => {
    await app.close();
  });

  const heatmap = async (agent: Agent, query = '') => agent.request({ method: 'GET', url: `/api/programmes/${programmeId}/needs/heatmap${query}` });

  it('lists validated baselines as cooperatives × domains, with means and needs', async () => {
    const response = await heatmap(funder);
    expect(response.statusCode).toBe(200);
    const body = response.json() as Heatmap;
    expect(body.domains).toEqual([
      { key: 'financial', label: 'Financier', threshold: 60, weight: 1, mean: 41.7, needCount: 1 },
      { key: 'good_governance', label: 'Gouvernance', threshold: 50, weight: 2, mean: 50, needCount: 1 },
    ]);
    expect(body.total).toBe(2);
    expect(body.rows.map((row) => row.nameFr)).toEqual(['Coopérative Akhfennir Pêche', 'Coopérative Boujdour Couscous']);
    expect(body.rows[0]).toMatchObject({
      cooperativeId: cooperatives.tarfaya.id,
      diagnosticId: cooperatives.tarfaya.baselineId,
      provinceCode: '11.537',
      sector: 'fisheries',
      scores: { financial: 10, good_governance: 0 },
      needs: ['financial', 'good_governance'],
      maturityLevel: 1,
    });
    expect(body.facets).toEqual({ provinces: ['11.121', '11.537'], sectors: ['agrifood', 'fisheries'] });
    expect(body.maturityCounts).toEqual({ '1': 1, '2': 0, '3': 0, '4': 1 });
    // A funder never receives a person's name or phone.
    expect(response.body).not.toMatch(/06\d{8}/);
    expect(response.body).not.toContain('Fatima Zahra');
  });

  it('speaks the requester’s language', async () => {
    const body = (await admin.request({ method: 'GET', url: `/api/programmes/${programmeId}/needs/heatmap`, headers: { 'accept-language': 'ar' } })).json() as Heatmap;
    // The page's language (sent by the web app) names the domains.
    expect(body.domains[0]?.label).toBe('Financier بالعربية');
    const saved = (await admin.request({ method: 'GET', url: `/api/programmes/${programmeId}/needs/heatmap` })).json() as Heatmap;
    expect(saved.domains[0]?.label).toBe('Financier');
    const asked = (await admin.request({ method: 'GET', url: `/api/programmes/${programmeId}/needs/constraints?locale=en`, headers: { 'accept-language': 'ar' } })).json() as Constraints;
    expect(asked.domains[0]?.domainLabel).toBe('Gouvernance in English');
  });

  it('filters and sorts in the database', async () => {
    const byFinancial = (await heatmap(funder, '?sort=financial&direction=desc')).json() as Heatmap;
    expect(byFinancial.rows.map((row) => row.scores.financial)).toEqual([73.33, 10]);
    const byOverall = (await heatmap(funder, '?sort=overall&direction=asc')).json() as Heatmap;
    expect(byOverall.rows[0]?.cooperativeId).toBe(cooperatives.tarfaya.id);
    const needInGovernance = (await heatmap(funder, '?needIn=good_governance')).json() as Heatmap;
    expect(needInGovernance.rows.map((row) => row.cooperativeId)).toEqual([cooperatives.tarfaya.id]);
    expect(needInGovernance.total).toBe(1);
    expect(needInGovernance.domains[1]?.mean).toBe(0);
    const inBoujdour = (await heatmap(funder, '?province=11.121')).json() as Heatmap;
    expect(inBoujdour.rows.map((row) => row.cooperativeId)).toEqual([cooperatives.boujdour.id]);
    // Facets stay those of the whole programme.
    expect(inBoujdour.facets.provinces).toEqual(['11.121', '11.537']);
    const bySector = (await heatmap(funder, '?sector=fisheries&maturity=1')).json() as Heatmap;
    expect(bySector.rows.map((row) => row.cooperativeId)).toEqual([cooperatives.tarfaya.id]);
    const noneAtLevel3 = (await heatmap(funder, '?maturity=3')).json() as Heatmap;
    expect(noneAtLevel3).toMatchObject({ total: 0, rows: [] });
    const paged = (await heatmap(funder, '?pageSize=1&page=2')).json() as Heatmap;
    expect(paged.rows.map((row) => row.cooperativeId)).toEqual([cooperatives.boujdour.id]);
    expect(paged.total).toBe(2);
  });

  it('reads each row’s own domains when the versions in view differ', async () => {
    const mixed = (query: string) => admin.request({ method: 'GET', url: `/api/programmes/${mixedProgrammeId}/needs/heatmap${query}` });
    const byMarketing = (await mixed('?sort=marketing&direction=desc')).json() as Heatmap;
    expect(byMarketing.domains.map((domain) => domain.key)).toEqual(['financial', 'good_governance', 'marketing']);
    expect(byMarketing.rows.map((row) => [row.nameFr, row.scores.marketing, row.scores.financial])).toEqual([
      ['Coopérative Nouvelle Grille', 0, 0],
      ['Coopérative Ancienne Grille', null, 100],
    ]);
    expect(byMarketing.domains.find((domain) => domain.key === 'marketing')).toMatchObject({ mean: 0, needCount: 1 });
    const needInMarketing = (await mixed('?needIn=marketing')).json() as Heatmap;
    expect(needInMarketing.rows.map((row) => row.cooperativeId)).toEqual([mixedCooperativeId]);
    expect(needInMarketing.rows[0]?.needs).toEqual(['financial', 'good_governance', 'marketing']);
  });

  it('includes drafts with status=all', async () => {
    const body = (await heatmap(funder, '?status=all')).json() as Heatmap;
    expect(body.total).toBe(3);
    expect(body.rows.find((row) => row.cooperativeId === cooperatives.draft.id)).toMatchObject({ status: 'draft', scores: { good_governance: null } });
  });

  it('refuses an unknown domain or a bad filter with the field named', async () => {
    const unknown = await heatmap(funder, '?sort=marketing');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.issues).toEqual([{ path: ['sort'], key: 'needs_unknown_domain' }]);
    const badMaturity = await heatmap(funder, '?maturity=7');
    expect(badMaturity.statusCode).toBe(422);
    expect(badMaturity.json().error.issues[0].path).toEqual(['maturity']);
  });

  it('answers 404 to a funder of another programme, 403 to a representative of an enrolled cooperative', async () => {
    expect((await heatmap(otherFunder)).statusCode).toBe(404);
    expect((await heatmap(representative)).statusCode).toBe(403);
    expect((await admin.request({ method: 'GET', url: '/api/programmes/00000000-0000-4000-8000-000000000000/needs/heatmap' })).statusCode).toBe(404);
    for (const route of ['constraints', 'comparison']) {
      expect((await otherFunder.request({ method: 'GET', url: `/api/programmes/${programmeId}/needs/${route}` })).statusCode).toBe(404);
      expect((await funder.request({ method: 'GET', url: `/api/programmes/${programmeId}/needs/${route}` })).statusCode).toBe(200);
    }
  });

  it('ranks the constraints across all cooperatives', async () => {
    const response = await funder.request({ method: 'GET', url: `/api/programmes/${programmeId}/needs/constraints` });
    expect(response.statusCode).toBe(200);
    const body = response.json() as Constraints;
    expect(body.cooperatives).toBe(2);
    // Governance: gap 50 × weight 2 = 100; financial: gap 50 × 1 = 50.
    expect(body.domains.map((entry) => [entry.domainKey, entry.domainLabel, entry.count, entry.share, entry.meanGap, entry.priority])).toEqual([
      ['good_governance', 'Gouvernance', 1, 0.5, 50, 100],
      ['financial', 'Financier', 1, 0.5, 50, 50],
    ]);
    const questions = body.questions.map((entry) => [entry.questionKey, entry.questionLabel, entry.count]);
    expect(questions).toEqual(
      expect.arrayContaining([
        ['general_assembly', 'Assemblée générale tenue', 1],
        ['bookkeeping', 'Comptabilité tenue', 1],
        ['turnover', 'Chiffre d’affaires', 1],
      ]),
    );
  });

  it('compares baseline and endline on the questions that mean the same', async () => {
    const response = await funder.request({ method: 'GET', url: `/api/programmes/${programmeId}/needs/comparison` });
    expect(response.statusCode).toBe(200);
    const body = response.json() as Comparison;
    expect(body).toMatchObject({ hasEndline: true, baselines: 2, endlines: 1 });
    expect(body.cooperatives).toHaveLength(1);
    const [tarfaya] = body.cooperatives;
    expect(tarfaya).toMatchObject({ cooperativeId: cooperatives.tarfaya.id, comparedCount: 2 });
    expect(tarfaya?.leftOut).toEqual([{ questionKey: 'turnover', domainKey: 'financial', label: 'Chiffre d’affaires', reason: 'meaning_changed' }]);
    // Financial on bookkeeping alone: 0 → 100; governance 0 → 100.
    expect(tarfaya?.domains).toEqual([
      { domainKey: 'financial', baseline: 0, endline: 100, delta: 100 },
      { domainKey: 'good_governance', baseline: 0, endline: 100, delta: 100 },
    ]);
    expect(tarfaya?.overall).toEqual({ baseline: 0, endline: 100, delta: 100 });
    expect(body.programme.overall).toEqual({ cooperatives: 1, baseline: 0, endline: 100, delta: 100 });
    expect(body.domains.map((domain) => domain.key)).toEqual(['financial', 'good_governance']);
  });

  it('says so when no endline exists yet', async () => {
    const body = (await otherFunder.request({ method: 'GET', url: `/api/programmes/${emptyProgrammeId}/needs/comparison` })).json() as Comparison;
    expect(body).toMatchObject({ hasEndline: false, baselines: 0, endlines: 0, cooperatives: [] });
    const heatmapBody = (await otherFunder.request({ method: 'GET', url: `/api/programmes/${emptyProgrammeId}/needs/heatmap` })).json() as Heatmap;
    expect(heatmapBody).toMatchObject({ total: 0, rows: [], domains: [] });
  });
});
