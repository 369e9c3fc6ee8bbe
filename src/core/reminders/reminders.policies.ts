import { hasRole } from '../access/policies.js';
import type { Principal } from '../access/roles.js';

/** The outbox shows every e-mail the platform sent or would have sent: admins and programme managers. */
export function canReadOutbox(principal: Principal): boolean {
  return hasRole(principal, 'admin', 'programme_manager');
}

/** Running the day's reminders now (they are written once a day whoever runs them): whoever reads the outbox. */
export function canRunReminders(principal: Principal): boolean {
  return canReadOutbox(principal);
}

/**
 * Whose e-mails one reads: admins and managers of every programme read them all; a
 * manager of some programmes reads those sent to the people of these programmes
 * (their consultants, team and role holders).
 */
export type OutboxReach = { kind: 'all' } | { kind: 'programmes'; programmeIds: string[] } | { kind: 'none' };

export function outboxReach(principal: Principal): OutboxReach {
  if (principal.grants.some((grant) => grant.role === 'admin' || (grant.role === 'programme_manager' && grant.programmeId === null && grant.cooperativeId === null))) {
    return { kind: 'all' };
  }
  const programmeIds = principal.grants.filter((grant) => grant.role === 'programme_manager' && grant.programmeId !== null).map((grant) => grant.programmeId as string);
  return programmeIds.length > 0 ? { kind: 'programmes', programmeIds: [...new Set(programmeIds)] } : { kind: 'none' };
}
