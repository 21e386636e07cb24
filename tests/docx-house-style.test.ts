/**
 * The house style in the Word file is one an editor can reuse: a named table style the tables
 * use, List Bullet and List Number tied to the house lists, a theme in the house navy and Noto
 * Sans with all four faces embedded, the running title in the header as in the PDF, strong text
 * in the Strong style and language tags as Word writes them.
 */
import { beforeAll, expect, test } from 'vitest';
import { join } from 'node:path';
import { fixturesDir } from './helpers/paths.js';
import { paragraphs, renderFile, styles, type RenderedDocx } from './helpers/docx-read.js';

let out: RenderedDocx;
beforeAll(async () => {
  out = await renderFile(join(fixturesDir, 'docx-all-constructs', 'report.md'));
});

const part = (name: string): string => {
  const xml = out.parts[name];
  if (xml === undefined) throw new Error(`no part ${name}`);
  return xml;
};

test('tables use the named house table style, which holds their rules, margins and header row', () => {
  const table = styles(part('word/styles.xml')).find((s) => s.type === 'table' && s.name === 'Rapporttabell');
  expect(table?.xml).toMatch(/<w:top w:val="single" w:sz="8" w:space="0" w:color="0C2D4E"\/>/);
  expect(table?.xml).toMatch(/<w:tblStylePr w:type="firstRow">[\s\S]*<w:b\/>[\s\S]*<w:shd [^>]*w:fill="E6EDF3"/);
  const tables = [...part('word/document.xml').matchAll(/<w:tblPr>[\s\S]*?<\/w:tblPr>/g)].map((m) => m[0]);
  expect(tables.length).toBeGreaterThan(0);
  for (const tblPr of tables) {
    expect(tblPr).toContain(`<w:tblStyle w:val="${table?.id}"/>`);
    expect(tblPr).not.toContain('<w:tblBorders>');
  }
  expect(part('word/document.xml')).not.toMatch(/<w:tcPr>(?:(?!<\/w:tcPr>).)*<w:shd /);
});

test('List Bullet and List Number are tied to the house bullet and number lists', () => {
  const numbering = part('word/numbering.xml');
  const formatOf = (styleId: string): string | undefined => {
    const style = styles(part('word/styles.xml')).find((s) => s.id === styleId);
    const numId = /<w:numId w:val="(\d+)"/.exec(style?.xml ?? '')?.[1];
    const abstractId = new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"`).exec(numbering)?.[1];
    const abstract = new RegExp(`<w:abstractNum w:abstractNumId="${abstractId}"[\\s\\S]*?</w:abstractNum>`).exec(numbering)?.[0] ?? '';
    return /<w:lvl w:ilvl="0"[\s\S]*?<w:lvlText w:val="([^"]*)"/.exec(abstract)?.[1];
  };
  expect(styles(part('word/styles.xml')).map((s) => s.name)).toEqual(expect.arrayContaining(['List Bullet', 'List Number']));
  expect(formatOf('ListBullet')).toBe('•');
  expect(formatOf('ListNumber')).toBe('%1.');
});

test('the theme is the house navy and Noto Sans, not Office blue', () => {
  const theme = part('word/theme/theme1.xml');
  expect(theme).toMatch(/<a:accent1><a:srgbClr val="0C2D4E"\/><\/a:accent1>/);
  expect(theme).toMatch(/<a:dk2><a:srgbClr val="0C2D4E"\/><\/a:dk2>/);
  expect(theme).not.toContain('4472C4');
  expect(theme).toMatch(/<a:majorFont><a:latin typeface="Noto Sans"/);
  expect(theme).toMatch(/<a:minorFont><a:latin typeface="Noto Sans"/);
});

test('all four faces of Noto Sans are embedded, whatever the text uses', () => {
  const font = /<w:font w:name="Noto Sans">[\s\S]*?<\/w:font>/.exec(part('word/fontTable.xml'))?.[0] ?? '';
  for (const face of ['embedRegular', 'embedBold', 'embedItalic', 'embedBoldItalic']) expect(font, face).toContain(`<w:${face} `);
});

test('the running title is in the header, the page numbers in the footer, as in the PDF', () => {
  const headers = Object.keys(out.parts).filter((n) => /^word\/header\d+\.xml$/.test(n));
  expect(headers).toHaveLength(1);
  expect(paragraphs(part(headers[0] as string)).map((p) => [p.style, p.text])).toEqual([['Header', 'Prøverapport']]);
  const footer = Object.keys(out.parts).find((n) => /^word\/footer\d+\.xml$/.test(n)) ?? '';
  expect(part(footer)).not.toContain('Prøverapport');
  expect(part(footer)).toContain('PAGE');
});

test('"Utgitt av:" and other strong text use the Strong character style, not direct bold', () => {
  const colophon = paragraphs(part('word/document.xml')).find((p) => p.text.startsWith('Utgitt av:'));
  expect(colophon?.xml).toMatch(/<w:rStyle w:val="Strong"\/><\/w:rPr><w:t[^>]*>Utgitt av:<\/w:t>/);
  const strong = styles(part('word/styles.xml')).find((s) => s.id === 'Strong');
  expect(strong?.type).toBe('character');
  const fet = paragraphs(part('word/document.xml')).find((p) => p.text.startsWith('Et avsnitt med'));
  expect(fet?.xml).toMatch(/<w:rStyle w:val="Strong"\/><\/w:rPr><w:t[^>]*>fet<\/w:t>/);
  expect(fet?.xml).not.toMatch(/<w:b\/><w:bCs\/><\/w:rPr><w:t[^>]*>fet<\/w:t>/);
});

test('language tags are full, as Word writes them: the document nb-NO, a span in English en-GB', () => {
  expect(part('word/styles.xml')).toMatch(/<w:rPrDefault><w:rPr>[\s\S]*?<w:lang w:val="nb-NO"\/>/);
  expect(part('word/document.xml')).toContain('<w:lang w:val="en-GB"/>');
  expect(part('word/document.xml')).not.toMatch(/<w:lang w:val="[a-z]{2}"\/>/);
});
