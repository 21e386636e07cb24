/**
 * The pdfmake document definition for a report: cover, colophon, contents, body, running
 * header and footer, footnote areas — with the logical structure tree built alongside.
 */
import type { Block, Footnote, ReportDocument } from '../../model/types.js';
import { blocks, rule, textNode, turnPagesForTables, type BlockContext } from './blocks.js';
import type { PdfNode } from './marks.js';
import { toRuns, type PdfInline } from './inlines.js';
import { FootnoteArea } from './footnotes.js';
import { cloneContent } from './clone.js';
import { atFoot, keepHeadingsWithNext } from './keep.js';
import { FOOTER_ARTIFACT, HEADER_ARTIFACT, LAYOUT_ARTIFACT, StructNode } from './structure.js';
import { SANS } from './fonts.js';
import type { Theme } from './theme.js';
import { fitCover, type CoverFit } from './cover-fit.js';
import { LINE_EM } from './text-measure.js';
import { headingLabel, pageOfText } from '../shared/labels.js';

/** A4 in points. */
export const A4 = { width: 595.28, height: 841.89 };

/** Everything a render needs: the definition for pdfmake and the pieces of the layout session. */
export interface ReportDefinition {
  /** The document definition; its `content` is the root to attach the layout session to. */
  definition: PdfNode & { content: PdfNode };
  /** A fresh copy of the content for one layout pass. */
  content(): PdfNode;
  footnotes: FootnoteArea;
  root: StructNode;
}

/** Builds the document definition and the structure tree for a report. */
export function buildDefinition(doc: ReportDocument, theme: Theme): ReportDefinition {
  const labels = doc.frame.labels;
  const [left, top, right, bottom] = theme.pageMargins;
  const width = A4.width - left - right;
  const root = new StructNode('Document', { lang: doc.meta.locale });
  const footnoteById = new Map<string, Footnote>(doc.footnotes.map((f) => [f.id, f]));
  // Notes are registered while the body is converted; the area is made from the note context.
  const notes: { area?: FootnoteArea } = {};
  const base = {
    theme,
    labels,
    width,
    outline: [] as string[],
    pageHeight: A4.height - top - bottom,
    onFootnote: (id: string, n: number, ref: StructNode) => notes.area?.register(id, n, ref),
  };
  const bodyCtx: BlockContext = { ...base, size: theme.bodySize };
  const noteCtx: BlockContext = { ...base, size: theme.smallSize };
  const footnotes = new FootnoteArea(noteCtx, footnoteById, theme.pageMargins);
  notes.area = footnotes;

  const coverFit = coverLayout(doc, theme);
  const content: PdfNode[] = [
    ...cover(doc, root, bodyCtx, coverFit),
    // The colophon sits at the foot of the cover's verso, as in printed government reports.
    { stack: [atFoot(colophon(doc, root, bodyCtx))], pageBreak: 'before' },
    { stack: contents(doc, root, bodyCtx), pageBreak: 'before' },
    { stack: body(doc.body, root, bodyCtx), pageBreak: 'before' },
  ];
  const template: PdfNode = { stack: content };
  const definition = {
    pageSize: 'A4',
    pageMargins: theme.pageMargins,
    content: { stack: [] as PdfNode[] },
    defaultStyle: { font: SANS, fontSize: theme.bodySize, lineHeight: theme.lineHeight, color: theme.colors.text },
    header: (page: number, _pages: number, size: { width: number }) => (page < 3 ? null : header(doc, theme, size.width)),
    footer: (page: number, pages: number) => (page < 2 ? null : footer(doc, theme, page, pages)),
    background: (page: number) => (page === 1 ? coverBand(theme, coverFit.band) : null),
    // Drawn over each page, light and diagonal, as page furniture (an artifact).
    ...(doc.draft ? { watermark: { text: labels.draft, color: theme.colors.muted, opacity: 0.15, bold: true } } : {}),
  };
  return { definition, content: () => cloneContent(template), footnotes, root };
}

