import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessRoutes, authenticate } from './access/access.routes.js';
import { sessionCookieName } from './access/session.service.js';
import { auditRoutes } from './audit/audit.routes.js';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { AppError } from './http/errors.js';
import { handleError } from './http/error-handler.js';
import type { App } from './http/types.js';
import { diagnosticRoutes } from './diagnostics/diagnostics.routes.js';
import { frameworkRoutes } from './diagnostics/frameworks.routes.js';
import { programmeRoutes } from './programmes/programmes.routes.js';
import { needsRoutes } from './reports/needs.routes.js';
import { reportRoutes } from './reports/reports.routes.js';
import { registryRoutes } from './registry/registry.routes.js';
import { sessionRoutes } from './sessions/sessions.routes.js';
import { territoryRoutes } from './territories/territory.routes.js';
import { catalogueRoutes } from './training/catalogue.routes.js';
import { planRoutes } from './training/plan.routes.js';
import { planEditRoutes } from './training/plan-edit.routes.js';
import { guideRoutes } from './training/guide.routes.js';
import { trainerRoutes } from './training/trainers.routes.js';
import { actionPlanRoutes } from './action-plans/action-plans.routes.js';
import { actionPlanDocumentRoutes } from './action-plans/document.routes.js';
import { followUpRoutes } from './follow-up/follow-up.routes.js';
import { reminderRoutes } from './reminders/reminders.routes.js';
import { financingRoutes } from './financing/financing.routes.js';
import { indicatorRoutes } from './indicators/indicators.routes.js';
import { appVersion } from './version.js';

export interface AppOptions {
  database: DatabaseHandle;
  config: Config;
  logger?: FastifyServerOptions['logger'];
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function buildApp({ database, config, logger }: AppOptions): Promise<App> {
  const app = Fastify({
    logger: logger ?? { level: config.logLevel },
    bodyLimit: 2 * 1024 * 1024,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.decorate('db', database.db);
  app.decorate('database', database);
  app.decorate('config', config);

  // External plugins.
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: config.secureCookies,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, {
    cookieOpts: { httpOnly: true, sameSite: 'strict', path: '/', secure: config.secureCookies },
    getToken: (request) => request.headers['x-csrf-token'] as string | undefined,
  });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('rate_limited'),
  });
  await app.register(fastifyMultipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Taawon API', description: 'Support programmes for cooperatives: registry, programmes and enrolment, diagnostics and their reports, access, audit.', version: appVersion },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: sessionCookieName } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // Application: who is asking, and CSRF on every cookie-authenticated write.
  await authenticate(app);
  app.addHook('onRequest', (request, reply, done) => {
    if (unsafeMethods.has(request.method) && request.cookies[sessionCookieName] && request.url !== '/api/auth/sign-in') {
      return app.csrfProtection(request, reply, done);
    }
    done();
  });

  // Routes.
  app.get(
    '/api/health',
    { schema: { tags: ['system'], summary: 'Version and kind of database', response: { 200: z.object({ status: z.literal('ok'), version: z.string(), database: z.enum(['pglite', 'postgresql']) }) } } },
    async () => ({ status: 'ok' as const, version: appVersion, database: database.kind }),
  );
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await accessRoutes(app);
  await auditRoutes(app);
  await territoryRoutes(app);
  await registryRoutes(app);
  await programmeRoutes(app);
  await frameworkRoutes(app);
  await diagnosticRoutes(app);
  await reportRoutes(app);
  await needsRoutes(app);
  await catalogueRoutes(app);
  await planRoutes(app);
  await planEditRoutes(app);
  await guideRoutes(app);
  await trainerRoutes(app);
  await sessionRoutes(app);
  await actionPlanRoutes(app);
  await actionPlanDocumentRoutes(app);
  await followUpRoutes(app);
  await reminderRoutes(app);
  await financingRoutes(app);
  await indicatorRoutes(app);

  // The web app, with its client-side routes answered by index.html.
  const indexFile = join(config.webDir, 'index.html');
  if (existsSync(indexFile)) {
    await app.register(fastifyStatic, { root: config.webDir, wildcard: false, index: false });
    app.get('/*', { schema: { hide: true } }, async (request, reply) => {
      if (request.url.startsWith('/api/')) throw new AppError('not_found');
      const path = request.url.split('?')[0] ?? '/';
      if (path !== '/' && existsSync(join(config.webDir, path)) && !path.includes('..')) return reply.sendFile(path.slice(1));
      // Read at each request: a rebuilt web app is served without restarting the server.
      return reply.type('text/html').header('cache-control', 'no-cache').send(await readFile(indexFile, 'utf8'));
    });
  }
  app.setNotFoundHandler((_request, _reply) => {
    throw new AppError('not_found');
  });
  return app;
}
