import type { BudgetCategory } from './financing.schema.js';

/**
 * The arithmetic of a programme's money: what each budget line holds, what
 * is committed on it, what is paid out, and what is left. Amounts are MAD
 * with two decimals; every sum is done in whole centimes so that 0.1 + 0.2
 * stays 0.30.
 */

export const toCentimes = (amount: number): number => Math.round(amount * 100);
export const fromCentimes = (centimes: number): number => centimes / 100;

/** Adds amounts in MAD without floating-point drift. */
export function sumMad(amounts: Iterable<number>): number {
  let total = 0;
  for (const amount of amounts) total += toCentimes(amount);
  return fromCentimes(total);
}

export const subtractMad = (from: number, amount: number): number => fromCentimes(toCentimes(from) - toCentimes(amount));

export interface Balance {
  /** What the lines hold. */
  amountMad: number;
  committedMad: number;
  disbursedMad: number;
  /** What may still be committed: amount − committed (negative when a confirmed overrun went past the line). */
  availableMad: number;
  /** Committed and not paid yet: committed − disbursed. */
  toDisburseMad: number;
}

export function balanceOf(amountMad: number, committedMad: number, disbursedMad: number): Balance {
  return {
    amountMad: fromCentimes(toCentimes(amountMad)),
    committedMad: fromCentimes(toCentimes(committedMad)),
    disbursedMad: fromCentimes(toCentimes(disbursedMad)),
    availableMad: subtractMad(amountMad, committedMad),
    toDisburseMad: subtractMad(committedMad, disbursedMad),
  };
}

export function addBalances(balances: Iterable<Balance>): Balance {
  const list = [...balances];
  return balanceOf(
    sumMad(list.map((balance) => balance.amountMad)),
    sumMad(list.map((balance) => balance.committedMad)),
    sumMad(list.map((balance) => balance.disbursedMad)),
  );
}

/** A budget line with what has been committed and disbursed on it. */
export interface LineFigures {
  id: string;
  funderId: string;
  category: BudgetCategory;
  amountMad: number;
  committedMad: number;
  disbursedMad: number;
}

export interface FinancingTotals {
  lines: Array<{ id: string } & Balance>;
  byFunder: Array<{ funderId: string } & Balance>;
  byCategory: Array<{ category: BudgetCategory } & Balance>;
  total: Balance;
}

/**
 * Balances per line, per funder and per category, and the programme's
 * total. Funders and categories come in the order their first line does.
 */
export function financingTotals(lines: readonly LineFigures[]): FinancingTotals {
  const perLine = lines.map((line) => ({ id: line.id, funderId: line.funderId, category: line.category, balance: balanceOf(line.amountMad, line.committedMad, line.disbursedMad) }));
  const group = <Key extends string>(keyOf: (line: (typeof perLine)[number]) => Key) => {
    const groups = new Map<Key, Balance[]>();
    for (const line of perLine) groups.set(keyOf(line), [...(groups.get(keyOf(line)) ?? []), line.balance]);
    return [...groups].map(([key, balances]) => [key, addBalances(balances)] as const);
  };
  return {
    lines: perLine.map((line) => ({ id: line.id, ...line.balance })),
    byFunder: group((line) => line.funderId).map(([funderId, balance]) => ({ funderId, ...balance })),
    byCategory: group((line) => line.category).map(([category, balance]) => ({ category, ...balance })),
    total: addBalances(perLine.map((line) => line.balance)),
  };
}

export type CommitmentCheck = { ok: true } | { ok: false; availableMad: number; overMad: number };

/**
 * Whether a new commitment of `amountMad` fits in what its line has left.
 * When it does not, by how much it goes over: the user must confirm an overrun.
 */
export function checkCommitment(line: Pick<Balance, 'amountMad' | 'committedMad'>, amountMad: number): CommitmentCheck {
  const available = toCentimes(line.amountMad) - toCentimes(line.committedMad);
  const over = toCentimes(amountMad) - available;
  if (over <= 0) return { ok: true };
  return { ok: false, availableMad: fromCentimes(Math.max(available, 0)), overMad: fromCentimes(over) };
}

export type DisbursementCheck = { ok: true } | { ok: false; remainingMad: number; overMad: number };

/** A disbursement is never more than what its commitment still has to pay. */
export function checkDisbursement(commitment: { amountMad: number; disbursedMad: number }, amountMad: number): DisbursementCheck {
  const remaining = toCentimes(commitment.amountMad) - toCentimes(commitment.disbursedMad);
  const over = toCentimes(amountMad) - remaining;
  if (over <= 0) return { ok: true };
  return { ok: false, remainingMad: fromCentimes(Math.max(remaining, 0)), overMad: fromCentimes(over) };
}

/** A line's amount may go down, but never below what is already committed on it. */
export function checkLineAmount(line: { committedMad: number }, amountMad: number): { ok: true } | { ok: false; committedMad: number } {
  return toCentimes(amountMad) >= toCentimes(line.committedMad) ? { ok: true } : { ok: false, committedMad: fromCentimes(toCentimes(line.committedMad)) };
}

/** Share of `part` in `whole`, 0–100, for the progress bars; an empty line shows full when anything is committed on it. */
export function percentOf(part: number, whole: number): number {
  if (whole <= 0) return part > 0 ? 100 : 0;
  return Math.max(0, Math.min(100, (part / whole) * 100));
}
