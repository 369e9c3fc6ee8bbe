/** The action plan handed to the cooperative (PDF and DOCX), in French. */
export const actionPlanDocumentFr = {
  issues: {},
  fields: {},
  actionPlanDocument: {},
};
