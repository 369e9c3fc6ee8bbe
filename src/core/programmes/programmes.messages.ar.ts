import type { programmesFr } from './programmes.messages.fr.js';

export const programmesAr: typeof programmesFr = {
  issues: {},
  fields: {},
  programmes: {},
  enrolment: {},
  eligibility: {},
  organisations: {},
};
