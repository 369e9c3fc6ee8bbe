import type { App } from '../http/types.js';

/** Financing: budget lines, commitments, disbursements and their documents, balances. */
export async function financingRoutes(app: App): Promise<void> {
  void app;
}
