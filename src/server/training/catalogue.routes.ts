import { z } from 'zod';
import { errorBodySchema } from '../../core/shared/errors.js';
import { moduleCreateSchema, moduleEditQuerySchema, moduleEditSchema, moduleListItemSchema, moduleListQuerySchema } from '../../core/training/catalogue.schema.js';
import { trainingModuleSchema } from '../../core/training/module.schema.js';
import { requirePrincipal } from '../http/principal.js';
import type { App } from '../http/types.js';
import { archiveModule, createModule, editModule, getModule, listCatalogue } from './catalogue.service.js';

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const moduleParams = z.object({ moduleId: z.uuid() });
const tags = ['training'];

/** The training catalogue: modules, the needs they answer. */
export async function catalogueRoutes(app: App): Promise<void> {
  app.get(
    '/api/training/modules',
    {
      schema: {
        tags,
        summary: 'The catalogue, filtered by domain, format and text (operator staff and funders); archived modules only on request',
        querystring: moduleListQuerySchema,
        response: { 200: z.array(moduleListItemSchema), ...errors },
      },
    },
    async (request) => listCatalogue(app.db, requirePrincipal(request), request.query),
  );

  app.get(
    '/api/training/modules/:moduleId',
    { schema: { tags, summary: 'One module with its full definition', params: moduleParams, response: { 200: trainingModuleSchema, ...errors } } },
    async (request) => getModule(app.db, requirePrincipal(request), request.params.moduleId),
  );

  app.post(
    '/api/training/modules',
    { schema: { tags, summary: 'Add a module to the catalogue (admins, global programme managers)', body: moduleCreateSchema, response: { 201: trainingModuleSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await createModule(app.db, requirePrincipal(request), request.body)),
  );

  app.put(
    '/api/training/modules/:moduleId',
    {
      schema: {
        tags,
        summary: 'Edit a module’s definition (its code never changes); `version` refuses a change made on a stale copy',
        params: moduleParams,
        querystring: moduleEditQuerySchema,
        body: moduleEditSchema,
        response: { 200: trainingModuleSchema, ...errors },
      },
    },
    async (request) => editModule(app.db, requirePrincipal(request), request.params.moduleId, request.body, request.query.version),
  );

  app.post(
    '/api/training/modules/:moduleId/archive',
    { schema: { tags, summary: 'Archive a module (it leaves the catalogue; modules are never deleted)', params: moduleParams, response: { 200: trainingModuleSchema, ...errors } } },
    async (request) => archiveModule(app.db, requirePrincipal(request), request.params.moduleId, true),
  );

  app.post(
    '/api/training/modules/:moduleId/restore',
    { schema: { tags, summary: 'Bring an archived module back', params: moduleParams, response: { 200: trainingModuleSchema, ...errors } } },
    async (request) => archiveModule(app.db, requirePrincipal(request), request.params.moduleId, false),
  );
}
