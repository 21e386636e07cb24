/**
 * Cross-references (`@sec-x`, `@fig-x`, `@tbl-x`, `[-@x]`) print the target's label and number in
 * the document language, link to the target in every format, and follow it when it moves.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadReportText, type LoadResult } from '../src/pipeline/load.js';
import { visibleDiagnostics } from '../src/diagnostics.js';
import { walkDocument } from '../src/model/walk.js';
import type { CrossRef, ReportDocument } from '../src/model/types.js';
import { blockText } from '../src/model/text.js';
import { fixturesDir } from './helpers/paths.js';
import { loadFixture, renderFixture } from './helpers/pdf-render.js';
import { paragraphs, renderFile } from './helpers/docx-read.js';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes } from 'hast';
import { renderHtml } from '../src/render/html/index.js';

const dir = join(fixturesDir, 'cross-references');
const fixture = (lang: string): string => join(dir, `${lang}.md`);

function load(source: string, file = join(dir, 'inline.md')): LoadResult {
  return loadReportText(file, source);
}

function refs(doc: ReportDocument): CrossRef[] {
  const out: CrossRef[] = [];
  walkDocument(doc, (node) => {
    if (node.type === 'crossRef') out.push(node);
  });
  return out;
}

/** The text of an HTML element, as a screen reader reads it. */
function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  return 'children' in node ? node.children.map(textOf).join('') : '';
}

function sentences(doc: ReportDocument): string[] {
  return blockText(doc.body).split('\n').filter((line) => line.includes(' '));
}

describe('cross-references in the document language', () => {
  test.each([
    ['nb', [
      'Les mer i kapittel 2. Tallene står i tabell 1, og kartet i figur 1 viser fylkene.',
      'Kapittel 3 bygger på 1 tabeller. Se også «Sammendrag».',
      'Som figur 1 og tabell 1 viser, kom flest fra Agder (jf. kapittel 2.1).',
    ]],
    ['nn', ['Sjå figur 1 og tabell 1. Metoden står i kapittel 2.', 'Figur 1 viser at Voss svara mest.']],
    ['en', [
      'See section 1 for the method and Figure 1 for the map. Table 1 lists the answers.',
      'As Figure 1 shows, the north answered most; see “Summary”.',
    ]],
  ])('%s: label and number, capitalised at the start of a sentence, titles quoted', (lang, expected) => {
    const doc = loadFixture(fixture(lang));
    for (const sentence of expected) expect(sentences(doc)).toContain(sentence);
    expect(refs(doc).length).toBeGreaterThanOrEqual(expected.length);
  });

  test('follow their targets when a section moves', () => {
    const source = readFileSync(fixture('nb'), 'utf8');
    const metode = source.slice(source.indexOf('# Metode'), source.indexOf('# Resultater'));
    const moved = source.replace(metode, '') + '\n' + metode;
    const before = load(source).doc as ReportDocument;
    const after = load(moved).doc as ReportDocument;
    const text = (doc: ReportDocument, target: string) => refs(doc).filter((r) => r.target === target).map((r) => r.text);
    expect(text(before, 'sec-metode')).toEqual(['kapittel 2']);
    expect(text(after, 'sec-metode')).toEqual(['kapittel 3']);
    expect(text(before, 'sec-resultater')).toEqual(['Kapittel 3']);
    expect(text(after, 'sec-resultater')).toEqual(['Kapittel 2']);
    expect(text(after, 'sec-utvalg')).toEqual(['kapittel 3.1']);
  });
});

