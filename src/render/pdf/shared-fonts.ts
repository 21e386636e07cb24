/**
 * What the documents rendered in one process share: each font parsed once, and the words laid out
 * in it. pdfkit parses every font anew for each document, and most of a font's cost comes after
 * that: its tables (metrics, kerning, substitutions) are decoded as text first needs them, and
 * shaping words is most of the cost of text layout. A document adopts the fonts and word layouts
 * of an earlier one whose font file had the same bytes, so what it draws is the same.
 */

/** A font as fontkit parses it, as far as sharing needs it. */
export interface ParsedFont {
  postscriptName?: string;
  /** The font file, which fontkit keeps. */
  stream?: { buffer?: Uint8Array };
  createSubset(): unknown;
}

/** A font as pdfkit embeds it in one document (only the fields adopting touches). */
export interface DocumentFont {
  /** The font's PostScript name (read once, when pdfkit made it). */
  name?: string;
  font?: ParsedFont;
  subset?: unknown;
  layoutCache?: Record<string, unknown>;
}

/** The first parse of each font file, by PostScript name; the bytes decide whether it is the same file. */
const parsed = new Map<string, ParsedFont>();
/** Word layouts (glyphs and positions per word) made with each shared parse. */
const layouts = new WeakMap<ParsedFont, Record<string, unknown>>();
/** The document fonts already adopted; pdfmake asks for a font on every text run. */
const adopted = new WeakSet<DocumentFont>();

/**
 * Makes a document's newly made font use the process's parse of the same font file and its word
 * layouts. A font whose file changed (during `--watch`) becomes the shared parse from then on.
 */
export function adoptSharedFont(font: DocumentFont): void {
  if (adopted.has(font)) return;
  adopted.add(font);
  const own = font.font;
  const bytes = own?.stream?.buffer;
  if (!own || !bytes || !font.name) return;
  const earlier = parsed.get(font.name);
  const shared = earlier?.stream?.buffer && Buffer.compare(earlier.stream.buffer, bytes) === 0 ? earlier : own;
  if (shared !== earlier) parsed.set(font.name, shared);
  if (shared !== own) {
    // The subset gathers the glyphs this document draws; it must come from the parse that draws them.
    font.font = shared;
    font.subset = shared.createSubset();
  }
  if (!font.layoutCache) return;
  let words = layouts.get(shared);
  if (!words) {
    words = font.layoutCache;
    layouts.set(shared, words);
  }
  font.layoutCache = words;
}
