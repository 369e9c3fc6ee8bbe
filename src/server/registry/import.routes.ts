import { z } from 'zod';
import {
  importCommitRequestSchema,
  importCommitResponseSchema,
  importPreviewRequestSchema,
  importPreviewSchema,
  importStateSchema,
  importUploadSchema,
} from '../../core/registry/import/import.schema.js';
import { errorBodySchema } from '../../core/shared/errors.js';
import { validationFailed } from '../http/errors.js';
import { requirePrincipal } from '../http/principal.js';
import type { App } from '../http/types.js';
import { exportRoutes } from './export.routes.js';
import { waitForRunningImports } from './import.runner.js';
import { commitImport, getImportState, previewImport, uploadImport } from './import.service.js';

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const importParams = z.object({ importId: z.uuid() });
const tags = ['registry'];

/** The registry as spreadsheets: imports in, exports out. */
export async function spreadsheetRoutes(app: App) {
  await importRoutes(app);
  await exportRoutes(app);
}

async function importRoutes(app: App) {
  app.addHook('onClose', waitForRunningImports);

  app.post(
    '/api/imports',
    {
      schema: {
        tags,
        summary: 'Upload a CSV (UTF-8 or Windows-1252, "," or ";") or XLSX file of cooperatives in the multipart field `file`',
        description: 'Answers with the headers, the first rows and a suggested mapping. An empty file gives `file_empty`, anything else unreadable `file_unreadable`.',
        consumes: ['multipart/form-data'],
        response: { 201: importUploadSchema, ...errors, 413: errorBodySchema },
      },
    },
    async (request, reply) => {
      const principal = requirePrincipal(request);
      const part = request.isMultipart() ? await request.file() : undefined;
      if (!part || part.fieldname !== 'file') throw validationFailed([{ path: ['file'], key: 'required' }]);
      const upload = await uploadImport(app.db, principal, { fileName: part.filename, readContent: () => part.toBuffer() });
      return reply.status(201).send(upload);
    },
  );

  app.post(
    '/api/imports/:importId/preview',
    {
      schema: {
        tags,
        summary: 'Check every row with a mapping: errors by line and column, duplicates in the file and in the registry',
        params: importParams,
        body: importPreviewRequestSchema,
        response: { 200: importPreviewSchema, ...errors },
      },
    },
    async (request) => previewImport(app.db, requirePrincipal(request), request.params.importId, request.body.mapping),
  );

  app.post(
    '/api/imports/:importId/commit',
    {
      schema: {
        tags,
        summary: 'Start the import and answer at once (202); in "all_or_nothing" mode a file with bad rows ends as failed with nothing written',
        params: importParams,
        body: importCommitRequestSchema,
        response: { 202: importCommitResponseSchema, ...errors },
      },
    },
    async (request, reply) => {
      const started = await commitImport(app.db, requirePrincipal(request), request.params.importId, request.body, request.log);
      return reply.status(202).send(started);
    },
  );

  app.get(
    '/api/imports/:importId',
    {
      schema: {
        tags,
        summary: 'Status, progress and, once finished, the summary of an import',
        params: importParams,
        response: { 200: importStateSchema, ...errors },
      },
    },
    async (request) => getImportState(app.db, requirePrincipal(request), request.params.importId),
  );
}
