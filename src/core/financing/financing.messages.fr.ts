/** Financing: budget lines, commitments, disbursements, balances, in French. */
export const financingFr = {
  issues: {},
  fields: {},
  financing: {
    title: 'Financement',
  },
};