function cover(doc: ReportDocument, root: StructNode, ctx: BlockContext, fit: CoverFit): PdfNode[] {
  const { theme } = ctx;
  const sect = root.add(new StructNode('Sect'));
  const white = theme.colors.coverText;
  const para = (runs: (p: StructNode) => PdfInline[], extra: PdfNode) => {
    const p = sect.add(new StructNode('P'));
    return textNode(runs(p), extra);
  };
  const label = doc.frame.labels.coverLabel;
  const title = doc.frame.cover.title;
  const locale = doc.meta.locale;
  // A title that starts with the label ("Rapport fra …") says it already: the label is then decoration.
  const labelRepeated = title.toLocaleLowerCase(locale).startsWith(label.toLocaleLowerCase(locale));
  const labelTag = labelRepeated ? LAYOUT_ARTIFACT : sect.add(new StructNode('P'));
  // The title is the report's level-1 heading.
  const h1 = sect.add(new StructNode('H1'));
  const nodes: PdfNode[] = [
    textNode([{ text: label.toLocaleUpperCase(locale), _rv: labelTag }], {
      color: white,
      bold: true,
      fontSize: theme.bodySize,
      characterSpacing: 1.5,
      margin: [0, 90, 0, 18],
    }),
    // Balanced lines: each break replaces a space, so the text gains nothing.
    textNode([{ text: fit.title.lines.join('\n'), _rv: h1 }], {
      color: white,
      bold: true,
      fontSize: fit.title.size,
      lineHeight: 0.95,
      margin: [0, 0, 0, 16],
    }),
  ];
  const subtitle = fit.subtitle;
  if (subtitle) {
    nodes.push(para((p) => [{ text: subtitle.lines.join('\n'), _rv: p }], { color: white, fontSize: subtitle.size }));
  }
  const lines = doc.frame.cover.lines.map((line) => {
    const p = sect.add(new StructNode('P'));
    return textNode(toRuns(line, p, ctx), { margin: [0, 0, 0, 4] });
  });
  if (lines.length > 0) {
    nodes.push({
      stack: lines,
      absolutePosition: { x: theme.pageMargins[0], y: fit.band + 36 },
      fontSize: theme.bodySize + 1,
    });
  }
  return nodes;
}

/** Least and most height of the coloured band at the top of the cover. */
const COVER_BAND = 470;
const COVER_BAND_MAX = 660;

/** The cover's title and subtitle sizes and the band that holds them. */
function coverLayout(doc: ReportDocument, theme: Theme): CoverFit {
  return fitCover(doc.frame.cover.title, doc.frame.cover.subtitle, {
    width: A4.width - theme.pageMargins[0] - theme.pageMargins[2],
    titleSize: theme.coverTitleSize,
    // Top margin, the label with its spacing, and the gap under the title; room below the last line.
    above: theme.pageMargins[1] + 90 + theme.bodySize * LINE_EM + 18 + 16,
    below: 48,
    titleLineHeight: 0.95,
    subtitleLineHeight: theme.lineHeight,
    minBand: COVER_BAND,
    maxBand: COVER_BAND_MAX,
  });
}

function colophon(doc: ReportDocument, root: StructNode, ctx: BlockContext): PdfNode[] {
  const sect = root.add(new StructNode('Sect'));
  const h = sect.add(new StructNode('H1'));
  const title = doc.frame.labels.colophon;
  return [
    textNode([{ text: title, _rv: h }], {
      id: 'rv-colophon',
      headlineLevel: 1,
      outline: true,
      outlineText: title,
      fontSize: ctx.theme.headingSizes[1],
      bold: true,
      color: ctx.theme.colors.heading,
      margin: [0, 0, 0, 12],
    }),
    ...blocks(doc.frame.colophon, sect, ctx),
  ];
}

