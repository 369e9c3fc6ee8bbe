import { hasRole } from '../access/policies.js';
import type { Principal } from '../access/roles.js';

/**
 * The training catalogue holds no personal data: the operator's staff and
 * funders read it (funders read only); cooperative representatives meet
 * modules through their action plans, not the catalogue.
 */
export function canReadCatalogue(principal: Principal): boolean {
  return hasRole(principal, 'admin', 'programme_manager', 'consultant', 'funder');
}

/**
 * Writing the catalogue (create, edit, archive): admins, and programme
 * managers with a global grant, who design programmes across territories.
 * A manager of one programme only does not change what every programme uses.
 */
export function canManageCatalogue(principal: Principal): boolean {
  return principal.grants.some((grant) => grant.role === 'admin' || (grant.role === 'programme_manager' && grant.programmeId === null && grant.cooperativeId === null));
}
