import {
  canCommentDiagnostic,
  canFillDiagnostic,
  canReadDiagnostic,
  canReadDiagnosticReport,
  canValidateDiagnostic,
} from '../../core/access/policies.js';
import type { Principal } from '../../core/access/roles.js';
import type {
  Answer,
  CommentInput,
  DiagnosticComment,
  DiagnosticDetail,
  DiagnosticPermissions,
  DiagnosticSummary,
  ReturnDiagnosticInput,
  SaveAnswersInput,
  SaveAnswersResult,
  Visit,
} from '../../core/diagnostics/diagnostic-api.schema.js';
import {
  canTransition,
  checkAnswerDrafts,
  completionOf,
  isEditableStatus,
  nextStatus,
  normaliseAnswerValue,
  type DiagnosticAction,
} from '../../core/diagnostics/diagnostic.rules.js';
import type { AnswerValue, DiagnosticKind, DiagnosticStatus, ScoringAnswer } from '../../core/diagnostics/diagnostic.schema.js';
import { frameworkDefinitionSchema, type FrameworkDefinition } from '../../core/diagnostics/framework.schema.js';
import { scoreDiagnostic } from '../../core/diagnostics/scoring.js';
import type { Issue } from '../../core/shared/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { AppError, forbidden, notFound, validationFailed } from '../http/errors.js';
import {
  findDefaultFrameworkId,
  findDiagnosticContext,
  findDiagnosticOfKind,
  findDiagnosticPlace,
  findDiagnosticSummary,
  findEnrolmentForDiagnostic,
  findFramework,
  freezeFramework,
  insertComment,
  insertDiagnostic,
  listAnswerSaves,
  listAnswers,
  listComments,
  lockDiagnostic,
  updateDiagnosticContent,
  updateDiagnosticStatus,
  upsertAnswers,
  type AnswerRow,
  type AnswerWrite,
  type CommentRow,
  type DiagnosticPlace,
  type DiagnosticSummaryRow,
} from './diagnostic.repository.js';

/**
 * Filling a diagnostic: created per enrolled cooperative and kind, saved as
 * drafts over several visits, commented by its readers, submitted by the
 * programme's consultants, validated or sent back by its managers.
 *
 * Access: a diagnostic exists for whoever may read its report (the team, the
 * cooperative's representative, the programme's funders); anyone else gets
 * 404. Answers are for the team and the representative only (a funder gets
 * 403); writing them is for the team.
 */

/** Visits are counted in Moroccan days, whatever the server's time zone. */
const visitDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Casablanca', year: 'numeric', month: '2-digit', day: '2-digit' });

function assertVisible(principal: Principal, place: { programmeId: string; cooperativeId: string }) {
  if (!canReadDiagnosticReport(principal, place.programmeId, place.cooperativeId)) throw notFound();
}

async function visibleDiagnostic(db: Db, principal: Principal, diagnosticId: string): Promise<DiagnosticPlace> {
  const place = await findDiagnosticPlace(db, diagnosticId);
  if (!place) throw notFound();
  assertVisible(principal, place);
  return place;
}

function statusConflict(status: DiagnosticStatus, action: DiagnosticAction): AppError {
  return new AppError('conflict', { reason: 'status', status, action }, [{ path: ['status'], key: `diagnostic_cannot_${action}`, params: { status } }]);
}

function staleVersion(currentVersion: number): AppError {
  return new AppError('conflict', { reason: 'stale_version', currentVersion }, [{ path: ['version'], key: 'stale_version' }]);
}

async function loadDefinition(db: Db, frameworkId: string) {
  const framework = await findFramework(db, frameworkId);
  if (!framework) throw notFound();
  return { framework, definition: frameworkDefinitionSchema.parse(framework.definition) };
}

function scoringAnswersOf(rows: readonly Pick<AnswerRow, 'questionKey' | 'value' | 'notApplicable'>[]): Map<string, ScoringAnswer> {
  return new Map(rows.map((row) => [row.questionKey, { value: (row.value ?? null) as AnswerValue | null, notApplicable: row.notApplicable }]));
}

