import { canFillDiagnostic, canManageProgramme, canReadCooperative, canReadProgrammeReports, representsCooperative } from '../../core/access/policies.js';
import type { Principal } from '../../core/access/roles.js';
import { programmeEndDate } from '../../core/programmes/calendar.js';
import { evaluateEligibility, type EligibilityReason } from '../../core/programmes/eligibility.js';
import {
  enrolmentSchema,
  type BulkEnrolmentInput,
  type CandidateQuery,
  type Enrolment,
  type EnrolmentStatus,
  type EnrolmentUpdate,
} from '../../core/programmes/enrolment.schema.js';
import { eligibilityRulesSchema } from '../../core/programmes/programme-settings.schema.js';
import { displayName } from '../../core/registry/cooperative.rules.js';
import type { Issue } from '../../core/shared/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../http/errors.js';
import {
  findCooperativesForEnrolment,
  findEnrolment,
  findEnrolmentsOf,
  insertEnrolment,
  isProgrammeConsultant,
  listCandidateRows,
  listCooperativeEnrolments,
  listEnrolmentRows,
  listFollowUpDiagnostics,
  lockEnrolment,
  otherActiveEnrolments,
  updateEnrolmentRow,
  type EnrolmentValues,
} from './enrolment.repository.js';
import { readableProgramme } from './programme.service.js';
import type { ProgrammeRow } from './programme.repository.js';

/** Today, as a calendar date: the day of enrolment that the age rule reads. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

function rulesOf(programme: ProgrammeRow) {
  return eligibilityRulesSchema.parse(programme.eligibility ?? {});
}

function territoryOf(programme: ProgrammeRow) {
  return { id: programme.id, regionCodes: programme.regionCodes ?? [], provinceCodes: programme.provinceCodes ?? [] };
}

async function manageableProgramme(db: Db, principal: Principal, programmeId: string) {
  const programme = await readableProgramme(db, principal, programmeId);
  if (!canManageProgramme(principal, programmeId)) throw forbidden();
  return programme;
}

/** The other active programmes that already enrol each cooperative (as names, for the rule and the warning). */
async function activeElsewhere(db: Db, cooperativeIds: string[], programmeId: string) {
  const others = await otherActiveEnrolments(db, cooperativeIds, programmeId);
  const byCooperative = new Map<string, typeof others>();
  for (const other of others) byCooperative.set(other.cooperativeId, [...(byCooperative.get(other.cooperativeId) ?? []), other]);
  return byCooperative;
}

export async function searchCandidates(db: Db, principal: Principal, programmeId: string, query: CandidateQuery) {
  const programme = await manageableProgramme(db, principal, programmeId);
  const rules = rulesOf(programme);
  const asOf = today();
  const { rows, total } = await listCandidateRows(db, territoryOf(programme), rules, asOf, query);
  const elsewhere = await activeElsewhere(
    db,
    rows.map((row) => row.cooperativeId),
    programmeId,
  );
  const items = rows.map((row) => {
    const others = elsewhere.get(row.cooperativeId) ?? [];
    const result = evaluateEligibility(row, rules, territoryOf(programme), asOf, {
      activeProgrammeNames: others.filter((other) => other.status === 'enrolled').map((other) => other.nameFr),
    });
    return {
      cooperativeId: row.cooperativeId,
      registrationNumber: row.registrationNumber,
      nameFr: row.nameFr,
      nameAr: row.nameAr,
      legalForm: row.legalForm,
      creationDate: row.creationDate,
      sector: row.sector,
      regionCode: row.regionCode,
      provinceCode: row.provinceCode,
      membersTotal: row.membersTotal,
      membersWomen: row.membersWomen,
      membersYoung: row.membersYoung,
      eligible: result.eligible,
      reasons: result.reasons,
      enrolmentId: row.enrolmentId,
      enrolmentStatus: row.enrolmentStatus,
      otherActiveProgrammes: others.map(({ cooperativeId: _cooperativeId, ...other }) => other),
    };
  });
  return { items, total, page: query.page, pageSize: query.pageSize, asOf };
}

