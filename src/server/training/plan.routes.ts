import { z } from 'zod';
import { errorBodySchema } from '../../core/shared/errors.js';
import { planGenerateSchema, planVersionSchema, trainingPlanSchema } from '../../core/training/plan.schema.js';
import { requirePrincipal } from '../http/principal.js';
import type { App } from '../http/types.js';
import { approvePlan, generatePlan, getPlan, listPlanVersions } from './plan.service.js';

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const programmeParams = z.object({ programmeId: z.uuid() });
const planParams = z.object({ planId: z.uuid() });
const tags = ['training'];

/** Training plans: generated from the needs, the catalogue and the calendar; versioned; approved by a manager. */
export async function planRoutes(app: App): Promise<void> {
  app.post(
    '/api/programmes/:programmeId/plans',
    {
      schema: {
        tags,
        summary: 'Generate a new draft version of the programme’s training plan from its validated baseline needs (managers)',
        params: programmeParams,
        body: planGenerateSchema,
        response: { 201: trainingPlanSchema, ...errors },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      return reply.status(201).send(await generatePlan(app.db, principal, request.params.programmeId, request.body.constraints, principal.locale));
    },
  );

  app.get(
    '/api/programmes/:programmeId/plans',
    { schema: { tags, summary: 'The versions of the programme’s training plan, newest first, with their summaries', params: programmeParams, response: { 200: z.array(planVersionSchema), ...errors } } },
    async (request) => listPlanVersions(app.db, requirePrincipal(request), request.params.programmeId),
  );

  app.get(
    '/api/plans/:planId',
    { schema: { tags, summary: 'One version of a training plan (funders: its summary only)', params: planParams, response: { 200: trainingPlanSchema, ...errors } } },
    async (request) => {
      const principal = requirePrincipal(request);
      return getPlan(app.db, principal, request.params.planId, principal.locale);
    },
  );

  app.post(
    '/api/plans/:planId/approve',
    { schema: { tags, summary: 'Approve a draft version (managers); the version approved before becomes superseded', params: planParams, response: { 200: trainingPlanSchema, ...errors } } },
    async (request) => {
      const principal = requirePrincipal(request);
      return approvePlan(app.db, principal, request.params.planId, principal.locale);
    },
  );
}
