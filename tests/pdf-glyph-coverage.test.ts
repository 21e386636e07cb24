import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fixturesDir, reportPath } from './helpers/paths.js';
import { fontFamilies, SANS, MONO } from '../src/render/pdf/fonts.js';

const require = createRequire(import.meta.url);
const fontkit = require('fontkit') as { create(b: Buffer): { hasGlyphForCodePoint(cp: number): boolean } };

/** Characters every report may use: Norwegian, Sámi and Cyrillic letters. */
const REQUIRED = 'æøåÆØÅáčđŋšŧžÁČĐŊŠŦŽабвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ–—«»“”‘’…•';

test('every character of the sources and of Norwegian, Sámi and Cyrillic has a glyph in each bundled font', () => {
  const families = fontFamilies();
  const files = [...Object.values(families[SANS]!), families[MONO]!.normal, families[MONO]!.bold];
  const text = [reportPath, join(fixturesDir, 'pdf-all-constructs', 'report.md')].map((f) => readFileSync(f, 'utf8')).join('') + REQUIRED;
  const chars = [...new Set([...text])].filter((c) => !/\s/.test(c));
  for (const file of new Set(files)) {
    const font = fontkit.create(readFileSync(file));
    const missing = chars.filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0) as number));
    expect({ file, missing }).toEqual({ file, missing: [] });
  }
});
