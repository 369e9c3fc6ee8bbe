import { z } from 'zod';
import {
  complianceSchema,
  confirmFollowUpSchema,
  cooperativeQuerySchema,
  driftSchema,
  dueListQuerySchema,
  dueListSchema,
  followUpContextSchema,
  followUpDetailSchema,
  followUpHistorySchema,
  listFilterSchema,
  recordFollowUpSchema,
  schedulePreviewSchema,
  scheduleResultSchema,
  toConfirmListSchema,
} from '../../core/follow-up/follow-up.schema.js';
import { errorBodySchema } from '../../core/shared/errors.js';
import { requirePrincipal } from '../http/principal.js';
import type { App } from '../http/types.js';
import {
  computeCompliance,
  computeDrift,
  confirmFollowUp,
  createSchedule,
  getContext,
  getFollowUp,
  listDue,
  listHistory,
  listReported,
  previewSchedule,
  recordFollowUp,
} from './follow-up.service.js';

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const tags = ['follow-up'];
const programmeParams = z.object({ programmeId: z.uuid() });

/** Follow-ups: the schedule from the cadences, recording and confirming, due and overdue lists, compliance, deadline drift. */
export async function followUpRoutes(app: App): Promise<void> {
  app.get(
    '/api/follow-ups/due',
    {
      schema: {
        tags,
        summary: 'Follow-ups due this week (Monday to Sunday in Morocco) or overdue (planned before today, not recorded), per programme and consultant (the programme team)',
        querystring: dueListQuerySchema,
        response: { 200: dueListSchema, ...errors },
      },
    },
    async (request) => listDue(app.db, requirePrincipal(request), request.query),
  );

  app.get(
    '/api/follow-ups/reported',
    {
      schema: {
        tags,
        summary: 'Progress reported by cooperatives’ representatives, waiting for the team to confirm it (the programme team)',
        querystring: listFilterSchema,
        response: { 200: toConfirmListSchema, ...errors },
      },
    },
    async (request) => listReported(app.db, requirePrincipal(request), request.query),
  );

  app.get(
    '/api/follow-ups/compliance',
    {
      schema: {
        tags,
        summary: 'Follow-ups held against planned (due on or before today) per programme, consultant and cooperative (the programme team)',
        querystring: listFilterSchema,
        response: { 200: complianceSchema, ...errors },
      },
    },
    async (request) => computeCompliance(app.db, requirePrincipal(request), request.query),
  );

  app.get(
    '/api/follow-ups/drift',
    {
      schema: {
        tags,
        summary: 'Drift of action deadlines from the agreed ones and late actions, per programme and cooperative (the programme team)',
        querystring: listFilterSchema,
        response: { 200: driftSchema, ...errors },
      },
    },
    async (request) => computeDrift(app.db, requirePrincipal(request), request.query),
  );

  app.get(
    '/api/follow-ups/context',
    {
      schema: {
        tags,
        summary: 'What recording a follow-up of one cooperative needs: its actions with their indicators and latest values, the planned follow-ups it can hold, the team (the team and the cooperative’s representative)',
        querystring: cooperativeQuerySchema,
        response: { 200: followUpContextSchema, ...errors },
      },
    },
    async (request) => getContext(app.db, requirePrincipal(request), request.query.programmeId, request.query.cooperativeId),
  );

  app.get(
    '/api/follow-ups',
    {
      schema: {
        tags,
        summary: 'The follow-ups of one cooperative in one programme, newest first (the team and the cooperative’s representative)',
        querystring: cooperativeQuerySchema,
        response: { 200: followUpHistorySchema, ...errors },
      },
    },
    async (request) => listHistory(app.db, requirePrincipal(request), request.query.programmeId, request.query.cooperativeId),
  );

  app.post(
    '/api/follow-ups',
    {
      schema: {
        tags,
        summary: 'Record a follow-up: by the team, confirmed and applied to the actions, indicators and session at once; by the cooperative’s representative, reported for the team to confirm',
        body: recordFollowUpSchema,
        response: { 201: followUpDetailSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await recordFollowUp(app.db, requirePrincipal(request), request.body)),
  );

  app.get(
    '/api/follow-ups/:followUpId',
    {
      schema: {
        tags,
        summary: 'One follow-up with its action updates and indicator values (the team and the cooperative’s representative)',
        params: z.object({ followUpId: z.uuid() }),
        response: { 200: followUpDetailSchema, ...errors },
      },
    },
    async (request) => getFollowUp(app.db, requirePrincipal(request), request.params.followUpId),
  );

  app.post(
    '/api/follow-ups/:followUpId/confirm',
    {
      schema: {
        tags,
        summary: 'Confirm a representative’s report, with corrections (the programme team): it then applies to the actions, indicators and session',
        params: z.object({ followUpId: z.uuid() }),
        body: confirmFollowUpSchema,
        response: { 200: followUpDetailSchema, ...errors },
      },
    },
    async (request) => confirmFollowUp(app.db, requirePrincipal(request), request.params.followUpId, request.body),
  );

  app.get(
    '/api/programmes/:programmeId/follow-up-schedule',
    {
      schema: {
        tags,
        summary: 'Preview the remote follow-ups the programme’s cadence asks for over its accompaniment and follow-up phases, and which are missing from the calendar (the programme team)',
        params: programmeParams,
        response: { 200: schedulePreviewSchema, ...errors },
      },
    },
    async (request) => previewSchedule(app.db, requirePrincipal(request), request.params.programmeId),
  );

  app.post(
    '/api/programmes/:programmeId/follow-up-schedule',
    {
      schema: {
        tags,
        summary: 'Create in the calendar the remote follow-ups of the cadence that are missing (managers); a second call creates nothing',
        params: programmeParams,
        response: { 200: scheduleResultSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return createSchedule(app.db, principal, request.params.programmeId, principal.locale);
    },
  );
}
