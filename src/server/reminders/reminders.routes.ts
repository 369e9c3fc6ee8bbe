import { z } from 'zod';
import { errorBodySchema } from '../../core/shared/errors.js';
import { outboxMailSchema, outboxPageSchema, outboxQuerySchema, outboxStatusSchema, reminderRunSchema } from '../../core/reminders/outbox.schema.js';
import { requirePrincipal } from '../http/principal.js';
import type { App } from '../http/types.js';
import { enqueueMails } from './reminders.jobs.js';
import { listOutbox, outboxStatus, readOutboxMail, runRemindersNow } from './reminders.service.js';

const errors = { 401: errorBodySchema, 403: errorBodySchema, 404: errorBodySchema, 422: errorBodySchema };
const tags = ['reminders'];

/** Reminders and the outbox of e-mails. */
export async function reminderRoutes(app: App): Promise<void> {
  app.get(
    '/api/outbox/status',
    {
      schema: {
        tags,
        summary: 'Whether e-mails are sent (an SMTP server is configured) or only kept in the outbox, and whether this server runs the background jobs (admins and managers)',
        response: { 200: outboxStatusSchema, ...errors },
      },
    },
    async (request) => outboxStatus(requirePrincipal(request), app.config, Boolean(app.jobs)),
  );

  app.get(
    '/api/outbox',
    {
      schema: {
        tags,
        summary: 'E-mails sent or kept, newest first, filtered by status, kind and recipient (admins: all; managers: those to the people of their programmes)',
        querystring: outboxQuerySchema,
        response: { 200: outboxPageSchema, ...errors },
      },
    },
    async (request) => listOutbox(app.db, requirePrincipal(request), request.query),
  );

  app.get(
    '/api/outbox/:id',
    {
      schema: {
        tags,
        summary: 'One e-mail of the outbox with its text, its HTML and its last sending error',
        params: z.object({ id: z.uuid() }),
        response: { 200: outboxMailSchema, ...errors },
      },
    },
    async (request) => readOutboxMail(app.db, requirePrincipal(request), request.params.id),
  );

  app.post(
    '/api/reminders/run',
    {
      schema: {
        tags,
        summary: 'Write today’s reminders of overdue follow-ups now, one e-mail per consultant (a consultant already reminded today is not reminded again), and send them when SMTP is configured (admins and managers)',
        response: { 200: reminderRunSchema, ...errors },
      },
    },
    async (request) => {
      const { queuedIds, ...run } = await runRemindersNow(app.db, requirePrincipal(request), app.config);
      // Sent by this server's workers; without them the mails wait for the next worker run (they stay `queued`).
      if (app.jobs && queuedIds.length > 0) await enqueueMails(app.jobs, queuedIds);
      return run;
    },
  );
}
