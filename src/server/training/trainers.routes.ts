import { z } from 'zod';
import { errorBodySchema } from '../../core/shared/errors.js';
import { planSessionsResultSchema, planTrainerSchema, unavailabilityInputSchema, unavailabilitySchema } from '../../core/training/plan.schema.js';
import { requirePrincipal } from '../http/principal.js';
import type { App } from '../http/types.js';
import { addUnavailability, createPlanSessions, listTrainers, removeUnavailability } from './trainers.service.js';

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const tags = ['training'];
const trainerParams = z.object({ programmeId: z.uuid(), userId: z.uuid() });

/** The programme's trainers and their unavailability; creating an approved plan's sessions. */
export async function trainerRoutes(app: App): Promise<void> {
  app.get(
    '/api/programmes/:programmeId/trainers',
    {
      schema: {
        tags,
        summary: 'The programme’s trainers (team members training, consulting or coaching) with their periods of unavailability',
        params: z.object({ programmeId: z.uuid() }),
        response: { 200: z.array(planTrainerSchema), ...errors },
      },
    },
    async (request) => listTrainers(app.db, requirePrincipal(request), request.params.programmeId),
  );

  app.post(
    '/api/programmes/:programmeId/trainers/:userId/unavailability',
    {
      schema: {
        tags,
        summary: 'Record a period a trainer of the programme is unavailable (the programme’s managers, or the trainer); plans avoid it in every programme',
        params: trainerParams,
        body: unavailabilityInputSchema,
        response: { 201: unavailabilitySchema, ...errors },
      },
    },
    async (request, reply) => {
      const { programmeId, userId } = request.params;
      return reply.status(201).send(await addUnavailability(app.db, requirePrincipal(request), programmeId, userId, request.body));
    },
  );

  app.delete(
    '/api/programmes/:programmeId/trainers/:userId/unavailability/:unavailabilityId',
    {
      schema: {
        tags,
        summary: 'Remove a period of unavailability (the programme’s managers, or the trainer)',
        params: trainerParams.extend({ unavailabilityId: z.uuid() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      const { programmeId, userId, unavailabilityId } = request.params;
      await removeUnavailability(app.db, requirePrincipal(request), programmeId, userId, unavailabilityId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/plans/:planId/sessions',
    {
      schema: {
        tags,
        summary: 'Create, in the programme’s calendar, the sessions of an approved plan not created yet: group trainings and practical workshops (managers)',
        params: z.object({ planId: z.uuid() }),
        response: { 200: planSessionsResultSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return createPlanSessions(app.db, principal, request.params.planId, principal.locale);
    },
  );
}