describe('cross-references as links', () => {
  test('PDF: each reference is a Link annotation to a destination on the page that shows its target', async () => {
    const doc = loadFixture(fixture('nb'));
    const expected = refs(doc).map((r) => ({ dest: r.target, contents: r.text }));
    const pdf = await getDocument({ data: new Uint8Array(await renderFixture(fixture('nb'))), isEvalSupported: false }).promise;
    const found: { dest: string; contents: string; page: number }[] = [];
    const pageText: string[] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const page = await pdf.getPage(p);
      pageText.push((await page.getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join(' '));
      for (const a of await page.getAnnotations()) {
        if (a.subtype === 'Link' && typeof a.dest === 'string') found.push({ dest: a.dest, contents: a.contentsObj?.str ?? '', page: p });
      }
    }
    for (const ref of expected) expect(found).toContainEqual(expect.objectContaining(ref));
    const targetText: Record<string, string> = { 'fig-kart': 'Figur 1', 'tbl-deltakere': 'Tabell 1', 'sec-utvalg': '2.1 Utvalg' };
    for (const [dest, text] of Object.entries(targetText)) {
      const destination = await pdf.getDestination(dest);
      expect(destination, dest).not.toBeNull();
      const pageIndex = await pdf.getPageIndex(destination?.[0] as { num: number; gen: number });
      expect(pageText[pageIndex], dest).toContain(text);
    }
  });

  test('DOCX: the number is a REF field to a bookmark that holds the target (a caption\'s SEQ field)', async () => {
    const { parts } = await renderFile(fixture('nb'));
    const xml = parts['word/document.xml'] as string;
    const fields = [...xml.matchAll(/w:instr="REF (\w+) ([^"]*)"/g)].map((m) => ({ bookmark: m[1] as string, switches: m[2] as string }));
    expect(fields.map((f) => f.bookmark)).toEqual(['h_sec_metode', 'h_tbl_deltakere', 'h_fig_kart', 'h_sec_resultater', 'h_tbl_deltakere', 'h_fig_kart', 'h_tbl_deltakere', 'h_sec_utvalg']);
    for (const { bookmark } of fields) expect(xml).toContain(`w:name="${bookmark}"`);
    const caption = paragraphs(xml).find((p) => p.style === 'Caption' && p.text.startsWith('Figur'));
    expect(caption?.xml).toMatch(/<w:bookmarkStart w:name="h_fig_kart"[^>]*\/>[\s\S]*SEQ Figur[\s\S]*<w:bookmarkEnd/);
    expect(caption?.text).toBe('Figur 1\u2002Fylker med flest deltakere');
  });

  test('HTML: each reference links to the id of an element on the page that shows its target', () => {
    const doc = loadFixture(fixture('nb'));
    const page = fromHtml(renderHtml(doc));
    const links: { href: string; text: string }[] = [];
    const byId = new Map<string, Element>();
    const visit = (node: Nodes): void => {
      if (node.type === 'element') {
        const id = node.properties['id'];
        if (typeof id === 'string') byId.set(id, node);
        const href = node.properties['href'];
        if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('#')) links.push({ href: decodeURIComponent(href.slice(1)), text: textOf(node) });
      }
      if ('children' in node) node.children.forEach(visit);
    };
    visit(page);
    const expected = refs(doc);
    expect(expected.length).toBeGreaterThan(5);
    for (const ref of expected) expect(links).toContainEqual({ href: ref.target, text: ref.text });
    const targetText: Record<string, string> = { 'fig-kart': 'Figur 1', 'tbl-deltakere': 'Tabell 1', 'sec-utvalg': '2.1' };
    for (const [id, text] of Object.entries(targetText)) {
      const target = byId.get(id);
      expect(target, id).toBeDefined();
      expect(textOf(target as Element), id).toContain(text);
    }
  });
});

describe('cross-reference diagnostics', () => {
  const head = '---\ntitle: T\nlang: nb\n---\n\n';

  test('an unknown label is an error at its position, with the closest label as a hint', () => {
    const { diagnostics } = load(`${head}# Metode {#sec-metode}\n\nSe @sec-metdoe her.\n`);
    const error = diagnostics.find((d) => d.rule === 'xref-unknown');
    expect(error).toMatchObject({ severity: 'error', pos: { start: { line: 8, column: 4 } }, hint: 'did you mean @sec-metode?' });
  });

  test('a duplicate label is an error that names both places', () => {
    const { diagnostics } = load(`${head}| a |\n|---|\n| 1 |\n\n: En {#tbl-x}\n\n| b |\n|---|\n| 2 |\n\n: To {#tbl-x}\n\nSe @tbl-x.\n`);
    const error = diagnostics.find((d) => d.rule === 'xref-label-duplicate');
    expect(error?.severity).toBe('error');
    expect(error?.pos?.start.line).toBe(12);
    expect(error?.message).toContain('line 6');
  });

  test('a reference of the wrong kind and one to an uncaptioned figure are errors', () => {
    const { diagnostics } = load(`${head}# A {#sec-a}\n\n![Kart](chart.png){#fig-b}\n\nSe @tbl-a? Nei, @sec-a og @fig-b.\n`);
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => d.rule).sort()).toEqual(['xref-target-unnumbered', 'xref-unknown']);
  });

  test('a label nobody refers to is a warning only under --strict', () => {
    const { diagnostics } = load(`${head}# A {#sec-a}\n\nTekst.\n`);
    expect(visibleDiagnostics(diagnostics, false).filter((d) => d.rule === 'xref-unused')).toEqual([]);
    expect(visibleDiagnostics(diagnostics, true).filter((d) => d.rule === 'xref-unused')).toMatchObject([{ severity: 'warning', pos: { start: { line: 6 } } }]);
  });

  test('e-mail addresses, code and escaped at-signs are left alone', () => {
    const { doc, diagnostics } = load(`${head}Skriv til post@sec-x.no eller se \`@fig-y\`.\n`);
    expect(diagnostics.filter((d) => d.rule.startsWith('xref'))).toEqual([]);
    expect(refs(doc as ReportDocument)).toEqual([]);
  });
});
