/**
 * Shaping of simple words without fontkit's layout engine. A word is simple when each of its
 * characters is Latin or common punctuation that the font maps to a glyph, and no substitution
 * and no positioning other than pair kerning of fontkit's default features applies anywhere in
 * it: then fontkit's result is the cmap glyphs, their hmtx advances and the pair adjustments
 * (GPOS PairPos formats 1 and 2), which this module computes the way fontkit 2.0.4 does
 * (tests/pdf-simple-words-shape-as-fontkit.test.ts proves it word for word). Anything else is
 * left to fontkit. The GSUB table is read through fontkit's parse, GPOS from the font's bytes
 * (gpos-bytes.ts), both only as far as needed.
 */
import { gposLookups, type FontBytes } from './gpos-bytes.js';
import { classOf, coverageIndex, type ClassDef, type Coverage, type LayoutTable, type List, type Lookup, type Subtable, type ValueRecord } from './otl-tables.js';
import type { GlyphOffsets, ShapedWord } from './shaped-word.js';

/** fontkit's default features for horizontal text in the default shaper (fontkit 2.0.4). */
const DEFAULT_FEATURES = ['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'];
/** The script records fontkit selects for Latin text and for text of common characters only. */
const SCRIPT_CHOICES = [['latn'], ['DFLT', 'dflt', 'latn']];
/**
 * Characters that may be in a simple word: Latin and common, so fontkit picks the Latin or the
 * default script record and the default shaper. Left out: default-ignorable characters (fontkit
 * hides them), the fraction slash (it turns on fraction features), marks and other scripts.
 */
const SIMPLE_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0xac],
  [0xae, 0x24f],
  [0x2010, 0x2027],
  [0x2030, 0x2043],
  [0x2045, 0x205e],
  [0x20a0, 0x20bf],
];

/** What fontkit's parse of the font offers (its private parts as of fontkit 2.0.4). */
export interface ParsedFontTables extends FontBytes {
  unitsPerEm: number;
  _cmapProcessor: { lookup(codePoint: number): number };
  _variationProcessor?: unknown;
  hmtx: { metrics: List<{ advance: number }>; bearings: List<number> };
  GDEF?: { glyphClassDef?: ClassDef };
  GSUB?: LayoutTable;
  GPOS?: LayoutTable;
}

/** A sequence of glyph sets that, found in a word, makes fontkit substitute or move glyphs. */
type Pattern = readonly ReadonlySet<number>[];

/** Pair adjustments for one glyph pair, or undefined when the subtable does not apply. */
type PairValue = { value1: ValueRecord; value2: ValueRecord } | undefined;

/** Shapes simple words of one parsed font; `shape` answers undefined for any other word. */
export interface SimpleShaper {
  shape(text: string): ShapedWord | undefined;
}

/** The fast path for a font, or undefined when the font has tables it does not model. */
export function simpleShaper(font: ParsedFontTables): SimpleShaper | undefined {
  const gposLookup = gposLookups(font);
  if (font._variationProcessor || !font.GPOS || !font.GSUB || !gposLookup) return undefined;
  const gposLists = SCRIPT_CHOICES.map((choice) => lookupIndexes(font.GPOS!, choice));
  const pairIndexes = gposLists[0]!.filter((i) => lookupType(gposLookup(i)) === 2);
  // fontkit applies the lookups of the chosen script record; both must agree for one table.
  const otherPairs = gposLists[1]!.filter((i) => lookupType(gposLookup(i)) === 2);
  if (pairIndexes.join() !== otherPairs.join()) return undefined;

  const candidates = new Set<number>();
  for (const [from, to] of SIMPLE_RANGES) for (let cp = from; cp <= to; cp++) candidates.add(font._cmapProcessor.lookup(cp));
  candidates.delete(0);
  const blocked = new Set<number>();
  const patterns: Pattern[] = [];
  const marks = font.GDEF?.glyphClassDef;
  if (marks) for (const g of candidates) if (classOf(marks, g) === 3) blocked.add(g);
  const gsub = new Set(SCRIPT_CHOICES.flatMap((choice) => lookupIndexes(font.GSUB!, choice)));
  for (const i of gsub) analyse(font.GSUB.lookupList.get(i), 'GSUB', candidates, blocked, patterns);
  const gpos = new Set(gposLists.flat());
  const pairLookups: Lookup[] = [];
  for (const i of gpos) {
    const lookup = gposLookup(i);
    if (lookupType(lookup) !== 2) analyse(lookup, 'GPOS', candidates, blocked, patterns);
    else if (lookup.flags.flags.ignoreBaseGlyphs || lookup.flags.flags.ignoreLigatures) return undefined;
  }
  for (const i of pairIndexes) pairLookups.push(gposLookup(i));
  const simple = new Set([...candidates].filter((g) => !blocked.has(g)));
  const starts = new Map<number, Pattern[]>();
  for (const pattern of patterns) {
    const sets = pattern.map((set) => new Set([...set].filter((g) => simple.has(g))));
    if (sets.some((set) => set.size === 0)) continue;
    for (const g of sets[0]!) starts.set(g, [...(starts.get(g) ?? []), sets]);
  }
  return new Shaper(font, simple, starts, pairLookups.map((l) => [...l.subTables].map(unwrap).map(pairTable)));
}

