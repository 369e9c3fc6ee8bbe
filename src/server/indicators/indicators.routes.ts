import { z } from 'zod';
import { indicatorReportSchema, indicatorsQuerySchema, outcomeInputSchema, outcomeListSchema, outcomeSchema, outcomesQuerySchema } from '../../core/indicators/indicators.schema.js';
import { errorBodySchema } from '../../core/shared/errors.js';
import { requirePrincipal } from '../http/principal.js';
import type { App } from '../http/types.js';
import { addOutcome, readIndicators, readOutcomes, removeOutcome } from './indicators.service.js';

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const tags = ['indicators'];
const programmeParams = z.object({ programmeId: z.uuid() });

/** Indicators of a programme: outputs and outcomes, by province, sector and sex; outcome figures entered per cooperative. */
export async function indicatorRoutes(app: App): Promise<void> {
  app.get(
    '/api/programmes/:programmeId/indicators',
    {
      schema: {
        tags,
        summary:
          'The programme’s output and outcome indicators (aggregates, no personal data), each with what was planned and the rate, broken down by province, sector or sex when `by` is given (the team and the funders)',
        params: programmeParams,
        querystring: indicatorsQuerySchema,
        response: { 200: indicatorReportSchema, ...errors },
      },
    },
    async (request) => readIndicators(app.db, requirePrincipal(request), request.params.programmeId, request.query),
  );

  app.get(
    '/api/programmes/:programmeId/outcomes',
    {
      schema: {
        tags,
        summary: 'Outcome figures entered per cooperative (turnover, jobs, members): every cooperative’s for the team, their own cooperative’s for a representative',
        params: programmeParams,
        querystring: outcomesQuerySchema,
        response: { 200: outcomeListSchema, ...errors },
      },
    },
    async (request) => readOutcomes(app.db, requirePrincipal(request), request.params.programmeId, request.query),
  );

  app.post(
    '/api/programmes/:programmeId/outcomes',
    {
      schema: {
        tags,
        summary: 'Enter a cooperative’s turnover (MAD), jobs or members on a date, jobs and members with women and men when known (the programme’s consultants and managers)',
        params: programmeParams,
        body: outcomeInputSchema,
        response: { 201: outcomeSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await addOutcome(app.db, requirePrincipal(request), request.params.programmeId, request.body)),
  );

  app.delete(
    '/api/programmes/:programmeId/outcomes/:outcomeId',
    {
      schema: {
        tags,
        summary: 'Delete an outcome figure entered by mistake (the programme’s consultants and managers)',
        params: programmeParams.extend({ outcomeId: z.uuid() }),
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await removeOutcome(app.db, requirePrincipal(request), request.params.programmeId, request.params.outcomeId);
      return reply.status(204).send(null);
    },
  );
}
