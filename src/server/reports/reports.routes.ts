import type { App } from '../http/types.js';

/** The diagnostic report of one cooperative: the page's data and the PDF in French or Arabic. */
export async function reportRoutes(_app: App): Promise<void> {}
