/**
 * The tag tree reads the way the page looks: notes after what cites them, lists that say how
 * they are numbered, contents nested by level, one paragraph per line of a broken table cell,
 * the cover title as the first heading; footnote numbers big enough to read and hit; bookmarks
 * open only at the top level.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFName, PDFNumber, type PDFObject } from 'pdf-lib';
import { fixturesDir, reportPath } from './helpers/paths.js';
import { renderFixture } from './helpers/pdf-render.js';
import { findAll, lookupDict, readPdf, text, type ReadPdf, type StructElem } from './helpers/pdf-read.js';
import { elementText, markedItems, readText } from './helpers/pdf-text.js';

const constructs = join(fixturesDir, 'pdf-all-constructs', 'report.md');
const brCells = join(fixturesDir, 'checks', 'messy', 'br-in-table-cells.md');
let all: ReadPdf;
let allBytes: Uint8Array;
let report: ReadPdf;
let reportBytes: Uint8Array;

beforeAll(async () => {
  allBytes = await renderFixture(constructs);
  all = await readPdf(allBytes);
  reportBytes = await renderFixture(reportPath);
  report = await readPdf(reportBytes);
}, 120_000);

const roles = (e: StructElem) => e.children.map((c) => c.role);

function goTo(read: ReadPdf, annot: PDFDict): string | undefined {
  const action = lookupDict(read.pdf, annot.get(PDFName.of('A')));
  return text(action?.get(PDFName.of('D')));
}

/** Every element with its parent. */
function withParents(root: StructElem): { elem: StructElem; parent: StructElem }[] {
  const out: { elem: StructElem; parent: StructElem }[] = [];
  const visit = (e: StructElem) => e.children.forEach((c) => (out.push({ elem: c, parent: e }), visit(c)));
  visit(root);
  return out;
}

describe('footnotes are read after what cites them', () => {
  test('each Note follows the block holding its reference, which links to it; the note links back', () => {
    for (const read of [all, report]) {
      const notes = withParents(read.tree).filter(({ elem }) => elem.role === 'Note');
      expect(notes.length).toBeGreaterThanOrEqual(2);
      for (const { elem: note, parent } of notes) {
        const id = note.attrs['ID'] as string;
        const index = parent.children.indexOf(note);
        // Notes cited by the same block follow it in a row.
        let block = parent.children[index - 1];
        for (let i = index - 1; block?.role === 'Note'; i--) block = parent.children[i - 1];
        expect(block, id).toBeDefined();
        expect(['Link', 'Span', 'Code']).not.toContain(block?.role);
        const refs = findAll(block as StructElem, 'Link').filter((l) => l.annots.some((a) => goTo(read, a) === id));
        expect(refs.length, id).toBeGreaterThan(0);
        const back = findAll(note, 'Link').flatMap((l) => l.annots.map((a) => goTo(read, a)));
        expect(back, id).toContain(`fnref-${id.replace(/^fn-/, '')}`);
      }
    }
  });

  test('the sentence that cites a note is read whole, then the note', async () => {
    const read = await readText(allBytes);
    const [first] = findAll(all.tree, 'Note');
    const sect = withParents(all.tree).find(({ elem }) => elem === first)?.parent as StructElem;
    const order = sect.children.map((c) => elementText(c, read));
    const cite = order.findIndex((t) => t.includes('Her er en fotnote'));
    expect(order[cite]).toMatch(/fotnote ?1 og et navn på engelsk: The Quick Brown Fox\. Samiske bokstaver/);
    expect(order[cite + 1]).toMatch(/^1 ?Den første fotnoten, med litt tekst\.$/);
  });
});

describe('lists, contents and table cells', () => {
  test('every list says how it is numbered: Decimal for numbered, Disc for bullets', () => {
    const lists = findAll(all.tree, 'L');
    expect(lists.map((l) => l.attrs['ListNumbering'])).toEqual(['Disc', 'Decimal']);
    for (const l of findAll(report.tree, 'L')) expect(['Disc', 'Decimal', 'None']).toContain(l.attrs['ListNumbering']);
  });

  test('contents entries nest by level: the TOC of a chapter sits inside its TOCI', async () => {
    const pdfText = await readText(allBytes);
    const [toc] = findAll(all.tree, 'TOC');
    const top = (toc as StructElem).children;
    expect(top.map(roles)).toEqual([['Link', 'TOC'], ['Link']]);
    const sub = (top[0] as StructElem).children[1] as StructElem;
    expect(sub.children.map((c) => elementText(c.children[0] as StructElem, pdfText))).toEqual([
      expect.stringMatching(/^1\.1 ?Lister ?\d+$/),
      expect.stringMatching(/^1\.2 ?Tabell ?\d+$/),
    ]);
  });

  test('lines a table cell breaks with <br> are separate paragraphs', async () => {
    const bytes = await renderFixture(brCells);
    const read = await readPdf(bytes);
    const pdfText = await readText(bytes);
    const cells = findAll(read.tree, 'TD');
    expect(cells.map((td) => td.children.map((p) => `${p.role}:${elementText(p, pdfText)}`))).toEqual([
      ['P:Norskopplæring', 'P:for voksne'],
      ['P:Kommunen', 'P:og staten'],
    ]);
  });
});

