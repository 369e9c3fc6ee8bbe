import type { frameworksFr } from './frameworks.messages.fr.js';

export const frameworksAr: typeof frameworksFr = {
  issues: {},
  fields: {},
  frameworks: {},
};