function contents(doc: ReportDocument, root: StructNode, ctx: BlockContext): PdfNode[] {
  const { theme } = ctx;
  const sect = root.add(new StructNode('Sect'));
  const h = sect.add(new StructNode('H1'));
  const title = doc.frame.labels.contents;
  const out: PdfNode[] = [
    textNode([{ text: title, _rv: h }], {
      id: 'rv-contents',
      headlineLevel: 1,
      outline: true,
      outlineText: title,
      fontSize: theme.headingSizes[0],
      bold: true,
      color: theme.colors.heading,
      margin: [0, 0, 0, 18],
    }),
  ];
  const toc = sect.add(new StructNode('TOC'));
  // Entries nest by level as on the page: a TOCI holds the TOC of the entries below it.
  const open: { level: number; item: StructNode; sub?: StructNode }[] = [];
  for (const entry of doc.toc) {
    while ((open[open.length - 1]?.level ?? 0) >= entry.level) open.pop();
    const above = open[open.length - 1];
    if (above) above.sub ??= above.item.add(new StructNode('TOC'));
    const item = (above?.sub ?? toc).add(new StructNode('TOCI'));
    open.push({ level: entry.level, item });
    const link = item.add(new StructNode('Link'));
    link.link = { dest: entry.id, contents: entry.number ? `${entry.number} ${entry.text}` : entry.text };
    const indent = (entry.level - 1) * (theme.bodySize * 1.6);
    const label: PdfInline[] = entry.number ? [{ text: headingLabel(entry.number), _rv: link }] : [];
    out.push({
      columns: [
        { width: '*', text: [...label, { text: entry.text, _rv: link }] },
        { width: theme.bodySize * 3, text: [{ text: '000', pageReference: entry.id, _rv: link }], alignment: 'right' },
      ],
      columnGap: 12,
      bold: entry.level === 1,
      margin: [indent, entry.level === 1 ? 8 : 2, 0, 0],
    });
  }
  return out;
}

function body(nodes: readonly Block[], root: StructNode, ctx: BlockContext): PdfNode[] {
  const out: PdfNode[] = [];
  let parent = root;
  let first = true;
  for (const node of nodes) {
    if (node.type === 'heading' && node.level === 1) {
      parent = root.add(new StructNode('Sect'));
      const converted = blocks([node], parent, ctx);
      // Every chapter starts on a new page.
      if (!first && converted[0]) converted[0]['pageBreak'] = 'before';
      out.push(...converted);
    } else {
      // Only a table in the main flow may turn its page; nested ones get smaller type at most.
      const here = node.type === 'table' ? { ...ctx, landscapeWidth: A4.height - ctx.theme.pageMargins[0] - ctx.theme.pageMargins[2] } : ctx;
      out.push(...blocks([node], parent, here));
    }
    first = false;
  }
  keepHeadingsWithNext(out);
  turnPagesForTables(out);
  return out;
}

/** The running header across a page `pageWidth` wide (landscape pages are wider). */
function header(doc: ReportDocument, theme: Theme, pageWidth: number): PdfNode {
  const [left, top, right] = theme.pageMargins;
  const width = pageWidth - left - right;
  return {
    stack: [
      textNode([{ text: doc.meta.shortTitle, _rv: HEADER_ARTIFACT }], {
        fontSize: theme.smallSize,
        color: theme.colors.muted,
      }),
      rule(width, theme.colors.rule, [0, 4, 0, 0], HEADER_ARTIFACT),
    ],
    margin: [left, top - 40, right, 0],
  };
}

function footer(doc: ReportDocument, theme: Theme, page: number, pages: number): PdfNode {
  const [left, , right, bottom] = theme.pageMargins;
  const text = pageOfText(doc.frame.labels, page, pages);
  return {
    text: [{ text, _rv: FOOTER_ARTIFACT }],
    alignment: 'right',
    fontSize: theme.smallSize,
    color: theme.colors.muted,
    margin: [left, bottom - 40, right, 0],
  };
}

function coverBand(theme: Theme, height: number): PdfNode {
  return { canvas: [{ type: 'rect', x: 0, y: 0, w: A4.width, h: height, color: theme.colors.heading, _rv: LAYOUT_ARTIFACT }] };
}
