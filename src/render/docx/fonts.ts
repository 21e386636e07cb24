/**
 * The font family (Noto Sans, as in the PDF) and which of its faces to embed. Noto is under the
 * SIL Open Font License, which allows embedding. All four faces of Noto Sans are embedded, so the
 * bold and italic an editor adds (and Heading 6's italic) show in Noto Sans on any machine; Noto
 * Sans Mono only when the document has code.
 */
import type { ReportDocument } from '../../model/types.js';
import { faceStandIn } from './embedded-faces.js';
import { facesUsed } from '../shared/faces.js';

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

/** The fonts to embed for this document, as stand-ins for the bundled files (see embedded-faces.ts). */
export function fontsToEmbed(doc: ReportDocument): EmbeddedFont[] {
  const file = faceStandIn;
  const fonts: EmbeddedFont[] = [
    {
      name: FONT_SANS,
      data: file('NotoSans-Regular.ttf'),
      bold: file('NotoSans-Bold.ttf'),
      italic: file('NotoSans-Italic.ttf'),
      boldItalic: file('NotoSans-BoldItalic.ttf'),
    },
  ];
  if (facesUsed(doc).mono) fonts.push({ name: FONT_MONO, data: file('NotoSansMono-Regular.ttf') });
  return fonts;
}
