/**
 * What a font's layout tables do to simple words under fontkit's default features (fontkit
 * 2.0.4), worked out once per font for the fast path (simple-words.ts): which glyphs a simple word
 * may hold, the ligature lookups to apply in order, the sequences that make any other lookup act
 * (then fontkit shapes the word), and the pair kerning lookups. GSUB is read through fontkit's
 * parse, GPOS from the font's bytes (gpos-bytes.ts), both only as far as needed.
 */
import { gposLookups, type FontBytes } from './gpos-bytes.js';
import { classOf, coveredGlyphs, coverageIndex, type ClassDef, type Coverage, type LayoutTable, type List, type Lookup, type Many, type Subtable, type ValueRecord } from './otl-tables.js';

/** fontkit's default features for horizontal text in the default shaper. */
const DEFAULT_FEATURES = ['rvrn', 'ltra', 'ltrm', 'ccmp', 'locl', 'rlig', 'mark', 'mkmk', 'calt', 'clig', 'liga', 'rclt', 'curs', 'kern'];
/** The script records fontkit selects for Latin text and for text of common characters only. */
const SCRIPT_CHOICES = [['latn'], ['DFLT', 'dflt', 'latn']];
/**
 * Characters that may be in a simple word: Latin and common, so fontkit picks the Latin or the
 * default script record and the default shaper. Left out: default-ignorable characters (fontkit
 * hides them), the fraction slash (it turns on fraction features), marks and other scripts.
 */
export const SIMPLE_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0xac],
  [0xae, 0x24f],
  [0x2000, 0x200a],
  [0x2010, 0x2027],
  [0x202f, 0x2043],
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
export type Pattern = readonly ReadonlySet<number>[];
/** Pair adjustments for one glyph pair, or undefined when the subtable does not apply. */
export type PairValue = { value1: ValueRecord; value2: ValueRecord } | undefined;
/** A ligature lookup's subtables: the ligatures starting with a glyph, or none when it is not covered. */
export type LigatureStep = ((first: number) => Many<{ glyph: number; components: number[] }> | undefined)[];

/** The font's plan for simple words. */
export interface SimpleWordPlan {
  /** Glyphs a simple word may start from: cmap glyphs of simple characters no lookup touches alone. */
  simple: ReadonlySet<number>;
  /** Whether a glyph (a ligature made on the way) is one no lookup other than kerning touches alone. */
  plain(glyph: number): boolean;
  /** Sequences of other lookups, by their first glyph. */
  starts: ReadonlyMap<number, Pattern[]>;
  /** Ligature lookups in fontkit's order. */
  ligatures: LigatureStep[];
  /** Pair kerning lookups in fontkit's order, each as its subtables. */
  pairs: ((first: number, second: number) => PairValue)[][];
}

