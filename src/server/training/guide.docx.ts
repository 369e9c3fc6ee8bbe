import type { FileChild } from 'docx';
import type { DocumentTable, Fact, PathView, TitledList, TrainingDocument } from '../../core/training/guide.js';
import { createDocxKit, docxColors, type DocxKit } from '../documents/docx-builder.js';

/**
 * The training guide or a training path as a Word document: the same model,
 * in the same order, as the PDF template (assets/templates/training-guide.typ).
 */

/*
 * No empty paragraph follows a table: one falling at the top of a page before
 * a page break would leave that page blank. What follows a table takes its
 * own space before.
 */

function tableOf(kit: DocxKit, model: DocumentTable, widths: number[]): FileChild[] {
  if (model.rows.length === 0) return [kit.paragraph(model.empty, { color: docxColors.muted, italics: true, shading: docxColors.soft, spaceAfter: 6 })];
  return [kit.table({ headers: model.headers, rows: model.rows, widths })];
}

function factsOf(kit: DocxKit, facts: Fact[]): FileChild[] {
  return facts.length === 0 ? [] : [kit.facts(facts)];
}

function listOf(kit: DocxKit, model: TitledList): FileChild[] {
  return [
    kit.paragraph(model.title, { heading: 3 }),
    ...(model.items.length === 0 ? [kit.paragraph(model.empty, { color: docxColors.muted })] : kit.bullets(model.items)),
  ];
}

function pathBody(kit: DocxKit, path: PathView): FileChild[] {
  return [
    kit.paragraph(path.summary, { bold: true, shading: docxColors.brandSoft, spaceBefore: 8, spaceAfter: 6, keepNext: true }),
    ...(path.needs ? [kit.paragraph(path.needs.title, { heading: 3 }), ...tableOf(kit, path.needs.table, [1.25, 1.9, 0.55, 2.3])] : []),
    kit.paragraph(path.modules.title, { heading: 3 }),
    ...tableOf(kit, path.modules.table, [1.5, 1.6, 0.7, 1]),
    ...(path.coaching ? [kit.paragraph(path.coaching.title, { heading: 3 }), ...tableOf(kit, path.coaching.table, [1, 1.4])] : []),
    kit.paragraph(path.workshops.title, { heading: 3 }),
    ...tableOf(kit, path.workshops.table, [1, 1, 1]),
  ];
}

function cover(kit: DocxKit, model: TrainingDocument): FileChild[] {
  const isGuide = model.kind === 'guide';
  return [
    kit.band([kit.paragraph(model.brand, { bold: true, size: 16, color: docxColors.white, spaceAfter: 0 })], docxColors.brand),
    kit.spacer(isGuide ? 40 : 16),
    kit.paragraph(model.cover.title, { bold: true, size: isGuide ? 24 : 20, color: docxColors.brand, spaceAfter: 12 }),
    kit.paragraph(model.cover.subject, { bold: true, size: 15, spaceAfter: 4 }),
    ...(model.cover.otherName ? [kit.paragraph(model.cover.otherName, { size: 12, color: docxColors.muted })] : []),
    ...(model.mark
      ? [
          kit.spacer(8),
          kit.band(
            [kit.paragraph(model.mark.title, { bold: true, size: 13, color: docxColors.danger, spaceAfter: 2 }), kit.paragraph(model.mark.help, { color: docxColors.danger, spaceAfter: 0 })],
            docxColors.dangerSoft,
            docxColors.danger,
          ),
        ]
      : []),
    kit.spacer(isGuide ? 16 : 8),
    ...factsOf(kit, model.cover.facts),
  ];
}

