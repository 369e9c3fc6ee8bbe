import { Readable } from 'node:stream';
import { z } from 'zod';
import { cooperativeListQuerySchema } from '../../core/registry/cooperative.schema.js';
import { errorBodySchema } from '../../core/shared/errors.js';
import { requirePrincipal } from '../http/principal.js';
import type { App } from '../http/types.js';
import { exportCooperatives, exportFormats } from './export.service.js';

const exportQuerySchema = cooperativeListQuerySchema
  .omit({ sort: true, order: true, page: true, pageSize: true, locale: true })
  .extend({ format: z.enum(exportFormats).default('csv') });

export async function exportRoutes(app: App) {
  app.get(
    '/api/cooperatives/export',
    {
      schema: {
        tags: ['registry'],
        summary: 'Every cooperative matching the list’s filters as CSV (UTF-8 with BOM, ";") or XLSX, with French headers that the import reads back',
        querystring: exportQuerySchema,
        response: {
          200: z.instanceof(Readable).describe('The file, as an attachment: text/csv (UTF-8 with BOM) or XLSX'),
          401: errorBodySchema,
          403: errorBodySchema,
          422: errorBodySchema,
        },
      },
    },
    async (request, reply) => {
      const { format, ...filters } = request.query;
      const file = exportCooperatives(app.db, requirePrincipal(request), format, filters);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `attachment; filename="${file.fileName}"`)
        .header('cache-control', 'no-store')
        .send(file.stream);
    },
  );
}
