/** Follow-ups: schedule from the cadences, records, due and overdue lists, compliance, drift, in Arabic. */
export const followUpAr = {
  issues: {},
  fields: {},
  followUp: {},
};