const person = (id: string | null, name: string | null) => (id && name ? { id, name } : null);

export function presentSummary(row: DiagnosticSummaryRow): DiagnosticSummary {
  return {
    id: row.id,
    enrolmentId: row.enrolmentId,
    programmeId: row.programmeId,
    cooperativeId: row.cooperativeId,
    frameworkId: row.frameworkId,
    kind: row.kind,
    status: row.status,
    overallScore: row.overallScore,
    maturityLevel: row.maturityLevel,
    startedAt: row.startedAt,
    submittedAt: row.submittedAt,
    submittedBy: person(row.submittedBy, row.submittedByName),
    validatedAt: row.validatedAt,
    validatedBy: person(row.validatedBy, row.validatedByName),
    returnedAt: row.returnedAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  };
}

function presentAnswer(row: AnswerRow): Answer {
  return {
    questionKey: row.questionKey,
    value: (row.value ?? null) as AnswerValue | null,
    notApplicable: row.notApplicable,
    note: row.note,
    answeredBy: person(row.answeredBy, row.answeredByName),
    answeredAt: row.answeredAt,
  };
}

function presentComment(row: CommentRow): DiagnosticComment {
  return { id: row.id, author: person(row.authorId, row.authorName), kind: row.kind, questionKey: row.questionKey, body: row.body, createdAt: row.createdAt };
}

function permissionsOf(principal: Principal, place: { programmeId: string; cooperativeId: string }, status: DiagnosticStatus): DiagnosticPermissions {
  const fills = canFillDiagnostic(principal, place.programmeId);
  return {
    edit: fills && isEditableStatus(status),
    submit: fills && canTransition(status, 'submit'),
    validate: canValidateDiagnostic(principal, place.programmeId) && canTransition(status, 'validate'),
    comment: canCommentDiagnostic(principal, place.programmeId, place.cooperativeId),
  };
}

async function summaryOf(db: Db, diagnosticId: string): Promise<DiagnosticSummary> {
  const row = await findDiagnosticSummary(db, diagnosticId);
  if (!row) throw notFound();
  return presentSummary(row);
}

/* ---------- Create ---------- */

export async function createDiagnostic(db: Db, principal: Principal, enrolmentId: string, kind: DiagnosticKind): Promise<DiagnosticSummary> {
  const enrolment = await findEnrolmentForDiagnostic(db, enrolmentId);
  if (!enrolment) throw notFound();
  assertVisible(principal, enrolment);
  if (!canFillDiagnostic(principal, enrolment.programmeId)) throw forbidden();
  if (enrolment.status !== 'enrolled') {
    throw new AppError('conflict', { reason: 'enrolment_not_enrolled' }, [{ path: ['enrolmentId'], key: 'enrolment_not_enrolled', params: { status: enrolment.status } }]);
  }
  return db.transaction().execute(async (trx) => {
    const kindTaken = () => {
      throw new AppError('conflict', { reason: 'diagnostic_exists' }, [{ path: ['kind'], key: 'diagnostic_kind_exists', params: { kind } }]);
    };
    if (await findDiagnosticOfKind(trx, enrolmentId, kind)) kindTaken();
    const frameworkId = enrolment.programmeFrameworkId ?? (await findDefaultFrameworkId(trx));
    if (!frameworkId) throw new AppError('conflict', { reason: 'no_framework' }, [{ path: ['kind'], key: 'diagnostic_no_framework' }]);
    const { definition } = await loadDefinition(trx, frameworkId);
    const created = await insertDiagnostic(trx, {
      enrolmentId,
      programmeId: enrolment.programmeId,
      cooperativeId: enrolment.cooperativeId,
      frameworkId,
      kind,
      createdBy: principal.userId,
      scores: scoreDiagnostic(definition, new Map()),
    });
    if (!created) return kindTaken();
    await freezeFramework(trx, frameworkId);
    await recordAudit(trx, {
      actorId: principal.userId,
      action: 'create',
      entityType: 'diagnostic',
      entityId: created.id,
      after: { kind, enrolmentId, frameworkId, status: created.status },
      context: { programmeId: enrolment.programmeId, cooperativeId: enrolment.cooperativeId },
    });
    return summaryOf(trx, created.id);
  });
}

