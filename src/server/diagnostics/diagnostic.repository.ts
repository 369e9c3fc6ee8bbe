import { sql } from 'kysely';
import type { DiagnosticKind, DiagnosticScores, DiagnosticStatus, Swot } from '../../core/diagnostics/diagnostic.schema.js';
import type { Db } from '../db/database.js';

/** SQL of diagnostics: the rows, their answers, comments and visits. */

/** Where a diagnostic sits: the only columns an access check needs. */
export interface DiagnosticPlace {
  id: string;
  programmeId: string;
  cooperativeId: string;
  frameworkId: string;
  status: DiagnosticStatus;
  version: number;
}

export async function findEnrolmentForDiagnostic(db: Db, enrolmentId: string) {
  return db
    .selectFrom('enrolments')
    .innerJoin('programmes', 'programmes.id', 'enrolments.programmeId')
    .select(['enrolments.id', 'enrolments.programmeId', 'enrolments.cooperativeId', 'enrolments.status', 'programmes.frameworkId as programmeFrameworkId'])
    .where('enrolments.id', '=', enrolmentId)
    .executeTakeFirst();
}

/** The framework version new diagnostics use when their programme names none: the latest default. */
export async function findDefaultFrameworkId(db: Db): Promise<string | undefined> {
  const row = await db.selectFrom('diagnosticFrameworks').select('id').where('isDefault', '=', true).orderBy('version', 'desc').executeTakeFirst();
  return row?.id;
}

export async function findFramework(db: Db, frameworkId: string) {
  return db
    .selectFrom('diagnosticFrameworks')
    .select(['id', 'family', 'version', 'nameFr', 'nameAr', 'nameEn', 'definition', 'frozenAt'])
    .where('id', '=', frameworkId)
    .executeTakeFirst();
}

/** A framework used by a diagnostic can no longer change: edits make the next version. */
export async function freezeFramework(db: Db, frameworkId: string): Promise<void> {
  await db
    .updateTable('diagnosticFrameworks')
    .set({ frozenAt: sql<string>`now()`, updatedAt: sql<string>`now()` })
    .where('id', '=', frameworkId)
    .where('frozenAt', 'is', null)
    .execute();
}

export async function findDiagnosticOfKind(db: Db, enrolmentId: string, kind: DiagnosticKind) {
  return db.selectFrom('diagnostics').select('id').where('enrolmentId', '=', enrolmentId).where('kind', '=', kind).executeTakeFirst();
}

/** Inserts unless the enrolment already has a diagnostic of that kind (then returns undefined). */
export async function insertDiagnostic(
  db: Db,
  values: { enrolmentId: string; programmeId: string; cooperativeId: string; frameworkId: string; kind: DiagnosticKind; createdBy: string; scores: DiagnosticScores },
) {
  return db
    .insertInto('diagnostics')
    .values({ ...values, scores: JSON.stringify(values.scores) })
    .onConflict((conflict) => conflict.columns(['enrolmentId', 'kind']).doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function findDiagnosticPlace(db: Db, diagnosticId: string): Promise<DiagnosticPlace | undefined> {
  return db
    .selectFrom('diagnostics')
    .select(['id', 'programmeId', 'cooperativeId', 'frameworkId', 'status', 'version'])
    .where('id', '=', diagnosticId)
    .executeTakeFirst();
}

/** The diagnostic row, locked until the transaction ends, so that two saves apply one after the other. */
export async function lockDiagnostic(db: Db, diagnosticId: string) {
  return db.selectFrom('diagnostics').selectAll().where('id', '=', diagnosticId).forUpdate().executeTakeFirst();
}

/** A diagnostic with the names of who submitted and validated it. */
export async function findDiagnosticSummary(db: Db, diagnosticId: string) {
  return db
    .selectFrom('diagnostics')
    .leftJoin('users as submitter', 'submitter.id', 'diagnostics.submittedBy')
    .leftJoin('users as validator', 'validator.id', 'diagnostics.validatedBy')
    .selectAll('diagnostics')
    .select(['submitter.displayName as submittedByName', 'validator.displayName as validatedByName'])
    .where('diagnostics.id', '=', diagnosticId)
    .executeTakeFirst();
}
export type DiagnosticSummaryRow = NonNullable<Awaited<ReturnType<typeof findDiagnosticSummary>>>;

export async function findDiagnosticContext(db: Db, diagnosticId: string) {
  return db
    .selectFrom('diagnostics')
    .innerJoin('cooperatives', 'cooperatives.id', 'diagnostics.cooperativeId')
    .leftJoin('provinces', 'provinces.code', 'cooperatives.provinceCode')
    .innerJoin('programmes', 'programmes.id', 'diagnostics.programmeId')
    .select([
      'cooperatives.id as cooperativeId',
      'cooperatives.nameFr as cooperativeNameFr',
      'cooperatives.nameAr as cooperativeNameAr',
      'cooperatives.provinceCode',
      'provinces.nameFr as provinceNameFr',
      'provinces.nameAr as provinceNameAr',
      'programmes.id as programmeId',
      'programmes.code as programmeCode',
      'programmes.nameFr as programmeNameFr',
      'programmes.nameAr as programmeNameAr',
      'programmes.nameEn as programmeNameEn',
    ])
    .where('diagnostics.id', '=', diagnosticId)
    .executeTakeFirstOrThrow();
}

export async function listAnswers(db: Db, diagnosticId: string) {
  return db
    .selectFrom('diagnosticAnswers')
    .leftJoin('users', 'users.id', 'diagnosticAnswers.answeredBy')
    .select([
      'diagnosticAnswers.questionKey',
      'diagnosticAnswers.value',
      'diagnosticAnswers.notApplicable',
      'diagnosticAnswers.note',
      'diagnosticAnswers.answeredBy',
      'users.displayName as answeredByName',
      'diagnosticAnswers.answeredAt',
    ])
    .where('diagnosticAnswers.diagnosticId', '=', diagnosticId)
    .orderBy('diagnosticAnswers.questionKey')
    .execute();
}
export type AnswerRow = Awaited<ReturnType<typeof listAnswers>>[number];

export interface AnswerWrite {
  questionKey: string;
  value: unknown;
  notApplicable: boolean;
  note: string | null;
}

/** Writes changed answers, each stamped with who answered and now. */
export async function upsertAnswers(db: Db, diagnosticId: string, answeredBy: string, answers: readonly AnswerWrite[]): Promise<void> {
  if (answers.length === 0) return;
  await db
    .insertInto('diagnosticAnswers')
    .values(
      answers.map((answer) => ({
        diagnosticId,
        questionKey: answer.questionKey,
        value: answer.value === null ? null : JSON.stringify(answer.value),
        notApplicable: answer.notApplicable,
        note: answer.note,
        answeredBy,
        answeredAt: sql<string>`now()`,
      })),
    )
    .onConflict((conflict) =>
      conflict.columns(['diagnosticId', 'questionKey']).doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        notApplicable: eb.ref('excluded.notApplicable'),
        note: eb.ref('excluded.note'),
        answeredBy: eb.ref('excluded.answeredBy'),
        answeredAt: eb.ref('excluded.answeredAt'),
      })),
    )
    .execute();
}

