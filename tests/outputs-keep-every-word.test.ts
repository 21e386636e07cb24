/**
 * Nothing is lost: every word of the model appears, in order, in the PDF's tagged text, the
 * DOCX text and the web page's text, for the report, every fixture, and the real-world documents.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReport } from '../src/pipeline/load.js';
import type { ReportDocument } from '../src/model/types.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { renderDocx } from '../src/render/docx/index.js';
import { renderHtml } from '../src/render/html/index.js';
import { lostIn } from './helpers/text-presence.js';
import { loadFixture } from './helpers/pdf-render.js';
import { fixturesDir, reportPath } from './helpers/paths.js';
import { realworldDocuments } from './helpers/realworld.js';

const fixtures = ['pdf-all-constructs', 'pdf-footnotes', 'pdf-headings', 'pdf-inline-images', 'docx-all-constructs'].map((name) => join(fixturesDir, name, 'report.md'));

/**
 * The real-world documents as models, each with its own folder as root. Their check errors
 * (remote images, a .webp) do not stop the renderers, so every document with a model is rendered.
 */
function realWorld(): ReportDocument[] {
  return realworldDocuments().flatMap(({ file, root }) => {
    const { doc } = loadReport(file, { root });
    return doc ? [doc] : [];
  });
}

describe('every word of the model reaches the outputs', () => {
  it.each([reportPath, ...fixtures])('%s: PDF, DOCX and HTML', async (file) => {
    const doc = loadFixture(file);
    expect(await lostIn(doc, '.pdf', await renderPdf(doc))).toEqual([]);
    expect(await lostIn(doc, '.docx', await renderDocx(doc, { layout: 'report', pages: {} }))).toEqual([]);
    expect(await lostIn(doc, '.html', Buffer.from(renderHtml(doc)))).toEqual([]);
  }, 120_000);

  it('in the real-world documents', async () => {
    const lost: string[] = [];
    const docs = realWorld();
    for (const doc of docs) {
      for (const word of await lostIn(doc, '.pdf', await renderPdf(doc))) lost.push(`${doc.meta.title} pdf: ${word}`);
      for (const word of await lostIn(doc, '.docx', await renderDocx(doc, { layout: 'report', pages: {} }))) lost.push(`${doc.meta.title} docx: ${word}`);
      for (const word of await lostIn(doc, '.html', Buffer.from(renderHtml(doc)))) lost.push(`${doc.meta.title} html: ${word}`);
    }
    console.log(`real-world documents checked: ${docs.length}`);
    expect(docs.length).toBeGreaterThan(0);
    expect(lost).toEqual([]);
  }, 300_000);
});
