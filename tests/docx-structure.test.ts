/**
 * The Word version of a report with every construct: real styles, lists, footnotes, links,
 * images, tables, table of contents, page set-up and properties, read from the .docx XML.
 */
import { beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { fontsDir } from '../src/frame/paths.js';
import { fixturesDir } from './helpers/paths.js';
import { paragraphs, renderFile, styles, textOf, type Para, type RenderedDocx } from './helpers/docx-read.js';

const fixture = join(fixturesDir, 'docx-all-constructs', 'report.md');
let out: RenderedDocx;
let body: string;
let paras: Para[];

beforeAll(async () => {
  out = await renderFile(fixture);
  body = out.parts['word/document.xml'] ?? '';
  paras = paragraphs(body);
});

const exactly = (text: string): Para => {
  const found = paras.find((p) => p.text === text);
  if (!found) throw new Error(`no paragraph reads ${text}`);
  return found;
};

const byText = (start: string): Para => {
  const found = paras.find((p) => p.text.startsWith(start));
  if (!found) throw new Error(`no paragraph starts with ${start}`);
  return found;
};

describe('styles', () => {
  test('built-in style names are defined exactly once', () => {
    const defined = styles(out.parts['word/styles.xml'] ?? '');
    const ids = defined.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const names = defined.map((s) => s.name.toLowerCase());
    for (const name of ['Normal', 'Title', 'Subtitle', 'Quote', 'Caption', 'Footnote Text', 'TOC 1', 'TOC 2', 'TOC 3', 'Hyperlink']) {
      expect(names.filter((n) => n === name.toLowerCase())).toHaveLength(1);
    }
    for (let level = 1; level <= 6; level++) expect(names).toContain(`heading ${level}`);
  });

  test('the default font is Noto Sans, the default language the front matter locale', () => {
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(out.parts['word/styles.xml'] ?? '')?.[0] ?? '';
    expect(defaults).toContain('w:ascii="Noto Sans"');
    expect(defaults).toContain('<w:lang w:val="nb-NO"/>');
    expect(defaults).toContain('<w:widowControl/>');
    expect(out.parts['word/settings.xml']).toContain('<w:themeFontLang w:val="nb-NO"/>');
  });

  test('the easy-to-read layout has body text of at least 13 pt and generous line spacing', async () => {
    const easy = await renderFile(fixture, 'easy');
    const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(easy.parts['word/styles.xml'] ?? '')?.[0] ?? '';
    expect(Number(/<w:sz w:val="(\d+)"/.exec(defaults)?.[1]) / 2).toBeGreaterThanOrEqual(13);
    expect(Number(/<w:spacing [^>]*w:line="(\d+)"/.exec(defaults)?.[1]) / 240).toBeGreaterThanOrEqual(1.5);
    // Chapters open a new page in the report; the short easy-to-read version flows on.
    const heading1 = (xml = '') => /<w:style [^>]*w:styleId="Heading1">[\s\S]*?<\/w:style>/.exec(xml)?.[0] ?? '';
    expect(heading1(out.parts['word/styles.xml'])).toContain('<w:pageBreakBefore/>');
    expect(heading1(easy.parts['word/styles.xml'])).not.toContain('<w:pageBreakBefore/>');
  });

  test('body runs carry no direct font or size', () => {
    expect(body).not.toMatch(/<w:rFonts|<w:sz |<w:szCs /);
    expect(out.parts['word/footnotes.xml']).not.toMatch(/<w:rFonts|<w:sz /);
  });

  test('every paragraph style used is defined', () => {
    const ids = new Set(styles(out.parts['word/styles.xml'] ?? '').map((s) => s.id));
    const used = new Set([...body.matchAll(/<w:[pr]Style w:val="([^"]+)"/g)].map((m) => m[1]));
    for (const id of used) expect(ids, `style ${id}`).toContain(id);
  });
});

describe('structure', () => {
  test('cover: Title and Subtitle from the frame, then the cover lines', () => {
    expect(paras[0]).toMatchObject({ style: 'Title', text: 'Prøverapport for Word' });
    expect(paras[1]).toMatchObject({ style: 'Subtitle', text: 'Hver byggekloss i én fil' });
    expect(paras[2]).toMatchObject({ style: 'CoverText', text: 'Testdepartementet' });
  });

  test('colophon, then the contents heading in a style that is not a heading', () => {
    const colophon = paras.filter((p) => p.style === 'Colophon').map((p) => p.text);
    expect(colophon[0]).toMatch(/^Utgitt av:/);
    const contents = byText('Innhold');
    expect(contents.style).toBe('TOCHeading');
    const tocHeading = styles(out.parts['word/styles.xml'] ?? '').find((s) => s.id === 'TOCHeading');
    expect(tocHeading?.xml).toContain('<w:outlineLvl w:val="9"/>');
  });

  test('headings use Heading 1–6, without typed numbers (Word numbers them), and carry a bookmark from their id', () => {
    const headings = paras.filter((p) => p.style?.startsWith('Heading'));
    expect(headings.map((h) => [h.style, h.text])).toEqual([
      ['Heading1', 'Forord'],
      ['Heading1', 'Lister'],
      ['Heading2', 'Nivå to'],
      ['Heading3', 'Nivå tre'],
      ['Heading4', 'Nivå fire'],
      ['Heading5', 'Nivå fem'],
      ['Heading6', 'Nivå seks'],
      ['Heading1', 'Tabeller'],
      ['Heading1', 'Figurer, sitater og kode'],
    ]);
    expect(headings.find((h) => h.text === 'Tabeller')?.xml).toMatch(/<w:bookmarkStart w:name="h_tabeller"/);
  });

  test('plain-language blocks are left out', () => {
    expect(body).not.toContain('lettlest-versjonen');
  });

  test('no empty paragraphs for spacing, no typed bullets or numbers, no bold paragraphs as headings', () => {
    const empty = paras.filter((p) => p.text.trim() === '' && !/<w:drawing>/.test(p.xml));
    expect(empty.map((p) => p.xml)).toEqual([]);
    for (const p of paras) expect(p.text).not.toMatch(/^\s*([•·▪–-]\s|\d+[.)]\s)/);
    const boldOnly = paras.filter((p) => p.style === 'Normal' && /<w:b\/>/.test(p.xml) && !/<w:r>(?:(?!<w:b\/>).)*?<w:t/.test(p.xml));
    expect(boldOnly).toEqual([]);
  });
});

describe('inlines', () => {
  test('line breaks are w:br, language spans get run language', () => {
    const para = byText('Et avsnitt med');
    expect(para.text).toContain('Brown Fox.\nEtter et linjeskift');
    expect(para.xml).toMatch(/<w:lang w:val="en"\/><\/w:rPr><w:t[^>]*>The Quick Brown Fox<\/w:t>/);
  });

  test('external links are hyperlinks with their text and target', () => {
    const para = byText('Et avsnitt med');
    const link = /<w:hyperlink[^>]*r:id="([^"]+)"[^>]*>([\s\S]*?)<\/w:hyperlink>/.exec(para.xml);
    expect(textOf(link?.[2] ?? '')).toBe('regjeringen');
    expect(link?.[2]).toContain('<w:rStyle w:val="Hyperlink"/>');
    const rels = out.parts['word/_rels/document.xml.rels'] ?? '';
    expect(rels).toMatch(new RegExp(`Id="${link?.[1]}"[^>]*Target="https://www.regjeringen.no/"[^>]*TargetMode="External"`));
  });

  test('internal links go to the bookmark on the heading', () => {
    const para = byText('Et avsnitt med');
    const link = /<w:hyperlink[^>]*w:anchor="([^"]+)"[^>]*>([\s\S]*?)<\/w:hyperlink>/.exec(para.xml);
    expect(link?.[1]).toBe('h_tabeller');
    expect(textOf(link?.[2] ?? '')).toBe('kapittelet om tabeller');
  });

  test('footnotes are real footnotes at their references', () => {
    const notes = out.parts['word/footnotes.xml'] ?? '';
    const note1 = /<w:footnote w:id="1">([\s\S]*?)<\/w:footnote>/.exec(notes)?.[1] ?? '';
    expect(textOf(note1)).toContain('Den første fotnoten, med en lenke: https://snl.no/sosial_mobilitet.');
    expect(note1).toContain('<w:pStyle w:val="FootnoteText"/>');
    expect(textOf(/<w:footnote w:id="2">([\s\S]*?)<\/w:footnote>/.exec(notes)?.[1] ?? '')).toContain('Den andre fotnoten.');
    expect(byText('Et avsnitt med').xml).toContain('<w:footnoteReference w:id="1"/>');
    // The second reference to note 1 is a NOTEREF field to a bookmark on the first.
    expect(byText('Et avsnitt med').xml).toMatch(/<w:bookmarkStart w:name="_RefNote1" w:id="(\d+)"\/><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="1"\/><\/w:r><w:bookmarkEnd w:id="\1"\/>/);
    expect(byText('Et avsnitt med').xml).toContain('<w:fldSimple w:instr="NOTEREF _RefNote1 \\f \\h"><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:t xml:space="preserve">1</w:t>');
    expect(byText('Et sitat').xml).toContain('<w:footnoteReference w:id="2"/>');
    expect(out.parts['word/_rels/footnotes.xml.rels']).toContain('Target="https://snl.no/sosial_mobilitet"');
    // The separator line carries no note mark.
    expect(/<w:footnote w:type="separator"[\s\S]*?<\/w:footnote>/.exec(notes)?.[0]).not.toContain('footnoteRef');
  });
});

