/**
 * Duplicates of a file's rows, inside the file and against the registry: the
 * same registration number, or the same name key in the same province. The
 * registration number is the stronger proof, so it is looked at first.
 */

export interface DuplicateKeys {
  registrationNumber: string | null;
  provinceCode: string;
  nameKey: string;
  /** The name to show when this record is the one matched. */
  name: string;
}

export interface FileRowKeys extends DuplicateKeys {
  line: number;
}

export interface RegistryKeys extends DuplicateKeys {
  id: string;
}

export interface DuplicateMatch {
  line: number;
  kind: 'registry' | 'file';
  matchedBy: 'registrationNumber' | 'name';
  matchedId?: string;
  matchedLine?: number;
  matchedName: string;
}

const nameKeyOf = (keys: DuplicateKeys) => (keys.nameKey === '' ? null : `${keys.provinceCode}|${keys.nameKey}`);

type Match = Omit<DuplicateMatch, 'line'>;

const registryMatch = (record: RegistryKeys | undefined, matchedBy: Match['matchedBy']): Match | undefined =>
  record && { kind: 'registry', matchedBy, matchedId: record.id, matchedName: record.name };

const fileMatch = (row: FileRowKeys | undefined, matchedBy: Match['matchedBy']): Match | undefined =>
  row && { kind: 'file', matchedBy, matchedLine: row.line, matchedName: row.name };

function firstMatch(lookups: Array<() => Match | undefined>): Match | undefined {
  for (const lookup of lookups) {
    const match = lookup();
    if (match) return match;
  }
  return undefined;
}

/**
 * Finds duplicates row by row, in file order, so that a large file can be
 * checked batch by batch: registry records are added as they are looked up,
 * before the rows whose keys found them. A row is looked for in this order:
 * its registration number in the registry, then earlier in the file, then
 * its name in the registry, then earlier in the file. Numbers first means
 * that a merge never gives a record a number another record holds. A row
 * is matched to the first row of the file that holds the same key.
 */
export class DuplicateFinder {
  readonly #registryByNumber = new Map<string, RegistryKeys>();
  readonly #registryByName = new Map<string, RegistryKeys>();
  readonly #fileByNumber = new Map<string, FileRowKeys>();
  readonly #fileByName = new Map<string, FileRowKeys>();

  addRegistry(records: Iterable<RegistryKeys>): void {
    for (const record of records) {
      if (record.registrationNumber && !this.#registryByNumber.has(record.registrationNumber)) this.#registryByNumber.set(record.registrationNumber, record);
      const nameKey = nameKeyOf(record);
      if (nameKey && !this.#registryByName.has(nameKey)) this.#registryByName.set(nameKey, record);
    }
  }

  /** The match of a row, if any; the row's keys are then remembered for the rows after it. */
  match(row: FileRowKeys): DuplicateMatch | undefined {
    const nameKey = nameKeyOf(row);
    const number = row.registrationNumber;
    const match = firstMatch([
      () => (number ? registryMatch(this.#registryByNumber.get(number), 'registrationNumber') : undefined),
      () => (number ? fileMatch(this.#fileByNumber.get(number), 'registrationNumber') : undefined),
      () => (nameKey ? registryMatch(this.#registryByName.get(nameKey), 'name') : undefined),
      () => (nameKey ? fileMatch(this.#fileByName.get(nameKey), 'name') : undefined),
    ]);
    if (number && !this.#fileByNumber.has(number)) this.#fileByNumber.set(number, row);
    if (nameKey && !this.#fileByName.has(nameKey)) this.#fileByName.set(nameKey, row);
    return match && { line: row.line, ...match };
  }
}

/** The match of each row that has one, by line. */
export function findDuplicates(rows: readonly FileRowKeys[], registry: readonly RegistryKeys[]): Map<number, DuplicateMatch> {
  const finder = new DuplicateFinder();
  finder.addRegistry(registry);
  const matches = new Map<number, DuplicateMatch>();
  for (const row of rows) {
    const match = finder.match(row);
    if (match) matches.set(row.line, match);
  }
  return matches;
}
