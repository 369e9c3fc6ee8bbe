import { z } from 'zod';
import { optionalEmail, optionalText } from '../shared/schema-fields.js';
import { isProvinceCode } from '../territories/territories.js';
import { ageGroups, cooperativeStatuses, legalForms, memberRoles, sectorCodes, sexes } from './sectors.js';

/**
 * Schemas of the registry, shared by the server (validation, serialisation,
 * OpenAPI) and the web forms. Custom issues carry a `key` parameter that the
 * client translates; built-in issues are translated from their code.
 */

/** Moroccan numbers: 0612345678, 06 12 34 56 78, +212 6 12 34 56 78, 00212… */
export const phonePattern = /^(?:\+212|00212|0)[\s.-]?[5-8](?:[\s.-]?\d){8}$/;

const phone = z
  .string()
  .trim()
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional()
  .transform((value) => value ?? null)
  .refine((value) => value === null || phonePattern.test(value), { params: { key: 'phone_format' } });

const isoDate = z.iso.date();

const optionalCount = z.number().int().min(0).max(1_000_000).nullable().optional().transform((v) => v ?? null);
const optionalAmount = z.number().min(0).max(1e13).nullable().optional().transform((v) => v ?? null);

export const cooperativeInputSchema = z
  .object({
    registrationNumber: optionalText(40),
    nameFr: optionalText(200),
    nameAr: optionalText(200),
    legalForm: z.enum(legalForms).default('cooperative'),
    creationDate: isoDate.nullable().optional().transform((v) => v ?? null),
    sector: z.enum(sectorCodes),
    valueChain: optionalText(120),
    provinceCode: z.string().refine(isProvinceCode, { params: { key: 'province_unknown' } }),
    commune: optionalText(120),
    address: optionalText(300),
    latitude: z.number().min(20).max(36.5).nullable().optional().transform((v) => v ?? null),
    longitude: z.number().min(-17.5).max(-0.9).nullable().optional().transform((v) => v ?? null),
    membersTotal: optionalCount,
    membersWomen: optionalCount,
    membersYoung: optionalCount,
    capitalMad: optionalAmount,
    presidentName: optionalText(120),
    presidentPhone: phone,
    managerName: optionalText(120),
    managerPhone: phone,
    email: optionalEmail(),
    phone,
    products: z.array(z.string().trim().min(1).max(80)).max(30).default([]),
    turnoverMad: optionalAmount,
    turnoverYear: z.number().int().min(1950).max(2100).nullable().optional().transform((v) => v ?? null),
    status: z.enum(cooperativeStatuses).default('active'),
  })
  .superRefine((value, context) => {
    if (!value.nameFr && !value.nameAr) {
      context.addIssue({ code: 'custom', path: ['nameFr'], params: { key: 'name_required' }, message: 'name_required' });
    }
    if (value.creationDate && value.creationDate > new Date().toISOString().slice(0, 10)) {
      context.addIssue({ code: 'custom', path: ['creationDate'], params: { key: 'date_in_future' }, message: 'date_in_future' });
    }
    for (const field of ['membersWomen', 'membersYoung'] as const) {
      const count = value[field];
      if (count !== null && value.membersTotal !== null && count > value.membersTotal) {
        context.addIssue({ code: 'custom', path: [field], params: { key: 'exceeds_members_total' }, message: 'exceeds_members_total' });
      }
    }
    if ((value.latitude === null) !== (value.longitude === null)) {
      const path = value.latitude === null ? 'latitude' : 'longitude';
      context.addIssue({ code: 'custom', path: [path], params: { key: 'coordinates_pair' }, message: 'coordinates_pair' });
    }
  });

export type CooperativeInput = z.output<typeof cooperativeInputSchema>;

/** Every field a person enters for a cooperative, in the schema's order. */
export const cooperativeInputFields = cooperativeInputSchema.keyof().options;
export type CooperativeInputDraft = z.input<typeof cooperativeInputSchema>;

