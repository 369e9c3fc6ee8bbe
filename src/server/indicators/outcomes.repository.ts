import type { Outcome, OutcomeIndicator, OutcomesQuery } from '../../core/indicators/indicators.schema.js';
import type { Db } from '../db/database.js';

/** Outcome figures (turnover, jobs, members) entered per cooperative of a programme. */

const countedStatuses = ['enrolled', 'completed'] as const;

/** The figures of a programme, newest first; only these cooperatives when `cooperativeIds` is given. */
function selectOutcomes(db: Db, programmeId: string) {
  return db
    .selectFrom('outcomeMeasurements as m')
    .innerJoin('cooperatives as c', 'c.id', 'm.cooperativeId')
    .leftJoin('users as u', 'u.id', 'm.recordedBy')
    .select([
      'm.id',
      'm.cooperativeId',
      'c.nameFr as cooperativeNameFr',
      'c.nameAr as cooperativeNameAr',
      'c.provinceCode',
      'm.indicator',
      'm.measuredOn',
      'm.value',
      'm.women',
      'm.men',
      'u.displayName as recordedBy',
      'm.createdAt',
    ])
    .where('m.programmeId', '=', programmeId);
}

export async function listOutcomes(db: Db, programmeId: string, query: OutcomesQuery, cooperativeIds: readonly string[] | null): Promise<Outcome[]> {
  if (cooperativeIds !== null && cooperativeIds.length === 0) return [];
  let select = selectOutcomes(db, programmeId);
  if (cooperativeIds !== null) select = select.where('m.cooperativeId', 'in', [...cooperativeIds]);
  if (query.cooperativeId) select = select.where('m.cooperativeId', '=', query.cooperativeId);
  if (query.indicator) select = select.where('m.indicator', '=', query.indicator);
  return select.orderBy('m.measuredOn', 'desc').orderBy('c.nameKey').orderBy('m.indicator').orderBy('m.id').limit(5_000).execute();
}

/** The cooperatives figures may be entered for: enrolled in the programme or having completed it. */
export async function listOutcomeCooperatives(db: Db, programmeId: string, cooperativeIds: readonly string[] | null) {
  if (cooperativeIds !== null && cooperativeIds.length === 0) return [];
  let select = db
    .selectFrom('enrolments as e')
    .innerJoin('cooperatives as c', 'c.id', 'e.cooperativeId')
    .select(['c.id', 'c.nameFr', 'c.nameAr', 'c.provinceCode'])
    .where('e.programmeId', '=', programmeId)
    .where('e.status', 'in', [...countedStatuses]);
  if (cooperativeIds !== null) select = select.where('c.id', 'in', [...cooperativeIds]);
  return select.orderBy('c.nameKey').orderBy('c.id').execute();
}

export async function findOutcomeView(db: Db, programmeId: string, id: string): Promise<Outcome | undefined> {
  return selectOutcomes(db, programmeId).where('m.id', '=', id).executeTakeFirst();
}

export async function isCountedInProgramme(db: Db, programmeId: string, cooperativeId: string): Promise<boolean> {
  const row = await db
    .selectFrom('enrolments')
    .select('id')
    .where('programmeId', '=', programmeId)
    .where('cooperativeId', '=', cooperativeId)
    .where('status', 'in', [...countedStatuses])
    .executeTakeFirst();
  return row !== undefined;
}

export async function findOutcomeOn(db: Db, programmeId: string, cooperativeId: string, indicator: OutcomeIndicator, measuredOn: string) {
  return db
    .selectFrom('outcomeMeasurements')
    .select('id')
    .where('programmeId', '=', programmeId)
    .where('cooperativeId', '=', cooperativeId)
    .where('indicator', '=', indicator)
    .where('measuredOn', '=', measuredOn)
    .executeTakeFirst();
}

export async function insertOutcome(
  db: Db,
  values: { programmeId: string; cooperativeId: string; indicator: OutcomeIndicator; measuredOn: string; value: number; women: number | null; men: number | null; recordedBy: string },
): Promise<string> {
  const row = await db.insertInto('outcomeMeasurements').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function findOutcome(db: Db, programmeId: string, id: string) {
  return db
    .selectFrom('outcomeMeasurements')
    .select(['id', 'cooperativeId', 'indicator', 'measuredOn', 'value', 'women', 'men'])
    .where('programmeId', '=', programmeId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function deleteOutcome(db: Db, id: string): Promise<void> {
  await db.deleteFrom('outcomeMeasurements').where('id', '=', id).execute();
}
