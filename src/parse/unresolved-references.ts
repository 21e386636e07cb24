/**
 * References the Markdown parser silently leaves as text because nothing defines them:
 * `[^note]` without a `[^note]: …` definition, and `[text][label]` without a `[label]: url`.
 * micromark only makes reference nodes for defined labels, so the leftovers are found in the
 * source of text nodes.
 */
import type { Point, Span } from '../model/types.js';
import { advance } from './points.js';

/** One leftover reference: what kind, its label as written, and where it is. */
export interface UnresolvedReference {
  kind: 'footnote' | 'link';
  label: string;
  pos: Span;
}

// A backslash before `[` means the author wrote the brackets on purpose.
const FOOTNOTE = /(?<!\\)\[\^([^\]\s]+)\]/g;
const FULL_REFERENCE = /(?<!\\)\[[^\]\n]+\]\[([^\]\n]+)\]/g;

/** Finds leftover references in `raw`, the source text of one text node that starts at `start`. */
export function findUnresolvedReferences(raw: string, start: Point): UnresolvedReference[] {
  const found: UnresolvedReference[] = [];
  for (const m of raw.matchAll(FOOTNOTE)) {
    found.push({ kind: 'footnote', label: m[1] ?? '', pos: spanIn(raw, start, m.index, m[0].length) });
  }
  for (const m of raw.matchAll(FULL_REFERENCE)) {
    if ((m[1] ?? '').startsWith('^')) continue;
    found.push({ kind: 'link', label: m[1] ?? '', pos: spanIn(raw, start, m.index, m[0].length) });
  }
  return found;
}

function spanIn(raw: string, start: Point, index: number, length: number): Span {
  return { start: advance(raw, start, index), end: advance(raw, start, index + length) };
}
