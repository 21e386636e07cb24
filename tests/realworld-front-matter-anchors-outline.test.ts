/**
 * Documents written for GitHub, MkDocs or a site generator build as their authors expect: title
 * and language without front matter, site keys accepted, headings lifted and repaired, and every
 * anchor link that works on GitHub or MkDocs leads to its heading in the model, the PDF and the DOCX.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReport } from '../src/pipeline/load.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { walk } from '../src/model/walk.js';
import { inlineText } from '../src/model/text.js';
import type { Heading, ReportDocument } from '../src/model/types.js';
import { formatDiagnostic, type Diagnostic } from '../src/diagnostics.js';
import { fixturesDir } from './helpers/paths.js';
import { findAll, goToTargets, namedDestinations, readPdf, type StructElem } from './helpers/pdf-read.js';
import { elementText, readText } from './helpers/pdf-text.js';
import { paragraphs, renderFile } from './helpers/docx-read.js';

const dir = join(fixturesDir, 'realworld-anchors');
const faq = join(dir, 'FAQ.md');

function load(file: string, options = {}): { doc: ReportDocument; diagnostics: Diagnostic[] } {
  const { doc, diagnostics } = loadReport(file, options);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  expect(errors.map(formatDiagnostic)).toEqual([]);
  if (!doc) throw new Error('no model');
  return { doc, diagnostics };
}

function headings(doc: ReportDocument): Heading[] {
  const out: Heading[] = [];
  walk(doc.body, (n) => {
    if (n.type === 'heading') out.push(n);
  });
  return out;
}

describe('a GitHub README without front matter', () => {
  it('takes its title from the first # heading and leaves that heading out of the body', () => {
    const { doc } = load(faq);
    expect(doc.meta.title).toBe('Brukarrettleiing for Mimir');
    expect(headings(doc).map((h) => inlineText(h.children))).not.toContain('Brukarrettleiing for Mimir');
  });

  it('detects the language, says which tag it chose and how to set it; --lang wins without a word', () => {
    const { doc, diagnostics } = load(faq);
    expect(doc.meta.lang).toBe('nn');
    expect(doc.meta.locale).toBe('nn-NO');
    const said = diagnostics.find((d) => d.rule === 'lang-detected');
    expect(said?.message).toContain('Norwegian Nynorsk ("nn")');
    expect(said?.hint).toContain('lang: nn');
    const given = load(faq, { lang: 'en' });
    expect(given.doc.meta.lang).toBe('en');
    expect(given.diagnostics.map((d) => d.rule)).not.toContain('lang-detected');
  });

  it('lifts the body to level 1, repairs the skipped level with a warning there, and numbers nothing twice', () => {
    const { doc, diagnostics } = load(faq);
    expect(headings(doc).map((h) => [h.level, inlineText(h.children)])).toEqual([
      [1, 'Innhald'], [1, '1. Kva er Mimir?'], [1, '2. Verktøy og plugins'], [2, 'Kva kan verktøya gjere?'],
      [1, 'Bootstrap (éin kommando)'], [1, 'Versjonar'], [1, 'Anna'],
    ]);
    // Typed numbers ("1. Kva er Mimir?") turn the generated ones off.
    expect(headings(doc).map((h) => h.number)).toEqual(Array(7).fill(undefined));
    const skipped = diagnostics.filter((d) => d.rule === 'heading-level-skipped');
    expect(skipped.map((d) => [d.severity, d.pos?.start.line, d.message])).toEqual([
      ['warning', 19, 'heading level 4 follows level 2; it is treated as level 3'],
    ]);
  });

  it('points GitHub slugs, MkDocs slugs, {: #id } and {#id} links at their headings', () => {
    const { doc } = load(faq);
    const idOf = new Map(headings(doc).map((h) => [inlineText(h.children), h.id]));
    const links: string[] = [];
    walk(doc.body, (n) => {
      if (n.type === 'link') links.push(n.href);
    });
    expect(links).toEqual([
      `#${idOf.get('1. Kva er Mimir?')}`,
      `#${idOf.get('2. Verktøy og plugins')}`,
      `#${idOf.get('Bootstrap (éin kommando)')}`,
      '#versjonerte-artefakter',
      '#fast',
      // The title's own anchor leads to the start of the body.
      `#${idOf.get('Innhald')}`,
    ]);
  });
});

describe('the same README in the PDF and the DOCX', () => {
  let pdf: Awaited<ReturnType<typeof readPdf>>;
  let root: StructElem;

  beforeAll(async () => {
    pdf = await readPdf(await renderPdf(load(faq).doc));
    root = pdf.tree.children[0] as StructElem;
  });

  it('the PDF never skips a heading level and tags the title once, as the cover heading', async () => {
    const levels: number[] = [];
    const texts: string[] = [];
    const text = await readText(await renderPdf(load(faq).doc));
    const visit = (e: StructElem): void => {
      const m = /^H([1-6])$/.exec(e.role);
      if (m) {
        levels.push(Number(m[1]));
        texts.push(elementText(e, text));
      }
      e.children.forEach(visit);
    };
    visit(root);
    expect(levels.length).toBeGreaterThan(6);
    levels.forEach((level, i) => expect(level).toBeLessThanOrEqual((levels[i - 1] ?? 0) + 1));
    // The title is the cover's H1 (PDF/UA: the report's level 1), and only there: never repeated as a body heading.
    expect(texts.filter((t) => t.includes('Brukarrettleiing for Mimir'))).toHaveLength(1);
    expect(texts[0]).toContain('Brukarrettleiing for Mimir');
    expect(levels[0]).toBe(1);
  });

  it('every GoTo link of the PDF, including the six written for GitHub and MkDocs, has its destination', () => {
    const defined = namedDestinations(pdf);
    const targets = goToTargets(pdf, root);
    expect(targets.length).toBeGreaterThanOrEqual(6);
    for (const target of targets) expect(defined, target).toContain(target);
    expect(findAll(root, 'Link').length).toBeGreaterThanOrEqual(6);
  });

  it('every internal hyperlink of the DOCX has its bookmark', async () => {
    const { parts } = await renderFile(faq);
    const xml = parts['word/document.xml'] ?? '';
    const anchors = [...xml.matchAll(/<w:hyperlink[^>]*w:anchor="([^"]+)"/g)].map((m) => m[1]);
    const marks = new Set([...xml.matchAll(/<w:bookmarkStart w:name="([^"]+)"/g)].map((m) => m[1]));
    expect(anchors.length).toBeGreaterThanOrEqual(6);
    for (const anchor of anchors) expect(marks, anchor).toContain(anchor);
    const headingTexts = paragraphs(xml).filter((p) => /^Heading\d$/.test(p.style ?? '')).map((p) => p.text);
    expect(headingTexts).not.toContain('Brukarrettleiing for Mimir');
  });
});

describe('a page from a site generator', () => {
  it('accepts Hugo, Jekyll, Docusaurus and MkDocs keys silently and maps the ones that are metadata', () => {
    const { doc, diagnostics } = load(join(dir, 'site-page.md'));
    expect(diagnostics.filter((d) => d.rule.startsWith('front-matter')).map(formatDiagnostic)).toEqual([]);
    expect(doc.meta).toMatchObject({
      title: 'Tracing',
      description: 'Application Performance Monitoring on the platform.',
      keywords: ['observability', 'tracing'],
      authors: ['Platform team'],
      date: '2020-12-02',
      lang: 'en',
    });
    expect(headings(doc).map((h) => [h.level, h.number])).toEqual([[1, '1'], [2, '1.1']]);
  });
});
