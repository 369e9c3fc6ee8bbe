import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planReschedule, shiftModes, type SchedulableSession } from './rescheduling.js';
import { sessionStatuses } from './session.schema.js';

const hour = 3_600_000;
const base = Date.parse('2026-03-02T09:00:00Z');
const at = (hours: number) => new Date(base + hours * hour).toISOString();

/** A consistent programme: each session depends on an earlier one (or none) and starts after it ends. */
const programmeArbitrary = fc
  .array(fc.record({ parent: fc.option(fc.nat(), { nil: null }), gap: fc.integer({ min: 0, max: 400 }), length: fc.integer({ min: 1, max: 8 }), status: fc.constantFrom(...sessionStatuses) }), { minLength: 1, maxLength: 14 })
  .map((specs) => {
    const sessions: SchedulableSession[] = [];
    specs.forEach((spec, index) => {
      const parent = spec.parent === null || index === 0 ? null : sessions[spec.parent % index]!;
      const start = (parent ? Date.parse(parent.endsAt) : base) + spec.gap * hour;
      sessions.push({
        id: `s${index}`,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + spec.length * hour).toISOString(),
        dependsOnId: parent?.id ?? null,
        status: index === 0 ? 'planned' : spec.status,
      });
    });
    return sessions;
  });

const moveArbitrary = fc.record({ index: fc.nat(), hours: fc.integer({ min: -300, max: 600 }), mode: fc.constantFrom(...shiftModes) });

function descendants(sessions: readonly SchedulableSession[], id: string): Set<string> {
  const found = new Set<string>();
  const walk = (parentId: string) => sessions.filter((session) => session.dependsOnId === parentId && !found.has(session.id)).forEach((session) => (found.add(session.id), walk(session.id)));
  walk(id);
  return found;
}

function applyMove(sessions: readonly SchedulableSession[], index: number, hours: number, mode: (typeof shiftModes)[number]) {
  const moved = sessions[index % sessions.length]!;
  const move = { sessionId: moved.id, startsAt: new Date(Date.parse(moved.startsAt) + hours * hour).toISOString(), endsAt: new Date(Date.parse(moved.endsAt) + hours * hour).toISOString(), shiftDependents: mode };
  return { moved, move, plan: planReschedule(sessions, move) };
}

