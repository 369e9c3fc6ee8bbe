import { describe, expect, it } from 'vitest';
import { cellText, escapeFormula, formatDate, formatNumber, parseDate, parseNumber, phoneText, splitProducts } from './values.js';

describe('parseNumber', () => {
  it.each([
    ['1 200,50', 1200.5],
    ['1\u00a0200,50', 1200.5],
    ['1\u202f200', 1200],
    ['1200.5', 1200.5],
    ['1200,5', 1200.5],
    ['1.200,50', 1200.5],
    ['1,200.50', 1200.5],
    ['1.200.000', 1_200_000],
    ['1,200,000', 1_200_000],
    ['12 000 DH', 12_000],
    ['15000 MAD', 15_000],
    ['-3,5', -3.5],
    ['0', 0],
    [' 42 ', 42],
    [42, 42],
    [3.25, 3.25],
  ])('reads %j as %d', (cell, expected) => {
    expect(parseNumber(cell)).toBe(expected);
  });

  it.each(['douze', '12abc', '1,2,3', '', '  ', '1.2.3,4.5'])('refuses %j', (cell) => {
    expect(parseNumber(cell)).toBeUndefined();
  });

  it('refuses what is not a number', () => {
    expect(parseNumber(null)).toBeUndefined();
    expect(parseNumber(Number.NaN)).toBeUndefined();
    expect(parseNumber(new Date())).toBeUndefined();
  });
});

describe('parseDate', () => {
  it.each([
    ['15/03/2024', '2024-03-15'],
    ['5/3/2024', '2024-03-05'],
    ['15-03-2024', '2024-03-15'],
    ['15.03.2024', '2024-03-15'],
    ['2024-03-15', '2024-03-15'],
    ['2024/3/5', '2024-03-05'],
    ['2024-03-15T00:00:00', '2024-03-15'],
    ['2024-03-15T00:00:00.000Z', '2024-03-15'],
    ['15/03/2024 00:00', '2024-03-15'],
    ['29/02/2024', '2024-02-29'],
  ])('reads %j as %s', (cell, expected) => {
    expect(parseDate(cell)).toBe(expected);
  });

  it.each(['31/02/2024', '29/02/2023', '15/13/2024', '2024-13-01', '03/15', 'hier', '15/03/24', ''])('refuses %j', (cell) => {
    expect(parseDate(cell)).toBeUndefined();
  });

  it('reads an XLSX date cell and an Excel day number', () => {
    expect(parseDate(new Date(Date.UTC(2020, 2, 15)))).toBe('2020-03-15');
    expect(parseDate(43_900)).toBe('2020-03-10');
    expect(parseDate(12)).toBeUndefined();
    expect(parseDate(43_900.5)).toBeUndefined();
  });

  it('writes dates the French way', () => {
    expect(formatDate('2024-03-05')).toBe('05/03/2024');
    expect(parseDate(formatDate('2024-03-05'))).toBe('2024-03-05');
  });
});

describe('cells as text', () => {
  it('writes numbers with a decimal comma that parseNumber reads back', () => {
    expect(formatNumber(1200.5)).toBe('1200,5');
    expect(parseNumber(formatNumber(30.4271))).toBe(30.4271);
    expect(parseNumber(formatNumber(-9.5981))).toBe(-9.5981);
  });

  it('shows every kind of cell as text', () => {
    expect(cellText(null)).toBe('');
    expect(cellText('  Tiznit ')).toBe('Tiznit');
    expect(cellText(12)).toBe('12');
    expect(cellText(new Date(Date.UTC(2021, 0, 5)))).toBe('05/01/2021');
    expect(cellText(true)).toBe('true');
  });

  it('quotes what a spreadsheet would run as a formula, and unquotes it on the way back', () => {
    expect(escapeFormula('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(escapeFormula('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(escapeFormula('-cmd')).toBe("'-cmd");
    expect(escapeFormula('+212 6 12 34 56 78')).toBe('+212 6 12 34 56 78');
    expect(escapeFormula('-3,5')).toBe('-3,5');
    expect(escapeFormula('Coopérative')).toBe('Coopérative');
    expect(cellText(escapeFormula('=1+1'))).toBe('=1+1');
  });

  it('splits products on commas, semicolons and slashes', () => {
    expect(splitProducts('Miel, amlou ;huile d’argan / savon  noir')).toEqual(['Miel', 'amlou', 'huile d’argan', 'savon noir']);
    expect(splitProducts('')).toEqual([]);
    expect(splitProducts(' , ;')).toEqual([]);
  });

  it('gives back the leading zero Excel takes from a phone number', () => {
    expect(phoneText(612_345_678)).toBe('0612345678');
    expect(phoneText(212_612_345_678)).toBe('+212612345678');
    expect(phoneText('06 12 34 56 78')).toBe('06 12 34 56 78');
    expect(phoneText(1234)).toBe('1234');
  });
});
