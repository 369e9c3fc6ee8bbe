import type { Principal, Role } from './roles.js';

/**
 * Every access rule in one place, as plain functions. The server calls them
 * before any read or write; the web only uses them to hide what the server
 * would refuse anyway.
 */

export function hasRole(principal: Principal, ...wanted: Role[]): boolean {
  return principal.grants.some((grant) => wanted.includes(grant.role));
}

export function canManageUsers(principal: Principal): boolean {
  return hasRole(principal, 'admin');
}

export function canReadAuditLog(principal: Principal): boolean {
  return hasRole(principal, 'admin');
}

/** Operator staff see the whole registry; a representative sees only their cooperatives. */
export type RegistryScope = { kind: 'all' } | { kind: 'cooperatives'; cooperativeIds: string[] } | { kind: 'none' };

export function registryScope(principal: Principal): RegistryScope {
  if (hasRole(principal, 'admin', 'programme_manager', 'consultant', 'funder')) return { kind: 'all' };
  const cooperativeIds = principal.grants
    .filter((grant) => grant.role === 'cooperative_representative' && grant.cooperativeId !== null)
    .map((grant) => grant.cooperativeId as string);
  return cooperativeIds.length > 0 ? { kind: 'cooperatives', cooperativeIds } : { kind: 'none' };
}

export function canReadCooperative(principal: Principal, cooperativeId: string): boolean {
  const scope = registryScope(principal);
  return scope.kind === 'all' || (scope.kind === 'cooperatives' && scope.cooperativeIds.includes(cooperativeId));
}

/**
 * Personal data (law 09-08): the operator's team, and the cooperative's own
 * representative for their cooperative. Never a funder or observer.
 */
export function canSeePersonalData(principal: Principal, cooperativeId: string): boolean {
  if (hasRole(principal, 'admin', 'programme_manager', 'consultant')) return true;
  return principal.grants.some(
    (grant) => grant.role === 'cooperative_representative' && grant.cooperativeId === cooperativeId,
  );
}

export function canWriteRegistry(principal: Principal): boolean {
  return hasRole(principal, 'admin', 'programme_manager');
}

/** Members and contacts: the operator's team and the cooperative's representative keep them. */
export function canEditMembers(principal: Principal, cooperativeId: string): boolean {
  if (hasRole(principal, 'admin', 'programme_manager', 'consultant')) return true;
  return principal.grants.some(
    (grant) => grant.role === 'cooperative_representative' && grant.cooperativeId === cooperativeId,
  );
}

export function canImportRegistry(principal: Principal): boolean {
  return canWriteRegistry(principal);
}

/* ---------- Programmes, enrolment and diagnostics ---------- */

/** Roles a person holds in one programme: their global grants and the grants naming that programme. */
export function rolesInProgramme(principal: Principal, programmeId: string): Role[] {
  return principal.grants
    .filter((grant) => grant.cooperativeId === null && (grant.programmeId === null || grant.programmeId === programmeId))
    .map((grant) => grant.role);
}

function holdsInProgramme(principal: Principal, programmeId: string, ...wanted: Role[]): boolean {
  return rolesInProgramme(principal, programmeId).some((role) => wanted.includes(role));
}

/**
 * Programmes a person may see. Admins and holders of a global staff or funder
 * role see all; others the programmes their grants name, plus (resolved by
 * the server) the programmes their represented cooperatives are enrolled in.
 */
export type ProgrammeScope = { kind: 'all' } | { kind: 'some'; programmeIds: string[]; cooperativeIds: string[] };

export function programmeScope(principal: Principal): ProgrammeScope {
  const staff = principal.grants.filter((grant) => grant.role !== 'cooperative_representative');
  if (staff.some((grant) => grant.role === 'admin' || grant.programmeId === null)) return { kind: 'all' };
  return {
    kind: 'some',
    programmeIds: [...new Set(staff.map((grant) => grant.programmeId as string))],
    cooperativeIds: principal.grants
      .filter((grant) => grant.role === 'cooperative_representative' && grant.cooperativeId !== null)
      .map((grant) => grant.cooperativeId as string),
  };
}

/** Setting up a new programme: an admin or a programme manager with a global grant. */
export function canCreateProgramme(principal: Principal): boolean {
  return principal.grants.some((grant) => grant.role === 'admin' || (grant.role === 'programme_manager' && grant.programmeId === null));
}

/** Editing a programme, its team and rules, enrolling cooperatives: its managers and admins. */
export function canManageProgramme(principal: Principal, programmeId: string): boolean {
  return holdsInProgramme(principal, programmeId, 'admin', 'programme_manager');
}

/** Filling and submitting diagnostics: the programme's consultants, its managers and admins. */
export function canFillDiagnostic(principal: Principal, programmeId: string): boolean {
  return holdsInProgramme(principal, programmeId, 'admin', 'programme_manager', 'consultant');
}

/** Validating a submitted diagnostic or sending it back: the programme's managers and admins. */
export function canValidateDiagnostic(principal: Principal, programmeId: string): boolean {
  return canManageProgramme(principal, programmeId);
}

/** Representing this cooperative (a cooperative-scoped grant). */
export function representsCooperative(principal: Principal, cooperativeId: string): boolean {
  return principal.grants.some((grant) => grant.role === 'cooperative_representative' && grant.cooperativeId === cooperativeId);
}

/** Reading a diagnostic with its answers and comments: the programme team, and the cooperative's representative. */
export function canReadDiagnostic(principal: Principal, programmeId: string, cooperativeId: string): boolean {
  return canFillDiagnostic(principal, programmeId) || representsCooperative(principal, cooperativeId);
}

/** Commenting a diagnostic: whoever may read it. */
export function canCommentDiagnostic(principal: Principal, programmeId: string, cooperativeId: string): boolean {
  return canReadDiagnostic(principal, programmeId, cooperativeId);
}

/** Reports (scores, needs, heat map, PDF): whoever may read the diagnostic, and the programme's funders. */
export function canReadDiagnosticReport(principal: Principal, programmeId: string, cooperativeId: string): boolean {
  return canReadDiagnostic(principal, programmeId, cooperativeId) || holdsInProgramme(principal, programmeId, 'funder');
}

/** Programme-wide reports (heat map, ranked constraints, baseline against endline): the team and the funders. */
export function canReadProgrammeReports(principal: Principal, programmeId: string): boolean {
  return holdsInProgramme(principal, programmeId, 'admin', 'programme_manager', 'consultant', 'funder');
}

/** Diagnostic frameworks and the directory of organisations are kept by admins. */
export function canManageFrameworks(principal: Principal): boolean {
  return hasRole(principal, 'admin');
}

export function canManageOrganisations(principal: Principal): boolean {
  return principal.grants.some((grant) => grant.role === 'admin' || (grant.role === 'programme_manager' && grant.cooperativeId === null));
}