type FollowUp = Awaited<ReturnType<typeof listFollowUpDiagnostics>>[number];

function presentEnrolment(row: Awaited<ReturnType<typeof listEnrolmentRows>>[number], followUps: readonly FollowUp[] = []): Enrolment {
  return enrolmentSchema.parse({
    ...row,
    followUpDiagnostics: followUps.filter((diagnostic) => diagnostic.enrolmentId === row.id).map(({ enrolmentId: _enrolmentId, ...diagnostic }) => diagnostic),
    eligibilityReasons: row.eligibilityReasons ?? [],
    baselineDiagnostic: row.baselineId
      ? { id: row.baselineId, status: row.baselineStatus, overallScore: row.baselineScore, maturityLevel: row.baselineMaturityLevel }
      : null,
  });
}

/**
 * The programme's enrolments: its team and its funders see them all, a
 * cooperative's representative only their own cooperative's.
 */
export async function listEnrolments(db: Db, principal: Principal, programmeId: string, status?: EnrolmentStatus) {
  await readableProgramme(db, principal, programmeId);
  const seesAll = canFillDiagnostic(principal, programmeId) || canReadProgrammeReports(principal, programmeId);
  const cooperativeIds = seesAll
    ? undefined
    : principal.grants.filter((grant) => grant.role === 'cooperative_representative' && grant.cooperativeId).map((grant) => grant.cooperativeId as string);
  const rows = await listEnrolmentRows(db, programmeId, { ...(status ? { status } : {}), ...(cooperativeIds ? { cooperativeIds } : {}) });
  const followUps = await listFollowUpDiagnostics(db, programmeId, cooperativeIds ? rows.map((row) => row.id) : undefined);
  return rows.map((row) => presentEnrolment(row, followUps));
}

function auditContext(programmeId: string, values: { eligible: boolean; eligibilityReasons: unknown[]; overrideJustification: string | null }) {
  return {
    programmeId,
    eligible: values.eligible,
    ...(values.eligibilityReasons.length > 0 ? { eligibilityReasons: values.eligibilityReasons } : {}),
    ...(values.overrideJustification ? { overrideJustification: values.overrideJustification } : {}),
  };
}

/**
 * Enrols (or adds as candidates) several cooperatives at once, all or
 * nothing: one that fails a rule is enrolled only with a written
 * justification, kept on its enrolment and in the audit log.
 */