describe('rescheduling a session and its dependents', () => {
  const sessions: SchedulableSession[] = [
    { id: 'a', startsAt: at(0), endsAt: at(3), dependsOnId: null, status: 'planned' },
    { id: 'b', startsAt: at(24), endsAt: at(27), dependsOnId: 'a', status: 'planned' },
    { id: 'c', startsAt: at(48), endsAt: at(51), dependsOnId: 'b', status: 'planned' },
    { id: 'd', startsAt: at(200), endsAt: at(203), dependsOnId: 'a', status: 'held' },
    { id: 'e', startsAt: at(300), endsAt: at(303), dependsOnId: 'a', status: 'cancelled' },
  ];

  it('moves only what would start before its prerequisite ends, transitively', () => {
    const plan = planReschedule(sessions, { sessionId: 'a', startsAt: at(25), endsAt: at(28), shiftDependents: 'as_needed' });
    expect(plan.shifts).toEqual([
      { sessionId: 'a', oldStartsAt: at(0), oldEndsAt: at(3), newStartsAt: at(25), newEndsAt: at(28) },
      { sessionId: 'b', oldStartsAt: at(24), oldEndsAt: at(27), newStartsAt: at(49), newEndsAt: at(52) },
      { sessionId: 'c', oldStartsAt: at(48), oldEndsAt: at(51), newStartsAt: at(73), newEndsAt: at(76) },
    ]);
    expect(plan.conflicts).toEqual([]);
  });

  it('keeps the gaps when asked, skips cancelled sessions and reports a held one', () => {
    const plan = planReschedule(sessions, { sessionId: 'a', startsAt: at(2), endsAt: at(5), shiftDependents: 'keep_gaps' });
    expect(plan.shifts.map((shift) => [shift.sessionId, shift.newStartsAt])).toEqual([
      ['a', at(2)],
      ['b', at(26)],
      ['c', at(50)],
    ]);
    expect(plan.conflicts).toEqual([{ sessionId: 'd', reason: 'held' }]);
  });

  it('moves only the session when asked, and says which dependents would then overlap', () => {
    const plan = planReschedule(sessions, { sessionId: 'a', startsAt: at(25), endsAt: at(28), shiftDependents: 'none' });
    expect(plan.shifts.map((shift) => shift.sessionId)).toEqual(['a']);
    expect(plan.conflicts).toEqual([{ sessionId: 'b', reason: 'starts_before_prerequisite' }]);
  });

  it('moves only planned dependents of the moved session, each once, by the same delta', () => {
    fc.assert(
      fc.property(programmeArbitrary, moveArbitrary, (programme, { index, hours, mode }) => {
        const { moved, plan } = applyMove(programme, index, hours, mode);
        expect(plan.shifts[0]!.sessionId).toBe(moved.id);
        const ids = plan.shifts.map((shift) => shift.sessionId);
        expect(new Set(ids).size).toBe(ids.length);
        const reachable = descendants(programme, moved.id);
        for (const shift of plan.shifts.slice(1)) {
          expect(reachable.has(shift.sessionId)).toBe(true);
          expect(programme.find((session) => session.id === shift.sessionId)!.status).toBe('planned');
          expect(Date.parse(shift.newStartsAt) - Date.parse(shift.oldStartsAt)).toBe(hours * hour);
          expect(Date.parse(shift.newEndsAt) - Date.parse(shift.oldEndsAt)).toBe(hours * hour);
        }
        if (mode === 'none') expect(plan.shifts).toHaveLength(1);
      }),
    );
  });

  it('never leaves a planned dependent starting before its prerequisite ends without saying so', () => {
    fc.assert(
      fc.property(programmeArbitrary, moveArbitrary, (programme, { index, hours, mode }) => {
        const { plan } = applyMove(programme, index, hours, mode);
        const after = new Map(programme.map((session) => [session.id, { ...session }]));
        for (const shift of plan.shifts) Object.assign(after.get(shift.sessionId)!, { startsAt: shift.newStartsAt, endsAt: shift.newEndsAt });
        const flagged = new Set(plan.conflicts.map((conflict) => conflict.sessionId));
        for (const session of after.values()) {
          const prerequisite = session.dependsOnId ? after.get(session.dependsOnId) : undefined;
          // A cancelled or postponed session binds nothing, and is bound by nothing.
          if (!prerequisite || ['cancelled', 'postponed'].includes(session.status) || ['cancelled', 'postponed'].includes(prerequisite.status)) continue;
          if (Date.parse(session.startsAt) < Date.parse(prerequisite.endsAt)) expect(flagged.has(session.id)).toBe(true);
        }
      }),
    );
  });

  it('keeps every gap with keep_gaps, and moves a subset of that as needed', () => {
    fc.assert(
      fc.property(programmeArbitrary, moveArbitrary, (programme, { index, hours }) => {
        const keep = applyMove(programme, index, hours, 'keep_gaps').plan;
        const needed = applyMove(programme, index, hours, 'as_needed').plan;
        const kept = new Set(keep.shifts.map((shift) => shift.sessionId));
        expect(needed.shifts.every((shift) => kept.has(shift.sessionId))).toBe(true);
        const newEnds = new Map(keep.shifts.map((shift) => [shift.sessionId, Date.parse(shift.newEndsAt)]));
        for (const shift of keep.shifts.slice(1)) {
          const session = programme.find((candidate) => candidate.id === shift.sessionId)!;
          const prerequisite = programme.find((candidate) => candidate.id === session.dependsOnId)!;
          expect(Date.parse(shift.newStartsAt) - newEnds.get(prerequisite.id)!).toBe(Date.parse(session.startsAt) - Date.parse(prerequisite.endsAt));
        }
      }),
    );
  });
});
