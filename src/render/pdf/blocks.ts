/**
 * Model blocks → pdfmake content nodes, each drawn piece tagged with its structure element.
 */
import type { Admonition, Block, Figure, HeaderScope, Heading, Inline, List, ListItem, Table } from '../../model/types.js';
import { headerScope, tableGrid, type PlacedCell } from '../../model/table-grid.js';
import { admonitionHeading } from '../../model/admonition.js';
import { inlineText, inlineTextWith } from '../../model/text.js';
import { assertNever } from '../../model/assert-never.js';
import { LAYOUT_ARTIFACT, StructNode, type StructAttrs, type StructType, type Tag } from './structure.js';
import { toRuns, type InlineContext, type PdfInline } from './inlines.js';
import { MONO } from './fonts.js';
import { keepHeadingsWithNext, keepLabelWithNext, keepStarts, keepWithNext } from './keep.js';
import { missingImage } from './placeholder.js';
import { fitTable } from './table-fit.js';
import { LINE_EM } from './text-measure.js';
import type { PdfNode } from './marks.js';
import { captionPrefix } from '../shared/captions.js';
import { headingLabel, headingLine } from '../shared/labels.js';


/** What block conversion needs from its surroundings. */
export interface BlockContext extends InlineContext {
  /** Width available to the text, for rules and images. */
  width: number;
  /** Ids of the latest heading at each level, to nest bookmarks. */
  outline: string[];
  /** Height of a page's body, for content that may outgrow a page. */
  pageHeight: number;
  /** Width of a landscape page's body, when a table here may turn the page to fit. */
  landscapeWidth?: number;
}

const HEADING_TYPES: Record<Heading['level'], StructType> = { 1: 'H1', 2: 'H2', 3: 'H3', 4: 'H4', 5: 'H5', 6: 'H6' };

/** A text node whose runs belong to `leaf`. */
export function textNode(runs: PdfInline[], extra: PdfNode = {}): PdfNode {
  return { text: runs, ...extra };
}

/**
 * The context for blocks set `by` points narrower than the text (in a list item, quote, box or
 * note), so that what is sized to the width (tables, code, rules, images) fits there.
 */
export function inset(ctx: BlockContext, by: number): BlockContext {
  return { ...ctx, width: ctx.width - by };
}

/** Converts a block list into content nodes under `parent`. */
export function blocks(nodes: readonly Block[], parent: StructNode, ctx: BlockContext): PdfNode[] {
  const out: PdfNode[] = [];
  for (const node of nodes) {
    const converted = block(node, parent, ctx);
    if (converted) out.push(converted);
  }
  keepHeadingsWithNext(out);
  return out;
}

function block(node: Block, parent: StructNode, ctx: BlockContext): PdfNode | undefined {
  const { theme } = ctx;
  switch (node.type) {
    case 'heading':
      return heading(node, parent, ctx);
    case 'paragraph': {
      const p = parent.add(new StructNode('P'));
      const runs = toRuns(node.children, p, ctx);
      const breaks = runs.filter((r) => r.text === '\n').length;
      return textNode(runs, { margin: [0, 0, 0, paragraphGap(ctx)], _rvLines: 'all', ...(breaks > 0 ? { _rvBreaks: breaks } : {}) });
    }
    case 'list':
      return list(node, parent, ctx, 0);
    case 'table':
      return table(node, parent, ctx);
    case 'figure':
      return figure(node, parent, ctx);
    case 'blockquote': {
      const quote = parent.add(new StructNode('BlockQuote'));
      return ruledBox(ctx, { left: 14, right: 0, vertical: 2 }, (inner) => blocks(node.children, quote, inner));
    }
    case 'code': {
      const code = parent.add(new StructNode('Code'));
      return {
        table: {
          // A fixed width: a line longer than it wraps (with a mark) instead of widening the block.
          widths: [ctx.width - 20],
          body: [
            [
              textNode([{ text: node.value, _rv: code }], {
                font: MONO,
                fontSize: theme.codeSize,
                lineHeight: 1.05,
                preserveLeadingSpaces: true,
                _rvCode: theme.colors.muted,
              }),
            ],
          ],
        },
        layout: {
          hLineWidth: () => 0,
          vLineWidth: () => 0,
          fillColor: () => theme.colors.codeFill,
          paddingLeft: () => 10,
          paddingRight: () => 10,
          paddingTop: () => 8,
          paddingBottom: () => 8,
        },
        margin: [0, 2, 0, paragraphGap(ctx) + 2],
      };
    }
    case 'thematicBreak':
      return rule(ctx.width, theme.colors.rule, [0, 6, 0, paragraphGap(ctx) + 6], LAYOUT_ARTIFACT);
    case 'admonition':
      return admonition(node, parent, ctx);
    case 'plainText':
      // Author-written plain language belongs to the easy-to-read version only.
      return undefined;
    default:
      return assertNever(node);
  }
}

