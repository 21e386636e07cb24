/**
 * Raw HTML and admonitions as real documents write them, read through hast into model nodes and
 * checked in every output: the model, the PDF's structure tree, the DOCX XML and the plain HTML.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReport, loadReportText } from '../src/pipeline/load.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { blocksToHtml } from '../src/render/html/content.js';
import { walk } from '../src/model/walk.js';
import { blockText, inlineText } from '../src/model/text.js';
import type { Block, ReportDocument } from '../src/model/types.js';
import { formatDiagnostic } from '../src/diagnostics.js';
import { fixturesDir } from './helpers/paths.js';
import { findAll, readPdf, type StructElem } from './helpers/pdf-read.js';
import { elementText, readText, type PdfText } from './helpers/pdf-text.js';
import { paragraphs, renderFile, textOf } from './helpers/docx-read.js';

const file = join(fixturesDir, 'realworld-html', 'html.md');

function load(): ReportDocument {
  const { doc, diagnostics } = loadReport(file);
  expect(diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic)).toEqual([]);
  if (!doc) throw new Error('no model');
  return doc;
}

const types = (blocks: readonly Block[]) => blocks.map((b) => (b.type === 'admonition' ? `admonition:${b.kind}` : b.type));

describe('raw HTML becomes model nodes', () => {
  it('inline elements, split over several Markdown nodes, become emphasis, code, scripts, breaks and links', () => {
    const para = load().body[1];
    expect(para?.type).toBe('paragraph');
    if (para?.type !== 'paragraph') return;
    expect(para.children.map((c) => c.type)).toEqual([
      'text', 'strong', 'text', 'emphasis', 'text', 'delete', 'text', 'inlineCode', 'text', 'superscript', 'text', 'subscript',
      'text', 'text', 'text', 'break', 'text', 'link', 'text',
    ]);
    expect(inlineText(para.children)).toBe('Tekst med fet, kursiv, strøket, Ctrl, x2,\nH2O og liten tekst. Ny linje med lenke til toppen.');
  });

  it('blocks become paragraphs, boxes, lists, tables with header cells and a caption, and figures', () => {
    expect(types(load().body)).toEqual([
      'heading', 'paragraph', 'paragraph', 'admonition:details', 'list', 'table', 'figure', 'figure', 'admonition:tip',
      'admonition:warning', 'paragraph',
    ]);
    const [, , p, details, dl, table, figure, decorative] = load().body;
    expect(p && blockText([p])).toBe('Et avsnitt i p.');
    expect(details).toMatchObject({ title: [{ value: 'Mer om saken' }] });
    expect(details && blockText([details])).toBe('Mer om saken\nInnholdet i details er Markdown.');
    expect(dl && blockText([dl])).toBe('Begrep\nForklaringen av begrepet.');
    expect(table).toMatchObject({ headerRows: 1, caption: [{ value: 'Tall per år' }] });
    expect(figure).toMatchObject({ alt: 'Søyler som stiger fra 12 til 15', decorative: false, caption: [{ value: 'Antall per år' }] });
    expect(decorative).toMatchObject({ alt: '', decorative: true });
  });

  it('an <a name> in a heading is a link target; tag-like text is printed as written, with a warning', () => {
    const doc = load();
    const links: string[] = [];
    walk(doc.body, (n) => {
      if (n.type === 'link') links.push(n.href);
    });
    expect(links).toEqual([`#${doc.body[0]?.type === 'heading' ? doc.body[0].id : ''}`]);
    expect(doc.body.at(-1) && blockText([doc.body.at(-1) as Block])).toBe('Skriv versjonen som <major>.<minor>.');
    const { diagnostics } = loadReport(file);
    expect(diagnostics.filter((d) => d.rule === 'html-unknown-tag').map((d) => `${d.pos?.start.line}:${d.pos?.start.column}`)).toEqual(['48:21', '48:29']);
  });

  it('refuses scripts, embedded pages, form controls, event handlers and javascript: with an error each', () => {
    const text = '---\ntitle: T\nlang: nb\n---\n\n# T\n\n<iframe src="https://example.org"></iframe>\n\nA <b onclick="x()">b</b> <a href="javascript:alert(1)">c</a> <input value="d">\n\n<!-- en kommentar -->\n';
    const { diagnostics } = loadReportText(join(fixturesDir, 'x.md'), text);
    expect(diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.rule} ${d.pos?.start.line}:${d.pos?.start.column}`)).toEqual([
      'html-unsafe 8:1', 'html-unsafe 10:3', 'html-unsafe 10:26', 'html-unsafe 10:62',
    ]);
  });

  it('a Mermaid diagram keeps its source as a code block, with a warning', () => {
    const text = '---\ntitle: T\nlang: nb\n---\n\n# T\n\n<div class="mermaid">\ngraph TD; A-->B\n</div>\n';
    const { doc, diagnostics } = loadReportText(join(fixturesDir, 'x.md'), text);
    expect(doc?.body[1]).toMatchObject({ type: 'code', lang: 'mermaid', value: 'graph TD; A-->B' });
    expect(diagnostics.map((d) => d.rule)).toContain('diagram-as-code');
  });
});

describe('the same constructs in the outputs', () => {
  let root: StructElem;
  let text: PdfText;

  beforeAll(async () => {
    const bytes = await renderPdf(load());
    root = (await readPdf(bytes)).tree.children[0] as StructElem;
    text = await readText(bytes);
  });

  it('PDF: boxes are Divs led by their label in words; the table has TH cells and a caption; one Figure with Alt', () => {
    const divs = findAll(root, 'Div').map((d) => elementText(d.children[0] as StructElem, text));
    expect(divs).toEqual(expect.arrayContaining(['Mer om saken', 'Tips: Bruk resultatene', 'Advarsel: Pass på']));
    const table = findAll(root, 'Table').at(-1) as StructElem;
    expect(findAll(table, 'TH').map((th) => elementText(th, text).trim())).toEqual(['År', 'Antall']);
    expect(findAll(table, 'Caption').length + findAll(root, 'Caption').length).toBeGreaterThan(0);
    const figures = findAll(root, 'Figure');
    expect(figures.map((f) => f.attrs['Alt'])).toEqual(['Søyler som stiger fra 12 til 15']);
    expect(findAll(root, 'L').length).toBeGreaterThan(0);
  });

  it('DOCX: boxes in the Admonition style with their label, a header row, alt text and a decorative image', async () => {
    const { parts } = await renderFile(file);
    const body = parts['word/document.xml'] ?? '';
    const boxes = paragraphs(body).filter((p) => p.style === 'Admonition').map((p) => p.text);
    expect(boxes).toEqual(['Mer om saken', 'Innholdet i details er Markdown.', 'Tips: Bruk resultatene', 'Tipset står i en boks.',
      'Advarsel: Pass på', 'Advarselen står i en boks.']);
    expect(body).toContain('<w:tblHeader/>');
    expect(body).toContain('descr="Søyler som stiger fra 12 til 15"');
    expect(body).toMatch(/<adec:decorative [^>]*val="1"/);
    expect(textOf(body)).toContain('Skriv versjonen som <major>.<minor>.');
  });

  it('HTML: boxes are notes led by their label, and <details> stays an open disclosure', () => {
    const doc = load();
    const html = blocksToHtml(doc.body, { ids: new Set(), level: (h) => h.level + 1, labels: doc.frame.labels, report: true });
    expect(html).toContain('<div class="admonition tip" role="note">\n<p><strong>Tips: Bruk resultatene</strong></p>');
    expect(html).toContain('<details class="admonition" open>\n<summary><strong>Mer om saken</strong></summary>');
  });
});
