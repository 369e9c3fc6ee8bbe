/** Reminders by e-mail and the outbox, in French. */
export const remindersFr = {
  issues: {},
  fields: {},
  reminders: {},
};
