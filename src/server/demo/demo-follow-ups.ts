import { randomUUID } from 'node:crypto';
import { daysBetween } from '../../core/follow-up/compliance.js';
import { moroccanDayOf, moroccanToday } from '../../core/follow-up/dates.js';
import type { ActionStatus } from '../../core/follow-up/follow-up.schema.js';
import type { Db } from '../db/database.js';
import { representedCooperativeNumber } from './demo-data.js';
import type { DemoCohorts, DemoContext } from './demo-context.js';

/**
 * The follow-ups of the elapsed part of both programmes: the fortnightly remote follow-ups of the southern
 * programme and the first coaching visits of Mourafaka that are past are held, each with a confirmed follow-up
 * updating two actions of the cooperative's plan and measuring an indicator; for about one cooperative in four
 * the latest one is left undone (late, in the consultant's "overdue" list), and the representative of LAA-007
 * reported progress on theirs, waiting for the consultant's confirmation.
 */

const followUpKinds = ['remote_follow_up', 'coaching'] as const;

async function pastFollowUpSessions(trx: Db, programmeIds: string[], today: Date) {
  return trx
    .selectFrom('programmeSessions as s')
    .innerJoin('sessionCooperatives as sc', 'sc.sessionId', 's.id')
    .innerJoin('cooperatives as c', 'c.id', 'sc.cooperativeId')
    .select(['s.id', 's.programmeId', 's.kind', 's.status', 's.startsAt', 's.endsAt', 's.channel', 'sc.cooperativeId', 'c.registrationNumber'])
    .where('s.programmeId', 'in', programmeIds)
    .where('s.kind', 'in', [...followUpKinds])
    .where('s.endsAt', '<', today.toISOString())
    .orderBy('s.startsAt')
    .orderBy('s.id')
    .execute();
}

/**
 * The past follow-up sessions the demo leaves planned: the latest of every fourth cooperative of each programme
 * (the two latest for every eighth), and the latest of the represented cooperative (its representative reports on it).
 */
export async function followUpsLeftPlanned(trx: Db, programmeIds: string[], today: Date): Promise<Set<string>> {
  const sessions = await pastFollowUpSessions(trx, programmeIds, today);
  const left = new Set<string>();
  for (const programmeId of programmeIds) {
    const byCooperative = new Map<string, typeof sessions>();
    for (const session of sessions.filter((row) => row.programmeId === programmeId)) {
      byCooperative.set(session.cooperativeId, [...(byCooperative.get(session.cooperativeId) ?? []), session]);
    }
    const ordered = [...byCooperative.values()].sort((a, b) => (a[0]!.registrationNumber ?? '').localeCompare(b[0]!.registrationNumber ?? ''));
    ordered.forEach((own, index) => {
      const represented = own[0]!.registrationNumber === representedCooperativeNumber;
      const count = represented ? 1 : index % 8 === 3 ? 2 : index % 4 === 1 ? 1 : 0;
      if (count > 0) for (const session of own.slice(-count)) left.add(session.id);
    });
  }
  return left;
}

interface DemoAction {
  id: string;
  cooperativeId: string;
  programmeId: string;
  title: string;
  status: ActionStatus;
  progress: number;
  startsOn: string;
  dueOn: string;
  doneOn: string | null;
  indicatorId: string | null;
  baseline: number | null;
  target: number | null;
}

const summaries = [
  'Appel avec la présidente : revue des actions du plan, points de blocage et prochaines échéances.',
  'Échange avec le trésorier et la présidente : avancement des actions, pièces justificatives à réunir.',
  'Point avec le bureau : actions en cours, besoins d’appui, dates du prochain suivi.',
  'Suivi avec la gestionnaire : production du mois, commandes, avancement du plan.',
];
const blockers = ['Le devis du fournisseur tarde.', 'La banque demande le procès-verbal de la dernière assemblée.', 'Le local n’est pas encore disponible.'];
const supports = ['Mise en relation avec la chambre régionale.', 'Modèle de procès-verbal et de registre.', 'Appui pour le dossier de financement.'];
const nextSteps = ['Envoyer les justificatifs avant le prochain suivi.', 'Tenir la réunion du bureau et transmettre le compte rendu.', 'Relancer le fournisseur et comparer deux devis.', 'Tester l’outil sur un mois complet.'];

