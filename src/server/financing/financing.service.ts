import { programmeScope } from '../../core/access/policies.js';
import type { Principal } from '../../core/access/roles.js';
import { checkCommitment, checkDisbursement, checkLineAmount, financingTotals, subtractMad, sumMad } from '../../core/financing/balances.js';
import { canManageFinancing, canReadActionFinancing, canReadFinancing, canReadFinancingDetails } from '../../core/financing/financing.policies.js';
import {
  budgetCategories,
  financingDocumentMaxBytes,
  financingDocumentTypes,
  type ActionFinancing,
  type BudgetLineInput,
  type BudgetLineUpdate,
  type BudgetLineView,
  type Commitment,
  type CommitmentInput,
  type Disbursement,
  type DisbursementInput,
  type FinancingDocument,
  type FinancingOverview,
  type FinancingQuery,
} from '../../core/financing/financing.schema.js';
import { toMoroccanWallClock } from '../../core/sessions/local-time.js';
import type { Issue } from '../../core/shared/errors.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { AppError, forbidden, notFound, validationFailed } from '../http/errors.js';
import * as repo from './financing.repository.js';

/* ---------- Access ---------- */

/**
 * A programme-wide request: allowed, or "not found" for whoever cannot see
 * the programme at all (so that ids cannot be probed), or "forbidden" for
 * whoever sees it (its team, its funders, a representative of a cooperative
 * enrolled in it) without the right.
 */
async function assertProgrammeAccess(db: Db, principal: Principal, programmeId: string, allowed: boolean): Promise<void> {
  const exists = await repo.programmeExists(db, programmeId);
  if (allowed) {
    if (!exists) throw notFound();
    return;
  }
  const scope = programmeScope(principal);
  const visible = scope.kind === 'all' || scope.programmeIds.includes(programmeId) || (await repo.hasEnrolmentOf(db, programmeId, scope.cooperativeIds));
  if (!visible || !exists) throw notFound();
  throw forbidden();
}

/**
 * A request on one record (line, commitment, disbursement, document, action)
 * of a programme: "forbidden" only for those who may read it, "not found"
 * for everyone else — a representative does not learn that another
 * cooperative's commitment exists.
 */
function assertRecordAccess(principal: Principal, place: { programmeId: string; cooperativeId: string | null }, allowed: boolean): void {
  if (allowed) return;
  const readable = place.cooperativeId === null ? canReadFinancing(principal, place.programmeId) : canReadActionFinancing(principal, place.programmeId, place.cooperativeId);
  throw readable ? forbidden() : notFound();
}

const today = () => toMoroccanWallClock(new Date().toISOString()).date;
const isoInstant = (value: string) => new Date(value).toISOString();

/* ---------- Presenting ---------- */

function presentLine(row: repo.LineRow): BudgetLineView {
  const [totals] = financingTotals([row]).lines;
  const { id: _id, ...balance } = totals!;
  const funder = { nameFr: row.funderNameFr, nameAr: row.funderNameAr, nameEn: row.funderNameEn, acronym: row.funderAcronym };
  return { id: row.id, programmeId: row.programmeId, funderId: row.funderId, funder, category: row.category, label: row.label, commitmentsCount: row.commitmentsCount, version: row.version, ...balance };
}

type DocumentRow = { id: string; fileName: string; contentType: string; size: number; uploadedAt: string };
const presentDocument = (row: DocumentRow): FinancingDocument => ({ id: row.id, fileName: row.fileName, contentType: row.contentType, size: Number(row.size), uploadedAt: isoInstant(row.uploadedAt) });

/** A commitment as its reader may see it: notes and documents only for those who may read them. */
function presentCommitment(row: repo.CommitmentRow, showDetails: boolean): Commitment {
  const disbursements: Disbursement[] = row.disbursements.map((disbursement) => ({
    id: disbursement.id,
    commitmentId: disbursement.commitmentId,
    amountMad: Number(disbursement.amountMad),
    paidOn: disbursement.paidOn,
    reference: disbursement.reference,
    note: showDetails ? disbursement.note : null,
    documents: showDetails ? disbursement.documents.map(presentDocument) : [],
    createdAt: isoInstant(disbursement.createdAt),
  }));
  const amountMad = Number(row.amountMad);
  const disbursedMad = sumMad(disbursements.map((disbursement) => disbursement.amountMad));
  return {
    id: row.id,
    programmeId: row.programmeId,
    budgetLineId: row.budgetLineId,
    lineLabel: row.lineLabel,
    funderId: row.funderId,
    category: row.category,
    cooperative: row.cooperativeId ? { id: row.cooperativeId, nameFr: row.cooperativeNameFr, nameAr: row.cooperativeNameAr, registrationNumber: row.cooperativeRegistrationNumber } : null,
    action: row.actionId && row.actionTitle !== null && row.actionPlanId !== null ? { id: row.actionId, title: row.actionTitle, actionPlanId: row.actionPlanId } : null,
    amountMad,
    committedOn: row.committedOn,
    reference: row.reference,
    note: showDetails ? row.note : null,
    overrunConfirmed: row.overrunConfirmed,
    disbursedMad,
    remainingMad: subtractMad(amountMad, disbursedMad),
    disbursements,
    documents: showDetails ? row.documents.map(presentDocument) : [],
    createdAt: isoInstant(row.createdAt),
  };
}

