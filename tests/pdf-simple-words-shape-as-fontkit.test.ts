/**
 * The fast path for simple words (src/render/pdf/simple-words.ts) gives exactly what fontkit's
 * layout gives in a fresh parse: glyph ids (ligatures included), advances and offsets (kerning),
 * glyph advances and the code points each glyph is made with, for every word of the seed report and the real-world corpus
 * (as pdfkit cuts them: with and without the trailing space) and for random simple words, in
 * each face of the bundled text fonts.
 */
import * as fontkit from 'fontkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { shapeWithFontkit, type KitFont, type ShapedWord } from '../src/render/pdf/shaped-word.js';
import { simpleShaper, type ParsedFontTables } from '../src/render/pdf/simple-words.js';
import { repoRoot, reportPath } from './helpers/paths.js';
import { realworldDocuments } from './helpers/realworld.js';

const FACES = ['NotoSans-Regular', 'NotoSans-Bold', 'NotoSans-Italic', 'NotoSans-BoldItalic', 'NotoSansMono-Regular', 'NotoSansMono-Bold'];

function open(face: string): KitFont & ParsedFontTables {
  return fontkit.create(readFileSync(join(repoRoot, 'fonts', `${face}.ttf`))) as unknown as KitFont & ParsedFontTables;
}

/** Every distinct word of the sources, as pdfkit lays them out: with and without the space after. */
function corpusWords(): string[] {
  const sources = [reportPath, ...realworldDocuments().map((d) => d.file)];
  expect(sources.length).toBe(13);
  const words = new Set<string>();
  for (const file of sources) {
    for (const word of readFileSync(file, 'utf8').split(/\s+/)) {
      if (word === '') continue;
      words.add(word);
      words.add(`${word} `);
    }
  }
  return [...words];
}

/** Random words over the characters the face shapes on the fast path (seeded, so reproducible). */
function randomWords(face: ReturnType<typeof simpleShaper> & object, count: number): string[] {
  const alphabet: string[] = [];
  for (let cp = 0x20; cp < 0x2100; cp++) if (face.shape(String.fromCharCode(cp))) alphabet.push(String.fromCharCode(cp));
  expect(alphabet.length).toBeGreaterThan(150);
  let seed = 20261202;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  return Array.from({ length: count }, () => Array.from({ length: 1 + next(12) }, () => alphabet[next(alphabet.length)]!).join(''));
}

/** A shaping with the created glyphs in id order (fontkit makes them in its own order). */
function comparable(shaped: ShapedWord): ShapedWord {
  return { ...shaped, created: [...shaped.created].sort((a, b) => a[0] - b[0]) };
}

const words = corpusWords();

describe.each(FACES)('%s', (face) => {
  test('simple words shape as fontkit shapes them', () => {
    const fast = simpleShaper(open(face));
    if (!fast) throw new Error(`${face}: no fast path`);
    const reference = open(face);
    let simple = 0;
    let kerned = 0;
    let ligated = 0;
    const tried = [...words, ...randomWords(fast, 3000)];
    for (const word of tried) {
      const shaped = fast.shape(word);
      if (!shaped) continue;
      simple++;
      if (shaped.positions.some((p, i) => p.xAdvance !== shaped.advances[i] || p.xOffset !== 0)) kerned++;
      if (shaped.ids.length < word.length) ligated++;
      const expected = comparable(shapeWithFontkit(reference, word));
      // Compared as JSON first: toEqual on every word would double the test's time.
      if (JSON.stringify(comparable(shaped)) !== JSON.stringify(expected)) expect(comparable(shaped), JSON.stringify(word)).toEqual(expected);
    }
    // Most words take the fast path; in the proportional faces many are kerned and some ligated (fi, fl).
    expect(simple).toBeGreaterThan(tried.length * 0.8);
    if (!face.startsWith('NotoSansMono')) {
      expect(kerned).toBeGreaterThan(1000);
      expect(ligated).toBeGreaterThan(50);
    }
  }, 120_000);
});
