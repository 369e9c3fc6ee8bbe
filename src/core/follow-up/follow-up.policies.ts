import { hasRole } from '../access/policies.js';
import type { Principal } from '../access/roles.js';

/** The follow-up lists (due this week, overdue, compliance): the operator's staff who run or follow programmes. */
export function canSeeFollowUpLists(principal: Principal): boolean {
  return hasRole(principal, 'admin', 'programme_manager', 'consultant');
}
