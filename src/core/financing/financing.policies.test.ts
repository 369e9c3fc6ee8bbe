import { describe, expect, it } from 'vitest';
import type { Grant, Principal } from '../access/roles.js';
import { canManageFinancing, canReadActionFinancing, canReadFinancing, canReadFinancingDetails } from './financing.policies.js';

const programme = '00000000-0000-4000-8000-000000000001';
const other = '00000000-0000-4000-8000-000000000002';
const cooperative = '00000000-0000-4000-8000-000000000003';
const as = (...grants: Array<Omit<Grant, 'id'>>): Principal => ({ userId: 'u', email: 'u@x.ma', displayName: 'U', locale: 'fr', grants: grants.map((grant, index) => ({ id: `g${index}`, ...grant })) });
const inProgramme = (role: Grant['role']) => as({ role, programmeId: programme, cooperativeId: null });

describe('financing policies', () => {
  it('lets the programme’s managers and admins move money, nobody else', () => {
    expect(canManageFinancing(inProgramme('programme_manager'), programme)).toBe(true);
    expect(canManageFinancing(as({ role: 'admin', programmeId: null, cooperativeId: null }), programme)).toBe(true);
    expect(canManageFinancing(inProgramme('programme_manager'), other)).toBe(false);
    expect(canManageFinancing(inProgramme('consultant'), programme)).toBe(false);
    expect(canManageFinancing(inProgramme('funder'), programme)).toBe(false);
  });

  it('shows the programme’s financing to its team and funders, an action’s to its cooperative’s representative too', () => {
    expect(canReadFinancing(inProgramme('consultant'), programme)).toBe(true);
    expect(canReadFinancing(inProgramme('funder'), programme)).toBe(true);
    const representative = as({ role: 'cooperative_representative', programmeId: null, cooperativeId: cooperative });
    expect(canReadFinancing(representative, programme)).toBe(false);
    expect(canReadActionFinancing(representative, programme, cooperative)).toBe(true);
    expect(canReadActionFinancing(representative, programme, '00000000-0000-4000-8000-000000000009')).toBe(false);
  });

  it('keeps notes and documents from funders', () => {
    expect(canReadFinancingDetails(inProgramme('funder'), programme, cooperative)).toBe(false);
    expect(canReadFinancingDetails(inProgramme('consultant'), programme, null)).toBe(true);
    expect(canReadFinancingDetails(as({ role: 'cooperative_representative', programmeId: null, cooperativeId: cooperative }), programme, cooperative)).toBe(true);
    expect(canReadFinancingDetails(as({ role: 'cooperative_representative', programmeId: null, cooperativeId: cooperative }), programme, null)).toBe(false);
  });
});
