import { BorderStyle, Table, TableCell, TableRow, VerticalAlign, WidthType, type FileChild, type IBorderOptions, type Paragraph } from 'docx';
import type { ActionPlanDocument, ActionView, DocumentTable, Fact, TimelineTone, TimelineView } from '../../core/action-plans/document.js';
import { createDocxKit, docxColors, type DocxKit } from '../documents/docx-builder.js';

/**
 * The action plan as a Word document: the same model, in the same order, as
 * the PDF template (assets/templates/action-plan.typ). Arabic tables are
 * mirrored (`visuallyRightToLeft`), paragraphs right to left.
 */

/* No empty paragraph follows a table: one falling at the top of a page would leave a blank line there. */

/** The colours of the statuses, as in the PDF. */
const tones: Record<TimelineTone, string> = {
  planned: '9FB3C8',
  in_progress: docxColors.brand,
  done: '48BB78',
  blocked: docxColors.danger,
  cancelled: 'D9E2EC',
  late: 'ED8936',
};
const toneText: Record<TimelineTone, string> = {
  planned: docxColors.ink,
  in_progress: docxColors.white,
  done: docxColors.ink,
  blocked: docxColors.white,
  cancelled: docxColors.muted,
  late: docxColors.ink,
};

/** A4 less the margins of docx-builder, in twentieths of a point. */
const contentWidth = 11906 - 2 * 1021;
const line = (color: string = docxColors.line, size = 4): IBorderOptions => ({ style: BorderStyle.SINGLE, size, color });
const noBorder: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: noBorder, bottom: noBorder, left: noBorder, right: noBorder };

function tableOf(kit: DocxKit, model: DocumentTable, widths: number[]): FileChild[] {
  if (model.rows.length === 0) return [kit.paragraph(model.empty, { color: docxColors.muted, italics: true, shading: docxColors.soft, spaceAfter: 6 })];
  return [kit.table({ headers: model.headers, rows: model.rows, widths })];
}

function factsOf(kit: DocxKit, facts: Fact[]): FileChild[] {
  return facts.length === 0 ? [] : [kit.facts(facts)];
}

function cover(kit: DocxKit, model: ActionPlanDocument): FileChild[] {
  return [
    kit.band([kit.paragraph(model.brand, { bold: true, size: 16, color: docxColors.white, spaceAfter: 0 })], docxColors.brand),
    kit.spacer(20),
    kit.paragraph(model.cover.title, { bold: true, size: 22, color: docxColors.brand, spaceAfter: 10 }),
    kit.paragraph(model.cover.subject, { bold: true, size: 15, spaceAfter: 4 }),
    ...(model.cover.otherName ? [kit.paragraph(model.cover.otherName, { size: 12, color: docxColors.muted })] : []),
    ...(model.mark
      ? [
          kit.spacer(6),
          kit.band(
            [kit.paragraph(model.mark.title, { bold: true, size: 13, color: docxColors.danger, spaceAfter: 2 }), kit.paragraph(model.mark.help, { color: docxColors.danger, spaceAfter: 0 })],
            docxColors.dangerSoft,
            docxColors.danger,
          ),
        ]
      : []),
    kit.spacer(10),
    ...factsOf(kit, model.cover.facts),
  ];
}

/** The action's title in a light band, its status in the status's colour beside it. */
function actionHeading(kit: DocxKit, action: ActionView, isRtl: boolean): Table {
  const widths = [Math.round(contentWidth * 0.8), contentWidth - Math.round(contentWidth * 0.8)];
  const margins = { top: 80, bottom: 80, left: 140, right: 140 };
  return new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: widths,
    visuallyRightToLeft: isRtl,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            // A heading, so that each action shows in the document's outline.
            children: [kit.paragraph(action.heading, { heading: 2, size: 11.5, spaceBefore: 0, spaceAfter: 0 })],
            width: { size: widths[0]!, type: WidthType.DXA },
            shading: { fill: docxColors.brandSoft },
            verticalAlign: VerticalAlign.CENTER,
            borders: noBorders,
            margins,
          }),
          new TableCell({
            children: [kit.paragraph(action.statusLabel, { bold: true, size: 8.5, color: toneText[action.status], center: true, spaceAfter: 0 })],
            width: { size: widths[1]!, type: WidthType.DXA },
            shading: { fill: tones[action.status] },
            verticalAlign: VerticalAlign.CENTER,
            borders: noBorders,
            margins,
          }),
        ],
      }),
    ],
  });
}

