import { z } from 'zod';
import { legalForms, sectorCodes } from '../registry/sectors.js';

/**
 * The parts of a programme's set-up that later capabilities read: its
 * eligibility rules, its cadences, its phases, its team roles and the kinds
 * of organisations in the directory. Stored as JSON on the programme row
 * (eligibility, cadences) or in their own tables (phases, team).
 */

export const organisationKinds = [
  'operator',
  'funder',
  'public_agency',
  'cooperatives_office',
  'chamber',
  'bank',
  'microfinance',
  'local_authority',
  'buyer',
  'consultancy',
  'association',
  'company',
  'other',
] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

export const phaseKinds = ['diagnostic', 'training', 'accompaniment', 'follow_up', 'closing'] as const;
export type PhaseKindCode = (typeof phaseKinds)[number];

/** A person's role in one programme's team (not an access role: access comes from role grants). */
export const teamRoles = ['project_lead', 'coordinator', 'consultant', 'trainer', 'coach', 'observer'] as const;
export type TeamRole = (typeof teamRoles)[number];

/**
 * Eligibility rules; every rule left out (null or empty list) does not apply.
 * A cooperative must pass every rule that applies.
 */
export const eligibilityRulesSchema = z.object({
  /** Maximum age of the cooperative at enrolment, in months (24 in one seed, 48 in other rounds). */
  maxAgeMonths: z.number().int().min(1).max(1200).nullable().default(null),
  /** Whether the cooperative must be in the programme's territory (its regions and provinces). */
  withinTerritory: z.boolean().default(true),
  /** Sectors accepted; empty means any. */
  sectors: z.array(z.enum(sectorCodes)).default([]),
  /** Legal forms accepted; empty means any. */
  legalForms: z.array(z.enum(legalForms)).default([]),
  minMembers: z.number().int().min(0).max(100_000).nullable().default(null),
  /** Women's cooperatives: at least this share of women among members, in percent (null: no rule). */
  minWomenSharePercent: z.number().min(0).max(100).nullable().default(null),
  /** Youth cooperatives: at least this share of members under 35, in percent (null: no rule). */
  minYoungSharePercent: z.number().min(0).max(100).nullable().default(null),
  /** With both share rules set: `all` asks for both, `any` for either ("women's or youth cooperatives"). */
  sharesCombine: z.enum(['all', 'any']).default('all'),
  /** Refuse a cooperative already enrolled in another active programme. */
  excludeIfInActiveProgramme: z.boolean().default(false),
});
export type EligibilityRules = z.output<typeof eligibilityRulesSchema>;

/**
 * How often the accompaniment happens; the training, sessions and follow-up
 * capabilities generate their calendars from these.
 */
export const cadencesSchema = z.object({
  /** Practical workshops: `perMonth` per month, for `durationMonths`, starting after the phase named. */
  workshops: z
    .object({ perMonth: z.number().min(0.25).max(8), durationMonths: z.number().int().min(1).max(120), startsAfterPhase: z.enum(phaseKinds).default('training') })
    .nullable()
    .default(null),
  /** Remote follow-up: `perMonth` per month (2 = "bimensuel", twice a month). */
  remoteFollowUp: z.object({ perMonth: z.number().min(0.25).max(8) }).nullable().default(null),
  /** Individual coaching: `sessions` spread over `overMonths` months. */
  coaching: z.object({ sessions: z.number().int().min(1).max(200), overMonths: z.number().int().min(1).max(120) }).nullable().default(null),
});
export type Cadences = z.output<typeof cadencesSchema>;
