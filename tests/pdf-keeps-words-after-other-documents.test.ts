/**
 * A document's PDF does not depend on what the process rendered before it. Two generated
 * documents found by the fuzz test (seed 897262627) once broke this: when documents shared each
 * font's parse, a glyph kept the characters it was first made for, so the second document's
 * tagged text read other characters (« as a space) and lost words.
 */
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { renderPdf } from '../src/render/pdf/index.js';
import { loadFixture } from './helpers/pdf-render.js';
import { fixturesDir } from './helpers/paths.js';
import { lostIn } from './helpers/text-presence.js';
import { registeredRenderers } from './helpers/render-oracle.js';

test('a document rendered after another in the same process keeps every word in its tagged text', async () => {
  const first = loadFixture(join(fixturesDir, 'sequence', 'first.md'));
  const second = loadFixture(join(fixturesDir, 'sequence', 'second.md'));
  // The first document in every format, as a many-file build or the test oracle renders it.
  for (const [, render] of await registeredRenderers()) await render(first);
  expect(await lostIn(second, '.pdf', await renderPdf(second))).toEqual([]);
}, 120_000);
