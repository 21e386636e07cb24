/**
 * Parity across formats: the PDF, the Word file and the web page of one model hold the same body
 * words in the same order, the same headings with the same numbers, the same figure and table
 * captions, the same link targets and the same footnotes. Each format is read back from its own
 * file (the PDF's tag tree, the DOCX XML with Word's own heading numbering worked out, the
 * HTML's elements); any difference fails with the first place the formats part.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromHtml } from 'hast-util-from-html';
import type { Element, Nodes as HastNodes } from 'hast';
import type { ReportDocument } from '../src/model/types.js';
import { inlineText } from '../src/model/text.js';
import { walkDocument } from '../src/model/walk.js';
import { renderPdf } from '../src/render/pdf/index.js';
import { renderDocx } from '../src/render/docx/index.js';
import { renderHtml } from '../src/render/html/index.js';
import { bookmarkNames } from '../src/render/docx/bookmarks.js';
import { loadFixture } from './helpers/pdf-render.js';
import { fixturesDir, reportPath } from './helpers/paths.js';
import { lookupDict, readPdf, text as pdfString, type ReadPdf, type StructElem } from './helpers/pdf-read.js';
import { elementText, readText } from './helpers/pdf-text.js';
import { paragraphs, readParts, textOf } from './helpers/docx-read.js';
import { words } from './helpers/text-presence.js';
import { PDFName } from 'pdf-lib';

/** What a reader finds in one format, in reading order. */
interface Reading {
  /** Body headings as shown: number and title. */
  headings: string[];
  captions: string[];
  /** Targets of the links in the body: `#id` or the address. */
  links: string[];
  /** Footnote texts, in note order. */
  notes: string[];
  /** Words of the body from its first heading, notes and note markers left out. */
  words: string[];
}

const FIXTURES = ['pdf-all-constructs', 'pdf-footnotes', 'pdf-headings', 'pdf-inline-images', 'docx-all-constructs', 'cross-references/nb.md', 'realworld-html/html.md', 'realworld-anchors/FAQ.md', 'realworld-anchors/site-page.md', 'parity/title-equals-chapter.md'];

function fixtureFile(name: string): string {
  return name.endsWith('.md') ? join(fixturesDir, name) : join(fixturesDir, name, 'report.md');
}

const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** A footnote's text without its number: Word and the web page number their notes themselves. */
const noteText = (s: string): string => words(s).join(' ').replace(/^\d+ /, '');

/** The model's body heading titles: a format's heading counts as a body heading when its text ends with one. */
function bodyTitles(doc: ReportDocument): Set<string> {
  const titles = new Set<string>();
  walkDocument(doc, (node) => {
    if (node.type === 'heading') titles.add(squash(inlineText(node.children)));
  });
  return titles;
}

function isBodyHeading(shown: string, titles: ReadonlySet<string>): boolean {
  const s = squash(shown);
  return [...titles].some((t) => t !== '' && s.endsWith(t) && /^[\d.]*\s*$/.test(s.slice(0, s.length - t.length)));
}

// ---- PDF: the tag tree in reading order -------------------------------------------------------

async function pdfReading(bytes: Uint8Array, titles: ReadonlySet<string>, noteTargets: ReadonlySet<string>): Promise<Reading> {
  const [read, text] = await Promise.all([readPdf(bytes), readText(bytes)]);
  const r: Reading = { headings: [], captions: [], links: [], notes: [], words: [] };
  let inBody = false;
  // The frame comes first: the body's headings follow the contents.
  let afterContents = !hasRole(read.tree, 'TOC');
  const bodyText: string[] = [];
  const visit = (elem: StructElem): void => {
    for (const [index, kid] of elem.kids.entries()) {
      if (!('role' in kid)) {
        if (inBody) bodyText.push(elementText({ ...elem, kids: [kid] }, text));
        continue;
      }
      const role = kid.role;
      const next = elem.kids[index + 1];
      // The frame's contents (a heading and its TOC) is no part of the body, whatever its heading says.
      if (next && 'role' in next && next.role === 'TOC') continue;
      // List labels: Word and the web page number their lists themselves.
      if (role === 'Lbl') continue;
      if (role === 'TOC') afterContents = true;
      // The cover's title is the document's H1, not a heading of the body, even when a chapter has the same words.
      if (/^H[1-6]$/.test(role) && afterContents) {
        const shown = squash(elementText(kid, text));
        if (isBodyHeading(shown, titles)) {
          inBody = true;
          r.headings.push(shown);
        }
      }
      if (role === 'Note') {
        r.notes.push(noteText(elementText(kid, text)));
        continue;
      }
      if (inBody && role === 'Caption') r.captions.push(squash(elementText(kid, text)));
      if (role === 'Link') {
        const targets = pdfLinkTargets(read, kid);
        // A note's reference mark links to its note: a number of its own, not a word or a link of the text.
        if (targets.some((t) => noteTargets.has(t))) continue;
        if (inBody) r.links.push(...targets);
      }
      visit(kid);
    }
  };
  visit(read.tree);
  r.words = words(bodyText.join(' '));
  return r;
}

