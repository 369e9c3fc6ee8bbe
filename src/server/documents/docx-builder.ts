import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type FileChild,
  type IBorderOptions,
  type IRunOptions,
} from 'docx';
import type { Locale } from '../../core/access/roles.js';

/**
 * Word documents (DOCX) with the `docx` package, written the way Taawon's
 * PDFs are typeset: Noto Sans for Latin text, Noto Naskh Arabic for Arabic,
 * and Arabic right to left — paragraphs `bidirectional`, runs `rightToLeft`,
 * tables `visuallyRightToLeft` — so that a document in Arabic opens mirrored
 * in Word and LibreOffice. Each string goes in its own direction: an Arabic
 * name in a French document (or a French one in an Arabic document) stays
 * readable.
 */

export const docxColors = {
  ink: '1F2933',
  muted: '52606D',
  line: 'D9E2EC',
  soft: 'F0F4F8',
  brand: '0B6E4F',
  brandSoft: 'E3F4EC',
  danger: 'C53030',
  dangerSoft: 'FFF5F5',
  white: 'FFFFFF',
} as const;

const latinFont = 'Noto Sans';
const arabicFont = 'Noto Naskh Arabic';
const fonts = { ascii: latinFont, hAnsi: latinFont, eastAsia: latinFont, cs: arabicFont };

const arabicLetter = /\p{Script=Arabic}/u;
const anyLetter = /\p{L}/u;

export type Direction = 'ltr' | 'rtl';

/**
 * A code such as FIN-ACCOUNTING with non-breaking hyphens: broken at its
 * hyphen, a code reads backwards in a right-to-left line.
 */
export function keepCodesWhole(text: string): string {
  return text.replace(/\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+\b/g, (code) => code.replaceAll('-', '\u2011'));
}

/**
 * The direction of a string in a document written in `documentDirection`.
 * In an Arabic document, anything holding Arabic reads right to left (a
 * module's code before its Arabic title included) and Latin-only text left to
 * right; in a Latin document, a string whose first letter is Arabic reads
 * right to left. Text without letters (numbers) follows the document.
 */
export function directionOf(text: string, documentDirection: Direction): Direction {
  const firstLetter = text.match(anyLetter);
  if (!firstLetter) return documentDirection;
  if (documentDirection === 'rtl') return arabicLetter.test(text) ? 'rtl' : 'ltr';
  return arabicLetter.test(firstLetter[0]) ? 'rtl' : 'ltr';
}

export interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  color?: string;
  /** In points. */
  size?: number;
}

export interface ParagraphStyle extends RunStyle {
  heading?: 1 | 2 | 3;
  center?: boolean;
  spaceBefore?: number;
  spaceAfter?: number;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  bullet?: boolean;
  shading?: string;
}

export interface TableSpec {
  headers: string[];
  rows: Array<Array<string | string[]>>;
  /** Relative widths of the columns. */
  widths: number[];
}

export interface DocxPage {
  title: string;
  /** Shown at the top of every page (e.g. "draft"), in red. */
  headerMark: string | null;
  footer: { left: string; middle: string; pagePattern: string };
  children: FileChild[];
}

const thin = (color: string): IBorderOptions => ({ style: BorderStyle.SINGLE, size: 4, color });
const padding = (color: string) => {
  const side: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color, space: 3 };
  return { top: side, bottom: side, left: { ...side, space: 5 }, right: { ...side, space: 5 } };
};
const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const contentWidthTwips = 11906 - 2 * 1021;
const pageNumberStyle = 'TaawonPageNumber';

