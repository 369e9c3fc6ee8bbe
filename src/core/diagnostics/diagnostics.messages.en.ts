import type { diagnosticsFr } from './diagnostics.messages.fr.js';

export const diagnosticsEn: typeof diagnosticsFr = {
  issues: {},
  fields: {},
  diagnostics: {},
};
