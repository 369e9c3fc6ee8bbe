/**
 * Folds a name for matching: lower case, no Latin accents, Arabic without
 * short vowels or tatweel and with its letter variants unified, punctuation
 * turned to single spaces. Used for search, duplicate detection and for
 * matching territory names typed by hand in spreadsheets.
 */
export function foldText(value: string): string {
  // Most registry text is plain ASCII: skip the Unicode work (an import folds every name).
  if (printableAscii.test(value)) return value.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
  return foldUnicode(value);
}

const printableAscii = /^[\x20-\x7e]*$/;

/** The general path of `foldText`, exported so that tests can hold the fast path to it. */
export function foldUnicode(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[\u0622\u0623\u0625\u0671]/g, '\u0627')
    .replace(/\u0629/g, '\u0647')
    .replace(/\u0649/g, '\u064A')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Folded text with the spaces removed too: "Aït Melloul" and "Ait-Melloul" meet. */
export function foldKey(value: string): string {
  return foldText(value).replace(/ /g, '');
}