describe('lists', () => {
  const numbering = () => out.parts['word/numbering.xml'] ?? '';
  const numIdOf = (p: Para) => /<w:numId w:val="(\d+)"/.exec(p.xml)?.[1];
  const levelOf = (p: Para) => /<w:ilvl w:val="(\d+)"/.exec(p.xml)?.[1];
  const abstractOf = (numId: string | undefined) =>
    new RegExp(`<w:num w:numId="${numId}"[^>]*>\\s*<w:abstractNumId w:val="(\\d+)"`).exec(numbering())?.[1];
  const formatOf = (numId: string | undefined, level: string | undefined) => {
    const abs = new RegExp(`<w:abstractNum [^>]*w:abstractNumId="${abstractOf(numId)}"[\\s\\S]*?</w:abstractNum>`).exec(numbering())?.[0] ?? '';
    return new RegExp(`<w:lvl w:ilvl="${level}"[\\s\\S]*?<w:numFmt w:val="([^"]+)"`).exec(abs)?.[1];
  };
  const startOf = (numId: string | undefined) =>
    new RegExp(`<w:num w:numId="${numId}"[\\s\\S]*?<w:startOverride w:val="(\\d+)"`).exec(numbering())?.[1];

  test('bullets and nested numbers come from numbering definitions', () => {
    const first = byText('Første punkt');
    expect(first.style).toBe('ListParagraph');
    expect(formatOf(numIdOf(first), levelOf(first))).toBe('bullet');
    const nested = byText('Nummer én');
    expect(levelOf(nested)).toBe('1');
    expect(formatOf(numIdOf(nested), '1')).toBe('decimal');
  });

  test('each ordered list restarts at its own start', () => {
    const three = exactly('Tre');
    const one = byText('En ny liste');
    expect(numIdOf(three)).not.toBe(numIdOf(one));
    expect(startOf(numIdOf(three))).toBe('3');
    expect(startOf(numIdOf(one))).toBe('1');
    expect(numIdOf(exactly('Fire'))).toBe(numIdOf(three));
  });

  test('task list items get a real check box', () => {
    expect(paras.find((p) => p.text.endsWith('Gjort'))?.xml).toContain('<w14:checked w14:val="1"/>');
    expect(paras.find((p) => p.text.endsWith('Ikke gjort'))?.xml).toContain('<w14:checked w14:val="0"/>');
  });
});

