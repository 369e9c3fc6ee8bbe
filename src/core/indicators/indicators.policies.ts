import { canFillDiagnostic, canReadProgrammeReports, representsCooperative } from '../access/policies.js';
import type { Principal } from '../access/roles.js';

/**
 * Who sees and enters a programme's indicators. The indicators are
 * aggregates (counts, sums, averages; never a name or a phone): the
 * programme's team and its funders read them. Outcome figures are per
 * cooperative and entered by the team, who check them against the
 * cooperative's books; a representative reads their own cooperative's
 * figures but does not enter them (figures a funder will read must be
 * checked by someone other than who benefits from them).
 */

export function canReadIndicators(principal: Principal, programmeId: string): boolean {
  return canReadProgrammeReports(principal, programmeId);
}

/** Entering and deleting outcome figures: the programme's consultants, its managers and admins. */
export function canEnterOutcomes(principal: Principal, programmeId: string): boolean {
  return canFillDiagnostic(principal, programmeId);
}

/** Reading the figures of every cooperative of the programme: who enters them. Funders read the aggregates only. */
export function canReadAllOutcomes(principal: Principal, programmeId: string): boolean {
  return canEnterOutcomes(principal, programmeId);
}

/** Reading one cooperative's figures: the team, and the cooperative's representative. */
export function canReadCooperativeOutcomes(principal: Principal, programmeId: string, cooperativeId: string): boolean {
  return canReadAllOutcomes(principal, programmeId) || representsCooperative(principal, cooperativeId);
}
