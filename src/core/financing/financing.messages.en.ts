/** Financing: budget lines, commitments, disbursements, balances, in English. */
export const financingEn = {
  issues: {},
  fields: {},
  financing: {
    title: 'Financing',
  },
};
