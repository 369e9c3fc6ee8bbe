import type { programmesFr } from './programmes.messages.fr.js';

export const programmesEn: typeof programmesFr = {
  issues: {},
  fields: {},
  programmes: {},
  enrolment: {},
  eligibility: {},
  organisations: {},
};
