import type { Case } from './support.js';

export const remindersCases: Case[] = [];
