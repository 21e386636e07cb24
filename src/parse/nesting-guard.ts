/**
 * A cheap line scan for absurdly deep block nesting, run before remark sees the text. remark
 * recurses once per level of block quotes and list items: a few thousand levels overflow the
 * stack, and a few hundred already take seconds. The scan is linear and never recurses.
 */
import type { Point } from '../model/types.js';

/**
 * Nesting the scan lets through to the parser. Well above `MAX_NESTING` (which the converter
 * reports precisely) and well below where remark slows down or overflows.
 */
export const MAX_SCANNED_NESTING = 64;

/** Where a line first nests deeper than `MAX_SCANNED_NESTING`, with its depth; undefined when none does. */
export function findDeepNesting(text: string): { at: Point; depth: number } | undefined {
  let lineStart = 0;
  for (let line = 1; lineStart <= text.length; line++) {
    const end = text.indexOf('\n', lineStart);
    const lineEnd = end === -1 ? text.length : end;
    const hit = scanLine(text, lineStart, lineEnd);
    if (hit) return { at: { line, column: hit.index - lineStart + 1, offset: hit.index }, depth: hit.depth };
    if (end === -1) break;
    lineStart = end + 1;
  }
  return undefined;
}

/** Counts the container markers a line opens (`>`, `-`, `*`, `+`, `1.`, `1)`), plus its indentation. */
function scanLine(text: string, start: number, end: number): { index: number; depth: number } | undefined {
  let i = start;
  let indent = 0;
  while (i < end && (text[i] === ' ' || text[i] === '\t')) {
    indent += text[i] === '\t' ? 4 - (indent % 4) : 1;
    i++;
  }
  // Leading indentation only means nesting when a marker follows; two columns per level is the
  // tightest a list can nest, so this never underestimates.
  let depth = 0;
  let counted = false;
  while (i < end) {
    const next = markerEnd(text, i, end);
    if (next === undefined) break;
    if (!counted) {
      depth += Math.floor(indent / 2);
      counted = true;
    }
    depth++;
    if (depth > MAX_SCANNED_NESTING) return { index: i, depth };
    i = next;
    while (i < end && (text[i] === ' ' || text[i] === '\t')) i++;
  }
  return undefined;
}

/** The index after a container marker starting at `i`, or undefined when none starts there. */
function markerEnd(text: string, i: number, end: number): number | undefined {
  const c = text[i];
  if (c === '>') return i + 1;
  const spaceOrEnd = (k: number): boolean => k >= end || text[k] === ' ' || text[k] === '\t';
  if ((c === '-' || c === '*' || c === '+') && spaceOrEnd(i + 1)) return i + 1;
  let k = i;
  while (k < end && k - i < 9 && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
  if (k > i && (text[k] === '.' || text[k] === ')') && spaceOrEnd(k + 1)) return k + 1;
  return undefined;
}
