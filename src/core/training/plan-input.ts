import { cadencesSchema } from '../programmes/programme-settings.schema.js';
import type { PlanCalendar, PlanCooperative, PlanTrainer } from './plan-generation.js';

/**
 * From what the database holds to the planner's calendar and trainers: pure,
 * so that the choices (which provinces a trainer covers, which cadences
 * count) are tested without a database.
 */

export function planCalendarOf(phase: { startsOn: string; endsOn: string }, cadences: unknown): PlanCalendar {
  const parsed = cadencesSchema.safeParse(cadences ?? {});
  const value = parsed.success ? parsed.data : { workshops: null, coaching: null };
  return {
    trainingStart: phase.startsOn,
    trainingEnd: phase.endsOn,
    workshops: value.workshops ? { perMonth: value.workshops.perMonth, durationMonths: value.workshops.durationMonths } : null,
    coaching: value.coaching ? { sessions: value.coaching.sessions, overMonths: value.coaching.overMonths } : null,
  };
}

/**
 * The provinces trainers work in, unless known otherwise: the programme's
 * provinces, those of its regions, and the provinces of its cooperatives
 * (a trainer always reaches the cooperatives of the programme).
 */
export function trainerProvincesOf(programmeProvinces: readonly string[], regionProvinces: readonly string[], cooperatives: readonly Pick<PlanCooperative, 'provinceCode'>[]): string[] {
  return [...new Set([...programmeProvinces, ...regionProvinces, ...cooperatives.map((cooperative) => cooperative.provinceCode)])].sort();
}

export function planTrainersOf(userIds: readonly string[], provinceCodes: readonly string[]): PlanTrainer[] {
  return [...new Set(userIds)].sort().map((id) => ({ id, provinceCodes: [...provinceCodes], unavailable: [] }));
}
