import type { App } from '../http/types.js';

/** Reminders and the outbox of e-mails. */
export async function reminderRoutes(app: App): Promise<void> {
  void app;
}
