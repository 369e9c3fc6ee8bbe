import { canFillDiagnostic, canManageProgramme, canReadProgrammeReports, representsCooperative } from '../access/policies.js';
import type { Principal } from '../access/roles.js';

/**
 * Training plans: the programme's managers generate and approve them, its
 * consultants read them whole, its funders read only the summary of each
 * version (counts, never which cooperative is where).
 */
export function canManagePlans(principal: Principal, programmeId: string): boolean {
  return canManageProgramme(principal, programmeId);
}

export function canReadPlanDetail(principal: Principal, programmeId: string): boolean {
  return canFillDiagnostic(principal, programmeId);
}

export function canReadPlanSummary(principal: Principal, programmeId: string): boolean {
  return canReadProgrammeReports(principal, programmeId);
}

/** A trainer's unavailability: the programme's managers, and the trainer for themselves. */
export function canEditUnavailability(principal: Principal, programmeId: string, trainerId: string): boolean {
  return canManagePlans(principal, programmeId) || principal.userId === trainerId;
}

/** A cooperative's training path: who reads the plan's detail, and the cooperative's own representative. */
export function canReadTrainingPath(principal: Principal, programmeId: string, cooperativeId: string): boolean {
  return canReadPlanDetail(principal, programmeId) || representsCooperative(principal, cooperativeId);
}
