import type { Case } from './support.js';

/** Diagnostic reports and PDFs. */
export const reportsCases: Case[] = [];
