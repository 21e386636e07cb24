/**
 * What the hooks do to each line as pdfmake builds it: feed long paragraphs in small batches
 * (pdfmake copies the rest of a paragraph for every word it places), break words too long for
 * a line after / - . ? first (and measure text as narrow as that lets it be set), draw a hyphen
 * where a soft hyphen breaks a line, and mark code lines that continue a wrapped line. Nothing
 * here adds characters to the tagged text.
 */
import { LAYOUT_ARTIFACT, type Tag } from './structure.js';

/** A measured font as pdfmake hands it to inlines. */
interface PmFont {
  widthOfString(text: string, size: number, features?: unknown): number;
}

/** A piece of text as pdfmake measures and places it (only the fields used here). */
export interface BuildInline {
  text: string;
  width: number;
  x?: number;
  font?: PmFont;
  fontSize?: number;
  fontFeatures?: unknown;
  characterSpacing?: number;
  noWrap?: boolean;
  noNewLine?: boolean;
  lineEnd?: boolean;
  leadingCut?: number;
  /** Line height of the inline (set when pdfmake measures text). */
  height?: number;
  trailingCut?: number;
  color?: unknown;
  _rv?: Tag;
}

/** A line as pdfmake builds it. */
export interface BuildLine {
  inlines: BuildInline[];
  newLineForced?: boolean;
}

/** A text node while it is laid out. */
export interface BuildNode {
  _inlines?: BuildInline[];
  /** The paragraph's inlines not yet handed to pdfmake, and how far they are handed. */
  _rvRest?: { inlines: BuildInline[]; next: number };
  /** A code block's text: wrapped lines get a continuation mark. */
  _rvCode?: string;
  /** The line built last wrapped (it did not end at a line break). */
  _rvWrapped?: boolean;
}

/** Inlines pdfmake sees of a long paragraph at a time; it copies them for every word. */
const BATCH = 128;

/** Keeps at most about BATCH inlines in front of pdfmake; the rest wait in `_rvRest`. */
export function feedInlines(node: BuildNode): void {
  const inlines = node._inlines;
  if (!inlines) return;
  if (!node._rvRest) {
    if (inlines.length <= BATCH * 2) return;
    node._rvRest = { inlines, next: BATCH };
    node._inlines = inlines.slice(0, BATCH);
    return;
  }
  const rest = node._rvRest;
  if (inlines.length >= BATCH / 2 || rest.next >= rest.inlines.length) return;
  const more = rest.inlines.slice(rest.next, rest.next + BATCH);
  rest.next += more.length;
  for (const inline of more) inlines.push(inline);
}

function widthOf(inline: BuildInline, text: string): number {
  if (!inline.font) return inline.width;
  return inline.font.widthOfString(text, inline.fontSize ?? 0, inline.fontFeatures) + (inline.characterSpacing ?? 0) * (text.length - 1);
}

/** Characters after which a long word or address breaks best. */
const PREFERRED = /[/\-.?]/;

/**
 * When the word starting a line is wider than the line, splits it after the last / - . ? that
 * leaves a fitting first part, or else where the line is full. (pdfmake would split it too, but
 * anywhere, and its first part would keep the word's line end.)
 */
export function breakLongWord(node: BuildNode, width: number): void {
  const first = node._inlines?.[0];
  if (!first || first.noWrap || first.width <= width || first.text.length < 2) return;
  let fit = 0;
  for (let low = 1, high = first.text.length; low <= high; ) {
    const mid = (low + high) >> 1;
    if (widthOf(first, first.text.slice(0, mid)) <= width) {
      fit = mid;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  // At least one character per line, so the text always moves on.
  let cut = Math.max(1, fit);
  for (let i = fit; i > 1; i--) {
    if (PREFERRED.test(first.text[i - 1] as string)) {
      cut = i;
      break;
    }
  }
  if (cut >= first.text.length) return;
  const head: BuildInline = { ...first, text: first.text.slice(0, cut), noNewLine: false, lineEnd: false, trailingCut: 0 };
  const tail: BuildInline = { ...first, text: first.text.slice(cut), leadingCut: 0 };
  head.width = widthOf(head, head.text);
  tail.width = widthOf(tail, tail.text);
  node._inlines?.splice(0, 1, head, tail);
}

/** Widths of single characters at 1 pt, per font: a long word's narrowest line is one character. */
const characterWidths = new WeakMap<PmFont, Map<string, number>>();

function characterWidth(inline: BuildInline, character: string): number {
  const font = inline.font as PmFont;
  let widths = characterWidths.get(font);
  if (!widths) characterWidths.set(font, (widths = new Map()));
  let width = widths.get(character);
  if (width === undefined) widths.set(character, (width = font.widthOfString(character, 1, inline.fontFeatures)));
  return width * (inline.fontSize ?? 0);
}

/**
 * The narrowest a text can be set, for fitting columns to it. pdfmake takes its widest word, so
 * a column holding a word wider than the page grows past the margin; but that word breaks
 * inside (breakLongWord), so it needs room for its widest character only.
 */
export function narrowestWidth(inlines: readonly BuildInline[]): number {
  let narrowest = 0;
  for (const inline of inlines) {
    const trimmed = inline.width - (inline.leadingCut ?? 0) - (inline.trailingCut ?? 0);
    if (trimmed <= narrowest) continue;
    if (inline.noWrap || !inline.font) {
      narrowest = trimmed;
      continue;
    }
    for (const character of inline.text.trim()) narrowest = Math.max(narrowest, characterWidth(inline, character));
  }
  return narrowest;
}

/** A line that breaks at a soft hyphen shows a hyphen there (the soft hyphen itself draws nothing). */
export function hyphenAtSoftBreak(line: BuildLine, node: BuildNode): void {
  const last = line.inlines[line.inlines.length - 1];
  if (!last || !last.text.endsWith('\u00ad') || (node._inlines?.length ?? 0) === 0) return;
  last.text = `${last.text.slice(0, -1)}\u2010`;
  last.width = widthOf(last, last.text);
}

/** The mark in front of a code line that continues the line above (drawn as an artifact). */
const CONTINUATION = '→';

/** Marks each code line that continues a wrapped one, in the block's left padding. */
export function markContinuation(line: BuildLine, node: BuildNode): void {
  if (node._rvCode === undefined) return;
  const first = line.inlines[0];
  if (node._rvWrapped && first) {
    const width = widthOf(first, CONTINUATION);
    line.inlines.unshift({ ...first, text: CONTINUATION, width, x: (first.x ?? 0) - width - 1, color: node._rvCode, _rv: LAYOUT_ARTIFACT });
  }
  node._rvWrapped = !line.newLineForced && (node._inlines?.length ?? 0) > 0;
}
