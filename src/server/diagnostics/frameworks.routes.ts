import { z } from 'zod';
import { frameworkEditQuerySchema, frameworkEditSchema, frameworkListItemSchema } from '../../core/diagnostics/framework-edit.schema.js';
import { frameworkSchema } from '../../core/diagnostics/framework.schema.js';
import { errorBodySchema } from '../../core/shared/errors.js';
import { requirePrincipal } from '../http/principal.js';
import type { App } from '../http/types.js';
import { copyFramework, editFramework, getFramework, listFrameworkVersions, makeDefaultFramework } from './framework.service.js';

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const frameworkParams = z.object({ frameworkId: z.uuid() });
const tags = ['frameworks'];

/** Diagnostic frameworks: list, read, copy, edit (a frozen version makes a new one), choose the default. */
export async function frameworkRoutes(app: App): Promise<void> {
  app.get(
    '/api/frameworks',
    {
      schema: {
        tags,
        summary: 'Every framework version, by family, with its question count and how many diagnostics use it (operator staff and funders)',
        response: { 200: z.array(frameworkListItemSchema), ...errors },
      },
    },
    async (request) => listFrameworkVersions(app.db, requirePrincipal(request)),
  );

  app.get(
    '/api/frameworks/:frameworkId',
    { schema: { tags, summary: 'One framework version with its full definition', params: frameworkParams, response: { 200: frameworkSchema, ...errors } } },
    async (request) => getFramework(app.db, requirePrincipal(request), request.params.frameworkId),
  );

  app.post(
    '/api/frameworks/:frameworkId/copy',
    {
      schema: {
        tags,
        summary: 'Copy a version into a new family (version 1, not frozen, named “Copie de …”)',
        params: frameworkParams,
        response: { 201: frameworkSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await copyFramework(app.db, requirePrincipal(request), request.params.frameworkId)),
  );

  app.put(
    '/api/frameworks/:frameworkId',
    {
      schema: {
        tags,
        summary:
          'Edit a version: in place (200) if no diagnostic uses it; if it is frozen, the edit becomes the family’s next version (201) and the frozen one stays as it was. `updatedAt` refuses an edit made on a stale copy.',
        params: frameworkParams,
        querystring: frameworkEditQuerySchema,
        body: frameworkEditSchema,
        response: { 200: frameworkSchema, 201: frameworkSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { outcome, framework } = await editFramework(app.db, requirePrincipal(request), request.params.frameworkId, request.body, request.query.updatedAt);
      return reply.status(outcome === 'versioned' ? 201 : 200).send(framework);
    },
  );

  app.post(
    '/api/frameworks/:frameworkId/default',
    {
      schema: {
        tags,
        summary: 'Make this version the default one for new programmes and diagnostics',
        params: frameworkParams,
        response: { 200: frameworkSchema, ...errors },
      },
    },
    async (request) => makeDefaultFramework(app.db, requirePrincipal(request), request.params.frameworkId),
  );
}
