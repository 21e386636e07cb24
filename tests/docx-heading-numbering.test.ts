/**
 * Heading numbers in the Word version come from Word's own numbering: one multilevel list linked
 * to the Heading styles, so a chapter an editor inserts is numbered and the chapters after it,
 * and the contents, renumber. Read from the XML, and proved by editing the file in LibreOffice.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixturesDir } from './helpers/paths.js';
import { paragraphs, renderFile, styles, type RenderedDocx } from './helpers/docx-read.js';
import { basicUrl, pdfText, runBasic } from './helpers/libreoffice.js';

const work = mkdtempSync(join(tmpdir(), 'docx-numbering-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let out: RenderedDocx;
beforeAll(async () => {
  out = await renderFile(join(fixturesDir, 'docx-all-constructs', 'report.md'));
});

/** The numId a style's numPr links it to, if any. */
function styleNumId(stylesXml: string, id: string): string | undefined {
  const style = styles(stylesXml).find((s) => s.id === id);
  if (!style) throw new Error(`no style ${id}`);
  return /<w:numPr>[\s\S]*?<w:numId w:val="(\d+)"/.exec(style.xml)?.[1];
}

/** The abstract numbering definition behind a numId. */
function abstractFor(numberingXml: string, numId: string): string {
  const abstractId = new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"`).exec(numberingXml)?.[1];
  const abstract = new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}"[\\s\\S]*?</w:abstractNum>`).exec(numberingXml)?.[0];
  if (!abstract) throw new Error(`no abstract numbering for numId ${numId}`);
  return abstract;
}

describe('the heading numbering in the XML', () => {
  test('Heading 1–3 are linked to one multilevel list whose levels name them; Heading 4 is not numbered', () => {
    const stylesXml = out.parts['word/styles.xml'] ?? '';
    const numIds = [1, 2, 3].map((level) => styleNumId(stylesXml, `Heading${level}`));
    expect(numIds[0]).toMatch(/^[1-9]\d*$/);
    expect(new Set(numIds).size).toBe(1);
    expect(styleNumId(stylesXml, 'Heading4')).toBeUndefined();
    const abstract = abstractFor(out.parts['word/numbering.xml'] ?? '', numIds[0] as string);
    expect(abstract).toContain('<w:multiLevelType w:val="multilevel"/>');
    const levels = [...abstract.matchAll(/<w:lvl w:ilvl="(\d)"[\s\S]*?<\/w:lvl>/g)].map((m) => ({
      text: /<w:lvlText w:val="([^"]*)"/.exec(m[0])?.[1],
      style: /<w:pStyle w:val="([^"]*)"/.exec(m[0])?.[1],
    }));
    expect(levels).toEqual([
      { text: '%1', style: 'Heading1' },
      { text: '%1.%2', style: 'Heading2' },
      { text: '%1.%2.%3', style: 'Heading3' },
    ]);
  });

  test('no heading has a typed number, and an unnumbered heading is taken out of the list', () => {
    const headings = paragraphs(out.parts['word/document.xml'] ?? '').filter((p) => p.style?.startsWith('Heading'));
    expect(headings.map((h) => h.text)).toEqual(['Forord', 'Lister', 'Nivå to', 'Nivå tre', 'Nivå fire', 'Nivå fem', 'Nivå seks', 'Tabeller', 'Figurer, sitater og kode']);
    const unnumbered = headings.filter((h) => /<w:numId w:val="0"\/>/.test(h.xml)).map((h) => h.text);
    expect(unnumbered).toEqual(['Forord']);
  });

  test('the front matter sets how many levels are numbered; 0 numbers none', async () => {
    const dir = join(work, 'levels');
    mkdirSync(dir, { recursive: true });
    const source = (numbering: number) => `---\ntitle: Nivåer\nlang: nb\nnumbering: ${numbering}\n---\n\n# Kapittel\n\n## Del\n\nTekst.\n`;
    writeFileSync(join(dir, 'one.md'), source(1));
    writeFileSync(join(dir, 'none.md'), source(0));
    const one = (await renderFile(join(dir, 'one.md'))).parts['word/styles.xml'] ?? '';
    expect(styleNumId(one, 'Heading1')).toMatch(/^[1-9]/);
    expect(styleNumId(one, 'Heading2')).toBeUndefined();
    const none = await renderFile(join(dir, 'none.md'));
    expect(styleNumId(none.parts['word/styles.xml'] ?? '', 'Heading1')).toBeUndefined();
    expect(none.parts['word/numbering.xml']).not.toContain('<w:pStyle w:val="Heading1"/>');
  });
});

test('a chapter inserted in LibreOffice is numbered, and the chapters after it and the contents renumber', () => {
  const docx = join(work, 'report.docx');
  writeFileSync(docx, out.bytes);
  const before = join(work, 'before.pdf');
  const after = join(work, 'after.pdf');
  // Open, export as it is; open again, type a new chapter title in front of "Tabeller" and split
  // the paragraph there (so the new one is a Heading 1 too), update the contents, export.
  runBasic(
    work,
    [
      `  ExportPdfAndClose(OpenHidden(${basicUrl(docx)}), ${basicUrl(before)})`,
      `  doc = OpenHidden(${basicUrl(docx)})`,
      '  paras = doc.getText().createEnumeration()',
      '  Do While paras.hasMoreElements()',
      '    p = paras.nextElement()',
      '    If p.supportsService("com.sun.star.text.Paragraph") Then',
      '      If p.getString() = "Tabeller" Then',
      '        c = doc.getText().createTextCursorByRange(p.getStart())',
      '        doc.getText().insertString(c, "Nytt kapittel", False)',
      '        doc.getText().insertControlCharacter(c, com.sun.star.text.ControlCharacter.PARAGRAPH_BREAK, False)',
      '        Exit Do',
      '      End If',
      '    End If',
      '  Loop',
      '  UpdateIndexes(doc)',
      `  ExportPdfAndClose(doc, ${basicUrl(after)})`,
    ].join('\n'),
  );
  const lines = (pdf: string) => pdfText(pdf).split('\n').map((l) => l.trim());
  const tocLine = (text: string) => new RegExp(`^${text}(?: ?\\.){3,} ?\\d+$`);

  const original = lines(before);
  expect(original).toContain('2 Tabeller');
  expect(original).toContain('3 Figurer, sitater og kode');
  expect(original).toContain('Forord');

  const edited = lines(after);
  for (const heading of ['2 Nytt kapittel', '3 Tabeller', '4 Figurer, sitater og kode']) {
    expect(edited, heading).toContain(heading);
    expect(edited.some((l) => tocLine(heading).test(l)), `contents entry ${heading}`).toBe(true);
  }
  expect(edited.some((l) => tocLine('1\\.1\\.1 Nivå tre').test(l))).toBe(true);
  expect(edited.some((l) => tocLine('Forord').test(l))).toBe(true);
  expect(edited).not.toContain('2 Tabeller');
});
