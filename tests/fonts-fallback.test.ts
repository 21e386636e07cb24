/**
 * Fallback fonts: arrows, maths, symbols and emoji that Noto Sans lacks are drawn from Noto Sans
 * Math, Noto Sans Symbols 2 and Noto Emoji, embedded as subsets that hold only those characters;
 * the extracted text keeps every symbol; the DOCX names the same fonts on the same characters; the
 * glyph check no longer reports them (scripts still uncovered: tests/checks-rules.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFName, PDFRawStream, decodePDFRawStream, type PDFDocument } from 'pdf-lib';
import { fixturesDir } from './helpers/paths.js';
import { renderFixture } from './helpers/pdf-render.js';
import { findAll, lookupDict, readPdf, text, type ReadPdf } from './helpers/pdf-read.js';
import { elementText, readText, type PdfText } from './helpers/pdf-text.js';
import { paragraphs, renderFile } from './helpers/docx-read.js';
import { loadReport } from '../src/pipeline/load.js';

const fixture = join(fixturesDir, 'fonts-fallback', 'report.md');

/** One embedded font: its name, whether its file is embedded, and the characters its ToUnicode maps. */
interface EmbeddedFont {
  name: string;
  file: boolean;
  chars: string[];
}

/** Every composite font of the file, with the characters of its subset read from its ToUnicode CMap. */
function embeddedFonts(pdf: PDFDocument): EmbeddedFont[] {
  const fonts: EmbeddedFont[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || text(object.get(PDFName.of('Subtype'))) !== 'Type0') continue;
    const descendant = lookupDict(pdf, (pdf.context.lookup(object.get(PDFName.of('DescendantFonts'))) as PDFArray).get(0));
    const descriptor = lookupDict(pdf, descendant?.get(PDFName.of('FontDescriptor')));
    const cmap = pdf.context.lookup(object.get(PDFName.of('ToUnicode'))) as PDFRawStream;
    const body = Buffer.from(decodePDFRawStream(cmap).decode()).toString('latin1');
    const targets = [...body.matchAll(/\[([^\]]*)\]/g)].flatMap((m) => [...(m[1] ?? '').matchAll(/<([0-9a-f ]+)>/gi)].map((h) => (h[1] ?? '').replace(/ /g, '')));
    const chars = targets.filter((hex) => !/^0+$/.test(hex)).map((hex) => Buffer.from(hex, 'hex').swap16().toString('utf16le'));
    fonts.push({ name: text(object.get(PDFName.of('BaseFont'))) ?? '', file: descriptor?.get(PDFName.of('FontFile2')) !== undefined, chars });
  }
  return fonts;
}

describe('fallback fonts in the PDF', () => {
  let read: ReadPdf;
  let pdfText: PdfText;
  let fonts: EmbeddedFont[];

  beforeAll(async () => {
    const bytes = await renderFixture(fixture);
    read = await readPdf(bytes);
    pdfText = await readText(bytes);
    fonts = embeddedFonts(read.pdf);
  });

  it('the extracted text of each paragraph, heading and cell keeps every symbol', () => {
    const texts = ['P', 'H1', 'TD', 'Code'].flatMap((role) => findAll(read.tree, role)).map((e) => elementText(e, pdfText).replace(/\s+/g, ' ').trim());
    expect(texts).toEqual(expect.arrayContaining([
      'Fra A → B, grensen er ∞ og x ≤ 3. Sjekk: ✓ ferdig, ⚠ advarsel, ✗ feil.',
      'Fet og kursiv: Fet → pil og kursiv ≤ tegn.',
      'Emoji: 😀 og 👍 i teksten.',
      '∑',
      'sum → total',
    ]));
    expect(texts.some((t) => t.includes('kode ✓ 😀'))).toBe(true);
  });

  it('embeds every font as a subset with its file, and each fallback holds only the characters the main fonts lack', () => {
    for (const font of fonts) {
      expect(font.name).toMatch(/^[A-Z]{6}\+/);
      expect(font.file).toBe(true);
    }
    const byFamily = (family: string) => fonts.filter((f) => f.name.endsWith(`+${family}`)).flatMap((f) => f.chars).sort();
    expect(byFamily('NotoSansMath-Regular')).toEqual(['∑', '∞', '≤', '→'].sort());
    expect(byFamily('NotoSansSymbols2-Regular')).toEqual(['⚠', '✓', '✗'].sort());
    expect(byFamily('NotoEmoji-Regular')).toEqual(['👍', '😀'].sort());
    // The main fonts draw everything else, and none of the symbols.
    const main = fonts.filter((f) => /\+NotoSans(Mono)?-/.test(f.name)).flatMap((f) => f.chars);
    expect(main).toEqual(expect.arrayContaining(['F', 'r', 'å']));
    expect(main.filter((c) => /[→∞≤✓⚠✗∑]|\p{Extended_Pictographic}/u.test(c))).toEqual([]);
  });
});

describe('fallback fonts in the DOCX and the checks', () => {
  it('the DOCX gives the symbols runs of their own in the same fallback fonts', async () => {
    const { parts } = await renderFile(fixture);
    const runs = [...(parts['word/document.xml'] ?? '').matchAll(/<w:r>(?:(?!<\/w:r>)[\s\S])*?<w:rFonts w:ascii="([^"]+)"[\s\S]*?<w:t[^>]*>([^<]*)<\/w:t>/g)];
    const fonted = runs.map((m) => `${m[1]}: ${m[2]}`);
    expect(fonted).toEqual(expect.arrayContaining(['Noto Sans Math: →', 'Noto Sans Math: ∞', 'Noto Sans Symbols 2: ✓', 'Noto Emoji: 😀']));
    expect(paragraphs(parts['word/document.xml'] ?? '').map((p) => p.text)).toContain('Fra A → B, grensen er ∞ og x ≤ 3. Sjekk: ✓ ferdig, ⚠ advarsel, ✗ feil.');
  });

  it('the glyph check accepts what a fallback draws', () => {
    const { diagnostics } = loadReport(fixture);
    expect(diagnostics.filter((d) => d.rule === 'glyph-missing')).toEqual([]);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});
