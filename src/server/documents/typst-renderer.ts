import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

/**
 * Documents (PDF) typeset with Typst, in-process. Templates live in
 * `assets/templates/*.typ` and the fonts in `assets/fonts/*.ttf`, both found
 * from the package root, so that the same code runs from `src/` (tsx) and from
 * the built `dist/server/`. Only the shipped fonts are given to the compiler:
 * a document looks the same on every machine.
 *
 * Data reaches a template only as JSON through `sys.inputs.data`, read there
 * with `json(bytes(sys.inputs.data))`: a cooperative's name or a SWOT line is
 * never pasted into Typst markup, so it cannot change the document's code.
 */

/** The folder holding package.json, walking up from this module. */
export function findPackageRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  let folder = resolve(start);
  for (;;) {
    if (existsSync(join(folder, 'package.json'))) return folder;
    const parent = dirname(folder);
    if (parent === folder) throw new Error(`No package.json above ${start}`);
    folder = parent;
  }
}

const root = findPackageRoot();
export const templatesFolder = join(root, 'assets', 'templates');
export const fontsFolder = join(root, 'assets', 'fonts');

let compiler: NodeCompiler | undefined;

/** One compiler per process: loading the fonts and warming Typst costs ~100 ms, a document then a few ms. */
function sharedCompiler(): NodeCompiler {
  if (!compiler) {
    const fontBlobs = readdirSync(fontsFolder)
      .filter((name) => /\.(ttf|otf)$/i.test(name))
      .sort()
      .map((name) => readFileSync(join(fontsFolder, name)));
    compiler = NodeCompiler.create({ workspace: templatesFolder, fontArgs: [{ fontBlobs }] });
  }
  return compiler;
}

export class DocumentRenderError extends Error {
  constructor(
    readonly template: string,
    readonly diagnostics: unknown[],
  ) {
    super(`Typst could not render ${template}: ${JSON.stringify(diagnostics).slice(0, 2000)}`);
  }
}

export interface RenderOptions {
  /** The document's creation date in the PDF metadata (the template sets `date: auto`); now by default. */
  createdAt?: Date;
}

/**
 * Renders `assets/templates/<template>.typ` to PDF bytes with `data` as its
 * JSON input. Synchronous work of a few milliseconds for a typical report.
 */
export function renderPdf(template: string, data: unknown, options: RenderOptions = {}): Buffer {
  if (!/^[a-z0-9-]+$/.test(template)) throw new Error(`Invalid template name: ${template}`);
  const typst = sharedCompiler();
  const result = typst.compile({ mainFilePath: join(templatesFolder, `${template}.typ`), inputs: { data: JSON.stringify(data) } });
  const document = result.result;
  if (result.hasError() || !document) {
    const error = result.takeError();
    throw new DocumentRenderError(template, error ? typst.fetchDiagnostics(error) : []);
  }
  const pdf = typst.pdf(document, { creationTimestamp: Math.floor((options.createdAt ?? new Date()).getTime() / 1000) });
  // Typst memoizes layouts across compilations; drop what has not been reused lately so memory stays flat.
  typst.evictCache(10);
  return pdf;
}