describe('tables, figures, quotes and code', () => {
  test('the header row is marked, repeats and rows do not split; table look has firstRow', () => {
    const table = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(body)?.[0] ?? '';
    const rows = [...table.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatch(/<w:trPr>(?=[\s\S]*<w:tblHeader\/>)(?=[\s\S]*<w:cantSplit\/>)/);
    for (const row of rows.slice(1)) {
      expect(row).toContain('<w:cantSplit/>');
      expect(row).not.toContain('<w:tblHeader/>');
    }
    expect(table).toMatch(/<w:tblLook w:val="0620" w:firstRow="1"/);
    expect(textOf(rows[1] ?? '')).toContain('Første linje\nandre linje');
    expect(paragraphs(rows[0] ?? '').map((p) => p.style)).toEqual(['TableHeading', 'TableHeading', 'TableHeading']);
  });

  test('images have alt text or are marked decorative', () => {
    const drawings = [...body.matchAll(/<wp:docPr [^>]*?(?:\/>|>[\s\S]*?<\/wp:docPr>)/g)].map((m) => m[0]);
    expect(drawings).toHaveLength(2);
    expect(drawings[0]).toContain('descr="Søylediagram med tre søyler: 60, 35 og 80."');
    expect(drawings[1]).toMatch(/<adec:decorative [^>]*val="1"/);
    expect(body).toContain('<pic:cNvPr id="0" name="chart.png" descr="Søylediagram med tre søyler: 60, 35 og 80."/>');
    const caption = byText('Figur 1\u2002Deltakere per sesjon');
    expect(caption.style).toBe('Caption');
    expect(caption.xml).toContain('w:instr="SEQ Figur \\* ARABIC"');
  });

  test('block quotes use Quote, code blocks the Code style in Noto Sans Mono', () => {
    expect(byText('Et sitat').style).toBe('Quote');
    const code = byText('const svar');
    expect(code.style).toBe('Code');
    expect(code.text).toBe('const svar = 42;\n  console.log(svar);\n\treturn svar;');
    expect(code.xml).toContain('<w:tab/>');
    const codeStyle = styles(out.parts['word/styles.xml'] ?? '').find((s) => s.id === 'Code');
    expect(codeStyle?.xml).toContain('w:ascii="Noto Sans Mono"');
  });

  test('a thematic break is a rule above the next paragraph', () => {
    expect(byText('Et siste avsnitt').xml).toMatch(/<w:pBdr><w:top /);
  });
});

describe('table of contents, page and properties', () => {
  test('the TOC field is filled with the numbered headings of levels 1–3 and updates on opening', () => {
    const sdt = /<w:sdt>[\s\S]*?<\/w:sdt>/.exec(body)?.[0] ?? '';
    expect(sdt).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    expect(sdt).toMatch(/TOC \\h \\o &quot;1-3&quot;/);
    const entries = paragraphs(sdt).filter((p) => p.text.trim() !== '');
    expect(entries.map((p) => [p.style, p.text.trim()])).toEqual([
      ['TOC1', 'Forord'],
      ['TOC1', '1 Lister'],
      ['TOC2', '1.1 Nivå to'],
      ['TOC3', '1.1.1 Nivå tre'],
      ['TOC1', '2 Tabeller'],
      ['TOC1', '3 Figurer, sitater og kode'],
    ]);
    expect(sdt).toContain('w:anchor="h_niva_tre"');
    expect(out.parts['word/settings.xml']).toContain('<w:updateFields/>');
  });

  test('A4 with margins and a page number field in the footer', () => {
    const sections = [...body.matchAll(/<w:sectPr[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    // Cover, colophon (standing at the foot of its page), then the report.
    expect(sections).toHaveLength(3);
    expect(sections[1]).toContain('<w:vAlign w:val="bottom"/>');
    for (const s of sections) {
      expect(s).toContain('<w:pgSz w:w="11906" w:h="16838"');
      expect(s).toMatch(/<w:pgMar w:top="1417" w:right="1417" w:bottom="1417" w:left="1417"/);
    }
    // Cover and colophon have no footer; the rest of the report has one with PAGE and NUMPAGES fields.
    expect(sections[0]).not.toContain('footerReference');
    expect(sections[1]).not.toContain('footerReference');
    expect(sections[2]).toContain('footerReference');
    const footer = Object.entries(out.parts).find(([name]) => /^word\/footer\d+\.xml$/.test(name))?.[1] ?? '';
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(footer).toMatch(/<w:instrText[^>]*>NUMPAGES<\/w:instrText>/);
  });

  test('document properties come from the front matter, with fixed dates', () => {
    const core = out.parts['docProps/core.xml'] ?? '';
    expect(core).toContain('<dc:title>Prøverapport for Word</dc:title>');
    expect(core).toContain('<dc:subject>Hver byggekloss i én fil</dc:subject>');
    expect(core).toContain('<dc:creator>Testdepartementet</dc:creator>');
    expect(core).toContain('<cp:keywords>test, word</cp:keywords>');
    expect(core).toContain('<dc:description>En liten rapport som bruker hver konstruksjon Word-versjonen kan sette opp.</dc:description>');
    expect(core).toContain('<dc:language>nb-NO</dc:language>');
    expect(core).toMatch(/<dcterms:created [^>]*>2024-03-01T00:00:00Z<\/dcterms:created>/);
    expect(core).toMatch(/<dcterms:modified [^>]*>2024-03-01T00:00:00Z<\/dcterms:modified>/);
    expect(out.parts['docProps/app.xml']).toContain('<Company>Testdepartementet</Company>');
  });

  test('the faces of Noto Sans the text uses are embedded', () => {
    const table = out.parts['word/fontTable.xml'] ?? '';
    const sans = /<w:font w:name="Noto Sans">[\s\S]*?<\/w:font>/.exec(table)?.[0] ?? '';
    for (const face of ['embedRegular', 'embedBold', 'embedItalic', 'embedBoldItalic']) expect(sans).toContain(`<w:${face} `);
    expect(table).toMatch(/<w:font w:name="Noto Sans Mono">[\s\S]*?<w:embedRegular /);
  });

  test('each embedded font file is the bundled font, obfuscated with the key in the font table', () => {
    const files = unzipSync(out.bytes);
    const table = out.parts['word/fontTable.xml'] ?? '';
    const rels = out.parts['word/_rels/fontTable.xml.rels'] ?? '';
    const embeds = [...table.matchAll(/<w:embedRegular r:id="([^"]+)" w:fontKey="\{([0-9A-F-]+)\}"\/>/g)];
    expect(embeds).toHaveLength(2);
    const bundled = ['NotoSans-Regular.ttf', 'NotoSansMono-Regular.ttf'].map((f) => readFileSync(join(fontsDir, f)));
    for (const [, id, key] of embeds) {
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
      const odttf = files[`word/${target}`] as Uint8Array;
      const keyBytes = (key ?? '').replace(/-/g, '').match(/../g)?.map((h) => parseInt(h, 16)).reverse() ?? [];
      const plain = Buffer.from(odttf.map((b, i) => (i < 32 ? b ^ (keyBytes[i % 16] ?? 0) : b)));
      expect(bundled.some((font) => font.equals(plain))).toBe(true);
    }
  });
});

describe('the zip package', () => {
  test('content types come first; every entry is deflated, dated the document date, with its size and CRC in both headers', () => {
    const zip = Buffer.from(out.bytes);
    const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const created = out.doc.created;
    const dosDate = ((created.getUTCFullYear() - 1980) << 9) | ((created.getUTCMonth() + 1) << 5) | created.getUTCDate();
    const names: string[] = [];
    let at = zip.readUInt32LE(end + 16);
    for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
      expect(zip.readUInt32LE(at)).toBe(0x02014b50);
      const nameLength = zip.readUInt16LE(at + 28);
      names.push(zip.toString('utf8', at + 46, at + 46 + nameLength));
      const local = zip.readUInt32LE(at + 42);
      expect(zip.readUInt32LE(local)).toBe(0x04034b50);
      // From the flags to the extra field's length the local header repeats the central one: no data descriptor.
      expect(zip.subarray(local + 6, local + 30).equals(zip.subarray(at + 8, at + 32))).toBe(true);
      expect(zip.readUInt16LE(at + 8) & 0x8).toBe(0);
      expect(zip.readUInt16LE(at + 10)).toBe(8);
      expect(zip.readUInt16LE(at + 14)).toBe(dosDate);
      const start = local + 30 + nameLength + zip.readUInt16LE(local + 28);
      const data = inflateRawSync(zip.subarray(start, start + zip.readUInt32LE(at + 20)));
      expect(data.length).toBe(zip.readUInt32LE(at + 24));
      expect(crc32(data)).toBe(zip.readUInt32LE(at + 16));
      at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }
    expect(names.slice(0, 2)).toEqual(['[Content_Types].xml', '_rels/.rels']);
    expect(names).toContain('word/document.xml');
    expect(at).toBe(end);
  });
});
