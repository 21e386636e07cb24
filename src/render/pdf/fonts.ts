/** The bundled OFL fonts (Noto Sans, Noto Sans Mono and the fallbacks) as pdfmake font families, and their shared word layouts. */
import { FALLBACK_FONTS, fontFile } from '../../fonts/coverage.js';

/** pdfmake font family names used in document definitions. */
export const SANS = 'NotoSans';
/** Monospace family for code. */
export const MONO = 'NotoSansMono';

/** A pdfmake font family: file paths per style. */
export interface FontFamily {
  normal: string;
  bold: string;
  italics: string;
  bolditalics: string;
}

/** The font dictionary handed to pdfmake. */
export function fontFamilies(): Record<string, FontFamily> {
  const file = fontFile;
  // A fallback has one face; emphasis keeps the upright glyph rather than losing the character.
  const fallbacks = FALLBACK_FONTS.map((f) => [f.family, { normal: file(f.file), bold: file(f.file), italics: file(f.file), bolditalics: file(f.file) }]);
  return {
    ...Object.fromEntries(fallbacks),
    [SANS]: {
      normal: file('NotoSans-Regular.ttf'),
      bold: file('NotoSans-Bold.ttf'),
      italics: file('NotoSans-Italic.ttf'),
      bolditalics: file('NotoSans-BoldItalic.ttf'),
    },
    // Noto Sans Mono has no italics; code is never emphasised, so italic maps to upright.
    [MONO]: {
      normal: file('NotoSansMono-Regular.ttf'),
      bold: file('NotoSansMono-Bold.ttf'),
      italics: file('NotoSansMono-Regular.ttf'),
      bolditalics: file('NotoSansMono-Bold.ttf'),
    },
  };
}

/** A parsed font, as far as the layout cache needs it. */
interface ParsedFont {
  postscriptName?: string;
  unitsPerEm?: number;
}

/** Text layouts (glyphs and positions per word) by font, shared by every document in the process. */
const layouts = new Map<string, Record<string, unknown>>();
/** The shared cache of each parsed font seen so far. */
const byParsedFont = new WeakMap<ParsedFont, Record<string, unknown>>();

/**
 * The word layout cache for a font, shared by all documents that use it. Shaping words is most
 * of the cost of text layout, and each document parses its fonts anew, so the cache is keyed by
 * the font's name rather than by the parsed object; the cached runs carry only glyph ids,
 * advances and code points, which are the same in every parse of the same font.
 */
export function sharedLayouts(font: ParsedFont): Record<string, unknown> | undefined {
  // pdfmake asks for a font on every text run; fontkit reads the name table on each
  // `postscriptName`, so the cache is remembered per parsed font as well.
  const known = byParsedFont.get(font);
  if (known) return known;
  if (!font.postscriptName) return undefined;
  const key = `${font.postscriptName} ${font.unitsPerEm ?? ''}`;
  let cache = layouts.get(key);
  if (!cache) {
    cache = Object.create(null) as Record<string, unknown>;
    layouts.set(key, cache);
  }
  byParsedFont.set(font, cache);
  return cache;
}
