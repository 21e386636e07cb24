/** The text lines of each page, each tied to the structure element it is tagged with. */
import type { StructElem } from './pdf-read.js';
import { markedItems } from './pdf-text.js';

/** A run of text on a page, with the block element (P, H2, TD, …) it belongs to. */
export interface TextRun {
  text: string;
  /** Baseline, in points from the bottom of the page. */
  y: number;
  block: StructElem;
  heading: boolean;
  /** Drawn in a footnote area. */
  note: boolean;
}

/** A line: runs on about the same baseline (superscripts included). */
export interface TextLine {
  y: number;
  runs: TextRun[];
}

interface Place {
  block: StructElem;
  heading: boolean;
  note: boolean;
}

const INLINE = new Set(['Link', 'Span']);

/** Where each marked-content id (`page:mcid`) sits in the tree. */
function places(tree: StructElem): Map<string, Place> {
  const out = new Map<string, Place>();
  const visit = (e: StructElem, block: StructElem, heading: boolean, note: boolean) => {
    const isHeading = heading || /^H[1-6]$/.test(e.role);
    const isNote = note || e.role === 'Note';
    // Links, spans and inline code belong to the block around them.
    const inline = INLINE.has(e.role) || (e.role === 'Code' && block.role !== 'StructTreeRoot' && block.role !== 'Sect');
    const own = inline ? block : e;
    for (const { page, mcid } of e.mcids) out.set(`${page}:${mcid}`, { block: own, heading: isHeading, note: isNote });
    for (const child of e.children) visit(child, own, isHeading, isNote);
  };
  visit(tree, tree, false, false);
  return out;
}

/** Reads the tagged body text of every page as lines, top to bottom, in drawing order. */
export async function readLines(bytes: Uint8Array, tree: StructElem): Promise<TextLine[][]> {
  const where = places(tree);
  return (await markedItems(bytes)).map((items) => {
    const runs: TextRun[] = [];
    for (const item of items) {
      const key = item.keys[item.keys.length - 1];
      const place = key ? where.get(key) : undefined;
      if (!place || item.str.trim() === '') continue;
      runs.push({ text: item.str, y: item.y, ...place });
    }
    return toLines(runs);
  });
}

/** Groups runs into lines: a new line starts where the baseline drops by more than 6 pt. */
function toLines(runs: TextRun[]): TextLine[] {
  const lines: TextLine[] = [];
  for (const run of runs) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.y - run.y) <= 6) last.runs.push(run);
    else lines.push({ y: run.y, runs: [run] });
  }
  return lines;
}
