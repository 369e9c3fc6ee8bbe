import { randomUUID } from 'node:crypto';
import type { Role } from '../../src/core/access/roles.js';
import type { CooperativeInputDraft } from '../../src/core/registry/cooperative.schema.js';
import { cooperativeInputSchema } from '../../src/core/registry/cooperative.schema.js';
import { hashPassword } from '../../src/server/access/password.js';
import type { Db } from '../../src/server/db/database.js';
import { insertCooperative } from '../../src/server/registry/cooperative.repository.js';

export const testPassword = 'Test-password-2026';
let passwordHash: Promise<string> | undefined;

export function uniqueSuffix(): string {
  return randomUUID().slice(0, 8);
}

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

/** A user with the given roles; a representative needs `cooperativeId`. */
export async function createTestUser(
  db: Db,
  grants: Array<{ role: Role; programmeId?: string | null; cooperativeId?: string | null }> = [],
  overrides: { email?: string; displayName?: string; locale?: 'fr' | 'ar' | 'en' } = {},
): Promise<TestUser> {
  passwordHash ??= hashPassword(testPassword);
  const email = overrides.email ?? `user-${uniqueSuffix()}@test.taawon.ma`;
  const user = await db
    .insertInto('users')
    .values({ email, displayName: overrides.displayName ?? `Test ${email}`, passwordHash: await passwordHash, locale: overrides.locale ?? 'fr' })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const grant of grants) {
    await db
      .insertInto('roleGrants')
      .values({ userId: user.id, role: grant.role, programmeId: grant.programmeId ?? null, cooperativeId: grant.cooperativeId ?? null })
      .execute();
  }
  return { id: user.id, email, password: testPassword };
}

export function cooperativeDraft(overrides: Partial<CooperativeInputDraft> = {}): CooperativeInputDraft {
  const suffix = uniqueSuffix();
  return {
    registrationNumber: `RC-${suffix}`,
    nameFr: `Coopérative Essai ${suffix}`,
    nameAr: `تعاونية تجربة ${suffix}`,
    sector: 'fisheries',
    provinceCode: '11.537',
    commune: 'Akhfennir',
    creationDate: '2024-03-15',
    membersTotal: 12,
    membersWomen: 7,
    membersYoung: 4,
    presidentName: 'Fatima Zahra El Idrissi',
    presidentPhone: '0661234567',
    ...overrides,
  };
}

export async function createTestCooperative(db: Db, overrides: Partial<CooperativeInputDraft> = {}) {
  return insertCooperative(db, cooperativeInputSchema.parse(cooperativeDraft(overrides)));
}

export async function createTestProgramme(db: Db, code = `PRG-${uniqueSuffix()}`) {
  return db.insertInto('programmes').values({ code, nameFr: `Programme ${code}` }).returningAll().executeTakeFirstOrThrow();
}
