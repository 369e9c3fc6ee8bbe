import { z } from 'zod';
import { optionalText } from '../shared/schema-fields.js';
import { getProvince, getRegion } from '../territories/territories.js';
import { organisationKinds, cadencesSchema, eligibilityRulesSchema, phaseKinds, teamRoles } from './programme-settings.schema.js';

/**
 * A programme as it is set up and read: identity, organisations, territory,
 * calendar and phases, target and budget, cadences, eligibility rules, team
 * and diagnostic framework. One schema validates the server's writes and the
 * web form.
 */

export const programmeStatuses = ['draft', 'active', 'closed'] as const;
export type ProgrammeStatus = (typeof programmeStatuses)[number];

const isoDate = z.iso.date();

export const programmePhaseInputSchema = z.object({
  kind: z.enum(phaseKinds),
  label: optionalText(120),
  startsOn: isoDate,
  endsOn: isoDate,
});
export type ProgrammePhaseInput = z.output<typeof programmePhaseInputSchema>;

export const programmeOrganisationRoles = ['funder', 'partner'] as const;

export const programmeOrganisationInputSchema = z.object({
  organisationId: z.uuid(),
  role: z.enum(programmeOrganisationRoles),
  contributionMad: z.number().min(0).max(1e13).nullable().optional().transform((v) => v ?? null),
});

export const teamMemberInputSchema = z.object({
  userId: z.uuid(),
  teamRole: z.enum(teamRoles),
});

export const programmeInputSchema = z
  .object({
    code: z
      .string()
      .trim()
      .min(2)
      .max(40)
      .refine((code) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(code), { params: { key: 'programme_code_format' } }),
    nameFr: z.string().trim().min(2).max(200),
    nameAr: optionalText(200),
    nameEn: optionalText(200),
    descriptionFr: optionalText(5000),
    descriptionAr: optionalText(5000),
    descriptionEn: optionalText(5000),
    operatorId: z.uuid().nullable().optional().transform((v) => v ?? null),
    status: z.enum(programmeStatuses).default('draft'),
    startDate: isoDate.nullable().optional().transform((v) => v ?? null),
    durationMonths: z.number().int().min(1).max(240).nullable().optional().transform((v) => v ?? null),
    targetCooperatives: z.number().int().min(0).max(1_000_000).nullable().optional().transform((v) => v ?? null),
    budgetMad: z.number().min(0).max(1e13).nullable().optional().transform((v) => v ?? null),
    regionCodes: z.array(z.string().refine((code) => getRegion(code) !== undefined, { params: { key: 'region_unknown' } })).max(12).default([]),
    provinceCodes: z.array(z.string().refine((code) => getProvince(code) !== undefined, { params: { key: 'province_unknown' } })).max(75).default([]),
    cadences: cadencesSchema.default({ workshops: null, remoteFollowUp: null, coaching: null }),
    eligibility: eligibilityRulesSchema.default(eligibilityRulesSchema.parse({})),
    /** The diagnostic framework version new diagnostics use; null: the default framework. */
    frameworkId: z.uuid().nullable().optional().transform((v) => v ?? null),
    organisations: z.array(programmeOrganisationInputSchema).max(50).default([]),
    phases: z.array(programmePhaseInputSchema).max(30).default([]),
    team: z.array(teamMemberInputSchema).max(200).default([]),
  })
  .superRefine((value, context) => {
    const issue = (path: Array<string | number>, key: string, params: Record<string, unknown> = {}) =>
      context.addIssue({ code: 'custom', path, params: { key, ...params }, message: key });
    if (value.regionCodes.length > 0) {
      value.provinceCodes.forEach((code, index) => {
        const province = getProvince(code);
        if (province && !value.regionCodes.includes(province.regionCode)) issue(['provinceCodes', index], 'province_outside_regions');
      });
    }
    value.phases.forEach((phase, index) => {
      if (phase.endsOn < phase.startsOn) issue(['phases', index, 'endsOn'], 'phase_ends_before_start');
      if (value.startDate && phase.startsOn < value.startDate) issue(['phases', index, 'startsOn'], 'phase_before_programme');
    });
    const seenOrganisations = new Set<string>();
    value.organisations.forEach((organisation, index) => {
      const key = `${organisation.organisationId}:${organisation.role}`;
      if (seenOrganisations.has(key)) issue(['organisations', index, 'organisationId'], 'organisation_repeated');
      seenOrganisations.add(key);
    });
    const seenTeam = new Set<string>();
    value.team.forEach((member, index) => {
      const key = `${member.userId}:${member.teamRole}`;
      if (seenTeam.has(key)) issue(['team', index, 'userId'], 'team_member_repeated');
      seenTeam.add(key);
    });
  });
