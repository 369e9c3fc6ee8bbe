import { z } from 'zod';

/** The outbox of e-mails and the reminder run: shapes shared by the server and the web. */

export const mailStatuses = ['queued', 'sent', 'failed', 'kept'] as const;
export type MailStatus = (typeof mailStatuses)[number];

/** Kinds of e-mail the platform writes (the outbox filters on them). */
export const mailKinds = ['follow_up_reminder'] as const;
export type MailKind = (typeof mailKinds)[number];

export const outboxQuerySchema = z.object({
  status: z.enum(mailStatuses).optional(),
  kind: z.string().trim().min(1).max(60).optional(),
  /** Part of the recipient's address or name. */
  q: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});
export type OutboxQuery = z.infer<typeof outboxQuerySchema>;

export const outboxItemSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  toAddress: z.string(),
  toName: z.string().nullable(),
  locale: z.string(),
  subject: z.string(),
  status: z.enum(mailStatuses),
  attempts: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type OutboxItem = z.infer<typeof outboxItemSchema>;

export const outboxPageSchema = z.object({ items: z.array(outboxItemSchema), total: z.number().int() });
export type OutboxPage = z.infer<typeof outboxPageSchema>;

export const outboxMailSchema = outboxItemSchema.extend({
  textBody: z.string(),
  htmlBody: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type OutboxMail = z.infer<typeof outboxMailSchema>;

export const outboxStatusSchema = z.object({
  /** An SMTP server is configured: e-mails are sent; otherwise they are kept in the outbox. */
  smtpConfigured: z.boolean(),
  /** The sender's address, when e-mails are sent. */
  from: z.string().nullable(),
  /** This server runs the background jobs (daily reminders at 7:00, sending). */
  workersRunning: z.boolean(),
});
export type OutboxStatus = z.infer<typeof outboxStatusSchema>;

export const reminderRunSchema = z.object({
  /** Today in Morocco: the day whose reminders were written. */
  today: z.string(),
  /** E-mails written now (a consultant already reminded today is not reminded again). */
  queued: z.number().int(),
  /** Overdue follow-ups found, of every consultant. */
  overdue: z.number().int(),
});
export type ReminderRun = z.infer<typeof reminderRunSchema>;
