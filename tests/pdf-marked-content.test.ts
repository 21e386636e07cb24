import { beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import { fixturesDir, reportPath } from './helpers/paths.js';
import { renderFixture } from './helpers/pdf-render.js';
import { lookupDict, pageContents, readPdf, scanContent, type ReadPdf, type StructElem } from './helpers/pdf-read.js';

const fixture = join(fixturesDir, 'pdf-all-constructs', 'report.md');

function mcidsByPage(tree: StructElem): Map<number, number[]> {
  const out = new Map<number, number[]>();
  const visit = (e: StructElem) => {
    for (const { page, mcid } of e.mcids) out.set(page, [...(out.get(page) ?? []), mcid]);
    e.children.forEach(visit);
  };
  visit(tree);
  return out;
}

/** The ParentTree entry for each page: MCID → structure element reference. */
function parentTreeSizes(read: ReadPdf): Map<number, number> {
  const root = lookupDict(read.pdf, read.catalog.get(PDFName.of('StructTreeRoot'))) as PDFDict;
  const tree = lookupDict(read.pdf, root.get(PDFName.of('ParentTree'))) as PDFDict;
  const nums = tree.get(PDFName.of('Nums')) as PDFArray;
  const sizes = new Map<number, number>();
  const items = nums.asArray();
  for (let i = 0; i < items.length; i += 2) {
    const key = (items[i] as PDFNumber).asNumber();
    const value = read.pdf.context.lookup(items[i + 1] as PDFRef);
    sizes.set(key, value instanceof PDFArray ? value.size() : 1);
  }
  return sizes;
}

describe.each([
  ['the fixture with every construct', fixture],
  ['the conference report', reportPath],
])('marked content in %s', (_name, file) => {
  let read: ReadPdf;
  let contents: string[];
  beforeAll(async () => {
    read = await readPdf(await renderFixture(file));
    contents = pageContents(read.pdf);
  });

  test('no text, path, or image on any page sits outside marked content', () => {
    contents.forEach((content, page) => {
      expect({ page, unmarked: scanContent(content).unmarked }).toEqual({ page, unmarked: [] });
    });
  });

  test('every MCID on a page belongs to exactly one structure element, through the ParentTree too', () => {
    const fromTree = mcidsByPage(read.tree);
    const sizes = parentTreeSizes(read);
    read.pdf.getPages().forEach((page, index) => {
      const inStream = scanContent(contents[index] as string).mcids.sort((a, b) => a - b);
      const inTree = (fromTree.get(index) ?? []).sort((a, b) => a - b);
      expect(inTree).toEqual(inStream);
      const key = page.node.get(PDFName.of('StructParents'));
      if (inStream.length > 0) expect(sizes.get((key as PDFNumber).asNumber())).toBe(inStream.length);
    });
  });

  test('running header and footer are pagination artifacts on every page after the cover', () => {
    contents.forEach((content, page) => {
      if (page === 0) {
        expect(content).not.toContain('/Pagination');
      } else {
        expect(content).toMatch(/\/Artifact <<\s*\/Type \/Pagination\s*\/Attached \[\/Bottom\]/);
      }
    });
  });
});
