import type { Locale, Principal } from '../../core/access/roles.js';
import { buildActionPlanDocument, inDocumentLanguage, type ActionPlanDocument, type ActionPlanDocumentSource, type SourceAction } from '../../core/action-plans/document.js';
import { canDownloadActionPlanDocument, knowsActionPlan } from '../../core/action-plans/document.policies.js';
import { findTemplate } from '../../core/action-plans/templates.js';
import { defaultFrameworkDefinition } from '../../core/diagnostics/default-framework.js';
import { messages } from '../../core/i18n/messages.js';
import type { Db } from '../db/database.js';
import { renderPdf } from '../documents/typst-renderer.js';
import { forbidden, notFound } from '../http/errors.js';
import { asciiSlug, contentDisposition } from '../reports/diagnostic-report.document.js';
import { renderActionPlanDocx } from './document.docx.js';
import { isRepresentativeOf, listPlanActions, type PlanActionRow } from './action-plans.repository.js';
import { findDocumentDiagnostic, findDocumentPlan, findDocumentSignatories, type DocumentPlanRow } from './document.repository.js';

/**
 * The action plan handed to the cooperative, as PDF or DOCX, in French,
 * Arabic or English. Read only: nothing is written, so nothing is audited.
 */

export type ActionPlanDocumentFormat = 'pdf' | 'docx';

export const actionPlanDocumentContentTypes: Record<ActionPlanDocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface ActionPlanDocumentFile {
  bytes: Buffer;
  contentType: string;
  contentDisposition: string;
}

/**
 * An action as the document reads it, from the same row as the plan screen:
 * only what the document prints is taken (no ids, versions or history flags).
 * A text still as its template wrote it is shown in the document's language.
 */
function sourceAction(row: PlanActionRow, locale: Locale): SourceAction {
  const template = row.templateCode ? findTemplate(row.templateCode) : undefined;
  const indicatorTemplate = (label: string) =>
    template?.indicators.find((candidate) => [candidate.label.fr, candidate.label.ar, candidate.label.en].some((text) => text.trim() === label.trim()));
  return {
    position: row.position,
    title: inDocumentLanguage(row.title, template?.title, locale),
    description: row.description === null ? null : inDocumentLanguage(row.description, template?.description, locale),
    domainKey: row.domainKey,
    needKeys: row.needKeys,
    executor: {
      kind: row.executorKind,
      name:
        row.executorKind === 'member' && row.memberName
          ? { fr: row.memberName, ar: null, en: null }
          : row.executorKind === 'consultant' && row.userName
            ? { fr: row.userName, ar: null, en: null }
            : row.executorKind === 'organisation' && row.organisationNameFr
              ? { fr: row.organisationNameFr, ar: row.organisationNameAr, en: row.organisationNameEn }
              : null,
      memberRole: row.executorKind === 'member' ? row.memberRole : null,
      label: row.executorLabel,
    },
    startsOn: row.startsOn,
    dueOn: row.dueOn,
    agreedDueOn: row.agreedDueOn,
    status: row.status,
    progress: row.progress,
    doneOn: row.doneOn,
    budgetMad: row.budgetMad === null ? null : Number(row.budgetMad),
    financingSource: row.financingSource,
    stakeholders: row.stakeholders.map((stakeholder) => ({
      name: { fr: stakeholder.nameFr, ar: stakeholder.nameAr, en: stakeholder.nameEn },
      acronym: stakeholder.acronym,
      role: stakeholder.role,
    })),
    indicators: row.indicators.map((indicator) => {
      const matching = indicatorTemplate(indicator.label);
      return {
        kind: indicator.kind,
        label: inDocumentLanguage(indicator.label, matching?.label, locale),
        unit: inDocumentLanguage(indicator.unit, matching?.unit, locale),
        // Inside JSON, numerics arrive as numbers already; a value typed as a string (some drivers) is read as one.
        baseline: indicator.baseline === null ? null : Number(indicator.baseline),
        target: Number(indicator.target),
        targetDate: indicator.targetDate,
        measurements: indicator.measurements.map((measurement) => ({ measuredOn: measurement.measuredOn, value: Number(measurement.value), note: measurement.note })),
      };
    }),
  };
}

