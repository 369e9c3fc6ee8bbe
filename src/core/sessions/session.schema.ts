import { z } from 'zod';
import { ageGroups, sexes } from '../registry/sectors.js';
import { rescheduleConflictReasons, shiftModes } from './rescheduling.js';

/**
 * Sessions of every kind — grouped training, practical workshop, individual coaching, remote follow-up — their
 * participants, attendance, report, attachments and evaluations. Requests and responses of the sessions API; the
 * web forms use the same schemas. Times travel as ISO 8601 instants (UTC) and are shown in Africa/Casablanca.
 */

export const sessionKinds = ['training', 'workshop', 'coaching', 'remote_follow_up'] as const;
export type SessionKind = (typeof sessionKinds)[number];
export const sessionStatuses = ['planned', 'held', 'cancelled', 'postponed'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];
export const sessionChannels = ['phone', 'video', 'messaging', 'visit', 'in_person'] as const;
export type SessionChannel = (typeof sessionChannels)[number];

export const sessionTimeZone = 'Africa/Casablanca';

const instant = z.iso.datetime({ offset: true });
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((value) => (value ? value : null));

const sessionFields = z.object({
  kind: z.enum(sessionKinds),
  title: z.string().trim().min(1).max(200),
  moduleCode: optionalText(64),
  startsAt: instant,
  endsAt: instant,
  place: optionalText(300),
  provinceCode: optionalText(16),
  channel: z.enum(sessionChannels).nullable().optional().transform((value) => value ?? null),
  facilitatorId: z.uuid().nullable().optional().transform((value) => value ?? null),
  dependsOnId: z.uuid().nullable().optional().transform((value) => value ?? null),
  cooperativeIds: z.array(z.uuid()).max(200).default([]),
});

const endsAfterStart = (value: { startsAt: string; endsAt: string }) => Date.parse(value.endsAt) > Date.parse(value.startsAt);
const endsAfterStartIssue = { message: 'ends_before_start', path: ['endsAt'] };

export const createSessionSchema = sessionFields.extend({ programmeId: z.uuid() }).refine(endsAfterStart, endsAfterStartIssue);
export type CreateSessionInput = z.infer<typeof createSessionSchema>;
export type CreateSessionDraft = z.input<typeof createSessionSchema>;

export const updateSessionSchema = sessionFields.extend({ version: z.number().int().min(1) }).refine(endsAfterStart, endsAfterStartIssue);
export type UpdateSessionInput = z.infer<typeof updateSessionSchema>;

export const sessionStatusChangeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('held'), version: z.number().int().min(1) }),
  z.object({ status: z.literal('cancelled'), version: z.number().int().min(1), reason: optionalText(1000) }),
  z
    .object({ status: z.literal('postponed'), version: z.number().int().min(1), startsAt: instant, endsAt: instant })
    .refine(endsAfterStart, endsAfterStartIssue),
]);
export type SessionStatusChange = z.infer<typeof sessionStatusChangeSchema>;

export const sessionListQuerySchema = z.object({
  programmeId: z.uuid().optional(),
  from: instant.optional(),
  to: instant.optional(),
  facilitatorId: z.uuid().optional(),
  provinceCode: z.string().max(16).optional(),
  kind: z.enum(sessionKinds).optional(),
  status: z.enum(sessionStatuses).optional(),
});
export type SessionListQuery = z.infer<typeof sessionListQuerySchema>;

export const attendanceRowInputSchema = z.object({
  cooperativeId: z.uuid(),
  memberId: z.uuid().nullable().optional().transform((value) => value ?? null),
  fullName: z.string().trim().min(1).max(200),
  sex: z.enum(sexes).nullable().optional().transform((value) => value ?? null),
  ageGroup: z.enum(ageGroups).nullable().optional().transform((value) => value ?? null),
  present: z.boolean(),
});
export type AttendanceRowInput = z.infer<typeof attendanceRowInputSchema>;

export const saveAttendanceSchema = z
  .object({ rows: z.array(attendanceRowInputSchema).max(500) })
  .superRefine((value, context) => {
    const seen = new Set<string>();
    value.rows.forEach((row, index) => {
      const key = row.memberId ?? `${row.cooperativeId}:${row.fullName.toLocaleLowerCase('fr')}`;
      if (seen.has(key)) context.addIssue({ code: 'custom', message: 'attendance_duplicate', path: ['rows', index, 'fullName'] });
      seen.add(key);
    });
  });
export type SaveAttendanceInput = z.infer<typeof saveAttendanceSchema>;

export const sessionReportSchema = z.object({
  done: z.string().trim().max(8000).default(''),
  decisions: z.string().trim().max(8000).default(''),
  nextSteps: z.string().trim().max(8000).default(''),
});
export type SessionReport = z.infer<typeof sessionReportSchema>;
export const saveReportSchema = sessionReportSchema.extend({ version: z.number().int().min(1) });

export const evaluationInputSchema = z
  .object({
    cooperativeId: z.uuid().nullable().optional().transform((value) => value ?? null),
    satisfaction: z.number().int().min(1).max(5),
    comment: optionalText(2000),
    quizBefore: z.number().min(0).max(100).nullable().optional().transform((value) => value ?? null),
    quizAfter: z.number().min(0).max(100).nullable().optional().transform((value) => value ?? null),
  });
