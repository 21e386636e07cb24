/** Text of a PDF by marked-content id, read with pdfjs-dist. */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { StructElem } from './pdf-read.js';

/** The text of one marked-content sequence and the lines (page, baseline) it starts and ends on. */
export interface McText {
  text: string;
  first: string;
  last: string;
}

/** Text per page and MCID, plus the plain text of each page in drawing order. */
export interface PdfText {
  byMcid: Map<string, McText>;
  pages: string[];
}

/** A text item with the `page:mcid` keys of the marked content open around it, innermost last. */
export interface MarkedItem {
  str: string;
  /** Baseline, in points from the bottom of the page. */
  y: number;
  /** Font size in points (the text matrix's vertical scale). */
  size: number;
  hasEOL: boolean;
  keys: (string | undefined)[];
}

/** Every text item of every page in drawing order, with the marked content around it. */
export async function markedItems(bytes: Uint8Array): Promise<MarkedItem[][]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: MarkedItem[][] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent({ includeMarkedContent: true });
    const stack: (string | undefined)[] = [];
    const items: MarkedItem[] = [];
    for (const item of content.items) {
      if ('type' in item) {
        if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
          const mcid = item.id ? /_mc(\d+)$/.exec(item.id)?.[1] : undefined;
          stack.push(mcid === undefined ? undefined : `${n - 1}:${mcid}`);
        } else if (item.type === 'endMarkedContent') {
          stack.pop();
        }
        continue;
      }
      const [, , c, d, , y] = item.transform as number[];
      items.push({ str: item.str, y: y as number, size: Math.hypot(c as number, d as number), hasEOL: item.hasEOL, keys: [...stack] });
    }
    pages.push(items);
  }
  await pdf.destroy();
  return pages;
}

/** Reads the text of every page, keyed by `page:mcid` of the marked content it sits in. */
export async function readText(bytes: Uint8Array): Promise<PdfText> {
  const byMcid = new Map<string, McText>();
  const pages: string[] = [];
  for (const [index, items] of (await markedItems(bytes)).entries()) {
    let pageText = '';
    for (const item of items) {
      const key = [...item.keys].reverse().find((k) => k !== undefined);
      pageText += item.str + (item.hasEOL ? '\n' : '');
      if (!key) continue;
      if (item.str === '') {
        // pdf.js reads a space drawn between two shifted baselines (a superscript, then a
        // subscript) as a line end with no text: it still parts the words on either side.
        const open = byMcid.get(key);
        if (item.hasEOL && open && !/[\s\-‐]$/.test(open.text)) open.text += ' ';
        continue;
      }
      const line = `${index + 1}:${Math.round(item.y)}`;
      const seen = byMcid.get(key) ?? { text: '', first: line, last: line };
      seen.text += item.str + (item.hasEOL && !item.str.endsWith('-') ? ' ' : '');
      seen.last = line;
      byMcid.set(key, seen);
    }
    pages.push(pageText);
  }
  return { byMcid, pages };
}

/**
 * The text of an element in reading order; `skip` leaves out subtrees (notes, references).
 * pdfmake breaks lines at spaces and after hyphens, and extractors drop a line's trailing space,
 * so a space is restored where one marked-content sequence ends on another line than the next
 * begins, unless the line ended in a hyphen.
 */
export function elementText(elem: StructElem, text: PdfText, skip: (e: StructElem) => boolean = () => false): string {
  const pieces: McText[] = [];
  collect(elem, text, skip, pieces);
  let out = '';
  let last: string | undefined;
  for (const piece of pieces) {
    if (last !== undefined && last !== piece.first && !/[\s-]$/.test(out)) out += ' ';
    out += piece.text;
    last = piece.last;
  }
  return out;
}

function collect(elem: StructElem, text: PdfText, skip: (e: StructElem) => boolean, out: McText[]): void {
  for (const kid of elem.kids) {
    if ('role' in kid) {
      if (!skip(kid)) collect(kid, text, skip, out);
    } else {
      const piece = text.byMcid.get(`${kid.page}:${kid.mcid}`);
      if (piece) out.push(piece);
    }
  }
}
