import type { App } from '../http/types.js';

/** The action plan handed to the cooperative, as PDF and DOCX, in French, Arabic or English. */
export async function actionPlanDocumentRoutes(app: App): Promise<void> {
  void app;
}
