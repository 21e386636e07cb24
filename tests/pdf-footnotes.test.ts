/**
 * Footnotes sit at the foot of the page of their reference, below the body and clear of it, in a
 * report with many notes referenced from paragraphs, list items, a table cell and a quote.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { fixturesDir } from './helpers/paths.js';
import { renderFixture } from './helpers/pdf-render.js';
import { findAll, readPdf, type StructElem } from './helpers/pdf-read.js';
import { readLines, type TextLine } from './helpers/pdf-lines.js';

const file = join(fixturesDir, 'pdf-footnotes', 'report.md');
let tree: StructElem;
let pages: TextLine[][];

beforeAll(async () => {
  const bytes = await renderFixture(file);
  tree = (await readPdf(bytes)).tree;
  pages = await readLines(bytes, tree);
});

/** Pages an element's own content and its descendants' is drawn on. */
function pagesOf(elem: StructElem): Set<number> {
  const out = new Set<number>(elem.mcids.map((m) => m.page));
  for (const child of elem.children) for (const page of pagesOf(child)) out.add(page);
  return out;
}

/** Each Note with the Link just before it in its parent: its first reference. */
function notesWithReferences(): { note: StructElem; ref: StructElem | undefined }[] {
  const out: { note: StructElem; ref: StructElem | undefined }[] = [];
  const visit = (e: StructElem) => {
    e.children.forEach((child, i) => {
      if (child.role === 'Note') out.push({ note: child, ref: e.children[i - 1] });
      visit(child);
    });
  };
  visit(tree);
  return out;
}

describe('footnotes in a report with many of them', () => {
  test('every note is drawn whole on the page where its first reference is', () => {
    const notes = notesWithReferences();
    expect(notes).toHaveLength(findAll(tree, 'Note').length);
    expect(notes.length).toBe(67);
    const misplaced = notes.flatMap(({ note, ref }) => {
      const notePages = [...pagesOf(note)];
      const refPages = ref ? [...pagesOf(ref)] : [];
      return ref?.role === 'Link' && notePages.length === 1 && refPages.length === 1 && notePages[0] === refPages[0]
        ? []
        : [`${note.attrs['ID']}: note on ${notePages.join(',')}, reference on ${refPages.join(',')}`];
    });
    expect(misplaced).toEqual([]);
  });

  test('on every page the notes are below the body, clear of it', () => {
    const bad: string[] = [];
    pages.forEach((lines, page) => {
      const runs = lines.flatMap((l) => l.runs);
      const notes = runs.filter((r) => r.note);
      const body = runs.filter((r) => !r.note);
      if (notes.length === 0 || body.length === 0) return;
      // Baselines count from the bottom of the page: the body's lowest line is above the notes' highest.
      const bodyLowest = Math.min(...body.map((r) => r.y));
      const notesHighest = Math.max(...notes.map((r) => r.y));
      if (bodyLowest - notesHighest < 20) bad.push(`page ${page + 1}: body down to ${bodyLowest}, notes up to ${notesHighest}`);
    });
    expect(bad).toEqual([]);
  });
});
