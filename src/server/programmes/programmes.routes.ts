import type { App } from '../http/types.js';

/** Programmes, the directory of organisations, eligibility and enrolment. */
export async function programmeRoutes(_app: App): Promise<void> {}