function hasRole(elem: StructElem, role: string): boolean {
  return elem.children.some((kid) => kid.role === role || hasRole(kid, role));
}

function pdfLinkTargets(read: ReadPdf, link: StructElem): string[] {
  return link.annots.map((annot) => {
    const action = lookupDict(read.pdf, annot.get(PDFName.of('A')));
    const kind = pdfString(action?.get(PDFName.of('S')));
    return kind === 'GoTo' ? `#${pdfString(action?.get(PDFName.of('D'))) ?? ''}` : (pdfString(action?.get(PDFName.of('URI'))) ?? '');
  });
}

// ---- DOCX: the XML, with Word's heading numbering worked out ----------------------------------

/** Heading number patterns by level ("%1.%2"), from the list the Heading styles are linked to. */
function headingPatterns(numberingXml: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const m of numberingXml.matchAll(/<w:lvl w:ilvl="(\d)"[^>]*>((?:(?!<\/w:lvl>)[\s\S])*)<\/w:lvl>/g)) {
    const style = /<w:pStyle w:val="Heading(\d)"\/>/.exec(m[2] ?? '');
    const pattern = /<w:lvlText w:val="([^"]*)"\/>/.exec(m[2] ?? '');
    if (style && pattern) out.set(Number(style[1]), pattern[1] ?? '');
  }
  return out;
}

