import type { frameworksFr } from './frameworks.messages.fr.js';

export const frameworksEn: typeof frameworksFr = {
  issues: {},
  fields: {},
  frameworks: {},
};
