import { toIssues } from '../../shared/errors.js';
import { cooperativeInputSchema, type CooperativeInput } from '../cooperative.schema.js';
import type { DuplicateMatch } from './duplicates.js';
import { cooperativeFields, issueAt, type ConvertedRow, type CooperativeField, type MappedColumns, type RowIssue } from './rows.js';

export type DuplicateAction = 'skip' | 'merge';

export interface ImportCounts {
  created: number;
  merged: number;
  unchanged: number;
  skipped: number;
  invalid: number;
}

export interface ValidRow extends ConvertedRow {
  input: CooperativeInput;
}

export function sameCooperative(a: CooperativeInput, b: CooperativeInput): boolean {
  return cooperativeFields.every((field) => {
    const left = a[field];
    const right = b[field];
    if (Array.isArray(left) && Array.isArray(right)) return left.length === right.length && left.every((item, index) => item === right[index]);
    return left === right;
  });
}

/**
 * Copies the values a row provides onto a record. The registration number is
 * an identity, not a value: it fills a record that has none and never
 * replaces another, since rows can match by name alone.
 */
export function mergeRow(target: CooperativeInput, row: ValidRow): CooperativeInput {
  const merged: Record<string, unknown> = { ...target };
  for (const field of row.provided) {
    if (field === 'registrationNumber' && target.registrationNumber) continue;
    merged[field] = row.input[field];
  }
  return merged as CooperativeInput;
}

/** One record the import touches: a registry record, or one it creates. */
interface Entity {
  /** The record's id: the registry's, or the one given when the new record is written. */
  id: string | null;
  /** The values as stored, once stored: changes after that are written as an update. */
  stored: CooperativeInput | null;
  value: CooperativeInput;
  /** Rows whose merge changed the value when it was applied. */
  mergedRows: number;
}

export interface ImportPlanResult {
  /** Records whose values the file changes once they are stored: registry records, or records this import created earlier. */
  updates: Array<{ id: string; input: CooperativeInput }>;
  counts: ImportCounts;
  /** Rows that became invalid once merged onto the record they repeat. */
  issues: RowIssue[];
}

/**
 * Decides, row by row and in file order, what the import does. A row without
 * a duplicate creates a record; a duplicate is skipped or merged, as chosen
 * for its line or for all. Rows repeating the same record all land on that
 * one record. New records can be taken out for writing batch by batch
 * (takeCreates); whatever changes a record after it is stored comes out of
 * finish() as an update. A row whose merge changes nothing, or whose record
 * ends as it was, is "unchanged": importing a file twice writes nothing the
 * second time.
 */
export class ImportPlanner {
  readonly #counts: ImportCounts = { created: 0, merged: 0, unchanged: 0, skipped: 0, invalid: 0 };
  readonly #issues: RowIssue[] = [];
  readonly #entities: Entity[] = [];
  readonly #pending: Entity[] = [];
  readonly #entityOfLine = new Map<number, Entity>();
  readonly #entityOfRecord = new Map<string, Entity>();

  constructor(
    private readonly options: {
      actionFor: (line: number) => DuplicateAction;
      mapped: MappedColumns;
    },
  ) {}

  addInvalid(count: number): void {
    this.#counts.invalid += count;
  }

  /** Decides one valid row; `existing` gives the registry record a registry duplicate names. */
  add(row: ValidRow, duplicate: DuplicateMatch | undefined, existing: (id: string) => CooperativeInput | undefined): void {
    let entity: Entity | undefined;
    if (duplicate?.matchedId !== undefined) {
      entity = this.#entityOfRecord.get(duplicate.matchedId);
      const stored = existing(duplicate.matchedId);
      if (!entity && stored) {
        entity = { id: duplicate.matchedId, stored, value: stored, mergedRows: 0 };
        this.#entityOfRecord.set(duplicate.matchedId, entity);
        this.#entities.push(entity);
      }
    } else if (duplicate?.matchedLine !== undefined) {
      entity = this.#entityOfLine.get(duplicate.matchedLine);
    }

    if (!entity) {
      entity = { id: null, stored: null, value: row.input, mergedRows: 0 };
      this.#entities.push(entity);
      this.#pending.push(entity);
      this.#entityOfLine.set(row.line, entity);
      this.#counts.created += 1;
      return;
    }
    this.#entityOfLine.set(row.line, entity);
    if (this.options.actionFor(row.line) === 'skip') {
      this.#counts.skipped += 1;
      return;
    }
    const merged = mergeRow(entity.value, row);
    if (sameCooperative(merged, entity.value)) {
      this.#counts.unchanged += 1;
      return;
    }
    const checked = cooperativeInputSchema.safeParse(merged);
    if (!checked.success) {
      this.#counts.invalid += 1;
      for (const issue of toIssues(checked.error.issues)) {
        this.#issues.push(issueAt(row.line, issue.path[0] as CooperativeField, issue.key, issue.params, this.options.mapped));
      }
      return;
    }
    entity.value = checked.data;
    entity.mergedRows += 1;
  }

  /** New records decided since the last call, each given its id, to be written now. */
  takeCreates(newId: () => string): Array<{ id: string; input: CooperativeInput }> {
    const creates = this.#pending.map((entity) => {
      entity.id = newId();
      entity.stored = entity.value;
      return { id: entity.id, input: entity.value };
    });
    this.#pending.length = 0;
    return creates;
  }

  /** The updates to write once every row is decided, and the counts of what each row did. */
  finish(): ImportPlanResult {
    const updates: Array<{ id: string; input: CooperativeInput }> = [];
    for (const entity of this.#entities) {
      if (entity.id !== null && entity.stored && !sameCooperative(entity.stored, entity.value)) {
        updates.push({ id: entity.id, input: entity.value });
        this.#counts.merged += entity.mergedRows;
      } else if (entity.stored && entity.stored !== entity.value) {
        // Rows that changed the record one way and back again leave it as it was.
        this.#counts.unchanged += entity.mergedRows;
      } else {
        this.#counts.merged += entity.mergedRows;
      }
    }
    return { updates, counts: { ...this.#counts }, issues: [...this.#issues] };
  }
}

/** The whole plan at once: every row decided, new records with their final values, then updates of registry records. */
export function planImport(input: {
  rows: readonly ValidRow[];
  duplicates: ReadonlyMap<number, DuplicateMatch>;
  existing: ReadonlyMap<string, CooperativeInput>;
  actionFor: (line: number) => DuplicateAction;
  mapped: MappedColumns;
  invalidCount: number;
}): ImportPlanResult & { creates: CooperativeInput[] } {
  const planner = new ImportPlanner({ actionFor: input.actionFor, mapped: input.mapped });
  planner.addInvalid(input.invalidCount);
  for (const row of input.rows) planner.add(row, input.duplicates.get(row.line), (id) => input.existing.get(id));
  let next = 0;
  const creates = planner.takeCreates(() => `new-${(next += 1)}`).map((create) => create.input);
  return { ...planner.finish(), creates };
}
