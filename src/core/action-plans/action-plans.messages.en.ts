/** Action plans: drafting, actions, indicators, acceptance, timeline, in English. */
export const actionPlansEn = {
  issues: {},
  fields: {},
  actionPlans: {
    listTitle: 'Action plans',
  },
};
