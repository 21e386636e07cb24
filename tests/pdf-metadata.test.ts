import { beforeAll, describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { fixturesDir } from './helpers/paths.js';
import { renderFixture } from './helpers/pdf-render.js';
import { lookupDict, readPdf, text, type ReadPdf } from './helpers/pdf-read.js';

const fixture = join(fixturesDir, 'pdf-all-constructs', 'report.md');
let read: ReadPdf;
let bytes: Uint8Array;
let xmp: string;

beforeAll(async () => {
  bytes = await renderFixture(fixture);
  read = await readPdf(bytes);
  const metadata = read.pdf.context.lookup(read.catalog.get(PDFName.of('Metadata')) as PDFRef) as PDFRawStream;
  xmp = Buffer.from(metadata.contents).toString('utf8');
});

describe('catalog and metadata', () => {
  test('is PDF 1.7 with MarkInfo /Marked true, /Lang and DisplayDocTitle', () => {
    expect(Buffer.from(bytes.slice(0, 8)).toString()).toBe('%PDF-1.7');
    const markInfo = lookupDict(read.pdf, read.catalog.get(PDFName.of('MarkInfo')));
    expect(String(markInfo?.get(PDFName.of('Marked')))).toBe('true');
    expect(text(read.catalog.get(PDFName.of('Lang')))).toBe('nb-NO');
    const prefs = lookupDict(read.pdf, read.catalog.get(PDFName.of('ViewerPreferences')));
    expect(String(prefs?.get(PDFName.of('DisplayDocTitle')))).toBe('true');
  });

  test('XMP identifies PDF/UA-1 and carries the same title as the Info dictionary, escaped', () => {
    expect(xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(read.pdf.getTitle()).toBe('Prøverapport om alt & litt til');
    expect(xmp).toContain('<rdf:li xml:lang="x-default">Prøverapport om alt &amp; litt til</rdf:li>');
    expect(xmp).toContain('<rdf:li>Testdepartementet</rdf:li>');
    expect(xmp).toContain('<xmp:CreateDate>2024-03-01T00:00:00Z</xmp:CreateDate>');
    expect(read.pdf.getCreationDate()?.toISOString()).toBe('2024-03-01T00:00:00.000Z');
  });

  test('XMP identifies PDF/A-2a, with pdfuaid described as a PDF/A extension schema', () => {
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(xmp).toMatch(/<pdfaid:conformance>A<\/pdfaid:conformance>/);
    expect(xmp).toMatch(/<pdfaSchema:namespaceURI>http:\/\/www.aiim.org\/pdfua\/ns\/id\/<\/pdfaSchema:namespaceURI>\s*<pdfaSchema:prefix>pdfuaid</);
  });

  test('the output intent is sRGB, with the ICC profile embedded', () => {
    const intents = read.pdf.context.lookup(read.catalog.get(PDFName.of('OutputIntents'))) as PDFArray;
    expect(intents.size()).toBe(1);
    const intent = lookupDict(read.pdf, intents.get(0)) as PDFDict;
    expect(text(intent.get(PDFName.of('S')))).toBe('GTS_PDFA1');
    expect(text(intent.get(PDFName.of('OutputConditionIdentifier')))).toBe('sRGB IEC61966-2.1');
    const profile = read.pdf.context.lookup(intent.get(PDFName.of('DestOutputProfile'))) as PDFRawStream;
    expect(String(profile.dict.get(PDFName.of('N')))).toBe('3');
    // An ICC profile: 'acsp' signature at byte 36, RGB data colour space at byte 16.
    const icc = Buffer.from(decodePDFRawStream(profile).decode());
    expect(icc.toString('latin1', 36, 40)).toBe('acsp');
    expect(icc.toString('latin1', 16, 20)).toBe('RGB ');
  });

  test('every page with annotations has /Tabs /S', () => {
    for (const page of read.pdf.getPages()) {
      if ((page.node.Annots()?.size() ?? 0) > 0) expect(String(page.node.get(PDFName.of('Tabs')))).toBe('/S');
    }
  });

  test('bookmarks mirror the headings, nested by level', () => {
    const outlines = lookupDict(read.pdf, read.catalog.get(PDFName.of('Outlines'))) as PDFDict;
    const titles: string[] = [];
    const walk = (first: unknown, depth: number) => {
      let item = lookupDict(read.pdf, first as PDFRef);
      while (item) {
        titles.push(`${'  '.repeat(depth)}${text(item.get(PDFName.of('Title')))}`);
        walk(item.get(PDFName.of('First')), depth + 1);
        item = lookupDict(read.pdf, item.get(PDFName.of('Next')));
      }
    };
    walk(outlines.get(PDFName.of('First')), 0);
    expect(titles).toEqual([
      'Om dokumentet',
      'Innhold',
      '1 Innledning',
      '  1.1 Lister',
      '  1.2 Tabell',
      '2 Figurer og sitater',
    ]);
  });

  test('fonts are embedded Type0 subsets with ToUnicode and without /CIDSet; no standard-14 fonts', () => {
    const fonts = [...read.pdf.context.enumerateIndirectObjects()]
      .map(([, o]) => o)
      .filter((o): o is PDFDict => o instanceof PDFDict && text(o.get(PDFName.of('Type'))) === 'Font');
    const top = fonts.filter((f) => text(f.get(PDFName.of('Subtype'))) === 'Type0');
    expect(top.length).toBeGreaterThanOrEqual(3);
    expect(fonts.every((f) => ['Type0', 'CIDFontType2'].includes(text(f.get(PDFName.of('Subtype'))) ?? ''))).toBe(true);
    for (const font of top) {
      expect(font.get(PDFName.of('ToUnicode'))).toBeInstanceOf(PDFRef);
      const descendant = lookupDict(read.pdf, (font.get(PDFName.of('DescendantFonts')) as PDFArray).get(0));
      const descriptor = lookupDict(read.pdf, descendant?.get(PDFName.of('FontDescriptor'))) as PDFDict;
      expect(descriptor.get(PDFName.of('FontFile2'))).toBeInstanceOf(PDFRef);
      expect(descriptor.get(PDFName.of('CIDSet'))).toBeUndefined();
    }
  });

  test('is compressed with object streams', () => {
    expect(Buffer.from(bytes).toString('latin1')).toContain('/ObjStm');
  });
});
