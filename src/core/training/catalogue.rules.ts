import type { ModuleSequence, TrainingModuleDefinition } from './module.schema.js';

/** Total minutes of a module's sequences. */
export function sequenceMinutes(sequences: readonly Pick<ModuleSequence, 'minutes'>[]): number {
  return sequences.reduce((sum, sequence) => sum + sequence.minutes, 0);
}

/** The duration the sequences make: their sum in hours, rounded up to the half hour (at least half an hour). */
export function durationFromSequences(sequences: readonly Pick<ModuleSequence, 'minutes'>[]): number {
  return Math.max(0.5, Math.ceil(sequenceMinutes(sequences) / 30) / 2);
}

/** Whether the stated duration is the one the sequences make (otherwise it was set by hand). */
export function durationMatchesSequences(definition: Pick<TrainingModuleDefinition, 'durationHours' | 'sequences'>): boolean {
  return definition.durationHours === durationFromSequences(definition.sequences);
}

/** Moves the item at `from` to `to` (both clamped), returning a new array. */
export function moveItem<T>(items: readonly T[], from: number, to: number): T[] {
  const result = [...items];
  if (from < 0 || from >= items.length) return result;
  const target = Math.min(Math.max(to, 0), items.length - 1);
  const [moved] = result.splice(from, 1);
  result.splice(target, 0, moved as T);
  return result;
}

/**
 * Prerequisites that are not in the catalogue, or that make a module
 * depend on itself (directly or through others): a path-keyed list of problems.
 */
export function prerequisiteProblems(
  code: string,
  prerequisites: readonly string[],
  catalogue: ReadonlyMap<string, readonly string[]>,
): { index: number; key: 'unknown_prerequisite' | 'circular_prerequisite' }[] {
  const problems: { index: number; key: 'unknown_prerequisite' | 'circular_prerequisite' }[] = [];
  prerequisites.forEach((prerequisite, index) => {
    if (prerequisite === code) return problems.push({ index, key: 'circular_prerequisite' });
    if (!catalogue.has(prerequisite)) return problems.push({ index, key: 'unknown_prerequisite' });
    if (reaches(prerequisite, code, catalogue)) problems.push({ index, key: 'circular_prerequisite' });
    return undefined;
  });
  return problems;
}

function reaches(from: string, target: string, catalogue: ReadonlyMap<string, readonly string[]>): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const current = stack.pop() as string;
    if (current === target) return true;
    if (seen.has(current)) continue;
    seen.add(current);
    stack.push(...(catalogue.get(current) ?? []));
  }
  return false;
}

/** Text matching for the catalogue search: case- and accent-insensitive. */
export function foldText(value: string): string {
  return value.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
