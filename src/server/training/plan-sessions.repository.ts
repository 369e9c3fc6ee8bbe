import type { Db } from '../db/database.js';

/** Keys of the sessions already created from a plan version. */
export async function listPlanSessionKeys(db: Db, planId: string): Promise<Set<string>> {
  const rows = await db.selectFrom('programmeSessions').select('planKey').where('planId', '=', planId).execute();
  return new Set(rows.map((row) => row.planKey).filter((key): key is string => key !== null));
}

/** The cooperatives still enrolled in the programme, among those given. */
export async function listStillEnrolled(db: Db, programmeId: string, cooperativeIds: readonly string[]): Promise<Set<string>> {
  if (cooperativeIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('enrolments')
    .select('cooperativeId')
    .where('programmeId', '=', programmeId)
    .where('status', '=', 'enrolled')
    .where('cooperativeId', 'in', [...cooperativeIds])
    .execute();
  return new Set(rows.map((row) => row.cooperativeId));
}

export async function insertPlanSession(
  db: Db,
  values: {
    programmeId: string;
    planId: string;
    planKey: string;
    kind: 'training' | 'workshop';
    title: string;
    moduleCode: string | null;
    startsAt: string;
    endsAt: string;
    place: string;
    provinceCode: string;
    facilitatorId: string | null;
    createdBy: string | null;
    cooperativeIds: readonly string[];
  },
): Promise<string> {
  const { cooperativeIds, ...session } = values;
  const row = await db
    .insertInto('programmeSessions')
    .values({ ...session, channel: 'in_person' })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (cooperativeIds.length > 0) await db.insertInto('sessionCooperatives').values(cooperativeIds.map((cooperativeId) => ({ sessionId: row.id, cooperativeId }))).execute();
  return row.id;
}
