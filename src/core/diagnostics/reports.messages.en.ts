import type { reportsFr } from './reports.messages.fr.js';

export const reportsEn: typeof reportsFr = {
  issues: {},
  fields: {},
  reports: {},
};
