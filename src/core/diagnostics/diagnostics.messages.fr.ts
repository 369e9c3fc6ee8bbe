/** Diagnostics: messages in French (the reference: Arabic and English follow its shape). */
export const diagnosticsFr = {
  issues: {},
  fields: {},
  diagnostics: {},
};
