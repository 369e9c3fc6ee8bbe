/** The action plan handed to the cooperative (PDF and DOCX), in Arabic. */
export const actionPlanDocumentAr = {
  issues: {},
  fields: {},
  actionPlanDocument: {},
};
