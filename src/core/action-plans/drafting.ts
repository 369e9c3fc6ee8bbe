import type { LocalizedText } from '../diagnostics/framework.schema.js';
import type { OrganisationKind } from '../programmes/programme-settings.schema.js';
import type { ExecutorKind, FinancingSource, IndicatorKind } from './action-plan.schema.js';
import { addDays, daysBetween } from './action-plan.rules.js';
import { actionTemplates, domainTemplate, type ActionTemplate, type MemberRole } from './templates.js';

/**
 * A first action plan from a cooperative's validated diagnostic: for each of
 * its leading needs, the template actions that answer it, one action per
 * template however many needs it answers, spread over the accompaniment so
 * that the most pressing start first. Deterministic: the same needs, window
 * and language give the same draft. The consultant edits it afterwards.
 */

export type Locale = 'fr' | 'ar' | 'en';

export interface DraftingNeed {
  kind: 'domain' | 'question';
  domainKey: string;
  questionKey: string | null;
  priority: number;
}

export interface DraftedIndicator {
  kind: IndicatorKind;
  label: string;
  unit: string;
  baseline: number | null;
  target: number;
  targetDate: string;
}

export interface DraftedAction {
  position: number;
  title: string;
  description: string;
  domainKey: string;
  /** Keys of the needs it answers, as the training plan names them (see needKeyOf). */
  needKeys: string[];
  templateCode: string;
  moduleCode: string | null;
  executorKind: ExecutorKind;
  memberRole: MemberRole | null;
  stakeholderKinds: OrganisationKind[];
  startsOn: string;
  dueOn: string;
  budgetMad: number | null;
  financingSource: FinancingSource | null;
  indicators: DraftedIndicator[];
}

export interface DraftingOptions {
  /** The accompaniment's first and last days: where the actions go. */
  window: { from: string; to: string };
  locale: Locale;
  /** At most this many actions (the leading needs); 8 unless said. */
  maxActions?: number;
  templates?: readonly ActionTemplate[];
  /** Domain labels of the framework, for the fallback action of a domain no template covers. */
  domainLabels?: Readonly<Record<string, LocalizedText>>;
}

/** A need's key, the same as the training plan's: "finance" for a domain, "finance.fin_bookkeeping" for a question. */
export const needKeyOf = (need: Pick<DraftingNeed, 'domainKey' | 'questionKey'>): string => (need.questionKey === null ? need.domainKey : `${need.domainKey}.${need.questionKey}`);

/** Highest priority first; ties by key, so that the order never depends on the input's. */
function rank(needs: readonly DraftingNeed[]): DraftingNeed[] {
  return [...needs].sort((a, b) => b.priority - a.priority || needKeyOf(a).localeCompare(needKeyOf(b)));
}

interface Chosen {
  template: ActionTemplate;
  needKeys: string[];
}

/** Which templates the leading needs call for, in the order the needs rank, and the needs each answers. */
export function chooseTemplates(needs: readonly DraftingNeed[], options: Pick<DraftingOptions, 'maxActions' | 'templates' | 'domainLabels'> = {}): Chosen[] {
  const templates = options.templates ?? actionTemplates;
  const max = options.maxActions ?? 8;
  const ranked = rank(needs);
  const chosen: Chosen[] = [];
  const byCode = new Map<string, Chosen>();
  const take = (template: ActionTemplate, key: string): boolean => {
    const existing = byCode.get(template.code);
    if (existing) {
      if (!existing.needKeys.includes(key)) existing.needKeys.push(key);
      return true;
    }
    if (chosen.length >= max) return false;
    const entry = { template, needKeys: [key] };
    chosen.push(entry);
    byCode.set(template.code, entry);
    return true;
  };

  for (const need of ranked) {
    if (need.kind !== 'question' || need.questionKey === null) continue;
    const key = needKeyOf(need);
    const matching = templates.filter((template) => template.needKeys.includes(need.questionKey!));
    // A need a chosen action already answers adds no action.
    const already = matching.find((template) => byCode.has(template.code));
    if (already) {
      take(already, key);
      continue;
    }
    take(matching[0] ?? domainTemplate(need.domainKey, options.domainLabels?.[need.domainKey]), key);
  }
  // A domain as a whole is answered by the actions of its questions; alone, it gets the domain's first action.
  for (const need of ranked) {
    if (need.kind !== 'domain') continue;
    const key = needKeyOf(need);
    const ofDomain = chosen.find((entry) => entry.template.domainKey === need.domainKey);
    if (ofDomain) {
      if (!ofDomain.needKeys.includes(key)) ofDomain.needKeys.push(key);
      continue;
    }
    take(templates.find((template) => template.domainKey === need.domainKey) ?? domainTemplate(need.domainKey, options.domainLabels?.[need.domainKey]), key);
  }
  return chosen;
}

/**
 * Start days spread over the first half of the window, in rank order, so that
 * the leading needs start at once and the last action still has time to end
 * before the window does; each lasts its template's duration, cut at the end.
 */
