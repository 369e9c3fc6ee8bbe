import { describe, expect, it } from 'vitest';
import { findDuplicates, type FileRowKeys, type RegistryKeys } from './duplicates.js';

const row = (line: number, registrationNumber: string | null, nameKey: string, provinceCode = '09.581'): FileRowKeys => ({
  line,
  registrationNumber,
  nameKey,
  provinceCode,
  name: `Row ${line}`,
});
const record = (id: string, registrationNumber: string | null, nameKey: string, provinceCode = '09.581'): RegistryKeys => ({
  id,
  registrationNumber,
  nameKey,
  provinceCode,
  name: `Record ${id}`,
});

describe('findDuplicates', () => {
  it('finds rows repeating an earlier row by number or by name in the same province', () => {
    const matches = findDuplicates([row(2, 'A', 'amal'), row(3, 'A', 'other'), row(4, null, 'amal'), row(5, null, 'amal', '11.537')], []);
    expect([...matches.values()]).toEqual([
      { line: 3, kind: 'file', matchedBy: 'registrationNumber', matchedLine: 2, matchedName: 'Row 2' },
      { line: 4, kind: 'file', matchedBy: 'name', matchedLine: 2, matchedName: 'Row 2' },
    ]);
  });

  it('finds rows already in the registry', () => {
    const matches = findDuplicates([row(2, 'RC-1', 'x'), row(3, null, 'amal'), row(4, 'RC-9', 'none')], [record('r1', 'RC-1', 'y'), record('r2', 'RC-2', 'amal')]);
    expect([...matches.values()]).toEqual([
      { line: 2, kind: 'registry', matchedBy: 'registrationNumber', matchedId: 'r1', matchedName: 'Record r1' },
      { line: 3, kind: 'registry', matchedBy: 'name', matchedId: 'r2', matchedName: 'Record r2' },
    ]);
  });

  it('trusts a registration number over a name', () => {
    const matches = findDuplicates([row(2, 'N', 'first'), row(3, 'N', 'amal')], [record('r2', null, 'amal')]);
    expect(matches.get(3)).toMatchObject({ kind: 'file', matchedBy: 'registrationNumber', matchedLine: 2 });
  });

  it('ignores an empty name key', () => {
    expect(findDuplicates([row(2, null, ''), row(3, null, '')], [record('r', null, '')]).size).toBe(0);
  });
});
