/** Needs of a programme: messages in French (the reference: Arabic and English follow its shape). */
export const needsFr = {
  issues: {},
  fields: {},
  needs: {},
};