async function sourceOf(db: Db, plan: DocumentPlanRow, locale: Locale): Promise<ActionPlanDocumentSource> {
  const [actions, diagnostic, signatories, acceptedByRepresentative] = await Promise.all([
    listPlanActions(db, plan.id),
    plan.diagnosticId ? findDocumentDiagnostic(db, plan.diagnosticId, plan.cooperativeId) : Promise.resolve(undefined),
    findDocumentSignatories(db, plan.programmeId, plan.cooperativeId),
    plan.acceptedBy ? isRepresentativeOf(db, plan.acceptedBy, plan.cooperativeId) : Promise.resolve(false),
  ]);
  return {
    programme: {
      code: plan.programmeCode,
      name: { fr: plan.programmeNameFr, ar: plan.programmeNameAr, en: plan.programmeNameEn },
      operator: plan.operatorNameFr ? { fr: plan.operatorNameFr, ar: plan.operatorNameAr, en: plan.operatorNameEn } : null,
    },
    cooperative: {
      nameFr: plan.cooperativeNameFr,
      nameAr: plan.cooperativeNameAr,
      registrationNumber: plan.registrationNumber,
      provinceCode: plan.provinceCode,
      sector: plan.sector,
      valueChain: plan.valueChain,
    },
    plan: {
      status: plan.status,
      revision: plan.revision,
      updatedAt: plan.updatedAt,
      acceptedAt: plan.acceptedAt,
      acceptedByName: plan.acceptedByName,
      acceptedOnPaper: plan.acceptedBy !== null && !acceptedByRepresentative,
      acceptanceNote: plan.acceptanceNote,
    },
    // Without an account for the cooperative, the president signs for it.
    signatories: { representative: signatories.representative ?? plan.presidentName, consultant: signatories.consultant },
    diagnostic: diagnostic ? { validatedAt: diagnostic.validatedAt, needs: diagnostic.scores?.needs ?? [] } : null,
    // The shipped framework names the needs of a plan whose diagnostic is gone.
    frameworks: [...(diagnostic ? [diagnostic.definition] : []), defaultFrameworkDefinition],
    actions: actions.map((row) => sourceAction(row, locale)),
  };
}

async function render(model: ActionPlanDocument, format: ActionPlanDocumentFormat, generatedAt: Date): Promise<Buffer> {
  return format === 'pdf' ? renderPdf('action-plan', model, { createdAt: generatedAt }) : renderActionPlanDocx(model);
}

const fileSafe = (text: string) => text.trim().replace(/[\s/\\:*?"<>|]+/g, '-');

/** `plan-d-action-cooperative-tah-ar.pdf` in ASCII (Latin title), and `خطة-العمل-تعاونية-الطاح-ar.pdf` for `filename*`. */
function fileNames(plan: DocumentPlanRow, subject: string, locale: Locale, format: ActionPlanDocumentFormat) {
  const latin = messages[locale === 'ar' ? 'fr' : locale].actionPlanDocument.document.title;
  return {
    ascii: `${asciiSlug(latin, 'plan')}-${asciiSlug(plan.cooperativeNameFr ?? '', 'cooperative')}-${locale}.${format}`,
    utf8: `${fileSafe(messages[locale].actionPlanDocument.document.title)}-${fileSafe(subject)}-${locale}.${format}`,
  };
}

export async function getActionPlanDocument(
  db: Db,
  principal: Principal,
  actionPlanId: string,
  locale: Locale,
  format: ActionPlanDocumentFormat,
): Promise<ActionPlanDocumentFile> {
  const plan = await findDocumentPlan(db, actionPlanId);
  if (!plan) throw notFound();
  if (!canDownloadActionPlanDocument(principal, plan.programmeId, plan.cooperativeId)) {
    if (knowsActionPlan(principal, plan.programmeId)) throw forbidden();
    throw notFound();
  }
  const source = await sourceOf(db, plan, locale);
  const generatedAt = new Date();
  const model = buildActionPlanDocument(source, locale, generatedAt);
  return {
    bytes: await render(model, format, generatedAt),
    contentType: actionPlanDocumentContentTypes[format],
    contentDisposition: contentDisposition(fileNames(plan, model.cover.subject, locale, format)),
  };
}
