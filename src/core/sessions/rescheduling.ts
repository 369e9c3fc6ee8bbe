import type { SessionStatus } from './session.schema.js';

/**
 * Moving a session and, on request, the sessions that depend on it (through `dependsOnId`, transitively). Pure:
 * the service locks the programme's sessions, asks for the plan, and applies exactly what the user previewed.
 *
 * - `none`: only the session moves; dependents that would then start before it ends are reported as conflicts.
 * - `as_needed`: dependents that would start before their (moved) prerequisite ends are shifted, transitively.
 * - `keep_gaps`: every dependent is shifted, so the gaps between them stay as they were.
 *
 * Dependents move by the same delta: how far the moved session's end moved (equal to how far its start moved
 * unless its duration changed), so a dependent keeps its gap after its prerequisite. Held, cancelled and postponed
 * sessions never move and nothing beyond them moves; a held one that would have had to move is a conflict, and so
 * is the moved session itself when it would start before its own prerequisite ends.
 */

export const shiftModes = ['none', 'as_needed', 'keep_gaps'] as const;
export type ShiftMode = (typeof shiftModes)[number];

export interface SchedulableSession {
  id: string;
  startsAt: string;
  endsAt: string;
  dependsOnId: string | null;
  status: SessionStatus;
}

export interface SessionMove {
  sessionId: string;
  startsAt: string;
  endsAt: string;
  shiftDependents: ShiftMode;
}

export interface PlannedShift {
  sessionId: string;
  oldStartsAt: string;
  oldEndsAt: string;
  newStartsAt: string;
  newEndsAt: string;
}

export const rescheduleConflictReasons = ['held', 'starts_before_prerequisite'] as const;
export type RescheduleConflictReason = (typeof rescheduleConflictReasons)[number];

export interface RescheduleConflict {
  sessionId: string;
  reason: RescheduleConflictReason;
}

export interface ReschedulePlan {
  /** The moved session first, then the dependents that move with it, in dependency order. */
  shifts: PlannedShift[];
  conflicts: RescheduleConflict[];
}

const shifted = (instant: string, delta: number) => new Date(Date.parse(instant) + delta).toISOString();

export function planReschedule(sessions: readonly SchedulableSession[], move: SessionMove): ReschedulePlan {
  const byId = new Map(sessions.map((session) => [session.id, session]));
  const moved = byId.get(move.sessionId);
  if (!moved) throw new Error(`unknown session ${move.sessionId}`);
  const dependentsOf = new Map<string, SchedulableSession[]>();
  for (const session of sessions) {
    if (session.dependsOnId === null || session.id === move.sessionId) continue;
    dependentsOf.set(session.dependsOnId, [...(dependentsOf.get(session.dependsOnId) ?? []), session]);
  }
  const delta = Date.parse(move.endsAt) - Date.parse(moved.endsAt);
  const shifts: PlannedShift[] = [
    { sessionId: moved.id, oldStartsAt: moved.startsAt, oldEndsAt: moved.endsAt, newStartsAt: new Date(move.startsAt).toISOString(), newEndsAt: new Date(move.endsAt).toISOString() },
  ];
  const conflicts: RescheduleConflict[] = [];
  // Moved earlier than its own prerequisite allows: said, not prevented (the user decides).
  const ownPrerequisite = moved.dependsOnId ? byId.get(moved.dependsOnId) : undefined;
  if (ownPrerequisite && (ownPrerequisite.status === 'planned' || ownPrerequisite.status === 'held') && Date.parse(move.startsAt) < Date.parse(ownPrerequisite.endsAt)) {
    conflicts.push({ sessionId: moved.id, reason: 'starts_before_prerequisite' });
  }
  const newEnd = new Map([[moved.id, Date.parse(move.endsAt)]]);
  const visited = new Set([moved.id]);
  const queue = [moved.id];
  while (queue.length > 0) {
    const prerequisiteId = queue.shift()!;
    const prerequisiteEnd = newEnd.get(prerequisiteId)!;
    for (const dependent of dependentsOf.get(prerequisiteId) ?? []) {
      if (visited.has(dependent.id)) continue;
      visited.add(dependent.id);
      const overlaps = Date.parse(dependent.startsAt) < prerequisiteEnd;
      const wanted = move.shiftDependents === 'keep_gaps' || (move.shiftDependents === 'as_needed' && overlaps);
      if (dependent.status === 'held') {
        if (wanted || overlaps) conflicts.push({ sessionId: dependent.id, reason: 'held' });
        continue;
      }
      if (dependent.status !== 'planned') continue;
      if (!wanted) {
        if (overlaps) conflicts.push({ sessionId: dependent.id, reason: 'starts_before_prerequisite' });
        continue;
      }
      const shift = {
        sessionId: dependent.id,
        oldStartsAt: dependent.startsAt,
        oldEndsAt: dependent.endsAt,
        newStartsAt: shifted(dependent.startsAt, delta),
        newEndsAt: shifted(dependent.endsAt, delta),
      };
      shifts.push(shift);
      newEnd.set(dependent.id, Date.parse(shift.newEndsAt));
      queue.push(dependent.id);
    }
  }
  return { shifts, conflicts };
}
