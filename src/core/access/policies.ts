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
