import type { Unavailability } from '../../core/training/plan.schema.js';
import type { Db } from '../db/database.js';
import { trainerTeamRoles } from './plan.repository.js';

/**
 * Trainers' periods of unavailability. They belong to the person, not to a
 * programme: leave taken is leave in every programme.
 */

export interface TrainerRow {
  userId: string;
  displayName: string;
  teamRole: string;
}

/** The programme's trainers (team members with a training role), one row per person with their first such role. */
export async function listProgrammeTrainers(db: Db, programmeId: string): Promise<TrainerRow[]> {
  const rows = await db
    .selectFrom('programmeTeam')
    .innerJoin('users', 'users.id', 'programmeTeam.userId')
    .select(['programmeTeam.userId', 'users.displayName', 'programmeTeam.teamRole'])
    .where('programmeTeam.programmeId', '=', programmeId)
    .where('programmeTeam.teamRole', 'in', [...trainerTeamRoles])
    .where('users.isActive', '=', true)
    .orderBy('users.displayName')
    .orderBy('programmeTeam.userId')
    .orderBy('programmeTeam.teamRole')
    .execute();
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.userId) && seen.add(row.userId));
}

export async function isProgrammeTrainer(db: Db, programmeId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom('programmeTeam')
    .select('userId')
    .where('programmeId', '=', programmeId)
    .where('userId', '=', userId)
    .where('teamRole', 'in', [...trainerTeamRoles])
    .executeTakeFirst();
  return row !== undefined;
}

/** Periods of the given people, by person, oldest first. */
export async function listUnavailability(db: Db, userIds: readonly string[]): Promise<Map<string, Unavailability[]>> {
  const byUser = new Map<string, Unavailability[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('trainerUnavailability')
    .select(['id', 'userId', 'startsOn', 'endsOn', 'reason'])
    .where('userId', 'in', [...userIds])
    .orderBy('startsOn')
    .orderBy('id')
    .execute();
  for (const row of rows) byUser.get(row.userId)?.push({ id: row.id, from: row.startsOn, to: row.endsOn, reason: row.reason });
  return byUser;
}

/**
 * Days the given people already facilitate a session that is not cancelled or
 * postponed, in any programme other than `exceptProgrammeId`, between two days: the planner
 * treats them as taken.
 */
export async function listBusyDays(db: Db, userIds: readonly string[], from: string, to: string, exceptProgrammeId: string): Promise<Map<string, string[]>> {
  const byUser = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .selectFrom('programmeSessions')
    .select(['facilitatorId', 'startsAt'])
    .where('facilitatorId', 'in', [...userIds])
    .where('programmeId', '<>', exceptProgrammeId)
    .where('status', 'in', ['planned', 'held'])
    .where('startsAt', '>=', `${from}T00:00:00Z`)
    .where('startsAt', '<', `${to}T23:59:59Z`)
    .execute();
  for (const row of rows) {
    const day = new Date(row.startsAt).toISOString().slice(0, 10);
    const days = byUser.get(row.facilitatorId!);
    if (days && !days.includes(day)) days.push(day);
  }
  return byUser;
}

export async function insertUnavailability(db: Db, values: { userId: string; startsOn: string; endsOn: string; reason: string | null; createdBy: string }) {
  return db.insertInto('trainerUnavailability').values(values).returning(['id', 'userId', 'startsOn', 'endsOn', 'reason']).executeTakeFirstOrThrow();
}

export async function findUnavailability(db: Db, id: string) {
  return db.selectFrom('trainerUnavailability').select(['id', 'userId', 'startsOn', 'endsOn', 'reason']).where('id', '=', id).executeTakeFirst();
}

export async function deleteUnavailability(db: Db, id: string): Promise<void> {
  await db.deleteFrom('trainerUnavailability').where('id', '=', id).execute();
}
