/**
 * Small images inside a line of text. pdfmake 0.3 lays out only text inside a paragraph (an
 * `image` is a block of its own), so the picture travels as a run of two no-break spaces as wide
 * as the picture, in a font size whose ascender is as tall as it, and the render hook draws the
 * picture in that place instead of the spaces (pdfmake-hooks.ts). Line breaking, justification
 * and page breaks then treat it as one unbreakable word.
 */
import type { InlineImage } from '../../model/types.js';
import type { Tag } from './structure.js';
import type { PdfInline } from './inlines.js';
import type { Theme } from './theme.js';
import { ASCENT_EM, LINE_EM, textEm } from './text-measure.js';

/** CSS pixels to points: the picture has the same size on paper as in the web page and in Word. */
const PT_PER_PX = 0.75;

/** The spaces that hold the picture's place: two, so character spacing can set their width. */
const PLACE = '\u00a0\u00a0';

/** Where and how large the hook draws a picture, in points. */
export interface LineImage {
  path: string;
  width: number;
  height: number;
}

/** The run that holds a picture's place in the line. */
export function imageRun(node: InlineImage & { path: string }, tag: Tag, size: number, theme: Pick<Theme, 'lineHeight'>): PdfInline {
  const width = node.width * PT_PER_PX;
  const height = node.height * PT_PER_PX;
  // Tall enough that the picture, standing on the baseline, stays clear of the line above.
  const fontSize = Math.max(size, height / ASCENT_EM);
  // Below the baseline the line keeps the text's own depth, not the big size's.
  const depth = size * (LINE_EM * theme.lineHeight - ASCENT_EM);
  return {
    text: PLACE,
    _rv: tag,
    _rvImage: { path: node.path, width, height },
    // Regular, whatever the paragraph's style (a heading is bold): the spaces are measured so.
    bold: false,
    italics: false,
    fontSize,
    lineHeight: (ASCENT_EM * fontSize + depth) / (LINE_EM * fontSize),
    characterSpacing: width - textEm(PLACE) * fontSize,
    preserveLeadingSpaces: true,
    preserveTrailingSpaces: true,
  };
}