/** The plan for a font, or undefined when the font has tables the fast path does not model. */
export function planSimpleWords(font: ParsedFontTables): SimpleWordPlan | undefined {
  const gposLookup = gposLookups(font);
  const { GSUB: gsub, GPOS: gpos } = font;
  if (font._variationProcessor || !gsub || !gpos || !gposLookup) return undefined;
  const gsubLookup = (i: number) => gsub.lookupList.get(i);
  // fontkit applies the lookups of the chosen script record; the fast path needs both to agree.
  const [pairs, otherPairs] = SCRIPT_CHOICES.map((choice) => lookupIndexes(gpos, choice).filter((i) => lookupType(gposLookup(i)) === 2));
  if (pairs!.join() !== otherPairs!.join()) return undefined;
  const gsubLists = SCRIPT_CHOICES.map((choice) => lookupIndexes(gsub, choice));
  const gposAll = new Set(SCRIPT_CHOICES.flatMap((choice) => lookupIndexes(gpos, choice)));

  const candidates = new Set<number>();
  for (const [from, to] of SIMPLE_RANGES) for (let cp = from; cp <= to; cp++) candidates.add(font._cmapProcessor.lookup(cp));
  candidates.delete(0);
  const found: Found = { blockers: [], patterns: [] };
  const isLigatureLookup = (i: number) => lookupType(gsubLookup(i)) === 4 && !skipsGlyphs(gsubLookup(i));
  for (const i of new Set(gsubLists.flat())) if (!isLigatureLookup(i)) analyse(gsubLookup(i), 'GSUB', found);
  for (const i of gposAll) {
    const lookup = gposLookup(i);
    if (lookupType(lookup) !== 2) analyse(lookup, 'GPOS', found);
    else if (skipsGlyphs(lookup)) return undefined;
  }
  const marks = font.GDEF?.glyphClassDef;
  const plainGlyphs = new Map<number, boolean>();
  const plain = (g: number) => {
    let known = plainGlyphs.get(g);
    if (known === undefined) plainGlyphs.set(g, (known = !(marks && classOf(marks, g) === 3) && !found.blockers.some((c) => coverageIndex(c, g) >= 0)));
    return known;
  };
  const simple = new Set([...candidates].filter(plain));

  // Ligature lookups that can act on simple glyphs (or on ligatures they make), in fontkit's order.
  const ligatureIndexes = new Set(gsubLists.flat().filter(isLigatureLookup));
  const made = new Set<number>();
  for (const i of ligatureIndexes) for (const sub of subtables(gsubLookup(i))) for (const [, index] of coveredGlyphs(sub.coverage!)) for (const l of sub.ligatureSets!.get(index)) made.add(l.glyph);
  const reach = (g: number) => simple.has(g) || made.has(g);
  const live = (i: number) =>
    subtables(gsubLookup(i)).some((sub) => coveredGlyphs(sub.coverage!).some(([g, index]) => reach(g) && [...sub.ligatureSets!.get(index)].some((l) => l.components.every(reach))));
  const [steps, otherSteps] = gsubLists.map((list) => list.filter((i) => isLigatureLookup(i) && live(i)));
  if (steps!.join() !== otherSteps!.join()) return undefined;

  const starts = new Map<number, Pattern[]>();
  for (const pattern of found.patterns) {
    const sets = pattern.map((set) => new Set([...set].filter(reach)));
    if (sets.some((set) => set.size === 0)) continue;
    for (const g of sets[0]!) starts.set(g, [...(starts.get(g) ?? []), sets]);
  }
  return {
    simple,
    plain,
    starts,
    ligatures: steps!.map((i) => subtables(gsubLookup(i)).map(ligatureTable)),
    pairs: pairs!.map((i) => subtables(gposLookup(i)).map(pairTable)),
  };
}

/** What other lookups do to simple glyphs: coverages they change alone, sequences they change. */
interface Found {
  blockers: Coverage[];
  patterns: Pattern[];
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

function skipsGlyphs(lookup: Lookup): boolean {
  return lookup.flags.flags.ignoreBaseGlyphs || lookup.flags.flags.ignoreLigatures;
}

/** The lookup's type, seen through an extension (GSUB 7, GPOS 9; a GPOS context is 7 too, without a type of its own). */
function lookupType(lookup: Lookup): number {
  const first = [...lookup.subTables][0];
  return lookup.lookupType === 7 || lookup.lookupType === 9 ? (first?.lookupType ?? lookup.lookupType) : lookup.lookupType;
}

function subtables(lookup: Lookup): Subtable[] {
  return [...lookup.subTables].map((table) => table.extension ?? table);
}

/**
 * Records what a lookup other than a ligature or pair lookup could do to simple glyphs: the
 * coverages it changes alone go to `blockers`, the sequences it changes (contexts of format 3,
 * of which the input and what follows is kept) to `patterns`. A context of another format
 * blocks its coverage: it acts only where a glyph of it starts the input.
 */
function analyse(lookup: Lookup, table: 'GSUB' | 'GPOS', found: Found): void {
  const type = lookupType(lookup);
  const context = table === 'GSUB' ? type === 5 || type === 6 : type === 7 || type === 8;
  for (const sub of subtables(lookup)) {
    if (context && sub.version === 3 && !skipsGlyphs(lookup)) {
      const input = sub.inputCoverage ?? sub.coverages ?? [];
      found.patterns.push([...input, ...(sub.lookaheadCoverage ?? [])].map((c) => new Set(coveredGlyphs(c).map(([g]) => g))));
    } else if (table === 'GPOS' && (type === 4 || type === 5)) {
      found.blockers.push(sub.markCoverage!);
    } else if (table === 'GPOS' && type === 6) {
      found.blockers.push(sub.mark1Coverage!);
    } else {
      found.blockers.push(...[sub.coverage, ...(sub.inputCoverage ?? []), ...(sub.coverages ?? [])].filter((c) => c !== undefined));
    }
  }
}

/** A ligature subtable as a function of the first glyph, with memoised reads. */
function ligatureTable(sub: Subtable): LigatureStep[number] {
  const sets = new Map<number, Many<{ glyph: number; components: number[] }> | undefined>();
  return (first) => {
    if (!sets.has(first)) {
      const index = coverageIndex(sub.coverage!, first);
      sets.set(first, index >= 0 ? [...sub.ligatureSets!.get(index)] : undefined);
    }
    return sets.get(first);
  };
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
