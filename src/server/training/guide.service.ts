import type { Locale, Principal } from '../../core/access/roles.js';
import { defaultFrameworkDefinition } from '../../core/diagnostics/default-framework.js';
import { messages } from '../../core/i18n/messages.js';
import { buildTrainingGuide, buildTrainingPath, planCooperativeIds, type GuideSource, type TrainingDocument } from '../../core/training/guide.js';
import { canReadPlanDetail, canReadTrainingPath } from '../../core/training/plan.policies.js';
import { planResultSchema } from '../../core/training/plan.schema.js';
import type { Db } from '../db/database.js';
import { renderPdf } from '../documents/typst-renderer.js';
import { forbidden, notFound } from '../http/errors.js';
import { asciiSlug, contentDisposition } from '../reports/diagnostic-report.document.js';
import { renderTrainingDocx } from './guide.docx.js';
import {
  findGuideProgramme,
  listGuideCooperatives,
  listGuideFrameworks,
  listGuideFunders,
  listGuideModules,
  listGuidePhases,
  listGuideTrainers,
} from './guide.repository.js';
import { findPlan, type FullPlanRow } from './plan.repository.js';
import { assertCanReadSummary } from './plan.service.js';

/**
 * The training guide of a plan version and the training path of one of its
 * cooperatives, as PDF or DOCX. Both name cooperatives, so they go to who
 * reads the plan whole (the programme's team, admins); a funder, who reads
 * only the summary, is refused; a cooperative's representative gets its own
 * path. Anyone who cannot see the programme gets "not found".
 */

export type GuideFormat = 'pdf' | 'docx';

export const guideContentTypes: Record<GuideFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface GuideFile {
  bytes: Buffer;
  contentType: string;
  contentDisposition: string;
}

async function refuse(db: Db, principal: Principal, programmeId: string): Promise<never> {
  await assertCanReadSummary(db, principal, programmeId);
  throw forbidden();
}

async function sourceOf(db: Db, row: FullPlanRow): Promise<{ source: GuideSource; cooperativeIds: string[] }> {
  const result = planResultSchema.parse(row.result);
  const programme = await findGuideProgramme(db, row.programmeId);
  if (!programme) throw notFound();
  const cooperativeIds = planCooperativeIds(result);
  const moduleIds = new Set([...result.modules.map((planned) => planned.moduleId), ...result.coaching.map((entry) => entry.moduleId)]);
  const trainerIds = new Set<string>();
  for (const planned of result.modules) for (const group of planned.groups) trainerIds.add(group.trainerId);
  for (const workshop of result.workshops) if (workshop.trainerId) trainerIds.add(workshop.trainerId);
  const [phases, funders, modules, cooperatives, trainers, frameworks] = await Promise.all([
    listGuidePhases(db, row.programmeId),
    listGuideFunders(db, row.programmeId),
    listGuideModules(db, [...moduleIds]),
    listGuideCooperatives(db, cooperativeIds),
    listGuideTrainers(db, [...trainerIds]),
    listGuideFrameworks(db, row.programmeId, programme.frameworkId),
  ]);
  const source: GuideSource = {
    programme: {
      code: programme.code,
      name: { fr: programme.nameFr, ar: programme.nameAr, en: programme.nameEn },
      description: { fr: programme.descriptionFr, ar: programme.descriptionAr, en: programme.descriptionEn },
      operator: programme.operatorNameFr ? { fr: programme.operatorNameFr, ar: programme.operatorNameAr, en: programme.operatorNameEn } : null,
      regionCodes: programme.regionCodes,
      provinceCodes: programme.provinceCodes,
      startDate: programme.startDate,
      durationMonths: programme.durationMonths,
      phases,
      funders: funders.map((funder) => ({ fr: funder.nameFr, ar: funder.nameAr, en: funder.nameEn })),
    },
    plan: { version: row.version, status: row.status, createdAt: row.createdAt, approvedAt: row.approvedAt, result },
    modules,
    cooperatives,
    trainers: Object.fromEntries(trainers.map((trainer) => [trainer.id, trainer.displayName])),
    // The shipped framework names the needs of plans whose diagnostics are gone.
    frameworks: [...frameworks, defaultFrameworkDefinition],
  };
  return { source, cooperativeIds };
}

async function render(model: TrainingDocument, format: GuideFormat, generatedAt: Date): Promise<Buffer> {
  return format === 'pdf' ? renderPdf('training-guide', model, { createdAt: generatedAt }) : renderTrainingDocx(model);
}

const fileSafe = (text: string) => text.trim().replace(/[\s/\\:*?"<>|]+/g, '-');

/** `guide-de-formation-injaz-lsh-18-v3-ar.pdf` in ASCII (Latin titles), and `دليل-التكوين-INJAZ-LSH-18-v3-ar.pdf` for `filename*`. */
function fileNames(title: 'guideTitle' | 'pathTitle', subject: { ascii: string; utf8: string }, version: number, locale: Locale, format: GuideFormat) {
  const latin = messages[locale === 'ar' ? 'fr' : locale].guide.document[title];
  return {
    ascii: `${asciiSlug(latin, 'document')}-${subject.ascii}-v${version}-${locale}.${format}`,
    utf8: `${fileSafe(messages[locale].guide.document[title])}-${subject.utf8}-v${version}-${locale}.${format}`,
  };
}

export async function getTrainingGuide(db: Db, principal: Principal, planId: string, locale: Locale, format: GuideFormat): Promise<GuideFile> {
  const row = await findPlan(db, planId);
  if (!row) throw notFound();
  if (!canReadPlanDetail(principal, row.programmeId)) await refuse(db, principal, row.programmeId);
  const { source } = await sourceOf(db, row);
  const generatedAt = new Date();
  const model = buildTrainingGuide(source, locale, generatedAt);
  const code = source.programme.code;
  const names = fileNames('guideTitle', { ascii: asciiSlug(code, 'programme'), utf8: fileSafe(code) }, row.version, locale, format);
  return { bytes: await render(model, format, generatedAt), contentType: guideContentTypes[format], contentDisposition: contentDisposition(names) };
}

export async function getTrainingPath(db: Db, principal: Principal, planId: string, cooperativeId: string, locale: Locale, format: GuideFormat): Promise<GuideFile> {
  const row = await findPlan(db, planId);
  if (!row) throw notFound();
  if (!canReadTrainingPath(principal, row.programmeId, cooperativeId)) await refuse(db, principal, row.programmeId);
  const { source, cooperativeIds } = await sourceOf(db, row);
  if (!cooperativeIds.includes(cooperativeId)) throw notFound();
  const generatedAt = new Date();
  const model = buildTrainingPath(source, cooperativeId, locale, generatedAt);
  if (!model) throw notFound();
  const cooperative = source.cooperatives.find((entry) => entry.id === cooperativeId);
  const names = fileNames('pathTitle', { ascii: asciiSlug(cooperative?.nameFr ?? '', 'cooperative'), utf8: fileSafe(model.cover.subject) }, row.version, locale, format);
  return { bytes: await render(model, format, generatedAt), contentType: guideContentTypes[format], contentDisposition: contentDisposition(names) };
}
