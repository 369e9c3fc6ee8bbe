import type { Case } from './support.js';

export const actionPlanDocumentCases: Case[] = [];
