/**
 * The pdfmake document definition for a report: cover, colophon, contents, body, running
 * header and footer, footnote areas — with the logical structure tree built alongside.
 */
import type { Block, Footnote, ReportDocument } from '../../model/types.js';
import { blocks, rule, textNode, type BlockContext } from './blocks.js';
import type { PdfNode } from './marks.js';
import { toRuns, type PdfInline } from './inlines.js';
import { FootnoteArea } from './footnotes.js';
import { cloneContent } from './clone.js';
import { atFoot, keepHeadingsWithNext } from './keep.js';
import { FOOTER_ARTIFACT, HEADER_ARTIFACT, LAYOUT_ARTIFACT, StructNode } from './structure.js';
import { SANS } from './fonts.js';
import type { Theme } from './theme.js';
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
  const [left, , right] = theme.pageMargins;
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
    onFootnote: (id: string, n: number, ref: StructNode) => notes.area?.register(id, n, ref),
  };
  const bodyCtx: BlockContext = { ...base, size: theme.bodySize };
  const noteCtx: BlockContext = { ...base, size: theme.smallSize };
  const footnotes = new FootnoteArea(noteCtx, footnoteById, { height: A4.height, margins: theme.pageMargins });
  notes.area = footnotes;

  const content: PdfNode[] = [
    ...cover(doc, root, bodyCtx),
    // The colophon sits at the foot of the cover's verso, as in printed government reports.
    { stack: [atFoot(colophon(doc, root, bodyCtx))], pageBreak: 'before' },
    { stack: contents(doc, root, bodyCtx), pageBreak: 'before' },
    { stack: body(doc.body, root, bodyCtx), pageBreak: 'before' },
  ];
  const template: PdfNode = { stack: content };
  const band = coverBandHeight(doc, theme);
  const definition = {
    pageSize: 'A4',
    pageMargins: theme.pageMargins,
    content: { stack: [] as PdfNode[] },
    defaultStyle: { font: SANS, fontSize: theme.bodySize, lineHeight: theme.lineHeight, color: theme.colors.text },
    header: (page: number) => (page < 3 ? null : header(doc, theme)),
    footer: (page: number, pages: number) => (page < 2 ? null : footer(doc, theme, page, pages)),
    background: (page: number) => (page === 1 ? coverBand(theme, band) : null),
  };
  return { definition, content: () => cloneContent(template), footnotes, root };
}

function cover(doc: ReportDocument, root: StructNode, ctx: BlockContext): PdfNode[] {
  const { theme } = ctx;
  const sect = root.add(new StructNode('Sect'));
  const white = theme.colors.coverText;
  const para = (runs: (p: StructNode) => PdfInline[], extra: PdfNode) => {
    const p = sect.add(new StructNode('P'));
    return textNode(runs(p), extra);
  };
  const nodes: PdfNode[] = [
    para((p) => [{ text: doc.frame.labels.coverLabel.toUpperCase(), _rv: p }], {
      color: white,
      bold: true,
      fontSize: theme.bodySize,
      characterSpacing: 1.5,
      margin: [0, 90, 0, 18],
    }),
    para((p) => [{ text: doc.frame.cover.title, _rv: p }], {
      color: white,
      bold: true,
      fontSize: theme.coverTitleSize,
      lineHeight: 0.95,
      margin: [0, 0, 0, 16],
    }),
  ];
  if (doc.frame.cover.subtitle) {
    const subtitle = doc.frame.cover.subtitle;
    nodes.push(para((p) => [{ text: subtitle, _rv: p }], { color: white, fontSize: theme.coverTitleSize * 0.55 }));
  }
  const lines = doc.frame.cover.lines.map((line) => {
    const p = sect.add(new StructNode('P'));
    return textNode(toRuns(line, p, ctx), { margin: [0, 0, 0, 4] });
  });
  if (lines.length > 0) {
    nodes.push({
      stack: lines,
      absolutePosition: { x: theme.pageMargins[0], y: coverBandHeight(doc, theme) + 36 },
      fontSize: theme.bodySize + 1,
    });
  }
  return nodes;
}

/** Least height of the coloured band at the top of the cover. */
const COVER_BAND = 470;

/** Noto Sans's line box (ascender − descender) in em, and a generous average advance width. */
const LINE_EM = 1.362;
const ADVANCE_EM = 0.6;

/** The band grows with a long title or subtitle, so the white text always stands on it. */
function coverBandHeight(doc: ReportDocument, theme: Theme): number {
  const width = A4.width - theme.pageMargins[0] - theme.pageMargins[2];
  const title = estimateLines(doc.frame.cover.title, theme.coverTitleSize, width) * theme.coverTitleSize * LINE_EM * 0.95;
  const subtitleSize = theme.coverTitleSize * 0.55;
  const subtitle = doc.frame.cover.subtitle
    ? estimateLines(doc.frame.cover.subtitle, subtitleSize, width) * subtitleSize * LINE_EM * theme.lineHeight
    : 0;
  // Top margin, the label with its spacing, the title's spacing, and room below the last line.
  const text = theme.pageMargins[1] + 90 + theme.bodySize * LINE_EM + 18 + title + 16 + subtitle + 48;
  return Math.max(COVER_BAND, Math.ceil(text));
}

/** Lines a text wraps to at `size` pt within `width` pt; errs on the side of more lines. */
function estimateLines(text: string, size: number, width: number): number {
  const perLine = Math.max(1, Math.floor(width / (size * ADVANCE_EM)));
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (used > 0 && used + 1 + word.length > perLine) {
      lines++;
      used = word.length;
    } else {
      used += (used > 0 ? 1 : 0) + word.length;
    }
  }
  return lines;
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
  for (const entry of doc.toc) {
    const item = toc.add(new StructNode('TOCI'));
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
      out.push(...blocks([node], parent, ctx));
    }
    first = false;
  }
  keepHeadingsWithNext(out);
  return out;
}

function header(doc: ReportDocument, theme: Theme): PdfNode {
  const [left, top, right] = theme.pageMargins;
  const width = A4.width - left - right;
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
