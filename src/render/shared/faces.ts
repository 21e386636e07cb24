/** Which faces of the house fonts a document's text needs, so the DOCX and the web page embed only those. */
import type { Block, Inline, ReportDocument } from '../../model/types.js';
import { assertNever } from '../../model/assert-never.js';

/** Which faces the text needs: regular and bold are always used (body and headings), the rest from the content. */
export interface FaceUse {
  italic: boolean;
  boldItalic: boolean;
  mono: boolean;
}

/** The faces the cover, colophon, body and footnotes use. */
export function facesUsed(doc: ReportDocument): FaceUse {
  const use: FaceUse = { italic: false, boldItalic: false, mono: false };
  const inlines = (nodes: readonly Inline[], bold: boolean, italic: boolean): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'inlineCode':
          use.mono = true;
          break;
        case 'emphasis':
          use.italic = true;
          if (bold) use.boldItalic = true;
          inlines(node.children, bold, true);
          break;
        case 'strong':
          if (italic) use.boldItalic = true;
          inlines(node.children, true, italic);
          break;
        case 'text':
        case 'break':
        case 'footnoteRef':
        case 'crossRef':
        case 'inlineImage':
          break;
        case 'delete':
        case 'superscript':
        case 'subscript':
        case 'link':
        case 'lang':
          inlines(node.children, bold, italic);
          break;
        default:
          assertNever(node);
      }
    }
  };
  const blocks = (nodes: readonly Block[]): void => {
    for (const node of nodes) {
      switch (node.type) {
        case 'heading':
          inlines(node.children, true, false);
          break;
        case 'paragraph':
          inlines(node.children, false, false);
          break;
        case 'list':
          for (const item of node.items) blocks(item.children);
          break;
        case 'table':
          inlines(node.caption ?? [], true, false);
          node.rows.forEach((row, i) => row.cells.forEach((c) => inlines(c.children, c.header || i < node.headerRows, false)));
          break;
        case 'figure':
          inlines(node.caption ?? [], true, false);
          break;
        case 'blockquote':
          blocks(node.children);
          break;
        case 'admonition':
          inlines(node.title ?? [], true, false);
          blocks(node.children);
          break;
        case 'code':
          use.mono = true;
          break;
        case 'thematicBreak':
        case 'plainText':
          break;
        default:
          assertNever(node);
      }
    }
  };
  blocks(doc.frame.colophon);
  doc.frame.cover.lines.forEach((line) => inlines(line, false, false));
  blocks(doc.body);
  for (const note of doc.footnotes) blocks(note.children);
  return use;
}
