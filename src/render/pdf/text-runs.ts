/**
 * A line's words drawn as runs. pdfmake draws every word as its own text object through pdfkit's
 * `text()`: the options handled again, the word measured again, and q, cm, BT, Tm, Tf, TJ, ET, Q
 * and the colour written for each word. That was about a third of the PDF stage. Here the words of
 * a line piece that share font, size, colour and opacity make one text object.
 *
 * Every glyph stands where pdfmake's own drawing puts it: each word's glyphs come from the font's
 * encoding, as in pdfkit (which records them for the subset and ToUnicode), and the distance from
 * the end of one word's glyphs to the next word's position (the gap that justification widens)
 * goes into the TJ array as one more adjustment. Anything else (page-number references, raised or
 * lowered text, letter spacing) is left to pdfmake.
 */

/** A glyph's placement as pdfkit's font encoding gives it, in thousandths of the font size. */
interface GlyphPosition {
  xAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** The pdfkit font an inline is set in. */
interface RunFont {
  id: string;
  ascender: number;
  encode(text: string, features?: unknown): [string[], GlyphPosition[]];
  ref(): unknown;
}

/** What the runs read from a pdfmake inline. */
export interface RunInline {
  text: string;
  x: number;
  font?: RunFont;
  fontSize?: number;
  color?: unknown;
  opacity?: unknown;
  characterSpacing?: unknown;
  fontFeatures?: unknown;
  sup?: unknown;
  sub?: unknown;
  _pageNodeRef?: unknown;
  linkToPage?: unknown;
}

/** The pdfkit document calls the runs make (the same pdfmake's drawing makes). */
export interface RunKit {
  page: { height: number; fonts: Record<string, unknown> };
  _font: RunFont;
  fontSize(size: number): unknown;
  opacity(value: number): unknown;
  fillColor(color: unknown): unknown;
  resolveColor(color: unknown, fallback: string): unknown;
  save(): unknown;
  restore(): unknown;
  transform(a: number, b: number, c: number, d: number, e: number, f: number): unknown;
  addContent(operator: string): unknown;
}

/** A text inline the runs can draw: set in a font, on the line's baseline, without extras. */
type Drawable = RunInline & { font: RunFont; fontSize: number };

/**
 * Draws a line piece's inlines from x on the line's baseline (from the top of the page: the
 * line's top plus its ascender, where pdfmake puts every word's baseline). Returns false, having
 * drawn nothing, when one of them needs pdfmake's own drawing.
 */
export function drawTextRuns(kit: RunKit, inlines: readonly RunInline[], x: number, baseline: number): boolean {
  if (!inlines.every(isDrawable)) return false;
  // pdfkit draws nothing for an empty word; its position needs no glyph.
  const words = inlines.filter((inline) => inline.text.length > 0);
  for (let start = 0; start < words.length; ) {
    let end = start + 1;
    while (end < words.length && sameRun(words[start] as Drawable, words[end] as Drawable)) end++;
    drawRun(kit, words.slice(start, end), x, baseline);
    start = end;
  }
  return true;
}

function isDrawable(inline: RunInline): inline is Drawable {
  return (
    inline.font !== undefined &&
    typeof inline.fontSize === 'number' &&
    !inline._pageNodeRef &&
    !inline.linkToPage &&
    !inline.sup &&
    !inline.sub &&
    !inline.characterSpacing &&
    !inline.text.includes('\n')
  );
}

function sameRun(a: Drawable, b: Drawable): boolean {
  return a.font === b.font && a.fontSize === b.fontSize && a.color === b.color && a.opacity === b.opacity && a.fontFeatures === b.fontFeatures;
}

/** One text object for words in one font, size and colour; `baseline` is from the top of the page. */
function drawRun(kit: RunKit, run: readonly Drawable[], x: number, baseline: number): void {
  const first = run[0] as Drawable;
  const { font, fontSize: size } = first;
  const scale = size / 1000;
  // The graphics state pdfmake sets before each word.
  kit.opacity(typeof first.opacity === 'number' ? first.opacity : 1);
  kit.fillColor(kit.resolveColor(first.color, 'black'));
  kit._font = font;
  kit.fontSize(size);

  const glyphs: string[] = [];
  const positions: GlyphPosition[] = [];
  let pen = first.x;
  for (const word of run) {
    const gap = word.x - pen;
    const last = positions.length - 1;
    // The encoding's positions are shared with pdfkit's cache, so a widened one is a copy.
    if (last >= 0 && Math.abs(gap) > 1e-9) {
      const widened = positions[last] as GlyphPosition;
      positions[last] = { ...widened, xAdvance: widened.xAdvance + gap / scale };
    }
    pen = word.x;
    const [encoded, placed] = font.encode(word.text, word.fontFeatures);
    for (let i = 0; i < encoded.length; i++) {
      glyphs.push(encoded[i] as string);
      positions.push(placed[i] as GlyphPosition);
      pen += (placed[i] as GlyphPosition).xAdvance * scale;
    }
  }

  if (kit.page.fonts[font.id] == null) kit.page.fonts[font.id] = font.ref();
  // As pdfkit draws text: flip the page's y axis back, and put the baseline at the font's ascender.
  kit.save();
  kit.transform(1, 0, 0, -1, 0, kit.page.height);
  const y = kit.page.height - baseline;
  const left = x + first.x;
  kit.addContent('BT');
  kit.addContent(`1 0 0 1 ${num(left)} ${num(y)} Tm`);
  kit.addContent(`/${font.id} ${num(size)} Tf`);
  showGlyphs(kit, glyphs, positions, left, y, scale);
  kit.addContent('ET');
  kit.restore();
}

/**
 * The TJ operators for the glyphs, as pdfkit writes them for one word: a string per stretch of
 * glyphs, an adjustment where a glyph's advance differs from its width, and a new text matrix
 * around a glyph set off its pen position (a combining mark).
 */
function showGlyphs(kit: RunKit, glyphs: readonly string[], positions: readonly GlyphPosition[], left: number, y: number, scale: number): void {
  const strings: string[] = [];
  let from = 0;
  const cut = (to: number) => {
    if (from < to) {
      const end = positions[to - 1] as GlyphPosition;
      strings.push(`<${glyphs.slice(from, to).join('')}> ${num(end.advanceWidth - end.xAdvance)}`);
    }
    from = to;
  };
  const flush = (to: number) => {
    cut(to);
    if (strings.length > 0) kit.addContent(`[${strings.join(' ')}] TJ`);
    strings.length = 0;
  };
  let pen = left;
  let offset = false;
  positions.forEach((position, i) => {
    if (position.xOffset || position.yOffset) {
      flush(i);
      kit.addContent(`1 0 0 1 ${num(pen + position.xOffset * scale)} ${num(y + position.yOffset * scale)} Tm`);
      flush(i + 1);
      offset = true;
    } else {
      if (offset) kit.addContent(`1 0 0 1 ${num(pen)} ${num(y)} Tm`);
      offset = false;
      if (position.xAdvance !== position.advanceWidth) cut(i + 1);
    }
    pen += position.xAdvance * scale;
  });
  flush(positions.length);
}

/** A number as pdfkit writes one: at most six decimals. */
function num(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
