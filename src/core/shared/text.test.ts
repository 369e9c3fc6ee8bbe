import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldKey, foldText, foldUnicode } from './text.js';

describe('foldText', () => {
  it('ignores case, accents, punctuation and Arabic variants', () => {
    expect(foldText('Coopérative  AÏT-Melloul')).toBe('cooperative ait melloul');
    expect(foldText('إِقْلِيم')).toBe(foldText('اقليم'));
    expect(foldText('تعاونيّة')).toBe(foldText('تعاونيه'));
    expect(foldText('Œuvre')).toBe('oeuvre');
  });

  it('is idempotent and never grows spaces at the ends', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const folded = foldText(text);
        expect(foldText(folded)).toBe(folded);
        expect(folded).toBe(folded.trim());
        expect(folded).not.toMatch(/ {2}/);
      }),
    );
  });

  it('folds plain ASCII the same way on its fast path', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii' }), (text) => {
        expect(foldText(text)).toBe(foldUnicode(text));
      }),
    );
  });

  it('makes keys that do not depend on spacing or case', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Al', 'amal', 'AÏT', 'tah', 'نور'), { minLength: 1, maxLength: 5 }), (words) => {
        expect(foldKey(words.join(' '))).toBe(foldKey(words.join('-').toUpperCase()));
      }),
    );
  });
});
