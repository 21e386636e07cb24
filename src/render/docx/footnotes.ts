/** Footnotes → real Word footnotes (footnotes.xml), keyed by their number as the references are. */
import { Paragraph, Tab, TextRun, type Table } from 'docx';
import type { Footnote } from '../../model/types.js';
import { renderBlocks, type BlockContext } from './blocks.js';
import { renderInlines } from './inlines.js';

/** The docx `footnotes` option for the document's notes. */
export function renderFootnotes(notes: readonly Footnote[], ctx: BlockContext): Record<string, { children: Paragraph[] }> {
  const out: Record<string, { children: Paragraph[] }> = {};
  for (const note of notes) {
    const [first, ...rest] = note.children;
    const inner: BlockContext = { ...ctx, paragraphStyle: 'FootnoteText', listLevel: -1 };
    // Word puts the note's number at the start of its first paragraph; a tab lines the text up after it.
    const lead: (Paragraph | Table)[] =
      first?.type === 'paragraph'
        ? [new Paragraph({ style: 'FootnoteText', children: [new TextRun({ children: [new Tab()] }), ...ctx.anchors.wrap(first, renderInlines(first.children, inner))] })]
        : renderBlocks(first ? [first] : [], inner);
    // A note that starts with a table gets a paragraph of its own for its number.
    if (!(lead[0] instanceof Paragraph)) lead.unshift(new Paragraph({ style: 'FootnoteText', children: [] }));
    out[String(note.number)] = { children: noteChildren([...lead, ...renderBlocks(rest, inner)]) };
  }
  return out;
}

/**
 * A Word note holds tables as well as paragraphs (w:footnote takes any block-level content in
 * ECMA-376), and docx writes a note's children as they are given; only its type names paragraphs.
 */
function noteChildren(blocks: (Paragraph | Table)[]): Paragraph[] {
  return blocks as Paragraph[];
}
