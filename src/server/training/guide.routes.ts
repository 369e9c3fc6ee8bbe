import { z } from 'zod';
import { locales } from '../../core/access/roles.js';
import { pickLocale } from '../../core/i18n/messages.js';
import { errorBodySchema } from '../../core/shared/errors.js';
import { requirePrincipal } from '../http/principal.js';
import type { App } from '../http/types.js';
import { getTrainingGuide, getTrainingPath, type GuideFile, type GuideFormat } from './guide.service.js';

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema };
const querystring = z.object({ lang: z.enum(locales).optional() });
const tags = ['training'];
const formats: GuideFormat[] = ['pdf', 'docx'];
const described: Record<GuideFormat, string> = {
  pdf: 'application/pdf, as an attachment',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document, as an attachment',
};

const headersOf = (file: GuideFile) => ({ 'content-type': file.contentType, 'content-disposition': file.contentDisposition, 'cache-control': 'private, no-store' });

/** The training guide and each cooperative's training path, as PDF and DOCX. */
export async function guideRoutes(app: App): Promise<void> {
  for (const format of formats) {
    app.get(
      `/api/plans/:planId/guide.${format}`,
      {
        schema: {
          tags,
          summary: `The training guide of a plan version as ${format.toUpperCase()}, in French or Arabic (right to left): the programme, the needs answered, each module with its groups, the coaching, the workshops, each cooperative's path`,
          params: z.object({ planId: z.uuid() }),
          querystring,
          response: { 200: z.instanceof(Buffer).describe(described[format]), ...errors },
        },
      },
      async (request, reply) => {
        const principal = requirePrincipal(request);
        const lang = request.query.lang ?? pickLocale(principal.locale);
        const file = await getTrainingGuide(app.db, principal, request.params.planId, lang, format);
        return reply.headers(headersOf(file)).send(file.bytes);
      },
    );

    app.get(
      `/api/plans/:planId/cooperatives/:cooperativeId/path.${format}`,
      {
        schema: {
          tags,
          summary: `The training path of one cooperative of a plan version as ${format.toUpperCase()}: its needs and how each is answered, its modules, dates, places and trainers, its coaching and workshops`,
          params: z.object({ planId: z.uuid(), cooperativeId: z.uuid() }),
          querystring,
          response: { 200: z.instanceof(Buffer).describe(described[format]), ...errors },
        },
      },
      async (request, reply) => {
        const principal = requirePrincipal(request);
        const lang = request.query.lang ?? pickLocale(principal.locale);
        const file = await getTrainingPath(app.db, principal, request.params.planId, request.params.cooperativeId, lang, format);
        return reply.headers(headersOf(file)).send(file.bytes);
      },
    );
  }
}
