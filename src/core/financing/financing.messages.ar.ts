/** Financing: budget lines, commitments, disbursements, balances, in Arabic. */
export const financingAr = {
  issues: {},
  fields: {},
  financing: {
    title: 'التمويل',
  },
};
