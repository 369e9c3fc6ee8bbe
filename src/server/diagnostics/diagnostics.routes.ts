import type { App } from '../http/types.js';

/** Diagnostics: filling, comments, submission, validation. */
export async function diagnosticRoutes(_app: App): Promise<void> {}
