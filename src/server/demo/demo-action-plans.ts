import { addDays, daysBetween } from '../../core/action-plans/action-plan.rules.js';
import type { ActionStatus } from '../../core/action-plans/action-plan.schema.js';
import { assignPeople, draftActions, type AssignedAction, type Locale } from '../../core/action-plans/drafting.js';
import type { DiagnosticScores } from '../../core/diagnostics/diagnostic.schema.js';
import type { FrameworkDefinition } from '../../core/diagnostics/framework.schema.js';
import { recordAudit } from '../audit/audit.repository.js';
import type { Db } from '../db/database.js';
import type { DemoCohort, DemoCohorts, DemoContext } from './demo-context.js';
import { representedCooperativeNumber } from './demo-data.js';

/**
 * Agreed action plans for the 51 demo cooperatives, drafted by the drafting
 * rules from each one's validated baseline a few days after its validation,
 * touched up by the consultant (an action of their own here, a precision on
 * who executes there), agreed a week or two later — in Taawon by the one
 * cooperative with a representative's account, on paper for the others —
 * and carried out since as plausibly as the time elapsed allows: past
 * actions mostly done, current ones under way, a few blocked or late, some
 * due dates moved since the agreement. Baseline values are recorded where
 * the diagnostic gave them; later values come with the follow-ups.
 *
 * Everything is inserted in a handful of multi-row statements, so that the
 * demo loads in a moment.
 */

const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** A number in [0, 1) from integers, the same at every load. */
function unit(...parts: number[]): number {
  let hash = 2166136261;
  for (const part of parts) {
    hash ^= part + 0x9e3779b9;
    hash = Math.imul(hash, 16777619) >>> 0;
    hash ^= hash >>> 13;
  }
  return ((hash >>> 0) % 10_000) / 10_000;
}

interface Source {
  cooperativeId: string;
  registrationNumber: string | null;
  regionCode: string;
  consultantId: string | null;
  diagnosticId: string;
  scores: DiagnosticScores | null;
  validatedAt: string;
  definition: FrameworkDefinition;
}

async function loadSources(trx: Db, cohort: DemoCohort): Promise<Source[]> {
  const ids = cohort.cooperatives.map((cooperative) => cooperative.id);
  const rows = await trx
    .selectFrom('enrolments')
    .innerJoin('cooperatives', 'cooperatives.id', 'enrolments.cooperativeId')
    .innerJoin('diagnostics', (join) => join.onRef('diagnostics.enrolmentId', '=', 'enrolments.id').on('diagnostics.kind', '=', 'baseline').on('diagnostics.status', '=', 'validated'))
    .innerJoin('diagnosticFrameworks', 'diagnosticFrameworks.id', 'diagnostics.frameworkId')
    .select([
      'enrolments.cooperativeId',
      'enrolments.consultantId',
      'cooperatives.registrationNumber',
      'cooperatives.regionCode',
      'diagnostics.id as diagnosticId',
      'diagnostics.scores',
      'diagnostics.validatedAt',
      'diagnosticFrameworks.definition',
    ])
    .where('enrolments.programmeId', '=', cohort.programmeId)
    .where('enrolments.cooperativeId', 'in', ids)
    .execute();
  const byId = new Map(rows.map((row) => [row.cooperativeId, row]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ ...row, validatedAt: row.validatedAt!, scores: row.scores as DiagnosticScores | null, definition: row.definition as FrameworkDefinition }] : [];
  });
}

