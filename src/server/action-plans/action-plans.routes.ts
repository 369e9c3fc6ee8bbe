import type { App } from '../http/types.js';

/** Action plans per cooperative: drafting from the validated needs, actions, indicators and measurements, stakeholders, acceptance. */
export async function actionPlanRoutes(app: App): Promise<void> {
  void app;
}
