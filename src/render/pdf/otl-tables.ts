/** OpenType layout tables in the shape fontkit 2.0.4 decodes them to (the parts the fast path reads). */

export interface List<T> {
  length: number;
  get(index: number): T;
}
export type Many<T> = Iterable<T> & { length: number };
export type Coverage = { version: 1; glyphs: number[] } | { version: 2; rangeRecords: { start: number; end: number; startCoverageIndex: number }[] };
export type ClassDef = { version: 1; startGlyph: number; classValueArray: number[] } | { version: 2; classRangeRecord: { start: number; end: number; class: number }[] };
export interface ValueRecord {
  xAdvance?: number;
  yAdvance?: number;
  xPlacement?: number;
  yPlacement?: number;
}
export interface Subtable {
  version: number;
  coverage?: Coverage;
  markCoverage?: Coverage;
  mark1Coverage?: Coverage;
  // Ligatures
  ligatureSets?: List<Many<{ glyph: number; components: number[] }>>;
  // Chained contexts, format 3
  inputCoverage?: Coverage[];
  lookaheadCoverage?: Coverage[];
  coverages?: Coverage[];
  // Pair positioning
  pairSets?: List<Many<{ secondGlyph: number; value1: ValueRecord; value2: ValueRecord }>>;
  classDef1?: ClassDef;
  classDef2?: ClassDef;
  classRecords?: List<List<{ value1: ValueRecord; value2: ValueRecord }>>;
  // Extension
  lookupType?: number;
  extension?: Subtable;
}
export interface Lookup {
  lookupType: number;
  flags: { flags: { ignoreBaseGlyphs: boolean; ignoreLigatures: boolean } };
  subTables: Many<Subtable>;
}
export interface LayoutTable {
  scriptList: { tag: string; script: { defaultLangSys: { featureIndexes: number[] } | null } }[];
  featureList: { tag: string; feature: { lookupListIndexes: number[] } }[];
  lookupList: List<Lookup>;
}

/** As fontkit's `coverageIndex`: the glyph's index in the coverage, or -1. */
export function coverageIndex(coverage: Coverage, glyph: number): number {
  if (coverage.version === 1) return coverage.glyphs.indexOf(glyph);
  for (const range of coverage.rangeRecords) if (range.start <= glyph && glyph <= range.end) return range.startCoverageIndex + glyph - range.start;
  return -1;
}

/** As fontkit's `getClassID`: the glyph's class, 0 when the table does not list it. */
export function classOf(classDef: ClassDef, glyph: number): number {
  if (classDef.version === 1) {
    const i = glyph - classDef.startGlyph;
    return i >= 0 && i < classDef.classValueArray.length ? classDef.classValueArray[i]! : 0;
  }
  for (const range of classDef.classRangeRecord) if (range.start <= glyph && glyph <= range.end) return range.class;
  return 0;
}

/** Each glyph a coverage lists, with its coverage index. */
export function coveredGlyphs(coverage: Coverage): [number, number][] {
  if (coverage.version === 1) return coverage.glyphs.map((g, i) => [g, i]);
  const out: [number, number][] = [];
  for (const range of coverage.rangeRecords) for (let g = range.start; g <= range.end; g++) out.push([g, range.startCoverageIndex + g - range.start]);
  return out;
}
