/** The action plan handed to the cooperative (PDF and DOCX), in English. */
export const actionPlanDocumentEn = {
  issues: {},
  fields: {},
  actionPlanDocument: {},
};
