import { expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import { adoptSharedFont, type DocumentFont, type ParsedFont } from '../src/render/pdf/shared-fonts.js';
import { fontsDir } from '../src/frame/paths.js';

/** A font as pdfkit makes it for one document: a fresh parse of `bytes`. */
function documentFont(bytes: Buffer): DocumentFont {
  const font = fontkit.create(bytes) as unknown as ParsedFont;
  return { name: font.postscriptName, font, subset: font.createSubset(), layoutCache: Object.create(null) as Record<string, unknown> };
}

test('documents share one parse, and one word layout cache, per font file', () => {
  const bytes = readFileSync(join(fontsDir, 'NotoSansMono-Bold.ttf'));
  const first = documentFont(bytes);
  const second = documentFont(Buffer.from(bytes));
  const firstParse = first.font;
  adoptSharedFont(first);
  adoptSharedFont(second);
  expect(first.font).toBe(firstParse);
  expect(second.font).toBe(firstParse);
  expect(second.layoutCache).toBe(first.layoutCache);
  // The subset gathers the document's own glyphs, from the parse that draws them.
  expect(second.subset).not.toBe(first.subset);
  expect((second.subset as { font: unknown }).font).toBe(firstParse);
});

test('a font file whose bytes changed is parsed anew and lays out its words anew', () => {
  const bytes = readFileSync(join(fontsDir, 'NotoSansMono-Regular.ttf'));
  const before = documentFont(bytes);
  adoptSharedFont(before);
  const changed = Buffer.from(bytes);
  // The checksum adjustment in 'head' is not read when laying out; the same name, other bytes.
  const head = changed.indexOf('head', 12, 'latin1');
  expect(head).toBeGreaterThan(0);
  const offset = changed.readUInt32BE(head + 8);
  changed.writeUInt32BE(changed.readUInt32BE(offset + 8) ^ 1, offset + 8);
  const after = documentFont(changed);
  const ownParse = after.font;
  adoptSharedFont(after);
  expect(after.font).toBe(ownParse);
  expect(after.font).not.toBe(before.font);
  expect(after.layoutCache).not.toBe(before.layoutCache);
});
