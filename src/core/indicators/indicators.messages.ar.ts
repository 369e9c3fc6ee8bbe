/** Indicators of the programme: outputs and outcomes, in Arabic. */
export const indicatorsAr = {
  issues: {},
  fields: {},
  indicators: {
    title: 'المؤشرات',
  },
};
