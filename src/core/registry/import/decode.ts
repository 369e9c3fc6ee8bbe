import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'windows-1252';

/**
 * Text of a CSV file. Excel on Windows saves "CSV (séparateur: point-virgule)"
 * in Windows-1252 and "CSV UTF-8" with a byte order mark; whatever is valid
 * UTF-8 is read as UTF-8, anything else as Windows-1252.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(Buffer.from(body.buffer, body.byteOffset, body.byteLength), 'win1252'), encoding: 'windows-1252' };
  }
}

/** A NUL byte never appears in a text file: the upload is something else (an old .xls, an image). */
export function looksBinary(bytes: Uint8Array): boolean {
  const probe = bytes.subarray(0, 4096);
  return probe.includes(0);
}
