import { describe, expect, it } from 'vitest';
import { canEditMembers, canSeePersonalData, canWriteRegistry, registryScope } from './policies.js';
import type { Grant, Principal, Role } from './roles.js';

const cooperativeA = '00000000-0000-4000-8000-00000000000a';
const cooperativeB = '00000000-0000-4000-8000-00000000000b';

function principalWith(...grants: Array<[Role, string | null]>): Principal {
  return {
    userId: 'u',
    email: 'u@example.org',
    displayName: 'U',
    locale: 'fr',
    grants: grants.map(
      ([role, cooperativeId], index): Grant => ({ id: `g${index}`, role, programmeId: null, cooperativeId }),
    ),
  };
}

describe('access policies', () => {
  it('lets a representative see only their own cooperative', () => {
    const representative = principalWith(['cooperative_representative', cooperativeA]);
    expect(registryScope(representative)).toEqual({ kind: 'cooperatives', cooperativeIds: [cooperativeA] });
    expect(canSeePersonalData(representative, cooperativeA)).toBe(true);
    expect(canSeePersonalData(representative, cooperativeB)).toBe(false);
    expect(canEditMembers(representative, cooperativeB)).toBe(false);
    expect(canWriteRegistry(representative)).toBe(false);
  });

  it('never shows personal data to a funder', () => {
    const funder = principalWith(['funder', null]);
    expect(registryScope(funder)).toEqual({ kind: 'all' });
    expect(canSeePersonalData(funder, cooperativeA)).toBe(false);
    expect(canWriteRegistry(funder)).toBe(false);
  });

  it('gives nothing to a person without a role', () => {
    expect(registryScope(principalWith())).toEqual({ kind: 'none' });
  });

  it('combines roles held in different programmes', () => {
    const both = principalWith(['funder', null], ['programme_manager', null]);
    expect(canWriteRegistry(both)).toBe(true);
    expect(canSeePersonalData(both, cooperativeA)).toBe(true);
  });
});
