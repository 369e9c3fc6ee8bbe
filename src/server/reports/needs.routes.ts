import type { App } from '../http/types.js';

/** Needs of a programme: the heat map of cooperatives by domain, the ranked constraints, baseline against endline. */
export async function needsRoutes(_app: App): Promise<void> {}
