/** Programmes: messages in French (the reference: Arabic and English follow its shape). */
export const programmesFr = {
  issues: {},
  fields: {},
  programmes: {},
  enrolment: {},
  eligibility: {},
  organisations: {},
};
