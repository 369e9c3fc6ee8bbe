import { canFillDiagnostic, canReadProgrammeReports, representsCooperative } from '../access/policies.js';
import type { Principal } from '../access/roles.js';

/**
 * The action plan document names the cooperative's members (executors), who
 * accepted the plan and carries signature lines: it goes to the programme
 * team (admins, its managers and consultants) and to the cooperative's own
 * representative. A funder of the programme, who reads the plans without
 * personal data, is refused (403); anyone else is told the plan does not
 * exist (404).
 */
export function canDownloadActionPlanDocument(principal: Principal, programmeId: string, cooperativeId: string): boolean {
  return canFillDiagnostic(principal, programmeId) || representsCooperative(principal, cooperativeId);
}

/** Who may know the plan exists without receiving its document. */
export function knowsActionPlan(principal: Principal, programmeId: string): boolean {
  return canReadProgrammeReports(principal, programmeId);
}
