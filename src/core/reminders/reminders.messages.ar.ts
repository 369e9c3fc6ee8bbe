/** Reminders by e-mail and the outbox, in Arabic. */
export const remindersAr = {
  issues: {},
  fields: {},
  reminders: {},
};
