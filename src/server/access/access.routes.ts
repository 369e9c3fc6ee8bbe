import { z } from 'zod';
import {
  grantCreateSchema,
  passwordResetSchema,
  preferencesSchema,
  sessionInfoSchema,
  signInSchema,
  userCreateSchema,
  userSchema,
  userUpdateSchema,
} from '../../core/access/user.schema.js';
import { errorBodySchema } from '../../core/shared/errors.js';
import { AppError } from '../http/errors.js';
import { requirePrincipal } from '../http/principal.js';
import type { App } from '../http/types.js';
import { resolveSession, sessionCookieName, sessionLifetimeMs, signIn, signOut, toPrincipal } from './session.service.js';
import { findUserById } from './user.repository.js';
import {
  addGrant,
  createUser,
  getUser,
  getUsers,
  presentUser,
  removeGrant,
  resetPassword,
  setOwnLocale,
  updateUser,
} from './user.service.js';

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 409: errorBodySchema, 422: errorBodySchema };
const userIdParams = z.object({ userId: z.uuid() });

export async function accessRoutes(app: App) {
  app.post(
    '/api/auth/sign-in',
    {
      config: {
        // Per address and account, counted after the body is read: a shared office address does not lock out colleagues.
        rateLimit: {
          max: app.config.signInRateLimit,
          timeWindow: 60_000,
          hook: 'preHandler',
          keyGenerator: (request) => `${request.ip}|${String((request.body as { email?: unknown } | undefined)?.email ?? '').toLowerCase()}`,
        },
      },
      schema: { tags: ['access'], summary: 'Sign in with e-mail and password', body: signInSchema, response: { 200: sessionInfoSchema, ...errors, 429: errorBodySchema } },
    },
    async (request, reply) => {
      const { token, user } = await signIn(app.db, request.body.email, request.body.password);
      reply.setCookie(sessionCookieName, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: app.config.secureCookies,
        path: '/',
        maxAge: sessionLifetimeMs / 1000,
      });
      return { user: presentUser(user), csrfToken: reply.generateCsrf() };
    },
  );

  app.post('/api/auth/sign-out', { schema: { tags: ['access'], summary: 'End the session', response: { 204: z.null(), ...errors } } }, async (request, reply) => {
    const token = request.cookies[sessionCookieName];
    if (token) await signOut(app.db, token);
    reply.clearCookie(sessionCookieName, { path: '/' });
    return reply.status(204).send(null);
  });

  app.get('/api/auth/session', { schema: { tags: ['access'], summary: 'The signed-in person, their roles and a CSRF token', response: { 200: sessionInfoSchema, ...errors } } }, async (request, reply) => {
    const principal = requirePrincipal(request);
    const user = await findUserById(app.db, principal.userId);
    if (!user) throw new AppError('unauthenticated');
    return { user: presentUser(user), csrfToken: reply.generateCsrf() };
  });

  app.put('/api/auth/preferences', { schema: { tags: ['access'], summary: 'Keep the signed-in person’s language', body: preferencesSchema, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
    await setOwnLocale(app.db, requirePrincipal(request), request.body.locale);
    return reply.status(204).send(null);
  });

  app.get('/api/users', { schema: { tags: ['users'], summary: 'Every account (admin)', response: { 200: z.array(userSchema), ...errors } } }, async (request) =>
    getUsers(app.db, requirePrincipal(request)),
  );

  app.post('/api/users', { schema: { tags: ['users'], summary: 'Create an account (admin)', body: userCreateSchema, response: { 201: userSchema, ...errors } } }, async (request, reply) => {
    const user = await createUser(app.db, requirePrincipal(request), request.body);
    return reply.status(201).send(user);
  });

  app.get('/api/users/:userId', { schema: { tags: ['users'], summary: 'One account (admin)', params: userIdParams, response: { 200: userSchema, ...errors } } }, async (request) =>
    getUser(app.db, requirePrincipal(request), request.params.userId),
  );

  app.patch('/api/users/:userId', { schema: { tags: ['users'], summary: 'Rename, change language, activate or deactivate (admin)', params: userIdParams, body: userUpdateSchema, response: { 200: userSchema, ...errors } } }, async (request) =>
    updateUser(app.db, requirePrincipal(request), request.params.userId, request.body),
  );

  app.post('/api/users/:userId/password', { schema: { tags: ['users'], summary: 'Reset a password and end that person’s sessions (admin)', params: userIdParams, body: passwordResetSchema, response: { 204: z.null(), ...errors } } }, async (request, reply) => {
    await resetPassword(app.db, requirePrincipal(request), request.params.userId, request.body.password);
    return reply.status(204).send(null);
  });

  app.post('/api/users/:userId/grants', { schema: { tags: ['users'], summary: 'Grant a role, globally, in a programme or for a cooperative (admin)', params: userIdParams, body: grantCreateSchema, response: { 201: userSchema, ...errors } } }, async (request, reply) => {
    const user = await addGrant(app.db, requirePrincipal(request), request.params.userId, request.body);
    return reply.status(201).send(user);
  });

  app.delete('/api/users/:userId/grants/:grantId', { schema: { tags: ['users'], summary: 'Revoke a role (admin)', params: userIdParams.extend({ grantId: z.uuid() }), response: { 200: userSchema, ...errors } } }, async (request) =>
    removeGrant(app.db, requirePrincipal(request), request.params.userId, request.params.grantId),
  );
}

/** Reads the session cookie into `request.principal`; routes decide what a missing one means. */
export async function authenticate(app: App) {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    const token = request.cookies[sessionCookieName];
    if (!token) return;
    const user = await resolveSession(app.db, token);
    if (user) request.principal = toPrincipal(user);
  });
}
