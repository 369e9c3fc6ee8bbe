import { programmeScope } from '../../core/access/policies.js';
import type { Principal } from '../../core/access/roles.js';
import { computeIndicators } from '../../core/indicators/indicators.js';
import { canEnterOutcomes, canReadAllOutcomes, canReadIndicators } from '../../core/indicators/indicators.policies.js';
import type { IndicatorReport, IndicatorsQuery, Outcome, OutcomeInput, OutcomeList, OutcomesQuery } from '../../core/indicators/indicators.schema.js';
import { fromMoroccanWallClock, toMoroccanWallClock } from '../../core/sessions/local-time.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { conflict, forbidden, notFound, validationFailed } from '../http/errors.js';
import { hasAnyEnrolment, programmeExists } from '../reports/needs.repository.js';
import { findProgrammeTarget, readIndicatorSums } from './indicators.repository.js';
import { deleteOutcome, findOutcome, findOutcomeOn, findOutcomeView, insertOutcome, isCountedInProgramme, listOutcomeCooperatives, listOutcomes } from './outcomes.repository.js';

/**
 * A programme's indicators (aggregates for its team and its funders) and the
 * outcome figures entered per cooperative (by its team; a representative
 * reads their own cooperative's).
 */

const dayMs = 86_400_000;

/** Today in Morocco, and the instant it ends. */
export function moroccanToday(now: Date = new Date()): { today: string; endOfToday: string } {
  const today = toMoroccanWallClock(now.toISOString()).date;
  const tomorrow = new Date(Date.parse(`${today}T00:00:00Z`) + dayMs).toISOString().slice(0, 10);
  return { today, endOfToday: fromMoroccanWallClock(tomorrow, '00:00')! };
}

/** The cooperatives a person represents, among those they could see in a programme. */
function representedCooperatives(principal: Principal): string[] {
  const scope = programmeScope(principal);
  return scope.kind === 'all' ? [] : scope.cooperativeIds;
}

/**
 * 404 for a programme out of sight (or that does not exist); 403 for one the
 * person sees (a representative of an enrolled cooperative) but may not do
 * this in. `allowed` is the policy of the request.
 */
async function assertProgrammeAccess(db: Db, principal: Principal, programmeId: string, allowed: boolean): Promise<void> {
  if (allowed) {
    if (!(await programmeExists(db, programmeId))) throw notFound();
    return;
  }
  const scope = programmeScope(principal);
  const visible = scope.kind === 'all' || scope.programmeIds.includes(programmeId) || (await hasAnyEnrolment(db, programmeId, scope.cooperativeIds));
  if (!visible || !(await programmeExists(db, programmeId))) throw notFound();
  throw forbidden();
}

export async function readIndicators(db: Db, principal: Principal, programmeId: string, query: IndicatorsQuery, now = new Date()): Promise<IndicatorReport> {
  await assertProgrammeAccess(db, principal, programmeId, canReadIndicators(principal, programmeId));
  const { today, endOfToday } = moroccanToday(now);
  const by = query.by ?? null;
  const province = query.province ?? null;
  const sector = query.sector ?? null;
  const [programme, sums] = await Promise.all([findProgrammeTarget(db, programmeId), readIndicatorSums(db, { programmeId, by, province, sector, today, endOfToday })]);
  // A target is for the whole programme: not compared with a province's or a sector's count.
  const targetCooperatives = province || sector ? null : (programme?.targetCooperatives ?? null);
  return {
    programmeId,
    today,
    by,
    filters: { province, sector },
    indicators: computeIndicators({ by, targetCooperatives, total: sums.total, groups: sums.groups }),
  };
}

export async function readOutcomes(db: Db, principal: Principal, programmeId: string, query: OutcomesQuery): Promise<OutcomeList> {
  const seesAll = canReadAllOutcomes(principal, programmeId);
  const represented = seesAll ? [] : representedCooperatives(principal);
  const ownEnrolled = !seesAll && (await hasAnyEnrolment(db, programmeId, represented));
  await assertProgrammeAccess(db, principal, programmeId, seesAll || ownEnrolled);
  const scope = seesAll ? null : represented;
  const [items, cooperatives] = await Promise.all([listOutcomes(db, programmeId, query, scope), listOutcomeCooperatives(db, programmeId, scope)]);
  return { canEdit: canEnterOutcomes(principal, programmeId), items, cooperatives };
}

export async function addOutcome(db: Db, principal: Principal, programmeId: string, input: OutcomeInput, now = new Date()): Promise<Outcome> {
  await assertProgrammeAccess(db, principal, programmeId, canEnterOutcomes(principal, programmeId));
  const issues = [];
  if (!(await isCountedInProgramme(db, programmeId, input.cooperativeId))) issues.push({ path: ['cooperativeId'], key: 'outcome_cooperative_not_enrolled' });
  const { today } = moroccanToday(now);
  if (input.measuredOn > today) issues.push({ path: ['measuredOn'], key: 'outcome_date_future', params: { today } });
  if (issues.length > 0) throw validationFailed(issues);
  const id = await db.transaction().execute(async (trx) => {
    if (await findOutcomeOn(trx, programmeId, input.cooperativeId, input.indicator, input.measuredOn)) {
      throw conflict({ reason: 'outcome_exists', indicator: input.indicator, measuredOn: input.measuredOn });
    }
    const created = await insertOutcome(trx, { programmeId, ...input, recordedBy: principal.userId });
    await recordAudit(trx, { actorId: principal.userId, action: 'create', entityType: 'outcome_measurement', entityId: created, after: { ...input }, context: { programmeId } });
    return created;
  }).catch((error: unknown) => {
    // Two people entering the same figure at the same moment: the second meets the unique key.
    if ((error as { code?: string }).code === '23505') throw conflict({ reason: 'outcome_exists', indicator: input.indicator, measuredOn: input.measuredOn });
    throw error;
  });
  return (await findOutcomeView(db, programmeId, id))!;
}

export async function removeOutcome(db: Db, principal: Principal, programmeId: string, id: string): Promise<void> {
  await assertProgrammeAccess(db, principal, programmeId, canEnterOutcomes(principal, programmeId));
  await db.transaction().execute(async (trx) => {
    const row = await findOutcome(trx, programmeId, id);
    if (!row) throw notFound();
    await deleteOutcome(trx, id);
    await recordAudit(trx, { actorId: principal.userId, action: 'delete', entityType: 'outcome_measurement', entityId: id, before: { ...row }, context: { programmeId } });
  });
}
