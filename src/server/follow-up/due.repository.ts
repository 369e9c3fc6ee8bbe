import { sql } from 'kysely';
import { fromMoroccanWallClock } from '../../core/sessions/local-time.js';
import type { Db } from '../db/database.js';

/**
 * The follow-ups that are due: planned remote follow-ups and coaching visits of one
 * cooperative that no follow-up has been recorded against yet. "This week" runs from
 * Monday to Sunday in Morocco; "overdue" means planned before today in Morocco.
 *
 * At national scale most follow-ups are held, so the planned ones are few: the partial
 * indexes of migration 2026-11-22T23-10-00-follow-up-indexes (planned follow-up sessions by
 * start, and by programme and start) let both scopes read only those.
 */

export interface DueFollowUpFilter {
  scope: 'week' | 'overdue';
  /** Today in Morocco, YYYY-MM-DD. */
  today: string;
  /** Only these programmes (null: every programme). */
  programmeIds?: string[] | null;
  /** Only the follow-ups this person runs: the session's facilitator, else the cooperative's consultant in the programme. */
  consultantId?: string | null;
  limit?: number;
  offset?: number;
}

export interface DueFollowUpRow {
  sessionId: string;
  programmeId: string;
  /** The programme's French name (its name of record); the Arabic and English ones when it has them. */
  programmeName: string;
  programmeNameAr: string | null;
  programmeNameEn: string | null;
  cooperativeId: string;
  cooperativeNameFr: string | null;
  cooperativeNameAr: string | null;
  provinceCode: string | null;
  kind: 'remote_follow_up' | 'coaching';
  channel: string | null;
  startsAt: string;
  consultantId: string | null;
  consultantName: string | null;
  consultantEmail: string | null;
  consultantLocale: string | null;
}

const dayMs = 86_400_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** Monday of the week of `date` (ISO weeks). */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/** The instants between which the scope's follow-ups fall. */
export function dueWindow(scope: DueFollowUpFilter['scope'], today: string): { from: string | null; to: string } {
  const midnight = (date: string) => fromMoroccanWallClock(date, '00:00')!;
  if (scope === 'overdue') return { from: null, to: midnight(today) };
  const monday = mondayOf(today);
  return { from: midnight(monday), to: midnight(addDays(monday, 7)) };
}

export async function listDueFollowUps(db: Db, filter: DueFollowUpFilter): Promise<{ items: DueFollowUpRow[]; total: number }> {
  const window = dueWindow(filter.scope, filter.today);
  let query = db
    .selectFrom('programmeSessions as s')
    .innerJoin('sessionCooperatives as sc', 'sc.sessionId', 's.id')
    .innerJoin('cooperatives as c', 'c.id', 'sc.cooperativeId')
    .innerJoin('programmes as p', 'p.id', 's.programmeId')
    .leftJoin('enrolments as e', (join) => join.onRef('e.programmeId', '=', 's.programmeId').onRef('e.cooperativeId', '=', 'sc.cooperativeId'))
    .leftJoin('users as u', (join) => join.on('u.id', '=', sql<string>`coalesce(s.facilitator_id, e.consultant_id)`))
    .where('s.kind', 'in', ['remote_follow_up', 'coaching'])
    .where('s.status', '=', 'planned')
    .where('s.startsAt', '<', window.to)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('followUps as f').select(sql`1`.as('one')).whereRef('f.sessionId', '=', 's.id'))))
    // A cooperative that left the programme is no longer followed.
    .where((eb) => eb.or([eb('e.status', 'is', null), eb('e.status', '<>', 'withdrawn')]));
  if (window.from) query = query.where('s.startsAt', '>=', window.from);
  if (filter.programmeIds) query = filter.programmeIds.length === 0 ? query.where(sql<boolean>`false`) : query.where('s.programmeId', 'in', filter.programmeIds);
  if (filter.consultantId) query = query.where(sql<string>`coalesce(s.facilitator_id, e.consultant_id)`, '=', filter.consultantId);
  const [items, total] = await Promise.all([
    query
      .select([
        's.id as sessionId',
        's.programmeId',
        'p.nameFr as programmeName',
        'p.nameAr as programmeNameAr',
        'p.nameEn as programmeNameEn',
        'sc.cooperativeId',
        'c.nameFr as cooperativeNameFr',
        'c.nameAr as cooperativeNameAr',
        'c.provinceCode',
        's.kind',
        's.channel',
        's.startsAt',
        'u.id as consultantId',
        'u.displayName as consultantName',
        'u.email as consultantEmail',
        'u.locale as consultantLocale',
      ])
      .orderBy('s.startsAt')
      .orderBy('s.id')
      .limit(filter.limit ?? 100)
      .offset(filter.offset ?? 0)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items: items as DueFollowUpRow[], total: Number(total.count) };
}
