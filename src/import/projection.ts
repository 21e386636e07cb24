/**
 * Where each character of a block's Word text came from in the Markdown source: the text the
 * DOCX renderer writes for the block's inlines, character by character, with the source offsets
 * that character was written at and the inline nodes it stands in. Edits to the Word text then
 * become edits of exactly those source bytes.
 */
import { assertNever } from '../model/assert-never.js';
import type { Inline } from '../model/types.js';
import { NOTE_MARK } from './read-docx.js';

/** One character of the rendered text and the source it came from. */
export interface SourceChar {
  char: string;
  /** Source offsets [start, end) the character was written as (an escape, an entity, a note reference). */
  start: number;
  end: number;
  /** The inline nodes around it, outermost first (strong, emphasis, link, …). */
  path: readonly Inline[];
  /** A hard line break (a node of its own), which stays a line break. */
  hard?: boolean;
}

/** The rendered text of inlines with the source of each character; undefined when they cannot be aligned. */
export function project(inlines: readonly Inline[], source: string): SourceChar[] | undefined {
  const out: SourceChar[] = [];
  const ok = visit(inlines, [], source, out);
  return ok ? collapseLineBreaks(out) : undefined;
}

function visit(nodes: readonly Inline[], path: readonly Inline[], source: string, out: SourceChar[]): boolean {
  for (const node of nodes) {
    if (!node.pos) return false;
    const start = node.pos.start.offset;
    const end = node.pos.end.offset;
    switch (node.type) {
      case 'text':
      case 'inlineCode':
        if (!align(node.value, start, end, source, path, out)) return false;
        break;
      case 'break':
        out.push({ char: '\n', start, end, path, hard: true });
        break;
      case 'footnoteRef':
        out.push({ char: NOTE_MARK, start, end, path });
        break;
      case 'inlineImage':
        // Word text has no character for a picture: its source is left as it is, between the characters around it.
        break;
      case 'crossRef':
        // Generated text ("figur 2"): each character stands for the whole reference, which is edited whole or not at all.
        for (const char of node.text) out.push({ char, start, end, path: [...path, node] });
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'superscript':
      case 'subscript':
      case 'link':
      case 'lang':
        if (!visit(node.children, [...path, node], source, out)) return false;
        break;
      default:
        assertNever(node);
    }
  }
  return true;
}

/** Longest stretch of markup skipped between two characters (`&nbsp;`, `&#x1F600;`, a line prefix). */
const WINDOW = 12;

/**
 * Matches each character of a node's value to the source between `start` and `end`. Characters
 * the parser dropped (backslashes of escapes, the rest of an entity, line indentation) are given
 * to the character they belong to: a backslash to the next, anything else to the previous.
 */
function align(value: string, start: number, end: number, source: string, path: readonly Inline[], out: SourceChar[]): boolean {
  let at = start;
  let previous: SourceChar | undefined;
  for (const char of value) {
    let found = -1;
    for (let k = at; k < Math.min(end, at + WINDOW); k++) {
      // The parser turns line endings in code spans into spaces.
      if (source.startsWith(char, k) || (/\s/.test(char) && /\s/.test(source.charAt(k)))) {
        found = k;
        break;
      }
    }
    if (found < 0) return false;
    let from = found;
    if (found > at) {
      const skipped = source.slice(at, found);
      if (/^\\+$/.test(skipped)) from = at;
      else if (previous) previous.end = found;
    }
    previous = { char, start: from, end: found + char.length, path };
    out.push(previous);
    at = found + char.length;
  }
  return true;
}

/** The renderer writes a soft line break and the spaces around it as one space; so does the projection. */
function collapseLineBreaks(chars: SourceChar[]): SourceChar[] {
  const out: SourceChar[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as SourceChar;
    if (!/\s/.test(c.char) || c.hard) {
      out.push(c);
      continue;
    }
    let j = i;
    while (j < chars.length && /\s/.test((chars[j] as SourceChar).char) && !(chars[j] as SourceChar).hard) j++;
    const run = chars.slice(i, j);
    if (run.some((r) => r.char === '\n')) {
      out.push({ char: ' ', start: c.start, end: (run.at(-1) as SourceChar).end, path: c.path });
    } else out.push(...run);
    i = j - 1;
  }
  return out;
}
