import { describe, expect, it } from 'vitest';
import { balanceOf, checkCommitment, checkDisbursement, checkLineAmount, financingTotals, percentOf, sumMad, type LineFigures } from './balances.js';

const line = (overrides: Partial<LineFigures>): LineFigures => ({ id: 'l', funderId: 'f', category: 'training', amountMad: 0, committedMad: 0, disbursedMad: 0, ...overrides });

describe('balances', () => {
  it('adds amounts in centimes, without floating-point drift', () => {
    expect(sumMad([0.1, 0.2])).toBe(0.3);
    expect(sumMad([1_000_000.01, 2_500.99, 0.1])).toBe(1_002_501.1);
    expect(sumMad([])).toBe(0);
  });

  it('gives a line its available balance and what is left to pay', () => {
    expect(balanceOf(100_000, 60_000.5, 25_000.25)).toEqual({ amountMad: 100_000, committedMad: 60_000.5, disbursedMad: 25_000.25, availableMad: 39_999.5, toDisburseMad: 35_000.25 });
    // A confirmed overrun leaves the line below zero, and says so.
    expect(balanceOf(1_000, 1_200, 0).availableMad).toBe(-200);
  });

  it('totals per line, per funder and per category, in the order of the lines', () => {
    const totals = financingTotals([
      line({ id: 'a', funderId: 'ministry', category: 'training', amountMad: 300_000, committedMad: 120_000, disbursedMad: 50_000 }),
      line({ id: 'b', funderId: 'finance', category: 'action_financing', amountMad: 200_000.1, committedMad: 200_000.2, disbursedMad: 0 }),
      line({ id: 'c', funderId: 'ministry', category: 'action_financing', amountMad: 100_000, committedMad: 10_000, disbursedMad: 10_000 }),
    ]);
    expect(totals.lines.map((entry) => [entry.id, entry.availableMad])).toEqual([
      ['a', 180_000],
      ['b', -0.1],
      ['c', 90_000],
    ]);
    expect(totals.byFunder).toEqual([
      { funderId: 'ministry', amountMad: 400_000, committedMad: 130_000, disbursedMad: 60_000, availableMad: 270_000, toDisburseMad: 70_000 },
      { funderId: 'finance', amountMad: 200_000.1, committedMad: 200_000.2, disbursedMad: 0, availableMad: -0.1, toDisburseMad: 200_000.2 },
    ]);
    expect(totals.byCategory.map((entry) => [entry.category, entry.amountMad, entry.committedMad])).toEqual([
      ['training', 300_000, 120_000],
      ['action_financing', 300_000.1, 210_000.2],
    ]);
    expect(totals.total).toEqual({ amountMad: 600_000.1, committedMad: 330_000.2, disbursedMad: 60_000, availableMad: 269_999.9, toDisburseMad: 270_000.2 });
  });

  it('has nothing to total without lines', () => {
    expect(financingTotals([])).toEqual({ lines: [], byFunder: [], byCategory: [], total: { amountMad: 0, committedMad: 0, disbursedMad: 0, availableMad: 0, toDisburseMad: 0 } });
  });
});

describe('checkCommitment', () => {
  it('accepts a commitment up to the last centime of the line', () => {
    expect(checkCommitment({ amountMad: 100_000, committedMad: 60_000 }, 40_000)).toEqual({ ok: true });
    expect(checkCommitment({ amountMad: 0.3, committedMad: 0.1 }, 0.2)).toEqual({ ok: true });
  });

  it('says how much is available and by how much a commitment goes over', () => {
    expect(checkCommitment({ amountMad: 100_000, committedMad: 60_000 }, 40_000.01)).toEqual({ ok: false, availableMad: 40_000, overMad: 0.01 });
    expect(checkCommitment({ amountMad: 100_000, committedMad: 60_000 }, 55_000)).toEqual({ ok: false, availableMad: 40_000, overMad: 15_000 });
  });

  it('counts a line already over as having nothing available', () => {
    expect(checkCommitment({ amountMad: 1_000, committedMad: 1_500 }, 100)).toEqual({ ok: false, availableMad: 0, overMad: 600 });
  });
});

describe('checkDisbursement', () => {
  it('pays a commitment in parts, never more than what is left of it', () => {
    expect(checkDisbursement({ amountMad: 50_000, disbursedMad: 20_000 }, 30_000)).toEqual({ ok: true });
    expect(checkDisbursement({ amountMad: 50_000, disbursedMad: 20_000 }, 30_000.01)).toEqual({ ok: false, remainingMad: 30_000, overMad: 0.01 });
    expect(checkDisbursement({ amountMad: 50_000, disbursedMad: 50_000 }, 1)).toEqual({ ok: false, remainingMad: 0, overMad: 1 });
  });
});

describe('checkLineAmount', () => {
  it('lets a line go down to what is committed, not below', () => {
    expect(checkLineAmount({ committedMad: 70_000 }, 70_000)).toEqual({ ok: true });
    expect(checkLineAmount({ committedMad: 70_000 }, 69_999.99)).toEqual({ ok: false, committedMad: 70_000 });
  });
});

describe('percentOf', () => {
  it('keeps bars between 0 and 100', () => {
    expect(percentOf(25, 100)).toBe(25);
    expect(percentOf(150, 100)).toBe(100);
    expect(percentOf(0, 0)).toBe(0);
    expect(percentOf(10, 0)).toBe(100);
  });
});
