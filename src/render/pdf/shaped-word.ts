/** A word as fontkit shapes it in a fresh parse of its font, kept as plain data. */

/** Where a glyph goes, in font units, as fontkit's GlyphPosition. */
export interface GlyphOffsets {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

/** The shaping of one word, the same for every parse of the same font. */
export interface ShapedWord {
  ids: number[];
  positions: GlyphOffsets[];
  /** Each glyph's own advance (hmtx), which pdfkit keeps beside the position. */
  advances: number[];
  /**
   * Every glyph the shaping asked fontkit for, with the code points of its first request. fontkit
   * keeps the first glyph object made for an id, code points included, for the life of the parse,
   * so this is what a document's parse gains from shaping the word, if it had none of these yet.
   */
  created: [number, number[]][];
}

/** A fontkit glyph, as far as shaping and pdfkit read it. */
export interface KitGlyph {
  id: number;
  codePoints: number[];
  advanceWidth: number;
}

/** A fontkit font, with the glyph objects it has made so far (private to fontkit 2.0.4). */
export interface KitFont {
  _glyphs: Record<number, KitGlyph | undefined>;
  getGlyph(id: number, codePoints?: number[]): KitGlyph;
  layout(text: string): { glyphs: KitGlyph[]; positions: GlyphOffsets[] };
}

/** Shapes a word with fontkit as a fresh parse would, leaving the parse's own glyphs untouched. */
export function shapeWithFontkit(font: KitFont, text: string): ShapedWord {
  const own = font._glyphs;
  font._glyphs = {};
  let made: Record<number, KitGlyph | undefined>;
  let run: ReturnType<KitFont['layout']>;
  try {
    run = font.layout(text);
  } finally {
    made = font._glyphs;
    font._glyphs = own;
  }
  return {
    ids: run.glyphs.map((g) => g.id),
    positions: run.positions.map(({ xAdvance, yAdvance, xOffset, yOffset }) => ({ xAdvance, yAdvance, xOffset, yOffset })),
    advances: run.glyphs.map((g) => g.advanceWidth),
    created: Object.values(made).flatMap((g) => (g ? [[g.id, [...g.codePoints]] as [number, number[]]] : [])),
  };
}