/** Characters of an item short enough (a few lines) to move to the next page with the item after it. */
const SHORT_ITEM = 400;

function isShortItem(item: ListItem): boolean {
  const [only] = item.children;
  return item.children.length === 1 && only?.type === 'paragraph' && inlineText(only.children).length <= SHORT_ITEM;
}

/**
 * A labelled box: a Div holding the label line (a P) and the content, drawn with a rule on the
 * left on a light ground. The label says what kind of box it is in words, not by colour.
 */
function admonition(node: Admonition, parent: StructNode, ctx: BlockContext): PdfNode {
  const box = parent.add(new StructNode('Div'));
  const label = box.add(new StructNode('P'));
  const head = textNode(toRuns(admonitionHeading(node, ctx.labels), label, ctx), { margin: [0, 0, 0, 3], _rvLines: 'all' });
  const fill = ctx.theme.colors.codeFill;
  return ruledBox(ctx, { left: 12, right: 10, vertical: 6, fill }, (inner) => [head, ...blocks(node.children, box, inner)], true);
}

/** The space inside a quote or box around its blocks, and its ground. */
interface BoxPadding {
  left: number;
  right: number;
  vertical: number;
  fill?: string;
}

/** Width of the rule on the left of a quote or box. */
const BOX_RULE = 3;

/**
 * Blocks set apart by a rule on their left (quotes, boxes), on a light ground when `fill` is
 * given; `content` is made for the width inside the box. A box whose first block is its `label`
 * never ends a page with it: the label goes with the first lines of what it labels.
 */
function ruledBox(ctx: BlockContext, pad: BoxPadding, content: (inner: BlockContext) => PdfNode[], label = false): PdfNode {
  const inner = content(inset(ctx, BOX_RULE + pad.left + pad.right));
  const box = boxAround(ctx, pad, inner);
  const [first, next] = inner;
  if (label && first && next) box._rvKeep = keepLabelWithNext(first, next, (blocks) => boxAround(ctx, pad, blocks));
  return box;
}

function boxAround(ctx: BlockContext, pad: BoxPadding, blocks: PdfNode[]): PdfNode {
  const gap = paragraphGap(ctx);
  // The last block's gap below it is taken back inside the box by a negative margin, not by a
  // negative padding: pdfmake keeps a cell's bottom padding free at a page's foot, so a negative
  // one let the text of a box broken across pages run that far into the footnote area.
  const stack = [{ stack: blocks, margin: [0, 0, 0, -gap] }];
  return {
    table: { widths: ['*'], body: [[{ stack }]] },
    layout: {
      hLineWidth: () => 0,
      vLineWidth: (i: number) => (i === 0 ? BOX_RULE : 0),
      vLineColor: () => ctx.theme.colors.quoteRule,
      ...(pad.fill ? { fillColor: () => pad.fill } : {}),
      paddingLeft: () => pad.left,
      paddingRight: () => pad.right,
      paddingTop: () => pad.vertical,
      paddingBottom: () => pad.vertical,
    },
    margin: [0, 2, 0, gap + 2],
  };
}

/**
 * A table set on a landscape page turns its page, and the page after it turns back. A heading
 * just before it goes along, so it stays with its table.
 */
