import type { App } from '../http/types.js';

/** Diagnostic frameworks: list, read, copy, edit (a frozen version makes a new one). */
export async function frameworkRoutes(_app: App): Promise<void> {}
