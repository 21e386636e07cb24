/**
 * GPOS lookups read from the font's bytes, in the shape fontkit decodes them to, with pair sets
 * and class rows read only when asked for. fontkit decodes a whole lookup on first use, and a
 * font's kerning and mark lookups take tens of milliseconds; the fast path for simple words needs
 * their coverage and a few hundred pairs. Only what simple-words.ts reads is filled in.
 */
import type { Coverage, ClassDef, List, Lookup, Subtable, ValueRecord } from './otl-tables.js';

/** The bytes of a parsed font and where its GPOS table starts (fontkit 2.0.4). */
export interface FontBytes {
  stream: { buffer: Uint8Array };
  directory: { tables: Record<string, { offset: number } | undefined> };
}

/** The font's GPOS lookups by index, or undefined when it has no GPOS table. */
export function gposLookups(font: FontBytes): ((index: number) => Lookup) | undefined {
  const table = font.directory.tables['GPOS'];
  if (!table) return undefined;
  const { buffer } = font.stream;
  const view = new DataView(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const u16 = (at: number) => view.getUint16(at);
  const s16 = (at: number) => view.getInt16(at);
  const lookupList = table.offset + u16(table.offset + 8);
  const cache = new Map<number, Lookup>();

  const coverage = (at: number): Coverage => {
    const count = u16(at + 2);
    if (u16(at) === 1) return { version: 1, glyphs: Array.from({ length: count }, (_, i) => u16(at + 4 + 2 * i)) };
    return { version: 2, rangeRecords: Array.from({ length: count }, (_, i) => ({ start: u16(at + 4 + 6 * i), end: u16(at + 6 + 6 * i), startCoverageIndex: u16(at + 8 + 6 * i) })) };
  };
  const classDef = (at: number): ClassDef => {
    if (u16(at) === 1) return { version: 1, startGlyph: u16(at + 2), classValueArray: Array.from({ length: u16(at + 4) }, (_, i) => u16(at + 6 + 2 * i)) };
    return { version: 2, classRangeRecord: Array.from({ length: u16(at + 2) }, (_, i) => ({ start: u16(at + 4 + 6 * i), end: u16(at + 6 + 6 * i), class: u16(at + 8 + 6 * i) })) };
  };
  const coverages = (at: number, count: number, base: number): Coverage[] => Array.from({ length: count }, (_, i) => coverage(base + u16(at + 2 * i)));
  /** A value record of the given format at `at`, with its size in bytes. */
  const value = (at: number, format: number): ValueRecord => {
    const record: ValueRecord = {};
    let pos = at;
    const field = (bit: number, set: (v: number) => void) => {
      if (format & bit) {
        set(s16(pos));
        pos += 2;
      }
    };
    field(0x1, (v) => (record.xPlacement = v));
    field(0x2, (v) => (record.yPlacement = v));
    field(0x4, (v) => (record.xAdvance = v));
    field(0x8, (v) => (record.yAdvance = v));
    return record;
  };
  const size = (format: number) => 2 * countBits(format & 0xff);

  const subtable = (type: number, at: number): Subtable => {
    const format = u16(at);
    if (type === 9) {
      const inner = u16(at + 2);
      return { version: format, lookupType: inner, extension: subtable(inner, at + view.getUint32(at + 4)) };
    }
    if (type === 2) {
      const format1 = u16(at + 4);
      const format2 = u16(at + 6);
      const [size1, size2] = [size(format1), size(format2)];
      if (format === 1) {
        const pairSets: List<{ secondGlyph: number; value1: ValueRecord; value2: ValueRecord }[]> = {
          length: u16(at + 8),
          get: (index) => {
            const set = at + u16(at + 10 + 2 * index);
            return Array.from({ length: u16(set) }, (_, i) => {
              const record = set + 2 + i * (2 + size1 + size2);
              return { secondGlyph: u16(record), value1: value(record + 2, format1), value2: value(record + 2 + size1, format2) };
            });
          },
        };
        return { version: 1, coverage: coverage(at + u16(at + 2)), pairSets };
      }
      const class2Count = u16(at + 14);
      const rowSize = class2Count * (size1 + size2);
      const classRecords: List<List<{ value1: ValueRecord; value2: ValueRecord }>> = {
        length: u16(at + 12),
        get: (class1) => ({
          length: class2Count,
          get: (class2) => {
            const record = at + 16 + class1 * rowSize + class2 * (size1 + size2);
            return { value1: value(record, format1), value2: value(record + size1, format2) };
          },
        }),
      };
      return { version: 2, coverage: coverage(at + u16(at + 2)), classDef1: classDef(at + u16(at + 8)), classDef2: classDef(at + u16(at + 10)), classRecords };
    }
    if (type === 4 || type === 5 || type === 6) {
      const marks = coverage(at + u16(at + 2));
      return type === 6 ? { version: format, mark1Coverage: marks } : { version: format, markCoverage: marks };
    }
    if ((type === 7 || type === 8) && format === 3) {
      if (type === 7) return { version: 3, coverages: coverages(at + 6, u16(at + 2), at) };
      const backtrack = u16(at + 2);
      const inputAt = at + 4 + 2 * backtrack;
      const input = u16(inputAt);
      const lookaheadAt = inputAt + 2 + 2 * input;
      return { version: 3, inputCoverage: coverages(inputAt + 2, input, at), lookaheadCoverage: coverages(lookaheadAt + 2, u16(lookaheadAt), at) };
    }
    // Single (1), cursive (3) and contexts of formats 1 and 2 (7, 8) start with their coverage.
    return { version: format, coverage: coverage(at + u16(at + 2)) };
  };

  return (index) => {
    let lookup = cache.get(index);
    if (!lookup) {
      const at = lookupList + u16(lookupList + 2 + 2 * index);
      const type = u16(at);
      const flag = u16(at + 2);
      const subTables = Array.from({ length: u16(at + 4) }, (_, i) => subtable(type, at + u16(at + 6 + 2 * i)));
      lookup = { lookupType: type, flags: { flags: { ignoreBaseGlyphs: (flag & 0x2) !== 0, ignoreLigatures: (flag & 0x4) !== 0 } }, subTables };
      cache.set(index, lookup);
    }
    return lookup;
  };
}

function countBits(n: number): number {
  let count = 0;
  for (let x = n; x; x >>= 1) count += x & 1;
  return count;
}