export function scheduleActions(durations: readonly number[], window: { from: string; to: string }): Array<{ startsOn: string; dueOn: string }> {
  const span = Math.max(1, daysBetween(window.from, window.to) + 1);
  const count = durations.length;
  return durations.map((duration, index) => {
    const offset = count <= 1 ? 0 : Math.round((index * (span - 1) * 0.5) / (count - 1));
    const length = Math.max(1, Math.min(duration, span - offset));
    return { startsOn: addDays(window.from, offset), dueOn: addDays(window.from, offset + length - 1) };
  });
}

export function draftActions(needs: readonly DraftingNeed[], options: DraftingOptions): DraftedAction[] {
  const chosen = chooseTemplates(needs, options);
  const dates = scheduleActions(
    chosen.map((entry) => entry.template.durationDays),
    options.window,
  );
  const pick = (text: LocalizedText) => text[options.locale] || text.fr;
  return chosen.map(({ template, needKeys }, index) => {
    const { startsOn, dueOn } = dates[index]!;
    // Outputs are due with the action; outcomes show a little later, within the window.
    const later = addDays(dueOn, 90);
    const outcomeDate = later < options.window.to ? later : options.window.to < dueOn ? dueOn : options.window.to;
    return {
      position: index,
      title: pick(template.title),
      description: pick(template.description),
      domainKey: template.domainKey,
      needKeys,
      templateCode: template.code,
      moduleCode: template.moduleCode,
      executorKind: template.executorKind,
      memberRole: template.memberRole ?? null,
      stakeholderKinds: [...template.stakeholderKinds],
      startsOn,
      dueOn,
      budgetMad: template.budgetMad,
      financingSource: template.financingSource,
      indicators: template.indicators.map((indicator) => ({
        kind: indicator.kind,
        label: pick(indicator.label),
        unit: pick(indicator.unit),
        baseline: indicator.baseline,
        target: indicator.target,
        targetDate: indicator.kind === 'monitoring' ? dueOn : outcomeDate,
      })),
    };
  });
}

/**
 * Where the actions go: the programme's accompaniment (or its follow-up, or
 * the programme itself), from today when it has begun; at least a month, and
 * three months from today when the accompaniment is (nearly) over.
 */
export function draftingWindow(
  calendar: { accompaniment: { startsOn: string; endsOn: string } | null; programme: { startsOn: string; endsOn: string } | null },
  today: string,
): { from: string; to: string } {
  const base = calendar.accompaniment ?? calendar.programme ?? { startsOn: today, endsOn: addDays(today, 179) };
  let from = base.startsOn;
  let to = base.endsOn;
  if (today > from) from = today;
  if (daysBetween(from, to) < 30) to = addDays(from, 89);
  return { from, to };
}

export interface DraftingPeople {
  /** The cooperative's members with their office. */
  members: ReadonlyArray<{ id: string; role: string }>;
  /** The cooperative's consultant in the programme. */
  consultantId: string | null;
  /** The directory of organisations. */
  organisations: ReadonlyArray<{ id: string; kind: string; regionCode: string | null; nameFr: string }>;
  /** The cooperative's region: regional organisations of other regions are left out. */
  regionCode: string | null;
  maxStakeholders?: number;
}

export interface AssignedAction extends DraftedAction {
  executorKind: ExecutorKind;
  executorMemberId: string | null;
  executorUserId: string | null;
  executorOrganisationId: string | null;
  stakeholderIds: string[];
}

/**
 * Names the executors and potential stakeholders of drafted actions: the
 * member holding the template's office (else the president, else the
 * consultant), the consultant of the cooperative, and for each kind of
 * organisation the template names, one of the directory — of the
 * cooperative's region first, national ones next, by name.
 */
export function assignPeople(actions: readonly DraftedAction[], people: DraftingPeople): AssignedAction[] {
  const max = people.maxStakeholders ?? 3;
  const reachable = people.organisations
    .filter((organisation) => organisation.regionCode === null || organisation.regionCode === people.regionCode)
    .slice()
    .sort((a, b) => Number(a.regionCode === null) - Number(b.regionCode === null) || a.nameFr.localeCompare(b.nameFr, 'fr') || a.id.localeCompare(b.id));
  const memberOf = (role: string | null) => (role ? people.members.find((member) => member.role === role) : undefined) ?? people.members.find((member) => member.role === 'president');
  return actions.map((action) => {
    const stakeholderIds: string[] = [];
    for (const kind of action.stakeholderKinds) {
      if (stakeholderIds.length >= max) break;
      const found = reachable.find((organisation) => organisation.kind === kind && !stakeholderIds.includes(organisation.id));
      if (found) stakeholderIds.push(found.id);
    }
    const consultant = { executorKind: 'consultant' as const, executorMemberId: null, executorUserId: people.consultantId, executorOrganisationId: null };
    let executor: Pick<AssignedAction, 'executorKind' | 'executorMemberId' | 'executorUserId' | 'executorOrganisationId'> = consultant;
    if (action.executorKind === 'member') {
      const member = memberOf(action.memberRole);
      if (member) executor = { executorKind: 'member', executorMemberId: member.id, executorUserId: null, executorOrganisationId: null };
    } else if (action.executorKind === 'organisation' && stakeholderIds[0]) {
      executor = { executorKind: 'organisation', executorMemberId: null, executorUserId: null, executorOrganisationId: stakeholderIds[0] };
    }
    return { ...action, ...executor, stakeholderIds };
  });
}
