/** The bundled OFL fonts (Noto Sans, Noto Sans Mono) as pdfmake font families. */
import path from 'node:path';
import { fontsDir } from '../../frame/paths.js';

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
  const file = (name: string) => path.join(fontsDir, name);
  return {
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