/* ---------- Read ---------- */

/**
 * The days answers were saved, with who saved them: every save in the audit
 * log, and the stamps the answers still carry (answers loaded without the
 * API, e.g. the demo, have no audit entry).
 */
function visitsOf(saves: Awaited<ReturnType<typeof listAnswerSaves>>, answers: readonly AnswerRow[]): Visit[] {
  const stamps = [
    ...saves.map((save) => ({ at: save.occurredAt, id: save.actorId, name: save.actorName })),
    ...answers.map((answer) => ({ at: answer.answeredAt, id: answer.answeredBy, name: answer.answeredByName })),
  ];
  const byDay = new Map<string, Map<string, string>>();
  for (const stamp of stamps) {
    const day = visitDay.format(new Date(stamp.at));
    const people = byDay.get(day) ?? new Map<string, string>();
    if (stamp.id) people.set(stamp.id, stamp.name ?? '');
    byDay.set(day, people);
  }
  return [...byDay]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, people]) => ({ day, people: [...people].map(([id, name]) => ({ id, name })) }));
}

export async function getDiagnostic(db: Db, principal: Principal, diagnosticId: string): Promise<DiagnosticDetail> {
  const place = await visibleDiagnostic(db, principal, diagnosticId);
  if (!canReadDiagnostic(principal, place.programmeId, place.cooperativeId)) throw forbidden();
  const [summary, context, { framework, definition }, answers, comments, saves] = await Promise.all([
    findDiagnosticSummary(db, diagnosticId),
    findDiagnosticContext(db, diagnosticId),
    loadDefinition(db, place.frameworkId),
    listAnswers(db, diagnosticId),
    listComments(db, diagnosticId),
    listAnswerSaves(db, diagnosticId),
  ]);
  if (!summary) throw notFound();
  return {
    diagnostic: presentSummary(summary),
    cooperative: {
      id: context.cooperativeId,
      nameFr: context.cooperativeNameFr,
      nameAr: context.cooperativeNameAr,
      provinceCode: context.provinceCode,
      provinceNameFr: context.provinceNameFr,
      provinceNameAr: context.provinceNameAr,
    },
    programme: { id: context.programmeId, code: context.programmeCode, nameFr: context.programmeNameFr, nameAr: context.programmeNameAr, nameEn: context.programmeNameEn },
    framework: { id: framework.id, family: framework.family, version: framework.version, nameFr: framework.nameFr, nameAr: framework.nameAr, nameEn: framework.nameEn, definition },
    answers: answers.map(presentAnswer),
    swot: summary.swot,
    comments: comments.map(presentComment),
    scores: summary.scores,
    visits: visitsOf(saves, answers),
    can: permissionsOf(principal, place, summary.status),
  };
}

/* ---------- Save a draft ---------- */

const sameAnswer = (a: AnswerWrite, b: AnswerWrite) =>
  JSON.stringify(a.value) === JSON.stringify(b.value) && a.notApplicable === b.notApplicable && (a.note ?? null) === (b.note ?? null);

/** Audit entries list answers as rows, not keyed by question: the database layer camel-cases JSON keys it reads back. */
const answerState = ({ value, notApplicable, note }: AnswerWrite) => ({ value, notApplicable, note });

/** Refuses a batch whose answers do not fit the framework, naming `answers.<i>.<field>`. */
function assertAnswersFit(definition: FrameworkDefinition, input: SaveAnswersInput) {
  const issues: Issue[] = checkAnswerDrafts(definition, input.answers).map((issue) => ({
    path: ['answers', issue.index, issue.field],
    key: issue.key,
    params: { questionKey: input.answers[issue.index]!.questionKey },
  }));
  if (issues.length > 0) throw validationFailed(issues);
}

