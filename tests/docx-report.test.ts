/**
 * The Word version of the real report: what a reader (mammoth) sees, what an accessibility
 * checker looks at (title, language, heading order, table headers, alt text), and reproducibility.
 */
import { beforeAll, expect, test } from 'vitest';
import mammoth from 'mammoth';
import { reportPath } from './helpers/paths.js';
import { walk } from '../src/model/walk.js';
import { inlineText } from '../src/model/text.js';
import { paragraphs, renderFile, textOf, type RenderedDocx } from './helpers/docx-read.js';
import { loadRenderer } from '../src/build/formats.js';

let out: RenderedDocx;
let html: string;

beforeAll(async () => {
  out = await renderFile(reportPath);
  // The hidden block bookmarks (`_rv…`, for `rapportverk import`) become empty anchors in HTML; a reader sees none.
  html = (await mammoth.convertToHtml({ buffer: Buffer.from(out.bytes) })).value.replace(/<a id="_rv\d+"><\/a>/g, '');
});

test('a reader sees the headings h1–h5, the lists and the table', () => {
  for (let level = 1; level <= 5; level++) expect(html, `h${level}`).toContain(`<h${level}>`);
  expect(html).toMatch(/<ul><li>Diskriminering og ekskludering i intervjuprosesser og på arbeidsplassen\.<\/li>/);
  expect(html).toMatch(/<ol><li>Hvordan kan vi legge bedre til rette/);
  expect(html).toContain('<table><thead><tr><th><p>Tid</p></th><th><p>Programpost</p></th></tr></thead><tbody>');
  expect(html).not.toContain('Her får du en kort versjon av rapporten');
});

test('every heading of the source is a Word heading, in order, numbered by Word exactly where the source numbers it', () => {
  const expected: string[] = [];
  walk(out.doc.body, (node) => {
    if (node.type === 'heading') expected.push(`Heading${node.level} ${node.number ? '(numbered) ' : ''}${inlineText(node.children)}`);
  });
  // Heading 1–numbering carry the numbering in their style; unnumbered ones are taken out (numId 0).
  const numbered = (level: number, xml: string) => level <= out.doc.meta.numbering && !xml.includes('<w:numId w:val="0"/>');
  const seen = paragraphs(out.parts['word/document.xml'] ?? '')
    .filter((p) => p.style?.startsWith('Heading'))
    .map((p) => `${p.style} ${numbered(Number(p.style?.slice('Heading'.length)), p.xml) ? '(numbered) ' : ''}${p.text}`);
  expect(seen).toEqual(expected);
  expect(seen.length).toBeGreaterThan(60);
});

test('heading levels never skip a level going down', () => {
  const levels = paragraphs(out.parts['word/document.xml'] ?? '')
    .filter((p) => p.style?.startsWith('Heading'))
    .map((p) => Number(p.style?.slice('Heading'.length)));
  expect(levels[0]).toBe(1);
  levels.forEach((level, i) => {
    if (i > 0) expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1);
  });
});

test('title and language are set for an accessibility checker', () => {
  expect(out.parts['docProps/core.xml']).toContain(`<dc:title>${out.doc.meta.title}</dc:title>`);
  expect(out.parts['word/styles.xml']).toMatch(/<w:rPrDefault><w:rPr>[\s\S]*?<w:lang w:val="nb-NO"\/>/);
  expect(out.parts['word/document.xml']).toMatch(/<w:lang w:val="en"\/><\/w:rPr><w:t[^>]*>TUSMO Association<\/w:t>/);
});

test('tables have a repeating header row and no blank cells', () => {
  const tables = [...(out.parts['word/document.xml'] ?? '').matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
  expect(tables).toHaveLength(1);
  for (const table of tables) {
    expect(table).toMatch(/^<w:tbl>[\s\S]*?<w:tr><w:trPr><w:cantSplit\/><w:tblHeader\/>/);
    const cells = [...table.matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((m) => textOf(m[0]).trim());
    expect(cells.filter((c) => c === '')).toEqual([]);
  }
});

test('the footnotes are in footnotes.xml with their text', () => {
  const notes = out.parts['word/footnotes.xml'] ?? '';
  expect(textOf(notes)).toContain('Haugseth, J.F. (2023, 02.10). Sosial mobilitet. Store Norske Leksikon. https://snl.no/sosial_mobilitet');
  expect(textOf(notes)).toContain('Kvaale-Conateh, L.A. (2023, 16.10). Sosial utjevning.');
});

test('the build renders rapport.docx, byte-identical to an earlier build', async () => {
  const render = await loadRenderer('docx');
  const outputs = (await render?.(out.doc)) ?? [];
  expect(outputs.map((o) => o.suffix)).toEqual(['.docx']);
  expect(Buffer.from(outputs[0]?.bytes ?? []).equals(Buffer.from(out.bytes))).toBe(true);
});
