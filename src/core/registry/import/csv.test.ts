import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, readCsv } from './csv.js';
import { decodeText, looksBinary } from './decode.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const bom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]);

describe('decodeText', () => {
  it('reads UTF-8 with or without a byte order mark', () => {
    expect(decodeText(utf8('Laâyoune;العيون'))).toEqual({ text: 'Laâyoune;العيون', encoding: 'utf-8' });
    expect(decodeText(bom('Laâyoune'))).toEqual({ text: 'Laâyoune', encoding: 'utf-8' });
  });

  it('reads Windows-1252 when the bytes are not UTF-8', () => {
    const bytes = iconv.encode('Coopérative Pêche œuvre – 10 €', 'win1252');
    expect(decodeText(bytes)).toEqual({ text: 'Coopérative Pêche œuvre – 10 €', encoding: 'windows-1252' });
  });

  it('treats pure ASCII as UTF-8', () => {
    expect(decodeText(utf8('Nom,Province')).encoding).toBe('utf-8');
  });

  it('spots a binary file', () => {
    expect(looksBinary(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0]))).toBe(true);
    expect(looksBinary(utf8('Nom;Province'))).toBe(false);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['Nom;Province;Secteur\nA;B;C', ';'],
    ['Nom,Province,Secteur\nA,B,C', ','],
    ['"Nom, FR";Province;Secteur\n', ';'],
    ['"a;b";"c;d",e,f\n', ','],
    ['\n\nNom;Province\n', ';'],
    ['Nom\nA', ','],
  ])('finds the separator of %j', (text, expected) => {
    expect(detectDelimiter(text)).toBe(expected);
  });
});

describe('readCsv', () => {
  it('numbers rows as a spreadsheet does, blank rows and quoted line breaks included', () => {
    const file = readCsv(utf8('Nom;Adresse\r\nA;"rue 1\r\nTiznit"\r\n\r\nB;""\r\n'));
    expect(file.delimiter).toBe(';');
    expect(file.table.headers).toEqual(['Nom', 'Adresse']);
    expect(file.table.rows).toEqual([
      { line: 2, cells: ['A', 'rue 1\r\nTiznit'] },
      { line: 4, cells: ['B', ''] },
    ]);
  });

  it('names empty and repeated headers so that a mapping can tell them apart', () => {
    const file = readCsv(utf8('Nom,,Téléphone,Téléphone,\nA,x,1,2\n'));
    expect(file.table.headers).toEqual(['Nom', 'B', 'Téléphone', 'Téléphone (2)']);
  });

  it('starts at the first non-blank row', () => {
    const file = readCsv(utf8(';;\nNom;Province\nA;Tiznit\n'));
    expect(file.table.headers).toEqual(['Nom', 'Province']);
    expect(file.table.rows).toEqual([{ line: 3, cells: ['A', 'Tiznit'] }]);
  });

  it('gives an empty table for an empty file', () => {
    expect(readCsv(new Uint8Array()).table).toEqual({ headers: [], rows: [] });
    expect(readCsv(bom('\n\n')).table).toEqual({ headers: [], rows: [] });
  });
});

describe('finding the header', () => {
  it('passes over a title above the table', () => {
    const file = readCsv(utf8('Liste des coopératives - Tarfaya;;\n\nNom;Province;Secteur\nA;Tarfaya;Pêche\n'));
    expect(file.table.headers).toEqual(['Nom', 'Province', 'Secteur']);
    expect(file.table.rows).toEqual([{ line: 4, cells: ['A', 'Tarfaya', 'Pêche'] }]);
  });
});
