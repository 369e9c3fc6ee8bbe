import type { Case } from './support.js';

export const followUpCases: Case[] = [];