export async function enrolCooperatives(db: Db, principal: Principal, programmeId: string, input: BulkEnrolmentInput) {
  const programme = await manageableProgramme(db, principal, programmeId);
  const rules = rulesOf(programme);
  const territory = territoryOf(programme);
  const asOf = today();
  const ids = [...new Set(input.cooperativeIds)];

  const result = await db.transaction().execute(async (trx) => {
    const cooperatives = new Map((await findCooperativesForEnrolment(trx, ids)).map((row) => [row.id, row]));
    const existing = new Map((await findEnrolmentsOf(trx, programmeId, ids)).map((row) => [row.cooperativeId, row]));
    const elsewhere = await activeElsewhere(trx, ids, programmeId);
    const issues: Issue[] = [];
    const plans: Array<{ cooperativeId: string; eligible: boolean; reasons: EligibilityReason[] }> = [];

    input.cooperativeIds.forEach((cooperativeId, index) => {
      if (input.cooperativeIds.indexOf(cooperativeId) !== index) return;
      const cooperative = cooperatives.get(cooperativeId);
      if (!cooperative) {
        issues.push({ path: ['cooperativeIds', index], key: 'cooperative_unknown', params: { cooperativeId } });
        return;
      }
      const name = displayName(cooperative, principal.locale);
      if (cooperative.archivedAt) {
        issues.push({ path: ['cooperativeIds', index], key: 'cooperative_archived', params: { cooperativeId, name } });
        return;
      }
      const evaluation = evaluateEligibility(cooperative, rules, territory, asOf, {
        activeProgrammeNames: (elsewhere.get(cooperativeId) ?? []).filter((other) => other.status === 'enrolled').map((other) => other.nameFr),
      });
      const current = existing.get(cooperativeId);
      const becomesEnrolled = input.status === 'enrolled' && current?.status !== 'enrolled' && current?.status !== 'completed';
      if (becomesEnrolled && !evaluation.eligible && !input.overrideJustification) {
        issues.push({ path: ['cooperativeIds', index], key: 'not_eligible_needs_justification', params: { cooperativeId, name, reasons: evaluation.reasons } });
        return;
      }
      plans.push({ cooperativeId, eligible: evaluation.eligible, reasons: evaluation.reasons });
    });
    if (issues.length > 0) throw validationFailed(issues);

    let created = 0;
    let updated = 0;
    let unchanged = 0;
    const touched: string[] = [];
    for (const plan of plans) {
      const current = existing.get(plan.cooperativeId);
      const override = input.status === 'enrolled' && !plan.eligible ? input.overrideJustification : null;
      if (!current) {
        const values: EnrolmentValues = {
          status: input.status,
          candidateAt: asOf,
          enrolledAt: input.status === 'enrolled' ? asOf : null,
          withdrawnAt: null,
          withdrawalReason: null,
          completedAt: null,
          eligible: plan.eligible,
          eligibilityReasons: plan.reasons,
          overrideJustification: override,
          consultantId: null,
        };
        const { id } = await insertEnrolment(trx, { ...values, programmeId, cooperativeId: plan.cooperativeId, createdBy: principal.userId });
        await recordAudit(trx, {
          actorId: principal.userId,
          action: 'create',
          entityType: 'enrolment',
          entityId: id,
          after: { ...values, programmeId, cooperativeId: plan.cooperativeId },
          context: auditContext(programmeId, values),
        });
        created += 1;
        touched.push(id);
        continue;
      }
      const moves =
        (input.status === 'enrolled' && (current.status === 'candidate' || current.status === 'withdrawn')) ||
        (input.status === 'candidate' && current.status === 'withdrawn');
      if (!moves) {
        unchanged += 1;
        touched.push(current.id);
        continue;
      }
      const values: Partial<EnrolmentValues> = {
        status: input.status,
        ...(input.status === 'enrolled' ? { enrolledAt: asOf } : { candidateAt: asOf }),
        withdrawnAt: null,
        withdrawalReason: null,
        eligible: plan.eligible,
        eligibilityReasons: plan.reasons,
        overrideJustification: override ?? null,
      };
      await updateEnrolmentRow(trx, current.id, values);
      await recordAudit(trx, {
        actorId: principal.userId,
        action: 'update',
        entityType: 'enrolment',
        entityId: current.id,
        before: { ...current },
        after: { ...values },
        context: auditContext(programmeId, { eligible: plan.eligible, eligibilityReasons: plan.reasons, overrideJustification: override ?? null }),
      });
      updated += 1;
      touched.push(current.id);
    }
    return { created, updated, unchanged, touched };
  });

  const enrolments = (await listEnrolmentRows(db, programmeId, { ids: result.touched })).map((row) => presentEnrolment(row));
  return { created: result.created, updated: result.updated, unchanged: result.unchanged, enrolments };
}

const transitions: Record<EnrolmentStatus, EnrolmentStatus[]> = {
  candidate: ['enrolled', 'withdrawn'],
  enrolled: ['withdrawn', 'completed'],
  withdrawn: ['candidate', 'enrolled'],
  completed: ['enrolled'],
};

