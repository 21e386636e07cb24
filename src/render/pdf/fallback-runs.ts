/**
 * Splits text runs by the font that can draw them: characters the run's own font lacks (arrows,
 * maths, symbols, emoji) go into runs of their own in a fallback font, with the run's other
 * properties (structure tag, colour, link) kept, so tagging and text extraction see one text.
 * Runs the main font covers are returned as they were, so documents without such characters lay
 * out exactly as before.
 */
import { fontSegments } from '../../fonts/coverage.js';

/** What the splitter needs of a parsed font. */
export interface GlyphSource {
  hasGlyphForCodePoint(cp: number): boolean;
}

/** An item of a pdfmake text array: a string, or an object with text (possibly nested) and style. */
type TextItem = string | { text?: unknown; [key: string]: unknown };

/** The font an item is drawn in, or undefined when it is not one of the main families. */
export type FontOf = (item: TextItem) => GlyphSource | undefined;

/** The text array with runs split where the font changes; the same array when nothing changes. */
export function splitByFont(items: unknown, fontOf: FontOf): unknown {
  if (Array.isArray(items)) {
    let changed = false;
    const out = items.flatMap((item: unknown) => {
      const split = splitItem(item as TextItem, fontOf);
      if (split !== item) changed = true;
      return split;
    });
    return changed ? out : items;
  }
  return splitItem(items as TextItem, fontOf);
}

function splitItem(item: TextItem, fontOf: FontOf): TextItem | TextItem[] {
  if (typeof item !== 'string') {
    if (Array.isArray(item.text)) {
      const inner = splitByFont(item.text, fontOf);
      return inner === item.text ? item : { ...item, text: inner };
    }
    if (typeof item.text !== 'string') return item;
  }
  const text = typeof item === 'string' ? item : (item.text as string);
  const font = fontOf(item);
  if (!font) return item;
  const segments = fontSegments(text, (cp) => font.hasGlyphForCodePoint(cp));
  if (segments.length === 1 && segments[0]?.family === undefined) return item;
  const base = typeof item === 'string' ? {} : item;
  // A fallback has a single face: it is asked for upright, whatever the run's emphasis.
  return segments.map((s) => (s.family === undefined ? { ...base, text: s.text } : { ...base, text: s.text, font: s.family, bold: false, italics: false }));
}
