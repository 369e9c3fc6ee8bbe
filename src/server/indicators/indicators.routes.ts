import type { App } from '../http/types.js';

/** Indicators of a programme: outputs and outcomes, by province, sector and sex; outcome figures entered per cooperative. */
export async function indicatorRoutes(app: App): Promise<void> {
  void app;
}
