import { sql } from 'kysely';
import type { DiagnosticScores } from '../../core/diagnostics/diagnostic.schema.js';
import type { TrainingModuleDefinition } from '../../core/training/module.schema.js';
import type { PlanStatus } from '../../core/training/plan.schema.js';
import type { Db } from '../db/database.js';

/* ---------- The planner's inputs ---------- */

export interface PlanProgrammeRow {
  id: string;
  provinceCodes: string[];
  regionCodes: string[];
  cadences: Record<string, unknown>;
}

export async function findPlanProgramme(db: Db, programmeId: string): Promise<PlanProgrammeRow | undefined> {
  return db.selectFrom('programmes').select(['id', 'provinceCodes', 'regionCodes', 'cadences']).where('id', '=', programmeId).executeTakeFirst();
}

/** Serialises the versions of one programme's plan. */
export async function lockProgrammePlans(db: Db, programmeId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext('training_plans'), hashtext(${programmeId}))`.execute(db);
}

/** The programme's first training phase. */
export async function findTrainingPhase(db: Db, programmeId: string): Promise<{ startsOn: string; endsOn: string } | undefined> {
  return db
    .selectFrom('programmePhases')
    .select(['startsOn', 'endsOn'])
    .where('programmeId', '=', programmeId)
    .where('kind', '=', 'training')
    .orderBy('position')
    .orderBy('startsOn')
    .limit(1)
    .executeTakeFirst();
}

export interface PlanCooperativeRow {
  cooperativeId: string;
  provinceCode: string | null;
  nameFr: string | null;
  nameAr: string | null;
  scores: DiagnosticScores | null;
}

/** Cooperatives enrolled in the programme with a validated baseline, and its scores. */
export async function listPlannedCooperatives(db: Db, programmeId: string): Promise<PlanCooperativeRow[]> {
  return db
    .selectFrom('enrolments')
    .innerJoin('diagnostics', (join) =>
      join.onRef('diagnostics.enrolmentId', '=', 'enrolments.id').on('diagnostics.kind', '=', 'baseline').on('diagnostics.status', '=', 'validated'),
    )
    .innerJoin('cooperatives', 'cooperatives.id', 'enrolments.cooperativeId')
    .select(['enrolments.cooperativeId', 'enrolments.provinceCode', 'cooperatives.nameFr', 'cooperatives.nameAr', 'diagnostics.scores'])
    .where('enrolments.programmeId', '=', programmeId)
    .where('enrolments.status', '=', 'enrolled')
    .orderBy('enrolments.cooperativeNameKey')
    .orderBy('enrolments.cooperativeId')
    .execute();
}

/** The modules of the catalogue new plans use (not archived), by code. */
export async function listPlanModules(db: Db): Promise<Array<{ id: string; code: string; definition: TrainingModuleDefinition }>> {
  return db.selectFrom('trainingModules').select(['id', 'code', 'definition']).where('archivedAt', 'is', null).orderBy('code').execute();
}

export const trainerTeamRoles = ['trainer', 'consultant', 'coach'] as const;

/** The programme's trainers: its team members with a training team role. */
export async function listPlanTrainers(db: Db, programmeId: string): Promise<Array<{ userId: string; displayName: string }>> {
  return db
    .selectFrom('programmeTeam')
    .innerJoin('users', 'users.id', 'programmeTeam.userId')
    .select(['programmeTeam.userId', 'users.displayName'])
    .distinct()
    .where('programmeTeam.programmeId', '=', programmeId)
    .where('programmeTeam.teamRole', 'in', [...trainerTeamRoles])
    .where('users.isActive', '=', true)
    .orderBy('programmeTeam.userId')
    .execute();
}

export async function listRegionProvinces(db: Db, regionCodes: readonly string[]): Promise<string[]> {
  if (regionCodes.length === 0) return [];
  const rows = await db.selectFrom('provinces').select('code').where('regionCode', 'in', [...regionCodes]).orderBy('code').execute();
  return rows.map((row) => row.code);
}

/** Names for the page: cooperatives, modules (including archived ones an old plan used) and users. */
export async function findLabels(db: Db, ids: { cooperatives: string[]; modules: string[]; users: string[] }) {
  const [cooperatives, modules, users] = await Promise.all([
    ids.cooperatives.length === 0
      ? []
      : db.selectFrom('cooperatives').select(['id', 'nameFr', 'nameAr', 'provinceCode']).where('id', 'in', ids.cooperatives).execute(),
    ids.modules.length === 0 ? [] : db.selectFrom('trainingModules').select(['id', 'code', 'definition']).where('id', 'in', ids.modules).execute(),
    ids.users.length === 0 ? [] : db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', ids.users).execute(),
  ]);
  return { cooperatives, modules, users };
}

/* ---------- Plans ---------- */

const planColumns = [
  'id',
  'programmeId',
  'version',
  'status',
  'objective',
  'needsCount',
  'answeredByGroups',
  'answeredByCoaching',
  'unansweredCount',
  'groupsCount',
  'sessionsCount',
  'createdBy',
  'createdAt',
  'approvedBy',
  'approvedAt',
  'revision',
  'basedOnId',
  'editedAt',
] as const;

export interface PlanRow {
  id: string;
  programmeId: string;
  version: number;
  status: PlanStatus;
  objective: number;
  needsCount: number;
  answeredByGroups: number;
  answeredByCoaching: number;
  unansweredCount: number;
  groupsCount: number;
  sessionsCount: number;
  createdBy: string | null;
  createdAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  revision: number;
  basedOnId: string | null;
  editedAt: string | null;
}

export interface FullPlanRow extends PlanRow {
  parameters: Record<string, unknown>;
  result: Record<string, unknown>;
}

export async function nextPlanVersion(db: Db, programmeId: string): Promise<number> {
  const row = await db
    .selectFrom('trainingPlans')
    .select((eb) => eb.fn.max('version').as('version'))
    .where('programmeId', '=', programmeId)
    .executeTakeFirst();
  return Number(row?.version ?? 0) + 1;
}

export async function insertPlan(
  db: Db,
  values: Omit<PlanRow, 'id' | 'status' | 'createdAt' | 'approvedBy' | 'approvedAt' | 'revision' | 'basedOnId' | 'editedAt'> & {
    basedOnId?: string | null;
    parameters: Record<string, unknown>;
    result: Record<string, unknown>;
  },
): Promise<FullPlanRow> {
  return db
    .insertInto('trainingPlans')
    .values({ ...values, parameters: JSON.stringify(values.parameters), result: JSON.stringify(values.result) })
    .returning([...planColumns, 'parameters', 'result'])
    .executeTakeFirstOrThrow();
}

export async function listPlans(db: Db, programmeId: string): Promise<PlanRow[]> {
  return db.selectFrom('trainingPlans').select(planColumns).where('programmeId', '=', programmeId).orderBy('version', 'desc').execute();
}

export async function findPlan(db: Db, planId: string): Promise<FullPlanRow | undefined> {
  return db.selectFrom('trainingPlans').select([...planColumns, 'parameters', 'result']).where('id', '=', planId).executeTakeFirst();
}

export async function lockPlan(db: Db, planId: string): Promise<PlanRow | undefined> {
  return db.selectFrom('trainingPlans').select(planColumns).where('id', '=', planId).forUpdate().executeTakeFirst();
}

/** The approved version becomes superseded; returns the ids it touched. */
export async function supersedeApproved(db: Db, programmeId: string): Promise<string[]> {
  const rows = await db
    .updateTable('trainingPlans')
    .set({ status: 'superseded' })
    .where('programmeId', '=', programmeId)
    .where('status', '=', 'approved')
    .returning('id')
    .execute();
  return rows.map((row) => row.id);
}

export async function markApproved(db: Db, planId: string, userId: string): Promise<PlanRow> {
  return db
    .updateTable('trainingPlans')
    .set({ status: 'approved', approvedBy: userId, approvedAt: sql<string>`now()` })
    .where('id', '=', planId)
    .returning(planColumns)
    .executeTakeFirstOrThrow();
}

/** How many sessions were created from a plan version. */
export async function countPlanSessions(db: Db, planId: string): Promise<number> {
  const row = await db.selectFrom('programmeSessions').select((eb) => eb.fn.countAll<string>().as('count')).where('planId', '=', planId).executeTakeFirst();
  return Number(row?.count ?? 0);
}

/* ---------- Editing ---------- */

/** A version whole, locked until the transaction ends. */
export async function lockFullPlan(db: Db, planId: string): Promise<FullPlanRow | undefined> {
  return db.selectFrom('trainingPlans').select([...planColumns, 'parameters', 'result']).where('id', '=', planId).forUpdate().executeTakeFirst();
}

/** Stores an edited result and its summary; the revision goes up by one. */
export async function updatePlanResult(
  db: Db,
  planId: string,
  values: Pick<PlanRow, 'objective' | 'needsCount' | 'answeredByGroups' | 'answeredByCoaching' | 'unansweredCount' | 'groupsCount' | 'sessionsCount'> & {
    result: Record<string, unknown>;
    editedBy: string;
  },
): Promise<FullPlanRow> {
  return db
    .updateTable('trainingPlans')
    .set((eb) => ({ ...values, result: JSON.stringify(values.result), revision: eb('revision', '+', 1), editedAt: sql<string>`now()` }))
    .where('id', '=', planId)
    .returning([...planColumns, 'parameters', 'result'])
    .executeTakeFirstOrThrow();
}
