import { fromMoroccanWallClock } from '../sessions/local-time.js';
import type { PlanResult } from './plan.schema.js';

/**
 * The sessions an approved training plan stands for: one training session
 * per session of each group that has cooperatives, and each practical
 * workshop. Each carries a key naming the planned item it comes from, so
 * that creating a plan's sessions again creates only those still missing.
 * Pure: the page counts what is to be created with the same function.
 */

export interface PlanSessionDraft {
  planKey: string;
  kind: 'training' | 'workshop';
  title: string;
  moduleCode: string | null;
  startsAt: string;
  endsAt: string;
  place: string;
  provinceCode: string;
  facilitatorId: string | null;
  cooperativeIds: string[];
}

export interface PlanSessionOptions {
  /** Code and title (in the wanted language) of each module, by id. */
  modules: Readonly<Record<string, { code: string; title: string }>>;
  /** The title of the n-th workshop (1-based) of a place. */
  workshopTitle: (number: number, place: string) => string;
  /** Moroccan wall-clock time sessions start at. */
  startTime: string;
  workshopHours: number;
}

export const groupSessionKey = (moduleId: string, groupNumber: number, sessionIndex: number) => `group:${moduleId}:${groupNumber}:${sessionIndex}`;
export const workshopSessionKey = (workshopIndex: number) => `workshop:${workshopIndex}`;

function interval(date: string, time: string, hours: number): { startsAt: string; endsAt: string } {
  const startsAt = fromMoroccanWallClock(date, time);
  if (!startsAt) throw new Error(`Invalid date ${date} or time ${time}`);
  return { startsAt, endsAt: new Date(Date.parse(startsAt) + Math.max(0.25, hours) * 3_600_000).toISOString() };
}

export function sessionsOfPlan(result: PlanResult, options: PlanSessionOptions): PlanSessionDraft[] {
  const drafts: PlanSessionDraft[] = [];
  for (const planned of result.modules) {
    const module = options.modules[planned.moduleId];
    for (const group of planned.groups) {
      if (group.cooperativeIds.length === 0) continue;
      group.sessions.forEach((session, index) => {
        drafts.push({
          planKey: groupSessionKey(planned.moduleId, group.number, index),
          kind: 'training',
          title: group.sessions.length > 1 ? `${module?.title ?? planned.code} (${index + 1}/${group.sessions.length})` : (module?.title ?? planned.code),
          moduleCode: module?.code ?? planned.code,
          ...interval(session.date, options.startTime, session.hours),
          place: group.place,
          provinceCode: group.hubProvinceCode,
          facilitatorId: group.trainerId,
          cooperativeIds: [...group.cooperativeIds],
        });
      });
    }
  }
  const perPlace = new Map<string, number>();
  result.workshops.forEach((workshop, index) => {
    const number = (perPlace.get(workshop.place) ?? 0) + 1;
    perPlace.set(workshop.place, number);
    if (workshop.cooperativeIds.length === 0) return;
    drafts.push({
      planKey: workshopSessionKey(index),
      kind: 'workshop',
      title: options.workshopTitle(number, workshop.place),
      moduleCode: null,
      ...interval(workshop.date, options.startTime, options.workshopHours),
      place: workshop.place,
      provinceCode: workshop.provinceCode,
      facilitatorId: workshop.trainerId,
      cooperativeIds: [...workshop.cooperativeIds],
    });
  });
  return drafts;
}
