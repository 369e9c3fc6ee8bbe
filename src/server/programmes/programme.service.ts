import { canCreateProgramme, canManageOrganisations, canManageProgramme, hasRole, programmeScope } from '../../core/access/policies.js';
import type { Principal } from '../../core/access/roles.js';
import { programmeEndDate } from '../../core/programmes/calendar.js';
import {
  organisationInputSchema,
  organisationSchema,
  type Organisation,
  type OrganisationInput,
  type OrganisationListQuery,
} from '../../core/programmes/organisation.schema.js';
import { cadencesSchema, eligibilityRulesSchema, type TeamRole } from '../../core/programmes/programme-settings.schema.js';
import { programmeListItemSchema, programmeSchema, type Programme, type ProgrammeInput } from '../../core/programmes/programme.schema.js';
import type { Issue } from '../../core/shared/errors.js';
import { foldText } from '../../core/shared/text.js';
import { forgetSessionsOf } from '../access/session.service.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import { AppError, conflict, forbidden, notFound, validationFailed } from '../http/errors.js';
import {
  existingOrganisationIds,
  findOrganisation,
  insertOrganisation,
  listOrganisations,
  lockOrganisation,
  updateOrganisationRow,
} from './organisation.repository.js';
import {
  activeUserIds,
  findProgrammeByCode,
  findProgrammeRow,
  frameworkExists,
  insertProgramme,
  insertProgrammeGrant,
  listProgrammeRows,
  listStaff,
  lockProgramme,
  programmeGrantsOf,
  replaceProgrammeChildren,
  updateProgrammeRow,
  type ProgrammeRow,
} from './programme.repository.js';

/* ---------- Organisations ---------- */

/** The directory is read by the operator's staff and funders, never by a cooperative's representative alone. */
function assertCanReadDirectory(principal: Principal) {
  if (!hasRole(principal, 'admin', 'programme_manager', 'consultant', 'funder')) throw forbidden();
}

function presentOrganisation(row: Record<string, unknown>): Organisation {
  return organisationSchema.parse({ ...row, programmeCount: Number(row.programmeCount ?? 0) });
}

export async function searchOrganisations(db: Db, principal: Principal, query: OrganisationListQuery) {
  assertCanReadDirectory(principal);
  const rows = await listOrganisations(db, query);
  const terms = query.q ? foldText(query.q).split(' ').filter(Boolean) : [];
  const matching = rows.filter((row) => {
    if (terms.length === 0) return true;
    const text = foldText([row.nameFr, row.nameAr, row.nameEn, row.acronym].filter(Boolean).join(' '));
    return terms.every((term) => text.includes(term));
  });
  return matching.map(presentOrganisation);
}

export async function createOrganisation(db: Db, principal: Principal, input: OrganisationInput) {
  if (!canManageOrganisations(principal)) throw forbidden();
  const id = await db.transaction().execute(async (trx) => {
    const { id: created } = await insertOrganisation(trx, organisationInputSchema.parse(input));
    await recordAudit(trx, { actorId: principal.userId, action: 'create', entityType: 'organisation', entityId: created, after: { ...input } });
    return created;
  });
  return presentOrganisation((await findOrganisation(db, id))!);
}

export async function updateOrganisation(db: Db, principal: Principal, id: string, input: OrganisationInput, expectedVersion?: number) {
  assertCanReadDirectory(principal);
  if (!canManageOrganisations(principal)) throw forbidden();
  await db.transaction().execute(async (trx) => {
    const before = await lockOrganisation(trx, id);
    if (!before) throw notFound();
    if (expectedVersion !== undefined && before.version !== expectedVersion) throw conflict({ reason: 'stale_version', currentVersion: before.version });
    const after = await updateOrganisationRow(trx, id, input);
    await recordAudit(trx, { actorId: principal.userId, action: 'update', entityType: 'organisation', entityId: id, before, after });
  });
  return presentOrganisation((await findOrganisation(db, id))!);
}

/* ---------- Programmes ---------- */

function presentProgrammeSummary(row: Awaited<ReturnType<typeof listProgrammeRows>>[number]) {
  return programmeListItemSchema.parse({
    ...row,
    endDate: programmeEndDate(row.startDate, row.durationMonths),
    counts: row.counts ?? { candidate: 0, enrolled: 0, withdrawn: 0, completed: 0 },
  });
}

function presentProgramme(row: ProgrammeRow): Programme {
  return programmeSchema.parse({
    ...presentProgrammeSummary(row),
    descriptionFr: row.descriptionFr,
    descriptionAr: row.descriptionAr,
    descriptionEn: row.descriptionEn,
    operatorId: row.operatorId,
    budgetMad: row.budgetMad,
    cadences: cadencesSchema.parse(row.cadences ?? {}),
    eligibility: eligibilityRulesSchema.parse(row.eligibility ?? {}),
    frameworkId: row.frameworkId,
    organisations: row.organisations.map((item) => ({
      organisationId: item.organisationId,
      role: item.role,
      contributionMad: item.contributionMad === null ? null : Number(item.contributionMad),
      organisation: { id: item.organisationId, nameFr: item.nameFr, nameAr: item.nameAr, nameEn: item.nameEn, acronym: item.acronym, kind: item.kind },
    })),
    phases: row.phases,
    team: row.team,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    version: row.version,
  });
}

export async function listProgrammes(db: Db, principal: Principal) {
  return (await listProgrammeRows(db, programmeScope(principal))).map(presentProgrammeSummary);
}

/** A programme the person may see, or "not found". */
export async function readableProgramme(db: Db, principal: Principal, id: string): Promise<ProgrammeRow> {
  const row = await findProgrammeRow(db, programmeScope(principal), id);
  if (!row) throw notFound();
  return row;
}

