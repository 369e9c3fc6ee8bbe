/** Reminders by e-mail and the outbox, in English. */
export const remindersEn = {
  issues: {},
  fields: {},
  reminders: {},
};
