import { canFillDiagnostic, canReadProgrammeReports, representsCooperative } from '../access/policies.js';
import type { Principal } from '../access/roles.js';

/**
 * Action plans. The programme team (its managers and consultants, and
 * admins) drafts, edits and follows them; the cooperative's representative
 * reads theirs and accepts it; the programme's funders read them without any
 * personal data (members named as executors, who accepted, free notes).
 * Everyone else is told the plan does not exist.
 */

export function canEditActionPlan(principal: Principal, programmeId: string): boolean {
  return canFillDiagnostic(principal, programmeId);
}

export function canReadActionPlan(principal: Principal, programmeId: string, cooperativeId: string): boolean {
  return canReadProgrammeReports(principal, programmeId) || representsCooperative(principal, cooperativeId);
}

/** The plan's list of a programme: whoever reads every plan of it (a representative reads only their row). */
export function canListActionPlans(principal: Principal, programmeId: string): boolean {
  return canReadProgrammeReports(principal, programmeId);
}

/** Names of members, who accepted, notes: the team and the cooperative's representative, never a funder. */
export function canSeeActionPlanPersonalData(principal: Principal, programmeId: string, cooperativeId: string): boolean {
  return canEditActionPlan(principal, programmeId) || representsCooperative(principal, cooperativeId);
}

/** Accepting the plan in Taawon: the cooperative's representative. */
export function canAcceptActionPlan(principal: Principal, cooperativeId: string): boolean {
  return representsCooperative(principal, cooperativeId);
}

/**
 * Recording an acceptance the cooperative gave on paper (a signed plan): the
 * programme team, because most cooperatives have no account. The note says
 * who signed and the day it was signed is kept as the acceptance's date.
 */
export function canRecordPaperAcceptance(principal: Principal, programmeId: string): boolean {
  return canEditActionPlan(principal, programmeId);
}
