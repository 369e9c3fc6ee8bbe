import type { Case } from './support.js';

/** Diagnostic frameworks. */
export const frameworksCases: Case[] = [];
