/**
 * Long footnotes in page-sized pieces. A note taller than a share of a page is cut into
 * pieces, at block boundaries or between words of a paragraph; the first piece goes to the page
 * of the reference and each further piece to the foot of the next page, as word processors do.
 * Pieces keep their runs' structure tags, so the note reads as one in the tag tree.
 */
import type { PdfNode } from './marks.js';
import type { PdfInline } from './inlines.js';
import { LINE_EM, textEm } from './text-measure.js';

/** The measure and type of the note area, and the most a piece may take of a page. */
export interface PieceLimits {
  width: number;
  size: number;
  lineHeight: number;
  maxHeight: number;
}

/** Widths are estimates (no kerning, no line-break slack): lines are counted generously. */
const SLACK = 1.15;

/** Splits a note's blocks into pieces no taller than `limits.maxHeight` (by estimate). */
export function notePieces(blocks: readonly PdfNode[], limits: PieceLimits): PdfNode[][] {
  const lineHeight = limits.size * LINE_EM * limits.lineHeight;
  const maxLines = Math.max(3, Math.floor(limits.maxHeight / lineHeight));
  const pieces: PdfNode[][] = [[]];
  let used = 0;
  for (const block of blocks) {
    const runs = paragraphRuns(block);
    const lines = runs ? linesOf(runs, limits) : maxLines;
    if (used + lines <= maxLines || !runs) {
      if (used > 0 && used + lines > maxLines) {
        pieces.push([]);
        used = 0;
      }
      (pieces[pieces.length - 1] as PdfNode[]).push(block);
      used += lines;
      continue;
    }
    // A paragraph that does not fit what is left: cut it between words.
    for (const part of cutRuns(runs, maxLines - used, maxLines, limits)) {
      if (used >= maxLines) {
        pieces.push([]);
        used = 0;
      }
      (pieces[pieces.length - 1] as PdfNode[]).push({ ...block, text: part.runs });
      used += part.lines;
    }
  }
  return pieces.filter((piece) => piece.length > 0);
}

function paragraphRuns(block: PdfNode): PdfInline[] | undefined {
  const text = block['text'];
  return Array.isArray(text) ? (text as PdfInline[]) : undefined;
}

function runEm(text: string, run: PdfInline): number {
  return textEm(text, run.bold === true, run.font !== undefined);
}

function linesOf(runs: readonly PdfInline[], limits: PieceLimits): number {
  let lines = 1;
  let em = 0;
  for (const run of runs) {
    if (run.text === '\n') {
      lines += Math.ceil((em * limits.size * SLACK) / limits.width);
      em = 0;
      continue;
    }
    em += runEm(run.text, run);
  }
  return lines + Math.ceil((em * limits.size * SLACK) / limits.width);
}

/** Cuts runs into parts of at most `first` lines, then `rest` lines each, between words. */
function cutRuns(runs: readonly PdfInline[], first: number, rest: number, limits: PieceLimits): { runs: PdfInline[]; lines: number }[] {
  const parts: { runs: PdfInline[]; lines: number }[] = [];
  let current: PdfInline[] = [];
  let budget = Math.max(1, first) * limits.width;
  let used = 0;
  const close = () => {
    if (current.length === 0) return;
    parts.push({ runs: current, lines: Math.ceil(used / limits.width) });
    current = [];
    used = 0;
    budget = rest * limits.width;
  };
  for (const run of runs) {
    for (const word of run.text.match(/\S*\s*|\n/g) ?? []) {
      if (!word) continue;
      const width = word === '\n' ? limits.width : runEm(word, run) * limits.size * SLACK;
      if (used + width > budget && current.length > 0) close();
      const last = current[current.length - 1];
      if (last && last._rv === run._rv && sameStyle(last, run)) last.text += word;
      else current.push({ ...run, text: word });
      used += width;
    }
  }
  close();
  return parts;
}

function sameStyle(a: PdfInline, b: PdfInline): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('text');
  return [...keys].every((key) => a[key as keyof PdfInline] === b[key as keyof PdfInline]);
}