/** Fields that name or reach a person: never sent to a funder or observer (law 09-08). */
export const cooperativePersonalFields = ['presidentName', 'presidentPhone', 'managerName', 'managerPhone', 'email', 'phone'] as const;

const cooperativeRecordShape = {
  id: z.uuid(),
  registrationNumber: z.string().nullable(),
  nameFr: z.string().nullable(),
  nameAr: z.string().nullable(),
  legalForm: z.enum(legalForms),
  creationDate: z.string().nullable(),
  sector: z.enum(sectorCodes),
  valueChain: z.string().nullable(),
  regionCode: z.string(),
  provinceCode: z.string(),
  commune: z.string().nullable(),
  address: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  membersTotal: z.number().nullable(),
  membersWomen: z.number().nullable(),
  membersYoung: z.number().nullable(),
  capitalMad: z.number().nullable(),
  products: z.array(z.string()),
  turnoverMad: z.number().nullable(),
  turnoverYear: z.number().nullable(),
  status: z.enum(cooperativeStatuses),
  isDemo: z.boolean(),
  archivedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
};

/** What a funder or observer receives: no personal data. */
export const cooperativePublicSchema = z.object(cooperativeRecordShape);

/** What the operator's team and the cooperative itself receive. */
export const cooperativeSchema = z.object({
  ...cooperativeRecordShape,
  presidentName: z.string().nullable().optional(),
  presidentPhone: z.string().nullable().optional(),
  managerName: z.string().nullable().optional(),
  managerPhone: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
});

export type Cooperative = z.infer<typeof cooperativeSchema>;

export const cooperativeSortFields = ['name', 'creationDate', 'membersTotal', 'province', 'updatedAt', 'registrationNumber'] as const;

export const cooperativeListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  regionCode: z.string().max(2).optional(),
  provinceCode: z.string().max(6).optional(),
  sector: z.enum(sectorCodes).optional(),
  creationYear: z.coerce.number().int().min(1900).max(2100).optional(),
  status: z.enum([...cooperativeStatuses, 'archived', 'all']).optional(),
  sort: z.enum(cooperativeSortFields).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
  locale: z.enum(['fr', 'ar', 'en']).optional(),
});

export type CooperativeListQuery = z.infer<typeof cooperativeListQuerySchema>;

export const cooperativeListItemSchema = cooperativePublicSchema.pick({
  id: true,
  registrationNumber: true,
  nameFr: true,
  nameAr: true,
  legalForm: true,
  creationDate: true,
  sector: true,
  valueChain: true,
  regionCode: true,
  provinceCode: true,
  commune: true,
  membersTotal: true,
  membersWomen: true,
  status: true,
  archivedAt: true,
  isDemo: true,
});

export type CooperativeListItem = z.infer<typeof cooperativeListItemSchema>;

export const cooperativeListSchema = z.object({
  items: z.array(cooperativeListItemSchema),
  /** How many match, counted up to 10,000: `totalIsCapped` says there are more. */
  total: z.number(),
  totalIsCapped: z.boolean(),
  page: z.number(),
  pageSize: z.number(),
});

export const memberInputSchema = z.object({
  fullName: z.string().trim().min(2).max(120),
  role: z.enum(memberRoles).default('member'),
  sex: z.enum(sexes).nullable().optional().transform((v) => v ?? null),
  ageGroup: z.enum(ageGroups).nullable().optional().transform((v) => v ?? null),
  phone,
});

export type MemberInput = z.output<typeof memberInputSchema>;

export const memberSchema = z.object({
  id: z.uuid(),
  cooperativeId: z.uuid(),
  fullName: z.string(),
  role: z.enum(memberRoles),
  sex: z.enum(sexes).nullable(),
  ageGroup: z.enum(ageGroups).nullable(),
  phone: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export type Member = z.infer<typeof memberSchema>;

/** A funder's view of the membership: counts only. */
export const membershipSummarySchema = z.object({
  total: z.number(),
  women: z.number(),
  men: z.number(),
  byRole: z.record(z.string(), z.number()),
});
