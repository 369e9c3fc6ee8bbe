import { eligibilityRulesSchema, type PhaseKindCode, type TeamRole } from '../../core/programmes/programme-settings.schema.js';
import type { Programme, ProgrammeDraft, ProgrammeStatus } from '../../core/programmes/programme.schema.js';

/**
 * The programme form's state: numbers may be empty while typing, optional
 * cadences carry an "enabled" switch, team members keep their names for
 * display. `inputFromDraft` turns it into what the shared schema checks.
 */
export type NumberOrEmpty = number | '';

export interface ProgrammeFormDraft {
  code: string;
  nameFr: string;
  nameAr: string;
  nameEn: string;
  descriptionFr: string;
  descriptionAr: string;
  descriptionEn: string;
  operatorId: string | null;
  status: ProgrammeStatus;
  startDate: string | null;
  durationMonths: NumberOrEmpty;
  targetCooperatives: NumberOrEmpty;
  budgetMad: NumberOrEmpty;
  regionCodes: string[];
  provinceCodes: string[];
  workshops: { enabled: boolean; perMonth: NumberOrEmpty; durationMonths: NumberOrEmpty; startsAfterPhase: PhaseKindCode };
  remoteFollowUp: { enabled: boolean; perMonth: NumberOrEmpty };
  coaching: { enabled: boolean; sessions: NumberOrEmpty; overMonths: NumberOrEmpty };
  eligibility: {
    maxAgeMonths: NumberOrEmpty;
    withinTerritory: boolean;
    sectors: string[];
    legalForms: string[];
    minMembers: NumberOrEmpty;
    minWomenSharePercent: NumberOrEmpty;
    minYoungSharePercent: NumberOrEmpty;
    sharesCombine: 'all' | 'any';
    excludeIfInActiveProgramme: boolean;
  };
  frameworkId: string | null;
  organisations: Array<{ key: string; organisationId: string | null; role: 'funder' | 'partner'; contributionMad: NumberOrEmpty }>;
  phases: Array<{ key: string; kind: PhaseKindCode; label: string; startsOn: string | null; endsOn: string | null }>;
  team: Array<{ key: string; userId: string | null; displayName: string; teamRole: TeamRole }>;
}

let counter = 0;
export const rowKey = () => `row-${(counter += 1)}`;

const orEmpty = (value: number | null | undefined): NumberOrEmpty => (value === null || value === undefined ? '' : value);
const orNull = (value: NumberOrEmpty): number | null => (value === '' ? null : value);

export function emptyProgrammeDraft(): ProgrammeFormDraft {
  const rules = eligibilityRulesSchema.parse({});
  return {
    code: '',
    nameFr: '',
    nameAr: '',
    nameEn: '',
    descriptionFr: '',
    descriptionAr: '',
    descriptionEn: '',
    operatorId: null,
    status: 'draft',
    startDate: null,
    durationMonths: '',
    targetCooperatives: '',
    budgetMad: '',
    regionCodes: [],
    provinceCodes: [],
    workshops: { enabled: false, perMonth: 1, durationMonths: 6, startsAfterPhase: 'training' },
    remoteFollowUp: { enabled: false, perMonth: 2 },
    coaching: { enabled: false, sessions: 12, overMonths: 24 },
    eligibility: {
      maxAgeMonths: '',
      withinTerritory: rules.withinTerritory,
      sectors: [],
      legalForms: [],
      minMembers: '',
      minWomenSharePercent: '',
      minYoungSharePercent: '',
      sharesCombine: 'all',
      excludeIfInActiveProgramme: false,
    },
    frameworkId: null,
    organisations: [],
    phases: [],
    team: [],
  };
}

