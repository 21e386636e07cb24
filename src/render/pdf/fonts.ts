/** The bundled OFL fonts (Noto Sans, Noto Sans Mono and the fallbacks) as pdfmake font families. */
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
