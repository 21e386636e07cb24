/** Footnotes → real Word footnotes (footnotes.xml), keyed by their number as the references are. */
import { Paragraph, Tab, TextRun } from 'docx';
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
    const lead =
      first?.type === 'paragraph'
        ? [new Paragraph({ style: 'FootnoteText', children: [new TextRun({ children: [new Tab()] }), ...ctx.anchors.wrap(first, renderInlines(first.children, inner))] })]
        : renderBlocks(first ? [first] : [], inner).filter((b): b is Paragraph => b instanceof Paragraph);
    // Word footnotes hold paragraphs only; a table in a note (rare in reports) cannot be carried over.
    const others = renderBlocks(rest, inner).filter((b): b is Paragraph => b instanceof Paragraph);
    out[String(note.number)] = { children: [...lead, ...others] };
  }
  return out;
}