class Shaper implements SimpleShaper {
  private readonly glyphs = new Map<number, number>();
  private readonly advances = new Map<number, number>();
  private readonly space: number;

  constructor(
    private readonly font: ParsedFontTables,
    private readonly simple: ReadonlySet<number>,
    private readonly starts: ReadonlyMap<number, Pattern[]>,
    private readonly pairs: ((first: number, second: number) => PairValue)[][],
  ) {
    this.space = font._cmapProcessor.lookup(0x20);
  }

  shape(text: string): ShapedWord | undefined {
    const n = text.length;
    if (n === 0) return undefined;
    const ids = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const code = text.charCodeAt(i);
      const glyph = this.glyphs.get(code) ?? this.learn(code);
      if (glyph === 0) return undefined;
      ids[i] = glyph;
    }
    if (this.starts.size > 0) {
      for (let i = 0; i < n; i++) {
        const patterns = this.starts.get(ids[i]!);
        if (patterns) for (const pattern of patterns) if (matches(pattern, ids, i)) return undefined;
      }
    }
    const positions = new Array<GlyphOffsets>(n);
    const advances = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const advance = this.advance(ids[i]!);
      advances[i] = advance;
      positions[i] = { xAdvance: advance, yAdvance: 0, xOffset: 0, yOffset: 0 };
    }
    // As fontkit: each pair lookup in turn over the word; the first subtable that applies wins.
    for (const subtables of this.pairs) {
      for (let i = 0; i + 1 < n; i++) {
        for (const pairValue of subtables) {
          const value = pairValue(ids[i]!, ids[i + 1]!);
          if (!value) continue;
          adjust(positions[i]!, value.value1);
          adjust(positions[i + 1]!, value.value2);
          break;
        }
      }
    }
    // fontkit asks for each character's glyph in order, then for the space glyph (to hide ignorables).
    const created: [number, number[]][] = [];
    let space = false;
    for (let i = 0; i < n; i++) {
      const id = ids[i]!;
      if (id === this.space) space = true;
      if (ids.indexOf(id) === i) created.push([id, [text.charCodeAt(i)]]);
    }
    if (!space) created.push([this.space, [0x20]]);
    return { ids, positions, advances, created };
  }

  /** Remembers a character's glyph if it may be in a simple word, else 0. */
  private learn(code: number): number {
    const glyph = inSimpleRange(code) ? this.font._cmapProcessor.lookup(code) : 0;
    const simple = this.simple.has(glyph) ? glyph : 0;
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

function matches(pattern: Pattern, ids: readonly number[], at: number): boolean {
  if (at + pattern.length > ids.length) return false;
  for (let k = 0; k < pattern.length; k++) if (!pattern[k]!.has(ids[at + k]!)) return false;
  return true;
}

/** The lookups fontkit applies for a script choice, in its order (by index, duplicates kept). */
function lookupIndexes(table: LayoutTable, choice: readonly string[]): number[] {
  const entry = choice.map((tag) => table.scriptList.find((s) => s.tag === tag)).find((s) => s !== undefined);
  const langSys = entry?.script.defaultLangSys;
  if (!langSys) return [];
  const features = new Map<string, number[]>();
  for (const index of langSys.featureIndexes) {
    const record = table.featureList[index];
    if (record) features.set(record.tag, record.feature.lookupListIndexes);
  }
  return DEFAULT_FEATURES.flatMap((tag) => features.get(tag) ?? []).sort((a, b) => a - b);
}

function lookupType(lookup: Lookup): number {
  const first = [...lookup.subTables][0];
  return lookup.lookupType === 7 || lookup.lookupType === 9 ? (first?.lookupType ?? lookup.lookupType) : lookup.lookupType;
}

function unwrap(table: Subtable): Subtable {
  return table.extension ?? table;
}

/**
 * Records what a substitution or a non-pair positioning lookup could do to simple glyphs: the
 * glyphs it changes wherever they are go to `blocked`, the sequences it changes (ligatures,
 * contexts of format 3, of which only the input and what follows is kept) to `patterns`.
 * Anything it cannot bound that way blocks all the glyphs it covers.
 */
function analyse(lookup: Lookup, table: 'GSUB' | 'GPOS', candidates: ReadonlySet<number>, blocked: Set<number>, patterns: Pattern[]): void {
  const skipsGlyphs = lookup.flags.flags.ignoreBaseGlyphs || lookup.flags.flags.ignoreLigatures;
  const type = lookupType(lookup);
  const context = table === 'GSUB' ? type === 5 || type === 6 : type === 7 || type === 8;
  const block = (coverage: Coverage | undefined) => {
    for (const g of candidates) if (coverage && coverageIndex(coverage, g) >= 0) blocked.add(g);
  };
  for (const raw of lookup.subTables) {
    const sub = unwrap(raw);
    if (table === 'GSUB' && type === 4 && !skipsGlyphs && sub.coverage && sub.ligatureSets) {
      for (const g of candidates) {
        const index = coverageIndex(sub.coverage, g);
        if (index < 0) continue;
        for (const ligature of sub.ligatureSets.get(index)) patterns.push([new Set([g]), ...ligature.components.map((c) => new Set([c]))]);
      }
    } else if (context && sub.version === 3 && !skipsGlyphs) {
      const input = sub.inputCoverage ?? sub.coverages ?? [];
      patterns.push([...input, ...(sub.lookaheadCoverage ?? [])].map((c) => new Set([...candidates].filter((g) => coverageIndex(c, g) >= 0))));
    } else if (table === 'GPOS' && (type === 4 || type === 5)) {
      block(sub.markCoverage);
    } else if (table === 'GPOS' && type === 6) {
      block(sub.mark1Coverage);
    } else {
      block(sub.coverage);
      for (const c of [...(sub.inputCoverage ?? []), ...(sub.coverages ?? [])]) block(c);
    }
  }
}

/** A pair subtable as a function of the glyph pair, with fontkit's rules and memoised reads. */
function pairTable(sub: Subtable): (first: number, second: number) => PairValue {
  const coverage = sub.coverage!;
  if (sub.version === 1) {
    const sets = new Map<number, Map<number, PairValue>>();
    return (first, second) => {
      let set = sets.get(first);
      if (!set) {
        set = new Map();
        const index = coverageIndex(coverage, first);
        if (index >= 0) for (const pair of sub.pairSets!.get(index)) if (!set.has(pair.secondGlyph)) set.set(pair.secondGlyph, pair);
        sets.set(first, set);
      }
      return set.get(second);
    };
  }
  const covered = new Map<number, boolean>();
  const firstClass = new Map<number, number>();
  const secondClass = new Map<number, number>();
  const values = new Map<number, PairValue>();
  return (first, second) => {
    let inCoverage = covered.get(first);
    if (inCoverage === undefined) covered.set(first, (inCoverage = coverageIndex(coverage, first) >= 0));
    if (!inCoverage) return undefined;
    let class1 = firstClass.get(first);
    if (class1 === undefined) firstClass.set(first, (class1 = classOf(sub.classDef1!, first)));
    let class2 = secondClass.get(second);
    if (class2 === undefined) secondClass.set(second, (class2 = classOf(sub.classDef2!, second)));
    const key = class1 * 0x10000 + class2;
    let value = values.get(key);
    if (value === undefined) values.set(key, (value = sub.classRecords!.get(class1).get(class2)));
    return value;
  };
}