/** Where an action stood on a past day, consistent with where it stands today. */
function stateOn(action: DemoAction, day: string, today: string): { status: ActionStatus; progress: number } {
  if (action.status === 'done' && action.doneOn && action.doneOn <= day) return { status: 'done', progress: 100 };
  const elapsed = Math.max(1, daysBetween(action.startsOn, today));
  const share = Math.min(1, Math.max(0, daysBetween(action.startsOn, day) / elapsed));
  const progress = Math.min(95, Math.round((action.progress * share) / 5) * 5);
  if (action.status === 'cancelled') return { status: share < 1 ? 'in_progress' : 'cancelled', progress };
  if (action.status === 'blocked' && share > 0.6) return { status: 'blocked', progress };
  if (progress === 0 && action.status === 'planned') return { status: 'planned', progress: 0 };
  return { status: 'in_progress', progress: Math.max(progress, 5) };
}

export async function loadDemoFollowUps(trx: Db, cohorts: DemoCohorts, context: DemoContext): Promise<void> {
  const programmeIds = [cohorts.south.programmeId, cohorts.souss.programmeId];
  const today = moroccanToday(context.today);
  const sessions = await pastFollowUpSessions(trx, programmeIds, context.today);
  const actionRows = await trx
    .selectFrom('planActions as a')
    .innerJoin('actionPlans as p', 'p.id', 'a.actionPlanId')
    .leftJoin('actionIndicators as i', (join) => join.onRef('i.actionId', '=', 'a.id').on('i.position', '=', 0))
    .select(['a.id', 'p.cooperativeId', 'p.programmeId', 'a.title', 'a.status', 'a.progress', 'a.startsOn', 'a.dueOn', 'a.doneOn', 'i.id as indicatorId', 'i.baseline', 'i.target'])
    .where('p.programmeId', 'in', programmeIds)
    .orderBy('a.position')
    .orderBy('a.id')
    .execute();
  const actionsOf = new Map<string, DemoAction[]>();
  const seen = new Set<string>();
  for (const row of actionRows) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    const key = `${row.programmeId}/${row.cooperativeId}`;
    actionsOf.set(key, [...(actionsOf.get(key) ?? []), { ...row, baseline: row.baseline === null ? null : Number(row.baseline), target: row.target === null ? null : Number(row.target) }]);
  }

  const followUps: Array<Parameters<typeof insertRows>[1][number]> = [];
  const updates: Array<{ followUpId: string; actionId: string; status: ActionStatus; progress: number; blockers: string | null; supportRequested: string | null; nextSteps: string | null }> = [];
  const measurements: Array<{ indicatorId: string; measuredOn: string; value: number; followUpId: string; recordedBy: string }> = [];
  let reportedDone = false;
  const latestOf = new Map<string, string>();
  for (const session of sessions) latestOf.set(`${session.programmeId}/${session.cooperativeId}`, session.id);

  sessions.forEach((session, index) => {
    const heldOn = moroccanDayOf(session.startsAt);
    const key = `${session.programmeId}/${session.cooperativeId}`;
    const represented = session.registrationNumber === representedCooperativeNumber && latestOf.get(key) === session.id && session.status === 'planned';
    if (session.status !== 'held' && !(represented && !reportedDone)) return;
    const id = randomUUID();
    const inPlay = (actionsOf.get(key) ?? []).filter((action) => action.startsOn <= heldOn);
    const picked = inPlay.length <= 2 ? inPlay : [inPlay[index % inPlay.length]!, inPlay[(index + 1) % inPlay.length]!];
    const channel = session.channel === 'video' || session.channel === 'messaging' || session.channel === 'visit' ? session.channel : 'phone';
    if (represented) {
      reportedDone = true;
      followUps.push({
        id,
        programmeId: session.programmeId,
        cooperativeId: session.cooperativeId,
        sessionId: session.id,
        heldOn,
        channel,
        conductedBy: null,
        reportedBy: context.representativeId,
        reportedByRole: 'representative',
        status: 'reported',
        confirmedBy: null,
        confirmedAt: null,
        summary: 'Le consultant n’a pas pu appeler : voici où nous en sommes. Nous avons réuni le bureau et avançons sur les deux actions.',
        createdAt: new Date(Date.parse(session.endsAt) + 20 * 3600_000).toISOString(),
      });
      for (const action of picked) {
        const state = stateOn(action, today, today);
        updates.push({ followUpId: id, actionId: action.id, status: state.status === 'planned' ? 'in_progress' : state.status, progress: Math.min(100, state.progress + 10), blockers: null, supportRequested: 'Un appel du consultant pour valider le dossier.', nextSteps: nextSteps[index % nextSteps.length]! });
      }
      return;
    }
    followUps.push({
      id,
      programmeId: session.programmeId,
      cooperativeId: session.cooperativeId,
      sessionId: session.id,
      heldOn,
      channel,
      conductedBy: context.consultantId,
      reportedBy: context.consultantId,
      reportedByRole: 'consultant',
      status: 'confirmed',
      confirmedBy: context.consultantId,
      confirmedAt: session.endsAt,
      summary: session.kind === 'coaching' ? 'Visite au siège : revue du plan d’action avec le bureau, des achats et de la production du mois.' : summaries[index % summaries.length]!,
      createdAt: session.endsAt,
    });
    picked.forEach((action, position) => {
      const state = stateOn(action, heldOn, today);
      updates.push({
        followUpId: id,
        actionId: action.id,
        status: state.status,
        progress: state.progress,
        blockers: state.status === 'blocked' ? blockers[index % blockers.length]! : null,
        supportRequested: state.status === 'blocked' || (index + position) % 5 === 0 ? supports[(index + position) % supports.length]! : null,
        nextSteps: state.status === 'done' ? null : nextSteps[(index + position) % nextSteps.length]!,
      });
      if (position === 0 && action.indicatorId && action.target !== null) {
        const baseline = action.baseline ?? 0;
        const share = Math.min(1, Math.max(0, state.progress / 100));
        measurements.push({ indicatorId: action.indicatorId, measuredOn: heldOn, value: Math.round((baseline + (action.target - baseline) * share * 0.8) * 100) / 100, followUpId: id, recordedBy: context.consultantId });
      }
    });
  });
  await insertRows(trx, followUps, updates, measurements);
}

