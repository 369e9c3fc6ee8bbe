import { z } from 'zod';
import {
  acceptPlanInputSchema,
  actionCreateSchema,
  actionPlanListSchema,
  actionPlanSchema,
  actionUpdateSchema,
  cooperativeActionPlanSchema,
  draftPlanInputSchema,
  indicatorInputSchema,
  indicatorUpdateSchema,
  measurementInputSchema,
  reopenPlanInputSchema,
} from '../../core/action-plans/action-plan.schema.js';
import { errorBodySchema } from '../../core/shared/errors.js';
import { requirePrincipal } from '../http/principal.js';
import type { App } from '../http/types.js';
import {
  acceptPlan,
  addAction,
  addIndicator,
  addMeasurement,
  deletePlan,
  draftActionPlan,
  getActionPlan,
  getActionPlanOf,
  listActionPlans,
  listCooperativeActionPlans,
  removeAction,
  removeIndicator,
  removeMeasurement,
  reopenPlan,
  updateAction,
  updateIndicator,
} from './action-plans.service.js';

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const tags = ['action-plans'];
const planParams = z.object({ actionPlanId: z.uuid() });
const actionParams = planParams.extend({ actionId: z.uuid() });
const indicatorParams = actionParams.extend({ indicatorId: z.uuid() });
const cooperativeParams = z.object({ programmeId: z.uuid(), cooperativeId: z.uuid() });

