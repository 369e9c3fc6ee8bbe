import { z } from 'zod';
import { pickLocale } from '../../core/i18n/messages.js';
import { comparisonQuerySchema, comparisonSchema, constraintsQuerySchema, constraintsSchema, heatmapQuerySchema, heatmapSchema } from '../../core/diagnostics/needs.schema.js';
import { errorBodySchema } from '../../core/shared/errors.js';
import { requirePrincipal } from '../http/principal.js';
import type { App } from '../http/types.js';
import { getComparison, getConstraints, getHeatmap } from './needs.service.js';

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema };
const params = z.object({ programmeId: z.uuid() });
const tags = ['needs'];

/**
 * Needs of a programme: the heat map of cooperatives by domain, the ranked
 * constraints, baseline against endline. Labels come in the page's language
 * (the Accept-Language the web app sends), else the person's saved choice.
 */
export async function needsRoutes(app: App): Promise<void> {
  app.get(
    '/api/programmes/:programmeId/needs/heatmap',
    {
      schema: {
        tags,
        summary: 'Heat map of the cooperatives by domain: filtered, sorted and paged, with the means over every match',
        params,
        querystring: heatmapQuerySchema,
        response: { 200: heatmapSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return getHeatmap(app.db, principal, request.params.programmeId, request.query, pickLocale(request.query.locale, request.headers['accept-language'], principal.locale));
    },
  );

  app.get(
    '/api/programmes/:programmeId/needs/constraints',
    {
      schema: {
        tags,
        summary: 'The programme’s constraints, domains and questions, ranked across all its cooperatives',
        params,
        querystring: constraintsQuerySchema,
        response: { 200: constraintsSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return getConstraints(app.db, principal, request.params.programmeId, request.query, pickLocale(request.query.locale, request.headers['accept-language'], principal.locale));
    },
  );

  app.get(
    '/api/programmes/:programmeId/needs/comparison',
    {
      schema: {
        tags,
        summary: 'Baseline against endline per cooperative and for the programme, on the questions that mean the same in both versions',
        params,
        querystring: comparisonQuerySchema,
        response: { 200: comparisonSchema, ...errors },
      },
    },
    async (request) => {
      const principal = requirePrincipal(request);
      return getComparison(app.db, principal, request.params.programmeId, pickLocale(request.query.locale, request.headers['accept-language'], principal.locale));
    },
  );
}
