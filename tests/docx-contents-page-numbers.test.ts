/**
 * The Word version's contents show page numbers before Word updates the field: number, tab,
 * title, dot leader and the page the PDF puts the heading on. A build of the DOCX alone gives the
 * same file as a build with the PDF. LibreOffice shows the numbers as written, and after it
 * updates the contents itself, its numbers are compared with the PDF's.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readFileSync, rmSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildFile } from '../src/build/build.js';
import { reportPath } from './helpers/paths.js';
import { paragraphs, readParts } from './helpers/docx-read.js';
import { exportBeforeAndAfterEdit, pdfText } from './helpers/libreoffice.js';

const work = mkdtempSync(join(tmpdir(), 'docx-toc-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let docx: Uint8Array;
let pdf: Uint8Array;
beforeAll(async () => {
  const both = await buildFile(reportPath, { strict: false, formats: ['pdf', 'docx'], outDir: join(work, 'both') });
  const alone = await buildFile(reportPath, { strict: false, formats: ['docx'], outDir: join(work, 'alone') });
  expect([both.ok, alone.ok]).toEqual([true, true]);
  docx = readFileSync(join(work, 'both', 'rapport.docx'));
  pdf = readFileSync(join(work, 'both', 'rapport.pdf'));
  expect(readFileSync(join(work, 'alone', 'rapport.docx')).equals(docx), 'the DOCX built alone equals the one built with the PDF').toBe(true);
}, 240_000);

/** The contents entries of the DOCX as "number\ttitle\tpage" (or "title\tpage"). */
function docxEntries(): string[] {
  const xml = readParts(docx)['word/document.xml'] ?? '';
  return paragraphs(xml)
    .filter((p) => /^TOC[1-3]$/.test(p.style ?? ''))
    .map((p) => p.text);
}

/** The page (1-based) each bookmark of the PDF's outline leads to, by its title. */
async function pdfOutlinePages(): Promise<Map<string, number>> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages = new Map<string, number>();
  type Item = { title: string; dest: unknown; items: Item[] };
  const visit = async (items: Item[]): Promise<void> => {
    for (const item of items) {
      const dest = typeof item.dest === 'string' ? await doc.getDestination(item.dest) : (item.dest as unknown[] | null);
      const ref = dest?.[0];
      if (ref && typeof ref === 'object') pages.set(item.title, (await doc.getPageIndex(ref as { num: number; gen: number })) + 1);
      await visit(item.items);
    }
  };
  await visit(((await doc.getOutline()) ?? []) as Item[]);
  return pages;
}

test('each contents entry is number, tab, title, tab, and the page of the heading in the PDF', async () => {
  const entries = docxEntries();
  const outline = await pdfOutlinePages();
  expect(entries.length).toBeGreaterThan(20);
  for (const entry of entries) {
    const parts = entry.split('\t');
    const [title, page] = parts.length === 3 ? [`${parts[0]} ${parts[1]}`, parts[2]] : [parts[0], parts[1]];
    expect(parts.length === 2 || /^\d+(\.\d+)*$/.test(parts[0] ?? ''), entry).toBe(true);
    expect(Number(page), entry).toBe(outline.get(title ?? ''));
  }
});

test('the contents styles hang the number and run a dot leader to the page number at the margin', () => {
  const stylesXml = readParts(docx)['word/styles.xml'] ?? '';
  for (const level of [1, 2, 3]) {
    const style = new RegExp(`<w:style [^>]*w:styleId="TOC${level}">[\\s\\S]*?</w:style>`).exec(stylesXml)?.[0] ?? '';
    expect(style).toMatch(/<w:tab w:val="right" w:pos="9072" w:leader="dot"\/>/);
    const indent = /<w:ind w:left="(\d+)" w:hanging="(\d+)"\/>/.exec(style);
    expect(Number(indent?.[2]), `TOC${level} hangs`).toBeGreaterThan(0);
    expect(style).toContain(`<w:tab w:val="left" w:pos="${indent?.[1]}"/>`);
  }
  expect(readParts(docx)['word/settings.xml']).toContain('<w:updateFields/>');
});

test('LibreOffice shows the written page numbers, and its own after an update agree with the PDF', () => {
  const file = join(work, 'rapport.docx');
  writeFileSync(file, docx);
  const asWritten = join(work, 'written.pdf');
  const updated = join(work, 'updated.pdf');
  exportBeforeAndAfterEdit(work, file, asWritten, updated);
  // Contents lines as LibreOffice prints them, in order: the title's last line, dot leader, page.
  const contents = (text: string) => [...text.matchAll(/^(.+?)(?: ?\.){3,} ?(\d+)$/gm)].map((m) => ({ line: (m[1] ?? '').trim(), page: Number(m[2]) }));
  const expected = docxEntries().map((e) => {
    const parts = e.split('\t');
    return { title: parts.slice(0, -1).join(' '), page: Number(parts.at(-1)) };
  });
  const written = contents(pdfText(asWritten));
  expect(written.length).toBe(expected.length);
  expect(written.map((w, i) => (expected[i]?.title.endsWith(w.line) ? expected[i]?.page : `${w.line}?`))).toEqual(written.map((w) => w.page));

  const own = contents(pdfText(updated));
  expect(own.length).toBe(expected.length);
  const agree = own.filter((o, i) => expected[i]?.title.endsWith(o.line) && expected[i]?.page === o.page).length;
  // LibreOffice lays the Word file out itself; most of its page numbers equal the PDF's.
  console.log(`LibreOffice's own contents agree with the PDF's page on ${agree} of ${expected.length} entries`);
  expect(agree).toBeGreaterThanOrEqual(expected.length / 2);
}, 240_000);
