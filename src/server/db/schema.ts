import type { ColumnType, Generated, GeneratedAlways, JSONColumnType } from 'kysely';
import type { Role } from '../../core/access/roles.js';
import type { DiagnosticKind, DiagnosticScores, DiagnosticStatus, Swot } from '../../core/diagnostics/diagnostic.schema.js';
import type { FrameworkDefinition } from '../../core/diagnostics/framework.schema.js';
import type { CooperativeStatus, LegalForm, SectorCode } from '../../core/registry/sectors.js';
import type { TrainingModuleDefinition } from '../../core/training/module.schema.js';

/**
 * The database as Kysely sees it, in camelCase (CamelCasePlugin maps to the
 * snake_case tables). Dates and timestamps come back as ISO strings and
 * numerics as numbers on both PGlite and PostgreSQL (see database.ts).
 */

type Timestamp = ColumnType<string, string | undefined, string>;

export interface RegionTable {
  code: string;
  isoCode: string;
  nameFr: string;
  nameAr: string;
  capital: string;
  population2024: number;
  latitude: number;
  longitude: number;
}

export interface ProvinceTable {
  code: string;
  regionCode: string;
  isoCode: string;
  kind: 'prefecture' | 'province';
  nameFr: string;
  nameAr: string;
  population2024: number;
  households2024: number;
  communeCount: number;
  latitude: number;
  longitude: number;
}

type Json<T extends object | null> = JSONColumnType<T, string | undefined, string>;

