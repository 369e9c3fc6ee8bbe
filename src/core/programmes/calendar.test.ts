import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { positionInRange, programmeEndDate, proposePhases } from './calendar.js';

describe('programme calendar', () => {
  it('ends the day before the same date after its duration', () => {
    expect(programmeEndDate('2026-01-05', 24)).toBe('2028-01-04');
    expect(programmeEndDate('2026-01-31', 1)).toBe('2026-02-27');
    expect(programmeEndDate(null, 6)).toBeNull();
  });

  it('proposes the five phases one after the other, covering the whole programme', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01'), max: new Date('2035-12-31'), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10)),
        fc.integer({ min: 1, max: 120 }),
        (start, months) => {
          const phases = proposePhases(start, months);
          expect(phases.map((phase) => phase.kind)).toEqual(['diagnostic', 'training', 'accompaniment', 'follow_up', 'closing']);
          expect(phases[0]!.startsOn).toBe(start);
          expect(phases.at(-1)!.endsOn).toBe(programmeEndDate(start, months));
          for (const phase of phases) expect(phase.endsOn >= phase.startsOn).toBe(true);
        },
      ),
    );
  });

  it('places a date on a timeline between 0 and 1', () => {
    expect(positionInRange('2026-07-01', '2026-01-01', '2027-01-01')).toBeCloseTo(0.496, 2);
    expect(positionInRange('2025-01-01', '2026-01-01', '2027-01-01')).toBe(0);
    expect(positionInRange('2030-01-01', '2026-01-01', '2027-01-01')).toBe(1);
  });
});
