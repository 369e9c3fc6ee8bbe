import type { Db } from '../db/database.js';
import { followUpsLeftPlanned } from './demo-follow-ups.js';

/**
 * The accompaniment of both demo programmes as sessions: for the Laâyoune
 * programme (whose trainings and six monthly practical workshops come from
 * its approved training plan) a remote follow-up twice a month per
 * cooperative; for
 * Mourafaka the grouped training of managers by province and twelve
 * individual coaching sessions per cooperative over 24 months. Sessions
 * already past are held, with attendance and a report.
 */

const dayMs = 24 * 3600 * 1000;

interface Cohort {
  programmeId: string;
  start: Date;
  cooperatives: Array<{ id: string; provinceCode: string }>;
}

interface Context {
  facilitatorId: string;
  managerId: string;
  today: Date;
  /** Module code → French title, from the installed catalogue. */
  moduleTitles: ReadonlyMap<string, string>;
}

interface PlannedSession {
  kind: 'training' | 'workshop' | 'coaching' | 'remote_follow_up';
  title: string;
  moduleCode: string | null;
  startsAt: Date;
  hours: number;
  provinceCode: string;
  place: string | null;
  channel: 'phone' | 'video' | 'messaging' | 'visit' | 'in_person';
  cooperativeIds: string[];
}

const provinceTowns: Record<string, string> = {
  '11.321': 'Laâyoune, salle de la délégation ODCO',
  '11.537': 'Tarfaya, maison des associations',
  '11.121': 'Boujdour, centre socio-culturel',
  '09.001': 'Agadir, délégation régionale ODCO',
  '09.273': 'Inezgane, maison de la femme',
  '09.163': 'Biougra, centre de la commune',
  '09.541': 'Taroudannt, chambre d’artisanat',
  '09.581': 'Tiznit, espace associatif',
  '09.551': 'Tata, maison des jeunes',
};

/** A weekday at 9:00 Moroccan time (UTC+1): Saturdays and Sundays move to the Monday. */
function workdayAt(date: Date, hour = 9): Date {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), hour - 1));
  while (day.getUTCDay() === 0 || day.getUTCDay() === 6) day.setUTCDate(day.getUTCDate() + 1);
  return day;
}

function byProvince(cohort: Cohort): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const cooperative of cohort.cooperatives) groups.set(cooperative.provinceCode, [...(groups.get(cooperative.provinceCode) ?? []), cooperative.id]);
  return groups;
}

/**
 * The southern programme's trainings and workshops come from its approved plan; here, its fortnightly remote
 * follow-up of the action plans, from their agreement (about ten weeks in) on: by today some are past, one falls
 * this week for about half of the cooperatives.
 */
function south(cohort: Cohort): PlannedSession[] {
  const sessions: PlannedSession[] = [];
  const at = (days: number) => new Date(cohort.start.getTime() + days * dayMs);
  cohort.cooperatives.forEach((cooperative, index) => {
    for (let fortnight = 0; fortnight < 13; fortnight += 1) {
      sessions.push({
        kind: 'remote_follow_up',
        title: 'Suivi bimensuel à distance du plan d’action',
        moduleCode: null,
        startsAt: workdayAt(at(70 + fortnight * 14 + (index % 10)), 10 + (index % 6)),
        hours: 0.5,
        provinceCode: cooperative.provinceCode,
        place: null,
        channel: index % 3 === 0 ? 'video' : 'phone',
        cooperativeIds: [cooperative.id],
      });
    }
  });
  return sessions;
}

function souss(cohort: Cohort, context: Context): PlannedSession[] {
  const sessions: PlannedSession[] = [];
  const at = (days: number) => new Date(cohort.start.getTime() + days * dayMs);
  const groups = [...byProvince(cohort)];
  const modules = ['GOV-ORGANS', 'FIN-ACCOUNTING', 'MKT-PROMOTION', 'STR-DEV-PLAN'];
  modules.forEach((code, index) => {
    groups.forEach(([provinceCode, cooperativeIds], groupIndex) => {
      sessions.push({
        kind: 'training',
        title: `Formation groupée des gestionnaires — ${context.moduleTitles.get(code) ?? code}`,
        moduleCode: code,
        startsAt: workdayAt(at(48 + index * 21 + groupIndex * 2)),
        hours: 6,
        provinceCode,
        place: provinceTowns[provinceCode] ?? null,
        channel: 'in_person',
        cooperativeIds,
      });
    });
  });
  cohort.cooperatives.forEach((cooperative, index) => {
    for (let visit = 0; visit < 12; visit += 1) {
      sessions.push({
        kind: 'coaching',
        title: `Accompagnement individuel n° ${visit + 1} sur 12`,
        moduleCode: null,
        startsAt: workdayAt(at(60 + visit * 60 + (index % 20)), 9 + (index % 4) * 2),
        hours: 3,
        provinceCode: cooperative.provinceCode,
        place: 'Au siège de la coopérative',
        channel: 'visit',
        cooperativeIds: [cooperative.id],
      });
    }
  });
  return sessions;
}

