import { sql, type ExpressionBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { BudgetCategory } from '../../core/financing/financing.schema.js';
import type { Db } from '../db/database.js';
import type { Database } from '../db/schema.js';

/**
 * The programme's budget lines, the commitments on them, the disbursements
 * paying those, and their documents. Every query that lists names the
 * programme, so that nothing is read across programmes by mistake.
 */

/* ---------- Programme, funders, cooperatives, actions ---------- */

export async function programmeExists(db: Db, programmeId: string): Promise<boolean> {
  return (await db.selectFrom('programmes').select('id').where('id', '=', programmeId).executeTakeFirst()) !== undefined;
}

/** Whether one of these cooperatives is (or was) enrolled in the programme: its representative then sees that the programme exists. */
export async function hasEnrolmentOf(db: Db, programmeId: string, cooperativeIds: readonly string[]): Promise<boolean> {
  if (cooperativeIds.length === 0) return false;
  const row = await db.selectFrom('enrolments').select('id').where('programmeId', '=', programmeId).where('cooperativeId', 'in', [...cooperativeIds]).executeTakeFirst();
  return row !== undefined;
}

export async function isEnrolled(db: Db, programmeId: string, cooperativeId: string): Promise<boolean> {
  const row = await db.selectFrom('enrolments').select('id').where('programmeId', '=', programmeId).where('cooperativeId', '=', cooperativeId).executeTakeFirst();
  return row !== undefined;
}

export interface FunderRow {
  funderId: string;
  nameFr: string;
  nameAr: string | null;
  nameEn: string | null;
  acronym: string | null;
  contributionMad: number | null;
  isProgrammeFunder: boolean;
}

/** The programme's funders, and any other organisation one of its lines names (a funder since removed from the programme). */
export async function listFunders(db: Db, programmeId: string): Promise<FunderRow[]> {
  const rows = await db
    .selectFrom('organisations')
    .leftJoin('programmeOrganisations', (join) =>
      join.onRef('programmeOrganisations.organisationId', '=', 'organisations.id').on('programmeOrganisations.programmeId', '=', programmeId).on('programmeOrganisations.role', '=', 'funder'),
    )
    .select([
      'organisations.id as funderId',
      'organisations.nameFr',
      'organisations.nameAr',
      'organisations.nameEn',
      'organisations.acronym',
      'programmeOrganisations.contributionMad',
      'programmeOrganisations.organisationId as linkedId',
    ])
    .where((eb) =>
      eb.or([
        eb('programmeOrganisations.organisationId', 'is not', null),
        eb.exists(eb.selectFrom('budgetLines').select('budgetLines.id').whereRef('budgetLines.funderId', '=', 'organisations.id').where('budgetLines.programmeId', '=', programmeId)),
      ]),
    )
    .orderBy(sql`programme_organisations.contribution_mad desc nulls last`)
    .orderBy('organisations.nameFr')
    .execute();
  return rows.map(({ linkedId, ...row }) => ({ ...row, contributionMad: row.contributionMad === null ? null : Number(row.contributionMad), isProgrammeFunder: linkedId !== null }));
}

export async function isProgrammeFunder(db: Db, programmeId: string, organisationId: string): Promise<boolean> {
  const row = await db
    .selectFrom('programmeOrganisations')
    .select('organisationId')
    .where('programmeId', '=', programmeId)
    .where('organisationId', '=', organisationId)
    .where('role', '=', 'funder')
    .executeTakeFirst();
  return row !== undefined;
}

const cooperativeColumns = ['cooperatives.id', 'cooperatives.nameFr', 'cooperatives.nameAr', 'cooperatives.registrationNumber'] as const;

/** Cooperatives of the programme that have an action plan in it or something committed for them, by name. */
export async function listFinancedCooperatives(db: Db, programmeId: string) {
  return db
    .selectFrom('cooperatives')
    .select([...cooperativeColumns])
    .where((eb) =>
      eb.or([
        eb.exists(eb.selectFrom('actionPlans').select('actionPlans.id').whereRef('actionPlans.cooperativeId', '=', 'cooperatives.id').where('actionPlans.programmeId', '=', programmeId)),
        eb.exists(
          eb.selectFrom('financingCommitments').select('financingCommitments.id').whereRef('financingCommitments.cooperativeId', '=', 'cooperatives.id').where('financingCommitments.programmeId', '=', programmeId),
        ),
      ]),
    )
    .orderBy('cooperatives.nameFr')
    .orderBy('cooperatives.id')
    .execute();
}

const committedOnAction = (eb: ExpressionBuilder<Database, 'planActions'>) =>
  eb.fn.coalesce(eb.selectFrom('financingCommitments').select((inner) => inner.fn.sum<number>('financingCommitments.amountMad').as('sum')).whereRef('financingCommitments.actionId', '=', 'planActions.id'), sql<number>`0`);
const disbursedOnAction = (eb: ExpressionBuilder<Database, 'planActions'>) =>
  eb.fn.coalesce(
    eb
      .selectFrom('financingDisbursements')
      .innerJoin('financingCommitments', 'financingCommitments.id', 'financingDisbursements.commitmentId')
      .select((inner) => inner.fn.sum<number>('financingDisbursements.amountMad').as('sum'))
      .whereRef('financingCommitments.actionId', '=', 'planActions.id'),
    sql<number>`0`,
  );

/** The actions of a cooperative's plan in the programme, with what is committed and paid on each. */
export async function listCooperativeActions(db: Db, programmeId: string, cooperativeId: string) {
  return db
    .selectFrom('planActions')
    .innerJoin('actionPlans', 'actionPlans.id', 'planActions.actionPlanId')
    .select((eb) => [
      'planActions.id',
      'planActions.title',
      'planActions.status',
      'planActions.budgetMad',
      'planActions.financingSource',
      committedOnAction(eb).as('committedMad'),
      disbursedOnAction(eb).as('disbursedMad'),
    ])
    .where('actionPlans.programmeId', '=', programmeId)
    .where('actionPlans.cooperativeId', '=', cooperativeId)
    .orderBy('planActions.position')
    .orderBy('planActions.id')
    .execute();
}

/** An action with the programme and cooperative of its plan. */
export async function findAction(db: Db, actionId: string) {
  return db
    .selectFrom('planActions')
    .innerJoin('actionPlans', 'actionPlans.id', 'planActions.actionPlanId')
    .select(['planActions.id', 'planActions.title', 'planActions.budgetMad', 'planActions.financingSource', 'actionPlans.programmeId', 'actionPlans.cooperativeId'])
    .where('planActions.id', '=', actionId)
    .executeTakeFirst();
}

/* ---------- Budget lines ---------- */

const committedOnLine = (eb: ExpressionBuilder<Database, 'budgetLines'>) =>
  eb.fn.coalesce(eb.selectFrom('financingCommitments').select((inner) => inner.fn.sum<number>('financingCommitments.amountMad').as('sum')).whereRef('financingCommitments.budgetLineId', '=', 'budgetLines.id'), sql<number>`0`);
const disbursedOnLine = (eb: ExpressionBuilder<Database, 'budgetLines'>) =>
  eb.fn.coalesce(
    eb
      .selectFrom('financingDisbursements')
      .innerJoin('financingCommitments', 'financingCommitments.id', 'financingDisbursements.commitmentId')
      .select((inner) => inner.fn.sum<number>('financingDisbursements.amountMad').as('sum'))
      .whereRef('financingCommitments.budgetLineId', '=', 'budgetLines.id'),
    sql<number>`0`,
  );

export interface LineRow {
  id: string;
  programmeId: string;
  funderId: string;
  category: BudgetCategory;
  label: string;
  amountMad: number;
  version: number;
  committedMad: number;
  disbursedMad: number;
  commitmentsCount: number;
  funderNameFr: string;
  funderNameAr: string | null;
  funderNameEn: string | null;
  funderAcronym: string | null;
}

function selectLines(db: Db) {
  return db
    .selectFrom('budgetLines')
    .innerJoin('organisations', 'organisations.id', 'budgetLines.funderId')
    .select((eb) => [
      'organisations.nameFr as funderNameFr',
      'organisations.nameAr as funderNameAr',
      'organisations.nameEn as funderNameEn',
      'organisations.acronym as funderAcronym',
      'budgetLines.id',
      'budgetLines.programmeId',
      'budgetLines.funderId',
      'budgetLines.category',
      'budgetLines.label',
      'budgetLines.amountMad',
      'budgetLines.version',
      committedOnLine(eb).as('committedMad'),
      disbursedOnLine(eb).as('disbursedMad'),
      eb.selectFrom('financingCommitments').select((inner) => inner.fn.countAll<number>().as('count')).whereRef('financingCommitments.budgetLineId', '=', 'budgetLines.id').as('commitmentsCount'),
    ]);
}

const categoryOrder = sql`array_position(array['action_financing', 'diagnostic', 'training', 'coaching', 'other']::text[], budget_lines.category)`;

/** The programme's lines with their sums, grouped by funder then category. */
export async function listLines(db: Db, programmeId: string): Promise<LineRow[]> {
  const rows = await selectLines(db).where('budgetLines.programmeId', '=', programmeId).orderBy('budgetLines.funderId').orderBy(categoryOrder).orderBy('budgetLines.label').orderBy('budgetLines.id').execute();
  return rows.map(normaliseLine);
}

export async function findLine(db: Db, lineId: string): Promise<LineRow | undefined> {
  const row = await selectLines(db).where('budgetLines.id', '=', lineId).executeTakeFirst();
  return row ? normaliseLine(row) : undefined;
}

function normaliseLine(row: Omit<LineRow, 'commitmentsCount'> & { commitmentsCount: number | null }): LineRow {
  return { ...row, amountMad: Number(row.amountMad), committedMad: Number(row.committedMad), disbursedMad: Number(row.disbursedMad), commitmentsCount: Number(row.commitmentsCount ?? 0) };
}

/**
 * Locks a line until the transaction ends and reads its sums afterwards: two
 * commitments on the same line wait for each other, so that both cannot pass
 * the balance check.
 */
export async function lockLine(trx: Db, lineId: string): Promise<LineRow | undefined> {
  const locked = await trx.selectFrom('budgetLines').select('id').where('id', '=', lineId).forUpdate().executeTakeFirst();
  return locked ? findLine(trx, lineId) : undefined;
}

export async function insertLine(db: Db, values: { programmeId: string; funderId: string; category: BudgetCategory; label: string; amountMad: number }) {
  return db.insertInto('budgetLines').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function updateLine(db: Db, lineId: string, values: Partial<{ funderId: string; category: BudgetCategory; label: string; amountMad: number }>): Promise<void> {
  await db
    .updateTable('budgetLines')
    .set({ ...values, updatedAt: new Date().toISOString(), version: sql<number>`version + 1` })
    .where('id', '=', lineId)
    .execute();
}

export async function deleteLine(db: Db, lineId: string): Promise<void> {
  await db.deleteFrom('budgetLines').where('id', '=', lineId).execute();
}

/* ---------- Commitments and disbursements ---------- */

const documentColumns = ['financingDocuments.id', 'financingDocuments.fileName', 'financingDocuments.contentType', 'financingDocuments.size', 'financingDocuments.uploadedAt'] as const;

export interface CommitmentFilter {
  cooperativeId?: string | undefined;
  budgetLineId?: string | undefined;
  actionId?: string | undefined;
  /** A single commitment. */
  commitmentId?: string | undefined;
}

function selectCommitments(db: Db, programmeId: string, filter: CommitmentFilter) {
  let query = db
    .selectFrom('financingCommitments')
    .innerJoin('budgetLines', 'budgetLines.id', 'financingCommitments.budgetLineId')
    .leftJoin('cooperatives', 'cooperatives.id', 'financingCommitments.cooperativeId')
    .leftJoin('planActions', 'planActions.id', 'financingCommitments.actionId')
    .leftJoin('actionPlans', 'actionPlans.id', 'planActions.actionPlanId')
    .where('financingCommitments.programmeId', '=', programmeId);
  if (filter.cooperativeId) query = query.where('financingCommitments.cooperativeId', '=', filter.cooperativeId);
  if (filter.budgetLineId) query = query.where('financingCommitments.budgetLineId', '=', filter.budgetLineId);
  if (filter.actionId) query = query.where('financingCommitments.actionId', '=', filter.actionId);
  if (filter.commitmentId) query = query.where('financingCommitments.id', '=', filter.commitmentId);
  return query;
}

export async function countCommitments(db: Db, programmeId: string, filter: CommitmentFilter): Promise<number> {
  const row = await selectCommitments(db, programmeId, filter).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}

/** Commitments, newest first, each with its line, cooperative, action, disbursements and documents. */
export async function listCommitments(db: Db, programmeId: string, filter: CommitmentFilter, page: { limit: number; offset: number } = { limit: 1000, offset: 0 }) {
  return selectCommitments(db, programmeId, filter)
    .select((eb) => [
      'financingCommitments.id',
      'financingCommitments.programmeId',
      'financingCommitments.budgetLineId',
      'budgetLines.label as lineLabel',
      'budgetLines.funderId',
      'budgetLines.category',
      'financingCommitments.cooperativeId',
      'cooperatives.nameFr as cooperativeNameFr',
      'cooperatives.nameAr as cooperativeNameAr',
      'cooperatives.registrationNumber as cooperativeRegistrationNumber',
      'financingCommitments.actionId',
      'planActions.title as actionTitle',
      'planActions.actionPlanId',
      'financingCommitments.amountMad',
      'financingCommitments.committedOn',
      'financingCommitments.reference',
      'financingCommitments.note',
      'financingCommitments.overrunConfirmed',
      'financingCommitments.createdAt',
      jsonArrayFrom(
        eb
          .selectFrom('financingDisbursements')
          .select((inner) => [
            'financingDisbursements.id',
            'financingDisbursements.commitmentId',
            'financingDisbursements.amountMad',
            'financingDisbursements.paidOn',
            'financingDisbursements.reference',
            'financingDisbursements.note',
            'financingDisbursements.createdAt',
            jsonArrayFrom(inner.selectFrom('financingDocuments').select([...documentColumns]).whereRef('financingDocuments.disbursementId', '=', 'financingDisbursements.id').orderBy('financingDocuments.uploadedAt')).as(
              'documents',
            ),
          ])
          .whereRef('financingDisbursements.commitmentId', '=', 'financingCommitments.id')
          .orderBy('financingDisbursements.paidOn')
          .orderBy('financingDisbursements.createdAt'),
      ).as('disbursements'),
      jsonArrayFrom(eb.selectFrom('financingDocuments').select([...documentColumns]).whereRef('financingDocuments.commitmentId', '=', 'financingCommitments.id').orderBy('financingDocuments.uploadedAt')).as('documents'),
    ])
    .orderBy('financingCommitments.committedOn', 'desc')
    .orderBy('financingCommitments.createdAt', 'desc')
    .orderBy('financingCommitments.id')
    .limit(page.limit)
    .offset(page.offset)
    .execute();
}
export type CommitmentRow = Awaited<ReturnType<typeof listCommitments>>[number];

/** A commitment with the sum paid on it; `lock` holds it until the transaction ends (disbursements wait for each other). */
export async function findCommitment(db: Db, commitmentId: string, lock = false) {
  let query = db
    .selectFrom('financingCommitments')
    .select(['id', 'programmeId', 'budgetLineId', 'cooperativeId', 'actionId', 'amountMad', 'committedOn', 'reference', 'note', 'overrunConfirmed'])
    .where('id', '=', commitmentId);
  if (lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) return undefined;
  const paid = await db
    .selectFrom('financingDisbursements')
    .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>('amountMad'), sql<number>`0`).as('disbursedMad'), eb.fn.countAll<number>().as('count')])
    .where('commitmentId', '=', commitmentId)
    .executeTakeFirstOrThrow();
  return { ...row, amountMad: Number(row.amountMad), disbursedMad: Number(paid.disbursedMad), disbursementsCount: Number(paid.count) };
}