/** Action plans per cooperative: drafting from the validated needs, actions, indicators and measurements, stakeholders, acceptance. */
export async function actionPlanRoutes(app: App): Promise<void> {
  app.get(
    '/api/programmes/:programmeId/action-plans',
    {
      schema: {
        tags,
        summary: 'The programme’s enrolled cooperatives with their action plan’s status, progress and acceptance (team and funders; a representative sees their cooperative)',
        params: z.object({ programmeId: z.uuid() }),
        response: { 200: actionPlanListSchema, ...errors },
      },
    },
    async (request) => listActionPlans(app.db, requirePrincipal(request), request.params.programmeId),
  );

  app.post(
    '/api/programmes/:programmeId/cooperatives/:cooperativeId/action-plan',
    {
      schema: {
        tags,
        summary: 'Draft the cooperative’s action plan from its validated baseline diagnostic (the programme team); 422 without one, 409 when a plan exists',
        params: cooperativeParams,
        body: draftPlanInputSchema.optional(),
        response: { 201: actionPlanSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { programmeId, cooperativeId } = request.params;
      return reply.status(201).send(await draftActionPlan(app.db, requirePrincipal(request), programmeId, cooperativeId, request.body ?? {}));
    },
  );

  app.get(
    '/api/programmes/:programmeId/cooperatives/:cooperativeId/action-plan',
    {
      schema: { tags, summary: 'The cooperative’s action plan in the programme, found by programme and cooperative', params: cooperativeParams, response: { 200: actionPlanSchema, ...errors } },
    },
    async (request) => getActionPlanOf(app.db, requirePrincipal(request), request.params.programmeId, request.params.cooperativeId),
  );

  app.get(
    '/api/cooperatives/:cooperativeId/action-plans',
    {
      schema: {
        tags,
        summary: 'The cooperative’s action plans across the programmes the caller may read (for the links on its page)',
        params: z.object({ cooperativeId: z.uuid() }),
        response: { 200: z.array(cooperativeActionPlanSchema), ...errors },
      },
    },
    async (request) => listCooperativeActionPlans(app.db, requirePrincipal(request), request.params.cooperativeId),
  );

  app.get(
    '/api/action-plans/:actionPlanId',
    {
      schema: {
        tags,
        summary: 'The whole plan: actions with executors, stakeholders and indicators with their measurements, acceptance, and what the caller may do (funders get no personal data)',
        params: planParams,
        response: { 200: actionPlanSchema, ...errors },
      },
    },
    async (request) => getActionPlan(app.db, requirePrincipal(request), request.params.actionPlanId),
  );

  app.delete(
    '/api/action-plans/:actionPlanId',
    {
      schema: { tags, summary: 'Throw away a draft plan nobody followed or financed yet, to draft it again (the programme team)', params: planParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await deletePlan(app.db, requirePrincipal(request), request.params.actionPlanId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/action-plans/:actionPlanId/accept',
    {
      schema: {
        tags,
        summary:
          'Accept the plan on the revision read: by the cooperative’s representative, or recorded by the programme team from a plan signed on paper (a note on who signed is required, `signedOn` dates it); every action’s agreed due date becomes its current one',
        params: planParams,
        body: acceptPlanInputSchema,
        response: { 200: actionPlanSchema, ...errors },
      },
    },
    async (request) => acceptPlan(app.db, requirePrincipal(request), request.params.actionPlanId, request.body),
  );

  app.post(
    '/api/action-plans/:actionPlanId/reopen',
    {
      schema: { tags, summary: 'Put an agreed plan back to draft, to revise it with the cooperative (the programme team)', params: planParams, body: reopenPlanInputSchema, response: { 200: actionPlanSchema, ...errors } },
    },
    async (request) => reopenPlan(app.db, requirePrincipal(request), request.params.actionPlanId, request.body.revision),
  );

  app.post(
    '/api/action-plans/:actionPlanId/actions',
    {
      schema: { tags, summary: 'Add an action, with its stakeholders and indicators (the programme team)', params: planParams, body: actionCreateSchema, response: { 201: actionPlanSchema, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await addAction(app.db, requirePrincipal(request), request.params.actionPlanId, request.body)),
  );

  app.patch(
    '/api/action-plans/:actionPlanId/actions/:actionId',
    {
      schema: {
        tags,
        summary: 'Change an action’s fields (those sent), on the `version` read; stakeholders sent replace the list (the programme team)',
        params: actionParams,
        body: actionUpdateSchema,
        response: { 200: actionPlanSchema, ...errors },
      },
    },
    async (request) => updateAction(app.db, requirePrincipal(request), request.params.actionPlanId, request.params.actionId, request.body),
  );

  app.delete(
    '/api/action-plans/:actionPlanId/actions/:actionId',
    {
      schema: { tags, summary: 'Delete an action not agreed yet and without history; an agreed one is cancelled instead (the programme team)', params: actionParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      await removeAction(app.db, requirePrincipal(request), request.params.actionPlanId, request.params.actionId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/action-plans/:actionPlanId/actions/:actionId/indicators',
    {
      schema: { tags, summary: 'Add a monitoring (output) or performance (outcome) indicator to an action (the programme team)', params: actionParams, body: indicatorInputSchema, response: { 201: actionPlanSchema, ...errors } },
    },
    async (request, reply) => {
      const { actionPlanId, actionId } = request.params;
      return reply.status(201).send(await addIndicator(app.db, requirePrincipal(request), actionPlanId, actionId, request.body));
    },
  );

  app.patch(
    '/api/action-plans/:actionPlanId/actions/:actionId/indicators/:indicatorId',
    {
      schema: { tags, summary: 'Change an indicator’s label, unit, baseline, target or target date (the programme team)', params: indicatorParams, body: indicatorUpdateSchema, response: { 200: actionPlanSchema, ...errors } },
    },
    async (request) => {
      const { actionPlanId, actionId, indicatorId } = request.params;
      return updateIndicator(app.db, requirePrincipal(request), actionPlanId, actionId, indicatorId, request.body);
    },
  );

  app.delete(
    '/api/action-plans/:actionPlanId/actions/:actionId/indicators/:indicatorId',
    {
      schema: { tags, summary: 'Delete an indicator with its values; not one with values recorded by follow-ups (the programme team)', params: indicatorParams, response: { 204: z.null(), ...errors } },
    },
    async (request, reply) => {
      const { actionPlanId, actionId, indicatorId } = request.params;
      await removeIndicator(app.db, requirePrincipal(request), actionPlanId, actionId, indicatorId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/action-plans/:actionPlanId/actions/:actionId/indicators/:indicatorId/measurements',
    {
      schema: { tags, summary: 'Record a measured value of an indicator, on a day not in the future (the programme team)', params: indicatorParams, body: measurementInputSchema, response: { 201: actionPlanSchema, ...errors } },
    },
    async (request, reply) => {
      const { actionPlanId, actionId, indicatorId } = request.params;
      return reply.status(201).send(await addMeasurement(app.db, requirePrincipal(request), actionPlanId, actionId, indicatorId, request.body));
    },
  );

  app.delete(
    '/api/action-plans/:actionPlanId/actions/:actionId/indicators/:indicatorId/measurements/:measurementId',
    {
      schema: {
        tags,
        summary: 'Delete a measured value recorded here; one recorded with a follow-up goes with the follow-up (the programme team)',
        params: indicatorParams.extend({ measurementId: z.uuid() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { actionPlanId, actionId, indicatorId, measurementId } = request.params;
      await removeMeasurement(app.db, requirePrincipal(request), actionPlanId, actionId, indicatorId, measurementId);
      return reply.status(204).send(null);
    },
  );
}
