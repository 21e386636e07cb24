import { beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { PDFName } from 'pdf-lib';
import { fixturesDir } from './helpers/paths.js';
import { renderFixture } from './helpers/pdf-render.js';
import { findAll, goToTargets, lookupDict, namedDestinations, readPdf, text, type ReadPdf, type StructElem } from './helpers/pdf-read.js';

const fixture = join(fixturesDir, 'pdf-all-constructs', 'report.md');
let read: ReadPdf;
let doc: StructElem;

beforeAll(async () => {
  read = await readPdf(await renderFixture(fixture));
  doc = read.tree.children[0] as StructElem;
});

const roles = (e: StructElem) => e.children.map((c) => c.role);

describe('the structure tree of a report with every construct', () => {
  test('has one Document root with language, cover, colophon, contents and chapter sections', () => {
    expect(read.tree.children.map((c) => c.role)).toEqual(['Document']);
    expect(doc.attrs['Lang']).toBe('nb-NO');
    expect(roles(doc)).toEqual(['Sect', 'Sect', 'Sect', 'Sect', 'Sect']);
  });

  test('headings start at H1 and never skip a level', () => {
    const headings: number[] = [];
    const visit = (e: StructElem) => {
      const m = /^H([1-6])$/.exec(e.role);
      if (m) headings.push(Number(m[1]));
      e.children.forEach(visit);
    };
    visit(doc);
    expect(headings[0]).toBe(1);
    headings.forEach((level, i) => {
      if (i > 0) expect(level).toBeLessThanOrEqual((headings[i - 1] as number) + 1);
    });
    expect(headings).toEqual([1, 1, 1, 2, 2, 1]);
  });

  test('lists are L > LI > Lbl + LBody, with the nested list inside LBody', () => {
    const [outer] = findAll(doc, 'L');
    expect(outer).toBeDefined();
    const items = (outer as StructElem).children;
    expect(items.map((i) => i.role)).toEqual(['LI', 'LI', 'LI']);
    for (const li of items) expect(roles(li)).toEqual(['Lbl', 'LBody']);
    const body = (items[1] as StructElem).children[1] as StructElem;
    expect(roles(body)).toEqual(['P', 'L']);
  });

  test('tables are Table > THead/TBody > TR > TH with /Scope, or TD', () => {
    const [table] = findAll(doc, 'Table');
    expect(roles(table as StructElem)).toEqual(['THead', 'TBody']);
    const [head, body] = (table as StructElem).children as [StructElem, StructElem];
    expect(head.children).toHaveLength(1);
    for (const th of (head.children[0] as StructElem).children) {
      expect(th.role).toBe('TH');
      expect(th.attrs['Scope']).toBe('Column');
    }
    expect(body.children.map((r) => roles(r))).toEqual([
      ['TD', 'TD', 'TD'],
      ['TD', 'TD', 'TD'],
      ['TD', 'TD', 'TD'],
    ]);
  });

  test('links carry their annotation (OBJR) and the annotation has /Contents and /StructParent', () => {
    const links = findAll(doc, 'Link');
    expect(links.length).toBeGreaterThan(4);
    for (const link of links) {
      expect(link.mcids.length).toBeGreaterThan(0);
      expect(link.annots.length).toBeGreaterThan(0);
      for (const annot of link.annots) {
        expect(text(annot.get(PDFName.of('Contents')))).toBeTruthy();
        expect(annot.get(PDFName.of('StructParent'))).toBeDefined();
      }
    }
    const external = links.find((l) => l.annots.some((a) => a.toString().includes('regjeringen.no')));
    expect(external).toBeDefined();
  });

  test('each link annotation sits on the page its OBJR names', () => {
    const pages = read.pdf.getPages();
    for (const link of findAll(doc, 'Link')) {
      for (const { annot, page } of link.objrs) {
        const annots = pages[page]?.node.Annots()?.asArray() ?? [];
        expect(annots).toContain(annot);
      }
    }
  });

  test('footnotes are Notes with unique IDs, right after their reference, listed in the IDTree', () => {
    const notes = findAll(doc, 'Note');
    expect(notes.map((n) => n.attrs['ID'])).toEqual(['fn-first', 'fn-second']);
    const paragraph = findAll(doc, 'P').find((p) => p.children.some((c) => c.role === 'Note')) as StructElem;
    const i = paragraph.children.findIndex((c) => c.role === 'Note');
    expect(paragraph.children[i - 1]?.role).toBe('Link');
    const root = lookupDict(read.pdf, read.catalog.get(PDFName.of('StructTreeRoot')));
    expect(String(root?.get(PDFName.of('IDTree')))).toContain('fn-first');
  });

  test('the figure has /Alt; the decorative image is not in the tree', () => {
    const figures = findAll(doc, 'Figure');
    expect(figures).toHaveLength(1);
    expect(figures[0]?.attrs['Alt']).toBe('Søylediagram med tre søyler: 60, 35 og 80.');
    expect(findAll(doc, 'Caption').length).toBeGreaterThanOrEqual(1);
  });

  test('the language span is a Span with /Lang', () => {
    const spans = findAll(doc, 'Span');
    expect(spans.map((s) => s.attrs['Lang'])).toEqual(['en']);
  });

  test('block quote, code and the table of contents have their own elements', () => {
    expect(findAll(doc, 'BlockQuote')).toHaveLength(1);
    expect(findAll(doc, 'Code').length).toBeGreaterThanOrEqual(2);
    const [toc] = findAll(doc, 'TOC');
    expect((toc as StructElem).children.every((c) => c.role === 'TOCI')).toBe(true);
    expect((toc as StructElem).children).toHaveLength(4);
    for (const toci of (toc as StructElem).children) expect(roles(toci)).toEqual(['Link']);
  });
});

describe('internal links', () => {
  test('every GoTo link (TOC entries, footnotes both ways) names a destination that exists', () => {
    const defined = namedDestinations(read);
    const targets = goToTargets(read, doc);
    expect(targets).toEqual(expect.arrayContaining(['fn-first', 'fnref-first', 'fn-second', 'fnref-second']));
    for (const target of targets) expect(defined, target).toContain(target);
  });
});
