/** Indicators of the programme: outputs and outcomes, in French. */
export const indicatorsFr = {
  issues: {},
  fields: {},
  indicators: {
    title: 'Indicateurs',
  },
};