export type ProgrammeInput = z.output<typeof programmeInputSchema>;
export type ProgrammeDraft = z.input<typeof programmeInputSchema>;

const organisationRefSchema = z.object({
  id: z.uuid(),
  nameFr: z.string(),
  nameAr: z.string().nullable(),
  nameEn: z.string().nullable(),
  acronym: z.string().nullable(),
  kind: z.enum(organisationKinds),
});

export const enrolmentCountsSchema = z.object({
  candidate: z.number(),
  enrolled: z.number(),
  withdrawn: z.number(),
  completed: z.number(),
});

export const programmeListItemSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  nameFr: z.string(),
  nameAr: z.string().nullable(),
  nameEn: z.string().nullable(),
  status: z.enum(programmeStatuses),
  startDate: z.string().nullable(),
  durationMonths: z.number().nullable(),
  endDate: z.string().nullable(),
  targetCooperatives: z.number().nullable(),
  regionCodes: z.array(z.string()),
  provinceCodes: z.array(z.string()),
  operator: organisationRefSchema.nullable(),
  counts: enrolmentCountsSchema,
  isDemo: z.boolean(),
});
export type ProgrammeListItem = z.infer<typeof programmeListItemSchema>;

export const programmeSchema = programmeListItemSchema.extend({
  descriptionFr: z.string().nullable(),
  descriptionAr: z.string().nullable(),
  descriptionEn: z.string().nullable(),
  operatorId: z.uuid().nullable(),
  budgetMad: z.number().nullable(),
  cadences: cadencesSchema,
  eligibility: eligibilityRulesSchema,
  frameworkId: z.uuid().nullable(),
  organisations: z.array(
    z.object({ organisationId: z.uuid(), role: z.enum(programmeOrganisationRoles), contributionMad: z.number().nullable(), organisation: organisationRefSchema }),
  ),
  phases: z.array(z.object({ id: z.uuid(), kind: z.enum(phaseKinds), label: z.string().nullable(), startsOn: z.string(), endsOn: z.string() })),
  team: z.array(z.object({ userId: z.uuid(), displayName: z.string(), teamRole: z.enum(teamRoles) })),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number(),
});
export type Programme = z.infer<typeof programmeSchema>;

/** The input that reproduces a programme as read, for the edit form. */
export function inputFromProgramme(programme: Programme): ProgrammeDraft {
  return {
    code: programme.code,
    nameFr: programme.nameFr,
    nameAr: programme.nameAr,
    nameEn: programme.nameEn,
    descriptionFr: programme.descriptionFr,
    descriptionAr: programme.descriptionAr,
    descriptionEn: programme.descriptionEn,
    operatorId: programme.operatorId,
    status: programme.status,
    startDate: programme.startDate,
    durationMonths: programme.durationMonths,
    targetCooperatives: programme.targetCooperatives,
    budgetMad: programme.budgetMad,
    regionCodes: programme.regionCodes,
    provinceCodes: programme.provinceCodes,
    cadences: programme.cadences,
    eligibility: programme.eligibility,
    frameworkId: programme.frameworkId,
    organisations: programme.organisations.map(({ organisationId, role, contributionMad }) => ({ organisationId, role, contributionMad })),
    phases: programme.phases.map(({ kind, label, startsOn, endsOn }) => ({ kind, label, startsOn, endsOn })),
    team: programme.team.map(({ userId, teamRole }) => ({ userId, teamRole })),
  };
}

export function programmeName(programme: { nameFr: string; nameAr: string | null; nameEn: string | null }, locale: string): string {
  if (locale === 'ar') return programme.nameAr ?? programme.nameFr;
  if (locale === 'en') return programme.nameEn ?? programme.nameFr;
  return programme.nameFr;
}

/** Staff who may be put on a programme's team. */
export const personSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string(),
  roles: z.array(z.string()),
});
export type Person = z.infer<typeof personSchema>;
export const peopleQuerySchema = z.object({ search: z.string().trim().max(100).optional() });
