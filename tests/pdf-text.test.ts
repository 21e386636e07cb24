import { beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import type { Block } from '../src/model/types.js';
import { inlineText } from '../src/model/text.js';
import { fixturesDir, reportPath } from './helpers/paths.js';
import { loadFixture, renderFixture } from './helpers/pdf-render.js';
import { PDFName } from 'pdf-lib';
import { findAll, readPdf, text as pdfText, type StructElem } from './helpers/pdf-read.js';
import { elementText, readText, type PdfText } from './helpers/pdf-text.js';

/** Paragraph texts of the body in reading order, as the model has them. */
function modelParagraphs(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type === 'paragraph') out.push(inlineText(b.children));
    if (b.type === 'blockquote') out.push(...modelParagraphs(b.children));
    if (b.type === 'list') for (const item of b.items) out.push(...modelParagraphs(item.children));
  }
  return out;
}

const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

describe.each([
  ['the fixture with every construct', join(fixturesDir, 'pdf-all-constructs', 'report.md')],
  ['the conference report', reportPath],
])('text extracted from %s', (_name, file) => {
  let tree: StructElem;
  let text: PdfText;
  beforeAll(async () => {
    const bytes = await renderFixture(file);
    tree = (await readPdf(bytes)).tree;
    text = await readText(bytes);
  });

  test('equals the source, paragraph by paragraph', () => {
    const expected = modelParagraphs(loadFixture(file).body).map(norm);
    const chapters = tree.children[0]?.children.slice(3) ?? [];
    const paragraphs = chapters.flatMap((sect) => findAll(sect, 'P').filter((p) => !insideNote(sect, p)));
    const actual = paragraphs.map((p) => norm(elementText(p, text, (e) => e.role === 'Note' || isFootnoteRef(e))));
    expect(actual).toEqual(expected);
  });
});

function insideNote(root: StructElem, target: StructElem): boolean {
  const visit = (e: StructElem, inNote: boolean): boolean | undefined => {
    if (e === target) return inNote;
    for (const c of e.children) {
      const r = visit(c, inNote || e.role === 'Note');
      if (r !== undefined) return r;
    }
    return undefined;
  };
  return visit(root, false) ?? false;
}

/** Footnote references are links whose annotation reads "Fotnote N". */
function isFootnoteRef(e: StructElem): boolean {
  return e.role === 'Link' && e.annots.some((a) => /^Fotnote \d+$/.test(pdfText(a.get(PDFName.of('Contents'))) ?? ''));
}