function actionsOf(kit: DocxKit, model: ActionPlanDocument): FileChild[] {
  const { actions } = model;
  const children: FileChild[] = [kit.paragraph(actions.title, { heading: 1, spaceBefore: 16, spaceAfter: 8 })];
  if (actions.items.length === 0) children.push(kit.paragraph(actions.empty, { color: docxColors.muted }));
  for (const action of actions.items) {
    children.push(kit.spacer(10), actionHeading(kit, action, model.dir === 'rtl'));
    if (action.description) children.push(kit.paragraph(action.description, { spaceBefore: 6, spaceAfter: 6, keepNext: true }));
    else children.push(kit.spacer(4));
    children.push(...factsOf(kit, action.facts));
    children.push(kit.paragraph(action.stakeholders.title, { heading: 3, spaceBefore: 8, spaceAfter: 4 }));
    if (action.stakeholders.items.length === 0) children.push(kit.paragraph(action.stakeholders.empty, { color: docxColors.muted }));
    else children.push(...kit.bullets(action.stakeholders.items));
    children.push(kit.paragraph(action.indicators.title, { heading: 3, spaceBefore: 8, spaceAfter: 4 }), ...tableOf(kit, action.indicators.table, [1.5, 0.75, 1, 1, 1.5]));
  }
  return children;
}

/** Months (or quarters) across, actions down; each action's months filled in its status's colour. */
function timelineOf(kit: DocxKit, timeline: TimelineView, isRtl: boolean): FileChild[] {
  const count = timeline.columns.length;
  const labelWidth = Math.round(contentWidth * (count > 12 ? 0.26 : 0.32));
  const columnWidth = Math.floor((contentWidth - labelWidth) / count);
  const widths = [labelWidth, ...Array.from({ length: count }, () => columnWidth)];
  const grid = line();
  const current = line(docxColors.ink, 12);
  const bordersAt = (index: number) =>
    index === timeline.current ? { top: grid, bottom: grid, left: current, right: current } : { top: grid, bottom: grid, left: grid, right: grid };
  const small = (text: string, bold = false) => kit.paragraph(text, { size: count > 12 ? 6.5 : 7.5, bold, center: true, spaceAfter: 0 });
  const tight = { top: 30, bottom: 30, left: 20, right: 20 };

  const groups = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      new TableCell({
        children: [kit.paragraph(timeline.corner, { bold: true, size: 8.5, spaceAfter: 0 })],
        rowSpan: 2,
        width: { size: labelWidth, type: WidthType.DXA },
        verticalAlign: VerticalAlign.CENTER,
        borders: { top: grid, bottom: grid, left: grid, right: grid },
      }),
      ...timeline.groups.map(
        (group) =>
          new TableCell({
            children: [small(group.label, true)],
            columnSpan: group.span,
            width: { size: columnWidth * group.span, type: WidthType.DXA },
            borders: { top: grid, bottom: grid, left: grid, right: grid },
            margins: tight,
          }),
      ),
    ],
  });
  const columns = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: timeline.columns.map(
      (label, index) => new TableCell({ children: [small(label)], width: { size: columnWidth, type: WidthType.DXA }, borders: bordersAt(index), margins: tight }),
    ),
  });
  const rows = timeline.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            children: [kit.paragraph(`${row.label}. ${row.title}`, { size: 8, spaceAfter: 0 })],
            width: { size: labelWidth, type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            borders: { top: grid, bottom: grid, left: grid, right: grid },
            margins: { top: 40, bottom: 40, left: 80, right: 80 },
          }),
          ...row.cells.map(
            (state, index) =>
              new TableCell({
                children: [kit.paragraph('', { spaceAfter: 0 })],
                width: { size: columnWidth, type: WidthType.DXA },
                shading: state === 'none' ? undefined : { fill: state === 'late' ? tones.late : tones[row.tone] },
                borders: bordersAt(index),
              }),
          ),
        ],
      }),
  );
  // The legend: a swatch, then its label, each label as wide as its text asks.
  const swatch = 200;
  const weights = timeline.legend.map((entry) => entry.label.length + 4);
  const room = contentWidth - swatch * timeline.legend.length;
  const labelWidths = weights.map((weight) => Math.floor((weight / weights.reduce((sum, each) => sum + each, 0)) * room));
  const legend = new Table({
    width: { size: contentWidth, type: WidthType.DXA },
    columnWidths: timeline.legend.flatMap((_, index) => [swatch, labelWidths[index]!]),
    visuallyRightToLeft: isRtl,
    rows: [
      new TableRow({
        cantSplit: true,
        children: timeline.legend.flatMap((entry, index) => [
          new TableCell({
            children: [kit.paragraph('', { size: 6, spaceAfter: 0 })],
            width: { size: swatch, type: WidthType.DXA },
            shading: { fill: tones[entry.tone] },
            verticalAlign: VerticalAlign.CENTER,
            borders: { top: line(docxColors.white, 24), bottom: line(docxColors.white, 24), left: noBorder, right: noBorder },
          }),
          new TableCell({
            children: [kit.paragraph(entry.label, { size: 8, spaceAfter: 0 })],
            width: { size: labelWidths[index]!, type: WidthType.DXA },
            verticalAlign: VerticalAlign.CENTER,
            borders: noBorders,
            margins: { top: 0, bottom: 0, left: 80, right: 80 },
          }),
        ]),
      }),
    ],
  });
  return [
    // On a page of its own: Word would split the grid, LibreOffice ignores "keep with next" in tables.
    kit.paragraph(timeline.title, { heading: 1, spaceBefore: 0, spaceAfter: 8, pageBreakBefore: true }),
    kit.paragraph(timeline.intro, { color: docxColors.muted, spaceAfter: 6, keepNext: true }),
    new Table({ width: { size: contentWidth, type: WidthType.DXA }, columnWidths: widths, visuallyRightToLeft: isRtl, rows: [groups, columns, ...rows] }),
    kit.spacer(6),
    legend,
  ];
}

