import { canFillDiagnostic, canManageProgramme, canReadProgrammeReports, representsCooperative } from '../access/policies.js';
import type { Principal } from '../access/roles.js';

/**
 * Who may see and move a programme's money. The programme's managers (and
 * admins) keep the budget lines, commit and disburse; its team and its
 * funders read the lines, balances and commitments (amounts and cooperatives,
 * never notes or documents, which may name people); a cooperative's
 * representative reads what is committed and paid for its own actions.
 */

export function canManageFinancing(principal: Principal, programmeId: string): boolean {
  return canManageProgramme(principal, programmeId);
}

/** The programme's financing page: its team and its funders. */
export function canReadFinancing(principal: Principal, programmeId: string): boolean {
  return canReadProgrammeReports(principal, programmeId);
}

/** One action's commitments and disbursements: whoever reads the programme's financing, and the cooperative's representative. */
export function canReadActionFinancing(principal: Principal, programmeId: string, cooperativeId: string): boolean {
  return canReadFinancing(principal, programmeId) || representsCooperative(principal, cooperativeId);
}

/** Notes and documents (agreements, invoices, receipts): the team, and the representative for their cooperative; not funders. */
export function canReadFinancingDetails(principal: Principal, programmeId: string, cooperativeId: string | null): boolean {
  return canFillDiagnostic(principal, programmeId) || (cooperativeId !== null && representsCooperative(principal, cooperativeId));
}
