/**
 * Model blocks → pdfmake content nodes, each drawn piece tagged with its structure element.
 */
import type { Block, Figure, Heading, List, Table } from '../../model/types.js';
import { inlineText } from '../../model/text.js';
import { assertNever } from '../../model/assert-never.js';
import { LAYOUT_ARTIFACT, StructNode, type StructType, type Tag } from './structure.js';
import { toRuns, type InlineContext, type PdfInline } from './inlines.js';
import { MONO } from './fonts.js';
import { keepHeadingsWithNext, keepStarts } from './keep.js';
import type { PdfNode } from './marks.js';
import { captionPrefix } from '../shared/captions.js';
import { headingLabel, headingLine } from '../shared/labels.js';


/** What block conversion needs from its surroundings. */
export interface BlockContext extends InlineContext {
  /** Text size for this part of the document (body or footnotes). */
  size: number;
  /** Width available to the text, for rules and images. */
  width: number;
  /** Ids of the latest heading at each level, to nest bookmarks. */
  outline: string[];
}

const HEADING_TYPES: Record<Heading['level'], StructType> = { 1: 'H1', 2: 'H2', 3: 'H3', 4: 'H4', 5: 'H5', 6: 'H6' };

/** A text node whose runs belong to `leaf`. */
export function textNode(runs: PdfInline[], extra: PdfNode = {}): PdfNode {
  return { text: runs, ...extra };
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
      return {
        table: { widths: ['*'], body: [[{ stack: blocks(node.children, quote, ctx) }]] },
        layout: {
          hLineWidth: () => 0,
          vLineWidth: (i: number) => (i === 0 ? 3 : 0),
          vLineColor: () => theme.colors.heading,
          paddingLeft: () => 14,
          paddingRight: () => 0,
          paddingTop: () => 2,
          paddingBottom: () => 2 - paragraphGap(ctx),
        },
        margin: [0, 2, 0, paragraphGap(ctx) + 2],
      };
    }
    case 'code': {
      const code = parent.add(new StructNode('Code'));
      return {
        table: {
          widths: ['*'],
          body: [
            [
              textNode([{ text: node.value, _rv: code }], {
                font: MONO,
                fontSize: theme.codeSize,
                lineHeight: 1.05,
                preserveLeadingSpaces: true,
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
    case 'plainText':
      // Author-written plain language belongs to the easy-to-read version only.
      return undefined;
    default:
      return assertNever(node);
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

function list(node: List, parent: StructNode, ctx: BlockContext, depth: number): PdfNode {
  const l = parent.add(new StructNode('L'));
  const gap = node.tight ? Math.round(paragraphGap(ctx) / 3) : paragraphGap(ctx);
  const items = node.items.map((item, index) => {
    const li = l.add(new StructNode('LI'));
    const lbl = li.add(new StructNode('Lbl'));
    const body = li.add(new StructNode('LBody'));
    const marker = node.ordered ? `${node.start + index}.` : depth % 2 === 0 ? '•' : '–';
    const content = item.children.map((child) =>
      child.type === 'list' ? list(child, body, ctx, depth + 1) : block(child, body, ctx),
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
        { width: ctx.theme.listIndent + (node.ordered ? 6 : 0), text: [{ text: marker, _rv: lbl }] },
        { width: '*', stack },
      ],
      columnGap: 0,
      margin: [0, 0, 0, index === node.items.length - 1 ? 0 : gap],
      _rvItem: true,
    };
  });
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
  const columns = node.rows[0]?.cells.length ?? 1;
  const widths = columnWidths(node, columns);
  const head = node.headerRows > 0 ? t.add(new StructNode('THead')) : undefined;
  const bodyGroup = node.rows.length > node.headerRows ? t.add(new StructNode('TBody')) : undefined;
  const body = node.rows.map((row, r) => {
    const isHead = r < node.headerRows;
    const tr = (isHead ? head : bodyGroup)?.add(new StructNode('TR')) as StructNode;
    return row.cells.map((cell, c) => {
      const header = isHead || cell.header;
      const scope = isHead ? 'Column' : 'Row';
      const cellNode = tr.add(new StructNode(header ? 'TH' : 'TD', header ? { scope } : {}));
      const runs = toRuns(cell.children, cellNode, ctx);
      if (runs.length === 0) runs.push({ text: '\u200b', _rv: cellNode });
      // Short entries in content-sized columns (times, numbers) stay on one line.
      const short = widths[c] === 'auto' && inlineText(cell.children).length <= 24;
      return textNode(runs, {
        noWrap: short,
        bold: isHead,
        alignment: node.align[c] ?? 'left',
        fillColor: isHead ? theme.colors.tableHeaderFill : undefined,
        color: theme.colors.text,
      });
    });
  });
  parts.push({
    table: {
      headerRows: node.headerRows,
      keepWithHeaderRows: node.headerRows > 0 ? 1 : 0,
      dontBreakRows: true,
      widths,
      body,
    },
    layout: {
      hLineWidth: (i: number, n: { table: { body: unknown[] } }) =>
        i === 0 || i === n.table.body.length ? 1 : i === node.headerRows ? 1 : 0.5,
      vLineWidth: () => 0,
      hLineColor: (i: number) => (i === node.headerRows && i > 0 ? theme.colors.heading : theme.colors.rule),
      paddingLeft: () => 6,
      paddingRight: () => 6,
      paddingTop: () => 4,
      paddingBottom: () => 4,
    },
  });
  // A caption never ends a page: it goes with the header and first row.
  return { stack: parts, margin: [0, 4, 0, paragraphGap(ctx) + 6], ...(node.caption ? { _rvKeep: keepStarts(parts) } : {}) };
}

function figure(node: Figure, parent: StructNode, ctx: BlockContext): PdfNode | undefined {
  if (!node.path) return undefined;
  // Natural size (1 px = 1 pt), scaled down only, to the text width and 60 % of the page height.
  const size = { maxWidth: ctx.width, maxHeight: ctx.width * 1.1 };
  if (node.decorative) return { image: node.path, ...size, _rv: LAYOUT_ARTIFACT, margin: [0, 4, 0, paragraphGap(ctx)] };
  const div = parent.add(new StructNode('Div'));
  const fig = div.add(new StructNode('Figure', { alt: node.alt }));
  fig.dest = node.id;
  const parts: PdfNode[] = [{ image: node.path, ...size, _rv: fig }];
  if (node.caption) {
    const caption = div.add(new StructNode('Caption'));
    const runs = toRuns(node.caption, caption, ctx);
    runs.unshift({ text: captionPrefix(ctx.labels, node), _rv: caption, bold: true });
    parts.push(textNode(runs, { margin: [0, 6, 0, 0], color: ctx.theme.colors.text }));
  }
  return { stack: parts, unbreakable: true, margin: [0, 4, 0, paragraphGap(ctx) + 4] };
}

/** Text columns share the spare width; number-like (right or centre aligned) columns fit their content. */
function columnWidths(node: Table, columns: number): string[] {
  const align = Array.from({ length: columns }, (_, i) => node.align[i] ?? 'left');
  const flexible = align.lastIndexOf('left');
  return align.map((_, i) => (i === (flexible >= 0 ? flexible : 0) ? '*' : 'auto'));
}