function acceptanceOf(kit: DocxKit, model: ActionPlanDocument): FileChild[] {
  const { acceptance } = model;
  const children: FileChild[] = [kit.paragraph(acceptance.title, { heading: 1, spaceBefore: 18, spaceAfter: 8 })];
  if (acceptance.accepted) {
    const lines: Paragraph[] = [kit.paragraph(acceptance.accepted.text, { bold: true, spaceAfter: acceptance.accepted.note ? 6 : 0 })];
    if (acceptance.accepted.note) {
      lines.push(
        kit.paragraph(acceptance.accepted.note.label, { color: docxColors.muted, spaceAfter: 2 }),
        ...[acceptance.accepted.note.value].flat().map((value) => kit.paragraph(value, { spaceAfter: 0 })),
      );
    }
    children.push(kit.band(lines, docxColors.brandSoft));
  }
  if (acceptance.signatures) {
    const { signatures } = acceptance;
    children.push(kit.paragraph(signatures.intro, { color: docxColors.muted, spaceAfter: 10, keepNext: true }));
    const half = Math.floor(contentWidth / 2);
    const box = line(docxColors.line, 6);
    const blank = '_'.repeat(28);
    children.push(
      new Table({
        width: { size: contentWidth, type: WidthType.DXA },
        columnWidths: [half, half],
        visuallyRightToLeft: model.dir === 'rtl',
        rows: [
          new TableRow({
            cantSplit: true,
            children: signatures.blocks.map(
              (signature) =>
                new TableCell({
                  width: { size: half, type: WidthType.DXA },
                  borders: { top: box, bottom: box, left: box, right: box },
                  margins: { top: 160, bottom: 160, left: 200, right: 200 },
                  children: [
                    kit.paragraph(signature.title, { bold: true, color: docxColors.brand, spaceAfter: 12 }),
                    ...signature.lines.flatMap((entry, lineIndex) => {
                      const value = typeof entry.value === 'string' ? entry.value : entry.value.join(' ');
                      const isLast = lineIndex === signature.lines.length - 1;
                      const label = kit.paragraph(`${entry.label}${model.lang === 'fr' ? ' :' : ':'} ${value || blank}`, { spaceAfter: isLast ? 0 : 14 });
                      // Room to sign under the last line.
                      return isLast ? [kit.spacer(40), label] : [label];
                    }),
                  ],
                }),
            ),
          }),
        ],
      }),
    );
  }
  return children;
}

/** The DOCX bytes of an action plan. */
export async function renderActionPlanDocx(model: ActionPlanDocument): Promise<Buffer> {
  const kit = createDocxKit(model.lang);
  const isRtl = model.dir === 'rtl';
  const children: FileChild[] = [
    ...cover(kit, model),
    kit.paragraph(model.summary.title, { heading: 1, spaceBefore: 16, spaceAfter: 8 }),
    ...factsOf(kit, model.summary.facts),
    kit.paragraph(model.needs.title, { heading: 1, spaceBefore: 0, spaceAfter: 8, pageBreakBefore: true }),
    kit.paragraph(model.needs.intro, { color: docxColors.muted, spaceAfter: 6, keepNext: true }),
    ...tableOf(kit, model.needs.table, [0.45, 1.1, 2.2, 0.8, 0.9]),
    ...actionsOf(kit, model),
    ...(model.timeline ? timelineOf(kit, model.timeline, isRtl) : []),
    ...acceptanceOf(kit, model),
  ];
  return kit.pack({
    title: model.title,
    headerMark: model.mark?.title ?? null,
    footer: { left: model.footer.text, middle: model.footer.generated, pagePattern: model.footer.pageNumber },
    children,
  });
}
