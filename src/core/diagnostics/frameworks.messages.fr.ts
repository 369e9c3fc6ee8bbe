/** Frameworks: messages in French (the reference: Arabic and English follow its shape). */
export const frameworksFr = {
  issues: {},
  fields: {},
  frameworks: {},
};