/** Stores the new scores (and SWOT), bumps the version. */
export async function updateDiagnosticContent(db: Db, diagnosticId: string, patch: { scores: DiagnosticScores; swot?: Swot }) {
  return db
    .updateTable('diagnostics')
    .set((eb) => ({
      scores: JSON.stringify(patch.scores),
      overallScore: patch.scores.overall,
      maturityLevel: patch.scores.maturityLevel,
      ...(patch.swot ? { swot: JSON.stringify(patch.swot) } : {}),
      updatedAt: sql<string>`now()`,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', diagnosticId)
    .returning(['version', 'updatedAt', 'status', 'swot', 'scores'])
    .executeTakeFirstOrThrow();
}

export async function updateDiagnosticStatus(
  db: Db,
  diagnosticId: string,
  patch: { status: DiagnosticStatus; submittedBy?: string; validatedBy?: string; returned?: boolean },
): Promise<void> {
  await db
    .updateTable('diagnostics')
    .set((eb) => ({
      status: patch.status,
      ...(patch.submittedBy ? { submittedBy: patch.submittedBy, submittedAt: sql<string>`now()` } : {}),
      ...(patch.validatedBy ? { validatedBy: patch.validatedBy, validatedAt: sql<string>`now()` } : {}),
      ...(patch.returned ? { returnedAt: sql<string>`now()` } : {}),
      updatedAt: sql<string>`now()`,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', diagnosticId)
    .execute();
}

export async function insertComment(
  db: Db,
  values: { diagnosticId: string; authorId: string; kind: 'comment' | 'return' | 'validation'; questionKey: string | null; body: string },
) {
  return db.insertInto('diagnosticComments').values(values).returningAll().executeTakeFirstOrThrow();
}

export async function listComments(db: Db, diagnosticId: string) {
  return db
    .selectFrom('diagnosticComments')
    .leftJoin('users', 'users.id', 'diagnosticComments.authorId')
    .select([
      'diagnosticComments.id',
      'diagnosticComments.authorId',
      'users.displayName as authorName',
      'diagnosticComments.kind',
      'diagnosticComments.questionKey',
      'diagnosticComments.body',
      'diagnosticComments.createdAt',
    ])
    .where('diagnosticComments.diagnosticId', '=', diagnosticId)
    .orderBy('diagnosticComments.createdAt')
    .orderBy('diagnosticComments.id')
    .execute();
}
export type CommentRow = Awaited<ReturnType<typeof listComments>>[number];

/** Every save of answers, from the audit log: when and by whom (the visits). */
export async function listAnswerSaves(db: Db, diagnosticId: string) {
  return db
    .selectFrom('auditLog')
    .leftJoin('users', 'users.id', 'auditLog.actorId')
    .select(['auditLog.occurredAt', 'auditLog.actorId', 'users.displayName as actorName'])
    .where('auditLog.entityType', '=', 'diagnostic')
    .where('auditLog.entityId', '=', diagnosticId)
    .where('auditLog.action', '=', 'update')
    .where(sql<boolean>`audit_log.context ->> 'operation' = 'save_answers'`)
    .orderBy('auditLog.occurredAt')
    .execute();
}