export function turnPagesForTables(out: PdfNode[]): void {
  for (let i = 0; i < out.length; i++) {
    if (!out[i]?.['_rvLandscape']) continue;
    const previous = out[i - 1];
    const first = previous?.['headlineLevel'] !== undefined ? (previous as PdfNode) : (out[i] as PdfNode);
    first['pageBreak'] = 'before';
    first['pageOrientation'] = 'landscape';
    const next = out[i + 1];
    if (next) {
      next['pageBreak'] = 'before';
      next['pageOrientation'] = 'portrait';
    }
  }
}

/** A horizontal rule drawn as an artifact. */
export function rule(width: number, color: string, margin: number[], tag: Tag): PdfNode {
  return {
    canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.75, lineColor: color, _rv: tag }],
    margin,
  };
}

function paragraphGap(ctx: BlockContext): number {
  return Math.round(ctx.theme.paragraphGap * (ctx.size / ctx.theme.bodySize));
}

function heading(node: Heading, parent: StructNode, ctx: BlockContext): PdfNode {
  const { theme } = ctx;
  const h = parent.add(new StructNode(HEADING_TYPES[node.level]));
  const runs = toRuns(node.children, h, ctx);
  const label = headingLabel(node.number);
  if (label) runs.unshift({ text: label, _rv: h });
  const size = theme.headingSizes[node.level - 1] ?? theme.bodySize;
  ctx.outline.length = node.level - 1;
  const outlineParentId = [...ctx.outline].reverse().find((id) => id !== undefined);
  ctx.outline[node.level - 1] = node.id;
  const above = node.level === 1 ? 0 : Math.round(size * 1.1);
  return {
    text: runs,
    id: node.id,
    headlineLevel: node.level,
    outline: true,
    outlineParentId,
    outlineExpanded: node.level === 1,
    outlineText: headingLine(node.number, inlineText(node.children)),
    fontSize: size,
    bold: node.level <= 5,
    italics: node.level === 6,
    color: theme.colors.heading,
    lineHeight: 1.05,
    margin: [0, above, 0, Math.round(size * (node.level === 1 ? 0.9 : 0.45))],
  };
}

/** List markers by nesting depth (alternating) and what they are called in the tag tree. */
const BULLETS = [
  { marker: '•', numbering: 'Disc' },
  // A dash has no name among the ListNumbering values; 'None' says the labels are not a sequence.
  { marker: '–', numbering: 'None' },
] as const;

function list(node: List, parent: StructNode, ctx: BlockContext, depth: number): PdfNode {
  const bullet = BULLETS[depth % 2] as (typeof BULLETS)[number];
  const l = parent.add(new StructNode('L', { listNumbering: node.ordered ? 'Decimal' : bullet.numbering }));
  const gap = node.tight ? Math.round(paragraphGap(ctx) / 3) : paragraphGap(ctx);
  const markerWidth = ctx.theme.listIndent + (node.ordered ? 6 : 0);
  const items = node.items.map((item, index) => {
    const li = l.add(new StructNode('LI'));
    const lbl = li.add(new StructNode('Lbl'));
    const body = li.add(new StructNode('LBody'));
    const marker = node.ordered ? `${node.start + index}.` : bullet.marker;
    const inner = inset(ctx, markerWidth);
    const content = item.children.map((child) =>
      child.type === 'list' ? list(child, body, inner, depth + 1) : block(child, body, inner),
    );
    const stack = content.filter((c): c is PdfNode => c !== undefined);
    // The item keeps its body's first lines with its marker; the paragraph keeps only its end.
    if (stack[0]?._rvLines) stack[0]._rvLines = 'end';
    // Paragraphs in a list item keep their own gap; the item's gap replaces the last one.
    const lastBlock = stack[stack.length - 1];
    if (lastBlock && Array.isArray(lastBlock['margin'])) {
      lastBlock['margin'] = [...(lastBlock['margin'] as number[]).slice(0, 3), 0];
    }
    return {
      columns: [
        { width: markerWidth, text: [{ text: marker, _rv: lbl }] },
        { width: '*', stack },
      ],
      columnGap: 0,
      margin: [0, 0, 0, index === node.items.length - 1 ? 0 : gap],
      _rvItem: true,
    };
  });
  // The last item never starts a page alone: a short item before it goes along. Only in a list
  // at the top level, where an item is laid out in the page flow, not inside another's column.
  const [before, last] = items.slice(-2);
  const penultimate = node.items[node.items.length - 2];
  if (depth === 0 && before && last && penultimate && isShortItem(penultimate)) keepWithNext(before, last);
  return { stack: items, margin: [depth === 0 ? 0 : 0, 0, 0, depth === 0 ? paragraphGap(ctx) : 0] };
}

