import { hasRole } from '../access/policies.js';
import type { Principal } from '../access/roles.js';

/** The outbox shows every e-mail the platform sent or would have sent: admins and programme managers. */
export function canReadOutbox(principal: Principal): boolean {
  return hasRole(principal, 'admin', 'programme_manager');
}
