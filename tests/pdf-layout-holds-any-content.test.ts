/**
 * Nothing an author writes is lost or clipped in the PDF: wide and tall tables, long words and
 * addresses in cells, long code lines and soft hyphens. Each case is generated Markdown; the
 * assertions read the real PDF: every word of the model in the tagged text, in order, and no
 * text drawn outside its page's text column (in the margins or off the page).
 */
import { describe, expect, it } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadReportText } from '../src/pipeline/load.js';
import type { ReportDocument } from '../src/model/types.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { lostWords, pdfTaggedText } from './helpers/text-presence.js';
import { findAll, readPdf } from './helpers/pdf-read.js';
import { elementText, readText } from './helpers/pdf-text.js';
import { inMargins, textExtents } from './helpers/pdf-extents.js';

const WORDS = ['rapport', 'tiltak', 'integrering', 'kommune', 'fylke', 'statistikk', 'innvandrere', 'deltakelse', 'arbeidsliv'];

/** `n` words, deterministic. */
function prose(n: number, seed = 1): string {
  return Array.from({ length: n }, (_, i) => WORDS[(i * 7 + seed * 3 + (i % 5)) % WORDS.length]).join(' ');
}

function table(head: string[], rows: string[][], align?: string[]): string {
  return [head, align ?? head.map(() => '---'), ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

function load(body: string): ReportDocument {
  const { doc, diagnostics } = loadReportText('layout.md', `---\ntitle: Oppsett\nlang: nb\n---\n\n# Kapittel\n\nInnledning.\n\n${body}\n\nEtter innholdet.\n`);
  if (!doc) throw new Error(JSON.stringify(diagnostics));
  return doc;
}

interface Drawn {
  pages: { width: number; height: number; text: string }[];
  /** Text pieces drawn (partly) outside their page or in its left or right margin. */
  outside: string[];
}

/** Every page's size and text, and the text drawn outside a page's text column. */
async function drawn(bytes: Uint8Array): Promise<Drawn> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: Drawn['pages'] = [];
  const outside = inMargins(await textExtents(bytes), 'report');
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const [, , width, height] = page.view as [number, number, number, number];
    let text = '';
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item)) continue;
      text += item.str + (item.hasEOL ? '\n' : ' ');
      const y = item.transform[5] as number;
      if (item.str.trim() && (y < 0 || y > height)) outside.push(`page ${n}: ${item.str}`);
    }
    pages.push({ width, height, text });
  }
  await pdf.destroy();
  return { pages, outside };
}

async function render(body: string) {
  const doc = load(body);
  const bytes = await renderPdf(doc);
  return { doc, bytes, drawn: await drawn(bytes), lost: lostWords(doc, await pdfTaggedText(bytes)) };
}