export interface ProgrammeTable {
  id: Generated<string>;
  code: string;
  nameFr: string;
  nameAr: string | null;
  nameEn: string | null;
  isDemo: Generated<boolean>;
  createdAt: Timestamp;
  operatorId: string | null;
  descriptionFr: string | null;
  descriptionAr: string | null;
  descriptionEn: string | null;
  status: ColumnType<'draft' | 'active' | 'closed', 'draft' | 'active' | 'closed' | undefined, 'draft' | 'active' | 'closed'>;
  startDate: string | null;
  durationMonths: number | null;
  targetCooperatives: number | null;
  budgetMad: number | null;
  /** Region codes ('09') and province codes ('09.541') of the territory, as JSON arrays. */
  regionCodes: Json<string[]>;
  provinceCodes: Json<string[]>;
  /** Workshops, remote follow-up and coaching cadences (see core/programmes). */
  cadences: Json<Record<string, unknown>>;
  /** Eligibility rules (see core/programmes). */
  eligibility: Json<Record<string, unknown>>;
  /** The diagnostic framework version new diagnostics of this programme use. */
  frameworkId: string | null;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface OrganisationTable {
  id: Generated<string>;
  nameFr: string;
  nameAr: string | null;
  nameEn: string | null;
  acronym: string | null;
  kind: string;
  email: string | null;
  phone: string | null;
  website: string | null;
  regionCode: string | null;
  notes: string | null;
  isDemo: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface ProgrammeOrganisationTable {
  programmeId: string;
  organisationId: string;
  role: 'funder' | 'partner';
  contributionMad: number | null;
}

export type PhaseKind = 'diagnostic' | 'training' | 'accompaniment' | 'follow_up' | 'closing';

export interface ProgrammePhaseTable {
  id: Generated<string>;
  programmeId: string;
  kind: PhaseKind;
  label: string | null;
  startsOn: string;
  endsOn: string;
  position: Generated<number>;
}

export interface ProgrammeTeamTable {
  programmeId: string;
  userId: string;
  teamRole: string;
  createdAt: Timestamp;
}

export type EnrolmentStatus = 'candidate' | 'enrolled' | 'withdrawn' | 'completed';

export interface EnrolmentTable {
  id: Generated<string>;
  programmeId: string;
  cooperativeId: string;
  status: EnrolmentStatus;
  candidateAt: string;
  enrolledAt: string | null;
  withdrawnAt: string | null;
  withdrawalReason: string | null;
  completedAt: string | null;
  /** Eligibility when last evaluated, with every reason of a refusal (codes and parameters). */
  eligible: boolean;
  eligibilityReasons: Json<Array<{ rule: string; params?: Record<string, unknown> }>>;
  /** Required when a cooperative that fails a rule is enrolled anyway; also kept in the audit log. */
  overrideJustification: string | null;
  /** The consultant who follows this cooperative in this programme. */
  consultantId: string | null;
  /** Copied from the cooperative by triggers (see the migration): what a programme's lists sort and filter on. */
  cooperativeNameKey: ColumnType<string | null, never, never>;
  provinceCode: ColumnType<string | null, never, never>;
  sector: ColumnType<string | null, never, never>;
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface DiagnosticFrameworkTable {
  id: Generated<string>;
  family: string;
  version: number;
  nameFr: string;
  nameAr: string | null;
  nameEn: string | null;
  definition: Json<FrameworkDefinition>;
  isDefault: Generated<boolean>;
  frozenAt: string | null;
  derivedFromId: string | null;
  sourceHash: string | null;
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface TrainingModuleTable {
  id: Generated<string>;
  code: string;
  definition: Json<TrainingModuleDefinition>;
  isDefault: Generated<boolean>;
  sourceHash: string | null;
  archivedAt: string | null;
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface TrainingPlanTable {
  id: Generated<string>;
  programmeId: string;
  version: number;
  status: ColumnType<'draft' | 'approved' | 'superseded', 'draft' | 'approved' | 'superseded' | undefined, 'draft' | 'approved' | 'superseded'>;
  parameters: Json<Record<string, unknown>>;
  result: Json<Record<string, unknown>>;
  objective: number;
  needsCount: number;
  answeredByGroups: number;
  answeredByCoaching: number;
  unansweredCount: number;
  groupsCount: number;
  sessionsCount: number;
  createdBy: string | null;
  createdAt: Timestamp;
  approvedBy: string | null;
  approvedAt: string | null;
  /** Raised by every edit of a draft; edits name the revision they start from. */
  revision: Generated<number>;
  /** The version a draft was copied from, to be edited. */
  basedOnId: string | null;
  editedBy: string | null;
  editedAt: string | null;
}

export interface TrainerUnavailabilityTable {
  id: Generated<string>;
  userId: string;
  startsOn: string;
  endsOn: string;
  reason: string | null;
  createdBy: string | null;
  createdAt: Timestamp;
}

export interface DiagnosticTable {
  id: Generated<string>;
  enrolmentId: string;
  programmeId: string;
  cooperativeId: string;
  frameworkId: string;
  kind: DiagnosticKind;
  status: ColumnType<DiagnosticStatus, DiagnosticStatus | undefined, DiagnosticStatus>;
  swot: JSONColumnType<Swot, string | undefined, string>;
  /** The last computed scores, refreshed at every save (see core/diagnostics/scoring.ts). */
  scores: JSONColumnType<DiagnosticScores | null, string | null | undefined, string | null>;
  overallScore: number | null;
  maturityLevel: number | null;
  /** Derived by the database from `scores` (generated columns): domain keys in code-point order, and aligned with them each score and need. */
  domainKeys: GeneratedAlways<string[]>;
  domainValues: GeneratedAlways<Array<number | null>>;
  needFlags: GeneratedAlways<boolean[]>;
  startedAt: Timestamp;
  submittedAt: string | null;
  submittedBy: string | null;
  validatedAt: string | null;
  validatedBy: string | null;
  returnedAt: string | null;
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface DiagnosticAnswerTable {
  diagnosticId: string;
  questionKey: string;
  /** JSON: number, boolean, string or array of strings, by question type. */
  value: ColumnType<unknown, string | null | undefined, string | null>;
  notApplicable: Generated<boolean>;
  note: string | null;
  answeredBy: string | null;
  answeredAt: Timestamp;
}

export interface DiagnosticCommentTable {
  id: Generated<string>;
  diagnosticId: string;
  authorId: string | null;
  questionKey: string | null;
  kind: ColumnType<'comment' | 'return' | 'validation', 'comment' | 'return' | 'validation' | undefined, never>;
  body: string;
  createdAt: Timestamp;
}

export interface UserTable {
  id: Generated<string>;
  email: string;
  displayName: string;
  passwordHash: string;
  locale: Generated<'fr' | 'ar' | 'en'>;
  isActive: Generated<boolean>;
  isDemo: Generated<boolean>;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface RoleGrantTable {
  id: Generated<string>;
  userId: string;
  role: Role;
  programmeId: string | null;
  cooperativeId: string | null;
  createdAt: Timestamp;
}

export interface SessionTable {
  id: string;
  userId: string;
  createdAt: Timestamp;
  expiresAt: string;
  lastSeenAt: Timestamp;
}

export interface AuditLogTable {
  id: Generated<string>;
  occurredAt: Timestamp;
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  after: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  context: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
}

export interface CooperativeTable {
  id: Generated<string>;
  registrationNumber: string | null;
  nameFr: string | null;
  nameAr: string | null;
  searchText: string;
  nameKey: string;
  legalForm: LegalForm;
  creationDate: string | null;
  sector: SectorCode;
  valueChain: string | null;
  regionCode: string;
  provinceCode: string;
  commune: string | null;
  address: string | null;
  latitude: number | null;
  longitude: number | null;
  membersTotal: number | null;
  membersWomen: number | null;
  membersYoung: number | null;
  capitalMad: number | null;
  presidentName: string | null;
  presidentPhone: string | null;
  managerName: string | null;
  managerPhone: string | null;
  email: string | null;
  phone: string | null;
  products: ColumnType<string[], string[] | undefined, string[]>;
  turnoverMad: number | null;
  turnoverYear: number | null;
  status: ColumnType<CooperativeStatus, CooperativeStatus | undefined, CooperativeStatus>;
  isDemo: Generated<boolean>;
  archivedAt: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface CooperativeMemberTable {
  id: Generated<string>;
  cooperativeId: string;
  fullName: string;
  role: string;
  sex: string | null;
  ageGroup: string | null;
  phone: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface ImportTable {
  id: Generated<string>;
  createdBy: string;
  createdAt: Timestamp;
  fileName: string;
  content: Uint8Array;
  status: Generated<string>;
  summary: JSONColumnType<Record<string, unknown> | null, string | null, string | null>;
  finishedAt: string | null;
}

/* ---------- Sessions (issue 4) ---------- */

export interface ProgrammeSessionTable {
  id: Generated<string>;
  programmeId: string;
  kind: 'training' | 'workshop' | 'coaching' | 'remote_follow_up';
  title: string;
  moduleCode: string | null;
  startsAt: string;
  endsAt: string;
  place: string | null;
  provinceCode: string | null;
  channel: 'phone' | 'video' | 'messaging' | 'visit' | 'in_person' | null;
  facilitatorId: string | null;
  status: Generated<'planned' | 'held' | 'cancelled' | 'postponed'>;
  postponedToId: string | null;
  dependsOnId: string | null;
  report: JSONColumnType<{ done: string; decisions: string; nextSteps: string } | null, string | null, string | null>;
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  version: Generated<number>;
  /** The plan version and the planned item (see planItemKey) a session was created from. */
  planId: Generated<string | null>;
  planKey: Generated<string | null>;
}

export interface SessionCooperativeTable {
  sessionId: string;
  cooperativeId: string;
}

export interface SessionAttendanceTable {
  id: Generated<string>;
  sessionId: string;
  cooperativeId: string;
  memberId: string | null;
  fullName: string;
  sex: 'female' | 'male' | null;
  ageGroup: string | null;
  present: boolean;
  confirmedByRepresentative: Generated<boolean>;
}

export interface SessionAttachmentTable {
  id: Generated<string>;
  sessionId: string;
  fileName: string;
  contentType: string;
  content: Uint8Array;
  size: number;
  uploadedBy: string | null;
  uploadedAt: Timestamp;
}

export interface SessionEvaluationTable {
  id: Generated<string>;
  sessionId: string;
  cooperativeId: string | null;
  satisfaction: number;
  comment: string | null;
  quizBefore: number | null;
  quizAfter: number | null;
  createdBy: string | null;
  createdAt: Timestamp;
}

export interface CalendarFeedTable {
  token: string;
  userId: string | null;
  programmeId: string | null;
  createdBy: string;
  createdAt: Timestamp;
  revokedAt: string | null;
}

/* ---------- Action plans, follow-up, reminders, financing, outcomes (issue 5) ---------- */

export type ActionStatus = 'planned' | 'in_progress' | 'done' | 'blocked' | 'cancelled';
export type FollowUpChannel = 'phone' | 'video' | 'messaging' | 'visit';

export interface ActionPlanTable {
  id: Generated<string>;
  programmeId: string;
  cooperativeId: string;
  status: ColumnType<'draft' | 'agreed', 'draft' | 'agreed' | undefined, 'draft' | 'agreed'>;
  /** The validated diagnostic the plan was drafted from. */
  diagnosticId: string | null;
  /** Bumped by every edit; writes name the revision they were made against. */
  revision: Generated<number>;
  acceptedAt: string | null;
  acceptedBy: string | null;
  acceptanceNote: string | null;
  createdBy: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
}

export interface PlanActionTable {
  id: Generated<string>;
  actionPlanId: string;
  position: Generated<number>;
  title: string;
  description: string | null;
  domainKey: string | null;
  needKeys: Json<string[]>;
  templateCode: string | null;
  moduleCode: string | null;
  executorKind: 'member' | 'consultant' | 'organisation';
  executorMemberId: string | null;
  executorUserId: string | null;
  executorOrganisationId: string | null;
  executorLabel: string | null;
  startsOn: string;
  dueOn: string;
  /** The due date when the plan was agreed: the drift is dueOn − agreedDueOn. */
  agreedDueOn: string | null;
  status: ColumnType<ActionStatus, ActionStatus | undefined, ActionStatus>;
  progress: Generated<number>;
  doneOn: string | null;
  budgetMad: number | null;
  financingSource: 'programme' | 'own_funds' | 'partner' | 'loan' | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface ActionStakeholderTable {
  actionId: string;
  organisationId: string;
  role: string | null;
}

export interface ActionIndicatorTable {
  id: Generated<string>;
  actionId: string;
  kind: 'monitoring' | 'performance';
  label: string;
  unit: string;
  baseline: number | null;
  target: number;
  targetDate: string | null;
  position: Generated<number>;
  createdAt: Timestamp;
}

export interface IndicatorMeasurementTable {
  id: Generated<string>;
  indicatorId: string;
  measuredOn: string;
  value: number;
  followUpId: string | null;
  note: string | null;
  recordedBy: string | null;
  createdAt: Timestamp;
}

export interface FollowUpTable {
  id: Generated<string>;
  programmeId: string;
  cooperativeId: string;
  /** The planned remote follow-up or coaching session this follow-up holds. */
  sessionId: string | null;
  heldOn: string;
  channel: FollowUpChannel;
  conductedBy: string | null;
  reportedBy: string | null;
  reportedByRole: 'consultant' | 'representative';
  /** A representative's report waits for the consultant's confirmation before it updates the actions. */
  status: 'reported' | 'confirmed';
  confirmedBy: string | null;
  confirmedAt: string | null;
  summary: string | null;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface FollowUpActionUpdateTable {
  followUpId: string;
  actionId: string;
  status: ActionStatus;
  progress: number;
  blockers: string | null;
  supportRequested: string | null;
  nextSteps: string | null;
}

export interface MailOutboxTable {
  id: Generated<string>;
  kind: string;
  dedupeKey: string | null;
  toUserId: string | null;
  toAddress: string;
  locale: Generated<string>;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  /** queued → sent or failed; `kept` when no SMTP server is configured (development): shown in the outbox only. */
  status: ColumnType<'queued' | 'sent' | 'failed' | 'kept', 'queued' | 'sent' | 'failed' | 'kept' | undefined, 'queued' | 'sent' | 'failed' | 'kept'>;
  attempts: Generated<number>;
  lastError: string | null;
  createdAt: Timestamp;
  sentAt: string | null;
}

export type BudgetCategory = 'diagnostic' | 'training' | 'coaching' | 'action_financing' | 'other';

export interface BudgetLineTable {
  id: Generated<string>;
  programmeId: string;
  funderId: string;
  category: BudgetCategory;
  label: string;
  amountMad: number;
  createdAt: Timestamp;
  updatedAt: Timestamp;
  version: Generated<number>;
}

export interface FinancingCommitmentTable {
  id: Generated<string>;
  budgetLineId: string;
  programmeId: string;
  cooperativeId: string | null;
  actionId: string | null;
  amountMad: number;
  committedOn: string;
  reference: string | null;
  note: string | null;
  overrunConfirmed: Generated<boolean>;
  createdBy: string | null;
  createdAt: Timestamp;
}

export interface FinancingDisbursementTable {
  id: Generated<string>;
  commitmentId: string;
  amountMad: number;
  paidOn: string;
  reference: string | null;
  note: string | null;
  createdBy: string | null;
  createdAt: Timestamp;
}

export interface FinancingDocumentTable {
  id: Generated<string>;
  commitmentId: string | null;
  disbursementId: string | null;
  fileName: string;
  contentType: string;
  content: Uint8Array;
  size: number;
  uploadedBy: string | null;
  uploadedAt: Timestamp;
}

export interface OutcomeMeasurementTable {
  id: Generated<string>;
  programmeId: string;
  cooperativeId: string;
  indicator: 'turnover' | 'jobs' | 'members';
  measuredOn: string;
  value: number;
  women: number | null;
  men: number | null;
  recordedBy: string | null;
  createdAt: Timestamp;
}

export interface Database {
  regions: RegionTable;
  provinces: ProvinceTable;
  programmes: ProgrammeTable;
  users: UserTable;
  roleGrants: RoleGrantTable;
  sessions: SessionTable;
  auditLog: AuditLogTable;
  cooperatives: CooperativeTable;
  cooperativeMembers: CooperativeMemberTable;
  imports: ImportTable;
  organisations: OrganisationTable;
  programmeOrganisations: ProgrammeOrganisationTable;
  programmePhases: ProgrammePhaseTable;
  programmeTeam: ProgrammeTeamTable;
  enrolments: EnrolmentTable;
  diagnosticFrameworks: DiagnosticFrameworkTable;
  trainingModules: TrainingModuleTable;
  trainingPlans: TrainingPlanTable;
  trainerUnavailability: TrainerUnavailabilityTable;
  diagnostics: DiagnosticTable;
  diagnosticAnswers: DiagnosticAnswerTable;
  diagnosticComments: DiagnosticCommentTable;
  programmeSessions: ProgrammeSessionTable;
  sessionCooperatives: SessionCooperativeTable;
  sessionAttendance: SessionAttendanceTable;
  sessionAttachments: SessionAttachmentTable;
  sessionEvaluations: SessionEvaluationTable;
  calendarFeeds: CalendarFeedTable;
  actionPlans: ActionPlanTable;
  planActions: PlanActionTable;
  actionStakeholders: ActionStakeholderTable;
  actionIndicators: ActionIndicatorTable;
  indicatorMeasurements: IndicatorMeasurementTable;
  followUps: FollowUpTable;
  followUpActionUpdates: FollowUpActionUpdateTable;
  mailOutbox: MailOutboxTable;
  budgetLines: BudgetLineTable;
  financingCommitments: FinancingCommitmentTable;
  financingDisbursements: FinancingDisbursementTable;
  financingDocuments: FinancingDocumentTable;
  outcomeMeasurements: OutcomeMeasurementTable;
}