/** Changes an enrolment's status (each with its date) or its consultant. */
export async function updateEnrolment(db: Db, principal: Principal, enrolmentId: string, input: EnrolmentUpdate) {
  const found = await findEnrolment(db, enrolmentId);
  if (!found) throw notFound();
  const programme = await readableProgramme(db, principal, found.programmeId).catch((error: unknown) => {
    // A representative of the cooperative sees its programmes; anyone else gets "not found".
    if (representsCooperative(principal, found.cooperativeId)) throw forbidden();
    throw error;
  });
  if (!canManageProgramme(principal, programme.id)) throw forbidden();

  await db.transaction().execute(async (trx) => {
    const before = await lockEnrolment(trx, enrolmentId);
    if (!before) throw notFound();
    if (input.version !== undefined && before.version !== input.version) throw conflict({ reason: 'stale_version', currentVersion: before.version });
    const values: Partial<EnrolmentValues> = {};
    const day = today();
    if (input.status && input.status !== before.status) {
      if (!transitions[before.status].includes(input.status)) {
        throw validationFailed([{ path: ['status'], key: 'enrolment_status_change', params: { from: before.status, to: input.status } }]);
      }
      values.status = input.status;
      if (input.status === 'enrolled') {
        const [cooperative] = await findCooperativesForEnrolment(trx, [before.cooperativeId]);
        const others = (await otherActiveEnrolments(trx, [before.cooperativeId], programme.id)).filter((other) => other.status === 'enrolled');
        const evaluation = evaluateEligibility(cooperative!, rulesOf(programme), territoryOf(programme), day, { activeProgrammeNames: others.map((other) => other.nameFr) });
        if (!evaluation.eligible && !input.overrideJustification) {
          throw validationFailed([
            {
              path: ['overrideJustification'],
              key: 'not_eligible_needs_justification',
              params: { name: displayName(cooperative!, principal.locale), reasons: evaluation.reasons },
            },
          ]);
        }
        Object.assign(values, {
          enrolledAt: day,
          withdrawnAt: null,
          withdrawalReason: null,
          completedAt: null,
          eligible: evaluation.eligible,
          eligibilityReasons: evaluation.reasons,
          overrideJustification: evaluation.eligible ? null : (input.overrideJustification ?? null),
        });
      }
      if (input.status === 'candidate') Object.assign(values, { candidateAt: day, withdrawnAt: null, withdrawalReason: null });
      if (input.status === 'withdrawn') Object.assign(values, { withdrawnAt: day, withdrawalReason: input.withdrawalReason ?? null });
      if (input.status === 'completed') values.completedAt = day;
    }
    if (input.consultantId !== undefined && input.consultantId !== before.consultantId) {
      if (input.consultantId !== null && !(await isProgrammeConsultant(trx, input.consultantId, programme.id))) {
        throw validationFailed([{ path: ['consultantId'], key: 'person_unknown' }]);
      }
      values.consultantId = input.consultantId;
    }
    if (Object.keys(values).length === 0) return;
    await updateEnrolmentRow(trx, enrolmentId, values);
    await recordAudit(trx, {
      actorId: principal.userId,
      action: 'update',
      entityType: 'enrolment',
      entityId: enrolmentId,
      before: { ...before },
      after: { ...values },
      context: {
        programmeId: programme.id,
        ...(values.overrideJustification ? { overrideJustification: values.overrideJustification } : {}),
        ...(values.withdrawalReason ? { withdrawalReason: values.withdrawalReason } : {}),
      },
    });
  });
  const [row] = await listEnrolmentRows(db, programme.id, { ids: [enrolmentId] });
  if (!row) throw new AppError('internal');
  return presentEnrolment(row, await listFollowUpDiagnostics(db, programme.id, [row.id]));
}

/** Every programme a cooperative has been in, and whether more than one active programme supports it now. */
export async function getCooperativeProgrammes(db: Db, principal: Principal, cooperativeId: string) {
  if (!canReadCooperative(principal, cooperativeId)) throw notFound();
  const exists = await db.selectFrom('cooperatives').select('id').where('id', '=', cooperativeId).executeTakeFirst();
  if (!exists) throw notFound();
  const rows = await listCooperativeEnrolments(db, cooperativeId);
  const items = rows.map(({ durationMonths, approvedPlanId, inApprovedPlan, ...row }) => ({
    ...row,
    approvedPlanId: inApprovedPlan ? approvedPlanId : null,
    endDate: programmeEndDate(row.startDate, durationMonths),
    isActiveSupport: row.programmeStatus === 'active' && (row.status === 'enrolled' || row.status === 'candidate'),
  }));
  const supporting = new Set(items.filter((item) => item.isActiveSupport && item.status === 'enrolled').map((item) => item.programmeId));
  return { items, hasSeveralActiveProgrammes: supporting.size > 1 };
}
