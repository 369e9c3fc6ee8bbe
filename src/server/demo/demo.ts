import { cooperativeInputSchema } from '../../core/registry/cooperative.schema.js';
import { hashPassword } from '../access/password.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { insertCooperative } from '../registry/cooperative.repository.js';
import { demoPassword, demoProgrammes, demoUsers, representedCooperativeNumber, soussCooperatives, southCooperatives } from './demo-data.js';

/** Loads the demo of both seed programmes once; later runs find it and change nothing. */
export async function loadDemo(db: Db): Promise<{ loaded: boolean }> {
  const existing = await db.selectFrom('programmes').select('id').where('code', '=', demoProgrammes[0].code).executeTakeFirst();
  if (existing) return { loaded: false };
  const passwordHash = await hashPassword(demoPassword);
  await db.transaction().execute(async (trx) => {
    const programmeIds = new Map<string, string>();
    for (const programme of demoProgrammes) {
      const row = await trx.insertInto('programmes').values({ ...programme, isDemo: true }).returning('id').executeTakeFirstOrThrow();
      programmeIds.set(programme.code, row.id);
    }
    const cooperativeIds = new Map<string, string>();
    for (const { draft, members } of [...southCooperatives, ...soussCooperatives]) {
      const cooperative = await insertCooperative(trx, cooperativeInputSchema.parse(draft), { isDemo: true });
      cooperativeIds.set(draft.registrationNumber!, cooperative.id);
      await trx
        .insertInto('cooperativeMembers')
        .values(members.map((member) => ({ ...member, cooperativeId: cooperative.id })))
        .execute();
      await recordAudit(trx, { actorId: null, action: 'create', entityType: 'cooperative', entityId: cooperative.id, after: cooperative, context: { source: 'demo' } });
    }
    for (const user of demoUsers) {
      const created = await trx
        .insertInto('users')
        .values({ email: user.email, displayName: user.displayName, passwordHash, isDemo: true })
        .returning('id')
        .executeTakeFirstOrThrow();
      const grants =
        user.role === 'cooperative_representative'
          ? [{ programmeId: null, cooperativeId: cooperativeIds.get(representedCooperativeNumber)! }]
          : user.programmes === null
            ? [{ programmeId: null, cooperativeId: null }]
            : user.programmes.map((code) => ({ programmeId: programmeIds.get(code)!, cooperativeId: null }));
      await trx
        .insertInto('roleGrants')
        .values(grants.map((grant) => ({ userId: created.id, role: user.role, ...grant })))
        .execute();
    }
  });
  return { loaded: true };
}