const reports = {
  training: {
    done: 'Exposé, étude de cas sur une coopérative de la région, exercices en petits groupes sur les documents de la coopérative.',
    decisions: 'Chaque coopérative applique l’outil présenté d’ici la prochaine séance ; le bureau désigne une personne responsable.',
    nextSteps: 'Vérification lors de l’atelier pratique mensuel ; supports remis sur clé USB.',
  },
  workshop: {
    done: 'Revue des actions du mois, exercices pratiques sur les outils de gestion.',
    decisions: 'Mise à jour du plan d’action ; deux actions reportées au mois suivant.',
    nextSteps: 'Suivi à distance dans quinze jours.',
  },
  coaching: {
    done: 'Visite au siège : revue du plan de développement, des achats et de la production du mois.',
    decisions: 'Ouverture d’un cahier de stock ; devis à demander pour l’emballage.',
    nextSteps: 'Prochaine visite dans deux mois ; appel de suivi entre-temps.',
  },
  remote_follow_up: {
    done: 'Appel avec la présidente : état d’avancement des actions du plan.',
    decisions: 'Relance de la banque pour le compte de la coopérative.',
    nextSteps: 'Envoyer les justificatifs avant le prochain suivi.',
  },
} as const;

/** Inserts the sessions of both cohorts not planned by a training plan, then holds every session already past. */
export async function loadDemoSessions(trx: Db, cohorts: { south: Cohort; souss: Cohort }, context: Context): Promise<void> {
  const planned = [
    ...south(cohorts.south).map((session) => ({ ...session, programmeId: cohorts.south.programmeId })),
    ...souss(cohorts.souss, context).map((session) => ({ ...session, programmeId: cohorts.souss.programmeId })),
  ];
  for (const session of planned) {
    const row = await trx
      .insertInto('programmeSessions')
      .values({
        programmeId: session.programmeId,
        kind: session.kind,
        title: session.title,
        moduleCode: session.moduleCode,
        startsAt: session.startsAt.toISOString(),
        endsAt: new Date(session.startsAt.getTime() + session.hours * 3600 * 1000).toISOString(),
        place: session.place,
        provinceCode: session.provinceCode,
        channel: session.channel,
        facilitatorId: context.facilitatorId,
        createdBy: context.managerId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('sessionCooperatives')
      .values(session.cooperativeIds.map((cooperativeId) => ({ sessionId: row.id, cooperativeId })))
      .execute();
  }
  const programmeIds = [cohorts.south.programmeId, cohorts.souss.programmeId];
  await holdPastSessions(trx, programmeIds, context.today, await followUpsLeftPlanned(trx, programmeIds, context.today));
}

/**
 * Every planned session of the programmes that ended before today is held, with attendance, a report and, for
 * group sessions, evaluations — except the follow-ups the demo leaves late or reported (see demo-follow-ups.ts).
 */
async function holdPastSessions(trx: Db, programmeIds: string[], today: Date, leftPlanned: ReadonlySet<string>): Promise<void> {
  const past = (
    await trx
      .selectFrom('programmeSessions')
      .select(['id', 'kind', 'facilitatorId'])
      .where('programmeId', 'in', programmeIds)
      .where('status', '=', 'planned')
      .where('endsAt', '<', today.toISOString())
      .orderBy('startsAt')
      .orderBy('id')
      .execute()
  ).filter((session) => !leftPlanned.has(session.id));
  if (past.length === 0) return;
  const participants = await trx.selectFrom('sessionCooperatives').select(['sessionId', 'cooperativeId']).where('sessionId', 'in', past.map((session) => session.id)).execute();
  const cooperativesOf = new Map<string, string[]>();
  for (const row of participants) cooperativesOf.set(row.sessionId, [...(cooperativesOf.get(row.sessionId) ?? []), row.cooperativeId]);
  const members = await trx
    .selectFrom('cooperativeMembers')
    .select(['id', 'cooperativeId', 'fullName', 'sex', 'ageGroup', 'role'])
    .where('cooperativeId', 'in', [...new Set(participants.map((row) => row.cooperativeId))])
    .where('role', 'in', ['president', 'treasurer'])
    .orderBy('cooperativeId')
    .orderBy('id')
    .execute();
  for (const [index, session] of past.entries()) {
    const cooperativeIds = cooperativesOf.get(session.id) ?? [];
    await trx.updateTable('programmeSessions').set({ status: 'held', report: JSON.stringify(reports[session.kind]) }).where('id', '=', session.id).execute();
    const attendance = members
      .filter((member) => cooperativeIds.includes(member.cooperativeId))
      .filter((member) => session.kind !== 'remote_follow_up' || member.role === 'president')
      .map((member, position) => ({
        sessionId: session.id,
        cooperativeId: member.cooperativeId,
        memberId: member.id,
        fullName: member.fullName,
        sex: member.sex as 'female' | 'male' | null,
        ageGroup: member.ageGroup,
        // Most come; about one in nine is absent, never the same pattern twice.
        present: (index + position) % 9 !== 4,
      }));
    if (attendance.length > 0) await trx.insertInto('sessionAttendance').values(attendance).execute();
    if (session.kind === 'training' || session.kind === 'workshop') {
      await trx
        .insertInto('sessionEvaluations')
        .values(
          cooperativeIds.slice(0, 3).map((cooperativeId, position) => ({
            sessionId: session.id,
            cooperativeId,
            satisfaction: 3 + ((index + position) % 3),
            comment: position === 0 ? 'Exemples concrets, à refaire sur le terrain.' : null,
            quizBefore: 40 + ((index * 7 + position * 11) % 25),
            quizAfter: 65 + ((index * 5 + position * 13) % 30),
            createdBy: session.facilitatorId,
          })),
        )
        .execute();
    }
  }
}
