import { beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { fixturesDir } from './helpers/paths.js';
import { renderFixture } from './helpers/pdf-render.js';
import { findAll, pageContents, readPdf, scanContent, type ReadPdf } from './helpers/pdf-read.js';

const fixture = join(fixturesDir, 'pdf-all-constructs', 'report.md');

describe("the 'easy' layout profile", () => {
  let read: ReadPdf;
  let contents: string[];
  beforeAll(async () => {
    read = await readPdf(await renderFixture(fixture, { layout: 'easy' }));
    contents = pageContents(read.pdf);
  });

  test('sets body text at 14 pt and uses more pages than the report layout', async () => {
    const body = contents.slice(3).join('\n');
    expect(body).toMatch(/\/F\d+ 14 Tf/);
    const report = await readPdf(await renderFixture(fixture));
    expect(read.pdf.getPageCount()).toBeGreaterThanOrEqual(report.pdf.getPageCount());
  });

  test('is tagged the same way', () => {
    expect(findAll(read.tree, 'Note')).toHaveLength(2);
    expect(findAll(read.tree, 'Figure')).toHaveLength(1);
    for (const content of contents) expect(scanContent(content).unmarked).toEqual([]);
  });
});
