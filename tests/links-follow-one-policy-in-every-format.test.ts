/**
 * One link policy for the checks and every format: a target is internal (`#id`, decoded once),
 * live (http, https, mailto, tel) or refused (shown as plain text), read the way browsers read
 * it. These are the drift bugs the formats once had, each pinned on the real outputs.
 */
import { describe, expect, it, beforeAll } from 'vitest';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { classifyLink } from '../src/model/link-target.js';
import { loadReportText } from '../src/pipeline/load.js';
import type { ReportDocument } from '../src/model/types.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { renderDocx } from '../src/render/docx/index.js';
import { paragraphs, readParts } from './helpers/docx-read.js';
import { unescapeXml } from './helpers/xml.js';

const front = '---\ntitle: Lenker\nlang: nb\n---\n\n';

function load(body: string): ReturnType<typeof loadReportText> {
  return loadReportText('/tmp/present-links/lenker.md', front + body);
}

describe('the link policy', () => {
  it.each([
    ['java\tscript:alert(1)', 'javascript:'],
    ['java\nscript:alert(1)', 'javascript:'],
    ['\u0001 JavaScript:alert(1)', 'javascript:'],
    ['vbscript:x', 'vbscript:'],
    ['data:text/html,x', 'data:'],
  ])('refuses %j as unsafe, scheme %s, after removing what browsers remove', (href, scheme) => {
    expect(classifyLink(href)).toEqual({ kind: 'refused', reason: 'unsafe', scheme });
  });

  it('decodes a fragment exactly once', () => {
    expect(classifyLink('#%C3%B8konomi')).toEqual({ kind: 'internal', id: 'økonomi' });
    expect(classifyLink('#%2541')).toEqual({ kind: 'internal', id: '%41' });
    expect(classifyLink('#%E0%A4%A')).toEqual({ kind: 'internal', id: '%E0%A4%A' });
  });

  it('makes http, https, mailto and tel live, in their WHATWG serialisation', () => {
    expect(classifyLink('tel:+4722000000')).toEqual({ kind: 'external', href: 'tel:+4722000000', scheme: 'tel:' });
    const idn = classifyLink('HTTPS://Ø.no/å');
    expect(idn).toMatchObject({ kind: 'external', scheme: 'https:', href: expect.stringMatching(/^https:\/\/xn--[a-z0-9-]+\.no\/%C3%A5$/) });
    expect(classifyLink('mailto:post@dep.no').kind).toBe('external');
  });

  it('refuses other schemes, relative paths and addresses that do not parse', () => {
    expect(classifyLink('ftp://ftp.example.no/fil')).toEqual({ kind: 'refused', reason: 'scheme', scheme: 'ftp:' });
    expect(classifyLink('vedlegg.pdf')).toEqual({ kind: 'refused', reason: 'relative' });
    expect(classifyLink('//example.no')).toEqual({ kind: 'refused', reason: 'relative' });
    expect(classifyLink('https://exa mple.no')).toEqual({ kind: 'refused', reason: 'invalid', scheme: 'https:' });
  });
});

describe('the checks follow it', () => {
  it.each([
    ['an entity tab', '[x](java&#9;script:alert(1))'],
    ['an entity newline', '[x](java&#10;script:alert(1))'],
    ['a literal tab in a bracketed target', '[x](<java\tscript:alert(1)>)'],
  ])('a javascript: target hidden by %s is the error link-unsafe', (_name, markdown) => {
    const { diagnostics } = load(`# Tittel\n\nSe ${markdown}.\n`);
    const unsafe = diagnostics.filter((d) => d.rule === 'link-unsafe');
    expect(unsafe.map((d) => [d.severity, d.pos?.start.line, d.pos?.start.column])).toEqual([['error', 8, 4]]);
    expect(diagnostics.filter((d) => d.rule === 'link-relative')).toEqual([]);
  });

  it('warns about ftp: and says the link becomes plain text', () => {
    const { diagnostics } = load('# Tittel\n\nSe [fila](ftp://ftp.example.no/fil).\n');
    const d = diagnostics.find((x) => x.rule === 'link-scheme');
    expect([d?.severity, d?.message]).toEqual(['warning', expect.stringContaining('plain text')]);
  });
});

describe('every format makes the same links live', () => {
  const body = [
    '# Økonomi',
    '',
    'Til [økonomien](#%C3%B8konomi), [telefonen](tel:+4722000000), [nettstedet](https://www.regjeringen.no/),',
    '[fila](ftp://ftp.example.no/fil) og [vedlegget](vedlegg.pdf).',
    '',
  ].join('\n');
  let doc: ReportDocument;
  beforeAll(() => {
    const loaded = load(body);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    doc = loaded.doc as ReportDocument;
  });

  it('the PDF: one GoTo to the heading økonomi, URIs for tel and https only', async () => {
    const pdf = await getDocument({ data: await renderPdf(doc), isEvalSupported: false, useSystemFonts: false }).promise;
    const links: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      for (const a of await (await pdf.getPage(n)).getAnnotations()) {
        if (a.subtype === 'Link') links.push(a.url ? `uri ${a.url}` : `dest ${JSON.stringify(a.dest)}`);
      }
    }
    await pdf.destroy();
    // Contents entries point at headings too; the body's links are the ones that are not "Innhold" entries.
    expect(links.filter((l) => l.startsWith('uri'))).toEqual(['uri tel:+4722000000', 'uri https://www.regjeringen.no/']);
    expect(links).toContain('dest "økonomi"');
  });

  it('the DOCX: an internal hyperlink to the heading, external relationships for tel and https only', async () => {
    const parts = readParts(await renderDocx(doc, { layout: 'report', pages: {} }));
    const document = parts['word/document.xml'] ?? '';
    const rels = parts['word/_rels/document.xml.rels'] ?? '';
    const external = [...rels.matchAll(/Target="([^"]+)" TargetMode="External"/g)].map((m) => unescapeXml(m[1] ?? ''));
    expect(external.sort()).toEqual(['https://www.regjeringen.no/', 'tel:+4722000000']);
    const anchors = [...document.matchAll(/<w:hyperlink [^>]*w:anchor="([^"]+)"/g)].map((m) => m[1]);
    const heading = paragraphs(document).find((p) => p.style === 'Heading1' && p.text === 'Økonomi');
    const names = [...(heading?.xml ?? '').matchAll(/<w:bookmarkStart w:name="([^"]+)"/g)].map((m) => m[1]);
    // The contents entry and the body's link both lead to a bookmark on the heading.
    expect(anchors).toHaveLength(2);
    for (const anchor of anchors) expect(names).toContain(anchor);
    // The refused targets keep their words, as plain text.
    expect(document).toContain('fila');
    expect(document).toContain('vedlegget');
  });
});

describe('a thematic break is drawn in the DOCX whatever follows it', () => {
  it.each([
    ['a paragraph', 'Etter.'],
    ['a heading', '## Neste'],
    ['a list', '- punkt'],
    ['a table', '| a | b |\n| - | - |\n| 1 | 2 |'],
    ['the end of the document', ''],
  ])('followed by %s', async (_name, after) => {
    const { doc } = load(`# Tittel\n\nFør.\n\n---\n\n${after}\n`);
    const document = readParts(await renderDocx(doc as ReportDocument, { layout: 'report', pages: {} }))['word/document.xml'] ?? '';
    const body = document.slice(document.indexOf('Før.'));
    expect(body.match(/<w:pBdr><w:top /g)).toHaveLength(1);
  });
});
