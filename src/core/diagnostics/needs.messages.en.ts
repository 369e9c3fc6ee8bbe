import type { needsFr } from './needs.messages.fr.js';

export const needsEn: typeof needsFr = {
  issues: {},
  fields: {},
  needs: {},
};
