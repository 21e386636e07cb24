/**
 * Captions as Word makes them: "Figur " and a SEQ field holding the number the model gave, so
 * Word's table of figures and its cross-references find them. A labelled figure or table wraps
 * the number in a bookmark that cross-references point at with REF fields.
 */
import { Bookmark, Paragraph, SimpleField, TextRun } from 'docx';
import type { Figure, Table } from '../../model/types.js';
import { renderInlines, type InlineContext } from './inlines.js';
import { LABEL_SEPARATOR } from '../shared/labels.js';

/** The caption paragraph of a figure or table; undefined when it has none. */
export function captionParagraph(node: Figure | Table, label: string, ctx: InlineContext): Paragraph | undefined {
  if (!node.caption) return undefined;
  const number = new SimpleField(`SEQ ${label} \\* ARABIC`, String(node.number ?? ''));
  const bookmark = node.id ? ctx.bookmarks.get(node.id) : undefined;
  return new Paragraph({
    style: 'Caption',
    children: [
      new TextRun({ text: `${label} `, bold: true }),
      bookmark ? new Bookmark({ id: bookmark, children: [number] }) : number,
      new TextRun({ text: LABEL_SEPARATOR, bold: true }),
      ...ctx.anchors.wrap(node, renderInlines(node.caption, ctx), true),
    ],
  });
}
