/**
 * Word layouts kept between processes. Shaping a word with fontkit costs about 0.4 ms the first
 * time, and a report has a few thousand distinct words, so a cold build spends much of its layout
 * time shaping the same words as the build before. The glyphs and positions fontkit gave each
 * word are stored in a file per font, named by the SHA-256 of the font file and the versions of
 * rapportverk and fontkit, so a changed font or tool never reads another's layouts. Deleting the
 * folder is always safe: words are shaped again. The folder is $RAPPORTVERK_CACHE_DIR, else
 * rapportverk/ in $XDG_CACHE_HOME or ~/.cache.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { threadId } from 'node:worker_threads';
import { join } from 'node:path';
import { packageFile } from '../../frame/paths.js';

/** A glyph as fontkit makes it (only what pdfkit reads). */
interface Glyph {
  id: number;
  codePoints: number[];
}

/** A glyph's position in a laid-out word, in pdfkit's units (already scaled to 1000 per em). */
interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** A laid-out word as pdfkit caches it. */
export interface WordRun {
  glyphs: Glyph[];
  positions: Position[];
  advanceWidth: number;
}

/** A font that can make glyphs by id (fontkit's). */
export interface GlyphMaker {
  getGlyph(id: number, codePoints: number[]): Glyph;
}

/** One glyph of a stored word: id, code points, x advance, y advance, x offset, y offset, advance width. */
type StoredGlyph = [number, number[], number, number, number, number, number];

/** The stored words of one font file, and how many there were when they were read. */
interface Stored {
  file: string;
  count: number;
}

const stored = new WeakMap<Record<string, unknown>, Stored>();

/** The folder of the stored layouts. */
function folder(): string {
  const env = process.env;
  return env.RAPPORTVERK_CACHE_DIR || join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'rapportverk');
}

/** The tool's version and the fontkit and pdfkit it pins, which together decide how words are shaped. */
function versions(): string {
  const pkg = JSON.parse(readFileSync(packageFile, 'utf8')) as { version: string; dependencies: Record<string, string> };
  return `rapportverk-${pkg.version}-fontkit-${pkg.dependencies['fontkit'] ?? ''}-pdfkit-${pkg.dependencies['pdfkit'] ?? ''}`;
}

/**
 * Fills `words`, a font's empty word layout cache, with the layouts stored for the font file
 * `bytes`, making each glyph with `font`. Nothing stored, or a file that cannot be read, leaves it empty.
 */
export function loadWords(words: Record<string, unknown>, bytes: Uint8Array, font: GlyphMaker): void {
  const digest = createHash('sha256').update(bytes).digest('hex');
  const file = join(folder(), `words-${digest}-${versions()}.json`);
  let runs: [string, WordRun][] = [];
  try {
    runs = (JSON.parse(readFileSync(file, 'utf8')) as [string, StoredGlyph[]][]).map(([word, glyphs]) => [word, wordRun(glyphs, font)]);
  } catch {
    // Missing, or not what this version writes: the words are shaped again, and stored anew.
    runs = [];
  }
  for (const [word, run] of runs) words[word] = run;
  stored.set(words, { file, count: runs.length });
}

function wordRun(glyphs: StoredGlyph[], font: GlyphMaker): WordRun {
  const run: WordRun = { glyphs: [], positions: [], advanceWidth: 0 };
  for (const [id, codePoints, xAdvance, yAdvance, xOffset, yOffset, advanceWidth] of glyphs) {
    if (typeof id !== 'number' || !Array.isArray(codePoints)) throw new Error('not a stored glyph');
    run.glyphs.push(font.getGlyph(id, codePoints));
    run.positions.push({ xAdvance, yAdvance, xOffset, yOffset, advanceWidth });
    // Summed in order, as fontkit's GlyphRun sums them.
    run.advanceWidth += xAdvance;
  }
  return run;
}

/** Stores each font's word layouts that gained words since they were read. Failing to write is harmless. */
export function saveWords(caches: Iterable<Record<string, unknown>>): void {
  for (const words of caches) {
    const info = stored.get(words);
    const names = Object.keys(words);
    if (!info || names.length === info.count) continue;
    const entries = names.map((word) => {
      const run = words[word] as WordRun;
      return [word, run.glyphs.map((g, i) => {
        const p = run.positions[i] as Position;
        return [g.id, g.codePoints, p.xAdvance, p.yAdvance, p.xOffset, p.yOffset, p.advanceWidth] satisfies StoredGlyph;
      })];
    });
    // The PDF worker and the main thread share a process id; the thread id keeps their files apart.
    const tmp = `${info.file}.${process.pid}.${threadId}.tmp`;
    try {
      mkdirSync(folder(), { recursive: true });
      writeFileSync(tmp, JSON.stringify(entries));
      renameSync(tmp, info.file);
      info.count = names.length;
    } catch {
      rmSync(tmp, { force: true });
    }
  }
}