function table(node: Table, parent: StructNode, ctx: BlockContext): PdfNode {
  const { theme } = ctx;
  const t = parent.add(new StructNode('Table'));
  const parts: PdfNode[] = [];
  if (node.caption) {
    const caption = t.add(new StructNode('Caption'));
    // Cross-references land on the caption, which is drawn first.
    caption.dest = node.id;
    const runs = toRuns(node.caption, caption, ctx);
    runs.unshift({ text: captionPrefix(ctx.labels, node), _rv: caption, bold: true });
    parts.push(textNode(runs, { margin: [0, 0, 0, 6], color: theme.colors.text }));
  }
  const grid = tableGrid(node);
  const columns = Math.max(1, grid.columns);
  const fit = fitTable(
    grid.rows.flat().map(({ cell, row, column, colSpan }) => ({
      column,
      colSpan,
      lines: inlineTextWith(cell.children, '\n').split('\n'),
      bold: row < node.headerRows,
    })),
    columns,
    {
      width: ctx.width,
      ...(ctx.landscapeWidth ? { landscapeWidth: ctx.landscapeWidth } : {}),
      size: ctx.size,
      minSize: Math.min(ctx.size, theme.tableMinSize),
      pageHeight: ctx.pageHeight,
      lineEm: LINE_EM * theme.lineHeight,
    },
  );
  const head = node.headerRows > 0 ? t.add(new StructNode('THead')) : undefined;
  const bodyGroup = node.rows.length > node.headerRows ? t.add(new StructNode('TBody')) : undefined;
  const body = node.rows.map((_, r) => {
    const isHead = r < node.headerRows;
    const tr = (isHead ? head : bodyGroup)?.add(new StructNode('TR')) as StructNode;
    return Array.from({ length: columns }, (_, c): PdfNode => {
      const placed = grid.slots[r]?.[c];
      if (!placed) return textNode([{ text: '\u200b', _rv: LAYOUT_ARTIFACT }]);
      // pdfmake wants a placeholder in every slot a spanning cell covers; it draws nothing there.
      if (placed.row !== r || placed.column !== c) return { text: '' };
      const { cell } = placed;
      const header = isHead || cell.header;
      const cellNode = tr.add(new StructNode(header ? 'TH' : 'TD', cellAttrs(node, placed, header)));
      const runs = cellRuns(cell.children, cellNode, ctx);
      if (runs.length === 0) runs.push({ text: '\u200b', _rv: cellNode });
      return textNode(runs, {
        bold: isHead,
        alignment: node.align[c] ?? 'left',
        fillColor: isHead ? theme.colors.tableHeaderFill : undefined,
        color: theme.colors.text,
        ...(placed.colSpan > 1 ? { colSpan: placed.colSpan } : {}),
        ...(placed.rowSpan > 1 ? { rowSpan: placed.rowSpan } : {}),
      });
    });
  });
  parts.push({
    table: {
      headerRows: node.headerRows,
      // The header goes with the first row, unless that row may outgrow the page.
      keepWithHeaderRows: node.headerRows > 0 && !fit.breakRows ? 1 : 0,
      // Rows stay whole unless one could outgrow a page; then rows split where the page ends. pdfmake
      // (0.3) leaves a gap under a cell spanning rows when rows are kept whole, so such tables split too.
      dontBreakRows: !fit.breakRows && !grid.rows.some((row) => row.some((p) => p.rowSpan > 1)),
      widths: fit.widths,
      body,
    },
    fontSize: fit.size,
    layout: {
      hLineWidth: (i: number, n: { table: { body: unknown[] } }) =>
        i === 0 || i === n.table.body.length ? 1 : i === node.headerRows ? 1 : 0.5,
      vLineWidth: () => 0,
      hLineColor: (i: number) => (i === node.headerRows && i > 0 ? theme.colors.heading : theme.colors.rule),
      paddingLeft: () => fit.padding,
      paddingRight: () => fit.padding,
      paddingTop: () => 4,
      paddingBottom: () => 4,
    },
  });
  // A caption never ends a page: it goes with the header and first row.
  return {
    stack: parts,
    margin: [0, 4, 0, paragraphGap(ctx) + 6],
    ...(node.caption ? { _rvKeep: keepStarts(parts) } : {}),
    ...(fit.landscape ? { _rvLandscape: true } : {}),
  };
}

