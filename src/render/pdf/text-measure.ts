/** Text widths from the bundled fonts' advance widths, for sizing before pdfmake lays out. */
import { join } from 'node:path';
import { openFontSync, type Font } from '../../fonts/fontkit.js';
import { fontsDir } from '../../frame/paths.js';

/** Advance width in em of each code point, per font file, read on first use. */
const advances = new Map<string, { font: Font; ems: Map<number, number> }>();

function fontFile(bold: boolean, mono: boolean): string {
  return `NotoSans${mono ? 'Mono' : ''}-${bold ? 'Bold' : 'Regular'}.ttf`;
}

/**
 * Width of `text` in em (multiply by the font size for points). Kerning is left out, so the
 * figure can be a little off; callers keep a margin.
 */
export function textEm(text: string, bold = false, mono = false): number {
  const name = fontFile(bold, mono);
  let entry = advances.get(name);
  if (!entry) {
    const font = openFontSync(join(fontsDir, name));
    if (!('glyphForCodePoint' in font)) throw new Error(`${name} is a font collection`);
    entry = { font, ems: new Map() };
    advances.set(name, entry);
  }
  let em = 0;
  for (const char of text) {
    const cp = char.codePointAt(0) as number;
    let advance = entry.ems.get(cp);
    if (advance === undefined) {
      advance = entry.font.glyphForCodePoint(cp).advanceWidth / entry.font.unitsPerEm;
      entry.ems.set(cp, advance);
    }
    em += advance;
  }
  return em;
}

/** Noto Sans's ascender in em: how far its line box reaches above the baseline. */
export const ASCENT_EM = 1.069;

/** Noto Sans's line box (ascender − descender) in em. */
export const LINE_EM = 1.362;