/** The pieces a document in one language is written with. */
export function createDocxKit(lang: Locale) {
  const documentDirection: Direction = lang === 'ar' ? 'rtl' : 'ltr';
  const isRtl = documentDirection === 'rtl';
  const baseSize = isRtl ? 10.5 : 9.5;

  function run(text: string, style: RunStyle = {}, extra: Partial<IRunOptions> = {}): TextRun {
    // Without a size, the paragraph's style gives it (a heading's, or the document's).
    const size = style.size === undefined ? undefined : Math.round(style.size * 2);
    return new TextRun({
      text: keepCodesWhole(text),
      bold: style.bold,
      boldComplexScript: style.bold,
      italics: style.italics,
      italicsComplexScript: style.italics,
      color: style.color,
      size,
      // Arabic letters take the complex-script size: Naskh reads small at the Latin size.
      sizeComplexScript: size === undefined ? undefined : size + 2,
      font: fonts,
      rightToLeft: directionOf(text, documentDirection) === 'rtl',
      ...extra,
    });
  }

  /** A paragraph holding one string, in the direction of its text. */
  function paragraph(text: string, style: ParagraphStyle = {}): Paragraph {
    const direction = directionOf(text, documentDirection);
    const headingLevels = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;
    // A string in the other script is a left-to-right paragraph (its run keeps its own direction)
    // aligned on the document's side, so that columns stay straight.
    return new Paragraph({
      children: [run(text, style)],
      bidirectional: isRtl && direction === 'rtl',
      heading: style.heading ? headingLevels[style.heading] : undefined,
      alignment: style.center ? AlignmentType.CENTER : isRtl && direction === 'ltr' ? AlignmentType.RIGHT : undefined,
      spacing: { before: (style.spaceBefore ?? 0) * 20, after: (style.spaceAfter ?? 4) * 20 },
      keepNext: style.keepNext ?? Boolean(style.heading),
      keepLines: true,
      pageBreakBefore: style.pageBreakBefore,
      bullet: style.bullet ? { level: 0 } : undefined,
      shading: style.shading ? { type: ShadingType.CLEAR, color: 'auto', fill: style.shading } : undefined,
      // A border of the shading's colour pads the shaded band around its text.
      border: style.shading ? padding(style.shading) : undefined,
    });
  }

  function cell(
    content: Paragraph[],
    options: { fill?: string; widthTwips: number; borders?: 'grid' | 'bottom' | 'none' | 'box'; borderColor?: string; tight?: boolean },
  ): TableCell {
    const line = thin(options.borderColor ?? docxColors.line);
    const borders =
      options.borders === 'none'
        ? { top: none, bottom: none, left: none, right: none }
        : options.borders === 'bottom'
          ? { top: none, bottom: line, left: none, right: none }
          : { top: line, bottom: line, left: line, right: line };
    return new TableCell({
      children: content.length > 0 ? content : [paragraph('')],
      width: { size: options.widthTwips, type: WidthType.DXA },
      shading: options.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } : undefined,
      margins: options.tight ? { top: 10, bottom: 10, left: 90, right: 90 } : { top: 60, bottom: 60, left: 90, right: 90 },
      borders,
    });
  }

  function lines(value: string | string[], style: ParagraphStyle = {}): Paragraph[] {
    const values = Array.isArray(value) ? value : [value];
    return values.length === 0 ? [paragraph('—', { ...style, color: docxColors.muted, spaceAfter: 0 })] : values.map((line) => paragraph(line, { ...style, spaceAfter: 2 }));
  }

  function grid(rows: TableRow[], widths: number[]): Table {
    return new Table({
      rows,
      width: { size: contentWidthTwips, type: WidthType.DXA },
      columnWidths: widths,
      visuallyRightToLeft: isRtl,
    });
  }

  function twips(widths: number[]): number[] {
    const total = widths.reduce((sum, width) => sum + width, 0);
    return widths.map((width) => Math.floor((width / total) * contentWidthTwips));
  }

  /** A table with a header row repeated on every page. */
  function table(spec: TableSpec): Table {
    const widths = twips(spec.widths);
    const header = new TableRow({
      tableHeader: true,
      cantSplit: true,
      children: spec.headers.map((text, index) => cell([paragraph(text, { bold: true, size: baseSize - 1, spaceAfter: 0 })], { fill: docxColors.soft, widthTwips: widths[index]! })),
    });
    const body = spec.rows.map(
      (row) => new TableRow({ cantSplit: true, children: row.map((value, index) => cell(lines(value), { widthTwips: widths[index]! })) }),
    );
    return grid([header, ...body], widths);
  }

  /** Label and value on each line, lines ruled underneath. */
  function facts(items: Array<{ label: string; value: string | string[] }>): Table {
    const widths = twips([1, 2.6]);
    return grid(
      items.map(
        (item) =>
          new TableRow({
            cantSplit: true,
            children: [
              cell([paragraph(item.label, { color: docxColors.muted, spaceAfter: 0 })], { widthTwips: widths[0]!, borders: 'bottom' }),
              cell(lines(item.value), { widthTwips: widths[1]!, borders: 'bottom' }),
            ],
          }),
      ),
      widths,
    );
  }

  /** A coloured band holding one line or more (a banner, a warning, a module's title). */
  function band(paragraphs: Paragraph[], fill: string, borderColor?: string): Table {
    return grid([new TableRow({ cantSplit: true, children: [cell(paragraphs, { fill, widthTwips: contentWidthTwips, borders: borderColor ? 'box' : 'none', borderColor })] })], [contentWidthTwips]);
  }

  /** Short items (names) in columns, filled column by column, without borders. */
  function columns(items: string[], count = 2): Table {
    const widths = twips(Array.from({ length: count }, () => 1));
    const perColumn = Math.ceil(items.length / count);
    const rows = Array.from({ length: perColumn }, (_, row) =>
      new TableRow({
        cantSplit: true,
        children: widths.map((width, column) => {
          const item = items[column * perColumn + row];
          return cell(item === undefined ? [] : [paragraph(`• ${item}`, { spaceAfter: 0 })], { widthTwips: width, borders: 'none', tight: true });
        }),
      }),
    );
    return grid(rows, widths);
  }

  function bullets(items: string[]): Paragraph[] {
    // Word's list numbering is laid out left to right by LibreOffice even in a right-to-left
    // paragraph: in Arabic the bullet is part of the text, on the side the text starts.
    if (isRtl) return items.map((item) => paragraph(`• ${item}`, { spaceAfter: 2 }));
    return items.map((item) => paragraph(item, { bullet: true, spaceAfter: 2 }));
  }

  function spacer(points: number): Paragraph {
    return new Paragraph({ children: [], spacing: { before: 0, after: points * 20 } });
  }

  /** "Page {{page}} of {{total}}" with Word's page fields in place of the placeholders. */
  function pageNumber(pattern: string): Paragraph {
    const parts = pattern.split(/(\{\{page\}\}|\{\{total\}\})/).filter((part) => part !== '');
    const style = { size: 8, color: docxColors.muted };
    const children = parts.map((part) => (part === '{{page}}' ? PageNumber.CURRENT : part === '{{total}}' ? PageNumber.TOTAL_PAGES : part));
    const runs = [run('', style, { children, rightToLeft: isRtl })];
    // Its style carries the size too: some readers draw a field's number in the paragraph's style.
    return new Paragraph({ children: runs, style: pageNumberStyle, bidirectional: isRtl, alignment: isRtl ? AlignmentType.LEFT : AlignmentType.RIGHT });
  }

  async function pack(page: DocxPage): Promise<Buffer> {
    const footerWidths = twips([1.2, 1, 0.8]);
    const small = { size: 8, color: docxColors.muted, spaceAfter: 0 };
    const footer = new Footer({
      children: [
        grid(
          [
            new TableRow({
              children: [
                cell([paragraph(page.footer.left, small)], { widthTwips: footerWidths[0]!, borders: 'none' }),
                cell([paragraph(page.footer.middle, { ...small, center: true })], { widthTwips: footerWidths[1]!, borders: 'none' }),
                cell([pageNumber(page.footer.pagePattern)], { widthTwips: footerWidths[2]!, borders: 'none' }),
              ],
            }),
          ],
          footerWidths,
        ),
      ],
    });
    const header = page.headerMark
      ? new Header({ children: [paragraph(page.headerMark, { bold: true, color: docxColors.danger, size: 8.5, center: true, shading: docxColors.dangerSoft, spaceAfter: 6 })] })
      : undefined;
    const headingStyle = (size: number, color: string, before: number, after: number) => ({
      run: { font: fonts, size: size * 2, sizeComplexScript: size * 2 + 2, bold: true, boldComplexScript: true, color },
      paragraph: { spacing: { before: before * 20, after: after * 20 }, keepNext: true, keepLines: true },
    });
    const document = new Document({
      title: page.title,
      creator: 'Taawon',
      styles: {
        paragraphStyles: [
          {
            id: pageNumberStyle,
            name: 'Page number',
            basedOn: 'Normal',
            run: { font: fonts, size: 16, sizeComplexScript: 18, color: docxColors.muted },
          },
        ],
        default: {
          document: {
            run: {
              font: fonts,
              size: baseSize * 2,
              sizeComplexScript: baseSize * 2 + 2,
              color: docxColors.ink,
              language: { value: lang === 'ar' ? 'ar-MA' : lang === 'en' ? 'en-GB' : 'fr-FR', bidirectional: 'ar-MA' },
            },
            paragraph: { spacing: { line: isRtl ? 300 : 264 } },
          },
          heading1: headingStyle(14, docxColors.brand, 14, 8),
          heading2: headingStyle(11.5, docxColors.ink, 12, 6),
          heading3: headingStyle(10, docxColors.brand, 10, 4),
        },
      },
      sections: [
        {
          properties: {
            page: {
              size: { width: 11906, height: 16838 },
              margin: { top: 1021, bottom: 1247, left: 1021, right: 1021, header: 500, footer: 500 },
            },
          },
          headers: header ? { default: header } : undefined,
          footers: { default: footer },
          children: page.children,
        },
      ],
    });
    return Packer.toBuffer(document);
  }

  return { paragraph, table, facts, band, columns, bullets, spacer, pack };
}

export type DocxKit = ReturnType<typeof createDocxKit>;