export async function insertCommitment(
  db: Db,
  values: {
    budgetLineId: string;
    programmeId: string;
    cooperativeId: string | null;
    actionId: string | null;
    amountMad: number;
    committedOn: string;
    reference: string | null;
    note: string | null;
    overrunConfirmed: boolean;
    createdBy: string;
  },
) {
  return db.insertInto('financingCommitments').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function deleteCommitment(db: Db, commitmentId: string): Promise<void> {
  await db.deleteFrom('financingCommitments').where('id', '=', commitmentId).execute();
}

export async function findDisbursement(db: Db, disbursementId: string) {
  return db
    .selectFrom('financingDisbursements')
    .innerJoin('financingCommitments', 'financingCommitments.id', 'financingDisbursements.commitmentId')
    .select([
      'financingDisbursements.id',
      'financingDisbursements.commitmentId',
      'financingDisbursements.amountMad',
      'financingDisbursements.paidOn',
      'financingDisbursements.reference',
      'financingDisbursements.note',
      'financingCommitments.programmeId',
      'financingCommitments.cooperativeId',
    ])
    .where('financingDisbursements.id', '=', disbursementId)
    .executeTakeFirst();
}

export async function insertDisbursement(db: Db, values: { commitmentId: string; amountMad: number; paidOn: string; reference: string | null; note: string | null; createdBy: string }) {
  return db.insertInto('financingDisbursements').values(values).returning('id').executeTakeFirstOrThrow();
}

export async function deleteDisbursement(db: Db, disbursementId: string): Promise<void> {
  await db.deleteFrom('financingDisbursements').where('id', '=', disbursementId).execute();
}

/* ---------- Documents ---------- */

export async function insertDocument(
  db: Db,
  values: { commitmentId: string | null; disbursementId: string | null; fileName: string; contentType: string; content: Buffer; size: number; uploadedBy: string },
) {
  return db.insertInto('financingDocuments').values(values).returning(['id', 'fileName', 'contentType', 'size', 'uploadedAt']).executeTakeFirstOrThrow();
}

/** A document with the programme and cooperative of the commitment it belongs to (directly or through a disbursement). */
export async function findDocument(db: Db, documentId: string, withContent: boolean) {
  const row = await db
    .selectFrom('financingDocuments')
    .leftJoin('financingDisbursements', 'financingDisbursements.id', 'financingDocuments.disbursementId')
    .innerJoin('financingCommitments', (join) =>
      join.on((eb) => eb.or([eb('financingCommitments.id', '=', eb.ref('financingDocuments.commitmentId')), eb('financingCommitments.id', '=', eb.ref('financingDisbursements.commitmentId'))])),
    )
    .select([
      ...documentColumns,
      'financingDocuments.commitmentId',
      'financingDocuments.disbursementId',
      'financingCommitments.programmeId',
      'financingCommitments.cooperativeId',
      ...(withContent ? (['financingDocuments.content'] as const) : []),
    ])
    .where('financingDocuments.id', '=', documentId)
    .executeTakeFirst();
  return row as (typeof row & { content?: Uint8Array }) | undefined;
}

export async function deleteDocument(db: Db, documentId: string): Promise<void> {
  await db.deleteFrom('financingDocuments').where('id', '=', documentId).execute();
}