describe('tables that fit', () => {
  it('six columns of short text and a six-column statistics table keep every cell inside the page', async () => {
    const short = table(['K1', 'K2', 'K3', 'K4', 'K5', 'K6'], Array.from({ length: 6 }, () => [1, 2, 3, 4, 5, 6].map((c) => `C${c}X kort tekst her`)));
    const stats = table(
      ['Fylke', 'Innbyggere 2022', 'Innvandrere', 'Andel (%)', 'Endring fra 2021', 'Sysselsatte innvandrere (%)'],
      Array.from({ length: 10 }, (_, i) => [`Vestfold og Telemark ${i}`, '1 234 567', '123 456', '12,3', '+1,2', '67,8']),
      ['---', '--:', '--:', '--:', '--:', '--:'],
    );
    const { drawn: out, lost } = await render(`${short}\n\n${stats}`);
    expect(lost).toEqual([]);
    expect(out.outside).toEqual([]);
    expect(out.pages.some((p) => p.text.includes('C6X'))).toBe(true);
  });

  it('a column of short entries beside a column of prose keeps each entry on one line', async () => {
    const times = Array.from({ length: 6 }, (_, i) => `Kl. 1${i}:00 – 1${i}:30`);
    const { drawn: out, lost } = await render(table(['Tid', 'Programpost'], times.map((time, i) => [time, prose(40, i)])));
    expect(lost).toEqual([]);
    const text = out.pages.map((p) => p.text).join('\n');
    // Each time is one line of the page: its pieces are joined by spaces, never by a line end.
    expect(times.filter((time) => !new RegExp(time.replace(/[.]/g, '\\.').replace(/ /g, ' +')).test(text))).toEqual([]);
    expect(text).toMatch(/rapport|tiltak/);
  });

  it.each([15, 30])('%i columns fit: smaller type, then a landscape page for the table alone', async (columns) => {
    const head = Array.from({ length: columns }, (_, c) => `Kolonne ${c + 1}`);
    const rows = Array.from({ length: 5 }, (_, r) => head.map((_, c) => `${(r * 37 + c * 11) % 1000} verdi`));
    const { drawn: out, lost } = await render(table(head, rows));
    expect(lost).toEqual([]);
    expect(out.outside).toEqual([]);
    const landscape = out.pages.filter((p) => p.width > p.height);
    expect(landscape.length).toBeGreaterThan(0);
    expect(landscape.every((p) => /Kol/.test(p.text))).toBe(true);
    // The text after the table is back on an upright page.
    const after = out.pages.find((p) => p.text.includes('Etter innholdet'));
    expect(after && after.height > after.width).toBe(true);
  });

  it('a cell of 120 lines splits across pages, with the header row repeated', async () => {
    const tall = Array.from({ length: 120 }, (_, i) => `linje ${i + 1}`).join('<br>');
    const { drawn: out, lost } = await render(table(['Overskrift', 'Annen'], [[tall, 'kort'], ['neste', 'rad']]));
    expect(lost).toEqual([]);
    const withTable = out.pages.filter((p) => /linje \d+/.test(p.text));
    expect(withTable.length).toBeGreaterThan(1);
    expect(withTable.every((p) => p.text.includes('Overskrift'))).toBe(true);
  });

  it('a cell of 1,500 words splits across pages and loses nothing', async () => {
    const { drawn: out, lost } = await render(table(['Tekst', 'Merknad'], [[prose(1500), 'kort']]));
    expect(lost).toEqual([]);
    expect(out.outside).toEqual([]);
    expect(out.pages.filter((p) => p.text.includes('Tekst')).length).toBeGreaterThan(2);
  });

  it('a 400-character address and a 400-character word in cells break, the address after / first', async () => {
    const url = `https://example.org/${Array.from({ length: 30 }, (_, i) => `del${i}-side.x`).join('/')}`;
    const word = 'a'.repeat(400);
    const { drawn: out, lost } = await render(table(['Lenke', 'Ord'], [[`<${url}>`, word]]));
    expect(lost).toEqual([]);
    expect(out.outside).toEqual([]);
    // Lines of the address end at a break character, not in the middle of a segment.
    const lines = out.pages.flatMap((p) => p.text.split('\n')).filter((l) => l.includes('del') && l.includes('side'));
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines.slice(0, -1)) expect(line.trim()).toMatch(/[/\-.?]$|a+$/);
  });

  it('an HTML table of 120 rows with cells spanning 7 rows across page breaks keeps every row in step', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => {
      const group = i % 7 === 0 ? `<td rowspan="7">gruppe${i / 7} ${prose((i % 3) * 12, i)}</td>` : '';
      const values = i % 5 === 0 ? `<td colspan="2">bred${i}</td>` : `<td>a${i}</td><td>b${i}</td>`;
      return `<tr><td>rad${i}</td>${group}${values}</tr>`;
    });
    const head = '<tr><th rowspan="2">Rad</th><th rowspan="2">Gruppe</th><th colspan="2">Verdier</th></tr><tr><th>A</th><th>B</th></tr>';
    const { bytes, drawn: out, lost } = await render(`<table><caption>Grupper</caption><thead>${head}</thead><tbody>\n${rows.join('\n')}\n</tbody></table>`);
    expect(lost).toEqual([]);
    expect(out.outside).toEqual([]);
    expect(out.pages.filter((p) => /rad\d+/.test(p.text)).length).toBeGreaterThan(3);
    // Consecutive rows on a page stand one row apart: no gap opens under a cell spanning rows.
    const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
    const gaps: number[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const items = (await (await pdf.getPage(n)).getTextContent()).items;
      const ys = items.flatMap((item) => ('str' in item && /^rad\d+$/.test(item.str) ? [item.transform[5] as number] : []));
      for (let i = 1; i < ys.length; i++) gaps.push((ys[i - 1] as number) - (ys[i] as number));
    }
    await pdf.destroy();
    expect(gaps.length).toBeGreaterThan(100);
    expect(Math.max(...gaps)).toBeLessThan(1.5 * Math.min(...gaps));
  });
});

describe('code and soft hyphens', () => {
  it('a 300-character code line wraps with a continuation mark that is not in the tagged text', async () => {
    const long = `const x = "${'abcdefghij'.repeat(30)}";`;
    const { bytes, drawn: out, lost } = await render(`\`\`\`\n${long}\nkort linje\n\`\`\``);
    expect(lost).toEqual([]);
    expect(out.outside).toEqual([]);
    expect(out.pages.some((p) => p.text.includes('→'))).toBe(true);
    const [{ tree }, text] = await Promise.all([readPdf(bytes), readText(bytes)]);
    const [code] = findAll(tree, 'Code');
    expect(code).toBeDefined();
    expect(elementText(code as never, text).replace(/\s+/g, '')).toBe(`${long}kort linje`.replace(/\s+/g, ''));
  });

  it('a soft hyphen where a line breaks draws a hyphen', async () => {
    const word = 'Arbeids\u00admarkeds\u00addeltakelse';
    const { drawn: out, lost } = await render(table(['A', 'B', 'C', 'D', 'E', 'F', 'G'], [Array.from({ length: 7 }, () => `${word} ${word}`)]));
    expect(lost).toEqual([]);
    expect(out.pages.some((p) => /Arbeids\u2010/.test(p.text))).toBe(true);
  });
});

describe('footnotes that continue', () => {
  it('a 700-word note continues at the foot of the next page; its reference and paragraph stay', async () => {
    const body = `Avsnittet som viser til noten.[^lang] Mer tekst etter henvisningen.\n\n${Array.from({ length: 12 }, (_, i) => prose(80, i)).join('\n\n')}\n\n[^lang]: Notestart ${prose(700, 9)} noteslutt.`;
    const { doc, bytes, drawn: out, lost } = await render(body);
    expect(doc.footnotes).toHaveLength(1);
    expect(lost).toEqual([]);
    const refPage = out.pages.findIndex((p) => p.text.includes('Avsnittet som viser til noten'));
    const startPage = out.pages.findIndex((p) => p.text.includes('Notestart'));
    const endPage = out.pages.findIndex((p) => p.text.includes('noteslutt'));
    expect(refPage).toBeGreaterThan(-1);
    expect(startPage).toBe(refPage);
    expect(endPage).toBeGreaterThan(startPage);
    // The note is read as one Note element, whatever pages it is drawn on.
    const { tree } = await readPdf(bytes);
    expect(findAll(tree, 'Note')).toHaveLength(1);
  });
});
