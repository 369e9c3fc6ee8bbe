import type { Cooperative, CooperativeInputDraft } from '../../core/registry/cooperative.schema.js';

/** What the form holds: text as typed, numbers or '' while empty, codes or null. */
export interface CooperativeDraft {
  registrationNumber: string;
  nameFr: string;
  nameAr: string;
  legalForm: string;
  creationDate: string | null;
  sector: string | null;
  valueChain: string;
  provinceCode: string | null;
  commune: string;
  address: string;
  latitude: number | '';
  longitude: number | '';
  membersTotal: number | '';
  membersWomen: number | '';
  membersYoung: number | '';
  capitalMad: number | '';
  presidentName: string;
  presidentPhone: string;
  managerName: string;
  managerPhone: string;
  email: string;
  phone: string;
  products: string[];
  turnoverMad: number | '';
  turnoverYear: number | '';
  status: string;
}

export const emptyDraft: CooperativeDraft = {
  registrationNumber: '',
  nameFr: '',
  nameAr: '',
  legalForm: 'cooperative',
  creationDate: null,
  sector: null,
  valueChain: '',
  provinceCode: null,
  commune: '',
  address: '',
  latitude: '',
  longitude: '',
  membersTotal: '',
  membersWomen: '',
  membersYoung: '',
  capitalMad: '',
  presidentName: '',
  presidentPhone: '',
  managerName: '',
  managerPhone: '',
  email: '',
  phone: '',
  products: [],
  turnoverMad: '',
  turnoverYear: '',
  status: 'active',
};

const text = (value: string | null | undefined) => value ?? '';
const number = (value: number | null | undefined): number | '' => (value === null || value === undefined ? '' : value);

export function draftFromCooperative(cooperative: Cooperative): CooperativeDraft {
  return {
    registrationNumber: text(cooperative.registrationNumber),
    nameFr: text(cooperative.nameFr),
    nameAr: text(cooperative.nameAr),
    legalForm: cooperative.legalForm,
    creationDate: cooperative.creationDate,
    sector: cooperative.sector,
    valueChain: text(cooperative.valueChain),
    provinceCode: cooperative.provinceCode,
    commune: text(cooperative.commune),
    address: text(cooperative.address),
    latitude: number(cooperative.latitude),
    longitude: number(cooperative.longitude),
    membersTotal: number(cooperative.membersTotal),
    membersWomen: number(cooperative.membersWomen),
    membersYoung: number(cooperative.membersYoung),
    capitalMad: number(cooperative.capitalMad),
    presidentName: text(cooperative.presidentName),
    presidentPhone: text(cooperative.presidentPhone),
    managerName: text(cooperative.managerName),
    managerPhone: text(cooperative.managerPhone),
    email: text(cooperative.email),
    phone: text(cooperative.phone),
    products: cooperative.products,
    turnoverMad: number(cooperative.turnoverMad),
    turnoverYear: number(cooperative.turnoverYear),
    status: cooperative.status,
  };
}

const numberFields = [
  'latitude',
  'longitude',
  'membersTotal',
  'membersWomen',
  'membersYoung',
  'capitalMad',
  'turnoverMad',
  'turnoverYear',
] as const satisfies ReadonlyArray<keyof CooperativeDraft>;

/** The draft as the shared schema reads it: empty numbers become null, an empty choice stays missing. */
export function inputFromDraft(draft: CooperativeDraft): CooperativeInputDraft {
  const input: Record<string, unknown> = { ...draft };
  for (const field of numberFields) input[field] = draft[field] === '' ? null : draft[field];
  if (draft.sector === null) delete input.sector;
  if (draft.provinceCode === null) delete input.provinceCode;
  return input as CooperativeInputDraft;
}

export function isDraftFieldEmpty(draft: CooperativeDraft, field: string): boolean {
  const value = draft[field as keyof CooperativeDraft];
  return value === null || value === '' || (Array.isArray(value) && value.length === 0);
}
