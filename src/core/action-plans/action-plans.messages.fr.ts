/** Action plans: drafting, actions, indicators, acceptance, timeline, in French. */
export const actionPlansFr = {
  issues: {},
  fields: {},
  actionPlans: {
    listTitle: 'Plans d’action',
  },
};