/** Where an action stands today, from how much of its time has gone. */
function progressAsOf(action: { startsOn: string; dueOn: string }, today: string, seed: number): { status: ActionStatus; progress: number; doneOn: string | null } {
  if (action.startsOn > today) return { status: 'planned', progress: 0, doneOn: null };
  const draw = unit(seed, 7);
  if (action.dueOn < today) {
    if (draw < 0.15) return { status: 'in_progress', progress: 60 + Math.round(unit(seed, 3) * 3) * 10, doneOn: null };
    if (draw < 0.2) return { status: 'blocked', progress: 40, doneOn: null };
    const early = Math.round(unit(seed, 5) * Math.min(10, daysBetween(action.startsOn, action.dueOn)));
    return { status: 'done', progress: 100, doneOn: addDays(action.dueOn, -early) };
  }
  const elapsed = (daysBetween(action.startsOn, today) + 1) / (daysBetween(action.startsOn, action.dueOn) + 1);
  const progress = Math.min(90, Math.round((elapsed * (0.7 + unit(seed, 11) * 0.5) * 100) / 10) * 10);
  if (draw < 0.1) return { status: 'blocked', progress: Math.max(10, progress - 20), doneOn: null };
  if (draw < 0.18 && elapsed < 0.3) return { status: 'planned', progress: 0, doneOn: null };
  return { status: 'in_progress', progress: Math.max(10, progress), doneOn: null };
}

/** What the consultant writes in a plan of their own, beside the drafted actions. */
const ownActions: Record<Locale, { title: string; description: string; label: string; indicator: string; unit: string }> = {
  fr: {
    title: 'Organiser une journée portes ouvertes pour les acheteurs locaux',
    description: 'Inviter commerçants, hôteliers et coopératives voisines à visiter l’unité, goûter les produits et passer commande.',
    label: 'avec le conseil d’administration',
    indicator: 'Acheteurs venus à la journée',
    unit: 'personnes',
  },
  ar: {
    title: 'تنظيم يوم مفتوح لفائدة المشترين المحليين',
    description: 'دعوة التجار وأصحاب الفنادق والتعاونيات المجاورة لزيارة الوحدة وتذوق المنتجات وتقديم الطلبيات.',
    label: 'بتنسيق مع مجلس الإدارة',
    indicator: 'المشترون الحاضرون في اليوم المفتوح',
    unit: 'أشخاص',
  },
  en: {
    title: 'Hold an open day for local buyers',
    description: 'Invite shopkeepers, hoteliers and neighbouring cooperatives to visit the unit, taste the products and order.',
    label: 'with the board',
    indicator: 'Buyers who came to the open day',
    unit: 'people',
  },
};

