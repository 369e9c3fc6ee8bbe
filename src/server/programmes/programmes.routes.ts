import { z } from 'zod';
import {
  bulkEnrolmentInputSchema,
  bulkEnrolmentResultSchema,
  candidatePageSchema,
  candidateQuerySchema,
  cooperativeProgrammesSchema,
  enrolmentListQuerySchema,
  enrolmentSchema,
  enrolmentUpdateSchema,
} from '../../core/programmes/enrolment.schema.js';
import { organisationInputSchema, organisationListQuerySchema, organisationSchema } from '../../core/programmes/organisation.schema.js';
import { peopleQuerySchema, personSchema, programmeInputSchema, programmeListItemSchema, programmeSchema } from '../../core/programmes/programme.schema.js';
import { errorBodySchema } from '../../core/shared/errors.js';
import { requirePrincipal } from '../http/principal.js';
import type { App } from '../http/types.js';
import { enrolCooperatives, getCooperativeProgrammes, listEnrolments, searchCandidates, updateEnrolment } from './enrolment.service.js';
import {
  createOrganisation,
  createProgramme,
  getProgramme,
  listProgrammes,
  searchOrganisations,
  searchPeople,
  updateOrganisation,
  updateProgramme,
} from './programme.service.js';

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const programmeParams = z.object({ programmeId: z.uuid() });
const versionQuery = z.object({ version: z.coerce.number().int().optional() });

/** Programmes, the directory of organisations, eligibility and enrolment. */
export async function programmeRoutes(app: App): Promise<void> {
  /* Organisations */
  app.get(
    '/api/organisations',
    {
      schema: {
        tags: ['organisations'],
        summary: 'The directory of organisations, by name or acronym and kind (staff and funders)',
        querystring: organisationListQuerySchema,
        response: { 200: z.array(organisationSchema), ...errors },
      },
    },
    async (request) => searchOrganisations(app.db, requirePrincipal(request), request.query),
  );

  app.post(
    '/api/organisations',
    { schema: { tags: ['organisations'], summary: 'Add an organisation to the directory (admins and managers)', body: organisationInputSchema, response: { 201: organisationSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await createOrganisation(app.db, requirePrincipal(request), request.body)),
  );

  app.put(
    '/api/organisations/:organisationId',
    {
      schema: {
        tags: ['organisations'],
        summary: 'Edit an organisation; `version` refuses a change made on a stale copy',
        params: z.object({ organisationId: z.uuid() }),
        querystring: versionQuery,
        body: organisationInputSchema,
        response: { 200: organisationSchema, ...errors },
      },
    },
    async (request) => updateOrganisation(app.db, requirePrincipal(request), request.params.organisationId, request.body, request.query.version),
  );

  /* People for the team */
  app.get(
    '/api/people',
    {
      schema: {
        tags: ['programmes'],
        summary: 'Staff who may join a programme’s team, by name or e-mail (admins and managers)',
        querystring: peopleQuerySchema,
        response: { 200: z.array(personSchema), ...errors },
      },
    },
    async (request) => searchPeople(app.db, requirePrincipal(request), request.query.search),
  );

  /* Programmes */
  app.get(
    '/api/programmes',
    {
      schema: {
        tags: ['programmes'],
        summary: 'Programmes one may see: all for admins and global roles, else those of one’s grants and of one’s cooperatives',
        response: { 200: z.array(programmeListItemSchema), ...errors },
      },
    },
    async (request) => listProgrammes(app.db, requirePrincipal(request)),
  );

  app.post(
    '/api/programmes',
    {
      schema: {
        tags: ['programmes'],
        summary: 'Set up a programme with its organisations, phases, team, cadences and eligibility rules (admins, global managers)',
        body: programmeInputSchema,
        response: { 201: programmeSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createProgramme(app.db, requirePrincipal(request), request.body)),
  );

  app.get(
    '/api/programmes/:programmeId',
    { schema: { tags: ['programmes'], summary: 'One programme in full', params: programmeParams, response: { 200: programmeSchema, ...errors } } },
    async (request) => getProgramme(app.db, requirePrincipal(request), request.params.programmeId),
  );

  app.put(
    '/api/programmes/:programmeId',
    {
      schema: {
        tags: ['programmes'],
        summary: 'Edit a programme in one transaction (its organisations, phases and team are replaced); `version` refuses a stale copy',
        params: programmeParams,
        querystring: versionQuery,
        body: programmeInputSchema,
        response: { 200: programmeSchema, ...errors },
      },
    },
    async (request) => updateProgramme(app.db, requirePrincipal(request), request.params.programmeId, request.body, request.query.version),
  );

  /* Enrolment */
  app.get(
    '/api/programmes/:programmeId/candidates',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'Registry cooperatives with their eligibility, every reason of a refusal, and their enrolments here and in other active programmes (managers)',
        params: programmeParams,
        querystring: candidateQuerySchema,
        response: { 200: candidatePageSchema, ...errors },
      },
    },
    async (request) => searchCandidates(app.db, requirePrincipal(request), request.params.programmeId, request.query),
  );

  app.get(
    '/api/programmes/:programmeId/enrolments',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'Enrolments with their baseline diagnostic and consultant (a representative sees their own cooperative’s only)',
        params: programmeParams,
        querystring: enrolmentListQuerySchema,
        response: { 200: z.array(enrolmentSchema), ...errors },
      },
    },
    async (request) => listEnrolments(app.db, requirePrincipal(request), request.params.programmeId, request.query.status),
  );

  app.post(
    '/api/programmes/:programmeId/enrolments',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'Enrol or add as candidates several cooperatives, all or nothing; an ineligible one needs a written justification (managers)',
        params: programmeParams,
        body: bulkEnrolmentInputSchema,
        response: { 200: bulkEnrolmentResultSchema, ...errors },
      },
    },
    async (request) => enrolCooperatives(app.db, requirePrincipal(request), request.params.programmeId, request.body),
  );

  app.patch(
    '/api/enrolments/:enrolmentId',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'Change an enrolment’s status (withdrawal needs a reason; each status keeps its date) or its consultant (managers)',
        params: z.object({ enrolmentId: z.uuid() }),
        body: enrolmentUpdateSchema,
        response: { 200: enrolmentSchema, ...errors },
      },
    },
    async (request) => updateEnrolment(app.db, requirePrincipal(request), request.params.enrolmentId, request.body),
  );

  app.get(
    '/api/cooperatives/:cooperativeId/programmes',
    {
      schema: {
        tags: ['enrolment'],
        summary: 'Every programme a cooperative has been in, with a flag when several active programmes support it',
        params: z.object({ cooperativeId: z.uuid() }),
        response: { 200: cooperativeProgrammesSchema, ...errors },
      },
    },
    async (request) => getCooperativeProgrammes(app.db, requirePrincipal(request), request.params.cooperativeId),
  );
}
