/** Follow-ups: schedule from the cadences, records, due and overdue lists, compliance, drift, in English. */
export const followUpEn = {
  issues: {},
  fields: {},
  followUp: {},
};
