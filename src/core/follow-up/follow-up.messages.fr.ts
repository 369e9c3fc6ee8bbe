/** Follow-ups: schedule from the cadences, records, due and overdue lists, compliance, drift, in French. */
export const followUpFr = {
  issues: {},
  fields: {},
  followUp: {},
};
