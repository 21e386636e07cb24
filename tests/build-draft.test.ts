/**
 * `build --draft`: a document whose errors block a conformant PDF still builds, marked as a
 * draft on every page, with a box naming each missing image and no PDF/UA claim; every problem
 * is still printed and the exit code is 0. Without `--draft` the same errors stop the build.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDFName, PDFRawStream, PDFRef } from 'pdf-lib';
import { repoRoot } from './helpers/paths.js';
import { findAll, pageContents, readPdf, scanContent } from './helpers/pdf-read.js';
import { elementText, markedItems, readText } from './helpers/pdf-text.js';
import { readParts, textOf } from './helpers/docx-read.js';

const bin = join(repoRoot, 'bin', 'rapportverk.js');
const fixture = (name: string) => join('tests', 'fixtures', 'draft', name);

function build(out: string, ...args: string[]) {
  return spawnSync(process.execPath, [bin, 'build', '--quiet', '--out', out, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    env: { ...process.env, RAPPORTVERK_DEBUG: '', SOURCE_DATE_EPOCH: '' },
  });
}

const diagnosticLines = (stderr: string) => stderr.split('\n').filter((l) => /: (error|warning) \[/.test(l));

function xmpOf(pdf: Awaited<ReturnType<typeof readPdf>>): string {
  const stream = pdf.pdf.context.lookup(pdf.catalog.get(PDFName.of('Metadata')) as PDFRef) as PDFRawStream;
  return Buffer.from(stream.contents).toString('utf8');
}

/** Per page: the text drawn inside artifacts (no marked-content id around it). */
async function artifactTextByPage(bytes: Uint8Array): Promise<string[]> {
  return (await markedItems(bytes)).map((items) => items.filter((i) => i.keys.every((k) => k === undefined)).map((i) => i.str).join(''));
}

describe('build --draft', () => {
  const refused = mkdtempSync(join(tmpdir(), 'fonts-draft-refused-'));
  const drafted = mkdtempSync(join(tmpdir(), 'fonts-draft-built-'));
  let without: ReturnType<typeof build>;
  let withDraft: ReturnType<typeof build>;

  beforeAll(() => {
    without = build(refused, fixture('report.md'));
    withDraft = build(drafted, '--draft', fixture('report.md'));
  });

  it('without --draft, missing, remote and undescribed images stop the build and nothing is written', () => {
    expect(without.status).toBe(1);
    expect(existsSync(join(refused, 'report.pdf'))).toBe(false);
    expect(diagnosticLines(without.stderr).map((l) => /\[([\w-]+)\]/.exec(l)?.[1])).toEqual(['image-missing', 'image-alt-missing', 'image-remote']);
  });

  it('with --draft, exits 0 after printing every problem found without it', () => {
    expect(withDraft.status).toBe(0);
    // Rendering adds what only a build finds (the plain version's readability).
    expect(diagnosticLines(withDraft.stderr)).toEqual(expect.arrayContaining(diagnosticLines(without.stderr)));
    expect(withDraft.stderr).toContain('built as a draft');
    for (const suffix of ['.pdf', '.docx', '.html', '.plain.html', '.plain.pdf', '.plain.docx']) expect(existsSync(join(drafted, `report${suffix}`))).toBe(true);
  });

  it('claims universal design nowhere: no colophon statement in any format, and both web pages say UTKAST', async () => {
    const claim = /universelt\s+utformet/;
    for (const name of ['report.pdf', 'report.plain.pdf']) {
      expect((await readText(new Uint8Array(readFileSync(join(drafted, name))))).pages.join('\n')).not.toMatch(claim);
    }
    expect(textOf(readParts(new Uint8Array(readFileSync(join(drafted, 'report.docx'))))['word/document.xml'] ?? '')).not.toMatch(claim);
    for (const name of ['report.html', 'report.plain.html']) {
      const html = readFileSync(join(drafted, name), 'utf8');
      expect(html).not.toMatch(claim);
      expect(html).toMatch(/<title>UTKAST: /);
      expect(html).toContain('<p class="draft">UTKAST</p>');
    }
    // The web page names the missing image as the PDF and the Word file do.
    expect(readFileSync(join(drafted, 'report.html'), 'utf8')).toContain('<p class="missing">Bildet mangler: finnes-ikke.png</p>');
  });

  it('marks every page of both PDFs with UTKAST as an artifact, and claims no PDF/UA conformance', async () => {
    for (const name of ['report.pdf', 'report.plain.pdf']) {
      const bytes = new Uint8Array(readFileSync(join(drafted, name)));
      const artifacts = await artifactTextByPage(bytes);
      expect(artifacts.length).toBeGreaterThan(1);
      for (const page of artifacts) expect(page).toContain('UTKAST');
      const read = await readPdf(bytes);
      for (const content of pageContents(read.pdf)) expect(scanContent(content).unmarked).toEqual([]);
      expect(xmpOf(read)).not.toContain('pdfuaid');
    }
  });

  it('draws a box naming the missing file, read as a paragraph of the figure, caption kept', async () => {
    const bytes = new Uint8Array(readFileSync(join(drafted, 'report.pdf')));
    const read = await readPdf(bytes);
    const text = await readText(bytes);
    const paragraphs = findAll(read.tree, 'P').map((p) => elementText(p, text));
    expect(paragraphs).toContain('Bildet mangler: finnes-ikke.png');
    expect(paragraphs).toContain('Bildet mangler: https://example.org/kart.png');
    expect(findAll(read.tree, 'Caption').map((c) => elementText(c, text).replace(/\s+/g, ' '))).toContain('Figur 1 Figuren som mangler');
    // The image that exists is drawn, though its alt text is missing.
    expect(findAll(read.tree, 'Figure')).toHaveLength(1);
  });

  it('the DOCX says UTKAST in the page header and names the missing files', () => {
    const parts = readParts(new Uint8Array(readFileSync(join(drafted, 'report.docx'))));
    const headers = Object.entries(parts).filter(([name]) => /^word\/header\d*\.xml$/.test(name)).map(([, xml]) => textOf(xml));
    // The mark stands beside the running title in the header.
    expect(headers.filter((h) => h.includes('UTKAST'))).toHaveLength(1);
    expect(textOf(parts['word/document.xml'] ?? '')).toContain('Bildet mangler: finnes-ikke.png');
  });

  it('marks an English draft DRAFT, and leaves a clean document unmarked and conformant', async () => {
    const out = mkdtempSync(join(tmpdir(), 'fonts-draft-en-'));
    expect(build(out, '--draft', '--format', 'pdf', fixture('broken-en.md'), fixture('clean-en.md')).status).toBe(0);
    const broken = new Uint8Array(readFileSync(join(out, 'broken-en.pdf')));
    for (const page of await artifactTextByPage(broken)) expect(page).toContain('DRAFT');
    const clean = new Uint8Array(readFileSync(join(out, 'clean-en.pdf')));
    expect((await artifactTextByPage(clean)).join('')).not.toContain('DRAFT');
    expect(xmpOf(await readPdf(clean))).toContain('<pdfuaid:part>1</pdfuaid:part>');
    // Only the clean document states in its colophon that it is universally designed.
    expect((await readText(clean)).pages.join('\n')).toMatch(/universally\s+designed/);
    expect((await readText(broken)).pages.join('\n')).not.toMatch(/universally\s+designed/);
  });
});
