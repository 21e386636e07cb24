/** Block model nodes → docx paragraphs and tables, with styles for every look. */
import { BorderStyle, Bookmark, CheckBox, Paragraph, Tab, TextRun, type Table, type ParagraphChild } from 'docx';
import type { Admonition, Block, Code, Heading, Labels, List } from '../../model/types.js';
import { admonitionHeading } from '../../model/admonition.js';
import { assertNever } from '../../model/assert-never.js';
import { renderFigure } from './figures.js';
import { renderInlines, type InlineContext } from './inlines.js';
import { listTextIndent, type ListNumbering } from './numbering.js';
import { renderTable } from './tables.js';
import { wordColor } from '../shared/tokens.js';

/** What block rendering needs: the inline context, list numbering, and where the blocks stand. */
export interface BlockContext extends InlineContext {
  lists: ListNumbering;
  /** Caption labels ("Figur", "Tabell") and box labels ("Merk", "Tips") in the document's language. */
  labels: Pick<Labels, 'figure' | 'table' | 'admonitions' | 'imageMissing'>;
  /** Style for plain paragraphs here: Normal in the body, Quote in quotes, Footnote Text in notes. */
  paragraphStyle: string;
  /** Nesting level of the list item the blocks stand in, or -1 outside lists. */
  listLevel: number;
  /** Space above a paragraph that follows a list, back to the rhythm of body paragraphs. */
  afterList: number;
  /** Heading levels whose styles carry the heading numbering (the front matter's `numbering`). */
  numberedLevels: number;
}

type Rendered = Paragraph | Table;

/** Renders blocks in order; `plainText` blocks belong to the plain-language version and are left out. */
export function renderBlocks(blocks: readonly Block[], ctx: BlockContext): Rendered[] {
  const out: Rendered[] = [];
  let previous: Block['type'] | undefined;
  for (const block of blocks) {
    // A thematic break is drawn on the paragraph after it; before anything else it gets its own.
    if (previous === 'thematicBreak' && block.type !== 'paragraph' && block.type !== 'plainText') out.push(ruleParagraph());
    switch (block.type) {
      case 'heading':
        out.push(heading(block, ctx));
        break;
      case 'paragraph':
        out.push(paragraph(ctx.anchors.wrap(block, renderInlines(block.children, ctx)), ctx, previous));
        break;
      case 'list':
        out.push(...list(block, ctx));
        break;
      case 'table':
        out.push(...renderTable(block, ctx.labels.table, ctx));
        break;
      case 'figure':
        out.push(...renderFigure(block, ctx.labels, ctx));
        break;
      case 'blockquote':
        out.push(...renderBlocks(block.children, { ...ctx, paragraphStyle: 'Quote' }));
        break;
      case 'code':
        out.push(code(block, ctx));
        break;
      case 'admonition':
        out.push(...admonition(block, ctx));
        break;
      case 'thematicBreak':
      case 'plainText':
        break;
      default:
        assertNever(block);
    }
    if (block.type !== 'plainText') previous = block.type;
  }
  if (previous === 'thematicBreak') out.push(ruleParagraph());
  return out;
}

/** A box as Word users make one: its label line and content in the Admonition style (a shaded, bordered paragraph style). */
function admonition(node: Admonition, ctx: BlockContext): Rendered[] {
  const inner: BlockContext = { ...ctx, paragraphStyle: 'Admonition' };
  return [new Paragraph({ style: 'Admonition', keepNext: true, children: renderInlines(admonitionHeading(node, ctx.labels), ctx) }),
    ...renderBlocks(node.children, inner)];
}

const RULE = { style: BorderStyle.SINGLE, size: 6, color: wordColor('rule'), space: 12 } as const;

/** An empty paragraph carrying a thematic break that no paragraph follows. */
function ruleParagraph(): Paragraph {
  return new Paragraph({ border: { top: RULE } });
}

/**
 * A heading in its Heading style, which numbers it (see numbering.ts); the number is never typed.
 * A heading the model leaves unnumbered (`{-}`) is taken out of the numbering where its style has it.
 */
function heading(node: Heading, ctx: BlockContext): Paragraph {
  const children = ctx.anchors.wrap(node, renderInlines(node.children, ctx));
  const name = ctx.bookmarks.get(node.id);
  return new Paragraph({
    style: `Heading${node.level}`,
    ...(node.number === undefined && node.level <= ctx.numberedLevels ? { numbering: false } : {}),
    children: name ? [new Bookmark({ id: name, children })] : children,
  });
}

function paragraph(children: ParagraphChild[], ctx: BlockContext, previous: Block['type'] | undefined): Paragraph {
  return new Paragraph({
    style: ctx.paragraphStyle,
    children,
    ...(ctx.listLevel >= 0 ? { indent: { left: listTextIndent(ctx.listLevel) } } : {}),
    ...(previous === 'list' ? { spacing: { before: ctx.afterList } } : {}),
    // A thematic break is drawn as a rule above the paragraph after it, so it never needs an empty paragraph.
    ...(previous === 'thematicBreak' ? { border: { top: RULE } } : {}),
  });
}

function list(node: List, ctx: BlockContext): Rendered[] {
  const level = ctx.listLevel + 1;
  const ref = ctx.lists.open(node.ordered, node.start, level);
  const style = ctx.paragraphStyle === 'Normal' ? 'ListParagraph' : ctx.paragraphStyle;
  const inner: BlockContext = { ...ctx, listLevel: level, paragraphStyle: style };
  const out: Rendered[] = [];
  for (const item of node.items) {
    const [first, ...rest] = item.children;
    const box = item.checked === undefined ? [] : [new CheckBox({ checked: item.checked }), new TextRun(' ')];
    if (first?.type === 'paragraph') {
      out.push(
        new Paragraph({
          style,
          numbering: { reference: ref.reference, instance: ref.instance, level: ref.level },
          children: [...box, ...ctx.anchors.wrap(item, renderInlines(first.children, ctx))],
        }),
      );
      out.push(...renderBlocks(rest, inner));
    } else {
      out.push(...renderBlocks(item.children, inner));
    }
  }
  return out;
}

/** One Code paragraph; lines are separated by breaks and tabs become real tabs (a tab in text is not one). */
function code(node: Code, ctx: BlockContext): Paragraph {
  const lines = node.value.split('\n');
  return new Paragraph({
    style: 'Code',
    children: ctx.anchors.wrap(node, lines.map(
      (line, i) =>
        new TextRun({
          children: line.split('\t').flatMap((part, j) => (j > 0 ? [new Tab(), part] : [part])),
          ...(i > 0 ? { break: 1 } : {}),
        }),
    )),
  });
}
