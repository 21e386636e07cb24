/**
 * The font family (Noto Sans, as in the PDF) and which of its faces to embed. Noto is under the
 * SIL Open Font License, which allows embedding; only the faces the document uses are embedded
 * because each face adds about 260 kB to the file.
 */
import type { Block, Inline, ReportDocument } from '../../model/types.js';
import { faceStandIn } from './embedded-faces.js';
import { assertNever } from '../../model/assert-never.js';

export const FONT_SANS = 'Noto Sans';
export const FONT_MONO = 'Noto Sans Mono';

/** One font family to embed, in the shape the docx library's `fonts` option takes. */
export interface EmbeddedFont {
  name: string;
  data: Buffer;
  bold?: Buffer;
  italic?: Buffer;
  boldItalic?: Buffer;
}

/** Which faces the text needs: bold comes from headings anyway, the rest from the content. */
interface FaceUse {
  italic: boolean;
  boldItalic: boolean;
  mono: boolean;
}

/** The fonts to embed for this document, as stand-ins for the bundled files (see embedded-faces.ts). */
export function fontsToEmbed(doc: ReportDocument): EmbeddedFont[] {
  const use = facesUsed(doc);
  const file = faceStandIn;
  const sans: EmbeddedFont = { name: FONT_SANS, data: file('NotoSans-Regular.ttf'), bold: file('NotoSans-Bold.ttf') };
  if (use.italic) sans.italic = file('NotoSans-Italic.ttf');
  if (use.boldItalic) sans.boldItalic = file('NotoSans-BoldItalic.ttf');
  const fonts = [sans];
  if (use.mono) fonts.push({ name: FONT_MONO, data: file('NotoSansMono-Regular.ttf') });
  return fonts;
}

function facesUsed(doc: ReportDocument): FaceUse {
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
