/** Action plans: drafting, actions, indicators, acceptance, timeline, in Arabic. */
export const actionPlansAr = {
  issues: {},
  fields: {},
  actionPlans: {
    listTitle: 'خطط العمل',
  },
};