function docxReading(bytes: Uint8Array, doc: ReportDocument, titles: ReadonlySet<string>): Reading {
  const parts = readParts(bytes);
  const body = parts['word/document.xml'] ?? '';
  const patterns = headingPatterns(parts['word/numbering.xml'] ?? '');
  const rels = new Map([...(parts['word/_rels/document.xml.rels'] ?? '').matchAll(/Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map((m) => [m[1], m[2]]));
  const idOf = new Map([...bookmarkNames(doc.body)].map(([id, name]) => [name, id]));
  const r: Reading = { headings: [], captions: [], links: [], notes: [], words: [] };
  const counters = [0, 0, 0, 0, 0, 0, 0];
  let inBody = false;
  const bodyText: string[] = [];
  for (const p of paragraphs(body)) {
    const level = Number(/^Heading(\d)$/.exec(p.style ?? '')?.[1] ?? 0);
    if (level > 0 && isBodyHeading(p.text, titles)) {
      inBody = true;
      let shown = p.text;
      const pattern = patterns.get(level);
      if (pattern && !/<w:numId w:val="0"\/>/.test(p.xml)) {
        counters[level] = (counters[level] ?? 0) + 1;
        counters.fill(0, level + 1);
        shown = `${pattern.replace(/%(\d)/g, (_, l: string) => String(counters[Number(l)] ?? 0))} ${p.text}`;
      }
      r.headings.push(squash(shown));
    }
    if (!inBody) continue;
    if (level > 0) bodyText.push(r.headings.at(-1)?.slice(0, -squash(p.text).length) ?? '');
    if (p.style === 'Caption') r.captions.push(squash(p.text));
    for (const m of p.xml.matchAll(/<w:hyperlink [^>]*?(?:w:anchor="([^"]+)"|r:id="([^"]+)")[^>]*>|w:instr="REF (\S+)/g)) {
      const anchor = m[1] ?? m[3];
      r.links.push(anchor ? `#${idOf.get(anchor) ?? anchor}` : (rels.get(m[2] ?? '') ?? ''));
    }
    // A note referred to again shows its number through a NOTEREF field: a mark, not a word.
    bodyText.push(textOf(p.xml.replace(/<w:fldSimple w:instr="NOTEREF[\s\S]*?<\/w:fldSimple>/g, '')));
  }
  r.words = words(bodyText.join('\n'));
  for (const m of (parts['word/footnotes.xml'] ?? '').matchAll(/<w:footnote w:id="(\d+)">([\s\S]*?)<\/w:footnote>/g)) {
    if (Number(m[1]) > 0) r.notes.push(noteText(paragraphs(m[2] ?? '').map((p) => p.text).join(' ')));
  }
  return r;
}

// ---- HTML: the page's elements -----------------------------------------------------------------

const BLOCKS = new Set(['br', 'p', 'li', 'td', 'th', 'tr', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'caption', 'dt', 'dd', 'pre', 'blockquote', 'section', 'table', 'figure']);

function htmlReading(html: string, titles: ReadonlySet<string>): Reading {
  const r: Reading = { headings: [], captions: [], links: [], notes: [], words: [] };
  const textOfNode = (node: HastNodes, skip: (e: Element) => boolean = () => false): string => {
    if (node.type === 'text') return node.value;
    if (node.type === 'element' && skip(node)) return '';
    return 'children' in node ? node.children.map((c) => textOfNode(c, skip)).join('') : '';
  };
  const isNoteRef = (e: Element): boolean => e.tagName === 'sup' && e.children.some((c) => c.type === 'element' && c.properties['role'] === 'doc-noteref');
  const isBackLink = (e: Element): boolean => e.properties['role'] === 'doc-backlink';
  let inBody = false;
  const bodyText: string[] = [];
  const visit = (node: HastNodes): void => {
    if (node.type === 'text') {
      if (inBody) bodyText.push(node.value);
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element') {
      // Page furniture: the cover (whose h1 is the title), the contents and the colophon.
      if (['style', 'script', 'header', 'footer', 'nav'].includes(node.tagName)) return;
      if (node.tagName === 'section' && String(node.properties['className'] ?? '').includes('footnotes')) {
        for (const li of node.children.flatMap(function items(c): Element[] {
          return c.type === 'element' ? (c.tagName === 'li' ? [c] : c.children.flatMap(items)) : [];
        })) {
          r.notes.push(noteText(textOfNode(li, isBackLink)));
        }
        return;
      }
      if (isNoteRef(node)) return;
      if (/^h[1-6]$/.test(node.tagName)) {
        const shown = squash(textOfNode(node));
        if (isBodyHeading(shown, titles)) {
          inBody = true;
          r.headings.push(shown);
        }
      }
      if (inBody && (node.tagName === 'figcaption' || node.tagName === 'caption')) r.captions.push(squash(textOfNode(node)));
      const href = node.properties['href'];
      if (inBody && node.tagName === 'a' && typeof href === 'string') r.links.push(href.startsWith('#') ? `#${decodeURIComponent(href.slice(1))}` : href);
    }
    node.children.forEach(visit);
    // Blocks and cells end a word, as on the page.
    if (node.type === 'element' && BLOCKS.has(node.tagName)) bodyText.push(' ');
  };
  visit(fromHtml(html));
  r.words = words(bodyText.join(''));
  return r;
}

// ---- comparison --------------------------------------------------------------------------------

/** Where two lists first part, with a little context; undefined when they are equal. */
function firstDivergence(a: readonly string[], b: readonly string[]): string | undefined {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) {
    if (a[i] !== b[i]) {
      const around = (l: readonly string[]) => `${l.slice(Math.max(0, i - 4), i).join(' ')} [${l[i] ?? '(end)'}] ${l.slice(i + 1, i + 4).join(' ')}`;
      return `at ${i} of ${a.length}/${b.length}: ${around(a)}  ≠  ${around(b)}`;
    }
  }
  return undefined;
}

function differences(name: string, a: Reading, b: Reading): string[] {
  const keys: (keyof Reading)[] = ['headings', 'captions', 'links', 'notes', 'words'];
  return keys.flatMap((key) => {
    const where = firstDivergence(a[key], b[key]);
    return where ? [`${name} ${key} ${where}`] : [];
  });
}

async function readings(file: string): Promise<{ pdf: Reading; docx: Reading; html: Reading }> {
  const doc = loadFixture(file);
  const titles = bodyTitles(doc);
  return {
    pdf: await pdfReading(await renderPdf(doc), titles, new Set(doc.footnotes.map((note) => `#fn-${note.id}`))),
    docx: docxReading(await renderDocx(doc, { layout: 'report', pages: {} }), doc, titles),
    html: htmlReading(renderHtml(doc), titles),
  };
}

describe('the PDF, the Word file and the web page agree', () => {
  it.each([reportPath, ...FIXTURES.map(fixtureFile)])('%s', async (file) => {
    const { pdf, docx, html } = await readings(file);
    expect(pdf.headings.length).toBeGreaterThan(0);
    expect(pdf.words.length).toBeGreaterThan(20);
    expect([...differences('PDF/DOCX', pdf, docx), ...differences('PDF/HTML', pdf, html)]).toEqual([]);
  }, 120_000);

  it('compares something of every kind: the all-constructs fixture has each in every format', async () => {
    const all = await readings(fixtureFile('pdf-all-constructs'));
    for (const [format, reading] of Object.entries(all)) {
      for (const [kind, list] of Object.entries(reading)) expect(list.length, `${format} ${kind}`).toBeGreaterThan(0);
    }
  }, 120_000);
});