async function loadCommitment(db: Db, principal: Principal, programmeId: string, commitmentId: string): Promise<Commitment> {
  const [row] = await repo.listCommitments(db, programmeId, { commitmentId });
  if (!row) throw notFound();
  return presentCommitment(row, canReadFinancingDetails(principal, programmeId, row.cooperativeId));
}

/* ---------- Reading ---------- */

/** The programme's lines with their balances, totals per funder and category, and a page of its commitments. */
export async function getFinancing(db: Db, principal: Principal, programmeId: string, query: FinancingQuery): Promise<FinancingOverview> {
  await assertProgrammeAccess(db, principal, programmeId, canReadFinancing(principal, programmeId));
  const lines = await repo.listLines(db, programmeId);
  const totals = financingTotals(lines);
  const funders = await repo.listFunders(db, programmeId);
  const zero = { amountMad: 0, committedMad: 0, disbursedMad: 0, availableMad: 0, toDisburseMad: 0 };
  const filter = { cooperativeId: query.cooperativeId, budgetLineId: query.budgetLineId };
  const [items, total, cooperatives, actions] = await Promise.all([
    repo.listCommitments(db, programmeId, filter, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    repo.countCommitments(db, programmeId, filter),
    repo.listFinancedCooperatives(db, programmeId),
    query.cooperativeId ? repo.listCooperativeActions(db, programmeId, query.cooperativeId) : Promise.resolve([]),
  ]);
  return {
    programmeId,
    canManage: canManageFinancing(principal, programmeId),
    lines: lines.map(presentLine),
    funders: funders.map((funder) => ({ ...funder, ...(totals.byFunder.find((entry) => entry.funderId === funder.funderId) ?? zero), funderId: funder.funderId })),
    categories: budgetCategories.flatMap((category) => totals.byCategory.filter((entry) => entry.category === category)),
    total: totals.total,
    cooperatives,
    actions: actions.map((action) => ({ ...action, budgetMad: action.budgetMad === null ? null : Number(action.budgetMad), committedMad: Number(action.committedMad), disbursedMad: Number(action.disbursedMad) })),
    commitments: { items: items.map((row) => presentCommitment(row, canReadFinancingDetails(principal, programmeId, row.cooperativeId))), total, page: query.page, pageSize: query.pageSize },
  };
}

/** One action: its budget and source, what is committed and paid on it, and the lines it could draw on. */
export async function getActionFinancing(db: Db, principal: Principal, actionId: string): Promise<ActionFinancing> {
  const action = await repo.findAction(db, actionId);
  if (!action) throw notFound();
  assertRecordAccess(principal, action, canReadActionFinancing(principal, action.programmeId, action.cooperativeId));
  const showDetails = canReadFinancingDetails(principal, action.programmeId, action.cooperativeId);
  const rows = await repo.listCommitments(db, action.programmeId, { actionId });
  const commitments = rows.map((row) => presentCommitment(row, showDetails));
  // A representative sees what concerns their cooperative, not the programme's budget.
  const lines = canReadFinancing(principal, action.programmeId) ? await repo.listLines(db, action.programmeId) : [];
  const order = (category: string) => (category === 'action_financing' ? 0 : 1);
  return {
    action: { id: action.id, title: action.title, programmeId: action.programmeId, cooperativeId: action.cooperativeId, budgetMad: action.budgetMad === null ? null : Number(action.budgetMad), financingSource: action.financingSource },
    canManage: canManageFinancing(principal, action.programmeId),
    committedMad: sumMad(commitments.map((commitment) => commitment.amountMad)),
    disbursedMad: sumMad(commitments.map((commitment) => commitment.disbursedMad)),
    commitments,
    lines: lines.map(presentLine).sort((a, b) => order(a.category) - order(b.category)),
  };
}

/* ---------- Budget lines ---------- */

export async function createLine(db: Db, principal: Principal, programmeId: string, input: BudgetLineInput): Promise<BudgetLineView> {
  await assertProgrammeAccess(db, principal, programmeId, canManageFinancing(principal, programmeId));
  if (!(await repo.isProgrammeFunder(db, programmeId, input.funderId))) throw validationFailed([{ path: ['funderId'], key: 'financing_funder_not_programme' }]);
  return db.transaction().execute(async (trx) => {
    const { id } = await repo.insertLine(trx, { programmeId, ...input });
    await recordAudit(trx, { actorId: principal.userId, action: 'create', entityType: 'budget_line', entityId: id, after: { ...input }, context: { programmeId } });
    return presentLine((await repo.findLine(trx, id))!);
  });
}

async function lineForManager(db: Db, principal: Principal, lineId: string): Promise<repo.LineRow> {
  const line = await repo.findLine(db, lineId);
  if (!line) throw notFound();
  assertRecordAccess(principal, { programmeId: line.programmeId, cooperativeId: null }, canManageFinancing(principal, line.programmeId));
  return line;
}

/** Edits a line; its amount never goes below what is committed on it. */
export async function updateLineFor(db: Db, principal: Principal, lineId: string, input: BudgetLineUpdate): Promise<BudgetLineView> {
  const existing = await lineForManager(db, principal, lineId);
  const { version, ...changes } = input;
  if (changes.funderId !== undefined && changes.funderId !== existing.funderId && !(await repo.isProgrammeFunder(db, existing.programmeId, changes.funderId))) {
    throw validationFailed([{ path: ['funderId'], key: 'financing_funder_not_programme' }]);
  }
  return db.transaction().execute(async (trx) => {
    const line = await repo.lockLine(trx, lineId);
    if (!line) throw notFound();
    if (line.version !== version) throw new AppError('conflict', { reason: 'stale_version', currentVersion: line.version }, [{ path: ['version'], key: 'financing_line_stale' }]);
    if (changes.amountMad !== undefined) {
      const check = checkLineAmount(line, changes.amountMad);
      if (!check.ok) throw validationFailed([{ path: ['amountMad'], key: 'financing_line_below_committed', params: { committed: check.committedMad } }]);
    }
    await repo.updateLine(trx, lineId, changes);
    const before = { funderId: line.funderId, category: line.category, label: line.label, amountMad: line.amountMad };
    await recordAudit(trx, { actorId: principal.userId, action: 'update', entityType: 'budget_line', entityId: lineId, before, after: { ...before, ...changes }, context: { programmeId: line.programmeId } });
    return presentLine((await repo.findLine(trx, lineId))!);
  });
}

/** Removes a line entered by mistake: only while nothing is committed on it. */
export async function removeLine(db: Db, principal: Principal, lineId: string): Promise<void> {
  await lineForManager(db, principal, lineId);
  await db.transaction().execute(async (trx) => {
    const line = await repo.lockLine(trx, lineId);
    if (!line) throw notFound();
    if (line.commitmentsCount > 0) throw new AppError('conflict', { reason: 'budget_line_in_use', commitments: line.commitmentsCount }, [{ path: ['id'], key: 'financing_line_in_use', params: { count: line.commitmentsCount } }]);
    await repo.deleteLine(trx, lineId);
    await recordAudit(trx, {
      actorId: principal.userId,
      action: 'delete',
      entityType: 'budget_line',
      entityId: lineId,
      before: { funderId: line.funderId, category: line.category, label: line.label, amountMad: line.amountMad },
      context: { programmeId: line.programmeId },
    });
  });
}

/* ---------- Commitments ---------- */

/** The cooperative and action a commitment names, checked against the programme; the action gives the cooperative when it is not named. */
async function resolveBeneficiary(db: Db, programmeId: string, input: CommitmentInput): Promise<{ cooperativeId: string | null; issues: Issue[] }> {
  const issues: Issue[] = [];
  let cooperativeId = input.cooperativeId;
  if (input.actionId) {
    const action = await repo.findAction(db, input.actionId);
    if (!action || action.programmeId !== programmeId) issues.push({ path: ['actionId'], key: 'financing_action_unknown' });
    else if (cooperativeId !== null && action.cooperativeId !== cooperativeId) issues.push({ path: ['actionId'], key: 'financing_action_other_cooperative' });
    else cooperativeId = action.cooperativeId;
  }
  if (cooperativeId !== null && issues.length === 0 && !(await repo.isEnrolled(db, programmeId, cooperativeId))) issues.push({ path: ['cooperativeId'], key: 'financing_cooperative_not_enrolled' });
  return { cooperativeId, issues };
}

/**
 * Commits money on a line, for a cooperative and one of its actions or for
 * the programme as a whole. Over the line's available balance it is refused
 * (409 `commitment_over_line`, with what is available and by how much it
 * goes over) unless the user confirmed the overrun. The line stays locked
 * from the check to the insert, so two commitments at once cannot both pass.
 */
export async function createCommitment(db: Db, principal: Principal, programmeId: string, input: CommitmentInput): Promise<Commitment> {
  await assertProgrammeAccess(db, principal, programmeId, canManageFinancing(principal, programmeId));
  const { cooperativeId, issues } = await resolveBeneficiary(db, programmeId, input);
  if (input.committedOn > today()) issues.push({ path: ['committedOn'], key: 'date_in_future' });
  const id = await db.transaction().execute(async (trx) => {
    const line = await repo.lockLine(trx, input.budgetLineId);
    if (!line || line.programmeId !== programmeId) issues.unshift({ path: ['budgetLineId'], key: 'financing_line_unknown' });
    if (issues.length > 0) throw validationFailed(issues);
    const check = checkCommitment(line!, input.amountMad);
    if (!check.ok && !input.confirmOverrun) {
      const params = { available: check.availableMad, over: check.overMad };
      throw new AppError('conflict', { reason: 'commitment_over_line', ...params }, [{ path: ['amountMad'], key: 'commitment_over_line', params }]);
    }
    const values = {
      budgetLineId: input.budgetLineId,
      programmeId,
      cooperativeId,
      actionId: input.actionId,
      amountMad: input.amountMad,
      committedOn: input.committedOn,
      reference: input.reference,
      note: input.note,
      overrunConfirmed: !check.ok,
    };
    const created = await repo.insertCommitment(trx, { ...values, createdBy: principal.userId });
    await recordAudit(trx, {
      actorId: principal.userId,
      action: 'create',
      entityType: 'financing_commitment',
      entityId: created.id,
      after: values,
      context: { programmeId, lineAvailableBefore: subtractMad(line!.amountMad, line!.committedMad) },
    });
    return created.id;
  });
  return loadCommitment(db, principal, programmeId, id);
}

async function commitmentForManager(db: Db, principal: Principal, commitmentId: string) {
  const commitment = await repo.findCommitment(db, commitmentId);
  if (!commitment) throw notFound();
  assertRecordAccess(principal, commitment, canManageFinancing(principal, commitment.programmeId));
  return commitment;
}

/** Removes a commitment made by mistake, while nothing has been paid on it. */
export async function removeCommitment(db: Db, principal: Principal, commitmentId: string): Promise<void> {
  await commitmentForManager(db, principal, commitmentId);
  await db.transaction().execute(async (trx) => {
    const commitment = await repo.findCommitment(trx, commitmentId, true);
    if (!commitment) throw notFound();
    if (commitment.disbursementsCount > 0) {
      throw new AppError('conflict', { reason: 'commitment_has_disbursements', disbursements: commitment.disbursementsCount }, [{ path: ['id'], key: 'financing_commitment_has_disbursements', params: { count: commitment.disbursementsCount } }]);
    }
    await repo.deleteCommitment(trx, commitmentId);
    const { disbursedMad: _paid, disbursementsCount: _count, ...before } = commitment;
    await recordAudit(trx, { actorId: principal.userId, action: 'delete', entityType: 'financing_commitment', entityId: commitmentId, before, context: { programmeId: commitment.programmeId } });
  });
}

/* ---------- Disbursements ---------- */

/** Pays part or all of a commitment; never more than what is left of it. The commitment stays locked from the check to the insert. */
export async function createDisbursement(db: Db, principal: Principal, commitmentId: string, input: DisbursementInput): Promise<Disbursement> {
  const existing = await commitmentForManager(db, principal, commitmentId);
  const id = await db.transaction().execute(async (trx) => {
    const commitment = await repo.findCommitment(trx, commitmentId, true);
    if (!commitment) throw notFound();
    const issues: Issue[] = [];
    const check = checkDisbursement(commitment, input.amountMad);
    if (!check.ok) issues.push({ path: ['amountMad'], key: 'disbursement_over_commitment', params: { remaining: check.remainingMad, over: check.overMad } });
    if (input.paidOn < commitment.committedOn) issues.push({ path: ['paidOn'], key: 'financing_paid_before_commitment', params: { committedOn: commitment.committedOn } });
    else if (input.paidOn > today()) issues.push({ path: ['paidOn'], key: 'date_in_future' });
    if (issues.length > 0) throw validationFailed(issues);
    const created = await repo.insertDisbursement(trx, { commitmentId, ...input, createdBy: principal.userId });
    await recordAudit(trx, { actorId: principal.userId, action: 'create', entityType: 'financing_disbursement', entityId: created.id, after: { commitmentId, ...input }, context: { programmeId: commitment.programmeId } });
    return created.id;
  });
  const commitment = await loadCommitment(db, principal, existing.programmeId, commitmentId);
  return commitment.disbursements.find((disbursement) => disbursement.id === id)!;
}

/** Removes a disbursement recorded by mistake: the commitment has that much more to pay. */
export async function removeDisbursement(db: Db, principal: Principal, disbursementId: string): Promise<void> {
  const disbursement = await repo.findDisbursement(db, disbursementId);
  if (!disbursement) throw notFound();
  assertRecordAccess(principal, disbursement, canManageFinancing(principal, disbursement.programmeId));
  await db.transaction().execute(async (trx) => {
    await repo.deleteDisbursement(trx, disbursementId);
    const { programmeId, cooperativeId: _cooperative, ...before } = disbursement;
    await recordAudit(trx, { actorId: principal.userId, action: 'delete', entityType: 'financing_disbursement', entityId: disbursementId, before: { ...before, amountMad: Number(before.amountMad) }, context: { programmeId } });
  });
}

/* ---------- Documents ---------- */

export interface UploadedFile {
  fileName: string;
  contentType: string;
  content: Buffer;
  /** The upload went past the size limit and was cut. */
  truncated: boolean;
}

/** Attaches an agreement, invoice or receipt to a commitment or a disbursement. */
export async function addDocument(db: Db, principal: Principal, owner: { commitmentId: string } | { disbursementId: string }, file: UploadedFile): Promise<FinancingDocument> {
  const place = 'commitmentId' in owner ? await repo.findCommitment(db, owner.commitmentId) : await repo.findDisbursement(db, owner.disbursementId);
  if (!place) throw notFound();
  assertRecordAccess(principal, place, canManageFinancing(principal, place.programmeId));
  if (!(financingDocumentTypes as readonly string[]).includes(file.contentType)) throw validationFailed([{ path: ['file'], key: 'financing_document_type', params: { contentType: file.contentType } }]);
  if (file.truncated || file.content.length > financingDocumentMaxBytes) throw validationFailed([{ path: ['file'], key: 'financing_document_too_large', params: { maximum: financingDocumentMaxBytes / (1024 * 1024) } }]);
  if (file.content.length === 0) throw validationFailed([{ path: ['file'], key: 'financing_document_empty' }]);
  return db.transaction().execute(async (trx) => {
    const created = await repo.insertDocument(trx, {
      commitmentId: 'commitmentId' in owner ? owner.commitmentId : null,
      disbursementId: 'disbursementId' in owner ? owner.disbursementId : null,
      fileName: file.fileName.slice(0, 200),
      contentType: file.contentType,
      content: file.content,
      size: file.content.length,
      uploadedBy: principal.userId,
    });
    await recordAudit(trx, {
      actorId: principal.userId,
      action: 'create',
      entityType: 'financing_document',
      entityId: created.id,
      after: { ...owner, fileName: created.fileName, contentType: created.contentType, size: created.size },
      context: { programmeId: place.programmeId },
    });
    return presentDocument(created);
  });
}

/** A document's file: the team, and the representative for their cooperative's commitments; not funders. */
export async function getDocument(db: Db, principal: Principal, documentId: string) {
  const document = await repo.findDocument(db, documentId, true);
  if (!document) throw notFound();
  assertRecordAccess(principal, document, canReadFinancingDetails(principal, document.programmeId, document.cooperativeId));
  return { fileName: document.fileName, contentType: document.contentType, content: document.content! };
}

export async function removeDocument(db: Db, principal: Principal, documentId: string): Promise<void> {
  const document = await repo.findDocument(db, documentId, false);
  if (!document) throw notFound();
  assertRecordAccess(principal, document, canManageFinancing(principal, document.programmeId));
  await db.transaction().execute(async (trx) => {
    await repo.deleteDocument(trx, documentId);
    await recordAudit(trx, {
      actorId: principal.userId,
      action: 'delete',
      entityType: 'financing_document',
      entityId: documentId,
      before: { commitmentId: document.commitmentId, disbursementId: document.disbursementId, fileName: document.fileName, size: document.size },
      context: { programmeId: document.programmeId },
    });
  });
}