export async function getProgramme(db: Db, principal: Principal, id: string) {
  return presentProgramme(await readableProgramme(db, principal, id));
}

/** References that must exist: operator, organisations, team members, framework. */
async function checkReferences(db: Db, input: ProgrammeInput, programmeId?: string) {
  const issues: Issue[] = [];
  const organisationIds = [...new Set([...(input.operatorId ? [input.operatorId] : []), ...input.organisations.map((item) => item.organisationId)])];
  const existing = await existingOrganisationIds(db, organisationIds);
  if (input.operatorId && !existing.has(input.operatorId)) issues.push({ path: ['operatorId'], key: 'organisation_unknown' });
  input.organisations.forEach((item, index) => {
    if (!existing.has(item.organisationId)) issues.push({ path: ['organisations', index, 'organisationId'], key: 'organisation_unknown' });
  });
  const people = await activeUserIds(db, [...new Set(input.team.map((member) => member.userId))]);
  input.team.forEach((member, index) => {
    if (!people.has(member.userId)) issues.push({ path: ['team', index, 'userId'], key: 'person_unknown' });
  });
  if (input.frameworkId && !(await frameworkExists(db, input.frameworkId))) issues.push({ path: ['frameworkId'], key: 'framework_unknown' });
  if (issues.length > 0) throw validationFailed(issues);
  if (await findProgrammeByCode(db, input.code, programmeId)) {
    throw new AppError('conflict', { reason: 'code_taken' }, [{ path: ['code'], key: 'programme_code_taken' }]);
  }
}

const managerTeamRoles: readonly TeamRole[] = ['project_lead', 'coordinator'];
const consultantTeamRoles: readonly TeamRole[] = ['consultant', 'trainer', 'coach'];

/**
 * Putting someone on the team gives them the access their work needs in
 * this programme: project leads and coordinators manage it, consultants,
 * trainers and coaches fill its diagnostics. Grants they already hold
 * (globally or in this programme) are left as they are.
 */
async function grantTeamAccess(db: Db, principal: Principal, programmeId: string, input: ProgrammeInput) {
  const wanted = new Map<string, 'programme_manager' | 'consultant'>();
  for (const member of input.team) {
    if (managerTeamRoles.includes(member.teamRole)) wanted.set(member.userId, 'programme_manager');
    else if (consultantTeamRoles.includes(member.teamRole) && wanted.get(member.userId) !== 'programme_manager') wanted.set(member.userId, 'consultant');
  }
  const held = await programmeGrantsOf(db, [...wanted.keys()], programmeId);
  const granted: string[] = [];
  for (const [userId, role] of wanted) {
    const roles = held.filter((grant) => grant.userId === userId).map((grant) => grant.role);
    const sufficient = role === 'programme_manager' ? ['admin', 'programme_manager'] : ['admin', 'programme_manager', 'consultant'];
    if (roles.some((held) => sufficient.includes(held))) continue;
    const grant = await insertProgrammeGrant(db, userId, role, programmeId);
    await recordAudit(db, { actorId: principal.userId, action: 'grant', entityType: 'user', entityId: userId, after: grant, context: { programmeId, reason: 'programme_team' } });
    granted.push(userId);
  }
  return granted;
}

function auditedInput(input: ProgrammeInput) {
  return { ...input } as unknown as Record<string, unknown>;
}

export async function createProgramme(db: Db, principal: Principal, input: ProgrammeInput) {
  if (!canCreateProgramme(principal)) throw forbidden();
  const { id, granted } = await db.transaction().execute(async (trx) => {
    await checkReferences(trx, input);
    const { id: created } = await insertProgramme(trx, input);
    await replaceProgrammeChildren(trx, created, input);
    await recordAudit(trx, { actorId: principal.userId, action: 'create', entityType: 'programme', entityId: created, after: auditedInput(input) });
    return { id: created, granted: await grantTeamAccess(trx, principal, created, input) };
  });
  granted.forEach(forgetSessionsOf);
  // Whoever may create a programme sees every programme (admin or global manager).
  return getProgramme(db, principal, id);
}

export async function updateProgramme(db: Db, principal: Principal, id: string, input: ProgrammeInput, expectedVersion?: number) {
  await readableProgramme(db, principal, id);
  if (!canManageProgramme(principal, id)) throw forbidden();
  const granted = await db.transaction().execute(async (trx) => {
    const before = await lockProgramme(trx, id);
    if (!before) throw notFound();
    if (expectedVersion !== undefined && before.version !== expectedVersion) throw conflict({ reason: 'stale_version', currentVersion: before.version });
    await checkReferences(trx, input, id);
    const beforeFull = await findProgrammeRow(trx, { kind: 'all' }, id);
    await updateProgrammeRow(trx, id, input);
    await replaceProgrammeChildren(trx, id, input);
    await recordAudit(trx, {
      actorId: principal.userId,
      action: 'update',
      entityType: 'programme',
      entityId: id,
      before: beforeFull ? { ...beforeFull } : { ...before },
      after: auditedInput(input),
    });
    return grantTeamAccess(trx, principal, id, input);
  });
  granted.forEach(forgetSessionsOf);
  return getProgramme(db, principal, id);
}

/** Staff who may be put on a team: for those who set programmes up. */
export async function searchPeople(db: Db, principal: Principal, search: string | undefined) {
  const managesSome = principal.grants.some((grant) => grant.role === 'admin' || grant.role === 'programme_manager');
  if (!managesSome) throw forbidden();
  const rows = await listStaff(db, search);
  return rows.map((row) => ({ id: row.id, displayName: row.displayName, email: row.email, roles: (row.roles as string[] | null) ?? [] }));
}
