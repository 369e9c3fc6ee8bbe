import type { FrameworkDefinition } from '../../core/diagnostics/framework.schema.js';
import type { TrainingModuleDefinition } from '../../core/training/module.schema.js';
import type { Db } from '../db/database.js';
import type { PhaseKind } from '../db/schema.js';

/** What the training guide and the training paths read besides the plan itself. */

export interface GuideProgrammeRow {
  code: string;
  nameFr: string;
  nameAr: string | null;
  nameEn: string | null;
  descriptionFr: string | null;
  descriptionAr: string | null;
  descriptionEn: string | null;
  operatorNameFr: string | null;
  operatorNameAr: string | null;
  operatorNameEn: string | null;
  regionCodes: string[];
  provinceCodes: string[];
  startDate: string | null;
  durationMonths: number | null;
  frameworkId: string | null;
}

export async function findGuideProgramme(db: Db, programmeId: string): Promise<GuideProgrammeRow | undefined> {
  return db
    .selectFrom('programmes')
    .leftJoin('organisations', 'organisations.id', 'programmes.operatorId')
    .select([
      'programmes.code',
      'programmes.nameFr',
      'programmes.nameAr',
      'programmes.nameEn',
      'programmes.descriptionFr',
      'programmes.descriptionAr',
      'programmes.descriptionEn',
      'organisations.nameFr as operatorNameFr',
      'organisations.nameAr as operatorNameAr',
      'organisations.nameEn as operatorNameEn',
      'programmes.regionCodes',
      'programmes.provinceCodes',
      'programmes.startDate',
      'programmes.durationMonths',
      'programmes.frameworkId',
    ])
    .where('programmes.id', '=', programmeId)
    .executeTakeFirst();
}

export async function listGuidePhases(db: Db, programmeId: string): Promise<Array<{ kind: PhaseKind; label: string | null; startsOn: string; endsOn: string }>> {
  return db
    .selectFrom('programmePhases')
    .select(['kind', 'label', 'startsOn', 'endsOn'])
    .where('programmeId', '=', programmeId)
    .orderBy('startsOn')
    .orderBy('position')
    .execute();
}

export async function listGuideFunders(db: Db, programmeId: string): Promise<Array<{ nameFr: string; nameAr: string | null; nameEn: string | null }>> {
  return db
    .selectFrom('programmeOrganisations')
    .innerJoin('organisations', 'organisations.id', 'programmeOrganisations.organisationId')
    .select(['organisations.nameFr', 'organisations.nameAr', 'organisations.nameEn'])
    .where('programmeOrganisations.programmeId', '=', programmeId)
    .where('programmeOrganisations.role', '=', 'funder')
    .orderBy('organisations.nameFr')
    .execute();
}

/** The modules a plan names, with those their prerequisites name (by code), archived ones included. */
export async function listGuideModules(db: Db, moduleIds: readonly string[]): Promise<Array<{ id: string; code: string; definition: TrainingModuleDefinition }>> {
  if (moduleIds.length === 0) return [];
  const named = await db.selectFrom('trainingModules').select(['id', 'code', 'definition']).where('id', 'in', [...moduleIds]).execute();
  const known = new Set(named.map((module) => module.code));
  const prerequisites = [...new Set(named.flatMap((module) => module.definition.prerequisites ?? []))].filter((code) => !known.has(code));
  if (prerequisites.length === 0) return named;
  const more = await db.selectFrom('trainingModules').select(['id', 'code', 'definition']).where('code', 'in', prerequisites).execute();
  return [...named, ...more];
}

export async function listGuideCooperatives(
  db: Db,
  cooperativeIds: readonly string[],
): Promise<Array<{ id: string; nameFr: string | null; nameAr: string | null; provinceCode: string | null }>> {
  if (cooperativeIds.length === 0) return [];
  return db.selectFrom('cooperatives').select(['id', 'nameFr', 'nameAr', 'provinceCode']).where('id', 'in', [...cooperativeIds]).execute();
}

export async function listGuideTrainers(db: Db, userIds: readonly string[]): Promise<Array<{ id: string; displayName: string }>> {
  if (userIds.length === 0) return [];
  return db.selectFrom('users').select(['id', 'displayName']).where('id', 'in', [...userIds]).execute();
}

/**
 * The frameworks that name the plan's needs: those of the programme's
 * baseline diagnostics and the programme's own, newest first.
 */
export async function listGuideFrameworks(db: Db, programmeId: string, programmeFrameworkId: string | null): Promise<FrameworkDefinition[]> {
  const rows = await db
    .selectFrom('diagnosticFrameworks')
    .select(['definition'])
    .where((eb) =>
      eb.or([
        eb('id', 'in', eb.selectFrom('diagnostics').select('frameworkId').where('programmeId', '=', programmeId).where('kind', '=', 'baseline')),
        ...(programmeFrameworkId ? [eb('id', '=', programmeFrameworkId)] : []),
      ]),
    )
    .orderBy('version', 'desc')
    .execute();
  return rows.map((row) => row.definition);
}