export async function saveAnswers(db: Db, principal: Principal, diagnosticId: string, input: SaveAnswersInput): Promise<SaveAnswersResult> {
  const place = await visibleDiagnostic(db, principal, diagnosticId);
  if (!canFillDiagnostic(principal, place.programmeId)) throw forbidden();
  return db.transaction().execute(async (trx) => {
    const current = await lockDiagnostic(trx, diagnosticId);
    if (!current) throw notFound();
    if (current.version !== input.version) throw staleVersion(current.version);
    if (!isEditableStatus(current.status)) throw statusConflict(current.status, 'save');
    const { definition } = await loadDefinition(trx, current.frameworkId);
    assertAnswersFit(definition, input);

    const existing = new Map((await listAnswers(trx, diagnosticId)).map((row) => [row.questionKey, row]));
    const changes: Array<{ before: AnswerWrite | null; after: AnswerWrite }> = [];
    for (const answer of input.answers) {
      const after: AnswerWrite = { questionKey: answer.questionKey, value: normaliseAnswerValue(answer.value), notApplicable: answer.notApplicable, note: answer.note || null };
      const row = existing.get(answer.questionKey);
      const before: AnswerWrite | null = row ? { questionKey: row.questionKey, value: row.value ?? null, notApplicable: row.notApplicable, note: row.note } : null;
      const unchanged = before ? sameAnswer(before, after) : after.value === null && !after.notApplicable && after.note === null;
      if (!unchanged) changes.push({ before, after });
    }
    const swotChanged = input.swot !== undefined && JSON.stringify(input.swot) !== JSON.stringify(current.swot);
    if (changes.length === 0 && !swotChanged) {
      return { version: current.version, updatedAt: current.updatedAt, status: current.status, scores: current.scores, answers: [...existing.values()].map(presentAnswer), swot: current.swot, changed: 0 };
    }

    await upsertAnswers(trx, diagnosticId, principal.userId, changes.map((change) => change.after));
    const answers = await listAnswers(trx, diagnosticId);
    const scores = scoreDiagnostic(definition, scoringAnswersOf(answers));
    const updated = await updateDiagnosticContent(trx, diagnosticId, { scores, ...(swotChanged ? { swot: input.swot! } : {}) });
    await recordAudit(trx, {
      actorId: principal.userId,
      action: 'update',
      entityType: 'diagnostic',
      entityId: diagnosticId,
      before: {
        answers: changes.map((change) => ({ questionKey: change.after.questionKey, ...(change.before ? answerState(change.before) : { value: null, notApplicable: false, note: null }) })),
        ...(swotChanged ? { swot: current.swot } : {}),
        overallScore: current.overallScore,
      },
      after: {
        answers: changes.map((change) => ({ questionKey: change.after.questionKey, ...answerState(change.after) })),
        ...(swotChanged ? { swot: input.swot } : {}),
        overallScore: scores.overall,
      },
      context: { operation: 'save_answers', programmeId: place.programmeId, cooperativeId: place.cooperativeId, version: updated.version },
    });
    return {
      version: updated.version,
      updatedAt: updated.updatedAt,
      status: updated.status,
      scores: updated.scores,
      answers: answers.map(presentAnswer),
      swot: updated.swot,
      changed: changes.length,
    };
  });
}

/* ---------- Comments ---------- */

