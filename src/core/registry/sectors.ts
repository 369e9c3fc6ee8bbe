/**
 * Sectors of activity as the cooperatives office groups them. The value chain
 * (filière: honey, saffron, dates, argan oil…) stays free text beside it.
 */
export const sectorCodes = [
  'agriculture',
  'livestock',
  'fisheries',
  'handicrafts',
  'argan',
  'aromatic_medicinal_plants',
  'agrifood',
  'forestry',
  'housing',
  'services',
  'transport',
  'consumption',
  'tourism',
  'other',
] as const;

export type SectorCode = (typeof sectorCodes)[number];

export const legalForms = ['cooperative', 'union'] as const;
export type LegalForm = (typeof legalForms)[number];

export const cooperativeStatuses = ['active', 'inactive', 'dissolved'] as const;
export type CooperativeStatus = (typeof cooperativeStatuses)[number];

export const memberRoles = ['president', 'vice_president', 'treasurer', 'secretary', 'manager', 'member', 'other'] as const;
export const sexes = ['female', 'male'] as const;
export const ageGroups = ['under_35', '35_to_54', '55_and_over'] as const;
