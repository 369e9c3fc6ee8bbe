import type { diagnosticsFr } from './diagnostics.messages.fr.js';

export const diagnosticsAr: typeof diagnosticsFr = {
  issues: {},
  fields: {},
  diagnostics: {},
};
