import type { App } from '../http/types.js';

/** Follow-ups: the schedule from the cadences, recording and confirming, due and overdue lists, compliance, deadline drift. */
export async function followUpRoutes(app: App): Promise<void> {
  void app;
}
