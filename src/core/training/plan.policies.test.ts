import { describe, expect, it } from 'vitest';
import type { Principal } from '../access/roles.js';
import { canManagePlans, canReadPlanDetail, canReadPlanSummary } from './plan.policies.js';

const programmeId = '00000000-0000-4000-8000-000000000001';
const other = '00000000-0000-4000-8000-000000000002';
const principal = (role: string, scope: string | null = programmeId, cooperativeId: string | null = null) =>
  ({ userId: 'u', grants: [{ role, programmeId: scope, cooperativeId }] }) as unknown as Principal;

describe('plan policies', () => {
  it('lets managers generate and approve, consultants read, funders read the summary', () => {
    expect(canManagePlans(principal('programme_manager'), programmeId)).toBe(true);
    expect(canManagePlans(principal('programme_manager'), other)).toBe(false);
    expect(canManagePlans(principal('consultant'), programmeId)).toBe(false);
    expect(canReadPlanDetail(principal('consultant'), programmeId)).toBe(true);
    expect(canReadPlanDetail(principal('funder'), programmeId)).toBe(false);
    expect(canReadPlanSummary(principal('funder'), programmeId)).toBe(true);
    expect(canReadPlanSummary(principal('cooperative_representative', null, 'c'), programmeId)).toBe(false);
    expect(canManagePlans(principal('admin', null), programmeId)).toBe(true);
  });
});
