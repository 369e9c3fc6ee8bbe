import { addMonths } from './eligibility.js';
import { phaseKinds, type PhaseKindCode } from './programme-settings.schema.js';

/** A programme's calendar: its end date and a first proposal of its five phases. */

const dayMs = 86_400_000;

function toDays(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / dayMs;
}

function fromDays(days: number): string {
  return new Date(Math.round(days) * dayMs).toISOString().slice(0, 10);
}

/** The last day of a programme that starts on `startDate` and lasts `durationMonths`. */
export function programmeEndDate(startDate: string | null, durationMonths: number | null): string | null {
  if (!startDate || !durationMonths) return null;
  return fromDays(toDays(addMonths(startDate, durationMonths)) - 1);
}

/** Share of the programme's time each phase gets in the proposal: diagnostic, training, accompaniment, follow-up, closing. */
const phaseWeights: Record<PhaseKindCode, number> = { diagnostic: 1, training: 2, accompaniment: 4, follow_up: 2, closing: 1 };

/**
 * The five phases one after the other, covering the whole programme in
 * proportion to `phaseWeights`; the manager adjusts them afterwards.
 */
export function proposePhases(startDate: string, durationMonths: number): Array<{ kind: PhaseKindCode; startsOn: string; endsOn: string }> {
  const first = toDays(startDate);
  const end = toDays(addMonths(startDate, durationMonths));
  const totalWeight = phaseKinds.reduce((sum, kind) => sum + phaseWeights[kind], 0);
  const days = end - first;
  let cumulative = 0;
  return phaseKinds.map((kind) => {
    const from = first + Math.round((days * cumulative) / totalWeight);
    cumulative += phaseWeights[kind];
    const to = first + Math.round((days * cumulative) / totalWeight);
    return { kind, startsOn: fromDays(from), endsOn: fromDays(Math.max(from, to - 1)) };
  });
}

/** Where `date` falls between `from` and `to`, from 0 to 1 (clamped), for a timeline. */
export function positionInRange(date: string, from: string, to: string): number {
  const span = toDays(to) - toDays(from);
  if (span <= 0) return 0;
  return Math.min(1, Math.max(0, (toDays(date) - toDays(from)) / span));
}
