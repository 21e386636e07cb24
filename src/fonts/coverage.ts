/**
 * Which bundled font draws which character, shared by the glyph check and both renderers.
 *
 * The main families are Noto Sans (text) and Noto Sans Mono (code). Characters they lack are drawn
 * with a fallback: Noto Sans Math, Noto Sans Symbols 2, Noto Sans Symbols and the monochrome Noto
 * Emoji (all SIL OFL 1.1, see fonts/OFL.txt). A fallback has one face, used for every style.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { openFontSync } from './fontkit.js';
import { fontsDir } from '../frame/paths.js';

/** One fallback font: its family name (DOCX runs, pdfmake), and its file in fonts/. */
export interface FallbackFont {
  family: string;
  file: string;
}

const MATH: FallbackFont = { family: 'Noto Sans Math', file: 'NotoSansMath-Regular.ttf' };
const SYMBOLS_2: FallbackFont = { family: 'Noto Sans Symbols 2', file: 'NotoSansSymbols2-Regular.ttf' };
const SYMBOLS: FallbackFont = { family: 'Noto Sans Symbols', file: 'NotoSansSymbols-Regular.ttf' };
const EMOJI: FallbackFont = { family: 'Noto Emoji', file: 'NotoEmoji-Regular.ttf' };

/** Every fallback font, in the order they are tried for a character that is not an emoji. */
export const FALLBACK_FONTS: readonly FallbackFont[] = [MATH, SYMBOLS_2, SYMBOLS, EMOJI];
/** Characters shown as emoji by default try the emoji font first, so ⌚ and 😀 look alike. */
const EMOJI_FIRST: readonly FallbackFont[] = [EMOJI, SYMBOLS_2, SYMBOLS, MATH];
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;
const IGNORABLE = /\p{Default_Ignorable_Code_Point}/u;
const CONTROL = /\p{Cc}/u;

/** Which code points a font (or every style of a family) can draw. */
export interface Covers {
  has(cp: number): boolean;
}

/** Code points every style of each main family can draw. */
export interface MainCoverage {
  text: Covers;
  code: Covers;
}

const fallbackFiles = new Set(FALLBACK_FONTS.map((f) => f.file));
let main: MainCoverage | undefined;
const fallbacks = new Map<FallbackFont, Covers>(FALLBACK_FONTS.map((f) => [f, lazyCoverage([f.file])]));

/** The main families' coverage; fonts are opened on the first question, and each answer is kept. */
export function mainCoverage(): MainCoverage {
  if (main) return main;
  const files = readdirSync(fontsDir).filter((f) => f.toLowerCase().endsWith('.ttf') && !fallbackFiles.has(f)).sort();
  main = { text: lazyCoverage(files.filter((f) => !/mono/i.test(f))), code: lazyCoverage(files.filter((f) => /mono/i.test(f))) };
  return main;
}

/**
 * The fallback font that draws `cp`, or undefined when none does; `asEmoji` (the character is
 * followed by VS16) asks for the emoji font first. A fallback font is opened only when asked,
 * so documents the main fonts cover never pay for them.
 */
export function fallbackFor(cp: number, asEmoji = false): FallbackFont | undefined {
  const char = String.fromCodePoint(cp);
  // Some fonts map control characters to empty glyphs; they are never drawn.
  if (CONTROL.test(char)) return undefined;
  const order = asEmoji || EMOJI_PRESENTATION.test(char) ? EMOJI_FIRST : FALLBACK_FONTS;
  return order.find((f) => fallbacks.get(f)?.has(cp));
}

/** A piece of text and the fallback family that draws it (undefined: the text's own font). */
export interface FontSegment {
  text: string;
  family: string | undefined;
}

const VS16 = 0xfe0f;
/** All of it is drawn in every bundled font. */
const ASCII = /^[ -~\t\n]*$/;

/**
 * Splits text into pieces by the font that draws them: the own font where `has` says it can,
 * else the first fallback that can (or the own font, when none can: the glyph check reports it).
 * Joiners and variation selectors stay with the character before them.
 */
export function fontSegments(text: string, has: (cp: number) => boolean): FontSegment[] {
  if (ASCII.test(text)) return [{ text, family: undefined }];
  const segments: FontSegment[] = [];
  const chars = Array.from(text);
  chars.forEach((char, i) => {
    const cp = char.codePointAt(0) as number;
    const last = segments[segments.length - 1];
    let family: string | undefined;
    if (cp < 0x80 || has(cp)) family = undefined;
    else if (last && isIgnorable(char)) family = last.family;
    else family = fallbackFor(cp, chars[i + 1]?.codePointAt(0) === VS16)?.family;
    if (last && last.family === family) last.text += char;
    else segments.push({ text: char, family });
  });
  return segments;
}

/** True for invisible formatting characters (joiners, variation selectors …) that need no glyph. */
export function isIgnorable(char: string): boolean {
  return IGNORABLE.test(char);
}

/** The path of a bundled font file. */
export function fontFile(name: string): string {
  return join(fontsDir, name);
}

/**
 * A code point counts as covered when every one of the files has a glyph for it. Looking up the
 * characters a document uses is far cheaper than reading whole character sets (six main faces:
 * about a quarter of the time), and answers are kept for the process.
 */
function lazyCoverage(files: readonly string[]): Covers {
  let fonts: { hasGlyphForCodePoint(cp: number): boolean }[] | undefined;
  const known = new Map<number, boolean>();
  return {
    has(cp) {
      let answer = known.get(cp);
      if (answer === undefined) {
        fonts ??= files.map(openFont);
        answer = fonts.length > 0 && fonts.every((f) => f.hasGlyphForCodePoint(cp));
        known.set(cp, answer);
      }
      return answer;
    },
  };
}

function openFont(file: string): { hasGlyphForCodePoint(cp: number): boolean } {
  const font = openFontSync(fontFile(file));
  if (!('hasGlyphForCodePoint' in font)) throw new Error(`${file} is a font collection, not a font`);
  return font;
}
