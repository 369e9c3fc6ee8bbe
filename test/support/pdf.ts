import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Reading generated PDFs back with poppler (pdftotext, pdffonts). CI
 * installs poppler-utils and sets REQUIRE_POPPLER, so that the PDFs are
 * always read back there; elsewhere the tests that need it are skipped.
 */

function hasPoppler(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const poppler = hasPoppler();
if (!poppler && process.env.REQUIRE_POPPLER) throw new Error('pdftotext (poppler-utils) is required to read the generated PDFs back');

let folder: string | undefined;
let written = 0;

function write(bytes: Buffer): string {
  folder ??= mkdtempSync(join(tmpdir(), 'taawon-pdf-'));
  written += 1;
  const path = join(folder, `${written}.pdf`);
  writeFileSync(path, bytes);
  return path;
}

/** The text of each page, without the bidi marks poppler adds around right-to-left runs. */
export function pdfPages(bytes: Buffer): string[] {
  return execFileSync('pdftotext', [write(bytes), '-'], { encoding: 'utf8' })
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .split('\f')
    .filter((page) => page.trim() !== '');
}

/** The text of a PDF, pages joined by a line break. */
export function pdfText(bytes: Buffer): string {
  return pdfPages(bytes).join('\n');
}

/** pdffonts' table of the fonts a PDF uses (and whether they are embedded). */
export function pdfFonts(bytes: Buffer): string {
  return execFileSync('pdffonts', [write(bytes)], { encoding: 'utf8' });
}
