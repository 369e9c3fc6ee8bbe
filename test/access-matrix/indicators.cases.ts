import type { Case } from './support.js';

export const indicatorsCases: Case[] = [];
