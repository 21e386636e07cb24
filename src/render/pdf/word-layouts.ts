/**
 * Word layouts shared by every document in the process (watch mode, the PDFs of one build).
 * pdfkit lays text out word by word (`EmbeddedFont.layoutRun`); shaping is most of the cost, so
 * each font's shaped words are kept as plain data and each document gets runs made of its own
 * glyph objects. A glyph's code points (the PDF's ToUnicode) are those of its first use in the
 * document, exactly as a fresh fontkit parse gives them: a shared word is only reused when the
 * document's glyphs so far agree with what shaping it in a fresh parse saw, else the document's
 * own fontkit shapes it. Simple words are shaped without fontkit's layout engine (simple-words.ts).
 */
import { shapeWithFontkit, type GlyphOffsets, type KitFont, type ShapedWord } from './shaped-word.js';
import { simpleShaper, type ParsedFontTables, type SimpleShaper } from './simple-words.js';

/** A position as pdfkit keeps it: scaled to 1000 units per em, with the glyph's own advance. */
interface PdfPosition extends GlyphOffsets {
  advanceWidth: number;
}

/** A shaped word scaled for pdfkit. */
interface Word {
  ids: readonly number[];
  positions: PdfPosition[];
  advanceWidth: number;
  created: readonly [number, number[]][];
}

/** A run as pdfkit's `EmbeddedFont.layout` reads it. */
interface PdfRun {
  glyphs: unknown[];
  positions: unknown[];
  advanceWidth: number;
}

/** pdfkit's EmbeddedFont, as far as the shared layouts use it. */
export interface PdfKitFont {
  font?: KitFont & ParsedFontTables & { postscriptName?: string };
  layoutCache?: Record<string, unknown>;
  layoutRun?: (text: string, features?: unknown) => PdfRun;
}

/** Each font's shaped words, and its fast path once looked at. */
class FontWords {
  private readonly words = new Map<string, Word>();
  private simple: SimpleShaper | undefined | null = null;

  constructor(private readonly scale: number) {}

  word(text: string, font: KitFont & ParsedFontTables): Word {
    let word = this.words.get(text);
    if (!word) {
      if (this.simple === null) this.simple = simpleShaper(font);
      word = scaled(this.simple?.shape(text) ?? shapeWithFontkit(font, text), this.scale);
      this.words.set(text, word);
    }
    return word;
  }
}

/** As pdfkit's `layoutRun`: every position field times the scale, the run's width their sum. */
function scaled(shaped: ShapedWord, scale: number): Word {
  const positions = shaped.positions.map((p, i) => ({
    xAdvance: p.xAdvance * scale,
    yAdvance: p.yAdvance * scale,
    xOffset: p.xOffset * scale,
    yOffset: p.yOffset * scale,
    advanceWidth: shaped.advances[i]! * scale,
  }));
  let advanceWidth = 0;
  for (const p of positions) advanceWidth += p.xAdvance;
  return { ids: shaped.ids, positions, advanceWidth, created: shaped.created };
}

/** Shaped words by font name, for every parse of that font in the process. */
const byName = new Map<string, FontWords>();
/** The same, remembered per parse: fontkit reads the name table on each `postscriptName`. */
const byParse = new WeakMap<object, FontWords>();
/** pdfkit fonts already using the shared words. */
const installed = new WeakSet<PdfKitFont>();

function fontWords(font: KitFont & ParsedFontTables & { postscriptName?: string }): FontWords | undefined {
  const known = byParse.get(font);
  if (known) return known;
  if (!font.postscriptName) return undefined;
  const key = `${font.postscriptName} ${font.unitsPerEm}`;
  let words = byName.get(key);
  if (!words) byName.set(key, (words = new FontWords(1000 / font.unitsPerEm)));
  byParse.set(font, words);
  return words;
}

/** Lets a document's pdfkit font lay words out from the shared words (once per font object). */
export function useSharedWords(pdfFont: PdfKitFont): void {
  const kit = pdfFont.font;
  const own = pdfFont.layoutRun;
  if (installed.has(pdfFont) || !kit || !own || !pdfFont.layoutCache) return;
  const words = fontWords(kit);
  if (!words) return;
  installed.add(pdfFont);
  pdfFont.layoutRun = function (this: PdfKitFont, text: string, features?: unknown): PdfRun {
    if (features) return own.call(this, text, features);
    const word = words.word(text, kit);
    if (!agrees(word, kit)) return own.call(this, text);
    for (const [id, codePoints] of word.created) kit.getGlyph(id, codePoints);
    return { glyphs: word.ids.map((id) => kit.getGlyph(id)), positions: word.positions, advanceWidth: word.advanceWidth };
  };
}

/** Whether the document's glyphs so far have the code points a fresh parse gave them for this word. */
function agrees(word: Word, kit: KitFont): boolean {
  for (const [id, codePoints] of word.created) {
    const glyph = kit._glyphs[id];
    if (glyph && !sameCodePoints(glyph.codePoints, codePoints)) return false;
  }
  return true;
}

function sameCodePoints(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
