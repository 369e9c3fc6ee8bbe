import { canFillDiagnostic, canManageProgramme, canReadProgrammeReports } from '../access/policies.js';
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
