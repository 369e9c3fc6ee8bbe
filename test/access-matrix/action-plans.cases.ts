import type { Case } from './support.js';

export const actionPlansCases: Case[] = [];