async function insertRows(
  trx: Db,
  followUps: Array<{
    id: string;
    programmeId: string;
    cooperativeId: string;
    sessionId: string;
    heldOn: string;
    channel: 'phone' | 'video' | 'messaging' | 'visit';
    conductedBy: string | null;
    reportedBy: string;
    reportedByRole: 'consultant' | 'representative';
    status: 'reported' | 'confirmed';
    confirmedBy: string | null;
    confirmedAt: string | null;
    summary: string;
    createdAt: string;
  }>,
  updates: Array<{ followUpId: string; actionId: string; status: ActionStatus; progress: number; blockers: string | null; supportRequested: string | null; nextSteps: string | null }>,
  measurements: Array<{ indicatorId: string; measuredOn: string; value: number; followUpId: string; recordedBy: string }>,
) {
  const chunk = <T>(rows: T[]) => Array.from({ length: Math.ceil(rows.length / 500) }, (_, index) => rows.slice(index * 500, index * 500 + 500));
  for (const rows of chunk(followUps)) await trx.insertInto('followUps').values(rows.map((row) => ({ ...row, updatedAt: row.createdAt }))).execute();
  for (const rows of chunk(updates)) await trx.insertInto('followUpActionUpdates').values(rows).execute();
  for (const rows of chunk(measurements)) await trx.insertInto('indicatorMeasurements').values(rows).execute();
}
