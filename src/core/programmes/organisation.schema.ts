import { z } from 'zod';
import { optionalEmail, optionalText } from '../shared/schema-fields.js';
import { getRegion } from '../territories/territories.js';
import { organisationKinds } from './programme-settings.schema.js';

/** The directory of organisations: operators, funders, partners, banks, buyers… */

export const organisationInputSchema = z.object({
  nameFr: z.string().trim().min(2).max(200),
  nameAr: optionalText(200),
  nameEn: optionalText(200),
  acronym: optionalText(30),
  kind: z.enum(organisationKinds),
  email: optionalEmail(),
  phone: optionalText(40),
  website: optionalText(200),
  regionCode: z
    .string()
    .refine((code) => getRegion(code) !== undefined, { params: { key: 'region_unknown' } })
    .nullable()
    .optional()
    .or(z.literal('').transform(() => null))
    .transform((v) => v ?? null),
  notes: optionalText(2000),
});
export type OrganisationInput = z.output<typeof organisationInputSchema>;
export type OrganisationDraft = z.input<typeof organisationInputSchema>;

export const organisationSchema = z.object({
  id: z.uuid(),
  nameFr: z.string(),
  nameAr: z.string().nullable(),
  nameEn: z.string().nullable(),
  acronym: z.string().nullable(),
  kind: z.enum(organisationKinds),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  website: z.string().nullable(),
  regionCode: z.string().nullable(),
  notes: z.string().nullable(),
  isDemo: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
  /** How many programmes name it (operator, funder or partner). */
  programmeCount: z.number(),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const organisationListQuerySchema = z.object({
  q: z.string().trim().max(100).optional(),
  kind: z.enum(organisationKinds).optional(),
});
export type OrganisationListQuery = z.infer<typeof organisationListQuerySchema>;

export function organisationName(organisation: { nameFr: string; nameAr: string | null; nameEn: string | null }, locale: string): string {
  if (locale === 'ar') return organisation.nameAr ?? organisation.nameFr;
  if (locale === 'en') return organisation.nameEn ?? organisation.nameFr;
  return organisation.nameFr;
}
