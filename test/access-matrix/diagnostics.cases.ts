import type { Case } from './support.js';

/** Diagnostics: filling, comments, workflow. */
export const diagnosticsCases: Case[] = [];
