import type { Case } from './support.js';

/** Programmes, organisations, eligibility and enrolment. */
export const programmesCases: Case[] = [];
