import { canFillDiagnostic, canManageProgramme, hasRole, representsCooperative, rolesInProgramme } from '../access/policies.js';
import type { Principal } from '../access/roles.js';

/**
 * Who may do what with follow-ups. The programme's team (admins, managers, consultants) records them, confirmed at
 * once; the cooperative's representative reports progress, which the team then confirms; funders see none of it
 * (follow-ups name people and say what goes wrong in a cooperative).
 */

/** The follow-up lists (due this week, overdue, compliance): the operator's staff who run or follow programmes. */
export function canSeeFollowUpLists(principal: Principal): boolean {
  return hasRole(principal, 'admin', 'programme_manager', 'consultant');
}

/** The lists of one programme: its team. */
export function canSeeProgrammeFollowUps(principal: Principal, programmeId: string): boolean {
  return canFillDiagnostic(principal, programmeId);
}

/** Recording a follow-up that applies at once, and confirming a representative's report: the programme's team. */
export function canRecordFollowUp(principal: Principal, programmeId: string): boolean {
  return canFillDiagnostic(principal, programmeId);
}

/** Reporting progress for the team to confirm: the cooperative's representative. */
export function canReportProgress(principal: Principal, cooperativeId: string): boolean {
  return representsCooperative(principal, cooperativeId);
}

/** Reading a cooperative's follow-ups: the programme's team and the cooperative's representative. */
export function canReadFollowUps(principal: Principal, programmeId: string, cooperativeId: string): boolean {
  return canRecordFollowUp(principal, programmeId) || canReportProgress(principal, cooperativeId);
}

/** What a follow-up recorded by this person becomes: confirmed (the team) or reported (a representative); null if neither. */
export function recordsAs(principal: Principal, programmeId: string, cooperativeId: string): 'confirmed' | 'reported' | null {
  if (canRecordFollowUp(principal, programmeId)) return 'confirmed';
  if (canReportProgress(principal, cooperativeId)) return 'reported';
  return null;
}

/** Generating the follow-up sessions from the cadence: the programme's managers and admins. */
export function canScheduleFollowUps(principal: Principal, programmeId: string): boolean {
  return canManageProgramme(principal, programmeId);
}

/** Funders of the programme see it exists (so they get 403, not 404, on its follow-ups). */
export function isProgrammeFunder(principal: Principal, programmeId: string): boolean {
  return rolesInProgramme(principal, programmeId).includes('funder');
}
