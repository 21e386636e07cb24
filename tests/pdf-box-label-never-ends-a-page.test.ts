/**
 * A box's label ("Merk", "Info") never ends a page: a real-world document (nais-postgres-reference)
 * had "Info" alone at the foot of a page and the box's text on the next. The label goes with the
 * first lines of what it labels, as a heading does.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { expect, test } from 'vitest';
import { loadReportText } from '../src/pipeline/load.js';
import { renderPdf } from '../src/render/pdf/index.js';

async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    pages.push((await (await pdf.getPage(n)).getTextContent()).items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  return pages;
}

test('with the box at every height near a page foot, its label stands on the page of its first lines', async () => {
  let broken = 0;
  // One more line before the box each time moves it down the page, past the foot.
  for (let lines = 18; lines <= 32; lines++) {
    const filler = Array.from({ length: lines }, (_, i) => `Linje ${i + 1} av fyllteksten.`).join('\n\n');
    const box = ':::warning Merk\nFørste linje i boksen, som er lang nok til å gå over fleire linjer i den smale boksen på sida.\n\nAndre avsnitt i boksen.\n:::';
    const source = `---\ntitle: Boks\nlang: nn\n---\n\n# Start\n\n${filler}\n\n${box}\n\nSlutt.\n`;
    const { doc } = loadReportText('/tmp/boks.md', source);
    if (!doc) throw new Error('the document did not load');
    const pages = await pageTexts(await renderPdf(doc));
    const label = pages.findIndex((text) => text.includes('Merk'));
    const first = pages.findIndex((text) => text.includes('Første linje'));
    expect(label, `${lines} lines before the box`).toBeGreaterThan(0);
    expect(first, `${lines} lines before the box`).toBe(label);
    if (pages.findIndex((text) => text.includes('Andre avsnitt')) > label) broken++;
  }
  // Some of the heights break the box itself across pages: the label holds only its first lines.
  expect(broken).toBeGreaterThan(0);
}, 120_000);