export function draftFromProgramme(programme: Programme): ProgrammeFormDraft {
  const empty = emptyProgrammeDraft();
  const { workshops, remoteFollowUp, coaching } = programme.cadences;
  const rules = programme.eligibility;
  return {
    code: programme.code,
    nameFr: programme.nameFr,
    nameAr: programme.nameAr ?? '',
    nameEn: programme.nameEn ?? '',
    descriptionFr: programme.descriptionFr ?? '',
    descriptionAr: programme.descriptionAr ?? '',
    descriptionEn: programme.descriptionEn ?? '',
    operatorId: programme.operatorId,
    status: programme.status,
    startDate: programme.startDate,
    durationMonths: orEmpty(programme.durationMonths),
    targetCooperatives: orEmpty(programme.targetCooperatives),
    budgetMad: orEmpty(programme.budgetMad),
    regionCodes: programme.regionCodes,
    provinceCodes: programme.provinceCodes,
    workshops: workshops ? { enabled: true, ...workshops } : empty.workshops,
    remoteFollowUp: remoteFollowUp ? { enabled: true, ...remoteFollowUp } : empty.remoteFollowUp,
    coaching: coaching ? { enabled: true, ...coaching } : empty.coaching,
    eligibility: {
      maxAgeMonths: orEmpty(rules.maxAgeMonths),
      withinTerritory: rules.withinTerritory,
      sectors: rules.sectors,
      legalForms: rules.legalForms,
      minMembers: orEmpty(rules.minMembers),
      minWomenSharePercent: orEmpty(rules.minWomenSharePercent),
      minYoungSharePercent: orEmpty(rules.minYoungSharePercent),
      sharesCombine: rules.sharesCombine,
      excludeIfInActiveProgramme: rules.excludeIfInActiveProgramme,
    },
    frameworkId: programme.frameworkId,
    organisations: programme.organisations.map((item) => ({ key: rowKey(), organisationId: item.organisationId, role: item.role, contributionMad: orEmpty(item.contributionMad) })),
    phases: programme.phases.map((phase) => ({ key: rowKey(), kind: phase.kind, label: phase.label ?? '', startsOn: phase.startsOn, endsOn: phase.endsOn })),
    team: programme.team.map((member) => ({ key: rowKey(), userId: member.userId, displayName: member.displayName, teamRole: member.teamRole })),
  };
}

/** What the shared schema validates; empty values become null (or are left for the schema to name). */
export function inputFromDraft(draft: ProgrammeFormDraft): ProgrammeDraft {
  return {
    code: draft.code,
    nameFr: draft.nameFr,
    nameAr: draft.nameAr,
    nameEn: draft.nameEn,
    descriptionFr: draft.descriptionFr,
    descriptionAr: draft.descriptionAr,
    descriptionEn: draft.descriptionEn,
    operatorId: draft.operatorId,
    status: draft.status,
    startDate: draft.startDate,
    durationMonths: orNull(draft.durationMonths),
    targetCooperatives: orNull(draft.targetCooperatives),
    budgetMad: orNull(draft.budgetMad),
    regionCodes: draft.regionCodes,
    provinceCodes: draft.provinceCodes,
    cadences: {
      workshops: draft.workshops.enabled
        ? { perMonth: orNull(draft.workshops.perMonth) as number, durationMonths: orNull(draft.workshops.durationMonths) as number, startsAfterPhase: draft.workshops.startsAfterPhase }
        : null,
      remoteFollowUp: draft.remoteFollowUp.enabled ? { perMonth: orNull(draft.remoteFollowUp.perMonth) as number } : null,
      coaching: draft.coaching.enabled ? { sessions: orNull(draft.coaching.sessions) as number, overMonths: orNull(draft.coaching.overMonths) as number } : null,
    },
    eligibility: {
      maxAgeMonths: orNull(draft.eligibility.maxAgeMonths),
      withinTerritory: draft.eligibility.withinTerritory,
      sectors: draft.eligibility.sectors as never,
      legalForms: draft.eligibility.legalForms as never,
      minMembers: orNull(draft.eligibility.minMembers),
      minWomenSharePercent: orNull(draft.eligibility.minWomenSharePercent),
      minYoungSharePercent: orNull(draft.eligibility.minYoungSharePercent),
      sharesCombine: draft.eligibility.sharesCombine,
      excludeIfInActiveProgramme: draft.eligibility.excludeIfInActiveProgramme,
    },
    frameworkId: draft.frameworkId,
    organisations: draft.organisations.map((item) => ({ organisationId: item.organisationId as string, role: item.role, contributionMad: orNull(item.contributionMad) })),
    phases: draft.phases.map((phase) => ({ kind: phase.kind, label: phase.label, startsOn: phase.startsOn as string, endsOn: phase.endsOn as string })),
    team: draft.team.map((member) => ({ userId: member.userId as string, teamRole: member.teamRole })),
  };
}
