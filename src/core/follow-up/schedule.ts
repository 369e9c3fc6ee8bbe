/**
 * The remote follow-ups a programme's cadence asks for, per enrolled cooperative: `perMonth` rounds a month over
 * the accompaniment and follow-up phases, on weekdays only. Within a round, each consultant's cooperatives are
 * spread over the round's weekdays (and over the hours of a day) so that nobody gets eighteen calls one morning.
 * Pure: the dates are calendar days (YYYY-MM-DD), the times Moroccan wall-clock times.
 */

export interface SchedulePhase {
  kind: string;
  startsOn: string;
  endsOn: string;
}

export interface ScheduleCooperative {
  cooperativeId: string;
  consultantId: string | null;
}

export interface ScheduledFollowUp {
  cooperativeId: string;
  consultantId: string | null;
  date: string;
  /** HH:mm in Morocco. */
  time: string;
  /** 0-based round; its period runs from `periodStart` (included) to `periodEnd` (excluded). */
  round: number;
  periodStart: string;
  periodEnd: string;
}

/** Phases the remote follow-up runs in. */
export const followUpPhaseKinds = ['accompaniment', 'follow_up'] as const;
/** Call slots of a day, in the order they are handed out. */
export const callSlots = ['09:30', '11:00', '14:30', '10:15', '15:30', '12:00', '16:30', '09:00'] as const;

const dayMs = 86_400_000;
const toDay = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / dayMs);
const fromDay = (day: number) => new Date(day * dayMs).toISOString().slice(0, 10);
const isWeekday = (day: number) => {
  const weekday = new Date(day * dayMs).getUTCDay();
  return weekday !== 0 && weekday !== 6;
};

/** The span the follow-ups cover: from the first day of an accompaniment or follow-up phase to the last; null without one. */
export function followUpWindow(phases: readonly SchedulePhase[]): { from: string; to: string } | null {
  const relevant = phases.filter((phase) => (followUpPhaseKinds as readonly string[]).includes(phase.kind));
  if (relevant.length === 0) return null;
  const from = relevant.map((phase) => phase.startsOn).sort()[0]!;
  const to = relevant.map((phase) => phase.endsOn).sort().at(-1)!;
  return from <= to ? { from, to } : null;
}

/** Round boundaries as day numbers: `perMonth` rounds in each average month (30.44 days), the last one cut at the window's end. */
export function roundPeriods(window: { from: string; to: string }, perMonth: number): Array<{ start: number; end: number }> {
  const first = toDay(window.from);
  const last = toDay(window.to);
  const length = 365.25 / 12 / perMonth;
  const periods: Array<{ start: number; end: number }> = [];
  for (let round = 0; ; round += 1) {
    const start = first + Math.round(round * length);
    if (start > last) break;
    const end = Math.min(first + Math.round((round + 1) * length), last + 1);
    periods.push({ start, end });
  }
  return periods;
}

/**
 * Every follow-up of every cooperative over the window. A round's weekdays are shared out among each consultant's
 * cooperatives in order (cooperative j of n goes to weekday ⌊j·W/n⌋), and cooperatives on the same day get
 * successive call slots. A round with no weekday (a period cut short on a weekend) is skipped.
 */
export function scheduleFollowUps(input: { phases: readonly SchedulePhase[]; perMonth: number | null; cooperatives: readonly ScheduleCooperative[] }): ScheduledFollowUp[] {
  const window = followUpWindow(input.phases);
  if (!window || !input.perMonth || input.perMonth <= 0) return [];
  const byConsultant = new Map<string, ScheduleCooperative[]>();
  for (const cooperative of input.cooperatives) {
    const key = cooperative.consultantId ?? '';
    byConsultant.set(key, [...(byConsultant.get(key) ?? []), cooperative]);
  }
  const scheduled: ScheduledFollowUp[] = [];
  roundPeriods(window, input.perMonth).forEach((period, round) => {
    const weekdays: number[] = [];
    for (let day = period.start; day < period.end; day += 1) if (isWeekday(day)) weekdays.push(day);
    if (weekdays.length === 0) return;
    for (const group of byConsultant.values()) {
      const perDay = new Map<number, number>();
      group.forEach((cooperative, index) => {
        const day = weekdays[Math.floor((index * weekdays.length) / group.length)]!;
        const slot = perDay.get(day) ?? 0;
        perDay.set(day, slot + 1);
        scheduled.push({
          cooperativeId: cooperative.cooperativeId,
          consultantId: cooperative.consultantId,
          date: fromDay(day),
          time: callSlots[slot % callSlots.length]!,
          round,
          periodStart: fromDay(period.start),
          periodEnd: fromDay(period.end),
        });
      });
    }
  });
  return scheduled.sort((a, b) => a.date.localeCompare(b.date) || a.time.localeCompare(b.time) || a.cooperativeId.localeCompare(b.cooperativeId));
}

/**
 * The scheduled follow-ups not planned yet: a round is covered when the cooperative already has a remote follow-up
 * (of any status — a cancelled one was cancelled on purpose, a postponed one has moved) starting within its period.
 */
export function missingFollowUps(scheduled: readonly ScheduledFollowUp[], existing: ReadonlyArray<{ cooperativeId: string; date: string }>): ScheduledFollowUp[] {
  const byCooperative = new Map<string, string[]>();
  for (const session of existing) byCooperative.set(session.cooperativeId, [...(byCooperative.get(session.cooperativeId) ?? []), session.date]);
  return scheduled.filter((item) => !(byCooperative.get(item.cooperativeId) ?? []).some((date) => date >= item.periodStart && date < item.periodEnd));
}
