/**
 * No text of a real document is drawn in the left or right page margin, in the report or its
 * plain version: the twelve documents of ../shared/testdata/realworld (each built with its
 * folder as `--root`, and with `--draft` where it needs one) and the seed report. Their long
 * addresses, identifiers and code lines, and tables in boxes and lists, all stay in the column.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildFile, type BuildOptions } from '../src/build/build.js';
import { RenderPool } from '../src/build/lanes.js';
import type { Format } from '../src/build/formats.js';
import { realworldDocuments, type RealworldDocument } from './helpers/realworld.js';
import { inMargins, textExtents } from './helpers/pdf-extents.js';
import { repoRoot, reportPath } from './helpers/paths.js';

const FORMATS: Format[] = ['pdf', 'plain'];
const out = mkdtempSync(join(tmpdir(), 'rv-margins-'));
const pool = new RenderPool(FORMATS);

afterAll(() => {
  pool.close();
  rmSync(out, { recursive: true, force: true });
});

const seed: RealworldDocument = { name: 'rapport', root: repoRoot, file: reportPath };

/** Builds a document's PDFs as `build --root`, again as a draft if errors stop it. */
async function build(doc: RealworldDocument): Promise<string> {
  const options: BuildOptions = { outDir: join(out, doc.name), formats: FORMATS, strict: false, pool, root: doc.root };
  const result = await buildFile(doc.file, options);
  if (!result.ok) expect((await buildFile(doc.file, { ...options, draft: true })).ok).toBe(true);
  return join(out, doc.name, basename(doc.file, extname(doc.file)));
}

describe('text within the margins', () => {
  const docs = [...realworldDocuments(), seed];

  it('covers the twelve real documents and the seed', () => {
    expect(docs).toHaveLength(13);
  });

  it.each(docs.map((d) => [d.name, d]))('%s: report and plain version', async (_name, doc) => {
    const stem = await build(doc);
    const report = await textExtents(readFileSync(`${stem}.pdf`));
    const plain = await textExtents(readFileSync(`${stem}.plain.pdf`));
    expect(report.length).toBeGreaterThan(100);
    expect(plain.length).toBeGreaterThan(40);
    expect(inMargins(report, 'report')).toEqual([]);
    expect(inMargins(plain, 'easy')).toEqual([]);
  }, 120_000);
});