export async function addComment(db: Db, principal: Principal, diagnosticId: string, input: CommentInput): Promise<DiagnosticComment> {
  const place = await visibleDiagnostic(db, principal, diagnosticId);
  if (!canCommentDiagnostic(principal, place.programmeId, place.cooperativeId)) throw forbidden();
  const questionKey = input.questionKey ?? null;
  if (questionKey) {
    const { definition } = await loadDefinition(db, place.frameworkId);
    if (!definition.domains.some((domain) => domain.questions.some((question) => question.key === questionKey))) {
      throw validationFailed([{ path: ['questionKey'], key: 'question_unknown' }]);
    }
  }
  return db.transaction().execute(async (trx) => {
    const comment = await insertComment(trx, { diagnosticId, authorId: principal.userId, kind: 'comment', questionKey, body: input.body });
    await recordAudit(trx, {
      actorId: principal.userId,
      action: 'create',
      entityType: 'diagnostic',
      entityId: diagnosticId,
      after: { commentId: comment.id, questionKey, body: comment.body },
      context: { operation: 'comment', programmeId: place.programmeId, cooperativeId: place.cooperativeId },
    });
    const rows = await listComments(trx, diagnosticId);
    return presentComment(rows.find((row) => row.id === comment.id)!);
  });
}

/* ---------- Workflow ---------- */

async function transition(
  db: Db,
  principal: Principal,
  diagnosticId: string,
  action: Exclude<DiagnosticAction, 'save'>,
  allowed: (place: DiagnosticPlace) => boolean,
  apply: (trx: Db, current: NonNullable<Awaited<ReturnType<typeof lockDiagnostic>>>) => Promise<Record<string, unknown> | void>,
): Promise<DiagnosticSummary> {
  const place = await visibleDiagnostic(db, principal, diagnosticId);
  if (!allowed(place)) throw forbidden();
  return db.transaction().execute(async (trx) => {
    const current = await lockDiagnostic(trx, diagnosticId);
    if (!current) throw notFound();
    if (!canTransition(current.status, action)) throw statusConflict(current.status, action);
    const status = nextStatus(current.status, action);
    const extra = (await apply(trx, current)) ?? {};
    await updateDiagnosticStatus(trx, diagnosticId, {
      status,
      ...(action === 'submit' ? { submittedBy: principal.userId } : {}),
      ...(action === 'validate' ? { validatedBy: principal.userId } : {}),
      ...(action === 'return' ? { returned: true } : {}),
    });
    await recordAudit(trx, {
      actorId: principal.userId,
      action: 'update',
      entityType: 'diagnostic',
      entityId: diagnosticId,
      before: { status: current.status },
      after: { status, ...extra },
      context: { operation: action, programmeId: place.programmeId, cooperativeId: place.cooperativeId },
    });
    return summaryOf(trx, diagnosticId);
  });
}

/** Submitting asks every scored question to be answered or marked not applicable; each missing one is an issue. */
export async function submitDiagnostic(db: Db, principal: Principal, diagnosticId: string): Promise<DiagnosticSummary> {
  return transition(
    db,
    principal,
    diagnosticId,
    'submit',
    (place) => canFillDiagnostic(principal, place.programmeId),
    async (trx, current) => {
      const { definition } = await loadDefinition(trx, current.frameworkId);
      const { missing } = completionOf(definition, scoringAnswersOf(await listAnswers(trx, diagnosticId)));
      if (missing.length > 0) {
        throw validationFailed(missing.map((questionKey) => ({ path: ['answers', questionKey], key: 'question_unanswered', params: { questionKey } })));
      }
    },
  );
}

export async function validateDiagnostic(db: Db, principal: Principal, diagnosticId: string): Promise<DiagnosticSummary> {
  return transition(db, principal, diagnosticId, 'validate', (place) => canValidateDiagnostic(principal, place.programmeId), async () => undefined);
}

/** Sends a submitted diagnostic back to its consultant, with the manager's comment. */
export async function returnDiagnostic(db: Db, principal: Principal, diagnosticId: string, input: ReturnDiagnosticInput): Promise<DiagnosticSummary> {
  return transition(
    db,
    principal,
    diagnosticId,
    'return',
    (place) => canValidateDiagnostic(principal, place.programmeId),
    async (trx) => {
      const comment = await insertComment(trx, { diagnosticId, authorId: principal.userId, kind: 'return', questionKey: null, body: input.comment });
      return { commentId: comment.id, comment: input.comment };
    },
  );
}
