import { z } from 'zod';
import {
  calendarFeedInputSchema,
  calendarFeedSchema,
  createSessionSchema,
  evaluationInputSchema,
  evaluationSchema,
  reschedulePlanSchema,
  reschedulePreviewSchema,
  rescheduleSchema,
  saveAttendanceSchema,
  saveReportSchema,
  sessionDetailSchema,
  sessionListQuerySchema,
  sessionStatusChangeSchema,
  sessionSummarySchema,
  updateSessionSchema,
} from '../../core/sessions/session.schema.js';
import { errorBodySchema } from '../../core/shared/errors.js';
import { validationFailed } from '../http/errors.js';
import { requirePrincipal } from '../http/principal.js';
import type { App } from '../http/types.js';
import {
  addAttachment,
  addEvaluation,
  changeStatus,
  createFeed,
  createSession,
  getAttachment,
  getSession,
  listEvaluationsFor,
  listSessionsFor,
  removeAttachment,
  previewReschedule,
  renderFeed,
  reschedule,
  revokeFeedFor,
  saveAttendance,
  saveReport,
  updateSessionFor,
} from './session.service.js';

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const sessionParams = z.object({ sessionId: z.uuid() });
const attachmentParams = z.object({ sessionId: z.uuid(), attachmentId: z.uuid() });
const tags = ['sessions'];