/** PDF has no group scopes: a header over a column group heads columns, one over a row group rows. */
const PDF_SCOPES: Record<HeaderScope, 'Column' | 'Row'> = { col: 'Column', colgroup: 'Column', row: 'Row', rowgroup: 'Row' };

/** A cell's table attributes: its header scope and its spans. */
function cellAttrs(table: Table, { cell, row, colSpan, rowSpan }: PlacedCell, header: boolean): StructAttrs {
  return {
    ...(header ? { scope: PDF_SCOPES[headerScope(cell, row, table)] } : {}),
    ...(colSpan > 1 ? { colSpan } : {}),
    ...(rowSpan > 1 ? { rowSpan } : {}),
  };
}

function figure(node: Figure, parent: StructNode, ctx: BlockContext): PdfNode | undefined {
  // Natural size (1 px = 1 pt), scaled down only, to the text width and 60 % of the page height.
  const size = { maxWidth: ctx.width, maxHeight: ctx.width * 1.1 };
  if (node.decorative && node.path) return { image: node.path, ...size, _rv: LAYOUT_ARTIFACT, margin: [0, 4, 0, paragraphGap(ctx)] };
  const div = parent.add(new StructNode('Div'));
  // A figure without a usable file reaches the renderer only in a draft.
  const parts: PdfNode[] = [node.path ? image(node, node.path, div, size) : missingImage(node, div, ctx)];
  if (node.caption) {
    const caption = div.add(new StructNode('Caption'));
    const runs = toRuns(node.caption, caption, ctx);
    runs.unshift({ text: captionPrefix(ctx.labels, node), _rv: caption, bold: true });
    parts.push(textNode(runs, { margin: [0, 6, 0, 0], color: ctx.theme.colors.text }));
  }
  return { stack: parts, unbreakable: true, margin: [0, 4, 0, paragraphGap(ctx) + 4] };
}

/**
 * A cell's runs. Lines the source breaks with `<br>` are paragraphs of their own in the tag
 * tree, so they are not read as one run-on line; a cell without breaks holds its text itself.
 */
function cellRuns(children: readonly Inline[], cell: StructNode, ctx: BlockContext): PdfInline[] {
  const lines: Inline[][] = [[]];
  for (const child of children) {
    if (child.type === 'break') lines.push([]);
    else lines[lines.length - 1]?.push(child);
  }
  if (lines.length === 1) return toRuns(children, cell, ctx);
  const runs: PdfInline[] = [];
  let owner: StructNode = cell;
  lines.forEach((line, i) => {
    // An empty line (two breaks in a row) is only space on the page.
    if (line.some((n) => n.type !== 'text' || n.value.trim() !== '')) {
      owner = cell.add(new StructNode('P'));
      runs.push(...toRuns(line, owner, ctx));
    }
    if (i < lines.length - 1) runs.push({ text: '\n', _rv: owner });
  });
  return runs;
}

function image(node: Figure, path: string, div: StructNode, size: PdfNode): PdfNode {
  const fig = div.add(new StructNode('Figure', { alt: node.alt }));
  fig.dest = node.id;
  return { image: path, ...size, _rv: fig };
}

