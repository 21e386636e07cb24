/**
 * Code blocks, tables, lists and quotes in a footnote. A note holding a short code block or a
 * small table was always split: the block went to the foot of the next page, which then held
 * nothing else. A note holding a code block or a table taller than a page stopped the build with
 * "Footnote layout did not settle". Now a block that fits stays with its note, and a taller one is
 * cut between lines, rows or blocks, each part at the foot of the next page, in reading order.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect, test } from 'vitest';
import { loadReportText } from '../src/pipeline/load.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { lostIn } from './helpers/text-presence.js';

const front = '---\ntitle: Notar med blokker\nlang: nn\ndate: 2026-01-01\n---\n\n# Innleiing\n';

/** Indents Markdown into a footnote's body. */
const inNote = (markdown: string): string => markdown.split('\n').join('\n    ');

async function pagesOf(source: string): Promise<{ pages: string[]; lost: string[] }> {
  const { doc } = loadReportText('/tmp/notar.md', source);
  if (!doc) throw new Error('the document did not load');
  const bytes = await renderPdf(doc);
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const items = (await (await pdf.getPage(n)).getTextContent()).items;
    pages.push(items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return { pages, lost: await lostIn(doc, '.pdf', bytes) };
}

test('a note with a short code block and a small table stays whole on the page of its reference', async () => {
  const source = [
    front,
    'Ein setning med kode i notane.[^kode] Og ein med ein tabell.[^tabell]\n',
    'Meir tekst etter.\n',
    `[^kode]: Noten viser eit kort døme:\n\n    ${inNote('```sh\nnpm ci\nnpm test\n```')}\n`,
    `[^tabell]: Noten har ein liten tabell:\n\n    ${inNote('| Fylke | Tal |\n| --- | ---: |\n| Agder | 12 |\n| Troms | 7 |')}\n`,
  ].join('\n');
  const { pages, lost } = await pagesOf(source);
  expect(lost).toEqual([]);
  const body = pages.findIndex((text) => text.includes('Ein setning med kode'));
  expect(body).toBeGreaterThan(0);
  for (const part of ['Noten viser', 'npm ci', 'npm test', 'Noten har ein liten tabell', 'Fylke', 'Agder', 'Troms']) {
    expect(pages[body], part).toContain(part);
  }
  // Nothing of the notes is left for a page of its own.
  expect(pages.length).toBe(body + 1);
}, 120_000);

test('a note with code, a table, a list and a quote taller than a page is cut between lines, rows and blocks, in order', async () => {
  const lines = Array.from({ length: 90 }, (_, i) => `linje ${i} = ${i * 7};`);
  const rows = Array.from({ length: 70 }, (_, i) => `| rad ${i} | verdi ${i * 3} |`);
  const items = Array.from({ length: 45 }, (_, i) => `- punkt ${i} om tenestene`);
  const quote = Array.from({ length: 30 }, (_, i) => `> sitat ${i} frå utvalet`).join('\n>\n');
  const source = [
    front,
    'Ein setning med lange notar.[^lang] Meir tekst.\n',
    `[^lang]: Noten held mykje:\n\n    ${inNote(['```', ...lines, '```'].join('\n'))}\n\n    ${inNote(['| Rad | Verdi |', '| --- | --- |', ...rows].join('\n'))}\n\n    ${inNote(items.join('\n'))}\n\n    ${inNote(quote)}\n`,
  ].join('\n');
  const { pages, lost } = await pagesOf(source);
  // The build settles, and the tagged text reads every word in order.
  expect(lost).toEqual([]);

  // On the pages, every line, row, item and paragraph comes once, in order, and parts follow on the next pages.
  const text = pages.join('\n');
  const order = (labels: string[]): void => {
    let at = -1;
    for (const label of labels) {
      const found = text.indexOf(label, at + 1);
      expect(found, label).toBeGreaterThan(at);
      expect(text.indexOf(label, found + label.length), `${label} twice`).toBe(-1);
      at = found;
    }
  };
  order([...lines.map((l) => l.split(' =')[0] as string).map((l) => `${l} =`), ...rows.map((_, i) => `rad ${i} `), ...items.map((_, i) => `punkt ${i} `), ...Array.from({ length: 30 }, (_, i) => `sitat ${i} `)]);
  // The header row is drawn once, with the first rows.
  expect(text.split('Verdi').length - 1).toBe(1);
  // Each page after the reference's holds a part: no page is left empty between them.
  const first = pages.findIndex((page) => page.includes('Ein setning med lange notar'));
  for (const [n, page] of pages.slice(first + 1).entries()) {
    expect(/linje|rad|punkt|sitat/.test(page), `page ${first + n + 2}`).toBe(true);
  }
}, 120_000);
