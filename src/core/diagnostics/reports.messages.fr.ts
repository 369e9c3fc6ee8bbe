/** Reports: messages in French (the reference: Arabic and English follow its shape). */
export const reportsFr = {
  issues: {},
  fields: {},
  reports: {},
};
