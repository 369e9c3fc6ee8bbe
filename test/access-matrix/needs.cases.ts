import type { Case } from './support.js';

/** Programme needs: heat map, constraints, baseline against endline. */
export const needsCases: Case[] = [];
