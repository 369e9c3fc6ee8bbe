import { z } from 'zod';
import { errorBodySchema } from '../../core/shared/errors.js';
import { planUpdateSchema, trainingPlanSchema } from '../../core/training/plan.schema.js';
import { requirePrincipal } from '../http/principal.js';
import type { App } from '../http/types.js';
import { copyPlan, updatePlan } from './plan-edit.service.js';

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const planParams = z.object({ planId: z.uuid() });
const tags = ['training'];

/** Editing draft plans (update with edits, copy a version into a new draft). */
export async function planEditRoutes(app: App): Promise<void> {
  app.put(
    '/api/plans/:planId',
    {
      schema: {
        tags,
        summary: 'Apply a batch of edits to a draft version, all or nothing, from the revision the editor started from (managers)',
        description:
          'Edits apply in order: move a cooperative to another group of the same module, set a group’s trainer, place or session date, set a workshop’s date and trainer. 409 `plan_stale` names the current revision; 422 names the edit and field at fault.',
        params: planParams,
        body: planUpdateSchema,
        response: { 200: trainingPlanSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return updatePlan(app.db, principal, request.params.planId, request.body, principal.locale);
    },
  );

  app.post(
    '/api/plans/:planId/copy',
    {
      schema: {
        tags,
        summary: 'Copy a version (approved, superseded or draft) into a new draft version to edit (managers)',
        params: planParams,
        response: { 201: trainingPlanSchema, ...errors },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      return reply.status(201).send(await copyPlan(app.db, principal, request.params.planId, principal.locale));
    },
  );
}
