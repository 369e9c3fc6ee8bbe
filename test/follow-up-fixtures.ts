import type { Db } from '../src/server/db/database.js';
import { addDays, moroccanToday } from '../src/core/follow-up/dates.js';
import { fromMoroccanWallClock } from '../src/core/sessions/local-time.js';

/** Rows the follow-up tests need, inserted with Kysely directly (action plans are another capability). */

export function today(): string {
  return moroccanToday();
}

export function dayFromToday(days: number): string {
  return addDays(today(), days);
}

/** An agreed plan with two actions, the first with two indicators (one already measured), the second with none. */
export async function makeActionPlan(db: Db, programmeId: string, cooperativeId: string) {
  const plan = await db.insertInto('actionPlans').values({ programmeId, cooperativeId, status: 'agreed', acceptedAt: new Date().toISOString() }).returning('id').executeTakeFirstOrThrow();
  const [first, second] = await db
    .insertInto('planActions')
    .values([
      { actionPlanId: plan.id, position: 0, title: 'Tenir un cahier de stock', executorKind: 'member', startsOn: dayFromToday(-60), dueOn: dayFromToday(-10), agreedDueOn: dayFromToday(-20), needKeys: '[]' },
      { actionPlanId: plan.id, position: 1, title: 'Ouvrir un compte bancaire', executorKind: 'member', startsOn: dayFromToday(-30), dueOn: dayFromToday(30), agreedDueOn: dayFromToday(30), needKeys: '[]' },
    ])
    .returning('id')
    .execute();
  const indicators = await db
    .insertInto('actionIndicators')
    .values([
      { actionId: first!.id, kind: 'monitoring', label: 'Fiches de stock tenues', unit: 'fiches', baseline: 0, target: 12, position: 0 },
      { actionId: first!.id, kind: 'performance', label: 'Pertes de stock', unit: '%', baseline: 20, target: 5, position: 1 },
    ])
    .returning('id')
    .execute();
  await db.insertInto('indicatorMeasurements').values({ indicatorId: indicators[0]!.id, measuredOn: dayFromToday(-40), value: 2 }).execute();
  return { planId: plan.id, actionIds: [first!.id, second!.id] as [string, string], indicatorIds: [indicators[0]!.id, indicators[1]!.id] as [string, string] };
}

/** A planned remote follow-up of one cooperative, `days` from today at 10:00 in Morocco. */
export async function makeFollowUpSession(db: Db, programmeId: string, cooperativeId: string, days: number, facilitatorId: string | null = null, kind: 'remote_follow_up' | 'coaching' = 'remote_follow_up') {
  const startsAt = fromMoroccanWallClock(dayFromToday(days), '10:00')!;
  const session = await db
    .insertInto('programmeSessions')
    .values({ programmeId, kind, title: 'Suivi à distance', startsAt, endsAt: new Date(Date.parse(startsAt) + 1800_000).toISOString(), channel: 'phone', facilitatorId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('sessionCooperatives').values({ sessionId: session.id, cooperativeId }).execute();
  return session.id;
}
