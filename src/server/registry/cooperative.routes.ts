import { z } from 'zod';
import {
  cooperativeInputSchema,
  cooperativeListQuerySchema,
  cooperativeListSchema,
  cooperativeSchema,
  memberInputSchema,
  memberSchema,
  membershipSummarySchema,
} from '../../core/registry/cooperative.schema.js';
import { errorBodySchema } from '../../core/shared/errors.js';
import { requirePrincipal } from '../http/principal.js';
import type { App } from '../http/types.js';
import {
  addMember,
  archiveCooperative,
  createCooperative,
  deleteMember,
  getCooperative,
  getMembers,
  searchCooperatives,
  updateCooperative,
  updateMember,
} from './cooperative.service.js';

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const cooperativeParams = z.object({ cooperativeId: z.uuid() });
const memberParams = cooperativeParams.extend({ memberId: z.uuid() });
const tags = ['registry'];

export async function cooperativeRoutes(app: App) {
  app.get(
    '/api/cooperatives',
    { schema: { tags, summary: 'Search, filter, sort and page the registry', querystring: cooperativeListQuerySchema, response: { 200: cooperativeListSchema, ...errors } } },
    async (request) => searchCooperatives(app.db, requirePrincipal(request), request.query),
  );

  app.post(
    '/api/cooperatives',
    { schema: { tags, summary: 'Register a cooperative', body: cooperativeInputSchema, response: { 201: cooperativeSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await createCooperative(app.db, requirePrincipal(request), request.body)),
  );

  app.get(
    '/api/cooperatives/:cooperativeId',
    { schema: { tags, summary: 'One cooperative (personal data only for those who may see it)', params: cooperativeParams, response: { 200: cooperativeSchema, ...errors } } },
    async (request) => getCooperative(app.db, requirePrincipal(request), request.params.cooperativeId),
  );

  app.put(
    '/api/cooperatives/:cooperativeId',
    {
      schema: {
        tags,
        summary: 'Edit a cooperative; `version` refuses a change made on a stale copy',
        params: cooperativeParams,
        querystring: z.object({ version: z.coerce.number().int().optional() }),
        body: cooperativeInputSchema,
        response: { 200: cooperativeSchema, ...errors },
      },
    },
    async (request) => updateCooperative(app.db, requirePrincipal(request), request.params.cooperativeId, request.body, request.query.version),
  );

  app.post(
    '/api/cooperatives/:cooperativeId/archive',
    { schema: { tags, summary: 'Archive (cooperatives are never deleted)', params: cooperativeParams, response: { 200: cooperativeSchema, ...errors } } },
    async (request) => archiveCooperative(app.db, requirePrincipal(request), request.params.cooperativeId, true),
  );

  app.post(
    '/api/cooperatives/:cooperativeId/restore',
    { schema: { tags, summary: 'Bring an archived cooperative back', params: cooperativeParams, response: { 200: cooperativeSchema, ...errors } } },
    async (request) => archiveCooperative(app.db, requirePrincipal(request), request.params.cooperativeId, false),
  );

  app.get(
    '/api/cooperatives/:cooperativeId/members',
    {
      schema: {
        tags,
        summary: 'Members and contacts; a funder or observer gets the counts only',
        params: cooperativeParams,
        response: { 200: z.object({ members: z.array(memberSchema).nullable(), summary: membershipSummarySchema }), ...errors },
      },
    },
    async (request) => getMembers(app.db, requirePrincipal(request), request.params.cooperativeId),
  );

  app.post(
    '/api/cooperatives/:cooperativeId/members',
    { schema: { tags, summary: 'Add a member or contact', params: cooperativeParams, body: memberInputSchema, response: { 201: memberSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await addMember(app.db, requirePrincipal(request), request.params.cooperativeId, request.body)),
  );

  app.put(
    '/api/cooperatives/:cooperativeId/members/:memberId',
    { schema: { tags, summary: 'Edit a member or contact', params: memberParams, body: memberInputSchema, response: { 200: memberSchema, ...errors } } },
    async (request) => updateMember(app.db, requirePrincipal(request), request.params.cooperativeId, request.params.memberId, request.body),
  );

  app.delete(
    '/api/cooperatives/:cooperativeId/members/:memberId',
    { schema: { tags, summary: 'Erase a member’s personal data (law 09-08)', params: memberParams, response: { 204: z.null(), ...errors } } },
    async (request, reply) => {
      await deleteMember(app.db, requirePrincipal(request), request.params.cooperativeId, request.params.memberId);
      return reply.status(204).send(null);
    },
  );
}
