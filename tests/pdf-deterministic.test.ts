import { expect, test } from 'vitest';
import { join } from 'node:path';
import { fixturesDir } from './helpers/paths.js';
import { loadFixture } from './helpers/pdf-render.js';
import { renderPdf } from '../src/render/pdf/index.js';

test('two builds of the same source are byte-identical', async () => {
  const file = join(fixturesDir, 'pdf-all-constructs', 'report.md');
  const first = await renderPdf(loadFixture(file));
  const second = await renderPdf(loadFixture(file));
  expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true);
});
