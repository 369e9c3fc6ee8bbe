import type { needsFr } from './needs.messages.fr.js';

export const needsAr: typeof needsFr = {
  issues: {},
  fields: {},
  needs: {},
};