/** Sessions of every kind, their calendars and iCalendar feeds, attendance, reports and evaluations. */
export async function sessionRoutes(app: App): Promise<void> {
  app.get(
    '/api/sessions',
    { schema: { tags, summary: 'Sessions the requester may see, for the calendars: filtered by programme, period, facilitator, province, kind, status', querystring: sessionListQuerySchema, response: { 200: z.array(sessionSummarySchema), ...errors } } },
    async (request) => listSessionsFor(app.db, requirePrincipal(request), request.query),
  );

  app.post(
    '/api/sessions',
    { schema: { tags, summary: 'Plan a session with its participating cooperatives (enrolled in the programme)', body: createSessionSchema, response: { 201: sessionSummarySchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await createSession(app.db, requirePrincipal(request), request.body)),
  );

  app.get(
    '/api/sessions/:sessionId',
    { schema: { tags, summary: 'A session with participants, attendance (names only for those allowed), report, attachments, evaluations summary', params: sessionParams, response: { 200: sessionDetailSchema, ...errors } } },
    async (request) => getSession(app.db, requirePrincipal(request), request.params.sessionId),
  );

  app.put(
    '/api/sessions/:sessionId',
    { schema: { tags, summary: 'Edit a session; `version` refuses an edit over a newer one', params: sessionParams, body: updateSessionSchema, response: { 200: sessionSummarySchema, ...errors } } },
    async (request) => updateSessionFor(app.db, requirePrincipal(request), request.params.sessionId, request.body),
  );

  app.post(
    '/api/sessions/:sessionId/status',
    { schema: { tags, summary: 'Mark held, cancel, or postpone to a new date (creates the new session, linked by postponedToId)', params: sessionParams, body: sessionStatusChangeSchema, response: { 200: sessionSummarySchema, ...errors } } },
    async (request) => changeStatus(app.db, requirePrincipal(request), request.params.sessionId, request.body),
  );

  app.post(
    '/api/sessions/:sessionId/reschedule/preview',
    { schema: { tags, summary: 'What moving a planned session would move: itself and, as asked, its dependents (old → new dates), and the conflicts. Changes nothing', params: sessionParams, body: reschedulePreviewSchema, response: { 200: reschedulePlanSchema, ...errors } } },
    async (request) => previewReschedule(app.db, requirePrincipal(request), request.params.sessionId, request.body),
  );

  app.post(
    '/api/sessions/:sessionId/reschedule',
    { schema: { tags, summary: 'Move a session and, as asked, its dependents in one transaction; `versions` names every session moving as previewed (409 if that changed)', params: sessionParams, body: rescheduleSchema, response: { 200: reschedulePlanSchema, ...errors } } },
    async (request) => reschedule(app.db, requirePrincipal(request), request.params.sessionId, request.body),
  );

  app.put(
    '/api/sessions/:sessionId/attendance',
    { schema: { tags, summary: 'Replace the attendance list at once (a representative: only their cooperative, as a confirmation)', params: sessionParams, body: saveAttendanceSchema, response: { 200: sessionDetailSchema, ...errors } } },
    async (request) => saveAttendance(app.db, requirePrincipal(request), request.params.sessionId, request.body),
  );

  app.put(
    '/api/sessions/:sessionId/report',
    { schema: { tags, summary: 'The session report: what was done, decisions, next steps', params: sessionParams, body: saveReportSchema, response: { 200: sessionDetailSchema, ...errors } } },
    async (request) => saveReport(app.db, requirePrincipal(request), request.params.sessionId, request.body),
  );

  app.post(
    '/api/sessions/:sessionId/attachments',
    {
      schema: {
        tags,
        summary: 'Attach a photo or a scanned attendance sheet (multipart field `file`; JPEG, PNG, WebP, HEIC or PDF; 10 MB at most)',
        consumes: ['multipart/form-data'],
        params: sessionParams,
        response: { 201: z.object({ id: z.uuid(), fileName: z.string(), contentType: z.string(), size: z.number().int(), uploadedAt: z.string() }), ...errors, 413: errorBodySchema },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const part = request.isMultipart() ? await request.file({ limits: { fileSize: 10 * 1024 * 1024 + 1 } }) : undefined;
      if (!part || part.fieldname !== 'file') throw validationFailed([{ path: ['file'], key: 'required' }]);
      let content: Buffer;
      let truncated = false;
      try {
        content = await part.toBuffer();
      } catch {
        content = Buffer.alloc(0);
        truncated = true;
      }
      const created = await addAttachment(app.db, principal, request.params.sessionId, { fileName: part.filename, contentType: part.mimetype, content, truncated: truncated || part.file.truncated });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/sessions/:sessionId/attachments/:attachmentId',
    { schema: { tags, summary: 'Download an attachment (the team and the participating cooperatives’ representatives)', params: attachmentParams, response: { 200: z.any(), ...errors } } },
    async (request, reply) => {
      const attachment = await getAttachment(app.db, requirePrincipal(request), request.params.sessionId, request.params.attachmentId);
      const asciiName = attachment.fileName.replace(/[^\w.-]+/g, '_');
      return reply
        .type(attachment.contentType)
        .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(attachment.content));
    },
  );

  app.delete(
    '/api/sessions/:sessionId/attachments/:attachmentId',
    { schema: { tags, summary: 'Delete an attachment', params: attachmentParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await removeAttachment(app.db, requirePrincipal(request), request.params.sessionId, request.params.attachmentId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/sessions/:sessionId/evaluations',
    { schema: { tags, summary: 'Participants’ evaluations (satisfaction 1–5, comments, quiz before and after)', params: sessionParams, response: { 200: z.array(evaluationSchema), ...errors } } },
    async (request) => listEvaluationsFor(app.db, requirePrincipal(request), request.params.sessionId),
  );

  app.post(
    '/api/sessions/:sessionId/evaluations',
    { schema: { tags, summary: 'Record a participant’s evaluation', params: sessionParams, body: evaluationInputSchema, response: { 201: evaluationSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await addEvaluation(app.db, requirePrincipal(request), request.params.sessionId, request.body)),
  );

  app.post(
    '/api/calendar-feeds',
    { schema: { tags, summary: 'An iCalendar subscription URL: my sessions, or a programme’s (if I may read it)', body: calendarFeedInputSchema, response: { 201: calendarFeedSchema, ...errors } } },
    async (request, reply) => {
      const baseUrl = `${request.protocol}://${request.host}`;
      return reply.status(201).send(await createFeed(app.db, requirePrincipal(request), request.body.programmeId, baseUrl));
    },
  );

  app.delete(
    '/api/calendar-feeds/:token',
    { schema: { tags, summary: 'Revoke a calendar feed: its URL stops working', params: z.object({ token: z.string().min(16).max(64) }), response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await revokeFeedFor(app.db, requirePrincipal(request), request.params.token);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/calendar/:file',
    {
      schema: {
        tags,
        summary: 'The public iCalendar feed `{token}.ics` (no sign-in: the token is the key)',
        security: [],
        params: z.object({ file: z.string().regex(/^[\w-]{16,64}\.ics$/) }),
        response: { 200: z.string(), 404: errorBodySchema, 422: errorBodySchema },
      },
    },
    async (request, reply) => {
      const body = await renderFeed(app.db, request.params.file.slice(0, -'.ics'.length));
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body);
    },
  );
}
