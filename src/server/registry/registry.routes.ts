import type { App } from '../http/types.js';
import { cooperativeRoutes } from './cooperative.routes.js';
import { spreadsheetRoutes } from './import.routes.js';

/** Everything under the registry: cooperatives, members, imports and exports. */
export async function registryRoutes(app: App) {
  await cooperativeRoutes(app);
  await spreadsheetRoutes(app);
}
