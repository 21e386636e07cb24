/**
 * Nothing is lost: every word of the model's text appears in an output's text, in order.
 * The PDF is read as tagged text (the structure tree in reading order, artifacts left out), the
 * DOCX as the text of its document and footnote parts, the web page as the text of its elements.
 */
import type { Block, ReportDocument } from '../../src/model/types.js';
import { blockText } from '../../src/model/text.js';
import { fromHtml } from 'hast-util-from-html';
import type { Nodes as HastNodes } from 'hast';
import { readPdf } from './pdf-read.js';
import { elementText, readText } from './pdf-text.js';
import { paragraphs, readParts, textOf } from './docx-read.js';

/** Lower-cased runs of letters and digits; soft hyphens are invisible, so they join words. */
export function words(text: string): string[] {
  return text.replace(/\u00ad/g, '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** The model's text in the pieces that must each appear in order: title, body, every note. */
export function modelTexts(doc: ReportDocument): string[] {
  return [
    [doc.frame.cover.title, doc.frame.cover.subtitle ?? ''].join('\n'),
    blockText(withoutAlt(doc.body)),
    ...doc.footnotes.map((note) => blockText(withoutAlt(note.children))),
  ];
}

/** Alt text is not page text (the PDF holds it in /Alt, the DOCX in a drawing property). */
function withoutAlt(blocks: readonly Block[]): Block[] {
  return blocks.map((block) => {
    switch (block.type) {
      case 'figure':
        return { ...block, alt: '' };
      case 'blockquote':
      case 'plainText':
      case 'admonition':
        return { ...block, children: withoutAlt(block.children) };
      case 'list':
        return { ...block, items: block.items.map((item) => ({ ...item, children: withoutAlt(item.children) })) };
      default:
        return block;
    }
  });
}

/**
 * The expected words that `actual` lacks, in order, each with a little context. A word may be
 * split over several output words (a long word broken across lines without a hyphen).
 */
export function missingWords(expected: readonly string[], actual: readonly string[]): string[] {
  const missing: string[] = [];
  let at = 0;
  for (let i = 0; i < expected.length; i++) {
    const word = expected[i] as string;
    const found = findWord(word, actual, at);
    if (found === undefined) {
      missing.push(`${expected.slice(Math.max(0, i - 3), i).join(' ')} [${word}] ${expected.slice(i + 1, i + 4).join(' ')}`);
      if (missing.length >= 20) break;
    } else {
      at = found;
    }
  }
  return missing;
}

/** Index after the output words at or after `from` that spell `word`, or undefined. */
function findWord(word: string, actual: readonly string[], from: number): number | undefined {
  for (let p = from; p < actual.length; p++) {
    let joined = actual[p] as string;
    let q = p + 1;
    while (joined.length < word.length && word.startsWith(joined) && q < actual.length) joined += actual[q++];
    if (joined === word) return q;
  }
  return undefined;
}

/** Every model text's words that an output's text lacks (empty when nothing is lost). */
export function lostWords(doc: ReportDocument, outputText: string): string[] {
  const actual = words(outputText);
  return modelTexts(doc).flatMap((text) => missingWords(words(text), actual));
}

/** The tagged text of a PDF in reading order. */
export async function pdfTaggedText(bytes: Uint8Array): Promise<string> {
  const [{ tree }, text] = await Promise.all([readPdf(bytes), readText(bytes)]);
  return elementText(tree, text);
}

/**
 * The text of a .docx: document, then footnotes, paragraph by paragraph. Runs are kept apart
 * (a note number in its own run is no part of the word before it); a word split over runs is
 * joined again by the comparison.
 */
export function docxText(bytes: Uint8Array): string {
  const parts = readParts(bytes);
  return ['word/document.xml', 'word/footnotes.xml']
    .flatMap((name) => paragraphs(parts[name] ?? '').map((p) => [...p.xml.matchAll(/<w:r[ >][\s\S]*?<\/w:r>/g)].map((run) => textOf(run[0])).join(' ')))
    .join('\n');
}

/** The text a reader of an HTML page gets: every text node outside style and script, in document order. */
export function htmlText(bytes: Uint8Array): string {
  const out: string[] = [];
  const visit = (node: HastNodes): void => {
    if (node.type === 'text') out.push(node.value);
    if (node.type === 'element' && (node.tagName === 'style' || node.tagName === 'script')) return;
    if ('children' in node) node.children.forEach(visit);
  };
  visit(fromHtml(Buffer.from(bytes).toString('utf8')));
  return out.join(' ');
}

/** What an output of the given kind lost of the model's words (empty when nothing is lost). */
export async function lostIn(doc: ReportDocument, suffix: string, bytes: Uint8Array): Promise<string[]> {
  if (suffix.endsWith('.pdf')) return lostWords(doc, await pdfTaggedText(bytes));
  if (suffix.endsWith('.docx')) return lostWords(doc, docxText(bytes));
  if (suffix.endsWith('.html')) return lostWords(doc, htmlText(bytes));
  return [];
}
