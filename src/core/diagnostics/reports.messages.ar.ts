import type { reportsFr } from './reports.messages.fr.js';

export const reportsAr: typeof reportsFr = {
  issues: {},
  fields: {},
  reports: {},
};
