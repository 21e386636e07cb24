/**
 * Nothing is lost: every word of the model appears, in order, in the PDF's tagged text and the
 * DOCX text, for the report, every fixture, and the real-world documents.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReportText } from '../src/parse/index.js';
import type { ReportDocument } from '../src/model/types.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { renderDocx } from '../src/render/docx/index.js';
import { lostIn } from './helpers/text-presence.js';
import { loadFixture } from './helpers/pdf-render.js';
import { fixturesDir, reportPath, sharedDir } from './helpers/paths.js';

const fixtures = ['pdf-all-constructs', 'pdf-footnotes', 'pdf-headings', 'docx-all-constructs'].map((name) => join(fixturesDir, name, 'report.md'));

/** Markdown files under a folder, recursively. */
function markdownFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/**
 * The real-world documents as models (most have no front matter: they get a minimal one). Their
 * check errors (missing glyphs, a first heading below level 1, …) do not stop the renderers, so
 * every document with a model is rendered.
 */
function realWorld(): ReportDocument[] {
  return markdownFiles(join(sharedDir, 'testdata', 'realworld')).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const source = text.startsWith('---\n') ? text : `---\ntitle: ${JSON.stringify(basename(file))}\nlang: nb\n---\n\n${text}`;
    const { doc } = loadReportText(file, source);
    return doc ? [doc] : [];
  });
}

describe('every word of the model reaches the outputs', () => {
  it.each([reportPath, ...fixtures])('%s: PDF and DOCX', async (file) => {
    const doc = loadFixture(file);
    expect(await lostIn(doc, '.pdf', await renderPdf(doc))).toEqual([]);
    expect(await lostIn(doc, '.docx', await renderDocx(doc, { layout: 'report' }))).toEqual([]);
  }, 120_000);

  it('in the real-world documents', async () => {
    const lost: string[] = [];
    const docs = realWorld();
    for (const doc of docs) {
      for (const word of await lostIn(doc, '.pdf', await renderPdf(doc))) lost.push(`${doc.meta.title} pdf: ${word}`);
      for (const word of await lostIn(doc, '.docx', await renderDocx(doc, { layout: 'report' }))) lost.push(`${doc.meta.title} docx: ${word}`);
    }
    console.log(`real-world documents checked: ${docs.length}`);
    expect(docs.length).toBeGreaterThan(0);
    expect(lost).toEqual([]);
  }, 300_000);
});