export type EvaluationInput = z.infer<typeof evaluationInputSchema>;
export type EvaluationDraft = z.input<typeof evaluationInputSchema>;

/** Images and PDF only, 10 MB at most. */
export const attachmentContentTypes = ['image/jpeg', 'image/png', 'image/webp', 'image/heic', 'application/pdf'] as const;
export const attachmentMaxBytes = 10 * 1024 * 1024;

export const calendarFeedInputSchema = z
  .object({ programmeId: z.uuid().nullable().optional().transform((value) => value ?? null) });

const person = z.object({ id: z.string(), name: z.string() });

export const sessionSummarySchema = z.object({
  id: z.uuid(),
  programmeId: z.uuid(),
  programmeCode: z.string(),
  kind: z.enum(sessionKinds),
  title: z.string(),
  moduleCode: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string().nullable(),
  provinceCode: z.string().nullable(),
  channel: z.enum(sessionChannels).nullable(),
  facilitator: person.nullable(),
  status: z.enum(sessionStatuses),
  postponedToId: z.uuid().nullable(),
  dependsOnId: z.uuid().nullable(),
  cooperativeCount: z.number().int(),
  version: z.number().int(),
});
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

export const attendanceRowSchema = z.object({
  id: z.uuid(),
  cooperativeId: z.uuid(),
  memberId: z.uuid().nullable(),
  /** Null for those who may not see personal data (funders). */
  fullName: z.string().nullable(),
  sex: z.enum(sexes).nullable(),
  ageGroup: z.enum(ageGroups).nullable(),
  present: z.boolean(),
  confirmedByRepresentative: z.boolean(),
});
export type AttendanceRow = z.infer<typeof attendanceRowSchema>;

export const attendanceCountsSchema = z.object({
  total: z.number().int(),
  present: z.number().int(),
  presentWomen: z.number().int(),
  presentMen: z.number().int(),
  presentYoung: z.number().int(),
});
export type AttendanceCounts = z.infer<typeof attendanceCountsSchema>;

export const sessionDetailSchema = sessionSummarySchema.extend({
  cooperatives: z.array(z.object({ id: z.uuid(), nameFr: z.string().nullable(), nameAr: z.string().nullable(), provinceCode: z.string().nullable() })),
  /** Null when the requester may not see names; then only counts are given. */
  attendance: z.array(attendanceRowSchema).nullable(),
  /** Members of the participating cooperatives not yet on the list, to prefill attendance (null without access to names). */
  memberSuggestions: z
    .array(z.object({ cooperativeId: z.uuid(), memberId: z.uuid(), fullName: z.string(), sex: z.enum(sexes).nullable(), ageGroup: z.enum(ageGroups).nullable() }))
    .nullable(),
  attendanceCounts: attendanceCountsSchema,
  report: sessionReportSchema.nullable(),
  attachments: z.array(z.object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), size: z.number().int(), uploadedAt: z.string() })),
  evaluationSummary: z.object({ count: z.number().int(), averageSatisfaction: z.number().nullable(), averageQuizBefore: z.number().nullable(), averageQuizAfter: z.number().nullable() }),
  permissions: z.object({ edit: z.boolean(), record: z.boolean(), confirmAttendance: z.boolean(), seeNames: z.boolean() }),
});
export type SessionDetail = z.infer<typeof sessionDetailSchema>;

export const evaluationSchema = z.object({
  id: z.uuid(),
  cooperativeId: z.uuid().nullable(),
  satisfaction: z.number().int(),
  comment: z.string().nullable(),
  quizBefore: z.number().nullable(),
  quizAfter: z.number().nullable(),
  createdAt: z.string(),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

export const calendarFeedSchema = z.object({ token: z.string(), url: z.string(), programmeId: z.uuid().nullable(), userId: z.uuid().nullable() });
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

/** Moving a session: the preview says what would move; the move carries the `version` of every session it moves. */
export const reschedulePreviewSchema = z
  .object({ startsAt: instant, endsAt: instant, shiftDependents: z.enum(shiftModes).default('none') })
  .refine(endsAfterStart, endsAfterStartIssue);
export type ReschedulePreviewInput = z.infer<typeof reschedulePreviewSchema>;

export const rescheduleSchema = z
  .object({
    startsAt: instant,
    endsAt: instant,
    shiftDependents: z.enum(shiftModes).default('none'),
    /** Session id → version as seen in the preview, for the session itself and every dependent that moves. */
    versions: z.record(z.uuid(), z.number().int().min(1)),
  })
  .refine(endsAfterStart, endsAfterStartIssue);
export type RescheduleInput = z.infer<typeof rescheduleSchema>;

const plannedShiftSchema = z.object({
  sessionId: z.uuid(),
  title: z.string(),
  version: z.number().int(),
  oldStartsAt: z.string(),
  oldEndsAt: z.string(),
  newStartsAt: z.string(),
  newEndsAt: z.string(),
});
export const reschedulePlanSchema = z.object({
  shifts: z.array(plannedShiftSchema),
  conflicts: z.array(z.object({ sessionId: z.uuid(), title: z.string(), startsAt: z.string(), reason: z.enum(rescheduleConflictReasons) })),
  /** How many dependents (transitively) the session has, moving or not: the web asks only when there are some. */
  dependentCount: z.number().int(),
});
export type ReschedulePlanView = z.infer<typeof reschedulePlanSchema>;