export async function loadDemoActionPlans(trx: Db, cohorts: DemoCohorts, context: DemoContext): Promise<void> {
  const today = isoDay(context.today);
  const organisations = await trx.selectFrom('organisations').select(['id', 'kind', 'regionCode', 'nameFr']).orderBy('nameFr').execute();
  const phases = await trx
    .selectFrom('programmePhases')
    .select(['programmeId', 'startsOn', 'endsOn'])
    .where('kind', '=', 'accompaniment')
    .where('programmeId', 'in', [cohorts.south.programmeId, cohorts.souss.programmeId])
    .execute();

  interface PlannedPlan {
    cohort: 'south' | 'souss';
    source: Source;
    draftedOn: string;
    agreedOn: string;
    byRepresentative: boolean;
    locale: Locale;
    actions: Array<Omit<AssignedAction, 'templateCode'> & { templateCode: string | null; agreedDueOn: string; executorLabel: string | null }>;
  }
  const plans: PlannedPlan[] = [];
  let index = 0;
  for (const key of ['south', 'souss'] as const) {
    const cohort = cohorts[key];
    const accompaniment = phases.find((phase) => phase.programmeId === cohort.programmeId)!;
    const sources = await loadSources(trx, cohort);
    const members = await trx.selectFrom('cooperativeMembers').select(['id', 'role', 'cooperativeId']).where('cooperativeId', 'in', sources.map((source) => source.cooperativeId)).orderBy('createdAt').execute();
    for (const source of sources) {
      index += 1;
      const byRepresentative = source.registrationNumber === representedCooperativeNumber;
      // The consultant drafts within the week after validation; the plan is agreed one or two weeks later.
      const draftedOn = addDays(source.validatedAt.slice(0, 10), 2 + (index % 5));
      const agreedOn = [addDays(draftedOn, 7 + (index % 8)), addDays(today, -3)].sort()[0]!;
      // The accompaniment of the south starts after the trainings; its plans start as soon as they are agreed.
      const from = [addDays(agreedOn, 3), accompaniment.startsOn].sort()[key === 'south' ? 0 : 1]!;
      const locale: Locale = key === 'south' && !byRepresentative && index % 3 === 0 ? 'ar' : 'fr';
      const domainLabels = Object.fromEntries(source.definition.domains.map((domain) => [domain.key, domain.label]));
      const drafted = draftActions(source.scores?.needs ?? [], { window: { from, to: accompaniment.endsOn }, locale, domainLabels, maxActions: 6 + (index % 3) });
      const assigned = assignPeople(drafted, {
        members: members.filter((member) => member.cooperativeId === source.cooperativeId),
        consultantId: source.consultantId,
        organisations,
        regionCode: source.regionCode,
      }).map((action): PlannedPlan['actions'][number] => ({ ...action, agreedDueOn: action.dueOn, executorLabel: null }));
      // The consultant's touch: an action of their own in every fifth plan, a precision on who executes in every third.
      if (index % 5 === 2) {
        const own = ownActions[locale];
        const startsOn = addDays(from, 20);
        const president = members.find((member) => member.cooperativeId === source.cooperativeId && member.role === 'president');
        assigned.push({
          position: assigned.length,
          title: own.title,
          description: own.description,
          domainKey: 'marketing',
          needKeys: (source.scores?.needs ?? []).filter((need) => need.domainKey === 'marketing').slice(0, 1).map((need) => (need.questionKey ? `${need.domainKey}.${need.questionKey}` : need.domainKey)),
          templateCode: null,
          moduleCode: null,
          executorKind: president ? 'member' : 'consultant',
          memberRole: 'president',
          stakeholderKinds: [],
          startsOn,
          dueOn: addDays(startsOn, 45),
          agreedDueOn: addDays(startsOn, 45),
          budgetMad: 2500,
          financingSource: 'own_funds',
          indicators: [{ kind: 'monitoring', label: own.indicator, unit: own.unit, baseline: 0, target: 15, targetDate: addDays(startsOn, 45) }],
          executorMemberId: president?.id ?? null,
          executorUserId: president ? null : source.consultantId,
          executorOrganisationId: null,
          stakeholderIds: [],
          executorLabel: own.label,
        });
      } else if (index % 3 === 1 && assigned[0]) {
        assigned[0].executorLabel = ownActions[locale].label;
      }
      plans.push({ cohort: key, source, draftedOn, agreedOn, byRepresentative, locale, actions: assigned });
    }
  }
  if (plans.length === 0) return;

  const planRows = await trx
    .insertInto('actionPlans')
    .values(
      plans.map((plan) => ({
        programmeId: cohorts[plan.cohort].programmeId,
        cooperativeId: plan.source.cooperativeId,
        status: 'agreed' as const,
        diagnosticId: plan.source.diagnosticId,
        revision: 3 + plan.actions.length,
        acceptedAt: `${plan.agreedOn}T10:30:00.000Z`,
        acceptedBy: plan.byRepresentative ? context.representativeId : context.consultantId,
        acceptanceNote: plan.byRepresentative
          ? 'Plan lu avec le conseil d’administration : nous nous engageons sur ces actions.'
          : plan.locale === 'ar'
            ? 'مخطط موقع من طرف رئيس(ة) التعاونية خلال زيارة المواكبة.'
            : 'Plan signé par la présidence de la coopérative lors de la visite d’accompagnement.',
        createdBy: context.consultantId,
        createdAt: `${plan.draftedOn}T09:00:00.000Z`,
        updatedAt: `${plan.agreedOn}T10:30:00.000Z`,
      })),
    )
    .returning(['id', 'cooperativeId'])
    .execute();
  const planIds = new Map(planRows.map((row) => [row.cooperativeId, row.id]));

  const actionValues = plans.flatMap((plan, planIndex) =>
    plan.actions.map((action, actionIndex) => {
      const seed = planIndex * 31 + actionIndex;
      // A due date moved since the agreement in every fourth plan, on its second action when not done.
      const state = progressAsOf(action, today, seed);
      const moved = planIndex % 4 === 1 && actionIndex === 1 && state.status !== 'done' ? 21 : 0;
      const dueOn = addDays(action.dueOn, moved);
      return {
        actionPlanId: planIds.get(plan.source.cooperativeId)!,
        position: actionIndex,
        title: action.title,
        description: action.description,
        domainKey: action.domainKey,
        needKeys: JSON.stringify(action.needKeys),
        templateCode: action.templateCode,
        moduleCode: action.moduleCode,
        executorKind: action.executorKind,
        executorMemberId: action.executorMemberId,
        executorUserId: action.executorUserId,
        executorOrganisationId: action.executorOrganisationId,
        executorLabel: action.executorLabel,
        startsOn: action.startsOn,
        dueOn,
        agreedDueOn: action.agreedDueOn,
        ...state,
        budgetMad: action.budgetMad,
        financingSource: action.financingSource,
        createdAt: `${plan.draftedOn}T09:00:00.000Z`,
        updatedAt: `${state.doneOn ?? plan.agreedOn}T16:00:00.000Z`,
        version: state.status === 'planned' ? 2 : 3,
      };
    }),
  );
  const actionRows = await trx.insertInto('planActions').values(actionValues).returning(['id', 'actionPlanId', 'position', 'status', 'doneOn']).execute();
  const actionId = new Map(actionRows.map((row) => [`${row.actionPlanId}:${row.position}`, row]));

  const stakeholders: Array<{ actionId: string; organisationId: string; role: string | null }> = [];
  const indicators: Array<{ actionId: string; kind: 'monitoring' | 'performance'; label: string; unit: string; baseline: number | null; target: number; targetDate: string; position: number }> = [];
  for (const plan of plans) {
    const planId = planIds.get(plan.source.cooperativeId)!;
    plan.actions.forEach((action, position) => {
      const row = actionId.get(`${planId}:${position}`)!;
      for (const organisationId of action.stakeholderIds) stakeholders.push({ actionId: row.id, organisationId, role: null });
      action.indicators.forEach((indicator, order) => indicators.push({ actionId: row.id, ...indicator, position: order }));
    });
  }
  if (stakeholders.length > 0) await trx.insertInto('actionStakeholders').values(stakeholders).execute();
  const indicatorRows = indicators.length > 0 ? await trx.insertInto('actionIndicators').values(indicators).returning(['id', 'actionId', 'kind', 'baseline', 'target']).execute() : [];

  // The starting value where the diagnostic gave one, and the output reached for what is done.
  const actionsById = new Map(actionRows.map((row) => [row.id, row]));
  const planOfAction = new Map(actionRows.map((row) => [row.id, plans.find((plan) => planIds.get(plan.source.cooperativeId) === row.actionPlanId)!]));
  const measurements = indicatorRows.flatMap((indicator) => {
    const action = actionsById.get(indicator.actionId)!;
    const plan = planOfAction.get(indicator.actionId)!;
    const values = [];
    if (indicator.kind === 'performance' && indicator.baseline !== null) {
      values.push({ indicatorId: indicator.id, measuredOn: plan.source.validatedAt.slice(0, 10), value: Number(indicator.baseline), note: null, recordedBy: context.consultantId });
    }
    if (indicator.kind === 'monitoring' && action.status === 'done' && action.doneOn) {
      values.push({ indicatorId: indicator.id, measuredOn: action.doneOn, value: Number(indicator.target), note: null, recordedBy: context.consultantId });
    }
    return values;
  });
  if (measurements.length > 0) await trx.insertInto('indicatorMeasurements').values(measurements).execute();

  await recordAudit(
    trx,
    ...planRows.map((row) => {
      const plan = plans.find((entry) => entry.source.cooperativeId === row.cooperativeId)!;
      return {
        actorId: plan.byRepresentative ? context.representativeId : context.consultantId,
        action: 'update' as const,
        entityType: 'action_plan',
        entityId: row.id,
        after: { status: 'agreed', acceptedAt: `${plan.agreedOn}T10:30:00.000Z` },
        context: { event: 'accept', onPaper: !plan.byRepresentative, source: 'demo' },
      };
    }),
  );
}
