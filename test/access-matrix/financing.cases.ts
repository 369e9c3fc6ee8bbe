import type { Case } from './support.js';

export const financingCases: Case[] = [];