describe('the cover', () => {
  test('the cover title is the first H1; a label the title repeats is not read', async () => {
    const pdfText = await readText(reportBytes);
    const cover = (report.tree.children[0] as StructElem).children[0] as StructElem;
    expect(cover.children[0]?.role).toBe('H1');
    expect(elementText(cover.children[0] as StructElem, pdfText)).toBe('Rapport fra Regjeringens nasjonale integreringskonferanse 2023');
    // Letter-spaced text comes out of pdf.js with spaces between the letters.
    const read = cover.children.map((c) => elementText(c, pdfText).replace(/ /g, ''));
    expect(read.filter((t) => /^rapport/i.test(t))).toEqual(['RapportfraRegjeringensnasjonaleintegreringskonferanse2023']);
    // The label is still on the page, as decoration.
    expect(pdfText.pages[0]?.replace(/ /g, '')).toContain('RAPPORT');
  });

  test('a label the title does not repeat is read before it', async () => {
    const pdfText = await readText(allBytes);
    const cover = (all.tree.children[0] as StructElem).children[0] as StructElem;
    expect(roles(cover).slice(0, 2)).toEqual(['P', 'H1']);
    expect(elementText(cover.children[0] as StructElem, pdfText).replace(/ /g, '')).toBe('RAPPORT');
  });
});

describe('footnote references and bookmarks', () => {
  test('footnote reference numbers are at least 8 pt, with a link area at least 14 pt wide and a line tall', async () => {
    const bytes = await renderFixture(join(fixturesDir, 'pdf-footnotes', 'report.md'));
    const read = await readPdf(bytes);
    const refs = findAll(read.tree, 'Link').filter((l) => l.annots.some((a) => goTo(read, a)?.startsWith('fn-')));
    expect(refs.length).toBeGreaterThan(60);
    const keys = new Set(refs.flatMap((l) => l.mcids.map((m) => `${m.page}:${m.mcid}`)));
    const sizes = (await markedItems(bytes)).flat().filter((i) => i.str.trim() !== '' && i.keys.some((k) => k && keys.has(k)));
    expect(sizes.length).toBeGreaterThanOrEqual(refs.length);
    expect(Math.min(...sizes.map((i) => i.size))).toBeGreaterThanOrEqual(8 - 0.01);
    for (const annot of refs.flatMap((l) => l.annots)) {
      const [x1, y1, x2, y2] = (annot.get(PDFName.of('Rect')) as PDFArray).asArray().map((n) => (n as PDFNumber).asNumber()) as number[];
      expect((x2 as number) - (x1 as number)).toBeGreaterThanOrEqual(14 - 0.01);
      expect((y2 as number) - (y1 as number)).toBeGreaterThanOrEqual(12);
    }
  });

  test('bookmarks: the top level is open, deeper levels start closed, and every count is written', () => {
    const L = (v: PDFObject | undefined) => lookupDict(report.pdf, v);
    const root = L(report.catalog.get(PDFName.of('Outlines'))) as PDFDict;
    const count = (d: PDFDict) => (d.get(PDFName.of('Count')) as PDFNumber | undefined)?.asNumber();
    const items: { depth: number; count: number | undefined; kids: number }[] = [];
    const walk = (first: PDFObject | undefined, depth: number): number => {
      let n = 0;
      for (let item = L(first); item; item = L(item.get(PDFName.of('Next')))) {
        n++;
        const kids = walk(item.get(PDFName.of('First')), depth + 1);
        items.push({ depth, count: count(item), kids });
      }
      return n;
    };
    const top = walk(root.get(PDFName.of('First')), 0);
    const withKids = items.filter((i) => i.kids > 0);
    expect(withKids.filter((i) => i.depth === 0).length).toBeGreaterThan(1);
    expect(withKids.filter((i) => i.depth >= 1).length).toBeGreaterThan(1);
    for (const item of withKids) {
      if (item.depth === 0) expect(item.count).toBe(item.kids);
      else expect(item.count).toBeLessThan(0);
    }
    const open = withKids.filter((i) => i.depth === 0).reduce((sum, i) => sum + i.kids, 0);
    expect(count(root)).toBe(top + open);
  });
});
