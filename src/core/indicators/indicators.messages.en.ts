/** Indicators of the programme: outputs and outcomes, in English. */
export const indicatorsEn = {
  issues: {},
  fields: {},
  indicators: {
    title: 'Indicators',
  },
};