function guideBody(kit: DocxKit, model: TrainingDocument): FileChild[] {
  const children: FileChild[] = [];
  const { brief, needs, modules, coaching, workshops, annex } = model;
  if (brief) {
    children.push(kit.paragraph(brief.title, { heading: 1, pageBreakBefore: true }));
    if (brief.description) children.push(kit.paragraph(brief.description, { spaceAfter: 8 }));
    children.push(...factsOf(kit, brief.facts));
    children.push(kit.paragraph(brief.phases.title, { heading: 2 }), ...tableOf(kit, brief.phases.table, [2, 1, 1]));
    children.push(kit.paragraph(brief.figures.title, { heading: 2 }), ...factsOf(kit, brief.figures.facts));
  }
  if (needs) {
    children.push(kit.paragraph(needs.title, { heading: 1 }), kit.paragraph(needs.intro, { color: docxColors.muted, spaceAfter: 6 }));
    if (needs.domains.length === 0) children.push(kit.paragraph(needs.empty, { color: docxColors.muted }));
    for (const domain of needs.domains) children.push(kit.paragraph(domain.title, { heading: 3 }), ...tableOf(kit, domain.table, [2.8, 1.25, 0.9, 1, 1, 2]));
  }
  if (modules) {
    children.push(kit.paragraph(modules.title, { heading: 1, pageBreakBefore: true }));
    if (modules.items.length === 0) children.push(kit.paragraph(modules.empty, { color: docxColors.muted }));
    modules.items.forEach((module, index) => {
      children.push(
        // Each module on a page of its own; its title a heading, so that it shows in the document's outline.
        kit.paragraph(module.title, { heading: 2, size: 12.5, color: docxColors.white, shading: docxColors.brand, pageBreakBefore: index > 0, spaceBefore: 0, spaceAfter: 8 }),
        ...factsOf(kit, module.facts),
        ...listOf(kit, module.objectives),
        kit.paragraph(module.sequences.title, { heading: 3 }),
        ...tableOf(kit, module.sequences.table, [1.3, 0.5, 1.7]),
        kit.paragraph(module.sequences.total, { bold: true, spaceBefore: 6 }),
        ...listOf(kit, module.materials),
      );
      if (module.groups.items.length > 0) {
        children.push(kit.paragraph(module.groups.title, { heading: 3 }));
        for (const group of module.groups.items) {
          children.push(
            kit.paragraph(group.title, { bold: true, color: docxColors.brand, size: 10.5, keepNext: true, spaceBefore: 6 }),
            ...factsOf(kit, group.facts),
            kit.paragraph(group.participants, { bold: true, keepNext: true, spaceBefore: 8 }),
            kit.columns(group.cooperatives),
          );
        }
      }
      if (module.coached) children.push(...listOf(kit, module.coached));
    });
  }
  if (coaching) {
    children.push(kit.paragraph(coaching.title, { heading: 1, pageBreakBefore: true }), kit.paragraph(coaching.intro, { color: docxColors.muted, spaceAfter: 6 }), ...tableOf(kit, coaching.table, [1, 1.2, 1.5]));
  }
  if (workshops) {
    children.push(kit.paragraph(workshops.title, { heading: 1 }), kit.paragraph(workshops.intro, { color: docxColors.muted, spaceAfter: 6 }), ...tableOf(kit, workshops.table, [1.3, 1, 1, 0.6]));
  }
  if (annex) {
    children.push(kit.paragraph(annex.title, { heading: 1, pageBreakBefore: true }), kit.paragraph(annex.intro, { color: docxColors.muted, spaceAfter: 6 }));
    for (const path of annex.paths) {
      children.push(kit.paragraph(path.name, { heading: 2 }));
      if (path.otherName) children.push(kit.paragraph(path.otherName, { color: docxColors.muted, keepNext: true }));
      children.push(kit.paragraph(path.provinceLine, { color: docxColors.muted, keepNext: true }), ...pathBody(kit, path));
    }
  }
  return children;
}

/** The DOCX bytes of a training guide or path. */
export async function renderTrainingDocx(model: TrainingDocument): Promise<Buffer> {
  const kit = createDocxKit(model.lang);
  const children = [...cover(kit, model), ...(model.path ? pathBody(kit, model.path) : guideBody(kit, model))];
  return kit.pack({
    title: model.title,
    headerMark: model.mark?.title ?? null,
    footer: { left: model.footer.text, middle: model.footer.generated, pagePattern: model.footer.pageNumber },
    children,
  });
}
