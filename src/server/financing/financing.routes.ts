import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  actionFinancingSchema,
  budgetLineInputSchema,
  budgetLineSchema,
  budgetLineUpdateSchema,
  commitmentInputSchema,
  commitmentSchema,
  disbursementInputSchema,
  disbursementSchema,
  financingDocumentMaxBytes,
  financingDocumentSchema,
  financingOverviewSchema,
  financingQuerySchema,
} from '../../core/financing/financing.schema.js';
import { errorBodySchema } from '../../core/shared/errors.js';
import { validationFailed } from '../http/errors.js';
import { requirePrincipal } from '../http/principal.js';
import type { App } from '../http/types.js';
import {
  addDocument,
  createCommitment,
  createDisbursement,
  createLine,
  getActionFinancing,
  getDocument,
  getFinancing,
  removeCommitment,
  removeDisbursement,
  removeDocument,
  removeLine,
  updateLineFor,
  type UploadedFile,
} from './financing.service.js';

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const tags = ['financing'];
const programmeParams = z.object({ programmeId: z.uuid() });
const idParams = z.object({ id: z.uuid() });

/** The one file of a multipart upload (field `file`); a file past the limit comes back marked as truncated. */
async function readUpload(request: FastifyRequest): Promise<UploadedFile> {
  const part = request.isMultipart() ? await request.file({ limits: { fileSize: financingDocumentMaxBytes + 1 } }) : undefined;
  if (!part || part.fieldname !== 'file') throw validationFailed([{ path: ['file'], key: 'required' }]);
  let content: Buffer;
  let truncated = false;
  try {
    content = await part.toBuffer();
  } catch {
    content = Buffer.alloc(0);
    truncated = true;
  }
  return { fileName: part.filename, contentType: part.mimetype, content, truncated: truncated || part.file.truncated };
}

const uploadSummary = 'multipart field `file`: PDF, JPEG, PNG, WebP, HEIC, Word, Excel or OpenDocument; 10 MB at most';

/** Financing: budget lines, commitments, disbursements and their documents, balances. */
export async function financingRoutes(app: App): Promise<void> {
  app.get(
    '/api/programmes/:programmeId/financing',
    {
      schema: {
        tags,
        summary: 'The programme’s budget lines with their balances (committed, disbursed, available), totals per funder and per category, and a page of commitments with their disbursements (the team and the funders; funders get neither notes nor documents)',
        params: programmeParams,
        querystring: financingQuerySchema,
        response: { 200: financingOverviewSchema, ...errors },
      },
    },
    async (request) => getFinancing(app.db, requirePrincipal(request), request.params.programmeId, request.query),
  );

  app.post(
    '/api/programmes/:programmeId/budget-lines',
    {
      schema: {
        tags,
        summary: 'Add a budget line: a funder of the programme, a category, an amount (the programme’s managers)',
        params: programmeParams,
        body: budgetLineInputSchema,
        response: { 201: budgetLineSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createLine(app.db, requirePrincipal(request), request.params.programmeId, request.body)),
  );

  app.patch(
    '/api/budget-lines/:id',
    {
      schema: {
        tags,
        summary: 'Edit a budget line; its amount never goes below what is committed on it; `version` refuses an edit over a newer one',
        params: idParams,
        body: budgetLineUpdateSchema,
        response: { 200: budgetLineSchema, ...errors },
      },
    },
    async (request) => updateLineFor(app.db, requirePrincipal(request), request.params.id, request.body),
  );

  app.delete(
    '/api/budget-lines/:id',
    { schema: { tags, summary: 'Delete a budget line nothing is committed on', params: idParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await removeLine(app.db, requirePrincipal(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/programmes/:programmeId/commitments',
    {
      schema: {
        tags,
        summary: 'Commit money on a line, for a cooperative and its action or for the programme; over the line’s available balance: 409 `commitment_over_line` (available, over) unless `confirmOverrun`',
        params: programmeParams,
        body: commitmentInputSchema,
        response: { 201: commitmentSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createCommitment(app.db, requirePrincipal(request), request.params.programmeId, request.body)),
  );

  app.delete(
    '/api/commitments/:id',
    { schema: { tags, summary: 'Delete a commitment made by mistake, while nothing has been paid on it', params: idParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await removeCommitment(app.db, requirePrincipal(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/commitments/:id/disbursements',
    {
      schema: {
        tags,
        summary: 'Pay part or all of a commitment; never more than what is left of it',
        params: idParams,
        body: disbursementInputSchema,
        response: { 201: disbursementSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createDisbursement(app.db, requirePrincipal(request), request.params.id, request.body)),
  );

  app.delete(
    '/api/disbursements/:id',
    { schema: { tags, summary: 'Delete a disbursement recorded by mistake', params: idParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await removeDisbursement(app.db, requirePrincipal(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/commitments/:id/documents',
    {
      schema: { tags, summary: `Attach a document to a commitment (${uploadSummary})`, consumes: ['multipart/form-data'], params: idParams, response: { 201: financingDocumentSchema, ...errors, 413: errorBodySchema } },
    },
    async (request, reply) => reply.status(201).send(await addDocument(app.db, requirePrincipal(request), { commitmentId: request.params.id }, await readUpload(request))),
  );

  app.post(
    '/api/disbursements/:id/documents',
    {
      schema: { tags, summary: `Attach a document to a disbursement (${uploadSummary})`, consumes: ['multipart/form-data'], params: idParams, response: { 201: financingDocumentSchema, ...errors, 413: errorBodySchema } },
    },
    async (request, reply) => reply.status(201).send(await addDocument(app.db, requirePrincipal(request), { disbursementId: request.params.id }, await readUpload(request))),
  );

  app.get(
    '/api/financing-documents/:id',
    { schema: { tags, summary: 'Download a financing document (the team, and the cooperative’s representative; not funders)', params: idParams, response: { 200: z.any(), ...errors } } },
    async (request, reply) => {
      const document = await getDocument(app.db, requirePrincipal(request), request.params.id);
      const asciiName = document.fileName.replace(/[^\w.-]+/g, '_');
      return reply
        .type(document.contentType)
        .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(document.fileName)}`)
        .header('x-content-type-options', 'nosniff')
        .send(Buffer.from(document.content));
    },
  );

  app.delete(
    '/api/financing-documents/:id',
    { schema: { tags, summary: 'Delete a financing document', params: idParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await removeDocument(app.db, requirePrincipal(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/actions/:actionId/financing',
    {
      schema: {
        tags,
        summary: 'One action’s budget, commitments and disbursements, and the balances of the lines it could draw on (lines: not for the cooperative’s representative)',
        params: z.object({ actionId: z.uuid() }),
        response: { 200: actionFinancingSchema, ...errors },
      },
    },
    async (request) => getActionFinancing(app.db, requirePrincipal(request), request.params.actionId),
  );
}
