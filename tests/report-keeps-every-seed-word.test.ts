import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReport } from '../src/pipeline/load.js';
import { blockText } from '../src/model/text.js';
import { reportPath, sharedDir } from './helpers/paths.js';

/** Lower-cased runs of letters or digits: the unit both texts are compared in. */
function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A footnote as the extraction placed it at a page bottom: "1 Haugseth, J.F. (2023, …". */
const FOOTNOTE_LINE = /^\d+\s+\S.*\(\d{4}/;

/**
 * The seed's text with only extraction debris removed: lines that only repeat a URL, typed
 * heading/list/footnote numbers at line starts, bullet glyphs, and footnote markers glued to
 * the end of a sentence ("kapital.1"). Footnotes and body are returned apart, since the
 * extraction put the notes at page bottoms, mid-text.
 */
function seedWords(): { body: string[]; notes: string[] } {
  const dir = join(sharedDir, 'seed');
  const file = readdirSync(dir).find((f) => f.endsWith('.txt'));
  if (!file) throw new Error('no seed text in ../shared/seed');
  const lines = readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => !/^https?:\/\/\S+$/.test(l));
  const clean = (l: string) =>
    l.replace(/^\d+(\.\d+)*[.)]?\s+/, '').replace(/^•\s*/, '').replace(/(\p{L}[.,])\d(?=\s|$)/gu, '$1');
  return {
    body: words(lines.filter((l) => !FOOTNOTE_LINE.test(l)).map(clean).join('\n')),
    notes: words(lines.filter((l) => FOOTNOTE_LINE.test(l)).map(clean).join('\n')),
  };
}

/** Body and footnote words of the model; heading numbers are generated, so not compared. */
function modelWords(): { body: string[]; notes: string[] } {
  const { doc } = loadReport(reportPath);
  if (!doc) throw new Error('content/rapport.md did not load');
  return {
    body: words(blockText(doc.body)),
    notes: doc.footnotes.flatMap((n) => words(blockText(n.children))),
  };
}

/** Seed words not found, in order, in the model words (each with a little context). */
function missingInOrder(seed: readonly string[], model: readonly string[]): string[] {
  const missing: string[] = [];
  let at = 0;
  for (let i = 0; i < seed.length; i++) {
    const word = seed[i] as string;
    const found = model.indexOf(word, at);
    // Not found close ahead: report it with context and resume matching after it.
    if (found === -1 || found - at > 40) {
      missing.push(`${seed.slice(Math.max(0, i - 3), i).join(' ')} [${word}] ${seed.slice(i + 1, i + 4).join(' ')}`);
    } else {
      at = found + 1;
    }
  }
  return missing;
}

describe('content/rapport.md against the seed text', () => {
  const seed = seedWords();
  const model = modelWords();

  it('contains every word of the seed body, in order', () => {
    expect(seed.body.length).toBeGreaterThan(7000);
    expect(missingInOrder(seed.body, model.body)).toEqual([]);
  });

  it('contains every word of the footnotes, in order', () => {
    expect(seed.notes.length).toBeGreaterThan(10);
    expect(missingInOrder(seed.notes, model.notes)).toEqual([]);
  });
});
