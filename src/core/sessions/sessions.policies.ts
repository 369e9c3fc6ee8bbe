import type { Principal } from '../access/roles.js';
import { representsCooperative, rolesInProgramme } from '../access/policies.js';

/**
 * Who may do what with sessions. The programme's team (admins, managers, consultants — trainers and coaches hold
 * the consultant role) plans and edits them; facilitators record attendance, reports and evaluations; the
 * representatives of a participating cooperative see the session and confirm their members' attendance; funders
 * see sessions and counts, never names (law 09-08).
 */

export interface SessionPlace {
  programmeId: string;
  facilitatorId: string | null;
  cooperativeIds: string[];
}

const holds = (principal: Principal, programmeId: string, ...wanted: string[]) => rolesInProgramme(principal, programmeId).some((role) => wanted.includes(role));

/** Creating, editing, moving and cancelling sessions. */
export function canManageSessions(principal: Principal, programmeId: string): boolean {
  return holds(principal, programmeId, 'admin', 'programme_manager', 'consultant');
}

/** Recording attendance, the report, attachments and evaluations: the team and the session's facilitator. */
export function canRecordSession(principal: Principal, session: SessionPlace): boolean {
  return canManageSessions(principal, session.programmeId) || (session.facilitatorId !== null && session.facilitatorId === principal.userId);
}

/** The cooperatives of this session the requester represents. */
export function representedCooperatives(principal: Principal, session: SessionPlace): string[] {
  return session.cooperativeIds.filter((cooperativeId) => representsCooperative(principal, cooperativeId));
}

/** Seeing a session at all: the team, the programme's funders, the participating cooperatives' representatives. */
export function canReadSession(principal: Principal, session: SessionPlace): boolean {
  return canRecordSession(principal, session) || holds(principal, session.programmeId, 'funder') || representedCooperatives(principal, session).length > 0;
}

/** Names of participants (personal data): the team, the facilitator, a representative for their own cooperative. */
export function canSeeAttendeeNames(principal: Principal, session: SessionPlace, cooperativeId: string): boolean {
  return canRecordSession(principal, session) || representsCooperative(principal, cooperativeId);
}

/** A calendar feed of a programme: whoever may read its sessions as staff or funder. */
export function canSubscribeToProgramme(principal: Principal, programmeId: string): boolean {
  return holds(principal, programmeId, 'admin', 'programme_manager', 'consultant', 'funder');
}
