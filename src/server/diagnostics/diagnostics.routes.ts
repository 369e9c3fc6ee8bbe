import { z } from 'zod';
import {
  commentInputSchema,
  commentSchema,
  createDiagnosticSchema,
  diagnosticDetailSchema,
  diagnosticSummarySchema,
  returnDiagnosticSchema,
  saveAnswersResultSchema,
  saveAnswersSchema,
} from '../../core/diagnostics/diagnostic-api.schema.js';
import { errorBodySchema } from '../../core/shared/errors.js';
import { requirePrincipal } from '../http/principal.js';
import type { App } from '../http/types.js';
import {
  addComment,
  createDiagnostic,
  getDiagnostic,
  returnDiagnostic,
  saveAnswers,
  submitDiagnostic,
  validateDiagnostic,
} from './diagnostic.service.js';

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const diagnosticParams = z.object({ diagnosticId: z.uuid() });
const tags = ['diagnostics'];

/** Diagnostics: filling, comments, submission, validation. */
export async function diagnosticRoutes(app: App): Promise<void> {
  app.post(
    '/api/enrolments/:enrolmentId/diagnostics',
    {
      schema: {
        tags,
        summary: 'Start a baseline, midline or endline diagnostic of an enrolled cooperative (freezes the framework version it uses)',
        params: z.object({ enrolmentId: z.uuid() }),
        body: createDiagnosticSchema,
        response: { 201: diagnosticSummarySchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createDiagnostic(app.db, requirePrincipal(request), request.params.enrolmentId, request.body.kind)),
  );

  app.get(
    '/api/diagnostics/:diagnosticId',
    {
      schema: {
        tags,
        summary: 'A diagnostic with its cooperative, framework, answers (who, when), SWOT, comments, scores, visits and what the requester may do',
        params: diagnosticParams,
        response: { 200: diagnosticDetailSchema, ...errors },
      },
    },
    async (request) => getDiagnostic(app.db, requirePrincipal(request), request.params.diagnosticId),
  );

  app.put(
    '/api/diagnostics/:diagnosticId/answers',
    {
      schema: {
        tags,
        summary: 'Save a draft batch of answers (and the SWOT); `version` refuses a save over a newer one; scores are recomputed',
        params: diagnosticParams,
        body: saveAnswersSchema,
        response: { 200: saveAnswersResultSchema, ...errors },
      },
    },
    async (request) => saveAnswers(app.db, requirePrincipal(request), request.params.diagnosticId, request.body),
  );

  app.post(
    '/api/diagnostics/:diagnosticId/comments',
    { schema: { tags, summary: 'Comment a diagnostic, or one of its questions', params: diagnosticParams, body: commentInputSchema, response: { 201: commentSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await addComment(app.db, requirePrincipal(request), request.params.diagnosticId, request.body)),
  );

  app.post(
    '/api/diagnostics/:diagnosticId/submit',
    {
      schema: {
        tags,
        summary: 'Submit for validation; refused while a scored question is neither answered nor marked not applicable',
        params: diagnosticParams,
        response: { 200: diagnosticSummarySchema, ...errors },
      },
    },
    async (request) => submitDiagnostic(app.db, requirePrincipal(request), request.params.diagnosticId),
  );

  app.post(
    '/api/diagnostics/:diagnosticId/validate',
    { schema: { tags, summary: 'Validate a submitted diagnostic', params: diagnosticParams, response: { 200: diagnosticSummarySchema, ...errors } } },
    async (request) => validateDiagnostic(app.db, requirePrincipal(request), request.params.diagnosticId),
  );

  app.post(
    '/api/diagnostics/:diagnosticId/return',
    {
      schema: {
        tags,
        summary: 'Send a submitted diagnostic back to its consultant with a comment',
        params: diagnosticParams,
        body: returnDiagnosticSchema,
        response: { 200: diagnosticSummarySchema, ...errors },
      },
    },
    async (request) => returnDiagnostic(app.db, requirePrincipal(request), request.params.diagnosticId, request.body),
  );
}
