/**
 * Shaping of simple words without fontkit's layout engine. A word is simple when each of its
 * characters is Latin or common punctuation that the font maps to a glyph, and no lookup of
 * fontkit's default features acts on it other than ligatures and pair kerning: then fontkit's
 * result is the cmap glyphs, the ligatures, their hmtx advances and the pair adjustments (GPOS
 * PairPos formats 1 and 2), which this module computes the way fontkit 2.0.4 does, with the plan
 * simple-word-plan.ts makes per font (tests/pdf-simple-words-shape-as-fontkit.test.ts proves it
 * word for word). Anything else is left to fontkit.
 */
import type { ValueRecord } from './otl-tables.js';
import type { GlyphOffsets, ShapedWord } from './shaped-word.js';
import { planSimpleWords, SIMPLE_RANGES, type ParsedFontTables, type SimpleWordPlan } from './simple-word-plan.js';

export type { ParsedFontTables } from './simple-word-plan.js';

/** Shapes simple words of one parsed font; `shape` answers undefined for any other word. */
export interface SimpleShaper {
  shape(text: string): ShapedWord | undefined;
}

/** The fast path for a font, or undefined when the font has tables it does not model. */
export function simpleShaper(font: ParsedFontTables): SimpleShaper | undefined {
  const plan = planSimpleWords(font);
  return plan && new Shaper(font, plan);
}

class Shaper implements SimpleShaper {
  private readonly glyphs = new Map<number, number>();
  private readonly advances = new Map<number, number>();
  private readonly space: number;

  constructor(
    private readonly font: ParsedFontTables,
    private readonly plan: SimpleWordPlan,
  ) {
    this.space = font._cmapProcessor.lookup(0x20);
  }

  shape(text: string): ShapedWord | undefined {
    const n = text.length;
    if (n === 0) return undefined;
    const cmap = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
      const glyph = this.glyphs.get(code) ?? this.learn(code);
      if (glyph === 0) return undefined;
      cmap[i] = glyph;
    }
    if (this.acts(cmap)) return undefined;
    const word: Ligated = { ids: cmap, codePoints: undefined };
    for (const step of this.plan.ligatures) {
      if (ligate(step, word, text) && (this.acts(word.ids) || !word.ids.every(this.plan.plain))) return undefined;
    }
    const { ids, codePoints } = word;
    const count = ids.length;
    const positions = new Array<GlyphOffsets>(count);
    const advances = new Array<number>(count);
    for (let i = 0; i < count; i++) {
      const advance = this.advance(ids[i]!);
      advances[i] = advance;
      positions[i] = { xAdvance: advance, yAdvance: 0, xOffset: 0, yOffset: 0 };
    }
    // As fontkit: each pair lookup in turn over the word; the first subtable that applies wins.
    for (const subtables of this.plan.pairs) {
      for (let i = 0; i + 1 < count; i++) {
        for (const pairValue of subtables) {
          const value = pairValue(ids[i]!, ids[i + 1]!);
          if (!value) continue;
          adjust(positions[i]!, value.value1);
          adjust(positions[i + 1]!, value.value2);
          break;
        }
      }
    }
    // fontkit asks for each character's glyph in order, then for each glyph of the result (with the
    // code points of a ligature), then for the space glyph (to hide ignorables).
    const created: [number, number[]][] = [];
    for (let i = 0; i < n; i++) if (!made(created, cmap[i]!)) created.push([cmap[i]!, [text.charCodeAt(i)]]);
    if (codePoints) for (let i = 0; i < count; i++) if (!made(created, ids[i]!)) created.push([ids[i]!, codePoints[i]!]);
    if (!made(created, this.space)) created.push([this.space, [0x20]]);
    return { ids, positions, advances, created };
  }

  /** Whether a lookup other than ligatures and kerning would act on the glyphs. */
  private acts(ids: readonly number[]): boolean {
    if (this.plan.starts.size === 0) return false;
    for (let i = 0; i < ids.length; i++) {
      const patterns = this.plan.starts.get(ids[i]!);
      if (patterns) for (const pattern of patterns) if (matches(pattern, ids, i)) return true;
    }
    return false;
  }

  /** Remembers a character's glyph if it may be in a simple word, else 0. */
  private learn(code: number): number {
    const glyph = inSimpleRange(code) ? this.font._cmapProcessor.lookup(code) : 0;
    const simple = this.plan.simple.has(glyph) ? glyph : 0;
    this.glyphs.set(code, simple);
    return simple;
  }

  /** The glyph's advance as fontkit reads it from hmtx (each read decodes, so it is kept). */
  private advance(glyph: number): number {
    let advance = this.advances.get(glyph);
    if (advance === undefined) {
      const { metrics } = this.font.hmtx;
      const last = glyph < metrics.length ? glyph : metrics.length - 1;
      advance = last >= 0 ? metrics.get(last).advance : 0;
      this.advances.set(glyph, advance);
    }
    return advance;
  }
}

/** A word's glyphs while ligatures are made, with their code points once one is. */
interface Ligated {
  ids: number[];
  codePoints: number[][] | undefined;
}

/**
 * One ligature lookup over the glyphs, as fontkit applies it: at each glyph the first subtable
 * covering it whose ligature matches the glyphs after it (the first such ligature in the set)
 * replaces them, the ligature taking all their code points. True when it made one.
 */
function ligate(step: SimpleWordPlan['ligatures'][number], word: Ligated, text: string): boolean {
  let changed = false;
  for (let i = 0; i < word.ids.length; i++) {
    for (const subtable of step) {
      const ligatures = subtable(word.ids[i]!);
      const ligature = ligatures && matching(ligatures, word.ids, i);
      if (!ligature) continue;
      const end = i + 1 + ligature.components.length;
      const codePoints = word.codePoints ?? Array.from(text, (c) => [c.charCodeAt(0)]);
      word.codePoints = [...codePoints.slice(0, i), codePoints.slice(i, end).flat(), ...codePoints.slice(end)];
      word.ids = [...word.ids.slice(0, i), ligature.glyph, ...word.ids.slice(end)];
      changed = true;
      break;
    }
  }
  return changed;
}

function matching<L extends { components: number[] }>(ligatures: Iterable<L>, ids: readonly number[], at: number): L | undefined {
  for (const ligature of ligatures) {
    const { components } = ligature;
    let k = 0;
    while (k < components.length && ids[at + 1 + k] === components[k]) k++;
    if (k === components.length) return ligature;
  }
  return undefined;
}

function made(created: readonly [number, number[]][], id: number): boolean {
  for (const [glyph] of created) if (glyph === id) return true;
  return false;
}

function adjust(position: GlyphOffsets, value: ValueRecord): void {
  if (value.xAdvance != null) position.xAdvance += value.xAdvance;
  if (value.yAdvance != null) position.yAdvance += value.yAdvance;
  if (value.xPlacement != null) position.xOffset += value.xPlacement;
  if (value.yPlacement != null) position.yOffset += value.yPlacement;
}

function inSimpleRange(code: number): boolean {
  for (const [from, to] of SIMPLE_RANGES) if (code >= from && code <= to) return true;
  return false;
}

function matches(pattern: readonly ReadonlySet<number>[], ids: readonly number[], at: number): boolean {
  if (at + pattern.length > ids.length) return false;
  for (let k = 0; k < pattern.length; k++) if (!pattern[k]!.has(ids[at + k]!)) return false;
  return true;
}
