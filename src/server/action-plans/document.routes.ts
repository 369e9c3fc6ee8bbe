import { z } from 'zod';
import { locales } from '../../core/access/roles.js';
import { pickLocale } from '../../core/i18n/messages.js';
import { errorBodySchema } from '../../core/shared/errors.js';
import { requirePrincipal } from '../http/principal.js';
import type { App } from '../http/types.js';
import { getActionPlanDocument } from './document.service.js';

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema };

/** The action plan handed to the cooperative, as PDF and DOCX, in French, Arabic or English. */
export async function actionPlanDocumentRoutes(app: App): Promise<void> {
  app.get(
    '/api/action-plans/:actionPlanId/document',
    {
      schema: {
        tags: ['action-plans'],
        summary:
          'The action plan of a cooperative as PDF or DOCX, in French, Arabic (right to left) or English: the needs it answers, each action with its executor, dates, status, budget, stakeholders and indicators with their measurements, a timeline, and the acceptance or signature lines; a plan not yet accepted is marked on every page',
        params: z.object({ actionPlanId: z.uuid() }),
        querystring: z.object({
          format: z.enum(['pdf', 'docx']).default('pdf'),
          /** The reader's language when not given. */
          locale: z.enum(locales).optional(),
        }),
        response: {
          200: z.instanceof(Buffer).describe('application/pdf or application/vnd.openxmlformats-officedocument.wordprocessingml.document, as an attachment'),
          ...errors,
        },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const locale = request.query.locale ?? pickLocale(principal.locale);
      const file = await getActionPlanDocument(app.db, principal, request.params.actionPlanId, locale, request.query.format);
      return reply.headers({ 'content-type': file.contentType, 'content-disposition': file.contentDisposition, 'cache-control': 'private, no-store' }).send(file.bytes);
    },
  );
}
