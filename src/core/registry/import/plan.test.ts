import { describe, expect, it } from 'vitest';
import { cooperativeInputSchema, type CooperativeInput, type CooperativeInputDraft } from '../cooperative.schema.js';
import type { DuplicateMatch } from './duplicates.js';
import { mapColumns, type CooperativeField } from './rows.js';
import { ImportPlanner, planImport, type DuplicateAction, type ValidRow } from './plan.js';

const base = (overrides: Partial<CooperativeInputDraft> = {}): CooperativeInput =>
  cooperativeInputSchema.parse({ nameFr: 'Coopérative Amal', sector: 'argan', provinceCode: '09.581', membersTotal: 10, ...overrides });

const validRow = (line: number, input: CooperativeInput, provided: CooperativeField[]): ValidRow => ({ line, input, provided: new Set(provided), issues: [] });
const mapped = mapColumns(['Nom', 'Membres', 'dont femmes'], { Nom: 'nameFr', Membres: 'membersTotal', 'dont femmes': 'membersWomen' });

function plan(rows: ValidRow[], duplicates: DuplicateMatch[], existing: Record<string, CooperativeInput>, action: DuplicateAction, perLine: Record<number, DuplicateAction> = {}) {
  return planImport({
    rows,
    duplicates: new Map(duplicates.map((match) => [match.line, match])),
    existing: new Map(Object.entries(existing)),
    actionFor: (line) => perLine[line] ?? action,
    mapped,
    invalidCount: 0,
  });
}

const registryMatch = (line: number, id: string): DuplicateMatch => ({ line, kind: 'registry', matchedBy: 'name', matchedId: id, matchedName: 'x' });
const fileMatch = (line: number, matchedLine: number): DuplicateMatch => ({ line, kind: 'file', matchedBy: 'name', matchedLine, matchedName: 'x' });

describe('planImport', () => {
  it('creates new rows and skips duplicates when asked to', () => {
    const result = plan([validRow(2, base(), ['nameFr']), validRow(3, base(), ['nameFr']), validRow(4, base({ nameFr: 'B' }), ['nameFr'])], [fileMatch(3, 2), registryMatch(4, 'r1')], { r1: base({ nameFr: 'B' }) }, 'skip');
    expect(result.counts).toEqual({ created: 1, merged: 0, unchanged: 0, skipped: 2, invalid: 0 });
    expect(result.creates).toHaveLength(1);
    expect(result.updates).toEqual([]);
  });

  it('merges only the values a row provides, and never replaces a registration number', () => {
    const existing = base({ registrationNumber: 'RC-1', membersTotal: 10, commune: 'Tiznit', legalForm: 'union' });
    const row = validRow(2, base({ registrationNumber: 'RC-2', membersTotal: 20, commune: null }), ['registrationNumber', 'membersTotal']);
    const result = plan([row], [registryMatch(2, 'r1')], { r1: existing }, 'merge');
    expect(result.counts.merged).toBe(1);
    expect(result.updates).toEqual([{ id: 'r1', input: { ...existing, membersTotal: 20 } }]);
  });

  it('counts a merge that changes nothing as unchanged and writes nothing', () => {
    const existing = base({ registrationNumber: 'RC-1' });
    const result = plan([validRow(2, existing, ['nameFr', 'registrationNumber', 'membersTotal'])], [registryMatch(2, 'r1')], { r1: existing }, 'merge');
    expect(result.counts).toEqual({ created: 0, merged: 0, unchanged: 1, skipped: 0, invalid: 0 });
    expect(result.updates).toEqual([]);
  });

  it('merges a repeated row into the record its first row creates', () => {
    const result = plan([validRow(2, base(), ['nameFr', 'membersTotal']), validRow(3, base({ membersTotal: 30 }), ['membersTotal'])], [fileMatch(3, 2)], {}, 'merge');
    expect(result.counts).toEqual({ created: 1, merged: 1, unchanged: 0, skipped: 0, invalid: 0 });
    expect(result.creates).toEqual([base({ membersTotal: 30 })]);
  });

  it('follows the choice made for a line over the default', () => {
    const existing = base();
    const result = plan(
      [validRow(2, base({ membersTotal: 11 }), ['membersTotal']), validRow(3, base({ membersTotal: 12 }), ['membersTotal'])],
      [registryMatch(2, 'r1'), registryMatch(3, 'r1')],
      { r1: existing },
      'skip',
      { 3: 'merge' },
    );
    expect(result.counts).toEqual({ created: 0, merged: 1, unchanged: 0, skipped: 1, invalid: 0 });
    expect(result.updates[0]?.input.membersTotal).toBe(12);
  });

  it('refuses a merge whose result breaks a rule, and names the column', () => {
    const existing = base({ membersTotal: 10 });
    const row = validRow(4, base({ membersTotal: null, membersWomen: 12 }), ['membersWomen']);
    const result = plan([row], [registryMatch(4, 'r1')], { r1: existing }, 'merge');
    expect(result.counts).toEqual({ created: 0, merged: 0, unchanged: 0, skipped: 0, invalid: 1 });
    expect(result.issues).toEqual([{ line: 4, column: 'dont femmes', field: 'membersWomen', key: 'exceeds_members_total' }]);
    expect(result.updates).toEqual([]);
  });
});

describe('planImport, twice', () => {
  it('writes nothing when rows repeating one record change it and change it back', () => {
    const first = base({ registrationNumber: 'RC-1', membersTotal: 10 });
    const again = base({ registrationNumber: 'RC-2', membersTotal: 20 });
    const rows = [validRow(2, first, ['registrationNumber', 'nameFr', 'membersTotal']), validRow(3, again, ['registrationNumber', 'nameFr', 'membersTotal'])];
    const firstRun = plan(rows, [fileMatch(3, 2)], {}, 'merge');
    expect(firstRun.counts).toEqual({ created: 1, merged: 1, unchanged: 0, skipped: 0, invalid: 0 });
    const stored = firstRun.creates[0]!;
    expect(stored).toMatchObject({ registrationNumber: 'RC-1', membersTotal: 20 });
    const secondRun = plan(rows, [registryMatch(2, 'r1'), registryMatch(3, 'r1')], { r1: stored }, 'merge');
    expect(secondRun.counts).toEqual({ created: 0, merged: 0, unchanged: 2, skipped: 0, invalid: 0 });
    expect(secondRun.updates).toEqual([]);
  });
});

describe('ImportPlanner, batch by batch', () => {
  it('turns a merge into a record already written by this import into an update of it', () => {
    const planner = new ImportPlanner({ actionFor: () => 'merge', mapped });
    planner.add(validRow(2, base(), ['nameFr', 'membersTotal']), undefined, () => undefined);
    const firstBatch = planner.takeCreates(() => 'id-1');
    expect(firstBatch).toEqual([{ id: 'id-1', input: base() }]);
    planner.add(validRow(3, base({ membersTotal: 40 }), ['membersTotal']), fileMatch(3, 2), () => undefined);
    planner.add(validRow(4, base({ nameFr: 'Autre' }), ['nameFr']), undefined, () => undefined);
    expect(planner.takeCreates(() => 'id-2')).toEqual([{ id: 'id-2', input: base({ nameFr: 'Autre' }) }]);
    const result = planner.finish();
    expect(result.updates).toEqual([{ id: 'id-1', input: base({ membersTotal: 40 }) }]);
    expect(result.counts).toEqual({ created: 2, merged: 1, unchanged: 0, skipped: 0, invalid: 0 });
  });
});
